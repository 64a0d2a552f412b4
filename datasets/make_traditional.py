"""Build datasets/traditional.tsv: traditional characters of the gazetteers' names and their simplified form.

People in Hong Kong, Macau and Taiwan (and many elsewhere) write city names in traditional characters
(`臺北`, `澳門`, `桃園`); the gazetteers hold simplified names. The `rule` contender reads a question with
every traditional character of this table folded to its simplified form (one character for one, so the
city is still copied as written). Made once with OpenCC's tables (opencc-python-reimplemented 0.1.7,
Apache-2.0), not a runtime dependency:

    pip install opencc-python-reimplemented==0.1.7
    python datasets/make_traditional.py            # writes datasets/traditional.tsv

Every character of every name in cities.tsv and places.tsv, and every one of the 3,755 common characters of
GB 2312 level 1 (so that a whole question folds: 天氣 -> 天气, 會 -> 会), is converted with the s2t, s2tw
and s2hk configurations, and every CJK character through t2s (週 -> 周); a result that is one other
character becomes a row. A traditional character that
two simplified ones map to, or that is itself one of these simplified characters, is left out (ambiguous).
Column ``usual`` is 1 where s2t/s2tw/s2hk write the character (臺, 後), 0 for a variant only t2s reads
(翫 for 玩). The training mix (sft/compose.py) writes a few questions in traditional characters with the
usual forms of this table.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).parent


def names() -> set[str]:
    out = set()
    for tsv in ("cities.tsv", "places.tsv"):
        with open(HERE / tsv, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                out.add(row["name"])
    return out


def main() -> None:
    from make_homophones import level1
    from opencc import OpenCC

    converters = [OpenCC(cfg) for cfg in ("s2t", "s2tw", "s2hk")]

    chars = sorted({c for name in names() for c in name} | set(level1()))
    pairs: dict[str, set[str]] = {}
    usual: set[str] = set()  # written by s2t / s2tw / s2hk: what a traditional-character writer types
    for simple in chars:
        for cc in converters:
            trad = cc.convert(simple)
            if len(trad) == 1 and trad != simple:
                pairs.setdefault(trad, set()).add(simple)
                usual.add(trad)
    # and the other way: every CJK character that OpenCC's t2s writes as one of these (週 -> 周, 臺 -> 台)
    back = OpenCC("t2s")
    charset = set(chars)
    for code in range(0x4E00, 0xA000):
        trad = chr(code)
        simple = back.convert(trad)
        if len(simple) == 1 and simple != trad and simple in charset:
            pairs.setdefault(trad, set()).add(simple)
    rows = sorted((t, next(iter(s))) for t, s in pairs.items() if len(s) == 1 and t not in chars)
    with open(HERE / "traditional.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("traditional\tsimplified\tusual\n")
        for t, s in rows:
            f.write(f"{t}\t{s}\t{int(t in usual)}\n")
    print(f"{len(rows)} traditional characters of {len(chars)} characters")


if __name__ == "__main__":
    main()
