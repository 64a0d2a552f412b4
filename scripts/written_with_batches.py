"""``datasets/written_wild.jsonl`` plus the blind rule batches (``reports/rule-batches-*/*.jsonl``), each batch question
filtered and given its ``phrase`` target the way ``datasets/make_written.py --wild`` treats a training-side ``wild``
question: a suite question, a repeat or a question already in the pool dropped, one near a test-side ``wild`` question
(``sft.written.NEAR``) dropped, a relative date without a reference day dropped, the shortest span read as the gold day
kept as the phrase. The arm of ``reports/h100-batches-pool`` (carried in place of ``datasets/written_wild.jsonl``)::

    python scripts/written_with_batches.py [--upto N] OUT.jsonl

``--upto N``: only the rounds whose batches end at bN or before (``--upto 188``: b45-b188), so that the rounds written
after them stay blind to the fine-tune as well (``scripts/blind_suite.py --after N``).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "datasets"), str(ROOT / "scripts")]


def main(argv: list[str]) -> int:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("--upto", type=int, default=None, help="only the rounds that end at batch bN or before")
    args = p.parse_args(argv)
    from blind_suite import round_end, rounds
    from make_written import training_phrase

    from sft.datagen import normalize_query
    from sft.suite import load_suite
    from sft.written import WRITTEN_WILD_SOURCE, NearIndex, _record, load_written

    suite = load_suite()
    near = NearIndex(i.query for i in suite if i.split == "wild")
    # the suite's questions and the pool's, then every one kept: a repeat of any of them is left out
    known = {normalize_query(q.query) for q in [*suite, *load_written(), *load_written(WRITTEN_WILD_SOURCE)]}
    paths = [batches for split, batches, _ in rounds() if args.upto is None or round_end(split) <= args.upto]
    rows = [json.loads(line) for path in paths
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    kept = []
    for row in rows:
        gold = row["gold"]
        today = dt.date.fromisoformat(row["today"]) if row.get("today") else None
        phrase, why = training_phrase(row["query"], gold["date"], today, known, near)
        if why:
            counts[why] += 1
            continue
        known.add(normalize_query(row["query"]))
        record = {"id": f"written-{row['id']}", "query": row["query"], "gold": gold, "phrase": phrase,
                  "tags": row.get("tags", [])}
        if today is not None:
            record["today"] = today.isoformat()
        _record(record)
        kept.append(record)
    text = WRITTEN_WILD_SOURCE.read_text(encoding="utf-8")
    text += "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept)
    Path(args.out).write_text(text, encoding="utf-8")
    for why, k in counts.most_common():
        print(f"left out, {why}: {k}")
    print(f"{args.out}: {WRITTEN_WILD_SOURCE.name} + {len(kept)} of the {len(rows)} batch questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
