"""Speed benchmarks (timed by pytest-benchmark, never asserted): see conftest.py for the knobs."""

from __future__ import annotations

import itertools

from bench.speed import warm


def _extractor(workspace, batch_size: int):
    adapter = workspace.adapter is not None
    return workspace.extractor(adapter=adapter, constrained=False, prompt=workspace.prompt_for(adapter),
                               batch_size=batch_size)


def _rotating(questions, size):
    """pedantic() setup: a different slice of the suite every round (no answer is ever cached)."""
    starts = itertools.count(0, size)

    def setup():
        start = next(starts) % len(questions)
        return ([questions[(start + i) % len(questions)] for i in range(size)],), {}

    return setup


def test_extract_batch1(benchmark, workspace, questions, rounds):
    extract = _extractor(workspace, 1)
    warm(extract, questions[: rounds * 4], 1)  # with CUDA graphs: the very questions the rounds take
    benchmark.extra_info.update(batch_size=1, model=workspace.model_spec, adapter=str(workspace.adapter))
    benchmark.pedantic(extract, setup=_rotating(questions, 1), rounds=rounds * 4, iterations=1)
    benchmark.extra_info["queries_per_s"] = 1 / benchmark.stats.stats.median


def test_extract_best_batch(benchmark, workspace, questions, rounds, best_batch):
    extract = _extractor(workspace, best_batch)
    warm(extract, questions[: best_batch * rounds], best_batch)
    benchmark.extra_info.update(batch_size=best_batch, model=workspace.model_spec, adapter=str(workspace.adapter))
    benchmark.pedantic(extract, setup=_rotating(questions, best_batch), rounds=rounds, iterations=1)
    benchmark.extra_info["queries_per_s"] = best_batch / benchmark.stats.stats.median


def test_lora_train_step(benchmark, device, rounds):
    """The training step `qwen-sft finetune` runs (the tutorial profile's recipe: LoRA r 64 on all linear
    layers, batch 16, answer-only loss, its optimizer and schedule; QLoRA on CUDA), timed by a real fine-tune
    of a few steps: the median step goes to extra_info, the whole short fine-tune is the benchmarked call."""
    import os

    from bench.speed import train_step_seconds

    model = os.environ.get("QWEN_SFT_BENCH_MODEL", "embedded")
    result = {}

    def run():
        result.update(train_step_seconds(model, profile="tutorial", steps=max(2, rounds // 2), device=str(device)))

    benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update({k: v for k, v in result.items() if k != "step_seconds"})


def test_resolve_reference_answers(benchmark, rounds):
    """The ``+resolve`` post-processing alone (no model): every model text of ``reports/reference-h100``'s
    ``qlora+resolve`` resolved against its question and reference day, as the bench does after the model run (host
    time a GPU waits on: 0.65 ms an answer before the question's normalising was kept, 0.43 after, on a 2-core EPYC)."""
    import gzip
    import json
    from pathlib import Path

    from bench.scorer import model_text
    from sft.suite import load_suite
    from sft.task import _normalize, resolve_output

    samples = Path(__file__).resolve().parent.parent / "reports" / "reference-h100" / "samples.jsonl.gz"
    items = {it.id: it for it in load_suite()}
    with gzip.open(samples, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    pairs = [(model_text(r), items[r["id"]].today, r["query"]) for r in rows
             if r["contender"] == "qlora+resolve" and r["id"] in items]

    def run():
        return [resolve_output(text, today, question) for text, today, question in pairs]

    benchmark.pedantic(run, setup=_normalize.cache_clear, rounds=rounds, iterations=1)
