"""Training data: the tutorial's generator, seeded, plus an extended set of phrasings.

``mix="tutorial"`` is the tutorial's generate_dataset.py, exactly: one of its 12 templates, a city, a
year in 1998..2025, a month in 1..12 and a day in 1..28 per example, the answer being the city as written
and the date by the rule of :mod:`sft.task`. Two differences: a seeded ``random.Random`` (same seed ->
byte-identical files) and only ``split=train`` cities (test cities are held out for the test suite).

``mix="extended"`` draws half of the examples from the tutorial's templates and half from
``EXTRA_TEMPLATES``, which teach what those 12 never show: Chinese numerals, ``3-15号``/``3/15``/``3.15``,
two-digit years, a city written without its 市, no city, no date, relative dates, distractor numbers and
a second place that is not the weather city. None of them is a phrasing of the test suite
(``tests/test_suite.py`` proves it).

Files (:func:`write`): ``train.txt`` in the tutorial's format (one JSON list of
``{"id", "conversations": [{"from": "user", ...}, {"from": "assistant", ...}]}``), and ``train.jsonl``
with the same records, one per line, each with the raw ``query`` too.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import random
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sft.cities import City, load_cities, short_name, train_cities
from sft.dates import parse_today
from sft.errors import UserError
from sft.paths import DATA
from sft.prompt import HINT_LABEL, PROMPTS, user_message
from sft.task import DATE_TARGETS, KEYS, Answer, format_date

#: The tutorial's 12 templates, verbatim: (template, has_year).
TUTORIAL_TEMPLATES: tuple[tuple[str, bool], ...] = (
    ("{city}{year}年{month}月{day}日的天气", True),
    ("{city}{year}年{month}月{day}号的天气", True),
    ("{city}{month}月{day}日的天气", False),
    ("{city}{month}月{day}号的天气", False),
    ("{year}年{month}月{day}日{city}的天气", True),
    ("{year}年{month}月{day}号{city}的天气", True),
    ("{month}月{day}日{city}的天气", False),
    ("{month}月{day}号{city}的天气", False),
    ("你们{year}年{month}月{day}日去{city}玩吗？", True),
    ("你们{year}年{month}月{day}号去{city}玩么？", True),
    ("你们{month}月{day}日去{city}玩吗？", False),
    ("你们{month}月{day}号去{city}玩吗？", False),
)

#: Train-only phrasings. Fields (see :func:`fill`): {city} the weather city (full or short name),
#: {other} a second city that is not the weather city, {region} a region that is not a city,
#: {year} {yy} {cyear} a year (4 digits, 2 digits, Chinese digits), {month} {day} (Arabic) or
#: {cmonth} {cday} (Chinese numerals) the date, {n} a distractor number 2..9. No {city}: city is null;
#: no month: date is null (relative words such as 明天 are plain text and give null too).
EXTRA_TEMPLATES: tuple[str, ...] = (
    # Chinese numerals
    "{city}{cmonth}月{cday}号天气怎么样",
    "{cmonth}月{cday}日{city}会不会下雨",
    "查一下{cyear}年{cmonth}月{cday}日{city}的天气",
    "{city}{cyear}年{cmonth}月{cday}号气温多少",
    # 3-15号, 3/15, 3.15, 2023-12-30 ...
    "{month}-{day}号去{city}要带伞吗",
    "帮我看看{city}{month}/{day}的天气",
    "{month}.{day}{city}冷不冷",
    "{year}-{month}-{day}{city}天气如何",
    "{city}{year}/{month}/{day}有没有雨",
    # two-digit years
    "{yy}年{month}月{day}号{city}的天气情况",
    "{city}{yy}年{month}月{day}日刮风吗",
    # no city
    "{month}月{day}号天气怎么样",
    "{year}年{month}月{day}日会下雪吗",
    "{month}月{day}号{region}冷不冷",
    "下个月去{region}玩，{month}月{day}号那边天气好吗",
    # no date
    "{city}的天气怎么样",
    "{city}最近会下雨吗",
    "{city}现在气温多少度",
    # relative dates (null by the current rule)
    "明天{city}天气怎么样",
    "{city}后天会下雨吗",
    "今天{city}热不热",
    "下周三去{city}，天气如何",
    # distractor numbers
    "我们{n}个人{month}月{day}号去{city}，天气好吗",
    "{month}月{day}号在{city}坐{n}号线，会下雨吗",
    "{month}月{day}日去{city}的{n}A景区，天气怎么样",
    "{city}{month}月{day}号天气如何，我们住{n}晚",
    # a second place that is not the weather city
    "{month}月{day}号从{other}出发去{city}，那边天气怎么样",
    "我住在{other}，{month}月{day}号要去{city}出差，那里下雨吗",
    "{year}年{month}月{day}日从{other}飞{city}，{city}天气如何",
    # mixed
    "{city}{cmonth}月{cday}号，我们{n}个人去玩，天气好吗",
)

#: Regions that are not cities (gold city null), split so the test suite has ones training never shows.
TRAIN_REGIONS: tuple[str, ...] = ("华北", "华南", "西南", "江浙沪", "山里", "老家", "北方", "南方", "长三角")
TEST_REGIONS: tuple[str, ...] = ("东北", "江南", "西北", "大西北", "川西", "华东", "珠三角")

MIXES: tuple[str, ...] = ("tutorial", "extended", "real", "composed", "written", "written-40", "written-60",
                          "written-80")
#: Shares of the tutorial's templates, the extended templates, composed phrasings (sft.compose) and hand-written
#: questions (sft.written, drawn with repeats): ``real`` keeps a quarter of template questions; ``composed`` is the
#: composed phrasings alone; ``written`` is ``real`` with a fifth of its examples hand-written ones; ``written-40``,
#: ``written-60`` (the ``gpu`` profile's) and ``written-80`` the same with two, three and four fifths (the other
#: three parts in ``real``'s proportions).
_REAL_SHARES = (0.15, 0.10, 0.75)


def _with_written(share: float) -> tuple[float, float, float, float]:
    return (*(round(s * (1 - share), 6) for s in _REAL_SHARES), share)


MIX_SHARES = {"real": _with_written(0.0), "composed": (0.0, 0.0, 1.0, 0.0), "written": _with_written(0.20),
              "written-40": _with_written(0.40), "written-60": _with_written(0.60), "written-80": _with_written(0.80)}
#: ``written-two`` and ``written-60-two``: ``written`` and ``written-60`` with half of the hand-written draws taken
#: from the questions their writers tagged as naming two places or two dates or more (:data:`SEVERAL_NAMED_TAGS`,
#: about 11 % of the pool; the rest drawn from the whole pool as before): which of two named things is asked is
#: where the fine-tune's errors are (a trip's destination, a correction, the first of a comparison). The tags are
#: the writers' own (datasets/WRITTEN.md), not a reading of the question by the rule.
SEVERAL_NAMED_MIXES = {"written-two": "written", "written-60-two": "written-60"}
SEVERAL_NAMED_TAGS = ("two-places", "two-dates", "two-cities", "corrections", "comparisons", "home-",
                      "trips-with-stops")
SEVERAL_NAMED_SHARE = 0.5
MIXES += tuple(SEVERAL_NAMED_MIXES)
MIX_SHARES.update({mix: MIX_SHARES[base] for mix, base in SEVERAL_NAMED_MIXES.items()})
FIELDS = (
    "city", "other", "region", "year", "yy", "cyear", "month", "day", "cmonth", "cday",
    "fmonth", "fday", "month2", "day2", "n",
)
_CN_DIGITS = "〇一二三四五六七八九"
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")  # 12 -> １２


@dataclass(frozen=True)
class Example:
    """One training example: ``id`` (``identity_<i>``), the raw question, and its gold answer."""

    id: str
    query: str
    answer: Answer
    today: dt.date | None = None  # the reference day given to the model (relative dates resolve against it)


def fields_of(template: str) -> set[str]:
    """The field names a template uses; unknown ones raise ValueError."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    unknown = names - set(FIELDS)
    if unknown:
        raise UserError(f"template {template!r} has unknown fields: {', '.join(sorted(unknown))}")
    return names


def chinese_number(n: int) -> str:
    """1..31 in Chinese numerals: 3 -> 三, 10 -> 十, 12 -> 十二, 30 -> 三十, 31 -> 三十一."""
    if not 1 <= n <= 99:
        raise UserError(f"chinese_number covers 1..99, not {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def chinese_year(year: int) -> str:
    """A year digit by digit: 2023 -> 二〇二三."""
    return "".join(_CN_DIGITS[int(c)] for c in str(year))


def fill(
    template: str,
    rng: random.Random,
    cities: Sequence[City],
    *,
    regions: Sequence[str] = TRAIN_REGIONS,
    others: Sequence[City] | None = None,
    city_form: str = "any",
) -> tuple[str, Answer]:
    """One question from a template and its gold answer, by the rule of :mod:`sft.task`.

    ``city_form`` is ``full`` (攀枝花市), ``short`` (攀枝花) or ``any`` (either, half and half); the gold
    city is the form written. The gold date is ``format_date`` of the {month}/{day} (or {cmonth}/{cday},
    {fmonth}/{fday}) fields, with the year when the template names one; {month2}/{day2} are a second
    date that is not the asked one.
    """
    if city_form not in ("any", "full", "short"):
        raise UserError(f"unknown city_form {city_form!r}; valid: any, full, short")
    names = fields_of(template)
    values: dict[str, str] = {}
    city = None
    if "city" in names:
        chosen = rng.choice(cities)
        form = city_form if city_form != "any" else rng.choice(("full", "short"))
        city = chosen.name if form == "full" else short_name(chosen.name)
        values["city"] = city
        if "other" in names:
            pool = [c for c in (others or cities) if c.name != chosen.name]
            other = rng.choice(pool)
            values["other"] = rng.choice((other.name, short_name(other.name)))
    elif "other" in names:
        raise UserError(f"template {template!r}: {{other}} needs a {{city}}")
    if "region" in names:
        values["region"] = rng.choice(regions)

    year = None
    if "yy" in names:
        full_year = rng.randint(2000, 2025)
        year = full_year % 100  # the rule turns a two-digit year into 20xx
        values["yy"] = f"{year:02d}"
    elif "year" in names or "cyear" in names:
        year = rng.randint(1998, 2025)
        values["year"] = str(year)
        values["cyear"] = chinese_year(year)
    date = None
    if names & {"month", "cmonth", "fmonth"}:
        month = rng.randint(1, 12)
        leap_or_real = 2000 if year is None else (2000 + year if year < 100 else year)
        day = rng.randint(1, calendar.monthrange(leap_or_real, month)[1])
        values.update(month=str(month), day=str(day), cmonth=chinese_number(month), cday=chinese_number(day))
        values.update(fmonth=str(month).translate(FULLWIDTH), fday=str(day).translate(FULLWIDTH))
        date = format_date(month, day, year)
        if "month2" in names:
            while True:
                month2, day2 = rng.randint(1, 12), rng.randint(1, 28)
                if (month2, day2) != (month, day):
                    break
            values.update(month2=str(month2), day2=str(day2))
    if "n" in names:
        values["n"] = str(rng.randint(2, 9))
    return template.format(**values), Answer(city, date)


def _tutorial_example(rng: random.Random, cities: Sequence[City]) -> tuple[str, Answer]:
    # The tutorial's draws, in its order: template, city, year, month, day.
    template, has_year = TUTORIAL_TEMPLATES[rng.randint(0, len(TUTORIAL_TEMPLATES) - 1)]
    city = cities[rng.randint(0, len(cities) - 1)].name
    year = rng.randint(1998, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    query = template.format(city=city, year=year, month=month, day=day)
    return query, Answer(city, format_date(month, day, year if has_year else None))


def normalize_query(text: str) -> str:
    """NFKC, without spaces, punctuation, symbols (emoji) and marks: what two noisy queries share."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PSZCM")


def held_out() -> tuple[frozenset[str], frozenset[Answer]]:
    """Decontamination, from one read of the committed suite (the test side of the hand-written ``wild`` sittings
    included, copied verbatim: tests/test_suite.py): its (normalised) questions, which training data must never
    contain (short fragments such as ``成都呢`` would otherwise be drawn by chance), and the gold answers of the
    ``seen`` split, (city, date) pairs training must never have. The ``wild`` sittings before
    ``sft.written.WILD_TEST_FROM`` are not in the suite: they are training questions themselves (``sft.written``)."""
    queries, answers = set(), set()
    path = DATA / "test_suite.jsonl"
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            queries.add(normalize_query(record["query"]))
            if record.get("split") == "seen":
                answers.add(Answer(record["gold"]["city"], record["gold"]["date"]))
    return frozenset(queries), frozenset(answers)


def held_out_queries() -> frozenset[str]:
    """The normalised questions of :func:`held_out`."""
    return held_out()[0]


_Drawn = tuple[str, Answer, dt.date | None]


def _written_pool(dates: str, held: frozenset[str], seen_answers: frozenset[Answer],
                  test_names: re.Pattern | None) -> tuple[tuple[_Drawn, ...], tuple[_Drawn, ...]]:
    """The hand-written questions a training set may use under a date target: none that names a test-only
    city (unless ``test_names`` is None: ``cities="all"``), answers like a ``seen`` item, or is a suite question
    (tests/test_written.py keeps the last out); and, read in the same pass, those of them tagged
    :data:`SEVERAL_NAMED_TAGS` (the ``-two`` mixes draw half from these)."""
    from sft.written import written

    pool, several = [], []
    for item in written():
        answer, today = item.target(dates)
        if (normalize_query(item.query) in held or (test_names and test_names.search(item.query))
                or answer in seen_answers):
            continue
        pool.append((item.query, answer, today))
        if any(tag.startswith(SEVERAL_NAMED_TAGS) for tag in item.tags):
            several.append(pool[-1])
    if not pool:
        raise UserError("the `written` mix has no hand-written questions to draw (datasets/written.jsonl)")
    return tuple(pool), tuple(several)


def generate(n: int = 3000, seed: int = 0, mix: str = "tutorial", prompt: str = "tutorial",
             dates: str = "resolved", places: str = "train", cities: str = "train",
             spacing: str = "city-whole") -> list[Example]:
    """``n`` training examples, deterministic in ``seed``; ``mix`` is one of :data:`MIXES`; ``dates`` the
    date target of the composed questions (:data:`sft.task.DATE_TARGETS`: ``phrase`` copies a relative
    date as written and gives no reference day; the same seed makes the same questions under both);
    ``places`` which splits of places.tsv the composed questions name (:data:`sft.compose.PLACE_SPLITS`);
    ``cities`` which cities any question may name (:data:`sft.compose.CITY_SPLITS`): ``train`` holds the test
    cities out (a question that names one is dropped, hand-written or not), ``all`` lets them in (the generated
    splits' ``test-only-city`` items are then no longer unseen for the adapter).

    ``prompt`` is only checked here (an unknown name fails before any work); it is applied when the
    examples are written (:func:`write`, :func:`to_conversation`).
    """
    if mix not in MIXES:
        raise UserError(f"unknown mix {mix!r}; valid: {', '.join(MIXES)}")
    if n < 1:
        raise UserError(f"--n {n}: give at least 1 example")
    if dates not in DATE_TARGETS:
        raise UserError(f"unknown date target {dates!r}; valid: {', '.join(DATE_TARGETS)}")
    user_message("", prompt)  # validates the prompt name
    from sft.compose import CITY_SPLITS, PLACE_SPLITS, SPACINGS

    if places not in PLACE_SPLITS:
        raise UserError(f"unknown places {places!r}; valid: {', '.join(PLACE_SPLITS)}")
    if cities not in CITY_SPLITS:
        raise UserError(f"unknown cities {cities!r}; valid: {', '.join(CITY_SPLITS)}")
    if spacing not in SPACINGS:
        raise UserError(f"unknown spacing {spacing!r}; valid: {', '.join(SPACINGS)}")
    rng = random.Random(seed)
    city_split, cities = cities, (train_cities() if cities == "train" else load_cities())
    examples = []
    if mix in MIX_SHARES:
        from sft.compose import compose

        shares = MIX_SHARES[mix]

        queries, seen_answers = held_out()
        seen: set[str] = set(queries)
        from sft.cities import test_cities

        # a composed question can spell a test city by accident (那 + 曲靖 = 那曲): such questions are dropped
        test_names = re.compile("|".join(sorted({re.escape(n) for c in test_cities()
                                                 for n in (c.name, short_name(c.name))}, key=len, reverse=True))
                                ) if city_split == "train" else None
        hand, several = _written_pool(dates, queries, seen_answers, test_names) if shares[3] else ((), ())
        several = several if mix in SEVERAL_NAMED_MIXES else ()
        while len(examples) < n:
            r, today = rng.random(), None
            if r >= 1.0 - shares[3]:  # a hand-written question, drawn with repeats
                pool = several if several and rng.random() < SEVERAL_NAMED_SHARE else hand
                query, answer, today = pool[rng.randrange(len(pool))]
                examples.append(Example(f"identity_{len(examples)}", query, answer, today))
                continue
            if r < shares[0]:
                query, answer = _tutorial_example(rng, cities)
            elif r < shares[0] + shares[1]:
                template = EXTRA_TEMPLATES[rng.randint(0, len(EXTRA_TEMPLATES) - 1)]
                query, answer = fill(template, rng, cities)
                if any(w in query for w in ("明天", "后天", "今天", "下周")):
                    continue  # the composed part teaches relative dates, with and without a reference day
            else:
                query, answer, today = compose(rng, dates, places, city_split, spacing)
            spaced = spacing == "all" and answer.city is not None and " " in answer.city  # 曲 靖 hides 曲靖
            if (query in seen or normalize_query(query) in seen or answer in seen_answers
                    or (test_names and (test_names.search(query)
                                        or (spaced and test_names.search(query.replace(" ", "")))))):
                continue
            seen.add(query)
            examples.append(Example(f"identity_{len(examples)}", query, answer, today))
        return examples
    for i in range(n):
        if mix == "extended" and rng.random() < 0.5:
            template = EXTRA_TEMPLATES[rng.randint(0, len(EXTRA_TEMPLATES) - 1)]
            query, answer = fill(template, rng, cities)
        else:
            query, answer = _tutorial_example(rng, cities)
        examples.append(Example(f"identity_{i}", query, answer))
    return examples


def to_conversation(example: Example, prompt: str = "tutorial") -> dict:
    """The tutorial's training record for one example."""
    return {
        "id": example.id,
        "conversations": [
            {"from": "user", "value": user_message(example.query, prompt, example.today)},
            {"from": "assistant", "value": example.answer.to_json()},
        ],
    }


def write(examples: Sequence[Example], out_dir: str | Path, prompt: str = "tutorial") -> tuple[Path, Path]:
    """Write ``train.txt`` (the tutorial's JSON list) and ``train.jsonl`` (records + ``query``) to out_dir."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    records = [to_conversation(e, prompt) for e in examples]
    txt, jsonl = out / "train.txt", out / "train.jsonl"
    txt.write_text(json.dumps(records, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = [
        json.dumps({**record, "query": example.query,
                    **({"today": example.today.isoformat()} if example.today else {})}, ensure_ascii=False) + "\n"
        for record, example in zip(records, examples, strict=True)
    ]
    jsonl.write_text("".join(lines), encoding="utf-8")
    return txt, jsonl


# ------------------------------------------------------------------------------------- reading

EXPECTED_FORMAT = (
    "expected the tutorial's train.txt (one JSON list of {\"id\", \"conversations\": [{\"from\": \"user\", "
    "\"value\": ...}, {\"from\": \"assistant\", \"value\": <answer JSON>}]}) or JSONL (one such record per "
    "line, optionally with \"query\")"
)
_TODAY_PREFIX = r"(?:今天是(?P<today>\d{4}-\d{2}-\d{2})，星期[一二三四五六日]。)?"
#: Any wording of the tutorial's prompt (its generate_dataset.py sample adds a default-year sentence): the
#: question is what stands between 给定一句话：“ and ”，请你按步骤要求工作。
_TUTORIAL_ANY = re.compile(_TODAY_PREFIX + r"\s*给定一句话：“(?P<q>.*?)”，请你按步骤要求工作。.*", re.S)
#: A template's text after the question may hold one more slot (the ``places`` prompt's hint line): any one line
#: there; ``places-first`` writes that line before the template. The longest template first, so that a ``places``
#: turn is not read as a ``short`` one with its hints.
_PROMPT_PATTERNS = tuple(
    re.compile(_TODAY_PREFIX + f"(?:{HINT_LABEL}[^\n]*\n)?" + re.escape(before) + "(?P<q>.*?)"
               + re.escape(after).replace("%s", "[^\n]*"), re.S)
    for before, after in sorted((t.split("%s", 1) for t in PROMPTS.values()), key=lambda p: -len(p[1]))
)


def query_of(user_text: str) -> str:
    """The question inside a user turn written with a known prompt template (see ``sft.prompt.PROMPTS``).

    A user turn that no known template produced (another prompt, e.g. the tutorial's sample with its
    default-year sentence, or a bare question) is returned whole: it is then the question itself.
    """
    return _split_user_turn(user_text)[0]


def _split_user_turn(user_text: str) -> tuple[str, dt.date | None]:
    """The question and the reference day (from :func:`sft.prompt.today_sentence`, if any) of a user turn."""
    for pattern in (*_PROMPT_PATTERNS, _TUTORIAL_ANY):
        match = pattern.fullmatch(user_text)
        if match:
            today = match.group("today")
            return match.group("q"), dt.date.fromisoformat(today) if today else None
    return user_text, None


def _answer(text: object) -> Answer:
    try:
        obj = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        obj = None
    if (
        not isinstance(obj, dict)
        or set(obj) != set(KEYS)
        or not all(v is None or isinstance(v, str) for v in obj.values())
    ):
        raise UserError(f"the assistant turn is not an answer JSON {{\"city\": ..., \"date\": ...}}: "
                         f"{text!r}")
    return Answer(obj["city"], obj["date"])


def _example(record: object) -> Example:
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise UserError("a record must be a JSON object with a string \"id\"")
    turns = record.get("conversations")
    if (
        not isinstance(turns, list)
        or len(turns) != 2
        or not all(isinstance(t, dict) and isinstance(t.get("value"), str) for t in turns)
        or [t.get("from") for t in turns] != ["user", "assistant"]
    ):
        raise UserError(
            "\"conversations\" must be one user turn then one assistant turn, each with a \"value\""
        )
    query = record.get("query")
    if query is not None and not isinstance(query, str):
        raise UserError("\"query\" must be a string")
    inner, today = _split_user_turn(turns[0]["value"])
    if query is None:
        query = inner
    if record.get("today") is not None:
        today = parse_today(record["today"])
    return Example(record["id"], query, _answer(turns[1]["value"]), today)


def load_training_file(path: str | Path) -> list[Example]:
    """Read a training file: the tutorial's ``train.txt`` or our ``train.jsonl`` (told apart by the first
    character: ``[`` is the JSON list). Queries come from the ``query`` field, else from the user turn
    (:func:`query_of`). A file in another format raises ValueError naming the file (and the line, for
    JSONL) and the expected format.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 ({exc.reason}); {EXPECTED_FORMAT}") from None
    if text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except ValueError as exc:
            raise UserError(f"{path}: invalid JSON ({exc}); {EXPECTED_FORMAT}") from None
        examples = []
        for i, record in enumerate(records):
            try:
                examples.append(_example(record))
            except ValueError as exc:
                raise UserError(f"{path}: record {i}: {exc}; {EXPECTED_FORMAT}") from None
        return examples
    examples = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            examples.append(_example(json.loads(line)))
        except ValueError as exc:
            raise UserError(f"{path}:{number}: {exc}; {EXPECTED_FORMAT}") from None
    if not examples:
        raise UserError(f"{path}: no records; {EXPECTED_FORMAT}")
    return examples
