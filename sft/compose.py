"""Compositional phrasings: the ``real`` training mix, questions the way people type them.

The tutorial's 12 templates (and the 30 of the ``extended`` mix) always name a city and a date in one
sentence frame. People do not: they send fragments (``那杭州呢``), ask about an activity, name a district,
a sight, a province or a foreign city, write dates in every form or relative to today, and often name no
city, no date, or neither. This module builds such questions from parts, each part carrying its own slot
value, so the gold answer is made from the slot values (never by reading the question back):

* a **place** part: a train-split city of ``datasets/cities.tsv`` (full or short name), a city of
  ``datasets/places.tsv`` (county-level, Hong Kong / Macau / Taiwan, foreign), or a place that is not a
  city (district, county, sight, province, region, country: gold city ``null``), alone or after its city
  (``杭州西湖``: gold ``杭州``), or none;
* a **date** part: a month and day in one of many written forms, with or without a year; a fixed-date
  festival; a range or an approximate date; a relative date, lunar festival or a day alone (gold ``null``
  without a reference day, the resolved ``%Y-%m-%d`` with one: :func:`sft.task.find_date`, the one
  resolver); a vague time (``null``); or none;
* an **ask** (weather words, activity questions, colloquial and dialect forms), an opener, an ending,
  and noise (spaces, emoji, repeated punctuation, typos of weather words, distractor numbers);
* a **frame** that puts them in order, including fragments, search-box queries, two places and two dates.

Only ``split=train`` cities are used, so the suite's test-only cities stay unseen; places (places.tsv) too,
unless ``places="all"`` (``finetune --places all``) lets every place the rule contender knows in, or
``places="counties"`` every county of ``datasets/counties.tsv`` but the test split's. The
``today`` of an example (about a third of them have one) is given to the model in the prompt
(:func:`sft.prompt.today_sentence`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from sft.cities import drawn_nicknames, short_name, train_cities
from sft.datagen import FULLWIDTH, chinese_number, chinese_year
from sft.dates import FIXED_FESTIVALS, HOLIDAY_DAYS, NAMED_ONLY
from sft.dates import LUNAR_FESTIVALS as _RESOLVER_LUNAR
from sft.dates import READER_ONLY_LUNAR as _READER_ONLY
from sft.errors import UserError
from sft.task import Answer, find_date, format_date

# ----------------------------------------------------------------------------------------- words

OPENERS = (
    "", "", "", "", "", "", "请问", "请问一下", "帮我查一下", "帮我查查", "查下", "查一下", "问下", "问一下",
    "我想知道", "想知道", "你好，", "您好，", "小助手，", "嗨，", "hi，", "hello ", "麻烦看看", "能告诉我",
    "想问问", "那个，", "嗯，", "诶，", "哎，", "喂，", "小度小度，", "帮忙看下", "看看", "搜一下", "告诉我",
    # a pronoun or a place word glued to what follows (dialect and colloquial)
    "俺们", "俺这", "咱们", "咱", "阿拉", "侬", "我们", "我这边", "我们这", "偶们",
)
ENDINGS = (
    "", "", "", "", "", "", "？", "？", "?", "？？", "?？", "呀", "啊", "哈", "呢", "嘛", "，谢谢", "，谢啦",
    "～", "~~", "!!", "！", "。", "...", "。。。", " 😂", "🙏", "☀️", "🌧️", "😭", " thx", "，急", "，在线等",
)
ASKS = (
    "天气怎么样", "天气如何", "天气咋样", "天气好吗", "天气好不好", "什么天气", "啥天气", "天气", "天气预报",
    "的天气", "的天气预报", "下雨吗", "会下雨吗", "下不下雨", "有雨吗", "会不会下雨", "下雪吗", "会下雪不",
    "冷不冷", "冷吗", "热不热", "热吗", "多少度", "几度", "气温多少", "气温", "温度高吗", "最高温度多少",
    "刮风吗", "风大吗", "风大不大", "有雾霾吗", "空气怎么样", "空气质量", "晴天吗", "是晴天吗", "出太阳吗",
    "要带伞吗", "需要带伞吗", "带不带伞", "穿什么合适", "穿啥", "要穿羽绒服吗", "紫外线强不强", "适合出门吗",
    "下冰雹吗", "有台风吗", "闷不闷", "潮不潮", "天儿咋样", "啥天儿", "天气咋个样", "落雨伐", "冷唔冷",
    "热成狗了吗", "会降温吗", "升温了没", "有没有暴雨", "雨大吗", "湿度多少", "能见度高吗", "天晴不",
)
#: Weather words with a typo or a homophone, as people type them on a phone.
TYPO_ASKS = ("天汽怎么样", "天气怎么羊", "天气怎摸样", "下鱼吗", "下与吗", "温度高马", "天器如何", "气文多少",
             "天气预抱", "会不会下鱼", "天汽预报", "冷步冷")
ACTIVITIES = (
    "爬山", "跑步", "钓鱼", "洗车", "晒被子", "放风筝", "踢球", "打球", "露营", "骑车", "拍照", "看日出",
    "逛街", "野餐", "划船", "去海边", "游泳", "晾衣服", "遛狗", "出去玩", "徒步", "打高尔夫", "看烟花",
    "赶海", "自驾", "带娃出门", "晨练", "开车出门", "坐飞机", "出海",
)
ACTIVITY_ASKS = ("适合{a}吗", "能{a}吗", "{a}合适吗", "可以{a}不", "适不适合{a}", "方便{a}吗", "{a}行不行",
                 "去{a}会不会下雨", "{a}的话天气行吗", "想{a}，天气允许吗")
DISTRACTORS = ("我们{n}个人", "一家{n}口", "带{n}个娃", "坐{n}号线", "住{n}晚", "预算{n}000块", "{n}楼",
               "{n}点的航班", "G{nnnn}次", "第{n}次去", "{n}个朋友", "开{n}小时车", "{nn}度", "{n}天{m}晚")
CHATTER = ("你好", "谢谢", "你是谁", "在吗", "讲个笑话", "好的", "知道了", "嗯嗯", "再见", "你能干嘛",
           "帮我订个酒店", "现在几点", "打开空调", "放首歌")
EMOJI = ("😀", "😂", "☀️", "🌧️", "⛅", "❄️", "🌈", "🤔", "🙏", "👍", "😅", "💦")
ROMANIZED = ("Beijing", "beijing", "Shanghai", "shanghai", "Shenzhen", "Guangzhou", "Hangzhou", "Chengdu",
             "Tokyo", "London", "Paris", "Seoul", "Bangkok", "Sydney")

WEEKDAY_WORDS = ("一", "二", "三", "四", "五", "六", "日", "天")
#: What may follow a fixed-date festival and leave its date as it is (WILD.md: 国庆第一天 is 10-01, an
#: approximate date is the date).
FESTIVAL_TAILS = ("", "", "", "", "", "那天", "当天", "前后", "左右", "第一天", "期间")
_COMMON_LUNAR = ("春节", "除夕", "元宵节", "端午", "端午节", "七夕", "中秋", "中秋节", "重阳节", "清明", "清明节")
#: Lunar festivals and solar terms (no date without a reference day; resolved with one): the common ones
#: twice as often as the rest of the resolver's names (腊八, 龙抬头, 中元节, 冬至, 立春, 大年初一, ...).
LUNAR_FESTIVALS = _COMMON_LUNAR * 2 + tuple(
    n for n in _RESOLVER_LUNAR if n not in _COMMON_LUNAR and not n.isascii() and n not in _READER_ONLY)
#: Days people name that the task rule gives no date, even with a reference day: festivals on no fixed
#: day of the calendar (母亲节, 感恩节), events (音乐节, 开学那天).
MOVABLE_DAYS = ("母亲节", "父亲节", "感恩节", "复活节", "开斋节", "音乐节", "啤酒节", "樱花节", "灯会", "庙会",
                "马拉松那天", "开学那天", "放假那天", "年会那天", "运动会那天", "高考那几天", "婚礼那天", "考试那天")
VAGUE = ("这几天", "最近", "这周", "下周", "下个月", "月初", "过几天", "改天", "晚上", "现在", "冬天", "夏天",
         "这两天", "近期", "年底", "春天", "早上", "过两天", "周末前后", "下礼拜", "中午", "后半夜", "月中", "年初")

#: The fixed festivals the training mix writes (not the ones only read: sft.dates.NAMED_ONLY).
_WRITTEN_FESTIVALS = tuple(n for n in FIXED_FESTIVALS if n not in NAMED_ONLY)


def _month_only(rng: random.Random) -> str:
    """A month without a day: no date (七月, 10月份, 3月中旬, 九月下旬)."""
    m = rng.randint(1, 12)
    month = rng.choice((f"{m}月", chinese_number(m) + "月"))
    return month + rng.choice(("", "份", "份", "初", "中旬", "下旬", "上旬", "底", "中", "的时候"))


def _day_only(rng: random.Random) -> str:
    d = rng.randint(1, 31)
    return rng.choice((f"{d}号", f"{d}号", f"{d}日", f"{d}号那天", f"{chinese_number(d)}号"))


# ----------------------------------------------------------------------------------------- parts

@dataclass(frozen=True)
class Part:
    """A piece of a question and what it contributes to the gold answer."""

    text: str
    value: str | None  # the gold city (place parts) or gold date (date parts)
    kind: str
    phrase: str | None = None  # a date that needs a reference day, as written (the ``phrase`` date target)


#: Which places of ``datasets/places.tsv`` a training question may name (``compose(places=...)``): ``train``
#: (the split the suite's generated and hand-written questions were not written around) or ``all`` (both
#: splits: every name the rule contender knows). cities.tsv's test cities stay out either way (``hard``).
#: ``counties``: the ``train`` places, and for the county names the county-level divisions of
#: ``datasets/counties.tsv`` (every 县, 自治县, 旗 of the mainland, full and short, as the rule contender knows them)
#: less the test split's: most counties people name were in no training question (130 of the 139 counties the
#: ``gpu`` adapter took for a city on ``wild`` at a1e5bb4), so the model took them for cities. Only the names widen:
#: a county is drawn as often as under ``train`` (:func:`_kind_weights`). ``counties-4``: the same names, a county
#: weighing four times its size among the non-city kinds (drawn about 2.4 times as often: 2,665 names, each seen
#: about once in the ``gpu`` profile's 64,000 examples otherwise).
PLACE_SPLITS = {"train": ("train",), "all": ("train", "test"), "counties": ("train",), "counties-4": ("train",)}
#: The options that widen the county names, each with how many times its size a county weighs among the non-city
#: kinds (:func:`_kind_weights`).
COUNTY_WEIGHT = {"counties": 1, "counties-4": 4}
#: Which city names a training question may name (``compose(cities=...)``, ``finetune --cities``): ``train``
#: (cities.tsv's train split, and places.tsv's cities of the ``places`` splits; the test cities are held out for
#: the suite's ``hard`` split) or ``all`` (every city of both lists, both splits, as the rule contender knows them:
#: 北京, 成都, 武汉 and the other 61 test cities of cities.tsv, and the 149 of places.tsv). The non-city places
#: still follow ``places``.
CITY_SPLITS = ("train", "all")
#: How the noise that types a space after every character treats the gold city. ``city-whole``: the city
#: stays whole (湖州 明 天 下 雨 吗), as since the `real` mix began; ``all``: spaced like the rest and copied
#: so (湖 州 明 天 …, gold 湖 州), as people who type so do (a Latin city stays whole under both). Every other
#: draw is the same under both.
SPACINGS = ("city-whole", "all")


def _check_cities(cities: str) -> None:
    if cities not in CITY_SPLITS:
        raise UserError(f"unknown cities {cities!r}; valid: {', '.join(CITY_SPLITS)}")


@lru_cache(maxsize=8)
def _place_pools(places: str = "train", cities: str = "train") -> dict[str, tuple]:
    from sft.cities import load_cities
    from sft.places import load_places

    if places not in PLACE_SPLITS:
        raise UserError(f"unknown places {places!r}; valid: {', '.join(PLACE_SPLITS)}")
    _check_cities(cities)
    names, splits = tuple(train_cities() if cities == "train" else load_cities()), PLACE_SPLITS[places]
    by_kind: dict[str, list] = {}
    for p in load_places():  # shipped with the package
        if p.split not in splits and not (cities == "all" and p.kind == "city"):
            continue
        by_kind.setdefault(p.kind, []).append(p)
    if places in COUNTY_WEIGHT:
        by_kind["county"] = list(by_kind.get("county", ())) + list(_more_counties())
    return {"cities": names, **{k: tuple(v) for k, v in by_kind.items()}}


@lru_cache(maxsize=1)
def _more_counties() -> tuple:
    """The names of datasets/counties.tsv that places.tsv lacks, as county places of the ``train`` split, less every
    name of a county whose full or short name is a test place; no city column, so each is drawn alone (gold
    ``null``)."""
    from sft.paths import read_tsv
    from sft.places import COUNTIES, COUNTIES_HEADER, Place, load_places

    rows = [(f[0], f[1]) for _, f in read_tsv(COUNTIES, COUNTIES_HEADER)]  # (name, county)
    places = load_places()
    known = {p.name for p in places}
    held_names = {p.name for p in places if p.split == "test"}
    held = {county for name, county in rows if name in held_names or county in held_names}
    return tuple(Place(name, "county", "", "train") for name, county in rows
                 if name not in known and county not in held)


@lru_cache(maxsize=8)
def _kind_weights(places: str, kinds: tuple[str, ...]) -> tuple[float, ...]:
    """How often each non-city kind is drawn: its size (under ``train`` for the ``counties`` options, whose names
    widen, times :data:`COUNTY_WEIGHT` for a county); sights :data:`SIGHT_WEIGHT` times that."""
    pools = _place_pools("train" if places in COUNTY_WEIGHT else places)
    return tuple(len(pools.get(k, ())) * SIGHT_WEIGHT.get(k, 1) * (COUNTY_WEIGHT.get(places, 1) if k == "county" else 1)
                 for k in kinds)


@lru_cache(maxsize=8)
def _sub_places(places: str, cities: str = "train") -> tuple:
    """The districts, sights, areas and counties of ``places`` whose city is one of ``cities``: what a sub-place after
    its city is drawn from (computed once, not per draw: the ``counties`` options' county list is long)."""
    pools = _place_pools(places, cities)
    train_names = {c.name for c in pools["cities"]}
    return tuple(p for k in SUB_PLACE_KINDS for p in pools.get(k, ()) if p.city in train_names)


#: Characters of city names and the homophones people type for them on a phone (杭州 -> 杭洲): a misspelt
#: city is copied as written (WILD.md), so the model learns to copy the name in a city's slot, not to
#: recall one it knows.
HOMOPHONES = {
    "州": "洲周舟", "圳": "证镇", "郸": "单丹", "京": "经晶", "庆": "亲青", "阳": "杨洋", "江": "将疆",
    "安": "按岸", "宁": "凝柠", "沙": "莎纱", "南": "难楠", "原": "源元", "昌": "常长", "春": "纯",
    "汉": "汗", "津": "金今", "连": "莲联", "肥": "非", "湖": "胡壶", "川": "穿", "德": "得", "锡": "西",
    "徐": "许", "扬": "杨", "泉": "全", "厦": "夏", "桂": "贵", "林": "临琳", "岛": "导", "济": "际",
    "威": "为", "海": "嗨", "都": "督度读", "门": "们", "州市": "洲市", "兴": "星", "城": "成程", "山": "删衫",
}


def typo_city(rng: random.Random, name: str) -> str | None:
    """``name`` with one character replaced by a homophone, or None when none of its characters has one."""
    spots = [i for i, c in enumerate(name) if c in HOMOPHONES]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + rng.choice(HOMOPHONES[name[i]]) + name[i + 1:]


#: :data:`sft.places.NOT_CITY_KINDS` (alone in a question, the gold city is null) and
#: :data:`sft.places.LOCATED_KINDS` (a sub-place after its city) in the order the draws take them: the order
#: decides which place a seed draws, so it stays that of the data the reports were made with (a test checks
#: that each is the same set of kinds as sft.places').
NON_CITY_KINDS = ("district", "county", "sight", "province", "region", "country", "area")
SUB_PLACE_KINDS = ("district", "sight", "area", "county")

#: How much more often a non-city place is a sight than its share of the names asks: sights alone are the
#: fine-tune's most frequent invented city on ``wild`` (a name that could be a town: 垦丁, 纳木错, 喀纳斯).
SIGHT_WEIGHT = {"sight": 3}


def place_part(rng: random.Random, kind: str | None = None, places: str = "train", cities: str = "train") -> Part:
    """One place: a city (gold as written, misspelt or not), a non-city place (gold null), or a sub-place
    after its city. A non-city place is drawn over all of them, so the large kinds (counties, districts)
    are seen as often as their size asks; sights weigh :data:`SIGHT_WEIGHT` times their size. ``places``: the
    splits of places.tsv drawn from (:data:`PLACE_SPLITS`); ``cities``: the city names (:data:`CITY_SPLITS`)."""
    pools = _place_pools(places, cities)
    other_cities = pools.get("city", ())
    non_city = [k for k in NON_CITY_KINDS if pools.get(k)]
    if kind is None:
        kind = rng.choices(
            ("city", "place-city", "non-city", "city+sub", "romanized", "typo", "nickname"),
            weights=(40, 22 if other_cities else 0, 24 if non_city else 0, 13 if non_city else 0, 2, 12, 1),
        )[0]
    if kind == "nickname":  # 魔都, 羊城: the city, copied as written (datasets/nicknames.tsv)
        text = rng.choice(drawn_nicknames())
        return Part(text, text, "nickname")
    if kind == "typo":
        name = short_name(rng.choice(pools["cities"]).name)
        text = typo_city(rng, name)
        if text is not None and text not in _known_names():
            return Part(text, text, "typo")
        kind = "city"
    if kind == "city":
        name = rng.choice(pools["cities"]).name
        text = name if rng.random() < 0.35 else short_name(name)
        return Part(text, text, "city")
    if kind == "place-city" and other_cities:
        name = rng.choice(other_cities).name  # 台中市 is typed 台中 as often as a city of cities.tsv
        text = name if rng.random() < 0.35 else short_name(name)
        return Part(text, text, "place-city")
    if kind == "romanized":
        text = rng.choice(ROMANIZED)
        return Part(text, text, "romanized")
    if kind == "city+sub" and non_city:
        subs = _sub_places(places, cities)
        if subs:
            sub = rng.choice(subs)
            city = sub.city if rng.random() < 0.4 else short_name(sub.city)
            text = city + rng.choice(("", "", "的", " ")) + sub.name
            return Part(text, city, "city+sub")
    if non_city:  # sights count thrice: few names, each one easy to take for a city (垦丁, 洱海, 巴厘岛)
        kinds = rng.choices(non_city, weights=_kind_weights(places, tuple(non_city)))[0]
        place = rng.choice(pools[kinds])
        return Part(place.name, None, place.kind)
    return place_part(rng, "city", places, cities)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Every place name the project knows (cities of both splits, full and short, and all places): a typo
    that spells one of them is not a typo."""
    from sft.cities import load_cities
    from sft.places import load_places

    names = {n for c in load_cities() for n in (c.name, short_name(c.name))}
    return frozenset(names | {n for p in load_places() for n in (p.name, short_name(p.name))})


def random_today(rng: random.Random) -> dt.date:
    """A reference day in 2024..2030, with extra weight on month ends, year ends and leap days."""
    r = rng.random()
    year = rng.randint(2024, 2030)
    if r < 0.08:
        return dt.date(year, 12, 31) if rng.random() < 0.5 else dt.date(year, 1, 1)
    if r < 0.12:
        return dt.date(rng.choice((2024, 2028)), 2, rng.choice((28, 29)))
    month = rng.randint(1, 12)
    last = calendar.monthrange(year, month)[1]
    if r < 0.25:
        return dt.date(year, month, rng.choice((last, last - 1, 1)))
    return dt.date(year, month, rng.randint(1, last))


def _md_text(rng: random.Random, m: int, d: int) -> str:
    forms = (
        f"{m}月{d}号", f"{m}月{d}号", f"{m}月{d}日", f"{m}月{d}日", f"{m}月{d}", f"{m}.{d}", f"{m}/{d}",
        f"{m}-{d}号", f"{m}-{d}", f"{m:02d}-{d:02d}", f"{m}月{d}号", f"{chinese_number(m)}月{chinese_number(d)}号",
        f"{chinese_number(m)}月{chinese_number(d)}日", f"{chinese_number(m)}月{chinese_number(d)}", f"{m} 月 {d} 号",
        f"{m}月{d}号".translate(FULLWIDTH), f"{m}月{d}号周{rng.choice(WEEKDAY_WORDS[:7])}", f"{m}月{d}号那天",
        f"{m}月份{d}号", f"{m:02d}月{d:02d}日",
    )
    text = rng.choice(forms)
    # 二月二, 三月三, 五月五, 七月七, 九月九 alone are lunar festivals (WILD.md, 39th sitting): Feb 2 is 二月二号
    return text + "号" if m == d and text == f"{chinese_number(m)}月{chinese_number(d)}" else text


def _ymd_text(rng: random.Random, y: int, m: int, d: int) -> tuple[str, int]:
    """A dated form and the year as the rule reads it (two digits are 20xx)."""
    yy = y % 100
    cy = chinese_year(y)
    forms = (
        (f"{y}年{m}月{d}号", y), (f"{y}年{m}月{d}日", y), (f"{yy:02d}年{m}月{d}号", 2000 + yy),
        (f"{cy}年{chinese_number(m)}月{chinese_number(d)}日", y),
        (f"{cy}年{chinese_number(m)}月{chinese_number(d)}号", y),
        (f"{y}-{m:02d}-{d:02d}", y), (f"{y}/{m}/{d}", y), (f"{y}.{m}.{d}", y),
        (f"{y}年{chinese_number(m)}月{chinese_number(d)}号", y),
        (f"{y} 年 {m} 月 {d} 日", y), (f"{y}年{m}月{d}号".translate(FULLWIDTH), y),
        (f"两千零{'一' if 10 <= y - 2000 < 20 else ''}{chinese_number(y - 2000)}年{chinese_number(m)}月"
         f"{chinese_number(d)}日", y),
    )
    return rng.choice(forms)


def _relative_text(rng: random.Random) -> str:
    n = rng.randint(1, 10)
    num = str(n) if rng.random() < 0.5 else chinese_number(n)
    w = rng.choice(WEEKDAY_WORDS)
    w6 = rng.choice(WEEKDAY_WORDS[:7])
    day = rng.randint(1, 28)
    m, d = rng.randint(1, 12), rng.randint(1, 28)
    forms = (
        "今天", "今天", "今儿", "今日", "今晚", "今早", "明天", "明天", "明天", "明儿", "明日", "明早", "明晚",
        "后天", "后天", "大后天", "昨天", "前天",
        "明后两天", "今明两天", f"周{w6}", f"星期{w}", f"礼拜{w}", f"这周{w6}", f"本周{w6}",
        f"下周{w6}", f"下个星期{w}", f"下礼拜{w}", f"下下周{w6}", f"上周{w6}", "周末", "这周末", "这个周末",
        "下周末", f"{num}天后", f"{num}天以后", f"过{num}天", f"{num}天之后", f"{num}天前", f"下个月{day}号",
        f"下月{day}号", f"这个月{day}号", f"本月{day}号", f"{day}号", "月底", f"明年{m}月{d}号", f"今年{m}月{d}号",
        f"去年{m}月{d}号",
        # dialect and English day words (WILD.md: relative dates)
        "今儿个", "明儿个", "昨儿个", "前儿个", "后儿个", "今朝", "明朝", "听日", "琴日", "明个", "今个",
        "tomorrow", "Tomorrow", "today", "tonight",
        # a fixed-date festival in a year named relative to today
        f"{rng.choice(('今年', '明年', '去年'))}{rng.choice(_WRITTEN_FESTIVALS)}",
    )
    return rng.choice(forms)


def date_part(rng: random.Random, today: dt.date | None) -> Part:
    """One date phrase and its gold date by the task rule (relative ones resolved against ``today``)."""
    kind = rng.choices(("md", "ymd", "festival", "range", "relative", "lunar", "day", "vague", "month", "movable",
                        "none"), weights=(26, 9, 4, 4, 26, 5, 5, 8, 5, 2, 13))[0]
    if kind in ("md", "range"):
        m = rng.randint(1, 12)
        d = rng.randint(1, calendar.monthrange(2000, m)[1])
        text = _md_text(rng, m, d)
        if kind == "range":
            d2 = min(d + rng.randint(1, 4), calendar.monthrange(2001, m)[1])
            if d2 == d:
                return Part(text, format_date(m, d), "md")
            text = rng.choice((f"{m}月{d}号到{d2}号", f"{m}月{d}日至{d2}日", f"{m}.{d}-{m}.{d2}", f"{m}月{d}号左右",
                               f"{m}月{d}号前后", f"大概{m}月{d}号", f"{m}月{d}-{d2}号", f"{m}月{d}到{d2}号",
                               f"{m}.{d}-{d2}"))
        return Part(text, format_date(m, d), kind)
    if kind == "ymd":
        y, m = rng.randint(2015, 2030), rng.randint(1, 12)
        d = rng.randint(1, calendar.monthrange(y, m)[1])
        text, year = _ymd_text(rng, y, m, d)
        return Part(text, format_date(m, d, year), kind)
    if kind == "festival":
        name = rng.choice(_WRITTEN_FESTIVALS)
        m, d = FIXED_FESTIVALS[name]
        if rng.random() < 0.2:
            y = rng.randint(2020, 2030)
            return Part(f"{y}年{name}", format_date(m, d, y), kind)
        if name in HOLIDAY_DAYS and rng.random() < 0.15:  # a day into the days off: 国庆第三天 -> 10-03
            n = rng.randint(1, HOLIDAY_DAYS[name])
            tail = rng.choice(("第{}天", "假期第{}天", "的第{}天", "长假第{}天"))
            tail = tail.format(rng.choice((str(n), chinese_number(n))))
            return Part(name + tail, format_date(m, d + n - 1), kind)
        return Part(name + rng.choice(FESTIVAL_TAILS), format_date(m, d), kind)
    if kind == "month":
        return Part(_month_only(rng), None, kind)
    if kind in ("relative", "lunar", "day"):
        text = {"relative": _relative_text, "day": _day_only}.get(kind, lambda r: r.choice(LUNAR_FESTIVALS))(rng)
        value = find_date(text, today=today) if today is not None else None
        return Part(text, value, kind, phrase=text)
    if kind == "vague":
        return Part(rng.choice(VAGUE), None, kind)
    if kind == "movable":
        return Part(rng.choice(MOVABLE_DAYS), None, kind)
    return Part("", None, "none")


# ---------------------------------------------------------------------------------------- frames

#: What a date can own in a trip (``{date}的{event}去{city}``): the date is the day asked about, unlike a clock
#: time before the same word (``{n}点的航班``, a distractor).
RIDES = ("高铁", "飞机", "火车", "动车", "大巴", "班机", "车")
EVENTS = ("婚礼", "会", "比赛", "演唱会", "面试", "考试", "马拉松", "行程", "活动", "团建")


def _ask(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:
        return rng.choice(ACTIVITY_ASKS).format(a=rng.choice(ACTIVITIES))
    if r < 0.17:
        return rng.choice(TYPO_ASKS)
    return rng.choice(ASKS)


def _distractor(rng: random.Random) -> str:
    n = rng.randint(2, 9)
    return rng.choice(DISTRACTORS).format(n=n, nn=rng.randint(15, 39), nnnn=rng.randint(100, 9999), m=n - 1)


def _join(rng: random.Random, *pieces: str) -> str:
    sep = rng.choice(("", "", "", "", " ", "，")) if len([p for p in pieces if p]) > 1 else ""
    return sep.join(p for p in pieces if p)


def compose(rng: random.Random, dates: str = "resolved", places: str = "train",
            cities: str = "train", spacing: str = "city-whole") -> tuple[str, Answer, dt.date | None]:
    """One question, its gold answer (from the parts' slot values) and its reference day (or None).

    ``spacing``: how a question typed with a space after every character treats its city (:data:`SPACINGS`).
    ``dates``: the date target (:data:`sft.task.DATE_TARGETS`). ``resolved``: a relative date is resolved
    against the reference day (null without one). ``phrase``: it is copied as written (``下周五``, ``15号``,
    ``中秋``) and no reference day is given, for :func:`sft.task.resolve_phrase` to resolve after the model;
    the random draws are the same, so one seed makes the same questions under both targets. ``places``: the
    splits of places.tsv its place names come from (:data:`PLACE_SPLITS`); ``cities``: its city names
    (:data:`CITY_SPLITS`)."""
    today = random_today(rng) if rng.random() < 0.45 else None
    frame = rng.choices(
        ("plain", "trip", "fragment", "search", "activity", "two-places", "two-dates", "distractor", "chatter",
         "tail", "sight-city"),
        weights=(36, 10, 11, 10, 9, 7, 4, 5, 1, 8, 4),
    )[0]
    if frame == "chatter":
        return rng.choice(CHATTER) + rng.choice(ENDINGS), Answer(None, None), None if dates == "phrase" else today
    place = place_part(rng, places=places, cities=cities) if rng.random() < 0.77 else Part("", None, "none")
    date = date_part(rng, today)
    opener, ending = rng.choice(OPENERS), rng.choice(ENDINGS)
    p, d = place.text, date.text
    if opener and d.startswith("下") and not opener.endswith(("，", " ")):
        opener += "，"  # 请问 + 下下周六 would read as 请问下 + 下周六
    if frame == "plain":
        order = rng.random()
        if order < 0.5:
            body = _join(rng, p, d, _ask(rng))
        elif order < 0.85:
            body = _join(rng, d, p, _ask(rng))
        else:
            body = _join(rng, _ask(rng), p, d)
        text = opener + body + ending
    elif frame == "trip":
        if not p:
            place = place_part(rng, places=places, cities=cities)
            p = place.text
        go = rng.choice(("去", "到", "要去", "打算去", "准备去", "想去", "飞", "回", "出差去", "在"))
        tail = rng.choice(("", "玩", "旅游", "出差", "开会", "看演唱会", "见朋友", rng.choice(ACTIVITIES)))
        if d and rng.random() < 0.35:  # the date owns a ride or an event: 周六的高铁去苏州, 下周三的婚礼在厦门
            ride = rng.random() < 0.5
            verbs = ("去", "到", "回", "飞", "") if ride else ("在", "是", "")
            go = "的" + rng.choice(RIDES if ride else EVENTS) + rng.choice(verbs)
            tail = ""
        text = opener + _join(rng, d + go + p + tail, _ask(rng)) + ending
    elif frame == "fragment":
        pieces = [x for x in (p, d) if x] or [place_part(rng, places=places, cities=cities).text]
        if not (p or d):
            place = place_part(rng, places=places, cities=cities)
            p = pieces[0] = place.text
        core = "".join(pieces)
        text = rng.choice(("{c}呢", "那{c}呢", "{c}的呢", "换成{c}", "{c}呢？", "那{c}", "再查下{c}", "{c}的", "{c}?",
                           "改成{c}吧", "那{c}怎么样")).format(c=core)
    elif frame == "search":
        bits = [x for x in (p, d, rng.choice(("天气", "天气预报", "气温", "下雨", "weather"))) if x]
        rng.shuffle(bits)
        text = rng.choice((" ", "", " ", "  ")).join(bits)
    elif frame == "activity":
        act = rng.choice(ACTIVITY_ASKS).format(a=rng.choice(ACTIVITIES))
        text = opener + _join(rng, d, p, act) + ending
    elif frame == "two-places":
        other = place_part(rng, "city", places, cities)
        if other.text == p or not p or other.text in p or p in other.text:
            return compose(rng, dates, places, cities, spacing)
        form = rng.choice((
            "从{o}去{p}，{d}{a}", "{o}到{p}，{d}{p}{a}", "我在{o}，想问{p}{d}{a}", "人在{o}，{d}去{p}{a}",
            "{d}去{o}，哦不对是{p}，{a}", "{o}不是，{p}{d}{a}", "我住{o}，{d}要去{p}，那边{a}",
            "{o}哦不是{p} {d}", "{o} 不对 {p} {d}{a}", "{o} 额 不是 是{p} {d}", "不是{o}，我说的是{p}",
            "{o}出发去{p} {d}", "{p}和{o}哪个{a}", "{d}{o}转机去{p}，{p}{a}",
            "{p}和{o}{d}{a}", "{d}{p}还是{o}，{a}",
        ))
        if "{d}" not in form:
            date = Part("", None, "none")
        text = opener + form.format(o=other.text, p=p, d=d, a=_ask(rng)) + ending
    elif frame == "two-dates":
        other = date_part(rng, today)
        if not d or not other.text or other.text == d or other.value == date.value:
            return compose(rng, dates, places, cities, spacing)
        form = rng.choice(("{o}不行，改到{d}，{p}{a}", "{p}原定{o}，现在改{d}了，{a}", "{o}就算了，{d}{p}{a}",
                           "{o}到了{p}，查下{d}的天气"))
        text = opener + form.format(o=other.text, d=d, p=p, a=_ask(rng)) + ending
    elif frame == "tail":  # the place comes last, after the date and the ask: 明天要去露营 会下雨吗 苏州
        if not p:
            place = place_part(rng, places=places, cities=cities)
            p = place.text
        ask = rng.choice(ACTIVITY_ASKS).format(a=rng.choice(ACTIVITIES)) if rng.random() < 0.4 else _ask(rng)
        text = (opener + _join(rng, d, ask) + rng.choice((" ", " ", "，", "  ", "。", "!"))
                + p + rng.choice(("", "", "", "呢", "那边", "的", "这边")) + ending)
    elif frame == "sight-city":  # a place that is no city, then the city asked about: gold is the city
        sight = place_part(rng, "non-city", places, cities)
        city = place_part(rng, rng.choice(("city", "city", "place-city")), places, cities)
        if not city.value or sight.text in city.text or city.text in sight.text:
            return compose(rng, dates, places, cities, spacing)
        place, p = city, city.text
        form = rng.choice(("{d}去{s}{t}，{p}那边{a}", "去{s}{t}，住{p}，{d}{a}", "{d}去{s}，{p}{a}",
                           "看完{s}回{p}，{d}{p}{a}", "{s}玩完去{p}，{d}{a}", "{d}从{s}到{p}，{p}{a}"))
        tail = rng.choice(("", "玩", "", rng.choice(ACTIVITIES)))
        text = opener + form.format(s=sight.text, t=tail, p=p, d=d, a=_ask(rng)) + ending
    else:  # distractor
        text = opener + _join(rng, _distractor(rng), d, p, _ask(rng)) + ending
    city, phrase = place.value, date.phrase
    whole = spacing == "city-whole" or (city is not None and re.search("[A-Za-z]", city) is not None)
    text = _noise(rng, text, city if whole else None)
    if city is not None and city not in text:  # spaced like the rest: the gold copies it as typed (湖 州)
        city = " ".join(city)
    if rng.random() < 0.05:  # typed in traditional characters (Hong Kong, Macau, Taiwan): copied as written
        text, city, phrase = (_traditional(x) if x is not None else None for x in (text, city, phrase))
    if dates == "phrase":  # the phrase as written, less any spaces the noise put in it (明 天 -> 明天)
        return text, Answer(city, phrase if phrase is not None else date.value), None
    return text, Answer(city, date.value), today


@lru_cache(maxsize=1)
def _to_traditional() -> dict[int, str]:
    """Simplified -> traditional for the characters with one usual traditional form in
    datasets/traditional.tsv (台 has three, 臺 檯 颱, and stays as it is; variants such as 翫 are never written)."""
    from sft.task import traditional_rows

    forms: dict[str, list[str]] = {}
    for trad, simple, usual in traditional_rows():
        if usual:
            forms.setdefault(simple, []).append(trad)
    return {ord(simple): trads[0] for simple, trads in forms.items() if len(trads) == 1}


def _traditional(text: str) -> str:
    return text.translate(_to_traditional())


def _noise(rng: random.Random, text: str, keep: str | None = None) -> str:
    """Emoji or spaces around the text (``keep``, the gold city, is never split)."""
    r = rng.random()
    if r < 0.06:  # an emoji at the start or after a separator, never inside a city or a date
        spots = [0] + [i + 1 for i, c in enumerate(text) if c in "，。 ?？!！"]
        i = rng.choice(spots)
        return text[:i] + rng.choice(EMOJI) + text[i:]
    if r < 0.10:
        return text + rng.choice(EMOJI) * rng.randint(1, 3)
    if r < 0.13:
        return " " + text + "  "
    if r < 0.16:  # typed with a space after every character (the city kept whole): 湖州 明 天 下 雨 吗
        return _spaced(text, keep)
    return text


def _spaced(text: str, keep: str | None) -> str:
    """Every character of ``text`` followed by a space, except inside ``keep``."""
    spans = []
    i = 0
    while i < len(text):
        if keep and text.startswith(keep, i):
            spans.append(keep)
            i += len(keep)
        else:
            spans.append(text[i])
            i += 1
    return " ".join(x for x in spans if not x.isspace())


def compose_many(n: int, rng: random.Random, seen: set[str] | None = None) -> list[tuple[str, Answer, dt.date | None]]:
    """``n`` composed questions, no query twice."""
    seen = set() if seen is None else seen
    out = []
    while len(out) < n:
        query, answer, today = compose(rng)
        if not query.strip() or query in seen:
            continue
        seen.add(query)
        out.append((query, answer, today))
    return out


__all__: Sequence[str] = ("compose", "compose_many", "place_part", "date_part", "random_today", "Part")
