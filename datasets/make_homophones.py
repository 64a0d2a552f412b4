"""Build datasets/homophones.tsv: for each character of the gazetteers' names, the common characters that
sound like it (what a pinyin input method offers for the same syllable).

People type city names through a pinyin IME and pick the wrong candidate: `杭洲` for 杭州, `邯单` for 邯郸,
`深证` for 深圳 (zhen/zheng, a nasal ending many speakers do not tell apart). The `rule` contender reads a
question with no known city for a name that differs from a known one in exactly one character, where the
two characters share a reading in this table; the city is copied as written (the task rule). Made once with
pypinyin's tables (pypinyin 0.55.0, MIT), not a runtime dependency:

    pip install pypinyin==0.55.0
    python datasets/make_homophones.py            # writes datasets/homophones.tsv

Readings are toneless (`Style.NORMAL`): a candidate's usual reading, a name character's reading within its
name (pypinyin's phrase table: 重 in 重庆 is chong) and its usual one, except in a name the phrase table knows,
which reads it its own way only; the usual
fuzzy-pinyin pairs of input methods are folded (initials z/zh c/ch s/sh n/l, finals an/ang en/eng in/ing
ian/iang uan/uang). Candidates are the 3,755 level-1 characters of GB 2312 (the common characters an IME
offers first). Columns: ``char`` and ``homophones`` (sound-alikes, sorted, without the character itself).
``char`` is a character of a name (its sound-alikes by every reading above), or ``name:i`` for the ``i``-th
character of a name that the phrase table knows and that reads it one way only (``新乐:1``, le: 新月 is no 新乐
typed wrong, although 乐 is yue in 乐清).
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).parent

INITIALS = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"))
FINALS = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


def fold(syllable: str) -> str:
    """A toneless syllable with the fuzzy-pinyin pairs folded (zheng -> zen, nan -> lan)."""
    for long, short in INITIALS:
        if syllable.startswith(long):
            syllable = short + syllable[len(long):]
            break
    for long, short in FINALS:
        if syllable.endswith(long):
            return syllable[: -len(long)] + short
    return syllable


def level1() -> list[str]:
    """GB 2312 level-1 characters: rows 0xB0-0xD7, cells 0xA1-0xFE (0xD7FA-0xD7FE are unassigned)."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def names() -> set[str]:
    out = set()
    for tsv in ("cities.tsv", "places.tsv"):
        with open(HERE / tsv, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if tsv == "cities.tsv" or row["kind"] == "city":
                    out.add(row["name"])
    return out


def main() -> None:
    from pypinyin import Style, pinyin

    def usual(ch: str) -> str:
        return fold(pinyin(ch, style=Style.NORMAL)[0][0])

    by_sound: dict[str, set[str]] = {}
    for ch in level1():
        by_sound.setdefault(usual(ch), set()).add(ch)
    # a character's readings: its usual one and its reading within each name (the old union); a name that
    # pypinyin's phrase table knows (heteronym=True gives one reading: 乐清 yue, 新乐 le) reads it its own way only
    keys: dict[str, tuple[str, set[str]]] = {}  # key -> (character, its readings there)
    known: dict[str, set[str]] = {}  # name:i -> its one reading, where the phrase table knows the name
    for name in sorted(names()):
        plain = pinyin(name, style=Style.NORMAL)
        every = pinyin(name, style=Style.NORMAL, heteronym=True)
        for i, (ch, (reading,), readings) in enumerate(zip(name, plain, every, strict=False)):
            if "\u4e00" <= ch <= "\u9fff":
                keys.setdefault(ch, (ch, {usual(ch)}))[1].add(fold(reading))
                if len(readings) == 1:
                    for form in {name, name.removesuffix("市")} if len(name) > 2 else {name}:
                        if i < len(form):  # the name as written and its short form (乐清市, 乐清)
                            known[f"{form}:{i}"] = {fold(reading)}
    for key, sounds in known.items():
        ch = key.split(":")[0][int(key.split(":")[1])]
        if sounds != keys[ch][1]:
            keys[key] = (ch, sounds)

    with open(HERE / "homophones.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("char\thomophones\n")
        rows = 0
        for key in sorted(keys):
            ch, sounds = keys[key]
            alike = sorted(set().union(*(by_sound.get(s, set()) for s in sounds)) - {ch})
            if alike:
                f.write(f"{key}\t{''.join(alike)}\n")
                rows += 1
    print(f"{rows} of {len(keys)} name characters (and readings within a name) have sound-alikes")


if __name__ == "__main__":
    main()
