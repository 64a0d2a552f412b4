"""Build datasets/festival_typos.tsv: festival names typed with one character replaced by a sound-alike.

People type a festival through a pinyin input method and pick the wrong candidate (`中球节` for 中秋节, `圣蛋节`
for 圣诞节, `端吴节` for 端午节; WILD.md, 37th and 79th sittings: read as the festival). The date rule reads
every form listed here as its festival (`sft.task`). Made once, like ``homophones.tsv``, with pypinyin's tables
(pypinyin 0.55.0, MIT) and jieba's dictionary (jieba 0.42.1, MIT), neither a runtime dependency:

    pip install pypinyin==0.55.0
    python datasets/make_festival_typos.py        # writes datasets/festival_typos.tsv

A form is listed when it is a festival name of three or more characters that ends in 节 or 夜 and holds no
numeral (情人节, 国庆节, 平安夜, 中秋节 …; a two-character name such as 除夕 or 元旦 typed wrong too often reads as a
piece of two other words: 月初西安) with one character other than 节 replaced by a common character that sounds
the same (toneless, the input methods' fuzzy pairs folded: ``make_homophones.fold``; GB 2312 level 1), and the
form is no word of jieba's dictionary (国情节 is listed, though 国情 is a word; 节 is never replaced: 儿童街 is a
street), no place name and no other festival's name. Columns: ``typo`` and ``festival`` (the name as
``sft.dates`` reads it).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from make_homophones import fold, jieba_words, level1  # noqa: E402

from sft.dates import FIXED_FESTIVALS, LUNAR_FESTIVALS  # noqa: E402

NUMERALS = set("〇零一二两三四五六七八九十百")


def festival_names() -> list[str]:
    """The festival names ``sft.dates`` reads that end in 节 or 夜, have three or more characters and no numeral
    (三八节, 双十一, 七月七 are left out: a numeral typed wrong is another number)."""
    return sorted(n for n in {*FIXED_FESTIVALS, *LUNAR_FESTIVALS}
                  if len(n) >= 3 and n[-1] in "节夜" and not NUMERALS & set(n)
                  and all("\u4e00" <= c <= "\u9fff" for c in n))


def common_characters() -> set[str]:
    """GB 2312 level 1 (rows 0xB0-0xD7): the 3,755 common characters an input method offers first."""
    return {c for c in level1() if 0xB0 <= c.encode("gb2312")[0] <= 0xD7}


def place_names() -> set[str]:
    """Every name of cities.tsv and places.tsv (a typo form that is a place's name is left out)."""
    names: set[str] = set()
    for tsv in ("cities.tsv", "places.tsv"):
        with open(HERE / tsv, encoding="utf-8", newline="") as f:
            names |= {row["name"] for row in csv.DictReader(f, delimiter="\t")}
    return names


def main() -> None:
    from pypinyin import Style, pinyin

    by_sound: dict[str, set[str]] = {}
    for ch in common_characters():
        by_sound.setdefault(fold(pinyin(ch, style=Style.NORMAL)[0][0]), set()).add(ch)
    words = jieba_words()
    places = place_names()
    names = festival_names()
    typos: dict[str, str] = {}
    for name in names:
        readings = [fold(r[0]) for r in pinyin(name, style=Style.NORMAL)]  # the name's own reading (重阳: chong)
        for i, ch in enumerate(name):
            if ch == "节":
                continue
            for other in sorted(by_sound.get(readings[i], set()) - {ch}):
                form = name[:i] + other + name[i + 1:]
                if form in words or form in places or form in names or form in typos:
                    continue
                typos[form] = name
    with open(HERE / "festival_typos.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("typo\tfestival\n")
        f.writelines(f"{t}\t{n}\n" for t, n in sorted(typos.items()))
    print(f"{len(typos)} sound-alike forms of {len(names)} festival names")


if __name__ == "__main__":
    main()
