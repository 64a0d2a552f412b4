"""The task, in one place: the answer schema, the date rule and the parser of model output.

Everything that needs to know what a right answer looks like imports from here: the training-data
generator, the test suite builder, the rule-based contender, the scorer and the tests.

The rule (from the tutorial, completed where it was silent; README "The task rule"):

* the answer is one JSON object ``{"city": str | null, "date": str | null}`` and nothing else;
* ``city`` is the city as written in the question (``攀枝花市`` keeps its 市);
* ``date`` is ``%Y-%m-%d`` when the question names a year, else ``%m-%d``; two-digit years are 20xx;
  Chinese numerals, 日/号, ``3-15号``, ``3/15`` and ``3.15`` are all dates;
* a field the question does not contain is ``null``; relative dates (明天, 下周三) have no absolute
  answer without a reference day, so without ``today`` they are ``null`` too.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass

import cn2an

KEYS = ("city", "date")

#: The JSON schema of an answer; the constrained-decoding contender compiles exactly this.
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2})$"
ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": ["string", "null"]},
        "date": {"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "null"}]},
    },
    "required": list(KEYS),
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Answer:
    city: str | None
    date: str | None

    def to_json(self) -> str:
        """The canonical answer line, in the tutorial's spelling: ``{"city": "北京", "date": "06-01"}``."""
        return json.dumps({"city": self.city, "date": self.date}, ensure_ascii=False)

    def as_dict(self) -> dict[str, str | None]:
        return {"city": self.city, "date": self.date}


# --------------------------------------------------------------------------------------- dates

def format_date(month: int, day: int, year: int | None = None) -> str:
    """The date rule: ``%Y-%m-%d`` when a year is named, else ``%m-%d``; a two-digit year is 20xx.

    Raises ValueError for a day that does not exist (checked against a leap year when no year is named).
    """
    if year is not None and year < 100:
        year += 2000
    dt.date(year if year is not None else 2000, month, day)  # validates
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"{month:02d}-{day:02d}"


_CN = "〇零一二两三四五六七八九十"
_NUM = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"  # month or day, Arabic or Chinese
_YEAR = rf"(?:\d{{4}}|\d{{2}}|[{_CN}]{{2,4}})"
_DAY_END = r"(?:日|号|號)"
# Year, month, day: 2020年4月16号, 二〇二三年十二月三十日, 23年5月1号, 2023-12-30, 2023/12/30, 2023.12.30
_YMD = re.compile(
    rf"(?<![\d{_CN}])(?P<y>{_YEAR})年(?P<m>{_NUM})月(?P<d>{_NUM}){_DAY_END}?"
    rf"|(?<![\d.])(?P<y2>\d{{4}})(?P<sep>[-/.])(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}})(?![\d.])"
)
# Month and day: 4月6号, 十二月三十号, 3-15号, 3/15, 3.15
_MD = re.compile(
    rf"(?<![\d{_CN}年])(?P<m>{_NUM})月(?P<d>{_NUM}){_DAY_END}?"
    rf"|(?<![\d./-])(?P<m2>\d{{1,2}})[-/.](?P<d2>\d{{1,2}})(?![\d./-])"
)
# Relative dates: out of the spec unless a reference day is given (see resolve_relative).
_RELATIVE = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) >= 2 and all(c in "〇零一二三四五六七八九" for c in text):  # 二〇二三: digit by digit
        return int("".join(str("〇一二三四五六七八九".index(c.replace("零", "〇"))) for c in text))
    return int(cn2an.cn2an(text.replace("两", "二"), "smart"))


def find_date(question: str, today: dt.date | None = None) -> str | None:
    """The date a question asks about, formatted by the date rule, or None when it names none.

    ``today`` is the reference day for relative dates (明天, 后天); without it they are None.
    """
    text = unicodedata.normalize("NFKC", question)
    text = re.sub(r"\s*([年月日号號/.-])\s*", r"\1", text)  # 8 月 23 号 -> 8月23号
    for pattern, has_year in ((_YMD, True), (_MD, False)):
        for match in pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v}
            try:
                month = _number(groups.get("m") or groups["m2"])
                day = _number(groups.get("d") or groups["d2"])
                year = _number(groups.get("y") or groups["y2"]) if has_year else None
                return format_date(month, day, year)
            except (ValueError, KeyError):
                continue
    if today is not None:
        for word, offset in sorted(_RELATIVE.items(), key=lambda kv: -len(kv[0])):
            if word in text:
                day = today + dt.timedelta(days=offset)
                return format_date(day.month, day.day)
    return None


# ----------------------------------------------------------------------------- model output

@dataclass(frozen=True)
class Parsed:
    """What a model said, read as an answer.

    ``answer`` is the first JSON object with both keys found anywhere in the text (code fences, prose
    around it, single quotes tolerated) or None. ``strict`` is True only when the whole output is
    exactly one such JSON object, which is what a weather API calling ``json.loads`` needs.
    """

    answer: Answer | None
    strict: bool


def _as_answer(obj: object) -> Answer | None:
    if not isinstance(obj, dict) or not all(k in obj for k in KEYS):
        return None
    values = []
    for key in KEYS:
        value = obj[key]
        if value is None or isinstance(value, str):
            values.append(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            values.append(str(value))
        else:
            return None
    return Answer(*values)


def _strict(text: str) -> bool:
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(obj, dict)
        and set(obj) == set(KEYS)
        and all(v is None or isinstance(v, str) for v in obj.values())
    )


def parse_output(text: str) -> Parsed:
    """Read a model's output as an answer. Never raises: garbage gives ``Parsed(None, False)``."""
    if not isinstance(text, str):
        return Parsed(None, False)
    decoder = json.JSONDecoder()
    for start in (i for i, c in enumerate(text) if c == "{"):
        end = text.find("}", start)
        candidates = []
        try:
            obj, _ = decoder.raw_decode(text, start)
            candidates.append(obj)
        except (ValueError, RecursionError):
            if end != -1:
                snippet = text[start : end + 1]
                try:  # Python-style dict: {'city': '北京', 'date': None}
                    candidates.append(ast.literal_eval(snippet))
                except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
                    pass
                try:  # single quotes, JSON literals
                    candidates.append(json.loads(snippet.replace("'", '"')))
                except (ValueError, RecursionError):
                    pass
        for obj in candidates:
            answer = _as_answer(obj)
            if answer is not None:
                return Parsed(answer, _strict(text.strip()))
    return Parsed(None, False)


def strip_city_suffix(city: str | None) -> str | None:
    """The lenient city comparison ignores one trailing 市 (``攀枝花市`` == ``攀枝花``)."""
    if city is None:
        return None
    city = city.strip()
    return city[:-1] if len(city) > 2 and city.endswith("市") else city
