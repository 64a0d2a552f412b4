"""The `rule` contender as it stood before it saw each test-side group of `wild` sittings (blind), scored by today's
code and gold.

The rule was read against every `wild` sitting after its first look (datasets/WILD.md, "First look, before any
change"), so its figure on the suite's `wild` split is not blind: each group's misses were partly fixed on that very
group. The fine-tune never trained on the test side. This script checks out, for each test-side group of eight
sittings, the commit at which that group was added and first scored (the table below, from WILD.md), runs that
commit's rule on that group's questions (today's text, with their reference days) and scores the answers against
today's gold with today's scorer. The records are written as a bench writes them (contender ``rule-blind``), so that
``scripts/paired.py … --contender rule-blind --contender-b qlora+resolve`` pairs them with a bench run.

    python scripts/blind_rule.py -o reports/wild-blind-rule/samples.jsonl.gz
    python scripts/blind_rule.py --suite BLIND.jsonl -o OUT.jsonl.gz

``--suite`` takes the file ``scripts/blind_suite.py`` writes (the blind rule batches, one split per round) instead:
each round's questions are answered by the rule of the commit of that round's first-look file
(``reports/rule-batches-*/rule-<commit>.txt``), so that a model contender benched on that file pairs with the rule
question by question, both blind.

Needs the git history (a full clone); each commit is checked out once, into a temporary worktree, and removed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (first wild id, last wild id, the commit that added the group and was scored on it first), from datasets/WILD.md.
GROUPS = (
    (44990, 46269, "3f8742c"), (46270, 47549, "40a4762"), (47550, 48829, "8cfae5b"), (48830, 50109, "0e35f54"),
    (50110, 51389, "daafbfd"), (51390, 52669, "dc8eec2"), (52670, 53949, "a647407"), (53950, 55229, "3d6362f"),
    (55230, 56509, "1159b8e"), (56510, 57789, "41aa14f"), (57790, 59069, "99e019b"), (59070, 60349, "c22b0aa"),
)

#: Run inside an old worktree: its own rule on the questions given on stdin (one JSON [query, today] a line).
_RUN_OLD = """
import datetime as dt, json, sys
from bench import rule
rows = [json.loads(line) for line in sys.stdin if line.strip()]
todays = [dt.date.fromisoformat(t) if t else None for _, t in rows]
print(json.dumps(rule.extract([q for q, _ in rows], todays=todays), ensure_ascii=False))
"""


def old_rule(commit: str, rows: list[tuple[str, str | None]]) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="blind-rule-") as tmp:
        tree = Path(tmp) / commit
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), commit], check=True)
        try:
            stdin = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
            done = subprocess.run([sys.executable, "-c", _RUN_OLD], cwd=tree, input=stdin, text=True,
                                  capture_output=True, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"})
            if done.returncode:
                raise SystemExit(f"error: the rule of {commit} failed:\n{done.stderr[-2000:]}")
            return json.loads(done.stdout)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)


def batch_groups(items: list) -> list[tuple[str, list, str]]:
    """(split, its items, the commit of its first-look file) for each round of the blind batches in ``items``."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from blind_suite import rounds

    commits = {split: look.stem.rsplit("-", 1)[1] for split, _, look in rounds()}
    by_split: dict[str, list] = {}
    for it in items:
        by_split.setdefault(it.split, []).append(it)
    unknown = sorted(set(by_split) - set(commits))
    if unknown:
        raise SystemExit(f"error: no round of reports/rule-batches-*/ for split(s) {', '.join(unknown)}")
    return [(split, group, commits[split]) for split, group in by_split.items()]


def main(argv: list[str] | None = None) -> int:
    from bench.report import write_samples
    from bench.scorer import score
    from sft.suite import load_suite

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-o", "--out", type=Path, required=True, help="the samples file to write (.jsonl or .jsonl.gz)")
    p.add_argument("--suite", type=Path, default=None,
                   help="the blind batches as scripts/blind_suite.py writes them, instead of the `wild` groups")
    args = p.parse_args(argv)
    if not args.out.parent.is_dir():
        raise SystemExit(f"error: no folder {args.out.parent} to write {args.out.name} into: create it first")
    if args.suite is None:
        wild = {int(it.id.split("-")[1]): it for it in load_suite() if it.split == "wild"}
        groups = [(f"wild-{first}..{last}", [wild[n] for n in range(first, last + 1) if n in wild], commit)
                  for first, last, commit in GROUPS]
    else:
        from sft.errors import UserError

        try:
            items = load_suite(args.suite)
        except UserError as exc:  # a wrong path or a malformed line: one line, not a traceback
            raise SystemExit(f"error: {exc} (give the file scripts/blind_suite.py writes)") from None
        groups = batch_groups(items)
    records, right, total = [], 0, 0
    for name, items, commit in groups:
        outputs = old_rule(commit, [(it.query, it.today.isoformat() if it.today else None) for it in items])
        samples, _ = score(items, outputs)
        k = sum(s.exact for s in samples)
        right, total = right + k, total + len(samples)
        print(f"{name}  rule at {commit}: {k} / {len(samples)}", flush=True)
        records += [{"contender": "rule-blind", **s.as_dict()} for s in samples]
    write_samples(args.out, records)
    print(f"rule-blind: {right} / {total} ({100 * right / total:.1f} %) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
