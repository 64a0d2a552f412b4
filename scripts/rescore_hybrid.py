"""Re-score `rule`, `hybrid` and a `+resolve` contender (`qlora+resolve` or `qlora+resolve+json`) of a committed bench
run with today's code, on that run's own model outputs.

`hybrid` runs no model of its own: it combines the rule with the outputs of the run's `qlora+resolve` (or
`qlora`) contender, and `qlora+resolve` resolves the date phrase its model copied. So when the rule, hybrid's checks
or the resolver change after a run, their figures for that run's adapter can be recomputed without a GPU, from the
run's samples (``samples.jsonl`` or ``.gz``): the model's own text is a sample's ``model_output`` where the answer was
made from it (runs before 2026-12-04 kept only the answer, so there the resolved answer stands in for it). The figures
printed are today's code on the committed suite; the run's own report keeps what its code scored.

    python scripts/rescore_hybrid.py reports/reference-h100 [--model-contender qlora+resolve] [--json OUT] \
        [--samples OUT.jsonl.gz] [--suite BLIND.jsonl]

``--samples`` writes the re-scored records (`rule`, `hybrid`, the `+resolve` contender), as a bench writes them, so
that `scripts/paired.py` can pair a committed run, scored again by today's code, with a new one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this checkout's sft and bench, not another one installed in the environment (an editable install of another worktree)
sys.path.insert(0, str(ROOT))

from bench.contenders import REGISTRY  # noqa: E402
from bench.hybrid import combine_all  # noqa: E402
from bench.report import write_samples  # noqa: E402
from bench.rule import extract  # noqa: E402
from bench.scorer import model_text, score  # noqa: E402
from sft.errors import UserError  # noqa: E402
from sft.suite import load_suite  # noqa: E402
from sft.task import resolve_output  # noqa: E402


def model_outputs(run: Path, contender: str) -> dict[str, str]:
    path = run / "samples.jsonl"
    if not path.exists():
        path = run / "samples.jsonl.gz"
    if not path.exists():
        raise SystemExit(f"error: no samples.jsonl(.gz) in {run}: give a report folder written by `qwen-sft bench`")
    with (gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")) as f:
        return {r["id"]: model_text(r) for r in map(json.loads, f) if r["contender"] == contender}


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("run", type=Path, help="a report folder with samples.jsonl(.gz)")
    p.add_argument("--model-contender", default="qlora+resolve", help="whose outputs hybrid combines")
    p.add_argument("--suite", type=Path, default=None,
                   help="the suite file the run was benched on (default: the committed suite), e.g. a blind one")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    p.add_argument("--samples", type=Path, default=None,
                   help="also write the re-scored samples here (.jsonl, or .jsonl.gz compressed), for paired.py")
    args = p.parse_args(argv)
    for out in (args.json, args.samples):  # checked before the work, not after it
        if out is not None and not out.parent.is_dir():
            raise SystemExit(f"error: no folder {out.parent} to write {out.name} into: create it first")
    outputs = model_outputs(args.run, args.model_contender)
    if not outputs:
        raise SystemExit(f"error: no {args.model_contender} samples in {args.run}: "
                         "choose --model-contender among its contenders")
    try:
        suite = load_suite(args.suite) if args.suite else load_suite()
    except (UserError, ValueError) as exc:  # a wrong path or a malformed line: one line, not a traceback
        raise SystemExit(f"error: {exc}") from None
    items = [it for it in suite if it.id in outputs]
    todays = [it.today for it in items]
    queries = [it.query for it in items]
    texts = [outputs[it.id] for it in items]
    runs = [("rule", extract(queries, todays=todays)), ("hybrid", combine_all(queries, texts, todays))]
    spec = REGISTRY.get(args.model_contender)
    if spec is not None and spec.resolve:  # qlora+resolve and qlora+resolve+json: the copied phrase resolved again
        resolved = [resolve_output(t, today, q) for t, today, q in zip(texts, todays, queries, strict=True)]
        runs.append((args.model_contender, resolved))
    results, records = {}, []
    for name, answers in runs:
        samples, metrics = score(items, answers, None if name == "rule" else texts)
        records += [{"contender": name, **s.as_dict()} for s in samples]
        results[name] = {"exact": {k: [sum(s.exact for s in samples if s.split == k), v["n"]]
                                   for k, v in metrics["splits"].items()},
                         "exact_ci95": {k: v["exact_ci95"] for k, v in metrics["splits"].items()},
                         "right": sorted(s.id for s in samples if s.exact)}
        print(name, "  ".join(f"{k} {r}/{n}" for k, (r, n) in results[name]["exact"].items()))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.samples:
        write_samples(args.samples, records)
    return results


if __name__ == "__main__":
    main()
