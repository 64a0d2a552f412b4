"""Speed figures from timed generations: queries/s, per-query latency percentiles, tokens/s.

Timings come from :class:`sft.engine.Extractor`, which synchronises the device before reading the
clock. A question's latency is the wall time of the batch it was answered in (at batch 1, its own).
"""

from __future__ import annotations

import statistics

import torch

from sft.engine import Generation


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summarize(generations: list[Generation], seconds: float) -> dict:
    """queries/s and tokens/s over the whole run; p50/p95 of per-question latency in ms."""
    latencies = [g.batch_seconds * 1000 for g in generations]
    new_tokens = sum(g.new_tokens for g in generations)
    return {
        "n": len(generations),
        "seconds": seconds,
        "queries_per_s": len(generations) / seconds if seconds else None,
        "p50_ms": statistics.median(latencies) if latencies else None,
        "p95_ms": percentile(latencies, 0.95),
        "tokens_per_s": new_tokens / seconds if seconds else None,
        "mean_prompt_tokens": sum(g.prompt_tokens for g in generations) / max(1, len(generations)),
        "mean_new_tokens": new_tokens / max(1, len(generations)),
    }


def device_name(device) -> str:
    device = torch.device(device)
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    import platform

    return f"CPU {platform.processor() or platform.machine()} × {torch.get_num_threads()} threads"


def measure_batch1(extractor_factory, questions: list[str], warmup: int = 2) -> dict:
    """Batch-1 loop over ``questions`` (after ``warmup`` untimed questions): the latency a lone user sees."""
    import time

    extractor = extractor_factory(1)
    extractor(questions[:warmup])
    start = time.perf_counter()
    gens = extractor(questions)
    return summarize(gens, time.perf_counter() - start)


# ------------------------------------------------------------------------------- GPU speed sweep

H100_BANDWIDTH = 3.35e12  # bytes/s, H100 SXM HBM3


def decode_floor_ms(model, bandwidth: float = H100_BANDWIDTH) -> float:
    """The memory-bound floor of one decode step: every weight byte read once, at the card's bandwidth."""
    weight_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
    return weight_bytes / bandwidth * 1000


def peak_memory_gb(device) -> float | None:
    if torch.device(device).type != "cuda":
        return None
    return torch.cuda.max_memory_allocated(device) / 2**30


def sweep(make_extractor, questions: list[str], batch_sizes=(1, 8, 32, 128, 512), latency_n: int = 100,
          device="cuda", progress=None) -> dict:
    """Batch-1 latency over ``latency_n`` questions, then throughput at each batch size.

    Each batch size runs over min(len(questions), 64 x batch) questions, at least 2 batches (cycled), after one
    warm-up batch.
    An out-of-memory batch size is reported as such and the next one is tried.
    """
    import time

    cuda = torch.device(device).type == "cuda"
    result = {"batch_sizes": list(batch_sizes), "throughput": []}
    ex = make_extractor(1)
    ex(questions[:3])
    sample = [questions[i % len(questions)] for i in range(latency_n)]
    start = time.perf_counter()
    result["batch1"] = summarize(ex(sample), time.perf_counter() - start)
    for bs in batch_sizes:
        n = max(min(len(questions), 64 * bs), 2 * bs)
        qs = [questions[i % len(questions)] for i in range(n)]
        try:
            if cuda:
                torch.cuda.empty_cache()
                torch.cuda.reset_peak_memory_stats(device)
            ex = make_extractor(bs)
            ex(qs[:bs])  # warm-up at this shape
            start = time.perf_counter()
            gens = ex(qs)
            row = {"batch_size": bs, **summarize(gens, time.perf_counter() - start),
                   "peak_memory_gb": peak_memory_gb(device)}
        except torch.OutOfMemoryError:
            row = {"batch_size": bs, "error": "out of memory"}
            if cuda:
                torch.cuda.empty_cache()
        result["throughput"].append(row)
        if progress:
            progress(row)
    ok = [r for r in result["throughput"] if "error" not in r]
    if ok:
        result["best"] = max(ok, key=lambda r: r["queries_per_s"])
    return result


def train_step_seconds(model, tokenizer, steps: int = 5, batch: int = 16, prompt: str = "tutorial",
                       lora_r: int = 64) -> dict:
    """Median seconds of one LoRA step (all linear layers, answer-only loss) at ``batch`` examples."""
    import statistics as st
    import time

    from peft import LoraConfig, get_peft_model

    from sft.datagen import generate
    from sft.engine import synchronize
    from sft.train import AnswerOnlyCollator, answer_loss, tokenize_examples

    device = next(model.parameters()).device
    data, _ = tokenize_examples(tokenizer, generate(n=batch, seed=0), prompt, 512)
    inputs = AnswerOnlyCollator(tokenizer.pad_token_id)(data)
    labels = inputs.pop("labels")
    inputs = {k: v.to(device) if torch.is_tensor(v) else v for k, v in inputs.items()}
    peft_model = get_peft_model(model, LoraConfig(r=lora_r, lora_alpha=16, target_modules="all-linear",
                                                  task_type="CAUSAL_LM"))
    peft_model.train()
    opt = torch.optim.AdamW([p for p in peft_model.parameters() if p.requires_grad], lr=1e-4)
    times = []
    for i in range(steps + 2):
        synchronize(device)
        start = time.perf_counter()
        loss = answer_loss(peft_model(**inputs), labels)
        loss.backward()
        opt.step()
        opt.zero_grad()
        synchronize(device)
        if i >= 2:
            times.append(time.perf_counter() - start)
    return {"batch": batch, "tokens_per_example": inputs["input_ids"].shape[1], "steps": steps,
            "median_s": st.median(times), "lora_r": lora_r, "dtype": str(next(model.parameters()).dtype)}
