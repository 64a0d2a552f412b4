"""The blind rule batches (``reports/rule-batches-*/``) as one suite file, one split per round
(``blind-b101-108``, ...), for ``qwen-sft bench --suite OUT.jsonl``: a fine-tune never trained on them answers them
blind, as the rule did at its first look (each round's ``rule-<commit>.txt``, read before any fix of that round).
Prints that first look per round: what a model contender's figures on these splits stand beside (the rule's figures
there today are not blind: every round's misses were fixed against them). A question that is, normalised, a training
question of the hand-written pool (``datasets/written.jsonl``, ``datasets/written_wild.jsonl``) or a suite question is
left out, of the split and of the first-look count; one only near a training question is kept (the writers read the
label guide, whose examples are ``wild`` questions, some of them training questions).

    python scripts/blind_suite.py [--after N] OUT.jsonl

``--after N``: only the rounds that start after batch bN (those a fine-tune trained with
``scripts/written_with_batches.py --upto N`` never saw); their questions that repeat a batch question of the rounds
up to bN are left out too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rounds(root: Path = ROOT) -> list[tuple[str, Path, Path]]:
    """(split name, batch file, first-look file) of every round, in the order of its first batch."""
    found = []
    for folder in sorted((root / "reports").glob("rule-batches-*")):
        for batches in sorted(folder.glob("batches*.jsonl")):
            name = batches.stem.removeprefix("batches-") if batches.stem != "batches" else \
                folder.name.removeprefix("rule-batches-")
            prefix = "" if batches.stem == "batches" else f"{name}-"
            looks = [p for p in folder.glob(f"{prefix}rule-*.txt") if not p.stem.endswith("-now")
                     and p.stem.removeprefix(prefix).count("-") == 1]
            if len(looks) != 1:
                raise SystemExit(f"{folder}: no single first-look file for {batches.name}")
            found.append((f"blind-{name}", batches, looks[0]))
    return sorted(found, key=lambda r: int(r[0].split("-")[1].lstrip("b")))


def round_end(split: str) -> int:
    """The number of a round's last batch (``blind-b141-148`` -> 148)."""
    return int(split.rsplit("-", 1)[1])


def main(argv: list[str]) -> int:
    import argparse

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out")
    p.add_argument("--after", type=int, default=None, help="only the rounds that start after batch bN")
    args = p.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from sft.datagen import normalize_query
    from sft.suite import load_suite
    from sft.written import WRITTEN_WILD_SOURCE, load_written

    known = {normalize_query(w.query) for w in load_written() + load_written(WRITTEN_WILD_SOURCE)}
    known |= {normalize_query(item.query) for item in load_suite()}
    lines, total, missed, dropped = [], 0, 0, 0
    print("| split | questions | the rule wrong at its first look | first-look file |\n|---|---:|---:|---|")
    every = rounds()
    for split, batches, _ in every if args.after is not None else ():
        if round_end(split) <= args.after:  # the rounds a fine-tune may have trained on: their questions are known
            known |= {normalize_query(json.loads(line)["query"])
                      for line in batches.read_text(encoding="utf-8").splitlines() if line.strip()}
    for split, batches, look in every:
        if args.after is not None and int(split.split("-")[1].lstrip("b")) <= args.after:
            continue
        rows = [json.loads(line) for line in batches.read_text(encoding="utf-8").splitlines() if line.strip()]
        kept = [r for r in rows if normalize_query(r["query"]) not in known]
        dropped, rows = dropped + len(rows) - len(kept), kept
        ids = {r["id"] for r in rows}
        wrong = sum(line.split("\t", 1)[0] in ids for line in look.read_text(encoding="utf-8").splitlines())
        for r in rows:
            item = {"id": r["id"], "split": split, "query": r["query"], "gold": r["gold"], "tags": r.get("tags", [])}
            if r.get("today"):
                item["today"] = r["today"]
            lines.append(json.dumps(item, ensure_ascii=False))
        total, missed = total + len(rows), missed + wrong
        print(f"| `{split}` | {len(rows):,} | {wrong} ({100 * (1 - wrong / len(rows)):.1f} % right) | "
              f"`{look.relative_to(ROOT)}` |")
    print(f"| all | {total:,} | {missed} ({100 * (1 - missed / total):.1f} % right) | |")
    print(f"\n{dropped} questions left out: a training question of the hand-written pool"
          f"{' or of the rounds up to b' + str(args.after) if args.after is not None else ''} or a suite question.")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
