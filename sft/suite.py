"""The held-out test suite: ``datasets/test_suite.jsonl``, committed, never generated at run time.

Built once by :func:`build_suite` (``python -m sft.suite --build datasets/test_suite.jsonl``); a test
checks that the committed file equals the builder's output. One JSON object a line::

    {"id": "seen-0001", "split": "seen", "query": "...", "gold": {"city": "...", "date": "..."},
     "tags": [...]}

Splits:

* ``seen`` (200): the tutorial's 12 training templates, with (city, date) answers that the generated
  training sets (seeds 0..2, n=3000, both mixes) never contain.
* ``unseen`` (300): 25 phrasings no training template has, 12 items each: colloquial, interrogative,
  noisy (typos, emoji, punctuation, spaces, full-width digits), other word orders, long sentences.
* ``hard`` (200): Chinese numerals, ``3-15号`` / ``3/15`` / ``3.15`` / ``2023-12-30`` dates, two-digit
  years, test-only cities, no city (regions such as 东北 are not cities), no date, relative dates (null
  by the current rule), distractor numbers, a second place, a second date.
* ``seed`` (8): the 8 questions of the tutorial's SFT_model.py, labelled by hand.

Gold answers come from :func:`sft.datagen.fill`, i.e. from ``sft.task.format_date``. Tags say what an
item tests: the template group (``colloquial``, ``noisy``, ``chinese-numerals``, ``no-city``, ...), and
``test-only-city`` (the city is a ``split=test`` city), ``short-city`` (written without its 市),
``tutorial-template`` (phrased by one of the tutorial's training templates), ``spaced-date`` (written
``3 月 5 号``) and ``two-dates`` (the asked date is not the first date in the question: the one kind
whose gold date a first-match rule such as ``sft.task.find_date`` is not expected to find).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sft.cities import City, load_cities, short_name, test_cities, train_cities
from sft.datagen import TEST_REGIONS, TUTORIAL_TEMPLATES, fill, generate
from sft.dates import parse_today
from sft.errors import UserError
from sft.paths import DATA
from sft.task import DATE_PATTERN, Answer, format_date
from sft.written import WILD_TEST_FROM, wild_number

DEFAULT_SUITE = DATA / "test_suite.jsonl"
#: The hand-written, hand-labelled real-phrasing sittings (datasets/WILD.md). Those from :data:`WILD_TEST_FROM` on are
#: the suite's ``wild`` split, copied verbatim; those before it are training questions (``sft.written``).
WILD_SOURCE = DEFAULT_SUITE.parent / "wild.jsonl"
#: The ``side`` of :func:`load_wild`.
WILD_SIDES = ("test", "train", "all")
SPLITS = ("seen", "unseen", "hard", "seed", "wild", "relative")
SUITE_SEED = 20240601
SIZES = {"seen": 200, "unseen": 300, "hard": 200, "seed": 8, "relative": 320}  # wild: its file
#: The training sets the suite must not overlap: these seeds x both mixes x this size.
TRAIN_SEEDS = (0, 1, 2)
#: The template mixes the generated splits are built apart from. The composed ``real`` mix is kept apart
#: from the other way round: it drops every question of the committed suite (``sft.datagen.held_out_queries``).
TEMPLATE_MIXES = ("tutorial", "extended")
TRAIN_N = 3000


@dataclass(frozen=True)
class Item:
    id: str
    split: str
    query: str
    gold: Answer
    tags: tuple[str, ...] = ()
    today: dt.date | None = None  # the reference day for relative dates (明天 ...), when the item has one

    def to_json(self) -> str:
        record = {"id": self.id, "split": self.split, "query": self.query, "gold": self.gold.as_dict(),
                  "tags": list(self.tags)}
        if self.today is not None:
            record["today"] = self.today.isoformat()
        return json.dumps(record, ensure_ascii=False)


# ------------------------------------------------------------------------------------ templates

#: (template, tags); 12 items each. Fields as in sft.datagen.fill.
UNSEEN_TEMPLATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("哎，{month}月{day}号{city}那边热不热啊", ("colloquial",)),
    ("{city}{month}月{day}号天儿咋样", ("colloquial",)),
    ("问下哈，{year}年{month}月{day}号{city}下不下雨", ("colloquial",)),
    ("老板，{city}{month}月{day}日出太阳不？", ("colloquial",)),
    ("{month}月{day}日{city}会下雨吗？", ("interrogative",)),
    ("请问{city}{year}年{month}月{day}日的气温是多少？", ("interrogative",)),
    ("{city}{month}月{day}号需要带伞吗？", ("interrogative",)),
    ("你知道{year}年{month}月{day}号{city}的天气吗？", ("interrogative",)),
    ("{city}{month}月{day}号天汽怎么样？？？", ("noisy", "typo", "punctuation")),
    ("😀{month}月{day}号{city}天气☀️", ("noisy", "emoji")),
    ("  {city}   {month}月{day}日   天气预报  ", ("noisy", "spaces")),
    ("{city}，，{year}年{month}月{day}号。。。下雨码", ("noisy", "punctuation", "typo")),
    ("{city}{fmonth}月{fday}号天气咋样啊", ("noisy", "fullwidth")),
    ("{city} {month} 月 {day} 号 会不会很冷", ("noisy", "spaces", "spaced-date")),
    ("天气怎么样，{city}，{month}月{day}号", ("word-order",)),
    ("{month}月{day}号的天气，{city}的", ("word-order", "date-first")),
    ("{year}年{month}月{day}日，想查{city}", ("word-order", "date-first", "city-last")),
    ("帮我查{month}月{day}号的天气，城市是{city}", ("word-order", "city-is", "city-last")),
    ("城市：{city}，日期：{month}月{day}日，天气？", ("word-order", "key-value")),
    ("查询天气 日期{year}年{month}月{day}号 地点{city}", ("word-order", "key-value", "city-last")),
    ("要出差了，{month}月{day}号那天的天气帮我看一下，在{city}", ("word-order", "city-last")),
    ("我和朋友计划{year}年{month}月{day}号一起去{city}看演唱会，不知道那天天气怎么样，会不会下雨影响演出",
     ("long",)),
    ("最近工作太累了，想{month}月{day}日请假去{city}散散心，麻烦帮我看看那天的天气适不适合出门", ("long",)),
    ("孩子学校组织{month}月{day}号去{city}春游，我有点担心天气，能告诉我那天{city}的天气情况吗", ("long",)),
    ("{city}{month}月{day}号的天气预报出来了吗？我要决定穿什么衣服", ("long",)),
)
UNSEEN_PER_TEMPLATE = 12

#: (tags, count, templates); items cycle through the templates. ``test-only-city`` uses the tutorial's
#: templates with test cities only; the other kinds use a test city a quarter of the time.
HARD_KINDS: tuple[tuple[tuple[str, ...], int, tuple[str, ...]], ...] = (
    (("chinese-numerals",), 20, (
        "{cmonth}月{cday}号去{city}，那边天气好不好？",
        "请问{city}{cmonth}月{cday}日的最高温度是多少",
        "{city}在{cmonth}月{cday}号有没有台风",
    )),
    (("chinese-numerals", "chinese-year"), 15, (
        "{cyear}年{cmonth}月{cday}日{city}有雨吗",
        "想知道{city}{cyear}年{cmonth}月{cday}号的天气情况",
    )),
    (("dash-date",), 15, (
        "{city}{month}-{day}号的天气预报",
        "{month}-{day}号{city}风大不大",
        "{year}-{month}-{day} {city} 天气",
    )),
    (("slash-date",), 15, (
        "{month}/{day}去{city}出差，天气怎么样",
        "{city} {month}/{day} 下雨吗",
        "{year}/{month}/{day}{city}的气温",
    )),
    (("dot-date",), 10, (
        "{month}.{day}{city}天气咋样",
        "{city}{year}.{month}.{day}会下雪吗",
    )),
    (("two-digit-year",), 15, (
        "{yy}年{month}月{day}日{city}天气",
        "{city}{yy}年{month}月{day}号下雨了吗",
        "请问{yy}年{month}月{day}号{city}是晴天吗",
    )),
    (("test-only-city", "tutorial-template"), 20, tuple(t for t, _ in TUTORIAL_TEMPLATES)),
    (("no-city",), 20, (
        "{month}月{day}号去{region}玩，天气冷不冷",
        "{region}{month}月{day}日会不会降温",
        "{year}年{month}月{day}号{region}地区有暴雨吗",
        "{month}月{day}号天晴吗",
    )),
    (("no-date",), 15, (
        "{city}这几天天气怎么样",
        "{city}冬天冷吗",
        "想去{city}旅游，天气好吗",
    )),
    (("relative-date",), 15, (
        "{city}明天下雨不",
        "后天去{city}，要带伞吗",
        "大后天{city}气温多少",
        "{city}下周五天气怎么样",
        "{city}今天刮大风吗",
    )),
    (("distractor",), 15, (
        "{month}月{day}号带{n}个孩子去{city}，会下雨吗",
        "{city}地铁{n}号线{month}月{day}日会因为暴雨停运吗",
        "{month}月{day}号去{city}爬山，预算{n}000元，天气好吗",
    )),
    (("second-place",), 15, (
        "从{other}到{city}，{month}月{day}号{city}的天气",
        "{month}月{day}号我要离开{other}去{city}，目的地天气怎么样",
        "人在{other}，想问问{city}{month}月{day}号的天气",
    )),
    (("two-dates", "second-place"), 10, (
        "{month2}月{day2}号在{other}开会，之后想知道{city}{month}月{day}号的天气",
        "{month2}月{day2}号出发太早了，改成{month}月{day}号去{city}，那天天气如何",
    )),
)
HARD_TEST_CITY_SHARE = 0.25

#: The tutorial's SFT_model.py questions, labelled by hand.
SEED_ITEMS: tuple[tuple[str, Answer, tuple[str, ...]], ...] = (
    ("2020年4月16号三亚下雨吗？", Answer("三亚", "2020-04-16"), ()),
    ("青岛3-15号天气预报", Answer("青岛", "03-15"), ("dash-date",)),
    ("5月6号下雪么，城市是威海", Answer("威海", "05-06"), ("city-is",)),
    ("青岛2023年12月30号有雾霾么?", Answer("青岛", "2023-12-30"), ()),
    ("我打算6月1号去北京旅游，请问天气怎么样？", Answer("北京", "06-01"), ()),
    ("你们打算1月3号坐哪一趟航班去上海？", Answer("上海", "01-03"), ()),
    ("小明和小红是8月8号在上海结婚吗?", Answer("上海", "08-08"), ()),
    ("一起去东北看冰雕么，大概是1月15号左右，我们3个人一起", Answer(None, "01-15"),
     ("no-city", "distractor")),
)


# -------------------------------------------------------------------------------------- building

def training_queries_and_answers() -> tuple[set[str], set[Answer]]:
    """Every query and answer of the training sets the suite must not overlap."""
    queries: set[str] = set()
    answers: set[Answer] = set()
    for seed in TRAIN_SEEDS:
        for mix in TEMPLATE_MIXES:
            for example in generate(TRAIN_N, seed, mix):
                queries.add(example.query)
                answers.add(example.answer)
    return queries, answers


def _city_tags(answer: Answer, cities: Sequence[City]) -> tuple[str, ...]:
    tags = []
    if answer.city is not None:
        test = {c.name for c in cities if c.split == "test"} | {
            short_name(c.name) for c in cities if c.split == "test"
        }
        if answer.city in test:
            tags.append("test-only-city")
        if answer.city not in {c.name for c in cities}:
            tags.append("short-city")
    return tuple(tags)


def _merge(*groups: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for group in groups:
        out.extend(t for t in group if t not in out)
    return tuple(out)


def build_suite(seed: int = SUITE_SEED) -> list[Item]:
    """The whole suite, deterministic in ``seed``; each split has its own random stream."""
    cities = load_cities()
    train, test = train_cities(), test_cities()
    train_queries, train_answers = training_queries_and_answers()
    used: set[str] = set()

    def fresh(query: str) -> bool:
        if query in used or query in train_queries:
            return False
        used.add(query)
        return True

    items: list[Item] = []

    rng = random.Random(f"{seed}-seen")
    while len([i for i in items if i.split == "seen"]) < SIZES["seen"]:
        # the tutorial's distribution (as in sft.datagen), but only answers training never has
        template, has_year = TUTORIAL_TEMPLATES[rng.randint(0, len(TUTORIAL_TEMPLATES) - 1)]
        city = train[rng.randint(0, len(train) - 1)].name
        year, month, day = rng.randint(1998, 2025), rng.randint(1, 12), rng.randint(1, 28)
        query = template.format(city=city, year=year, month=month, day=day)
        answer = Answer(city, format_date(month, day, year if has_year else None))
        if answer in train_answers or not fresh(query):
            continue
        n = sum(1 for i in items if i.split == "seen") + 1
        items.append(Item(f"seen-{n:04d}", "seen", query, answer, ("tutorial-template",)))

    rng = random.Random(f"{seed}-unseen")
    n = 0
    for template, tags in UNSEEN_TEMPLATES:
        made = 0
        while made < UNSEEN_PER_TEMPLATE:
            query, answer = fill(template, rng, train, regions=TEST_REGIONS)
            if not fresh(query):
                continue
            made += 1
            n += 1
            tags_ = _merge(tags, _city_tags(answer, cities))
            items.append(Item(f"unseen-{n:04d}", "unseen", query, answer, tags_))

    rng = random.Random(f"{seed}-hard")
    n = 0
    for tags, count, templates in HARD_KINDS:
        made = 0
        while made < count:
            template = templates[made % len(templates)]
            if "test-only-city" in tags:
                query, answer = fill(
                    template, rng, test, others=train, regions=TEST_REGIONS, city_form="full"
                )
            else:
                pool = test if rng.random() < HARD_TEST_CITY_SHARE else train
                query, answer = fill(template, rng, pool, others=train, regions=TEST_REGIONS)
            if not fresh(query):
                continue
            made += 1
            n += 1
            tags_ = _merge(tags, _city_tags(answer, cities))
            items.append(Item(f"hard-{n:04d}", "hard", query, answer, tags_))

    for n, (query, answer, tags) in enumerate(SEED_ITEMS, start=1):
        items.append(Item(f"seed-{n:04d}", "seed", query, answer, _merge(tags, _city_tags(answer, cities))))
    items += load_wild()
    items += build_relative(seed, train)
    return items


#: Test-only sentences for the ``relative`` split: {rel} is a relative date, {city} a city.
RELATIVE_TEMPLATES: tuple[str, ...] = (
    "{rel}{city}会不会很闷热",
    "{city}那边{rel}要穿几件衣服",
    "打算{rel}去{city}拍婚纱照，天公作美吗",
    "{rel}的{city}，风力几级",
    "我{rel}的航班飞{city}，落地时天气如何",
    "{city}{rel}适合晒衣服不",
    "{rel}{city}降温幅度大吗",
    "请预报一下{city}{rel}的天气情况",
)
#: The relative phrases of the split (the conventions of README "The task rule"); {n} is a day count,
#: {d} a day of the month.
RELATIVE_PHRASES: tuple[tuple[str, str], ...] = (
    ("明天", "day-offset"), ("后天", "day-offset"), ("大后天", "day-offset"), ("今天", "day-offset"),
    ("昨天", "day-offset"), ("前天", "day-offset"), ("明早", "day-offset"),
    ("周一", "weekday"), ("星期三", "weekday"), ("礼拜五", "weekday"), ("周日", "weekday"), ("星期天", "weekday"),
    ("这周四", "this-week"), ("本周六", "this-week"), ("下周二", "next-week"), ("下个星期五", "next-week"),
    ("下礼拜天", "next-week"), ("下下周一", "week-after"), ("上周三", "last-week"),
    ("周末", "weekend"), ("这周末", "weekend"), ("下周末", "weekend"),
    ("{n}天后", "n-days"), ("过{n}天", "n-days"), ("{n}天以后", "n-days"), ("{n}天前", "n-days"),
    ("下个月{d}号", "next-month"), ("这个月{d}号", "this-month"), ("{d}号", "day-only"), ("月底", "month-end"),
    ("明年{m}月{d}号", "next-year"), ("中秋", "lunar"), ("端午", "lunar"), ("春节", "lunar"),
)


def relative_today(rng: random.Random) -> dt.date:
    """A reference day spread over 2024..2030: month ends, year ends, leap days and every weekday."""
    kind = rng.random()
    year = rng.randint(2024, 2030)
    if kind < 0.1:
        return dt.date(year, 12, 31)
    if kind < 0.15:
        return dt.date(rng.choice((2024, 2028)), 2, 29)
    month = rng.randint(1, 12)
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, last if kind < 0.3 else rng.randint(1, last))


def build_relative(seed: int, cities: Sequence[City]) -> list[Item]:
    """The ``relative`` split: test-only sentences around relative dates, each with a reference day; the
    gold date comes from the project's one resolver (``find_date(phrase, today)``), whose conventions are
    tested against hand-computed dates in tests/test_dates.py. The ``rule`` contender shares that resolver,
    so it scores the split's dates by construction; the hand-labelled relative items of ``wild`` are the
    independent check."""
    from sft.task import find_date

    rng = random.Random(f"{seed}-relative")
    items: list[Item] = []
    seen: set[str] = set()
    while len(items) < SIZES["relative"]:
        phrase, kind = RELATIVE_PHRASES[len(items) % len(RELATIVE_PHRASES)]
        phrase = phrase.format(n=rng.randint(2, 12), d=rng.randint(1, 28), m=rng.randint(1, 12))
        template = RELATIVE_TEMPLATES[rng.randint(0, len(RELATIVE_TEMPLATES) - 1)]
        city = rng.choice(cities).name
        city = city if rng.random() < 0.3 else short_name(city)
        query = template.format(rel=phrase, city=city)
        today = relative_today(rng)
        gold = find_date(phrase, today=today)
        if gold is None or query in seen:  # e.g. 31号 when no such day is ahead: not an item of this split
            continue
        seen.add(query)
        answer = Answer(city, gold)
        items.append(Item(f"relative-{len(items) + 1:04d}", "relative", query, answer,
                          _merge(("relative", kind), _city_tags(answer, load_cities())), today))
    return items


def load_wild(path: str | Path = WILD_SOURCE, side: str = "test") -> list[Item]:
    """The hand-labelled ``wild`` items of ``path`` (ids ``wild-0001`` ...), as written there: ``test`` the suite's
    (from :data:`WILD_TEST_FROM` on), ``train`` those before it (the training pool's), ``all`` the whole record."""
    if side not in WILD_SIDES:
        raise UserError(f"unknown wild side {side!r}; valid: {', '.join(WILD_SIDES)}")
    path = Path(path)
    if not path.is_file():
        return []
    items = [item for item in load_suite(path) if item.split == "wild"]
    if side == "all":
        return items
    return [item for item in items if (wild_number(item.id) >= WILD_TEST_FROM) == (side == "test")]


def wild_card(items: Sequence[Item]) -> str:
    """The counts table of datasets/WILD.md: items per tag, with and without a reference day."""
    counts: dict[str, int] = {}
    for item in items:
        for tag in item.tags:
            counts[tag] = counts.get(tag, 0) + 1
    with_today = sum(item.today is not None for item in items)
    lines = [f"{len(items)} items; {with_today} with a reference day (`today`), {len(items) - with_today} without.",
             "", "| tag | items |", "|---|---:|"]
    lines += [f"| {tag} | {n} |" for tag, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines)


def dumps(items: Sequence[Item]) -> str:
    return "".join(item.to_json() + "\n" for item in items)


# --------------------------------------------------------------------------------------- loading

def _check_splits(splits: str | Iterable[str] | None, present: Sequence[str]) -> set[str] | None:
    """The wanted split names (None: all), each checked against the splits the file has."""
    if splits is None:
        return None
    wanted = {splits} if isinstance(splits, str) else set(splits)
    for name in sorted(wanted):
        if name not in present:
            raise UserError(f"unknown split {name!r}; valid: {', '.join(present)}")
    return wanted


def _item(obj: object) -> Item:
    if not isinstance(obj, dict):
        raise UserError("not a JSON object")
    missing = [k for k in ("id", "split", "query", "gold") if k not in obj]
    if missing:
        raise UserError(f"missing {', '.join(missing)}")
    if not isinstance(obj["id"], str) or not obj["id"]:
        raise UserError("'id' must be a non-empty string")
    if not isinstance(obj["split"], str) or not re.fullmatch(r"[\w+.-]+", obj["split"]):
        raise UserError(f"'split' must be a name of letters, digits, _ . + -: {obj['split']!r}")
    if not isinstance(obj["query"], str) or not obj["query"].strip():
        raise UserError("'query' must be a non-empty string")
    gold = obj["gold"]
    if not isinstance(gold, dict) or set(gold) != {"city", "date"}:
        raise UserError("'gold' must be an object with exactly 'city' and 'date'")
    if not (gold["city"] is None or (isinstance(gold["city"], str) and gold["city"])):
        raise UserError("gold 'city' must be a non-empty string or null")
    date = gold["date"]
    if not (date is None or (isinstance(date, str) and re.fullmatch(DATE_PATTERN, date))):
        raise UserError(f"gold 'date' must be null or match {DATE_PATTERN}: {gold['date']!r}")
    if date is not None:
        try:
            dt.date.fromisoformat(date if len(date) == 10 else f"2000-{date}")  # 2000: 02-29 exists
        except ValueError:
            raise UserError(f"gold 'date' is not a real day: {date!r}") from None
    tags = obj.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UserError("'tags' must be a list of strings")
    return Item(obj["id"], obj["split"], obj["query"], Answer(gold["city"], gold["date"]), tuple(tags),
                parse_today(obj.get("today")))


def load_suite(path: str | Path = DEFAULT_SUITE, splits: str | Iterable[str] | None = None) -> list[Item]:
    """Items of a suite file, in file order, of the given splits (all when None).

    Any JSONL file in the suite format works (split names are free-form). A malformed line raises
    ``ValueError("<file>:<line>: <what>")``; a split the file does not have raises
    ``ValueError("unknown split 'x'; valid: <the file's splits>")``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such suite file") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 ({exc.reason})") from None
    items, ids = [], set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = _item(json.loads(line))
        except (ValueError, RecursionError) as exc:  # json.JSONDecodeError is a ValueError
            raise UserError(f"{path}:{number}: {exc}") from None
        if item.id in ids:
            raise UserError(f"{path}:{number}: duplicate id {item.id!r}")
        ids.add(item.id)
        items.append(item)
    present = list(dict.fromkeys(item.split for item in items))
    wanted = _check_splits(splits, present)
    return items if wanted is None else [item for item in items if item.split in wanted]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sft.suite", description="Build, check or summarise the held-out test suite."
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--build", type=Path, metavar="PATH", help="write build_suite()'s output to PATH")
    group.add_argument("--check", type=Path, metavar="PATH", help="exit 1 unless PATH equals build_suite()'s")
    group.add_argument("--wild-card", action="store_true",
                       help="print the counts per tag of datasets/wild.jsonl, all sittings (Markdown)")
    parser.add_argument("--seed", type=int, default=SUITE_SEED)
    args = parser.parse_args(argv)
    if args.wild_card:
        print(wild_card(load_wild(side="all")))
        return 0
    if args.build or args.check:
        text = dumps(build_suite(args.seed))
        if args.build:
            args.build.parent.mkdir(parents=True, exist_ok=True)
            args.build.write_text(text, encoding="utf-8")
            print(f"wrote {args.build}")
        elif args.check.read_text(encoding="utf-8") != text:
            print(f"{args.check} differs from build_suite({args.seed}); rebuild with --build",
                  file=sys.stderr)
            return 1
    items = load_suite(args.build or args.check or DEFAULT_SUITE)
    for split in SPLITS:
        print(f"{split}: {sum(1 for i in items if i.split == split)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
