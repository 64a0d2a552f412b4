"""Two bench runs of one contender, paired question by question: exact per split, discordant pairs and McNemar's
exact p, the null-city rate on ``wild``.

    python scripts/paired.py A/samples.jsonl.gz B/samples.jsonl.gz [--contender qlora+resolve] [--decide]
    python scripts/paired.py RUN/rule.jsonl.gz RUN/qlora+resolve.jsonl.gz --contender rule --contender-b qlora+resolve

``--contender-b`` names B's contender where it differs from A's (two contenders of one run, or two runs).
``--pool blind-`` adds one line over all splits that begin with ``blind-`` (the rounds of ``scripts/blind_suite.py``).

``--decide`` exits 0 when B beats A on ``wild`` (p < 0.05) and is not worse on ``hard`` or ``relative`` (p < 0.05 the
other way), else 1: a rule fixed before a run, for a device call that must choose its next step by itself. Reads
the samples files the bench writes; compares answers with their gold only.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
from pathlib import Path


def mcnemar_p(b: int, c: int) -> float:
    """Two-sided exact McNemar p for b and c discordant pairs (a binomial test of b against b + c at 1/2)."""
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, k) for k in range(min(b, c) + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def load(path: str, contender: str) -> dict[str, dict]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = (json.loads(line) for line in f if line.strip())
        return {r["id"]: r for r in rows if r["contender"] == contender}


def compare(a: dict[str, dict], b: dict[str, dict]) -> dict[str, dict]:
    """Per split: n, exact of each, right only in B, right only in A, p; ``wild`` also the null-city rates."""
    out: dict[str, dict] = {}
    for qid in sorted(a.keys() & b.keys()):
        ra, rb = a[qid], b[qid]
        s = out.setdefault(ra["split"], {"n": 0, "a": 0, "b": 0, "only_b": 0, "only_a": 0,
                                         "null": 0, "null_a": 0, "null_b": 0})
        s["n"] += 1
        s["a"] += ra["exact"]
        s["b"] += rb["exact"]
        s["only_b"] += rb["exact"] and not ra["exact"]
        s["only_a"] += ra["exact"] and not rb["exact"]
        if ra["gold_city_null"]:
            s["null"] += 1
            s["null_a"] += ra["pred_city_null"]
            s["null_b"] += rb["pred_city_null"]
    for s in out.values():
        s["p"] = mcnemar_p(s["only_b"], s["only_a"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--contender", default="qlora+resolve", help="A's contender (and B's, without --contender-b)")
    parser.add_argument("--contender-b", help="B's contender, where it is not A's")
    parser.add_argument("--decide", action="store_true", help="exit 0 only when B beats A on wild (see above)")
    parser.add_argument("--pool", metavar="PREFIX", help="one more line over every split beginning with PREFIX "
                        "(blind-: all rounds of scripts/blind_suite.py's suite), its p from the pooled pairs")
    args = parser.parse_args(argv)
    for path in (args.a, args.b):
        if not Path(path).is_file():
            near = sorted(Path(path).parent.glob("samples.jsonl*")) if Path(path).parent.is_dir() else []
            hint = f" (there: {', '.join(str(n) for n in near)})" if near else ""
            print(f"error: no such samples file: {path}{hint}", file=sys.stderr)
            return 2
    contender_b = args.contender_b or args.contender
    a, b = load(args.a, args.contender), load(args.b, contender_b)
    if not a or not b:
        print(f"no {args.contender if not a else contender_b} rows in {args.a if not a else args.b}", file=sys.stderr)
        return 2
    res = compare(a, b)

    def line(name: str, s: dict, tail: str = "") -> str:
        return (f"{name:9} n {s['n']:6}  A {s['a']:6} ({100 * s['a'] / s['n']:.1f})  B {s['b']:6} "
                f"({100 * s['b'] / s['n']:.1f})  only B / only A {s['only_b']} / {s['only_a']}  p {s['p']:.2g}{tail}")

    for split, s in res.items():
        null = (f"  null city {s['null_a'] / s['null']:.3f} -> {s['null_b'] / s['null']:.3f}"
                if s["null"] and split == "wild" else "")
        print(line(split, s, null))
    pooled = [s for split, s in res.items() if args.pool and split.startswith(args.pool)]
    if pooled:
        tot = {k: sum(s[k] for s in pooled) for k in ("n", "a", "b", "only_b", "only_a")}
        print(line(args.pool + "*", {**tot, "p": mcnemar_p(tot["only_b"], tot["only_a"])}))
    if not args.decide:
        return 0
    wild = res.get("wild")
    better = bool(wild) and wild["b"] > wild["a"] and wild["p"] < 0.05
    worse = [k for k in ("hard", "relative") if k in res and res[k]["b"] < res[k]["a"] and res[k]["p"] < 0.05]
    verdict = better and not worse
    print(f"decide: {'B' if verdict else 'A'} (wild better: {better}; worse on: {', '.join(worse) or 'none'})")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())
