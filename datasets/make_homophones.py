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
ian/iang uan/uang). Candidates are the 6,763 characters of GB 2312, levels 1 and 2 (the characters an
IME offers; level 2 since the 56th sitting). Columns: ``char`` and ``homophones`` (sound-alikes, sorted,
without the character itself).
``char`` is a character of a name (its sound-alikes by every reading above), or ``name:i`` for the ``i``-th
character of a name that the phrase table knows and that reads it one way only (``新乐:1``, le: 新月 is no 新乐
typed wrong, although 乐 is yue in 乐清).

The same build writes ``datasets/sound_alike_words.tsv``: everyday words that are a name with one character
replaced by a sound-alike of this table (``苹果`` for 平果, ``长江`` for 湛江, ``阳光`` for 仰光), with the name
and the word's frequency in jieba's dictionary (jieba 0.42.1, MIT; its ``dict.txt``, read from the pinned
sdist, sha256-checked, not a runtime dependency). A word at least ``MIN_WORD_FREQ`` frequent that is no place
name: the `rule` contender never reads it as a city typed wrong (rule 5c). And ``datasets/sound_alike_places.tsv``:
the mainland's counties and districts whose name is a city's with one sound-alike character (``富顺`` for 抚顺,
``青阳`` for 庆阳; from jionlp's dictionary, the pinned wheel of make_places.py), which the rule never reads as a city
typed wrong either (they are places, and no city: the label guide's answer alone is ``null``).
"""

from __future__ import annotations

import csv
import io
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).parent
JIEBA = ("jieba==0.42.1", "jieba-0.42.1.tar.gz", "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2")
#: jieba frequencies of everyday words; below this, a rare word (a name, a term) may be a city typed wrong.
MIN_WORD_FREQ = 100

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
    """GB 2312's characters, levels 1 and 2: rows 0xB0-0xF7, cells 0xA1-0xFE (some cells are unassigned). Level 2
    (rows 0xD8-0xF7) adds the less common ones people still type for a name's character (合淝, 呼和皓特: WILD.md,
    56th sitting)."""
    chars = []
    for hi in range(0xB0, 0xF8):
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
    alikes = {k: "".join(sorted(set().union(*(by_sound.get(x, set()) for x in v[1])) - {v[0]}))
              for k, v in keys.items()}
    words = everyday_words(alikes)
    with open(HERE / "sound_alike_words.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("word\tsounds_like\tjieba_freq\n")
        f.writelines(f"{w}\t{name}\t{freq}\n" for w, (name, freq) in sorted(words.items()))
    print(f"{len(words)} everyday words sound like a name (jieba frequency >= {MIN_WORD_FREQ})")
    places = sound_alike_places(alikes)
    with open(HERE / "sound_alike_places.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("place\tsounds_like\tcounty\n")
        f.writelines(f"{p}\t{name}\t{county}\n" for p, (name, county) in sorted(places.items()))
    print(f"{len(places)} county and district names of China sound like a city's name")


def jieba_entries() -> list[list[str]]:
    """jieba's dictionary, a line each (word, frequency, part-of-speech tag), from the pinned sdist (cached, else
    pip-downloaded)."""
    sys.path.insert(0, str(HERE))
    from make_places import pinned_wheel

    sdist = pinned_wheel(*JIEBA)
    with tarfile.open(sdist) as tar:
        member = tar.extractfile("jieba-0.42.1/jieba/dict.txt")
        text = io.TextIOWrapper(member, encoding="utf-8").read()
    return [fields for fields in (line.split() for line in text.splitlines()) if fields]


def jieba_words() -> dict[str, int]:
    """jieba's dictionary: word -> frequency."""
    return {w: int(f) for w, f, *_ in jieba_entries()}


def name_forms() -> list[str]:
    """The cities' names (full, and short without 市) of 2-4 Chinese characters, sorted: what a sound-alike may be
    typed for."""
    return sorted(n for n in names() | {n.removesuffix("市") for n in names() if len(n) > 2}
                  if 2 <= len(n) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in n))


def sound_alike_forms(name: str, alikes: dict[str, str]) -> Iterator[str]:
    """``name`` with one character replaced by one of its sound-alikes (``alikes``: the table's keys, a character
    or ``name:i`` where the name reads it its own way)."""
    for i, ch in enumerate(name):
        for other in alikes.get(f"{name}:{i}") or alikes.get(ch, ""):
            yield name[:i] + other + name[i + 1:]


def everyday_words(alikes: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Frequent words that are a name (full or short, 2-4 characters) with one character replaced by one of its
    sound-alikes (``alikes``: the table's keys, a character or ``name:i``) and are no place name themselves."""
    freq = jieba_words()
    places: set[str] = set()
    for tsv in ("cities.tsv", "places.tsv"):
        with open(HERE / tsv, encoding="utf-8", newline="") as f:
            places |= {row["name"] for row in csv.DictReader(f, delimiter="\t")}
    places |= {p.removesuffix("市") for p in places if len(p) > 2}
    found: dict[str, tuple[str, int]] = {}
    for name in name_forms():
        for word in sound_alike_forms(name, alikes):
            if freq.get(word, 0) >= MIN_WORD_FREQ and word not in places and word not in found:
                found[word] = (name, freq[word])
    return found


def sound_alike_places(alikes: dict[str, str]) -> dict[str, tuple[str, str]]:
    """The mainland's counties and districts (jionlp's ``china_location.txt``, full names and short forms, 2-4
    characters) that are a city's name with one character replaced by one of its sound-alikes (富顺县's 富顺 for
    抚顺, 青阳 for 庆阳): a real place, which the rule never reads as a city typed wrong. Place -> (the name it
    sounds like, the county's full name)."""
    sys.path.insert(0, str(HERE))
    from make_cities import parse_locations, read_dictionary
    from make_places import fetch_wheel

    cities = name_forms()
    taken = set(cities)
    counties: dict[str, str] = {}
    for depth, name, alias, _, _ in parse_locations(read_dictionary(fetch_wheel())):
        if depth == 2 and not name.endswith("市"):  # a county-level city is a city (cities.tsv, places.tsv)
            for form in {name, *alias.split("/")}:
                if 2 <= len(form) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in form) and form not in taken:
                    counties.setdefault(form, name)
    found: dict[str, tuple[str, str]] = {}
    for name in cities:
        for form in sound_alike_forms(name, alikes):
            if form in counties and form not in found:
                found[form] = (name, counties[form])
    return found


if __name__ == "__main__":
    main()
