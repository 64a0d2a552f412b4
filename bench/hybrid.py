"""The ``hybrid`` contender: the fine-tuned model and the rule, each where it is right.

The rule (``bench.rule``) and the fine-tuned model fail on different questions: the rule only knows the
places of its gazetteers and the date forms of ``sft.task.find_date``; the model reads any phrasing but can
take a district or a sight for the city, print an impossible date, or invent one. The combination is
deterministic and field by field. The model's fields are *checked* first:

* a model city counts only if it is copied from the question, is not a known non-city place (province,
  region, country, district, county, sight: ``datasets/places.tsv``), neither ends with nor is followed in
  the question by the ending of a non-city place (``古镇``, ``机场``, ``水库``, ``岛``, …: ``NON_CITY_ENDINGS``),
  does not lie inside a longer known name that is no city (``北海`` in ``北海道``), is made of characters that
  some place name has (``爷爷``, ``航班`` are words: ``place_characters``), and — under ``rule-first`` — is not a
  city the rule knows but did not answer (the rule's context refused it: the origin of a trip, a word, a
  street). Over the committed model outputs where the rule (of 2026-12-01) has no city, the checks before these
  let 4 right cities and 151 wrong ones through (all runs, each question and city once; 3 / 6 for the `gpu`
  adapter of reports/reference-h100, 4 / 15 for the `cpu` one of reports/reference-cpu with the sixth sitting);
  with them 3 / 61, 2 / 3 and 3 / 5;
* a model date counts only if it is a real day (``sft.task.valid_date``) whose month and day are both
  written in the question (digits, Chinese numerals, an English month name): a date the model made up for
  ``七月`` or ``10月份`` or a relative word does not, nor one whose month and day are the same number written
  once (``6号`` read as 06-06).

Strategies (both measured on the committed splits with the same model outputs; README "Contenders"):

* ``rule-first`` (the default): each field from the rule when the rule has it, else the checked model's.
  Two dates in a question go to the rule too: its date rule reads which one is asked (``改到``, ``原定…``;
  else the first). Until 2026-11-30 the model's date won there; over the model outputs of five committed
  runs (reports/reference-cpu, h100-real-v2, -v2-16k, -v4) that override was never right where the rule was
  wrong and cost 3 `hard` and 1 `wild` answers on the CPU adapter, 1 `wild` answer on two GPU ones;
* ``checked``: the checked model's city first, else the rule's; dates as in ``rule-first``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from sft.datagen import chinese_number
from sft.errors import UserError
from sft.task import Answer, parse_output, valid_date

STRATEGIES = ("checked", "rule-first")
DEFAULT_STRATEGY = "rule-first"
_DATE_CUE = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十〇零两]+[月号日號]|月|号|號|[周週]|星期|礼拜|禮拜|天|节|節|元旦|国庆|國慶|"
    r"五一|六一|七一|十一|平安夜|圣诞|除夕|清明|中秋|端午|七夕|重阳|元宵|月底|明早|明晚|今早|今晚|明儿|今儿|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    re.I,
)


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


def _rule_knows(city: str) -> bool:
    """Whether the rule's gazetteer has ``city`` as a city name (read through traditional characters)."""
    from bench.rule import default_gazetteer

    gazetteer = default_gazetteer()
    return gazetteer.fold(city) in gazetteer.names


def _inside_known_place(question: str, city: str) -> bool:
    """Whether every occurrence of ``city`` in the question lies inside a longer known name that is no city
    (a place of places.tsv or one of the rule's common words: 北海 in 北海道, 日照 in 日照金山)."""
    from bench.rule import _NOT_CITY_WORDS

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
    if city.endswith(NON_CITY_ENDINGS) or _inside_known_place(question, city):
        return None
    if any(not c.isascii() and c not in place_characters() for c in city):
        return None
    at = question.find(city) + len(city)
    if any(question.startswith(end, at) for end in NON_CITY_ENDINGS if len(end) > 1):
        return None
    return city


_MONTHS_EN = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _digits(n: int) -> re.Pattern:
    """The number ``n`` in digits, with or without a leading zero, not inside a longer number."""
    return re.compile(rf"(?<!\d)0?{n}(?!\d)")


def _written(question: str, n: int, month: bool = False) -> bool:
    """Whether the number ``n`` is written in the question (digits, full-width digits, Chinese numerals, or
    an English month name)."""
    text = question.lower()
    if _digits(n).search(unicodedata.normalize("NFKC", text)):
        return True
    if chinese_number(n) in question or (n == 2 and "两" in question):
        return True
    return month and _MONTHS_EN[n - 1] in text


def _model_date(question: str, date: str | None) -> str | None:
    """The model's date if it is a real day whose month and day are both written in the question (a
    model's date for 七月 or 10月份 has a day nobody wrote: no date)."""
    if date is None or not valid_date(date.strip()) or not _DATE_CUE.search(question):
        return None
    date = date.strip()
    month, day = int(date[-5:-3]), int(date[-2:])
    if not (_written(question, month, month=True) and _written(question, day)):
        return None
    if month == day and _times_written(question, month) < 2:
        return None  # one number written, read as month and day (`6号` → 06-06, `一月份` → 01-01)
    return date


def _times_written(question: str, n: int) -> int:
    """How many times the number ``n`` is written (digits, full-width digits, Chinese numerals)."""
    digits = len(_digits(n).findall(unicodedata.normalize("NFKC", question)))
    chinese = chinese_number(n)
    hanzi = len(re.findall(rf"(?<![一二三四五六七八九十]){chinese}(?![一二三四五六七八九十])", question))
    return digits + hanzi


def combine(question: str, model_output: str, today: dt.date | None = None,
            strategy: str = DEFAULT_STRATEGY) -> Answer:
    """One hybrid answer from the model's raw output and the rule (run here on the same question)."""
    from bench import rule

    if strategy not in STRATEGIES:
        raise UserError(f"unknown hybrid strategy {strategy!r}; valid: {', '.join(STRATEGIES)}")
    ruled = parse_output(rule.extract_one(question, today=today)).answer or Answer(None, None)
    model = parse_output(model_output).answer or Answer(None, None)
    m_city = _model_city(question, model.city)
    m_date = _model_date(question, model.date)
    date = ruled.date if ruled.date is not None else m_date
    if strategy == "checked":
        city = m_city if m_city is not None else ruled.city
    else:  # rule-first
        if ruled.city is None and m_city is not None and _rule_knows(m_city):
            m_city = None  # a city the rule knows and did not answer: its context said no (an origin, a word)
        city = ruled.city if ruled.city is not None else m_city
    return Answer(city, date)


def combine_all(questions: list[str], model_outputs: list[str], todays=None,
                strategy: str = DEFAULT_STRATEGY) -> list[str]:
    """Canonical answer lines for a batch (``todays``: the reference day of each question, or None)."""
    todays = todays if todays is not None else [None] * len(questions)
    return [combine(q, out, t, strategy).to_json() for q, out, t in zip(questions, model_outputs, todays, strict=True)]
