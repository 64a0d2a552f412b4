"""Assemble datasets/written.jsonl (data card: datasets/WRITTEN.md) from the writers' batches.

Each writer's batch is a JSONL file in the format of ``sft/written.py``. Kept in batch order and renumbered
``written-00000`` ...; dropped, and listed: a question that repeats an earlier one or a suite question
(normalised), and one whose character bigrams overlap a ``wild`` question's by ``sft.written.NEAR`` or more::

    python datasets/make_written.py BATCH.jsonl [BATCH.jsonl ...]     # writes datasets/written.jsonl
    python datasets/make_written.py datasets/written.jsonl            # re-filter it after `wild` grew
    python datasets/make_written.py --wild                            # writes datasets/written_wild.jsonl

``--wild`` writes the ``wild`` sittings before ``sft.written.WILD_TEST_FROM`` (the training side) in the format of
``sft/written.py``: each hand label unchanged, ids ``written-w00123`` for ``wild-0123``. Only the ``phrase`` field is
made here, the target of the ``phrase`` date target: for an item with a reference day whose gold date is not what
the question reads without one, the shortest span of the question that the resolver (``find_date``) reads as the
gold date against the item's ``today`` and as the whole question against each of the six days after it (so
``下周二`` is not cut to ``周二``). Left out, and counted: an item for which no such span exists; an item without a
reference day whose question holds a date phrase the resolver reads only with one (its target would be ambiguous:
null or the phrase; reading the 7,016 of them in with the phrase copied was measured on one H200 and not kept:
`wild` 89.9 -> 89.5, 337 / 383 discordant, p = 0.09, hard 191 -> 186, reports/h100-counties); a suite question
or a repeat (normalised); one near a test-side ``wild`` question (``sft.written.NEAR``). The resolver makes
training targets only: no label of the suite is checked by it.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sft.datagen import normalize_query  # noqa: E402
from sft.suite import load_suite, load_wild  # noqa: E402
from sft.task import find_date  # noqa: E402
from sft.written import NEAR, WRITTEN_SOURCE, WRITTEN_WILD_SOURCE, NearIndex, _record, wild_number  # noqa: E402

KEYS = ("id", "query", "gold", "phrase", "tags", "today")
PROBE_DAY = dt.date(2026, 6, 10)  # a reference day, only to ask whether a question holds a relative date


def shortest_span(query: str, gold: str, today: dt.date) -> str | None:
    """The shortest substring of ``query`` read as ``gold`` against ``today`` and as the whole question is
    against each of the six days after it (so ``周二`` is not cut out of ``下周二``): shrink from the left, then
    from the right, while that holds. None when the whole question does not read as ``gold``."""
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


def training_phrase(query: str, gold_date: str | None, today: dt.date | None, known: set[str],
                    near: NearIndex) -> tuple[str | None, str | None]:
    """Whether a hand-labelled question may be a training question, and its ``phrase`` target: ``(phrase, None)`` to
    keep it (the phrase None where the gold date needs no reference day), ``(None, why)`` to leave it out: its
    normalised form in ``known`` (a suite question, a repeat), near a test-side ``wild`` question (``near``), no span
    read as its gold day, or a relative date without a reference day (see the module's docstring)."""
    if normalize_query(query) in known:
        return None, "a suite question or a repeat"
    if near.nearest(query)[0] >= NEAR:
        return None, "near a test-side wild question"
    if today is not None and gold_date is not None and find_date(query) != gold_date:
        phrase = shortest_span(query, gold_date, today)
        return (phrase, None) if phrase is not None else (None, "no span reads as the gold date")
    if today is None and gold_date is None and find_date(query, PROBE_DAY) is not None:
        return None, "a relative date without a reference day (ambiguous target)"
    return None, None


def wild_training_side() -> int:
    """Write datasets/written_wild.jsonl (see the module's docstring)."""
    suite = load_suite()
    known = {normalize_query(i.query) for i in suite}  # the suite's questions, then every one kept
    near = NearIndex(i.query for i in suite if i.split == "wild")
    counts: Counter[str] = Counter()
    kept = []
    items = load_wild(side="train")
    for n, item in enumerate(items, start=1):
        if n % 5000 == 0:
            print(f"{n} of {len(items)}", file=sys.stderr)
        gold, today = item.gold, item.today
        phrase, why = training_phrase(item.query, gold.date, today, known, near)
        if why:
            counts[why] += 1
            continue
        known.add(normalize_query(item.query))
        record = {"id": f"written-w{wild_number(item.id):05d}", "query": item.query, "gold": gold.as_dict(),
                  "phrase": phrase, "tags": list(item.tags)}
        if today is not None:
            record["today"] = today.isoformat()
        _record(record)
        kept.append(record)
    WRITTEN_WILD_SOURCE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    for why, k in counts.most_common():
        print(f"left out, {why}: {k}")
    print(f"{WRITTEN_WILD_SOURCE}: {len(kept)} of the {len(items)} wild questions before the test side")
    return 0


def main(paths: list[str]) -> int:
    if paths == ["--wild"]:
        return wild_training_side()
    if not paths:  # without a batch the file would be rewritten empty
        print(__doc__.strip().splitlines()[-2].strip(), file=sys.stderr)
        return 2
    suite = load_suite()
    in_suite = {normalize_query(i.query) for i in suite}
    wild = NearIndex(i.query for i in suite if i.split == "wild")
    kept, seen, dropped = [], set(), []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            _record(record)  # a malformed record stops the build, naming it
            key = normalize_query(record["query"])
            share, near = wild.nearest(record["query"])
            why = ("a suite question" if key in in_suite else "a repeat" if key in seen
                   else f"near {near!r} ({share:.2f})" if share >= NEAR else None)
            if why:
                dropped.append(f"{path}:{number}: {record['query']!r}: {why}")
                continue
            seen.add(key)
            record["id"] = f"written-{len(kept):05d}"
            kept.append({k: record[k] for k in KEYS if record.get(k) is not None or k in ("phrase",)})
    WRITTEN_SOURCE.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    print("\n".join(dropped))
    print(f"{WRITTEN_SOURCE}: {len(kept)} questions from {len(paths)} batches; {len(dropped)} dropped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
