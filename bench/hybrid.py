"""The ``hybrid`` contender: the fine-tuned model and the rule, each where it is right.

The rule (``bench.rule``) and the fine-tuned model fail on different questions: the rule only knows the
places of its gazetteers and the date forms of ``sft.task.find_date``; the model reads any phrasing but can
take a district or a sight for the city, print an impossible date, or invent one. The combination is
deterministic and field by field. The model's fields are *checked* first:

* under ``rule-first`` (the default) the model's city is taken only where the rule has none and it is the short
  form of a city the rule reads only with cues (``中山``, ``石狮``: rule 5d); every other name the model adds there
  was mostly no city. On the 1,949 `wild` questions of 2026-12-01 (reports/h100-seeds: three adapters of the `gpu`
  recipe, two seeds and 64,000 examples), where hybrid's city then differed from the rule's it was right 2, 1, 2
  times and wrong 9, 16, 12 (安溪, 太湖, 星星峡, 潮水, 夜市 …: towns, lakes and words the gazetteer does not
  list); the right ones were 中山 twice and a misspelt ``Guangzou``. The checks below stay for ``checked``:
* a model city counts only if it is copied from the question, is not a known non-city place (province,
  region, country, district, county, sight: ``datasets/places.tsv``; in Latin letters ``romanized_places.tsv``:
  ``Yunnan``, ``Japan``), neither ends with nor is followed in
  the question by the ending of a non-city place (``古镇``, ``机场``, ``水库``, ``岛``, …: ``NON_CITY_ENDINGS``),
  does not lie inside a longer known name that is no city (``北海`` in ``北海道``), is made of characters that
  some place name has (``爷爷``, ``航班`` are words: ``place_characters``). Over the committed runs' model
  outputs where the rule (as of 4a729af) has no city, the checks before these let 5 right cities and 158 wrong
  ones through (each question and city once; 2 / 6 for the `gpu` adapter of reports/reference-h100, 5 / 22 for the
  `cpu` one of reports/reference-cpu and reports/cpu-sittings); with them 4 / 62, 1 / 3 and 4 / 9;
* the date is always the rule's: it reads every written form the model does, and the days the rule leaves
  out it leaves out on purpose (a span of days ``3-5天``, a month alone, a measure ``PM2.5``). Until 2026-12-01
  a checked model date (a real day whose month and day are both written) filled in where the rule had none;
  over every committed run's model outputs it was never right there and wrong 8 times (each question and date
  once: ``九寨沟四月份`` → 09-04, ``黄冈 2号到5号`` → 02-05, ``3-5天到`` → 03-05), so it was dropped.

Strategies (both measured on the committed splits with the same model outputs; README "Contenders"):

* ``rule-first`` (the default): the rule's city when the rule has one, else the checked model's if it is a city
  the rule reads only with cues (above).
* ``checked``: the checked model's city first, else the rule's.
"""

from __future__ import annotations

import datetime as dt
import functools

from sft.errors import UserError
from sft.task import Answer, parse_output

STRATEGIES = ("checked", "rule-first")
DEFAULT_STRATEGY = "rule-first"
@functools.lru_cache(maxsize=1)
def non_city_places() -> frozenset[str]:
    """Names that are places but not cities (all splits: a deployed checker knows every place it has)."""
    from sft.places import load_places

    return frozenset(p.name for p in load_places() if p.kind != "city")


# The endings of place names that are no city (towns, districts, sights, airports): a model city that ends
# with one, or that the question continues with one (`X机场`, `X古镇`), names such a place. Cities the rule
# knows never reach this check (the rule's city comes first); it guards the names the rule does not know.
NON_CITY_ENDINGS = ("古镇", "古城", "古村", "老街", "新区", "景区", "风景区", "机场", "火车站", "高铁站", "公园",
                    "竹海", "草原", "湿地", "峡谷", "瀑布", "国家公园", "度假区", "开发区", "水库", "中心", "广场",
                    "乐园", "大学", "医院", "镇", "乡", "村", "县", "区", "岛")


@functools.lru_cache(maxsize=1)
def place_characters() -> frozenset[str]:
    """Every character of every place name the project knows (cities.tsv, places.tsv of all kinds, nicknames),
    simplified and traditional: a model city made of other characters (爷爷, 航班) is a word, not a place."""
    from sft.cities import load_cities, load_nicknames
    from sft.places import load_places
    from sft.task import traditional_table

    names = [c.name for c in load_cities()] + [p.name for p in load_places()] + list(load_nicknames())
    chars = set("".join(names))
    return frozenset(chars | {chr(t) for t, s in traditional_table().items() if s in chars})


def _rule_reads_with_cues(city: str) -> bool:
    """Whether ``city`` is the short form of a city the rule reads only in full or with cues (rule 5d: 中山 for
    中山市, 石狮 for 石狮市: everyday words too), read through traditional characters: where the rule answered no
    city, the model may tell that such a word is the city (``今天下午中山几点开始下暴雨``)."""
    from bench.rule import default_gazetteer

    gazetteer = default_gazetteer()
    return gazetteer.fold(city) in gazetteer.short_forms


def _inside_known_place(question: str, city: str) -> bool:
    """Whether every occurrence of ``city`` in the question lies inside a longer known name that is no city
    (a place of places.tsv or one of the rule's common words: 北海 in 北海道, 日照 in 日照金山)."""
    from sft.mentions import _NOT_CITY_WORDS

    known = non_city_places() | frozenset(_NOT_CITY_WORDS)
    start = question.find(city)
    while start >= 0:
        end = start + len(city)
        covered = any(question[a:b] in known for a in range(max(0, start - 6), start + 1)
                      for b in range(end, min(len(question), end + 6) + 1) if b - a > len(city))
        if not covered:
            return False
        start = question.find(city, start + 1)
    return True


def _model_city(question: str, city: str | None) -> str | None:
    """The model's city if it passes the checks, else None."""
    if city is None:
        return None
    city = city.strip()
    if not city or city not in question or city in non_city_places():
        return None
    from bench.rule import latin_non_cities

    if " ".join(city.lower().split()) in latin_non_cities():
        return None
    if city.endswith(NON_CITY_ENDINGS) or _inside_known_place(question, city):
        return None
    if any(not c.isascii() and c not in place_characters() for c in city) or any(c in "雨雪雾霾晴" for c in city):
        return None  # a word, or weather (梅雨), not a place
    at = question.find(city) + len(city)
    if any(question.startswith(end, at) for end in NON_CITY_ENDINGS if len(end) > 1):
        return None
    return city


def combine(question: str, model_output: str, today: dt.date | None = None,
            strategy: str = DEFAULT_STRATEGY) -> Answer:
    """One hybrid answer from the model's raw output and the rule (run here on the same question)."""
    from bench import rule

    if strategy not in STRATEGIES:
        raise UserError(f"unknown hybrid strategy {strategy!r}; valid: {', '.join(STRATEGIES)}")
    ruled = parse_output(rule.extract_one(question, today=today)).answer or Answer(None, None)
    model = parse_output(model_output).answer or Answer(None, None)
    m_city = _model_city(question, model.city)
    if strategy == "checked":
        city = m_city if m_city is not None else ruled.city
    else:  # rule-first
        if ruled.city is None and m_city is not None and not _rule_reads_with_cues(m_city):
            m_city = None  # a name the rule does not know is mostly no city; one it knows, its context refused
        city = ruled.city if ruled.city is not None else m_city
    return Answer(city, ruled.date)


def combine_all(questions: list[str], model_outputs: list[str], todays=None,
                strategy: str = DEFAULT_STRATEGY) -> list[str]:
    """Canonical answer lines for a batch (``todays``: the reference day of each question, or None)."""
    todays = todays if todays is not None else [None] * len(questions)
    return [combine(q, out, t, strategy).to_json() for q, out, t in zip(questions, model_outputs, todays, strict=True)]
