"""The answers a change of the date resolver (``sft.task.resolve_output``) changes, over every committed run's model
text: each ``+resolve`` sample of ``reports/**/samples.jsonl.gz`` whose question is still in the suite, each (question,
model text) once, resolved by the resolver of a base commit and by today's, and scored against the suite's gold date.

No model runs: this is how a resolver change is checked on every adapter the project has kept, not only on the
references (``scripts/rescore_hybrid.py`` re-scores one run's contenders). It prints each changed answer (``+`` now
right, ``-`` now wrong, ``=`` wrong both ways) and the counts.

    python scripts/resolve_diff.py --base c6db101 [--reports reports]
"""

from __future__ import annotations

import argparse
import glob
import gzip
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from sft import task
from sft.suite import load_suite


def task_at(rev: str):
    """``sft/task.py`` as it was at ``rev``, imported as a module of the ``sft`` package beside today's."""
    try:
        source = subprocess.run(["git", "show", f"{rev}:sft/task.py"], check=True, capture_output=True,
                                text=True).stdout
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"error: no sft/task.py at {rev!r}: {exc.stderr.strip()}") from None
    spec = importlib.util.spec_from_loader("sft._task_at_base", loader=None)
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "sft"
    sys.modules[spec.name] = module  # dataclasses look their module up while the source runs
    exec(compile(source, f"{rev}:sft/task.py", "exec"), module.__dict__)  # noqa: S102 - the project's own source
    return module


def compare(base_resolve, reports: Path) -> dict:
    """Each changed answer printed, and the counts: ``base_resolve`` (a ``resolve_output``) against today's."""
    items = {it.id: it for it in load_suite()}
    seen: set[tuple[str, str]] = set()
    counts = {"pairs": 0, "changed": 0, "gained": 0, "lost": 0}
    for path in sorted(glob.glob(str(reports / "**" / "samples.jsonl.gz"), recursive=True)):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if "+resolve" not in line:
                    continue
                row = json.loads(line)
                # the model's text; a sample keeps it only where the resolver changed it, else it is the output
                item, text = items.get(row["id"]), row.get("model_output") or row.get("output")
                if not text or item is None or item.query != row["query"] or (item.id, text) in seen:
                    continue
                seen.add((item.id, text))
                old = task.parse_output(base_resolve(text, item.today, item.query)).answer
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
    counts["pairs"] = len(seen)
    print(f"{counts['pairs']} (question, model text) pairs; {counts['changed']} answers changed: "
          f"{counts['gained']} now right, {counts['lost']} now wrong")
    return counts


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", required=True, help="the commit whose resolver is compared with today's")
    p.add_argument("--reports", type=Path, default=Path("reports"), help="where the runs' samples are")
    args = p.parse_args(argv)
    return compare(task_at(args.base).resolve_output, args.reports)


if __name__ == "__main__":
    main()
