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
