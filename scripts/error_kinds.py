"""The kinds of one contender's wrong answers on one split of a bench run, as a Markdown table with an example each.

    python scripts/error_kinds.py reports/reference-h100/samples.jsonl.gz qlora+resolve [--split wild] [--top 15]

A question can have two kinds (its city and its date both wrong). Reads the samples file the bench writes
(``samples.jsonl`` or ``.gz``); compares each answer with its gold only, so it measures nothing by itself.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json


def kinds_of(row: dict) -> list[str]:
    """The kinds of one wrong answer."""
    if not row["parsed"]:
        return ["no answer object"]
    gold, pred, query = row["gold"], row.get("pred") or {"city": None, "date": None}, row["query"]
    found = []
    gc, pc = gold["city"], pred.get("city")
    if gc != pc:
        if pc is None:
            found.append("city dropped (null)")
        elif gc is None:
            found.append("a non-city word or place taken as the city" if pc in query else "a city invented")
        elif gc in pc or pc in gc:
            found.append("city cut or extended (市 added, part of a word)")
        elif pc in query:
            found.append("another city or place of the question picked")
        else:
            found.append("city rewritten (not as written)")
    gd, pd = gold["date"], pred.get("date")
    if gd != pd:
        if pd is None:
            found.append("date dropped (null)")
        elif gd is None:
            found.append("a date invented")
        elif len(gd) != len(pd):
            found.append("date with/without a year wrongly")
        else:
            found.append("date wrong (another day)")
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples")
    parser.add_argument("contender")
    parser.add_argument("--split", default="wild")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    opener = gzip.open if args.samples.endswith(".gz") else open
    with opener(args.samples, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    wrong = [r for r in rows if r["contender"] == args.contender and r["split"] == args.split and not r["exact"]]
    counts: collections.Counter[str] = collections.Counter()
    example: dict[str, tuple[str, str, dict]] = {}
    for row in wrong:
        for kind in kinds_of(row):
            counts[kind] += 1
            example.setdefault(kind, (row["query"], row.get("output", "")[:60], row["gold"]))
    print(f"{len(wrong)} wrong\n\n| kind | n | example (query → answer; gold) |\n|---|---:|---|")
    for kind, n in counts.most_common(args.top):
        query, output, gold = example[kind]
        print(f"| {kind} | {n} | `{query[:40]}` → `{output}`; gold {json.dumps(gold, ensure_ascii=False)} |")


if __name__ == "__main__":
    main()
