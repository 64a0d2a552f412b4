"""Assemble datasets/written.jsonl (data card: datasets/WRITTEN.md) from the writers' batches.

Each writer's batch is a JSONL file in the format of ``sft/written.py``. Kept in batch order and renumbered
``written-00000`` ...; dropped, and listed: a question that repeats an earlier one or a suite question
(normalised), and one whose character bigrams overlap a ``wild`` question's by ``sft.written.NEAR`` or more::

    python datasets/make_written.py BATCH.jsonl [BATCH.jsonl ...]     # writes datasets/written.jsonl
    python datasets/make_written.py datasets/written.jsonl            # re-filter it after `wild` grew
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sft.datagen import normalize_query  # noqa: E402
from sft.suite import load_suite  # noqa: E402
from sft.written import NEAR, WRITTEN_SOURCE, NearIndex, _record  # noqa: E402

KEYS = ("id", "query", "gold", "phrase", "tags", "today")


def main(paths: list[str]) -> int:
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
