"""The `rule` contender's misses on hand-labelled questions in JSONL files (``query``, ``gold``, optional ``today``,
``id``): one tab-separated line per miss (id, question, reference day, gold, the rule's answer) and the count.

    python scripts/rule_misses.py reports/rule-batches-b45-52/batches.jsonl > misses.txt

Run from a checkout of the commit to measure (``git worktree add``) to read an older rule on the same questions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    from bench import rule
    from sft.task import parse_output

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+", type=Path, help="JSONL files of hand-labelled questions")
    args = p.parse_args(argv)
    rows = []
    for path in args.files:
        if not path.is_file():
            raise SystemExit(f"error: no file {path}")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                row["query"], row["gold"]["city"], row["gold"]["date"]  # noqa: B018 (each item needs these)
            except (ValueError, KeyError, TypeError) as e:
                raise SystemExit(f"error: {path}:{n} is no item with query and gold city and date ({e}): fix that "
                                 "line") from None
            rows.append(row)
    todays = [dt.date.fromisoformat(r["today"]) if r.get("today") else None for r in rows]
    wrong = 0
    for r, out in zip(rows, rule.extract([r["query"] for r in rows], todays=todays), strict=True):
        answer, gold = parse_output(out).answer, r["gold"]
        if answer is None or (answer.city, answer.date) != (gold["city"], gold["date"]):
            wrong += 1
            got = f"{answer.city} {answer.date}" if answer else out
            print("\t".join([r.get("id", ""), r["query"], r.get("today", ""), f"gold {gold['city']} {gold['date']}",
                             f"rule {got}"]))
    print(f"wrong {wrong} / {len(rows)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
