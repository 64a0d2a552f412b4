"""The answers a change of the date resolver (``sft.task.resolve_output``) changes, over every committed run's model
text: each ``+resolve`` sample of ``reports/**/samples.jsonl.gz`` whose question is still in the suite, each (question,
model text) once, resolved by the resolver of a base commit (its whole tree, unpacked apart and run in a process of
its own) and by today's, and scored against the suite's gold date.

No model runs: this is how a resolver change is checked on every adapter the project has kept, not only on the
references (``scripts/rescore_hybrid.py`` re-scores one run's contenders). It prints each changed answer (``+`` now
right, ``-`` now wrong, ``=`` wrong both ways) and the counts.

    python scripts/resolve_diff.py --base c6db101 [--reports reports]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# this checkout's sft and bench, not another one installed in the environment (an editable install of another worktree)
sys.path.insert(0, str(ROOT))

from bench.scorer import model_text  # noqa: E402
from sft import task  # noqa: E402
from sft.suite import load_suite  # noqa: E402

#: Run in a copy of the base commit's tree: its own resolver (``sft.task.resolve_output`` and all it calls: sft.dates,
#: sft.counting, the data files) on the pairs of a JSON file, the answers written to another.
_AT_BASE = """
import datetime as dt, json, sys
from sft.task import resolve_output
rows = json.load(open(sys.argv[1], encoding="utf-8"))
out = [resolve_output(text, dt.date.fromisoformat(today) if today else None, query) for text, today, query in rows]
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
"""


def resolver_at(rev: str):
    """The resolver of commit ``rev`` as a function of a list of ``(text, today, question)``: that commit's tree is
    unpacked apart (``git archive``) and its own ``sft`` resolves them in a process of its own, so a change anywhere
    in the resolver (sft/task.py, sft/dates.py, sft/counting.py, a data file) is seen, not only in sft/task.py."""
    import tarfile
    import tempfile

    def resolve_all(rows: list[tuple[str, object, str]]) -> list[str]:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                archive = subprocess.run(["git", "archive", rev], check=True, capture_output=True).stdout
            except subprocess.CalledProcessError as exc:
                raise SystemExit(f"error: cannot read commit {rev!r}: {exc.stderr.decode().strip()}") from None
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(tmp, filter="data")
            src, dst = Path(tmp) / "rows.json", Path(tmp) / "out.json"
            src.write_text(json.dumps([(t, today.isoformat() if today else None, q) for t, today, q in rows],
                                      ensure_ascii=False), encoding="utf-8")
            env = {**os.environ, "PYTHONPATH": tmp}  # the base's sft before the installed one
            subprocess.run([sys.executable, "-c", _AT_BASE, str(src), str(dst)], check=True, cwd=tmp, env=env)
            return json.loads(dst.read_text(encoding="utf-8"))

    return resolve_all


def compare(base_resolve_all, reports: Path) -> dict:
    """Each changed answer printed, and the counts: ``base_resolve_all`` (a function of a list of ``(text, today,
    question)``, as :func:`resolver_at` returns) against today's ``resolve_output``."""
    items = {it.id: it for it in load_suite()}
    seen: set[tuple[str, str]] = set()
    pairs = []
    for path in sorted(glob.glob(str(reports / "**" / "samples.jsonl.gz"), recursive=True)):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if "+resolve" not in line:
                    continue
                row = json.loads(line)
                item, text = items.get(row["id"]), model_text(row)
                if not text or item is None or item.query != row["query"] or (item.id, text) in seen:
                    continue
                seen.add((item.id, text))
                pairs.append((item, text))
    olds = base_resolve_all([(text, item.today, item.query) for item, text in pairs])
    counts = {"pairs": len(pairs), "changed": 0, "gained": 0, "lost": 0}
    for (item, text), old_text in zip(pairs, olds, strict=True):
        old = task.parse_output(old_text).answer
        new = task.parse_output(task.resolve_output(text, item.today, item.query)).answer
        if old == new:
            continue
        was = old is not None and old.date == item.gold.date
        now = new is not None and new.date == item.gold.date
        counts["changed"] += 1
        counts["gained"] += now and not was
        counts["lost"] += was and not now
        mark = "+" if now and not was else "-" if was and not now else "="
        copied = task.parse_output(text).answer
        print(f"{mark} {item.query[:50]} | {copied.date if copied else None} | "
              f"{old.date if old else None} -> {new.date if new else None} | gold {item.gold.date}")
    print(f"{counts['pairs']} (question, model text) pairs; {counts['changed']} answers changed: "
          f"{counts['gained']} now right, {counts['lost']} now wrong")
    return counts


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", required=True, help="the commit whose resolver is compared with today's")
    p.add_argument("--reports", type=Path, default=Path("reports"), help="where the runs' samples are")
    args = p.parse_args(argv)
    return compare(resolver_at(args.base), args.reports)


if __name__ == "__main__":
    main()
