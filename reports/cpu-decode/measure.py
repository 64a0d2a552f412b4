"""Issue 18: one engine setting on and off, in one process: ``share_prefix`` (the prompts' shared opening run
once per batch) or ``compact`` (finished rows leave the batch during decoding).

Same model, adapter, questions and batch size; the only change is the flag. Runs alternate (on, off, off,
on) so that a slow spell of the machine does not favour one side. Prints a JSON line per run and a
summary; the answers of both settings are compared question by question.

    python reports/cpu-prefix/measure.py ADAPTER --flag share_prefix|compact [--n-per-split 32]
"""

from __future__ import annotations

import argparse
import json
import time

from sft.session import InferenceSession
from sft.suite import load_suite


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("adapter")
    ap.add_argument("--n-per-split", type=int, default=40)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--splits", default="hard,wild,relative")
    ap.add_argument("--flag", choices=("share_prefix", "compact"), default="share_prefix")
    args = ap.parse_args()
    items = []
    for split in args.splits.split(","):
        items += [it for it in load_suite(splits=split)][: args.n_per_split]
    questions = [it.query for it in items]
    todays = [getattr(it, "today", None) for it in items]
    ws = InferenceSession("embedded", args.adapter, device="cpu", batch_size=args.batch_size)
    results: dict[tuple[str, bool], list] = {}
    timing: dict[tuple[str, bool], list[float]] = {}
    for contender, adapter, prompt in (("qlora", True, "short"), ("prompt", False, "tutorial")):
        with ws.adapter_state(adapter):
            for share in (True, False, False, True):
                ex = ws.extractor(adapter=adapter, constrained=False, prompt=prompt)
                setattr(ex, args.flag, share)
                start = time.perf_counter()
                gens = ex(questions, todays=None if adapter else todays)
                seconds = time.perf_counter() - start
                timing.setdefault((contender, share), []).append(seconds)
                results.setdefault((contender, share), [g.text for g in gens])
                print(json.dumps({"contender": contender, "prompt": prompt, args.flag: share,
                                  "questions": len(questions), "seconds": round(seconds, 2),
                                  "q_per_s": round(len(questions) / seconds, 3),
                                  "prompt_tokens_mean": round(sum(g.prompt_tokens for g in gens) / len(gens), 1),
                                  "forwards_per_batch": max(g.forwards for g in gens)}), flush=True)
    summary = {}
    for contender in ("qlora", "prompt"):
        on, off = timing[(contender, True)], timing[(contender, False)]
        same = sum(a == b for a, b in zip(results[(contender, True)], results[(contender, False)]))
        summary[contender] = {"q_per_s_on": round(2 * len(questions) / sum(on), 3),
                              "q_per_s_off": round(2 * len(questions) / sum(off), 3),
                              "speedup": round(sum(off) / sum(on), 2), "identical_answers": f"{same}/{len(questions)}"}
    print(json.dumps({"flag": args.flag, "summary": summary}, ensure_ascii=False))


if __name__ == "__main__":
    main()
