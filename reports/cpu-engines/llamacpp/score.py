"""Score run_llamacpp.py outputs with the project's own decoding and scorer.

Runs in the project's env: ``PYTHONPATH=/work/main python reports/cpu-engines/llamacpp/score.py --prompts P
RUN.json [RUN.json ...]``.

* text: what sft.engine.Extractor returns for the same new tokens,
  ``cut_after_object(tokenizer.decode(ids, skip_special_tokens=True)).strip()``;
* metrics: ``bench.scorer.score`` (``score_one`` parses with ``sft.task.parse_output``) on the suite's items;
* the first run is the reference for token agreement (same new ids per question) with the others;
* ``--torch samples.jsonl``: a bench report's samples (``--contender``, default ``prompt``), compared
  output text by output text with each run (only the ids both have).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.scorer import score
from sft.engine import cut_after_object
from sft.suite import load_suite


def pct(x) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def ci(m: dict, key: str) -> str:
    lo_hi = m.get(f"{key}_ci95")
    return "" if not lo_hi else f" [{100 * lo_hi[0]:.1f}-{100 * lo_hi[1]:.1f}]"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--prompts", required=True, help="prompts.py's JSON")
    ap.add_argument("runs", nargs="+", help="run_llamacpp.py outputs")
    ap.add_argument("--torch", default=None, help="a bench samples.jsonl to compare answers with")
    ap.add_argument("--contender", default="prompt", help="the contender of --torch's samples (default prompt)")
    ap.add_argument("--show", action="store_true", help="print every answer")
    ap.add_argument("--out", default=None, help="write metrics and per-sample records (JSON)")
    args = ap.parse_args(argv)

    from transformers import AutoTokenizer

    spec = json.loads(Path(args.prompts).read_text(encoding="utf-8"))
    tokenizer = AutoTokenizer.from_pretrained(spec["tokenizer"])
    by_id = {it.id: it for it in load_suite(spec["suite"], splits=spec["splits"])}
    items = [by_id[row["id"]] for row in spec["items"]]
    torch_out = None
    if args.torch:
        torch_out = {}
        for line in Path(args.torch).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec.get("contender") == args.contender:
                    torch_out[rec["id"]] = rec["output"]

    reference_ids = None
    report = {}
    for path in args.runs:
        run = json.loads(Path(path).read_text(encoding="utf-8"))
        results = run["results"]
        if [r["id"] for r in results] != [it.id for it in items]:
            raise SystemExit(f"{path}: not the questions of {args.prompts}")
        outputs = [cut_after_object(tokenizer.decode(r["new_ids"], skip_special_tokens=True)).strip()
                   for r in results]
        samples, metrics = score(items, outputs)
        s, m = run["summary"], metrics["overall"]
        p50 = f", p50 {1000 * s['p50_seconds']:.0f} ms" if s.get("p50_seconds") else ""
        print(f"{path}: {s['mode']}, n={m['n']}: exact {pct(m['exact'])}%{ci(m, 'exact')}, json_valid "
              f"{pct(m['json_valid'])}%, parsed {pct(m['parsed'])}%; {s['questions_per_s']:.3f} q/s "
              f"({s['total_seconds']:.2f} s{p50}); stops {s['stops']}")
        for split, sm in metrics["splits"].items():
            print(f"    {split:<10} n={sm['n']:<3} exact {pct(sm['exact']):>5}%  "
                  f"json_valid {pct(sm['json_valid']):>5}%")
        ids = [r["new_ids"] for r in results]
        if reference_ids is None:
            reference_ids = (path, ids)
        else:
            same = [a == b for a, b in zip(reference_ids[1], ids)]
            differ = [items[i].id for i, ok in enumerate(same) if not ok]
            print(f"    same new tokens as {reference_ids[0]}: {sum(same)}/{len(same)}"
                  + (f"; differ: {', '.join(differ)}" if differ else ""))
        if torch_out is not None:
            both = [(it.id, out) for it, out in zip(items, outputs) if it.id in torch_out]
            same = sum(out == torch_out[i] for i, out in both)
            print(f"    same output text as {args.torch} ({args.contender}): {same}/{len(both)}")
        if args.show:
            for it, smp, r in zip(items, samples, results):
                extra = f"  torch: {torch_out.get(it.id)!r}" if torch_out is not None else ""
                print(f"    {it.id:<14} {'OK ' if smp.exact else '-- '} {r['stop']:<10} {smp.output!r}"
                      f"  gold {json.dumps(smp.gold, ensure_ascii=False)}{extra}")
        report[path] = {"summary": s, "metrics": metrics, "samples": [x.as_dict() for x in samples]}
    if args.out:
        Path(args.out).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
