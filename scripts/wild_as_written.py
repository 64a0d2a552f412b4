"""Issue 11 experiment (reports/h100-wild-train): the ``wild`` sittings before a cut, as hand-written training
questions, and the suite without them.

Question: the fine-tune improved with each larger and more varied pool of hand-written training questions
(datasets/written.jsonl). ``wild`` holds four times as many, written and labelled the same way. Does a pool of
written.jsonl plus the sittings before the cut lift the fine-tune on the sittings after it (which neither the pool
nor written.jsonl contains)?

Writes, for a variant tree of scripts/h100.sh:
  OUT/written.jsonl     written.jsonl + the wild items with id < --cut, less any near (bigram Jaccard >= NEAR) to a
                        wild item >= --cut;
  OUT/wild.jsonl, OUT/test_suite.jsonl   the two files without those items (so that decontamination keeps only
                        the questions after the cut out of training).

The gold of each item is its hand label, unchanged. Only the ``phrase`` field is made here, the target of the
``phrase`` date target: for an item with a reference day whose gold date is not what the question reads without
one, the shortest span of the question that the resolver (``find_date``) reads as the gold date against the
item's ``today`` and as the whole question against each of the six days after it. An item for which no such
span exists is left out (counted), and so is an item without a reference day whose question holds a date phrase
the resolver reads only with one (its target would be ambiguous: null or the phrase).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sft.paths import DATA  # noqa: E402
from sft.task import find_date  # noqa: E402
from sft.written import NEAR, NearIndex  # noqa: E402

PROBE_DAY = dt.date(2026, 6, 10)  # a reference day, only to ask whether a question holds a relative date


def number(item_id: str) -> int:
    return int(item_id.split("-")[1])


def shortest_span(query: str, gold: str, today: dt.date) -> str | None:
    """The shortest substring of ``query`` read as ``gold`` against ``today`` and as the whole question is
    against each of the six days after it (so ``周二`` is not cut out of ``下周二``): shrink from the left, then
    from the right, while that holds."""
    days = [today + dt.timedelta(days=k) for k in range(7)]
    whole = [find_date(query, d) for d in days]
    if whole[0] != gold:
        return None

    def same(span: str) -> bool:
        return all(find_date(span, d) == w for d, w in zip(days, whole))

    lo, hi = 0, len(query)
    while lo < hi - 1 and same(query[lo + 1:hi]):
        lo += 1
    while hi > lo + 1 and same(query[lo:hi - 1]):
        hi -= 1
    span = query[lo:hi].strip()
    return span if span and same("".join(span.split())) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cut", type=int, required=True, help="first wild number kept for testing (e.g. 44990)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    wild = [json.loads(line) for line in (DATA / "wild.jsonl").read_text(encoding="utf-8").splitlines() if line]
    test = [w for w in wild if number(w["id"]) >= args.cut]
    near = NearIndex(w["query"] for w in test)
    counts: Counter[str] = Counter()
    moved, added = set(), []
    for w in wild:
        if number(w["id"]) >= args.cut:
            continue
        moved.add(w["id"])
        if near.nearest(w["query"])[0] >= NEAR:
            counts["near a test question"] += 1
            continue
        query, gold, today = w["query"], w["gold"], w.get("today")
        phrase = None
        if today is not None and gold["date"] is not None and find_date(query) != gold["date"]:
            phrase = shortest_span(query, gold["date"], dt.date.fromisoformat(today))
            if phrase is None:
                counts["no span reads as the gold date"] += 1
                continue
        elif today is None and gold["date"] is None and find_date(query, PROBE_DAY) is not None:
            counts["relative date, no reference day (ambiguous target)"] += 1
            continue
        record = {"id": f"written-w{number(w['id']):05d}", "query": query, "gold": gold, "phrase": phrase,
                  "tags": w.get("tags", [])}
        if today is not None:
            record["today"] = today
        added.append(record)
        counts["added"] += 1
    args.out.mkdir(parents=True, exist_ok=True)
    written = (DATA / "written.jsonl").read_text(encoding="utf-8").rstrip("\n").splitlines()
    lines = written + [json.dumps(r, ensure_ascii=False) for r in added]
    (args.out / "written.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in ("wild.jsonl", "test_suite.jsonl"):
        kept = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
                if line and json.loads(line)["id"] not in moved]
        (args.out / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
        counts[f"{name} kept"] = len(kept)
    counts["written.jsonl before"] = len(written)
    counts["written.jsonl after"] = len(lines)
    for k, v in counts.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
