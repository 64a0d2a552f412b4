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
        "mean_forced_tokens": sum(g.forced_tokens for g in generations) / max(1, len(generations)),
        # model calls (prefill + decode steps) of the batch each question was in, averaged over questions
        "mean_forwards": statistics.mean(g.forwards for g in generations) if generations else None,
    }


def device_name(device) -> str:
    device = torch.device(device)
    if device.type == "cuda":
        return torch.cuda.get_device_name(device)
    import platform

    return f"CPU {platform.processor() or platform.machine()} × {torch.get_num_threads()} threads"


def warm(extractor, questions: list[str], few: int) -> None:
    """Untimed warm-up: every one of ``questions`` where the extractor captures CUDA graphs (one per batch
    shape, :meth:`sft.engine.Extractor.warm_up`), else its first ``few``."""
    if getattr(extractor, "needs_warmup", False):
        extractor.warm_up(questions)
    else:
        extractor(questions[:few])


def measure_batch1(extractor_factory, questions: list[str], warmup: int = 2,
                   reference: dict[str, str] | None = None) -> dict:
    """Batch-1 loop over ``questions`` (after ``warmup`` untimed questions): the latency a lone user sees.
    With ``reference`` (question -> the answer text of the batched run), how many batch-1 answers are the same
    (``same_answers`` of ``answers_compared``): a batch of one row runs other code (prompt lookup, sft.lookup)."""
    import time

    extractor = extractor_factory(1)
    warm(extractor, questions, warmup)
    start = time.perf_counter()
    gens = extractor(questions)
    out = summarize(gens, time.perf_counter() - start)
    out["engine"] = getattr(extractor, "engine_label", None)
    if reference is not None:
        pairs = [(g.text, reference[g.question]) for g in gens if g.question in reference]
        out.update(same_answers=sum(a == b for a, b in pairs), answers_compared=len(pairs))
    return out


def lookup_pair(extractor_factory, questions: list[str], k: int, warmup: int = 2) -> dict:
    """Batch 1, prompt lookup off (``lookup=0``) and on (``lookup=k``, sft.lookup): the same extractor settings,
    the same questions, one process; each question runs both ways back to back, the order alternating, so drift
    (other work, clocks) falls on both alike. Figures per setting, and how many answers are the same."""
    import time

    extractors = {}
    for value in (0, k):
        extractors[value] = ex = extractor_factory(1)
        ex.lookup = value
        warm(ex, questions, warmup)
    runs: dict[int, list] = {0: [], k: []}
    for i, question in enumerate(questions):
        for value in ((0, k) if i % 2 == 0 else (k, 0)):
            start = time.perf_counter()
            runs[value].append(extractors[value]([question])[0])
            runs[value][-1].batch_seconds = time.perf_counter() - start
    out = {}
    for value, gens in runs.items():
        out[f"lookup_{value}"] = {**summarize(gens, sum(g.batch_seconds for g in gens)),
                                  "engine": extractors[value].engine_label}
    out["same_answers"] = sum(a.text == b.text for a, b in zip(runs[0], runs[k], strict=True))
    out["answers_compared"] = len(questions)
    out["p50_speedup"] = out["lookup_0"]["p50_ms"] / out[f"lookup_{k}"]["p50_ms"]
    return out


# ------------------------------------------------------------------------------- GPU speed sweep

H100_BANDWIDTH = 3.35e12  # bytes/s, H100 SXM HBM3: the reference card
BANDWIDTH = {"H200": 4.8e12, "H100": H100_BANDWIDTH, "A100": 2.0e12}  # bytes/s, HBM, by card name


def card_bandwidth(device) -> tuple[str, float]:
    """(card, bytes/s) of a device, by its name; the H100 figure for any other device (a CPU included)."""
    name = device_name(device)
    for card, bandwidth in BANDWIDTH.items():
        if card in name:
            return card, bandwidth
    return "H100 (assumed)", H100_BANDWIDTH


def decode_floor(model, device="cuda") -> dict:
    """The memory-bound floor of one decode step: every weight byte read once, at the card's bandwidth.

    Given at the card's own bandwidth and at the H100's 3.35 TB/s (the issue's reference).
    """
    weight_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
    card, bandwidth = card_bandwidth(device)
    return {"weight_bytes": weight_bytes, "card": card, "bandwidth_tb_s": bandwidth / 1e12,
            "ms": weight_bytes / bandwidth * 1000, "h100_ms": weight_bytes / H100_BANDWIDTH * 1000}


def peak_memory_gb(device) -> float | None:
    if torch.device(device).type != "cuda":
        return None
    return torch.cuda.max_memory_allocated(device) / 2**30


def sweep(make_extractor, questions: list[str], batch_sizes=(1, 8, 32, 128, 512), latency_n: int = 100,
          device="cuda", progress=None) -> dict:
    """Batch-1 latency over ``latency_n`` questions, then throughput at each batch size.

    Each batch size runs over min(len(questions), 16 x batch) questions, at least 2 batches (cycled), after one
    warm-up batch.
    An out-of-memory batch size is reported as such and the next one is tried.
    """
    import time

    cuda = torch.device(device).type == "cuda"
    result = {"batch_sizes": list(batch_sizes), "throughput": []}
    ex = make_extractor(1)
    sample = [questions[i % len(questions)] for i in range(latency_n)]
    warm(ex, sample, 3)
    start = time.perf_counter()
    result["batch1"] = summarize(ex(sample), time.perf_counter() - start)
    for bs in batch_sizes:
        n = max(min(len(questions), 16 * bs), 2 * bs)
        qs = [questions[i % len(questions)] for i in range(n)]
        try:
            if cuda:
                torch.cuda.empty_cache()
                torch.cuda.reset_peak_memory_stats(device)
            ex = make_extractor(bs)
            warm(ex, qs, bs)
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


def train_step_seconds(model: str, *, profile: str = "tutorial", steps: int = 5, device: str | None = None,
                       warmup: int = 2, **overrides) -> dict:
    """Median seconds of the training step ``qwen-sft finetune`` runs: a real ``finetune`` of ``steps +
    warmup`` steps with the profile's recipe (optimizer, schedule, LoRA, quantisation, batch), into a
    temporary folder; the step times come from the fine-tune's own per-step clock (``step_seconds``)."""
    import statistics as st
    import tempfile

    from sft.train import FinetuneConfig, finetune

    with tempfile.TemporaryDirectory(prefix="qwen-sft-step-") as tmp:
        cfg = FinetuneConfig.from_profile(profile, model=model, device=device, out=tmp, **overrides)
        cfg.max_steps = steps + warmup
        cfg.examples = cfg.batch_size * (steps + warmup)
        cfg.save_steps = 10**9
        train = finetune(cfg)
    timed = train["step_seconds"][warmup:]
    return {"profile": profile, "batch": cfg.batch_size, "micro_batch": cfg.micro_batch_size, "lora_r": cfg.lora_r,
            "mode": train["mode"], "steps": len(timed), "median_s": st.median(timed), "step_seconds": timed}


def hf_generate_latency(model, tokenizer, questions: list[str], prompt: str = "tutorial", n: int = 100,
                        max_new_tokens: int = 24, fixed: bool = False, static: bool = True,
                        max_cache_len: int = 256, warmup: int = 3) -> dict:
    """Batch-1 latency of transformers' own ``generate``, for comparison with the engine.

    With ``static`` a StaticCache (fixed shape, reused across questions) makes ``generate`` compile the decode
    step itself (torch.compile, CUDA graphs): the "static KV cache + torch.compile" lever, measured as
    transformers ships it. Not a contender (no grammar, no batching): it stops at the first ``}`` through
    ``stop_strings`` or, with ``fixed``, generates exactly ``max_new_tokens``. The warm-up (compilation) is
    timed apart.
    """
    import inspect
    import time

    from sft.engine import synchronize
    from sft.prompt import render

    device = next(model.parameters()).device
    kw = dict(do_sample=False, max_new_tokens=max_new_tokens, pad_token_id=tokenizer.pad_token_id)
    if fixed:
        kw["min_new_tokens"] = max_new_tokens
    else:
        kw.update(stop_strings="}", tokenizer=tokenizer)
    cache = None
    if static:
        from transformers import StaticCache

        cache = StaticCache(config=model.config, max_cache_len=max_cache_len)
        params = inspect.signature(model.forward).parameters
        cache_kw = "cache" if "cache" in params else "past_key_values"

    def one(question: str) -> tuple[str, int]:
        ids = tokenizer(render(tokenizer, question, prompt), return_tensors="pt", add_special_tokens=False).to(device)
        extra = {}
        if cache is not None:
            cache.reset()
            extra[cache_kw] = cache
        out = model.generate(**ids, **kw, **extra)
        new = out[0, ids["input_ids"].shape[1]:]
        return tokenizer.decode(new, skip_special_tokens=True), int(new.numel())

    synchronize(device)
    start = time.perf_counter()
    for q in questions[:warmup]:
        one(q)
    synchronize(device)
    warmup_s = time.perf_counter() - start
    latencies, tokens, text = [], 0, ""
    for i in range(n):
        synchronize(device)
        start = time.perf_counter()
        text, k = one(questions[i % len(questions)])
        synchronize(device)
        latencies.append((time.perf_counter() - start) * 1000)
        tokens += k
    return {"n": n, "static_cache": static, "prompt": prompt, "warmup_s": warmup_s,
            "p50_ms": statistics.median(latencies), "p95_ms": percentile(latencies, 0.95),
            "queries_per_s": n / (sum(latencies) / 1000), "mean_new_tokens": tokens / n, "last_output": text}
