"""Build datasets/day_typos.tsv: day words typed with one character replaced by a sound-alike.

People type a day word through a pinyin input method and pick the wrong candidate: `后田` for 后天, `礼拜死` for
礼拜四, `下周而` for 下周二, `这周莫` for 这周末 (WILD.md: the label guide reads them as the word meant). The date
rule reads every form listed here as its day word (``sft.task``). Made once, like ``festival_typos.tsv``, with
pypinyin's tables (pypinyin 0.55.0, MIT) and jieba's dictionary (jieba 0.42.1, MIT), neither a runtime
dependency:

    pip install pypinyin==0.55.0
    python datasets/make_day_typos.py        # writes datasets/day_typos.tsv

The day words: 今天 明天 后天 昨天 前天 (only 天 typed wrong: a first character typed wrong reads as a
piece of other words), 大后天 大前天 (后/前 or 天 typed wrong), and 周/星期/礼拜 with a weekday or 末, alone or
after 下/上/这 (only the last character typed wrong: 周, 星期 and 礼拜 typed wrong are other words, and
the prefixes are single characters that begin too many). A form is a day word with that
character replaced by a common character that sounds the same (the same toneless syllable, no
fuzzy pairs: a form is a plain homophone; GB 2312 level 1), listed when it is no word of jieba's
dictionary, no part of one, no place name and no other day word. Columns: ``typo``, ``word``
(the day word meant) and ``not_before``: the characters that, written right after the form, make
a word with its sound-alike character (下周以后: 以后; 星期思考: 思考), where the form is not read.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from make_festival_typos import common_characters, place_names  # noqa: E402
from make_homophones import jieba_words  # noqa: E402

#: A word of jieba's dictionary at least this frequent, made of the sound-alike character and the one after it,
#: keeps the form from being read there.
MIN_PAIR_FREQ = 3
WEEKDAY_ENDS = "一二三四五六日天"


def day_words() -> list[tuple[str, int]]:
    """(day word, index of the character that may be typed wrong)."""
    words = [(w, 1) for w in ("今天", "明天", "后天", "昨天", "前天")]
    words += [(w, i) for w in ("大后天", "大前天") for i in (1, 2)]  # 大猴天 too (164th sitting)
    for head in ("周", "星期", "礼拜"):
        for end in WEEKDAY_ENDS + ("末" if head == "周" else ""):
            for prefix in ("", "下", "上", "这"):
                word = prefix + head + end
                words.append((word, len(word) - 1))
                if len(head) == 2:  # 星奇一, 下礼白三: the head's second character, the weekday after it (43rd round)
                    words.append((word, len(prefix) + 1))
    return words


def main() -> None:
    from pypinyin import Style, pinyin

    by_sound: dict[str, set[str]] = {}
    for ch in common_characters():
        by_sound.setdefault(pinyin(ch, style=Style.NORMAL)[0][0], set()).add(ch)
    jieba = jieba_words()
    places = place_names()
    words = day_words()
    own = {w for w, _ in words}
    candidates: dict[str, tuple[str, int]] = {}
    for word, i in words:
        reading = pinyin(word, style=Style.NORMAL)[i][0]
        for other in sorted(by_sound.get(reading, set()) - {word[i]}):
            form = word[:i] + other + word[i + 1:]
            if form in own or form in places or form in candidates:
                continue
            candidates[form] = (word, i)
    # no word of jieba, nor part of one (周而 is part of 周而复始)
    parts = {w[a:b] for w in jieba if len(w) > 2 for a in range(len(w)) for b in range(a + 2, len(w) + 1)}
    typos = {}
    for form, (word, i) in candidates.items():
        if form in jieba or form in parts:
            continue
        ch = form[i]
        not_before = sorted({w[1] for w, f in jieba.items() if len(w) == 2 and w[0] == ch and f >= MIN_PAIR_FREQ}) \
            if i == len(form) - 1 or not word.endswith(tuple(WEEKDAY_ENDS)) or word[-2] not in "期拜" else []
        # (a typo in the head, 星奇一, 礼白三, ends in its own weekday: nothing after it to guard)
        typos[form] = (word, "".join(not_before))
    with open(HERE / "day_typos.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("typo\tword\tnot_before\n")
        f.writelines(f"{t}\t{w}\t{nb}\n" for t, (w, nb) in sorted(typos.items()))
    print(f"{len(typos)} sound-alike forms of {len({w for w, _ in words})} day words")


if __name__ == "__main__":
    main()
