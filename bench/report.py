"""Report artifacts: ``report.json`` (the data), ``report.md`` and plots rendered from it, rich tables.

Layout of ``reports/<run>/``: ``report.json``, ``report.md``, ``samples.jsonl`` (one scored record per
contender and question), ``accuracy.png`` and, when a fine-tune is part of the run, ``loss.png``.

``write_report`` adds two keys to the report before writing it: ``comparisons`` (per split, the best contender
by exact match and each other one against it, exact McNemar test on the paired per-item results:
``scorer.compare``) and ``recommendation`` (``recommend``: the best contender on the ``wild`` split, else
``overall``, with its interval, the contenders within noise of it and its speed).
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench import scorer
from sft.errors import UserError

SHOWN = ("exact", "json_valid", "city_acc", "city_acc_lenient", "date_acc")
REAL_SPLIT = "wild"  # the real-phrasing split the recommendation is made on (else overall)
NOISE_LEGEND = ("**bold** = best exact match on that split; ≈ = within noise of the best (paired exact McNemar "
                "test on the same items, p ≥ 0.05); [lo–hi] = Wilson 95 % interval.")


def _pct(x) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def interval(m: dict, key: str) -> list[float] | None:
    """``m[key + "_ci95"]``; for reports written before intervals existed, recomputed from ``n`` for the
    metrics over all items."""
    if f"{key}_ci95" in m:
        return m[f"{key}_ci95"]
    if key in scorer.METRICS and m.get(key) is not None and m.get("n"):
        return scorer.wilson(round(m[key] * m["n"]), m["n"])
    return None


def pct_ci(m: dict, key: str) -> str:
    """``93.5 [91.0–95.3]`` (percent with its Wilson 95 % interval), ``–`` when there is no value."""
    value = m.get(key)
    if value is None:
        return "–"
    ci = interval(m, key)
    return _pct(value) + (f" [{100 * ci[0]:.1f}–{100 * ci[1]:.1f}]" if ci else "")


def _num(x, fmt="{:.1f}") -> str:
    return "–" if x is None else fmt.format(x)


def _device_text(speed: dict) -> str:
    """A contender's device; a data-parallel run's with its process count (``NVIDIA H200 × 2``)."""
    device = speed.get("device", "–")
    world = speed.get("world_size") or 1
    text = f"{device} × {world}" if world > 1 else device
    if speed.get("engine") and speed["engine"] != "dynamic":  # the static cache (sft.static_cache)
        text += f" ({speed['engine']})"
    return text


def _cpu_text(cpu: dict | None) -> str:
    if not cpu:
        return "–"
    flags = ", ".join(cpu.get("flags") or []) or "none of avx2/avx512/amx"
    return f"{cpu.get('model')}, {cpu.get('cores')} cores, flags: {flags}"


def write_samples(path: Path, records: list[dict]) -> None:
    """One JSON record a line; gzip-compressed where ``path`` ends in ``.gz`` (what a commit keeps)."""
    import gzip

    with (gzip.open if Path(path).suffix == ".gz" else open)(path, "wt", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def plot_accuracy(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    contenders = list(report["contenders"])
    splits = sorted({s for c in report["contenders"].values() for s in c["splits"]}) + ["overall"]
    fig, ax = plt.subplots(figsize=(1.6 + 1.3 * len(splits) * max(1, len(contenders)) / 3, 4))
    width = 0.8 / max(1, len(contenders))
    for i, name in enumerate(contenders):
        c = report["contenders"][name]
        values = [(c["splits"].get(s) or {}).get("exact") if s != "overall" else c["overall"]["exact"]
                  for s in splits]
        xs = [j + i * width for j in range(len(splits))]
        bars = ax.bar(xs, [v or 0 for v in values], width, label=name)
        ax.bar_label(bars, labels=[_pct(v) for v in values], fontsize=7, padding=1)
    ax.set_xticks([j + width * (len(contenders) - 1) / 2 for j in range(len(splits))], splits)
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("exact match (city and date right)")
    ax.set_title(f"Exact match per split — {report['run']['name']}")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def plot_loss(train: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = train.get("loss_curve") or []
    if not curve:
        return
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.plot([p["step"] for p in curve], [p["loss"] for p in curve], marker=".", lw=1)
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("training loss (answer tokens)")
    ax.set_yscale("log")
    ax.set_title(f"Fine-tune loss — {train.get('examples')} examples, {train.get('epochs')} epochs")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def accuracy_table(report: dict, title: str = "Accuracy (%)") -> Table:
    table = Table(title=title)
    for col in ("contender", "split", "n", "exact [95 % CI]", *SHOWN[1:]):
        table.add_column(col, justify="left" if col in ("contender", "split") else "right")
    for name, c in report["contenders"].items():
        rows = list(c["splits"].items()) + [("overall", c["overall"])]
        for split, m in rows:
            table.add_row(name, split, str(m["n"]), pct_ci(m, "exact"), *(_pct(m[k]) for k in SHOWN[1:]),
                          end_section=split == "overall")
    return table


def speed_table(report: dict) -> Table:
    table = Table(title="Speed")
    for col in ("contender", "device", "batch", "queries/s", "p50 ms", "p95 ms", "tokens/s",
                "batch-1 q/s", "batch-1 p50 ms", "speed-up"):
        table.add_column(col, justify="left" if col in ("contender", "device") else "right")
    for name, c in report["contenders"].items():
        s = c.get("speed") or {}
        b1 = s.get("batch1") or {}
        table.add_row(name, _device_text(s), str(s.get("batch_size", "–")), _num(s.get("queries_per_s")),
                      _num(s.get("p50_ms"), "{:.0f}"), _num(s.get("p95_ms"), "{:.0f}"),
                      _num(s.get("tokens_per_s")), _num(b1.get("queries_per_s"), "{:.2f}"),
                      _num(b1.get("p50_ms"), "{:.0f}"), _num(s.get("speedup_vs_batch1"), "{:.1f}×"))
    return table


def print_summary(report: dict, console: Console | None = None) -> None:
    console = console or Console()
    console.print(accuracy_table(report))
    console.print(speed_table(report))


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join("–" if c is None else str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _md_cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", "⏎")


def _rate_fmt(x) -> str:
    return f"{x:,.0f}" if x >= 100 else f"{x:.2f}"


def speed_text(speed: dict | None) -> str:
    """A contender's speed cost in one phrase: ``speed.queries_per_s`` and ``speed.p50_ms`` where present."""
    s = speed or {}
    parts = []
    if s.get("queries_per_s") is not None:
        where = ", ".join(str(x) for x in (f"batch {s['batch_size']}" if s.get("batch_size") else None,
                                           _device_text(s) if s.get("device") else None) if x)
        parts.append(f"{_rate_fmt(s['queries_per_s'])} queries/s" + (f" ({where})" if where else ""))
    if s.get("p50_ms") is not None:
        parts.append(f"p50 {s['p50_ms']:,.0f} ms")
    return ", ".join(parts) if parts else "no speed measured"


def _metrics(contender: dict, split: str) -> dict | None:
    return contender.get("overall") if split == "overall" else (contender.get("splits") or {}).get(split)


def recommend(report: dict) -> dict | None:
    """The contender to use, from report.json alone: best exact match on the ``wild`` split (the real
    phrasing; ``overall`` when the run has no ``wild`` split), its interval, the contenders within noise of it
    (from ``report["comparisons"]``) and its speed. ``None`` without contenders."""
    contenders = report.get("contenders") or {}
    split = REAL_SPLIT if any(REAL_SPLIT in (c.get("splits") or {}) for c in contenders.values()) else "overall"
    scored = {name: m for name, c in contenders.items()
              if (m := _metrics(c, split)) and m.get("exact") is not None}
    if not scored:
        return None
    cmp = (report.get("comparisons") or {}).get(split)
    best = cmp["best"] if cmp and cmp.get("best") in scored else max(scored, key=lambda k: scored[k]["exact"])
    paired = cmp["contenders"] if cmp and cmp.get("best") == best else None
    within = [name for name, r in paired.items() if r["within_noise"]] if paired is not None else None
    # samples of different sizes may share only a few questions: no verdict on those (older reports: comparable)
    unpaired = [name for name, r in (paired or {}).items() if not r.get("comparable", True)]
    m = scored[best]
    speed = contenders[best].get("speed") or {}
    rec = {"split": split, "contender": best, "exact": m["exact"], "exact_ci95": interval(m, "exact"),
           "n": m.get("n"), "within_noise": within, "too_few_paired": unpaired,
           "speed": {k: speed.get(k) for k in ("queries_per_s", "p50_ms", "batch_size", "device")
                     if speed.get(k) is not None} or None}
    if within is None:
        noise = "no paired comparison available"
    elif within:
        noise = "within noise of it: " + ", ".join(f"`{n}`" for n in within) + " (McNemar p ≥ 0.05)"
    elif len(scored) - len(unpaired) > 1:
        noise = "every other contender " + ("compared " if unpaired else "") + "is measurably worse (McNemar p < 0.05)"
    else:
        noise = "the only contender" if len(scored) == 1 else "no paired comparison available"
    if unpaired:
        noise += ("; too few questions shared with it to compare on this split: "
                  + ", ".join(f"`{n}` ({paired[n]['n_paired']})" for n in unpaired))
    rec["text"] = (f"**Which to use:** `{best}`: exact {pct_ci(m, 'exact')} % on `{split}` (n {m.get('n')}); "
                   f"{noise}; speed: {speed_text(speed)}.")
    return rec


def add_statistics(report: dict, samples: list[dict]) -> dict:
    """Add ``comparisons`` (from the samples) and ``recommendation`` to the report, in place."""
    if samples:
        report["comparisons"] = scorer.compare(samples)
    report["recommendation"] = recommend(report)
    return report


def _exact_cell(report: dict, name: str, split: str, m: dict) -> str:
    text = pct_ci(m, "exact")
    cmp = (report.get("comparisons") or {}).get(split)
    if not cmp:
        return text
    if cmp["best"] == name and cmp["contenders"]:  # nothing to mark with a single contender
        return f"**{_pct(m.get('exact'))}**" + text[len(_pct(m.get("exact"))):]
    if (cmp["contenders"].get(name) or {}).get("within_noise"):
        return text + " ≈"
    return text


def floor_sentence(b1: dict, floor: dict | None) -> str:
    """Batch-1 latency beside its memory-bound floor (weight bytes ÷ bandwidth per model call)."""
    text = (f"Batch-1 loop over {b1['n']} questions: p50 {b1['p50_ms']:.1f} ms, p95 {b1['p95_ms']:.1f} ms, "
            f"{b1['queries_per_s']:.1f} queries/s, {b1['mean_new_tokens']:.1f} new tokens per answer "
            f"({b1.get('mean_forced_tokens') or 0:.1f} forced by the grammar) in {b1.get('mean_forwards') or 0:.1f} "
            "model calls.")
    if floor:
        calls = b1.get("mean_forwards") or b1["mean_new_tokens"]
        text += (f" Floor: {floor['weight_bytes'] / 1e9:.2f} GB of weights ÷ {floor['bandwidth_tb_s']:.2f} TB/s "
                 f"({floor['card']}) = {floor['ms']:.3f} ms per model call, × {calls:.1f} calls = "
                 f"{floor['ms'] * calls:.1f} ms per question (at the H100's 3.35 TB/s: {floor['h100_ms']:.3f} ms "
                 f"per call, {floor['h100_ms'] * calls:.1f} ms).")
    return text


def render_markdown(report: dict, samples: list[dict]) -> str:
    run = report["run"]
    out = [f"# Report `{run['name']}`", ""]
    if "comparisons" not in report and samples:
        report = add_statistics(dict(report), samples)
    rec = report.get("recommendation") if "recommendation" in report else recommend(report)
    if rec:
        out += [rec["text"], ""]
    world = run.get("world_size") or 1
    device = run["device"] + (f" × {world} processes (data-parallel)" if world > 1 else "")
    out.append(_md_table(["", ""], [
        ["date", run["date"]], ["command", f"`{run['command']}`"], ["git commit", run.get("git_commit") or "–"],
        ["device", device], ["dtype", run.get("dtype") or "–"], ["model", run.get("model") or "–"],
        ["adapter", run.get("adapter") or "–"],
        ["suite", f"{run['suite']['path']} ({run['suite']['n']} questions, sha256 {run['suite']['sha256'][:12]})"],
        ["versions", ", ".join(f"{k} {v}" for k, v in run["versions"].items())],
        ["model load", _num(run.get("model_load_s"), "{:.1f} s")],
        ["cpu", _cpu_text(run.get("cpu"))],
        *([["resumed", ", ".join(f"`{n}`" for n in run["resumed"]) + " kept from an interrupted run of this "
            "command (`--resume`): scored then, with the same suite, model, adapter, code and settings"]]
          if run.get("resumed") else []),
    ]))
    out += ["", "## Accuracy (%)", "",
            "exact = city and date both right; json_valid = the whole output is exactly one JSON object "
            "with the two keys; city (lenient) ignores a trailing 市.", "", NOISE_LEGEND, ""]
    rows = []
    for name, c in report["contenders"].items():
        for split, m in list(c["splits"].items()) + [("overall", c["overall"])]:
            label = "**overall**" if split == "overall" else split
            rows.append([name, label, str(m["n"]), _exact_cell(report, name, split, m),
                         *(_pct(m[k]) for k in SHOWN[1:])])
    out.append(_md_table(["contender", "split", "n", "exact [95 % CI]", "json_valid", "city", "city (lenient)",
                          "date"], rows))
    sampled = [f"`{name}` {c['sample']['n']:,} of {c['sample']['of']:,} ({c['sample']['per_split']} a split)"
               for name, c in report["contenders"].items() if c.get("sample")]
    if sampled:
        out += ["", "Answered an evenly spread sample of each split (the same questions on every run; paired "
                "comparisons use the questions both contenders answered): " + "; ".join(sampled) + "."]
    out += ["", "## Hallucination (%)", "",
            "null city = of the questions without a city (gold null), the share answered with a null city; "
            "null date the same for dates; invented city = of the answers that name a city, the share whose "
            "city does not occur verbatim in the question (lower is better). n = each figure's denominator; "
            "[lo–hi] = Wilson 95 % interval.", ""]
    for name, c in report["contenders"].items():
        out += [f"### {name}", ""]
        rows = [[split if split != "overall" else "**overall**",
                 pct_ci(m, "null_city_acc"), _num(m.get("null_city_n"), "{}"),
                 pct_ci(m, "null_date_acc"), _num(m.get("null_date_n"), "{}"),
                 pct_ci(m, "invented_city_rate"), _num(m.get("invented_city_n"), "{}")]
                for split, m in list(c["splits"].items()) + [("overall", c["overall"])]]
        out += [_md_table(["split", "null city", "n", "null date", "n", "invented city", "n"], rows), ""]
    out += ["![accuracy](accuracy.png)", "", "## Speed", ""]
    rows = []
    for name, c in report["contenders"].items():
        s = c.get("speed") or {}
        b1 = s.get("batch1") or {}
        rows.append([name, _device_text(s), str(s.get("batch_size", "–")), _num(s.get("queries_per_s"), "{:.2f}"),
                     _num(s.get("p50_ms"), "{:.0f}"), _num(s.get("p95_ms"), "{:.0f}"),
                     _num(s.get("tokens_per_s")), _num(b1.get("queries_per_s"), "{:.2f}"),
                     _num(b1.get("p50_ms"), "{:.0f}"), _num(b1.get("p95_ms"), "{:.0f}"),
                     _num(s.get("speedup_vs_batch1"), "{:.1f}×"), c.get("prompt") or "–"])
    out.append(_md_table(["contender", "device", "batch", "queries/s", "p50 ms", "p95 ms", "tokens/s",
                          "batch-1 q/s", "batch-1 p50 ms", "batch-1 p95 ms", "batched ÷ batch-1", "prompt"],
                         rows))
    out += ["", "A question's latency in a batched run is the wall time of its batch; batch-1 figures come "
            "from a separate batch-1 loop over a sample of the suite (n in report.json).", ""]
    ranked = {name: c["speed"] for name, c in report["contenders"].items() if (c.get("speed") or {}).get("ranks")}
    if ranked:
        out += ["Data-parallel: each process answered every N-th question; queries/s is all questions over the "
                "slowest process's wall time, per device that over N; batch size is per process; the batch-1 loop "
                "ran on rank 0 alone.", ""]
        rows = [[name, str(r["rank"]), str(r["n"]), _num(r["seconds"], "{:.2f}"), _num(r["queries_per_s"], "{:.2f}"),
                 _num(s.get("queries_per_s_per_device"), "{:.2f}") if r["rank"] == 0 else ""]
                for name, s in ranked.items() for r in s["ranks"]]
        out += [_md_table(["contender", "rank", "questions", "seconds", "queries/s", "all ÷ N queries/s"], rows), ""]
    for name, c in report["contenders"].items():
        sw = (c.get("speed") or {}).get("sweep")
        if not sw:
            continue
        b1 = sw["batch1"]
        out += [f"### {name}: batch sweep", "", floor_sentence(b1, c["speed"].get("decode_floor")), ""]
        rows = []
        for r in sw["throughput"]:
            if "error" in r:
                rows.append([str(r["batch_size"]), r["error"], "", "", "", "", ""])
            else:
                rows.append([str(r["batch_size"]), str(r["n"]), f"{r['queries_per_s']:.1f}", f"{r['tokens_per_s']:.0f}",
                             f"{r['p50_ms']:.1f}", f"{r['p95_ms']:.1f}", _num(r.get("peak_memory_gb"), "{:.2f}")])
        out.append(_md_table(["batch", "questions", "queries/s", "tokens/s", "p50 ms", "p95 ms", "peak GiB"], rows))
        out.append("")
    train = report.get("train")
    if train:
        out += ["## Fine-tune", ""]
        keys = ["mode", "base_model", "profile", "prompt", "mix", "examples", "epochs", "steps", "seconds",
                "examples_per_s", "world_size", "examples_per_s_per_device", "peak_memory_gb", "final_loss", "lora",
                "hyper", "per_device"]
        out.append(_md_table(["", ""], [[k, _md_cell(json.dumps(train.get(k), ensure_ascii=False)
                                                   if isinstance(train.get(k), dict) else train.get(k))]
                                        for k in keys if k in train]))
        out += ["", "![loss](loss.png)", ""]
    out += ["## Wrong answers", "", "Every wrong answer, per contender and split (all records: samples.jsonl).", ""]
    for name in report["contenders"]:
        wrong = [s for s in samples if s["contender"] == name and not s["exact"]]
        out.append(f"### {name}: {len(wrong)} wrong")
        out.append("")
        for split in dict.fromkeys(s["split"] for s in samples if s["contender"] == name):
            items = [s for s in wrong if s["split"] == split]
            if not items:
                continue
            out.append(f"<details><summary>{name} · {split}: {len(items)} wrong</summary>")
            out.append("")
            out.append(_md_table(["id", "question", "gold", "output"], [
                [s["id"], _md_cell(s["query"]), _md_cell(json.dumps(s["gold"], ensure_ascii=False)),
                 f"`{_md_cell(s['output'])}`" if s["output"] else "(empty)"] for s in items]))
            out += ["", "</details>", ""]
    return "\n".join(out) + "\n"


def check_replaceable(out_dir: Path) -> None:
    """A report folder may be replaced only if it is empty or holds a report (``report.json``)."""
    if out_dir.exists() and any(out_dir.iterdir()) and not (out_dir / "report.json").is_file():
        raise UserError(f"{out_dir} exists and holds no report: not replacing it; pick another --run")


# What a bench run writes into its folder (samples.jsonl.gz: the compressed samples a commit keeps); any
# other file there (a RUN.md, an extra/ folder of notes) is kept when the report is replaced.
BENCH_FILES = frozenset({"report.json", "report.md", "samples.jsonl", "samples.jsonl.gz", "accuracy.png", "loss.png"})


def write_report(out_dir: Path, report: dict, samples: list[dict]) -> None:
    """Write every artifact; adds ``comparisons`` and ``recommendation`` to ``report`` (in place) first.

    Nothing is lost on a failure: the run is written into a temporary sibling folder
    (``.<name>.partial-*``) and swapped in only once every file is complete; an earlier report of the same
    name is replaced only then (and only if it is a report: it holds ``report.json``), keeping what in it the
    bench does not write (``RUN.md``, ``extra/``: copied over before the swap). A failure (a full
    disk, Ctrl-C, a plotting error) removes the temporary folder and leaves the old report as it was.
    """
    import shutil
    import tempfile

    add_statistics(report, samples)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))
    try:
        (tmp / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        write_samples(tmp / "samples.jsonl", samples)
        plot_accuracy(report, tmp / "accuracy.png")
        if report.get("train"):
            plot_loss(report["train"], tmp / "loss.png")
        (tmp / "report.md").write_text(render_markdown(report, samples), encoding="utf-8")
        old = None
        if out_dir.exists():
            check_replaceable(out_dir)  # again at the swap: the folder may have changed during the run
            for kept in out_dir.iterdir():  # what the bench does not write (RUN.md, extra/) stays, copied
                if kept.name not in BENCH_FILES and not (tmp / kept.name).exists():
                    (shutil.copytree if kept.is_dir() else shutil.copy2)(kept, tmp / kept.name)
            old = out_dir.with_name(f".{out_dir.name}.old-{tmp.name.rsplit('-', 1)[-1]}")
            out_dir.rename(old)
        tmp.rename(out_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
