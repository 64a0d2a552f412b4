"""Place hints: what the project's gazetteers say each place name of a question is, for the ``places`` prompt (and
the date line of the ``places-dates`` prompt: :func:`date_hint_text`).

A fine-tune of a 0.5B model does not learn from examples which of the gazetteers' ~8,500 Chinese place names are
cities: on the 15,360 ``wild`` questions the ``gpu`` adapter took 73 counties and 30 districts for cities
(reports/h100-examples-192k), and for the ``cpu`` one another word taken as the city was 117 of its 327 wrong answers.
The rule contender reads the same questions with the gazetteers. The ``places`` prompt (:mod:`sft.prompt`) gives the
model their reading as one line after the question (``地名：舒城=县，万佛湖=景点``), made from the question alone, the
same in training and at inference. The model still decides what is asked (a city named only as a product's origin,
``昭通苹果``, stays null), and a name no gazetteer lists (a town) gets no hint.

The names are those the rule contender reads, each once, by what decides it first: ``datasets/places.tsv`` (its
kind: 庐山 a sight, 香港 a city; a city's short form too, 大理 of 大理市, unless the file lists that name itself), the
cities the rule reads and the generator's lists leave out (``sft.places.city_names``: 马鞍山, 津市, 克孜勒苏州), the
cities' nicknames (魔都), the cities of ``datasets/full_names.tsv`` (in full only, as the rule reads them: 安康市, not
安康, an everyday word) and of ``datasets/cities.tsv`` (full and short: 黄山市, 黄山), the world's cities of
``datasets/world_cities.tsv`` (卢布尔雅那), ``datasets/counties.tsv`` (县) and ``datasets/districts.tsv`` (区); and the
Latin-letter city names of ``datasets/romanized.tsv`` (``Xi'an``, ``Busan``). A city typed with a sound-alike
character (杭洲) gets no hint. A question is read left to right, the longest name at each point (长沙县 a county,
杭州西湖 the city then the sight); names of one character are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: The word a hint writes for each kind of place.
KIND_WORDS = {"city": "市", "county": "县", "district": "区", "sight": "景点", "province": "省", "region": "地区",
              "country": "国家", "area": "片区"}
#: What the hint line says when no name is found.
NONE = "无"


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], re.Pattern, re.Pattern | None]:
    """Every Chinese place name of the gazetteers -> its kind (see the module's docstring), one pattern that finds them
    (the longest first), and one for the Latin-letter city names (``datasets/romanized.tsv``, read as the rule reads
    them: any case, never inside a longer word)."""
    from sft.cities import load_full_names, load_nicknames, short_name
    from sft.places import (
        city_names,
        counties,
        districts,
        load_places,
        romanized_pattern,
        romanized_rows,
        world_city_names,
    )

    kinds = dict.fromkeys(districts(), "district")
    kinds.update(dict.fromkeys(counties(), "county"))
    kinds.update(dict.fromkeys(world_city_names(), "city"))
    for name in city_names():  # full and short, as the rule reads them: 大理市 -> 大理, 马鞍山市 -> 马鞍山
        kinds[name] = kinds[short_name(name)] = "city"
    places = load_places()
    kinds.update(dict.fromkeys(load_full_names(), "city"))
    kinds.update(dict.fromkeys(load_nicknames(), "city"))
    kinds.update({p.name: p.kind for p in places})
    kinds = {name: kind for name, kind in kinds.items() if len(name) >= 2}
    pattern = re.compile("|".join(map(re.escape, sorted(kinds, key=len, reverse=True))))
    return kinds, pattern, romanized_pattern(spelling for spelling, _, _ in romanized_rows())


#: How the hint line reads a question's names: ``gazetteer`` (the ``places`` prompts: the longest name at each point,
#: its kind from the lists) or ``rule`` (the ``places-rule`` prompt: the cities as the rule contender reads them).
READINGS = ("gazetteer", "rule")


def place_hints(question: str, reading: str = "gazetteer") -> list[tuple[str, str]]:
    """The place names of ``question`` the gazetteers know, each once, in the order written, with their kind's word:
    ``[("舒城", "县"), ("万佛湖", "景点")]``. Traditional characters are looked up as simplified, one for one, and the
    name is given as written (``臺北``).

    ``reading="rule"``: the cities are those the rule contender reads (:mod:`sft.mentions`), its other places as with
    ``gazetteer``. A city name the rule reads as no city is not hinted (凤城 of 凤城河, 抚顺 of 抚顺麻辣拌, 六安 of
    周六安排, 中山 of 中山路); ``永州市里`` is hinted ``永州``; where no city is written in full, one typed short
    where the question asks about it (``中山明天``) or one typed with a sound-alike (``哈蜜``) is hinted 市."""
    from sft.task import traditional_table

    if reading not in READINGS:
        raise ValueError(f"unknown hint reading {reading!r}; valid: {', '.join(READINGS)}")
    kinds, pattern, latin = gazetteer()
    folded = question.translate(traditional_table())
    spans = [(m.start(), m.end(), kinds[m.group()]) for m in pattern.finditer(folded)]
    latin_spans = [(m.start(), m.end(), "city") for m in latin.finditer(question)] if latin is not None else []
    if reading == "rule":
        spans = [span for span in spans if span[2] != "city"] + _rule_cities(question, bool(latin_spans))
    spans += latin_spans
    found: dict[str, str] = {}
    for start, end, kind in sorted(spans):
        found.setdefault(question[start:end], KIND_WORDS[kind])
    return list(found.items())


def _rule_cities(question: str, latin: bool) -> list[tuple[int, int, str]]:
    """The cities the rule contender reads in ``question`` as ``(start, end, "city")``: every name it keeps (rules
    1-4b) and, after the only one, a city typed short it is corrected or travelled to (珠海，改成中山, 太原到大同);
    or where it keeps none and no city is written in Latin letters, a city typed short (rule 5d) or one typed with a
    sound-alike (rule 5c), as the rule looks for them."""
    from sft.mentions import default_gazetteer, find_city_not_written_whole, find_mentions, short_form_after

    names = default_gazetteer()
    mentions = find_mentions(question, names)
    found = [(m.start, m.end, "city") for m in mentions]
    after = short_form_after(question, names, mentions[0]) if len(mentions) == 1 else None
    if after is not None:
        found.append((after.start, after.end, "city"))
    if not found and not latin:
        other = find_city_not_written_whole(question, names)
        found = [(other.start, other.end, "city")] if other is not None else []
    return found


def hint_text(question: str, reading: str = "gazetteer") -> str:
    """What the hint line of the ``places`` prompts says after ``地名：``: ``舒城=县，万佛湖=景点``, or ``无``;
    ``reading``: see :func:`place_hints`."""
    hints = place_hints(question, reading)
    return "，".join(f"{name}={kind}" for name, kind in hints) if hints else NONE


#: What the date line writes for a date that needs a reference day (大后天, 15号, 中秋): the model copies its words.
RELATIVE = "相对"


def date_hint_text(question: str) -> str:
    """What the date line of the ``places-dates`` prompt says after ``日期：``: each date the date rule reads in
    ``question`` (:func:`sft.task.date_mentions`) and its date, or 相对 when it needs a reference day
    (``大大后天=相对，二零二八年二月二十九日=2028-02-29``), or ``无``. Which one is asked, if any, the model decides; a
    relative one is copied, as the ``phrase`` date target writes it, and resolved after the model."""
    from sft.task import date_mentions

    found = date_mentions(question)
    return "，".join(f"{words}={date or RELATIVE}" for words, date in found) if found else NONE
