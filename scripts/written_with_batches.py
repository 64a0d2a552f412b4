"""``datasets/written_wild.jsonl`` plus the blind rule batches (``reports/rule-batches-*/*.jsonl``), each batch question
filtered and given its ``phrase`` target the way ``datasets/make_written.py --wild`` treats a training-side ``wild``
question: a suite question, a repeat or a question already in the pool dropped, one near a test-side ``wild`` question
(``sft.written.NEAR``) dropped, a relative date without a reference day dropped, the shortest span read as the gold day
kept as the phrase. The arm of ``reports/h100-batches-pool`` (carried in place of ``datasets/written_wild.jsonl``)::

    python scripts/written_with_batches.py OUT.jsonl
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "datasets")]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    from make_written import training_phrase

    from sft.datagen import normalize_query
    from sft.suite import load_suite
    from sft.written import WRITTEN_WILD_SOURCE, NearIndex, _record, load_written

    suite = load_suite()
    near = NearIndex(i.query for i in suite if i.split == "wild")
    # the suite's questions and the pool's, then every one kept: a repeat of any of them is left out
    known = {normalize_query(q.query) for q in [*suite, *load_written(), *load_written(WRITTEN_WILD_SOURCE)]}
    rows = [json.loads(line) for path in sorted(ROOT.glob("reports/rule-batches-*/*.jsonl"))
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
    Path(argv[0]).write_text(text, encoding="utf-8")
    for why, k in counts.most_common():
        print(f"left out, {why}: {k}")
    print(f"{argv[0]}: {WRITTEN_WILD_SOURCE.name} + {len(kept)} of the {len(rows)} batch questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
