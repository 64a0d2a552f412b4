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
    from make_written import PROBE_DAY, shortest_span

    from sft.datagen import normalize_query
    from sft.suite import load_suite
    from sft.task import find_date
    from sft.written import NEAR, WRITTEN_WILD_SOURCE, NearIndex, _record, load_written

    suite = load_suite()
    in_suite = {normalize_query(i.query) for i in suite}
    near = NearIndex(i.query for i in suite if i.split == "wild")
    seen = {normalize_query(w.query) for w in load_written() + load_written(WRITTEN_WILD_SOURCE)}
    rows = [json.loads(line) for path in sorted(ROOT.glob("reports/rule-batches-*/*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    kept = []
    for row in rows:
        key = normalize_query(row["query"])
        if key in in_suite or key in seen:
            counts["a suite question, a repeat or already in the pool"] += 1
            continue
        if near.nearest(row["query"])[0] >= NEAR:
            counts["near a test-side wild question"] += 1
            continue
        gold, phrase = row["gold"], None
        today = dt.date.fromisoformat(row["today"]) if row.get("today") else None
        if today is not None and gold["date"] is not None and find_date(row["query"]) != gold["date"]:
            phrase = shortest_span(row["query"], gold["date"], today)
            if phrase is None:
                counts["no span reads as the gold date"] += 1
                continue
        elif today is None and gold["date"] is None and find_date(row["query"], PROBE_DAY) is not None:
            counts["a relative date without a reference day"] += 1
            continue
        seen.add(key)
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
