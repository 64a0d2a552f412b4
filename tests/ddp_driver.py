"""Driver of tests/test_distributed.py: a fine-tune of the tiny model, then a bench with its adapter, run the
same way in one process (``python tests/ddp_driver.py MODEL OUT single``) and in two
(``python -m torch.distributed.run --standalone --nproc-per-node 2 tests/ddp_driver.py MODEL OUT ddp``).

The two-process run stops after 2 of its 4 steps and resumes from that checkpoint, so it also shows that
checkpoints and ``--resume`` work under DDP. Each rank writes ``OUT/rank-<rank>.json`` with what it saw.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import torch

from bench.run import BenchConfig, run_bench
from sft import distributed
from sft.train import FinetuneConfig, finetune

#: 16 examples in global batches of 4 (two micro batches of 2: accumulated in one process, one per rank in
#: two): 4 steps. No LoRA dropout: each rank draws its own dropout masks, so with dropout the two runs would
#: be equal in distribution only, not weight for weight.
RECIPE = dict(examples=16, epochs=1.0, batch_size=4, micro_batch_size=2, save_steps=2, logging_steps=1,
              learning_rate=1e-3, lora_r=4, lora_alpha=8, lora_dropout=0.0, device="cpu", dtype="fp32",
              prompt="short", mix="extended")


def main(model: str, out: str, mode: str) -> None:
    out_dir = Path(out)
    adapter = out_dir / "adapter"
    cfg = dict(RECIPE, model=model, out=str(adapter))
    if mode == "ddp":  # interrupted after 2 steps, then resumed from the checkpoint
        stopped = finetune(FinetuneConfig(**cfg, stop_after_steps=2))
        assert stopped["steps"] == 2, stopped["steps"]
        train = finetune(FinetuneConfig(**cfg, resume=True))
    else:
        train = finetune(FinetuneConfig(**cfg))
    written = (adapter / "qwen_sft.json").is_file()  # every rank returns once rank 0 has written the adapter
    report = run_bench(BenchConfig(
        contenders=["rule", "prompt", "qlora", "hybrid"], splits=["seen", "wild", "relative"], limit=3,
        model=model, adapter=str(adapter), run="bench", reports_dir=str(out_dir / "reports"), batch_size=2,
        max_new_tokens=6, latency_sample=2, device="cpu", dtype="fp32", command="test"))
    record = {"rank": distributed.rank(), "world_size": distributed.world_size(),
              "process_group": torch.distributed.is_initialized(), "train": train,
              "adapter_written": written, "report": report is not None}
    distributed.destroy()
    (out_dir / f"rank-{distributed.rank()}.json").write_text(json.dumps(record), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
