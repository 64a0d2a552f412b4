"""Issue 15: where a large batch's time goes in the engine (torch.profiler), on the base model as the bench
loads it (bf16 on CUDA), the short prompt, 20 new tokens per row (stop_at_answer off: every row the same).

    python3 scripts/profile_engine.py [BATCH] [OUT_DIR]
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import torch
from torch.profiler import ProfilerActivity, profile

from sft.session import InferenceSession

batch = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
out = Path(sys.argv[2] if len(sys.argv) > 2 else ".")
qs = [json.loads(line)["query"] for line in open("datasets/test_suite.jsonl", encoding="utf-8")]
qs = [qs[i % len(qs)] for i in range(batch)]
session = InferenceSession(batch_size=batch)
report = {"batch": batch, "engine": None, "runs": []}
texts = {}
for gqa in ("0", "1"):  # transformers' SDPA (repeat_kv under a mask) vs sft.static_cache.gqa_attention
    os.environ["QWEN_SFT_GQA"] = gqa
    ex = session.extractor(adapter=False, constrained=False, prompt="short", batch_size=batch)
    ex.max_new_tokens, ex.stop_at_answer = 20, False
    for loop in (True, False, True):
        ex.device_loop = loop
        ex(qs)  # graphs captured, table built
        t0 = time.perf_counter()
        enc = ex.encode_many(qs, [None] * len(qs))
        t1 = time.perf_counter()
        gens = ex.generate_batch(qs, enc)
        t2 = time.perf_counter()
        texts[gqa] = [g.text for g in gens]
        report["runs"].append({"gqa": gqa, "device_loop": loop, "encode_s": t1 - t0, "generate_batch_s": t2 - t1,
                               "batch_seconds": gens[0].batch_seconds, "forwards": gens[0].forwards})
        print(report["runs"][-1], flush=True)
report["same_text_gqa_on_off"] = sum(a == b for a, b in zip(texts["0"], texts["1"]))
print("same text with and without gqa_attention:", report["same_text_gqa_on_off"], "of", batch, flush=True)
report["engine"] = ex.engine_label
ex.device_loop = True
runner = ex._static_runner
rows = ex.encode_many(qs, [None] * len(qs))
with torch.inference_mode():  # as generate_batch runs (no autograd records in the timed calls)
    for _ in range(2):
        torch.cuda.synchronize()
        t = time.perf_counter()
        runner.prefill(rows, ex.pad_id, steps=2 * ex.max_new_tokens + 16)
        torch.cuda.synchronize()
        p = time.perf_counter() - t
        t = time.perf_counter()
        for _ in range(10):
            runner.step_tensor(torch.zeros(len(rows), dtype=torch.long, device=ex.device))
        torch.cuda.synchronize()
        report["prefill_s"], report["decode_step_s"] = p, (time.perf_counter() - t) / 10
    print("prefill", report["prefill_s"], "decode step", report["decode_step_s"], flush=True)
    with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
        ex.generate_batch(qs, rows)
table_cuda = prof.key_averages().table(sort_by="cuda_time_total", row_limit=30)
table_cpu = prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=30)
out.mkdir(parents=True, exist_ok=True)
(out / f"engine-profile-{batch}.txt").write_text(table_cuda + "\n\n" + table_cpu, encoding="utf-8")
(out / f"engine-profile-{batch}.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
print(table_cuda[:6000])
