"""Write the items of the committed suite whose question the prompt shows several names for, as a suite file for
``qwen-sft bench --suite``: a targeted measurement of which of two dates (or cities) the fine-tune picks.

The items are chosen by what the ``places-dates`` prompt shows the model, never by their gold: ``--dates N`` keeps the
questions whose date line (:func:`sft.task.date_mentions`) holds N dates or more, ``--cities N`` those whose place line
(:func:`sft.hints.place_hints`, the rule's reading) holds N cities or more.

    python scripts/suite_subset.py --split wild --dates 2 -o /tmp/two-dates.jsonl
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sft.hints import KIND_WORDS, place_hints
from sft.suite import load_suite
from sft.task import date_mentions


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--split", default="wild", help="the suite split to choose from (default wild)")
    p.add_argument("--dates", type=int, default=0, help="keep questions with this many dates or more in the date line")
    p.add_argument("--cities", type=int, default=0,
                   help="keep questions with this many cities or more in the place line")
    p.add_argument("-o", "--out", type=Path, required=True, help="the suite file to write (JSONL)")
    args = p.parse_args(argv)
    if not (args.dates or args.cities):
        raise SystemExit("error: give --dates N or --cities N (or both): what the subset is chosen by")
    city = KIND_WORDS["city"]
    items = [it for it in load_suite(splits=args.split)
             if len(date_mentions(it.query)) >= args.dates
             and sum(kind == city for _, kind in place_hints(it.query, "rule")) >= args.cities]
    args.out.write_text("".join(it.to_json() + "\n" for it in items), encoding="utf-8")
    print(f"{len(items)} {args.split} questions -> {args.out}")
    return len(items)


if __name__ == "__main__":
    main()
