"""The rule-based contender: tutorial questions, the city rules of bench/rule.py, odd input."""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple

import pytest

from bench import rule
from sft.mentions import load_homophones, load_sound_alike_places
from sft.task import Answer, parse_output

StandIn = namedtuple("StandIn", "name province level split")
STAND_IN = [
    StandIn(name, "", "prefecture", "train")
    for name in (
        "北京市", "上海市", "青岛市", "三亚市", "威海市", "攀枝花市", "张家口市", "张家界市", "大连市",
        "三明市", "日照市", "海口市", "广州市", "深圳市", "杭州市", "成都市", "吉林市", "中山市",
    )
]


@pytest.fixture
def stand_in(monkeypatch):
    """A small gazetteer, independent of datasets/cities.tsv (short names by the real sft.cities)."""
    import sft.cities

    monkeypatch.setattr(sft.cities, "load_cities", lambda: list(STAND_IN))
    rule.default_gazetteer.cache_clear()
    yield rule.default_gazetteer()
    rule.default_gazetteer.cache_clear()


def _answer(question: str, today: str | None) -> tuple:
    """The rule's ``(city, date)`` for ``question`` (``today``: an ISO reference day or None)."""
    got = json.loads(rule.extract_one(question, today=dt.date.fromisoformat(today) if today else None))
    return got["city"], got["date"]


def _one(query: str) -> dict:
    [line] = rule.extract([query])
    parsed = parse_output(line)
    assert parsed.strict, line
    return parsed.answer.as_dict()


TUTORIAL = [
    ("2020年4月16号三亚下雨吗？", "三亚", "2020-04-16"),
    ("青岛3-15号天气预报", "青岛", "03-15"),
    ("5月6号下雪么，城市是威海", "威海", "05-06"),
    ("青岛2023年12月30号有雾霾么?", "青岛", "2023-12-30"),
    ("我打算6月1号去北京旅游，请问天气怎么样？", "北京", "06-01"),
    ("你们打算1月3号坐哪一趟航班去上海？", "上海", "01-03"),
    ("小明和小红是8月8号在上海结婚吗?", "上海", "08-08"),
    ("一起去东北看冰雕么，大概是1月15号左右，我们3个人一起", None, "01-15"),
]


@pytest.fixture
def real():
    """The real gazetteer: datasets/cities.tsv, all splits."""
    rule.default_gazetteer.cache_clear()
    yield rule.default_gazetteer()
    rule.default_gazetteer.cache_clear()


@pytest.mark.parametrize(("query", "city", "date"), TUTORIAL)
def test_tutorial_questions(real, query, city, date):
    assert _one(query) == {"city": city, "date": date}


def test_gazetteer_has_all_splits(real):
    from sft.cities import load_cities, short_name

    for city in load_cities():
        assert city.name in real.names and short_name(city.name) in real.names


@pytest.mark.parametrize(
    ("query", "city"),
    [
        ("攀枝花3月5号下雨吗", "攀枝花"),
        ("攀枝花市3月5号下雨吗", "攀枝花市"),
        ("从攀枝花到成都，3月5号冷吗", "成都"),
        ("北海道3月5号下雪吗", None),
    ],
)
def test_real_gazetteer(real, query, city):
    assert _one(query)["city"] == city


def test_suite_cities(real):
    """The whole committed suite: every answer is strict JSON; on the generated splits the city side (this
    module's job) is nearly always right; on the hand-written wild split it misses romanised, misspelt and
    traditional-character cities (a floor, below the measured 94.3 %)."""
    from sft.suite import load_suite

    items = load_suite()
    lines = rule.extract([item.query for item in items], todays=[item.today for item in items])
    answers = [parse_output(line) for line in lines]
    assert all(a.strict for a in answers)
    for splits, floor in ((("seen", "unseen", "hard", "seed"), 0.98), (("wild",), 0.9)):
        pairs = [(a, i) for a, i in zip(answers, items, strict=True) if i.split in splits]
        assert sum(a.answer.city == i.gold.city for a, i in pairs) / len(pairs) >= floor, splits


def test_spaced_date(real):
    assert _one("霸州市 8 月 23 号 会不会很冷") == {"city": "霸州市", "date": "08-23"}


@pytest.mark.parametrize(("query", "city", "date"), [
    ("高雄 5月2號 會下雨嗎", "高雄", "05-02"),        # traditional characters: read folded, copied as written
    ("溫州天氣 6月1日", "溫州", "06-01"),
    ("從廣州到長沙，3月5號冷嗎", "長沙", "03-05"),  # the traditional 從 (from) still counts
    ("蘇 州 後 天 下 雨 嗎", "蘇 州", None),         # spaced out: the city with its spaces; 後天 needs a reference day
    ("鄭州 weather Jan 9", "鄭州", "01-09"),          # an English month name
    ("二千零二十七年三月八日 西安", "西安", "2027-03-08"),
])
def test_traditional_spaced_english_and_spelled_out_years(real, query, city, date):
    assert _one(query) == {"city": city, "date": date}


def test_the_traditional_table_folds_one_character_for_one(real):
    from sft.task import traditional_table

    table = traditional_table()
    assert len(table) > 200 and table[ord("臺")] == "台" and table[ord("門")] == "门"
    assert all(len(s) == 1 and chr(t) != s for t, s in table.items())
    assert "北京".translate(table) == "北京"  # simplified text is left alone


@pytest.mark.parametrize(("query", "city"), [
    ("苏洲明天下雨吗", "苏洲"),          # rule 5c: one character typed as a sound-alike, copied as written
    ("后天 贵扬 冷不冷", "贵扬"),         # fuzzy finals: yang ~ yan is not needed, 扬 is 阳's exact sound
    ("去南经玩 天气咋样", "南经"),         # after a verb of going; jing ~ jin folded alike
    ("明天天气怎么样", None),             # no name sounds like 明天
    ("我们石景山今朝温度高吗", None),      # a district (a known place) is never read as a typo
    ("阿拉二〇二〇年十月六日会下雪不", None),  # numerals are never sound-alikes (阿拉尔)
    ("12月阳西去海边行不行", None),        # 月阳 starts no phrase: no 岳阳
    ("大年初三出门冷不冷", None),           # part of a date: no 大连
    ("杭州下雨吗", "杭州"),              # a real mention: no typo search at all
    # voice input, no spaces: a two-character typo right after a time word or a wake word
    ("后天苏洲下雨吗", "苏洲"),
    ("下个星期五贵扬冷不冷", "贵扬"),
    ("小度小度南经天气", "南经"),
    ("我们苏洲下雨吗", None),            # after any other word: not read
    # a name of three or more characters typed with one sound-alike: anywhere, 儿 included
    ("我想问一下鄂尔多丝明天冷不冷", "鄂尔多丝"),
    ("那个早上齐齐哈儿下雪了没", "齐齐哈儿"),
    # right after a northern day word (今个, 明个: 2026-12-04)
    ("明个杭洲下雨不", "杭洲"), ("今个温洲热死了 要下雨了吧", "温洲"),
])
def test_sound_alike_typos(real, query, city):
    assert _one(query)["city"] == city


@pytest.mark.parametrize(("query", "city"), [
    ("下周去吉林市滑雪冷不冷", "吉林市"),   # rule 1a: read in full
    ("吉林下周冷不冷", None),             # the province alone
    ("都江堰市后天有雨吗", "都江堰市"),
    # rule 5d': the city, as every hand label of bare 都江堰 in a weather question but one reads it (18 of 20;
    # until 2026-12-04 the rule read the irrigation works and left those as misses)
    ("想去都江堰玩，天气好吗", "都江堰"),
    ("去峨眉山看日出冷吗", None),           # the mountain, not 眉山
    ("峨眉山市明天下雨吗", "峨眉山市"),
    ("五大连池市 这周末 冷不冷", "五大连池市"),  # not 大连 inside it (249th-256th sittings)
    ("去了张家界，张家界市明天下雨吗", "张家界市"),  # one city named twice is no pair (6b): the scores pick
])
def test_full_name_only_cities_and_one_city_named_twice(real, query, city):
    assert _one(query)["city"] == city


@pytest.mark.parametrize(("query", "city"), [
    ("南京路步行街明天人多吗", None),        # rule 4: a street named after a city
    ("广州北京路明天下雨吗", "广州"),
    ("长沙东路会积水吗 福州", "福州"),
    ("上海路过南京 明天南京下雨吗", "南京"),  # 路过 is no street
])
def test_streets_named_after_cities(real, query, city):
    assert _one(query)["city"] == city


def test_the_sound_alike_places_are_counties_and_districts():
    """Each is a mainland county or district (its full name in the file), one sound-alike from a city, and no city."""
    from sft.cities import load_cities, short_name
    from sft.places import load_places

    cities = {c.name for c in load_cities()} | {p.name for p in load_places() if p.kind == "city"}
    cities |= {short_name(n) for n in cities}
    table = load_homophones()
    from sft.paths import DATA

    rows = [line.split("\t") for line in (DATA / "sound_alike_places.tsv").read_text("utf-8").splitlines()[1:]]
    assert len(rows) > 100 and {r[0] for r in rows} == load_sound_alike_places()
    for place, city, county in rows:
        assert place not in cities and city in cities and set(place) <= set(county), (place, city, county)
        assert "县" in county or "区" in county or county.endswith("旗"), county
        (i, typed), = [(i, a) for i, (a, b) in enumerate(zip(place, city, strict=True)) if a != b]
        assert typed in (table.get(f"{city}:{i}") or table[city[i]]), (place, city)


def test_the_sound_alike_table(real):
    table = load_homophones()
    assert len(table) > 600 and "洲" in table["州"] and "郸" not in table["郸"]
    assert all(c not in alike for c, alike in table.items())


@pytest.mark.parametrize(("query", "city", "date"), [
    ("3月21号在营口开会，之后想知道汕尾8月15号的天气", "汕尾", "08-15"),  # the first date is a meeting
    ("原来订的是4月3号，后来挪到4月6号，那天青岛刮风吗", "青岛", "04-06"),  # a change of plan
    ("9月9号飞回来，9月12号去厦门，问的是9月12号", "厦门", "09-12"),
    ("10月2号和10月3号绍兴天气", "绍兴", "10-02"),        # nothing says which: the first
    ("宜宾热还是泸州热，7月20号", "宜宾", "07-20"),          # cities compared with a weather word: the first
    ("大理 丽江 哪个暖和 12月3号", "大理", "12-03"),          # a list, then a comparison: the first
    ("丽江 大理 3号", "大理", None),                          # no comparison: the one named last (rule 6)
])
def test_two_dates_and_compared_cities(real, query, city, date):
    assert _one(query) == {"city": city, "date": date}


@pytest.mark.parametrize(
    ("query", "city"),
    [
        ("攀枝花明天下雨吗", "攀枝花"),  # short name, as written
        ("攀枝花市3月5号下雨吗", "攀枝花市"),  # full name, as written
        ("张家口5月1号冷不冷", "张家口"),  # longest match, not 张家
        ("北京市区3月5号会下雪吗", "北京"),  # 市区 is a word: 北京 + 市区
        ("我想吃三明治", None),  # a city name inside a word
        ("江南3月5号下雨吗", None),  # a region
        ("今天天气不错", None),
    ],
)
def test_city_forms(stand_in, query, city):
    assert _one(query)["city"] == city


@pytest.mark.parametrize(
    ("query", "city"),
    [
        ("我从北京出发，3月5号到上海，那边天气怎么样", "上海"),
        ("北京到上海的航班，3月5号上海下雨吗", "上海"),
        ("3月5号上海天气怎么样？我从北京飞过去", "上海"),
        ("我在北京，想知道3月5号大连的气温", "大连"),
        ("离开深圳以后，5月1号去杭州玩，会下雨吗", "杭州"),
        ("5月1号下雨吗，我人在广州，城市是成都", "成都"),
    ],
)
def test_two_places(stand_in, query, city):
    assert _one(query)["city"] == city


@pytest.mark.parametrize(
    "query", ["", "   ", "😀🌧️☀️", '{"city": 1}', "\x00\ufffd", "下" * 100_000, None, 42]
)
def test_garbage_never_raises(stand_in, query):
    [line] = rule.extract([query])
    assert parse_output(line).strict
    assert json.loads(line)["city"] is None


def test_long_text_with_a_city(stand_in):
    query = "啊" * 50_000 + "3月5号青岛下雨吗" + "。" * 50_000
    assert _one(query) == {"city": "青岛", "date": "03-05"}


def test_output_is_canonical_line(stand_in):
    lines = rule.extract([q for q, _, _ in TUTORIAL])
    assert len(lines) == len(TUTORIAL)
    for line, (_, city, date) in zip(lines, TUTORIAL, strict=True):
        assert line == Answer(city, date).to_json()


@pytest.mark.parametrize(
    "question, city",
    [
        ("香港明天下雨吗", "香港"),  # places.tsv cities: Hong Kong, Taiwan, foreign, county-level
        ("去东京玩冷不冷", "东京"),
        ("义乌风大不大", "义乌"),
        ("长白山下雪了吗", None),  # a sight that contains the city name 白山: blocked
        ("浦东明天下雨吗", None),  # a district alone is no city
        ("北京和天津下周一冷吗", "北京"),  # asked together: the first named
        ("香港还是澳门暖和", "香港"),
        ("从上海去杭州，杭州天气", "杭州"),  # the destination, as before
        ("大后天河池降温幅度大吗", "河池"),  # at equal length a city wins over the district 天河
        ("Beijing 明天冷吗", "Beijing"),  # rule 5b: Latin letters, as written
        ("xi'an 下雨没", "xi'an"),
        ("去 Hong Kong 玩", "Hong Kong"),
        ("北京 beijing", "北京"),  # a city in characters comes first
        ("beijingren 在哪", None),  # inside a longer word: no match
    ],
)
def test_places_and_cities_asked_together(question, city):
    from bench.rule import find_city

    assert find_city(question) == city


@pytest.mark.parametrize("question, city", [
    ("魔都明天下雨吗", "魔都"), ("羊城后天热不热", "羊城"), ("蓉城周末冷吗", "蓉城"), ("狮城下周天气", "狮城"),
    ("魔都上海明天冷吗", "上海"), ("去春城昆明玩", "昆明"),  # the nickname beside its city: the city
    ("日光明天", None),  # a nickname is read whole (日光城), never by a short form
    ("花城广场人多吗", None),  # an ambiguous name is not a nickname here
])
def test_a_citys_nickname_is_the_city_copied_as_written(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("泉州晋江明天下雨吗", "晋江"), ("苏州 昆山 后天冷不冷", "昆山"), ("成都都江堰市周末天气", "都江堰市"),
    ("德宏芒市明天热吗", "芒市"), ("苏州的昆山天气", "昆山"),  # a prefecture before its own county-level city
    ("上海昆山天气", "上海"),  # 昆山 is no county-level city of 上海: two cities side by side, the first
    ("芒果市场明天开吗", None),  # 芒市 is read in full only
])
def test_a_prefecture_before_its_own_county_level_city_gives_the_county_level_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("中山明天天气", "中山"), ("石狮 3月5号会下雨吗", "石狮"), ("大同下周冷吗", "大同"), ("英德明天下雨吗", "英德"),
    ("去普洱玩", None), ("普洱茶明天到", None), ("中山路明天堵吗", None), ("去中山大学明天", None),  # no cue / a word
    ("吉林明天下雪吗", None), ("东方明珠明天人多吗", None),  # a province, a sight
    ("朝阳明天有雾霾吗", "朝阳"),  # the city, as the guide labels it (a district until the 329th-336th sittings)
    ("中山市明天", "中山市"), ("广州中山明天", "广州"),  # written in full; another city named
])
def test_rule_5d_a_full_name_city_typed_short_before_a_date_or_weather_word(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # rule 5d': a short form whose other sense seldom starts a phrase of a weather question, with the weather or
    # date word further on
    ("洪湖 钓鱼 这几天冷不冷", "洪湖"), ("英德茶园 周末会下雨吗", "英德"), ("安宁温泉 下周去泡 冷吗", "安宁"),
    ("石狮服装城 下周进货 下雨吗", "石狮"), ("大同火车站 接人 有雾吗", "大同"), ("去普洱的茶山 雨大不大", "普洱"),
    # the other sense, or a place of another city, follows
    ("大同小异 明天还下雨吗", None), ("白银首饰 下雨天能戴吗", None), ("普洱茶 怕潮 这几天下雨吗", None),
    ("江山如此多娇 今天有雾", None), ("兰州安宁区 明天刮风吗", "兰州"), ("榆树被风刮倒了 明天还刮吗", None),
    ("去普洱玩", None),  # no weather or date word: not read (rule 5d's cue is missing too)
    ("中山公园 周末下雨吗", None), ("朝阳公园 周末人多吗 会下雨吗", None),  # not these names
])
def test_rule_5d_prime_a_full_name_city_typed_short_in_a_weather_question(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("清远英德 周六下雨吗", "英德"), ("延边 龙井 下周冷不冷", "龙井"), ("滁州天长 这周末天气", "天长"),
    ("九江庐山 周末雾大吗", "九江"), ("吉安井冈山 下周热吗", "吉安"),  # a mountain: the prefecture asked
    ("宝鸡凤翔 明天天气", "宝鸡"),
])
def test_a_prefecture_before_its_own_county_level_city_typed_short(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("中山石岐 周末热不热", "中山"), ("中山是不是要下雨了", "中山"),  # the sound-alike of 市 starts the next word
    ("中山石明天下雨吗", "中山石"),  # 中山市 typed by sound, a day word right after: copied as typed
])
def test_a_sound_alike_of_shi_that_starts_the_next_word(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # rule 5h: a county asked about after the only city, past a way there or a home: no city
    ("我在岳阳上班 周末回湘阴 湘阴明天冷不冷", None), ("从衡阳东站转车去祁东 祁东后天下雨吗", None),
    ("在株洲打工 问下攸县这几天热不热", None),
    # the city is asked, or the county is written with it, corrected to it or only listed: the city
    ("我在岳阳上班 岳阳明天冷不冷 周末回湘阴", "岳阳"), ("岳阳湘阴 明天冷不冷 想回去", "岳阳"),
    ("桂林 呃 阳朔 周五下雨吗", "桂林"), ("龙岩 培田古村 连城 下礼拜六", "龙岩"),
    ("在岳阳上班 周末去温泉 明天冷不冷", "岳阳"),  # 温泉 is a county's name and an everyday word
])
def test_rule_5h_a_county_asked_after_the_only_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, today, date", [
    # rule 9b: two days offered as a choice ask the first
    ("元宵还是清明回老家 哪个暖和", "2027-01-10", "2027-02-20"), ("五一还是端午去爬山 哪天好", "2027-03-01", "05-01"),
    ("中秋还是国庆去看海 哪个天好", None, None),  # the lunar first without a reference day: null
    ("九月底还是国庆 去新疆 哪个冷", "2027-08-01", None),  # a part of a month is no day of its own
    # no choice of days, or another day named, or the first given up
    ("今天还是很冷 明天呢", "2026-12-04", "2026-12-05"), ("12月8号 周六还是周日来着 冷不冷", "2026-12-04", "12-08"),
    ("今天算了 还是问明天的吧", "2026-12-04", "2026-12-05"),
])
def test_rule_9b_two_days_offered_as_a_choice_ask_the_first(question, today, date):
    day = dt.date.fromisoformat(today) if today else None
    assert json.loads(rule.extract_one(question, today=day))["date"] == date


def test_next_week_sanya_is_no_wednesday():
    """下周三亚: 下周 (vague: no date) + the city 三亚, not 下周三 + 亚."""
    assert json.loads(rule.extract_one("下周三亚天气怎么样")) == {"city": "三亚", "date": None}


def test_every_city_before_a_day_word_keeps_both():
    """No city's last character starts the day word after it (乐清明天 is 乐清 + 明天, not 清明; 亚特兰大后天 is
    the city + 后天): every Chinese-character name of the gazetteer, then 明天 / 后天 / 大后天 / 今天 / 周末."""
    import datetime as dt

    today = dt.date(2026, 11, 30)
    words = {"明天": "2026-12-01", "后天": "2026-12-02", "大后天": "2026-12-03", "今天": "2026-11-30",
             "周末": "2026-12-05"}
    gazetteer = rule.default_gazetteer()
    names = sorted(n for n in gazetteer.names if all("\u4e00" <= c <= "\u9fff" for c in n))
    assert len(names) > 1000
    wrong = [(n + w, got) for n in names for w, day in words.items()
             if (got := json.loads(rule.extract_one(n + w, gazetteer, today))) != {"city": n, "date": day}]
    assert wrong == []


@pytest.mark.parametrize("question, answer", [
    ("北京下周四会下雨吗", {"city": "北京", "date": None}),  # 周四 + 会, not the city 四会
    ("周四会不会下雨", {"city": None, "date": None}),
    ("星期六安庆下雨吗", {"city": "安庆", "date": None}),  # 星期六 + 安庆, not 六安 + 庆
    ("周六安排出去玩，上海天气如何", {"city": "上海", "date": None}),
    ("周日照常上班吗", {"city": None, "date": None}),
    ("周六安徽下雨吗", {"city": None, "date": None}),  # the province after the weekday
    ("四会下雨吗", {"city": "四会", "date": None}), ("下周四平天气", {"city": "四平", "date": None}),  # no weekday word
    ("下周六安天气", {"city": "六安", "date": None}), ("周二连浩特冷吗", {"city": "二连浩特", "date": None}),
])
def test_rule_4b_a_weekdays_numeral_is_no_citys_first_character(question, answer):
    assert json.loads(rule.extract_one(question)) == answer


@pytest.mark.parametrize("question, today, date", [
    ("过两天昆明天气", "2027-06-16", None),  # 过两天 (vague), not the 明天 inside 昆明天气
    ("25号台州会下雨吗", "2027-03-20", "2027-03-25"),  # the 25th, not platform 25 (号台)
    ("昆明天气", "2027-06-16", None), ("乐清明天", "2027-06-16", "2027-06-17"),
])
def test_rule_8_the_date_is_read_with_the_city_blanked_out(question, today, date):
    import datetime as dt

    answer = json.loads(rule.extract_one(question, today=dt.date.fromisoformat(today)))
    assert answer["date"] == date and answer["city"] is not None


@pytest.mark.parametrize("question, city", [
    ("从南京出发去川西自驾 下雪吗", None),  # a trip from the only city to a region: the weather is asked there
    ("长沙出发到婺源 周末天气", None),  # A出发 marks the origin too; a county of another city
    ("从杭州出发去西湖 明天下雨吗", None),  # a sight of the origin city itself: that place is asked (WILD.md)
    ("从北京到上海 明天天气", "上海"),  # two cities: the destination (rule 6)
    ("从成都出发 明天冷吗", "成都"),  # nowhere else named: the city
    ("从广州去某个地方 热吗", "广州"),  # an unknown place: the city stays
    ("成都东到万州 周五 雨大吗", None),  # a station written as the city + a direction is the origin (78th sitting)
    ("南京出发 婺源 篁岭 两天 冷吗", None),  # the trip's places listed right after 出发, no verb (80th sitting)
    ("南京出发 明天 冷吗", "南京"),  # nothing listed after 出发: the city
    ("从温州开车去泰顺 明天路上有雾吗", None),  # a county that places.tsv does not sample (datasets/counties.tsv)
    ("温州到泰顺的班车 周六 下雨吗", None),  # A到B: the county B is asked
    ("从温州去玩 明天冷吗", "温州"),  # no place after the trip word: the city
    ("温州高铁站到泰顺 明天下雨吗", None), ("温州市区到雁荡镇 路上有雾吗", None),  # from its station or centre
    ("温州开车去泰顺 周末冷吗", None),  # a ride named between the city and the trip word
    ("从温州回家乡 明天冷吗", "温州"),  # 家乡 is no town
])
def test_rule_5e_an_origin_city_of_a_trip_to_a_place_that_is_no_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("东平湖明天风大吗", None), ("太平湖 周末钓鱼", None),  # lakes holding 平湖: no city
    ("地库车辆 今晚要挪吗 暴雨", None), ("好汉城 五一人多不", None), ("日照计 要校准 明天", None),
    ("海原 西安镇 明天风大吗", None), ("屏南 四平村 下雨吗", None),  # a town or village named like a city
    ("阿爸说明天下雨", None), ("阿坝明天下雨吗", "阿坝"),  # 阿爸 (dad) is no 阿坝 typed by sound
    ("安顺镇宁 明天下雨吗", "安顺"), ("邵阳乡下 后天冷吗", "邵阳"),  # 镇宁 a county of its own; 乡下 the countryside
    ("南天门 今晚冷吗", None), ("中天门 明早有雾吗", None),  # a mountain's gates holding 天门
    ("天门 明天下雨吗", "天门"),  # the city itself
    ("包头路面 明天结冰吗", "包头"), ("包头路段 今晚有雾吗", "包头"),  # 路面/路段 after a city name no street
    ("南京路 今天人多吗", None),  # a street named after a city stays a street
    ("明添郑洲下雨吗", "郑洲"),  # a city typed by sound right after a day word typed by sound (明添)
])
def test_words_and_typed_days_around_a_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("我在苏州上班 老家泗洪的 泗洪明天下雨吗", None),  # the home asked is a county: no city (rule 5g)
    ("在无锡打工 老家是灌南 那边这周末冷不冷", None),  # 老家是 + a place, then 那边
    ("下周从南宁开车回上林老家 路上有雾吗", None),  # 回 + a place + 老家: the trip home, from the city
    ("我在苏州上班 老家泗洪的 苏州明天下雨吗", "苏州"),  # the city itself asked again: the city
    ("在苏州上班 老家泗洪 苏州呢", "苏州"),  # 呢 right after the city asks it
    ("在杭州上班 过年不回老家了 明天冷不冷", "杭州"),  # no home named or asked: the city
    ("我在常德上班 老家上海的 上海明天下雨吗", "上海"),  # two cities: rule 6, not 5g
    ("在长沙上班 老家下雪了 长沙呢", "长沙"),  # 老家下雪: a weather word, no home named
    ("在岳阳打工 屋里在华容 这周末冷不冷", None),  # Xiang 屋里在: home
    ("屋里在岳阳 明天冷不冷", "岳阳"),  # the city is the home
    ("老家在信阳 这几天冷不冷", "信阳"),  # the city is the home
])
def test_rule_5g_a_work_city_beside_a_home_that_is_no_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("今晚杭洲下雨吗", "杭洲"), ("这周末城都热不热", "城都"), ("明早郑洲有雾吗", "郑洲"),  # after a time word
    ("拍日照金山要几点起 丽江", "丽江"), ("日照金山明天能看到吗", None),  # the dawn peaks, not the city 日照
    ("今晚乐青下雨吗", "乐青"), ("明天岳清下雨吗", "岳清"), ("明天督匀冷吗", "督匀"),  # 乐 is yue in 乐清; 都匀 du
    ("拍照 新月那天 晴吗", None),  # 乐 is le in 新乐 (the phrase table knows the name): 新月 is no 新乐
    ("苹果套袋前要打药 这周会不会下雨", None), ("长江明天有雾吗", None),  # everyday words (jieba): no 平果, 湛江
    ("深证几度了现在", "深证"),  # rare as a word (the stock index): still 深圳 typed wrong
    # counties and districts of China that sound like a city (datasets/sound_alike_places.tsv): no 抚顺, 庆阳, 宁安
    ("富顺 明天下雨吗", None), ("青阳明天冷吗", None), ("临安 明天下雨吗", None),
    # a 周 that starts a weekday is no 州 typed wrong (定周末: no 定州); a digit after it may be a date's (梅周7月5日)
    ("来定周末 下雨吗", None), ("问下梅周7月5日会不会下雨", "梅周"),
    # after 查, a count of days or a festival (查苏洲, 未来两天贵扬, 端午节城都); 是 and 看 stay no phrase start
    ("帮我查苏洲后天冷不冷", "苏洲"), ("未来两天贵扬会下雨吗", "贵扬"), ("端午节城都热不热", "城都"),
    ("这几天都是大晴天吗", None), ("周末去看林海 冷不冷", None),
])
def test_sound_alikes_after_time_words_and_common_words_holding_a_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # exonyms of the cities of Xinjiang, Tibet and Inner Mongolia (datasets/romanized.tsv), copied as written
    ("Turpan weather tomorrow", "Turpan"), ("is it windy in Hulunbuir", "Hulunbuir"),
    # a province's Latin name is no city typed wrong (Xinjiang is one edit from Jinjiang)
    ("Xinjiang weather in May", None),
    # the pinyin of the mainland's county-level cities, as written only: no one-letter typo (changing, changning)
    ("Yiwu market tomorrow, rain?", "Yiwu"), ("is Kunming or Dali warmer", "Kunming"),
    ("changing rooms at the beach, windy?", None),
])
def test_latin_names_of_cities_and_provinces(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("Munich 周末冷吗", "Munich"), ("去sao paulo 出差 热不热", "sao paulo"),  # GeoNames' large cities, as written
    ("have a nice day 明天冷吗", None), ("mobile 信号好吗 会下雨吗", None),  # everyday words left out
])
def test_large_foreign_cities_in_latin_letters(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


MON_2026_03_02 = dt.date(2026, 3, 2)


@pytest.mark.parametrize("question, today, answer", [
    # an itinerary: the asked stop's own date, written right after or right before one of its mentions
    ("6月1号到南京 6月3号去苏州 苏州那天热吗", None, ("苏州", "06-03")),
    ("明天去无锡 后天去常州 常州后天下雨吗", MON_2026_03_02, ("常州", "2026-03-04")),
    ("4/2大阪 4/5京都 京都那天冷吗", None, ("京都", "04-05")),
    ("行程：2027年5月1日 西安；5月3日 兰州。兰州那天天气", None, ("兰州", "2027-05-03")),
    # what the date rule already decides stays: a change of plan, one date, a list of days before the city
    ("原定5月1号去桂林 改到5月3号了 桂林那天天气", None, ("桂林", "05-03")),
    ("6月1号北京天气", None, ("北京", "06-01")),
    ("演唱会 8.1 8.2 成都会下雨吗", None, ("成都", "08-01")),
    ("2021年3月5号就算了，4/17大连天气", None, ("大连", "04-17")),  # a given-up date keeps its year
])
def test_rule_9_the_asked_citys_own_date(question, today, answer):
    assert json.loads(rule.extract_one(question, today=today)) == dict(zip(("city", "date"), answer))


@pytest.mark.parametrize("question, city", [
    ("他住在洛阳，我在北京上班，想问洛阳明天会不会降温", "洛阳"),  # 降温 is a weather word (rule 6)
    ("车队从西宁出发走青海湖 那边8月天气咋样", None),  # rule 5e: 走 is a way to go too
    ("下午五点以后芜胡雨能停吗", "芜胡"),  # a sound-alike after 以后 (rule 5c)
    ("is it snowing in harbin right now", "harbin"), ("Urumqi weather", "Urumqi"),  # English names, not pinyin
    ("NYC 周六 降温吗", None),  # an abbreviation is not read (WILD.md: `LA`, `NYC`)
])
def test_readings_from_the_eighth_sitting(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, today, answer", [
    ("杭州 宁波 温州 后天下雨吗", dt.date(2026, 3, 2), ("杭州", "2026-03-04")),  # three in a row: a list, the first
    ("南京苏州无锡这几天冷吗", None, ("南京", None)),  # side by side: a list
    ("他在南京我在苏州 南京周五冷吗", dt.date(2026, 3, 2), ("南京", "2026-03-06")),  # two apart by a space: clauses
    ("【今日天气】成都：多云 ——明天呢？", dt.date(2026, 3, 2), ("成都", "2026-03-03")),  # 明天呢 asks; 【】 is an edge
    ("DALIAN / 10.1 / 天气", None, ("DALIAN", "10-01")),  # a spaced slash between words is a separator
    ("大连 6 / 1 天气", None, ("大连", "06-01")),  # a spaced slash between digits stays a date's
])
def test_readings_from_the_ninth_sitting(question, today, answer):
    assert json.loads(rule.extract_one(question, today=today)) == dict(zip(("city", "date"), answer))


def test_rule_9_skips_a_trips_verb_between_a_stops_date_and_its_city():
    question = "日程：5月2日 开会；5月4日 飞成都，看看成都那天天气"
    assert json.loads(rule.extract_one(question)) == {"city": "成都", "date": "05-04"}


@pytest.mark.parametrize("question, expected", [
    # rule 6c: a correction or a follow-up names the asked city; 哦不是 is the speaker correcting themself
    ("不对不对 我说的是福州不是广州", "福州"), ("应该是昆山不是昆明，日期不变", "昆山"),
    ("前面你说的是澳门天气，我问的是珠海，12月20号", "珠海"),
    ("Q: 西安明天下雨吗 A: 西安明天多云。Q: 那咸阳呢", "咸阳"),
    ("刚才问的是北京明天，那天津呢", "天津"), ("看看霸州市哦不是贵溪 7/7", "贵溪"),
    ("东港（丹东的）明天海上浪大吗", "东港"),  # a prefecture as a gloss after its own county-level city
    # the city after 不是 gives way to the one after 是; 我要查的是 asks (241st-248th sittings)
    ("西安 呃 不是西安 是宝鸡 明天冷吗", "宝鸡"), ("天津天气 不对 我要查的是廊坊", "廊坊"),
    # without 是: the city said right after the slip taken back (361st-376th sittings); not a plain 不是 between two
    ("西安 呃 不是西安 宝鸡 明天冷吗", "宝鸡"), ("合肥 哦不是合肥 芜湖 周末", "芜湖"),
    ("我在杭州 不是苏州 明天", "杭州"),
])
def test_corrections_follow_ups_and_glosses_name_the_city(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, expected", [
    ("国庆出游计划：10.1 婺源 10.3 杭州 10.5 上海，想看看杭州那天天气", "10-03"),  # dates lead: a stop's day before it
    ("丽江8.23号天气 大理8.25", "08-23"), ("7.8号到九江，7.10去庐山，到九江那天热不热", "07-08"),
])
def test_rule_9_a_plan_written_dates_first_pairs_each_stop_with_the_day_before_it(question, expected):
    assert json.loads(rule.extract_one(question))["date"] == expected


@pytest.mark.parametrize("question, expected", [
    ("除了哈尔滨，东北还有哪里明天下雪", None),  # rule 5f: the one city named is left out
    ("Need the forecast for Paris on 2026-12-24, flying in from 上海", "Paris"),  # the Chinese city is the origin
    ("假如国庆不下雨，我们就去桂林，否则去长沙，桂林国庆天气怎么样", "桂林"),  # a comma after a destination: no list
    ("北京，上海天气怎么样", "北京"),  # a list: the first
])
def test_left_out_cities_english_origins_and_clauses(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, expected", [
    ("就是我想问一下那个南经后天冷不冷", "南经"), ("呃和肥这两天风大不大", "和肥"),  # after a spoken filler
    ("沪上今日最高温多少", "沪上"), ("申城 12月25日 会下雪吗", "申城"), ("京城明天雾霾严重吗", "京城"),  # nicknames
    ("大连比青岛冷吗 这周六", "大连"), ("厦门vs三亚 春节 哪个更暖", "厦门"),  # compared: the first
    ("复旦邯郸校区 6月28号毕业典礼", None),  # a campus named after a city
    # rule 6e: a statement about one city, then a question about another (or the same in another form)
    ("看到新闻说北京下冰雹了，天津今天会不会也下", "天津"), ("在奥克兰待久了怕冷 跨年夜广州冷不冷", "广州"),
    ("深圳市全市进入暴雨紧急防御状态。现在深圳还在下吗", "深圳"), ("娄底和天门过两天天气咋样", "娄底"),
    ("伦敦这边 rain again… 下周末去Seattle会晴吗", "Seattle"),  # a Latin destination over where one is
])
def test_fillers_nicknames_comparisons_campuses_and_the_asking_clause(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, expected", [
    ("Google Maps says 2h drive from Osaka to Kyoto, is it raining in Kyoto?", "Kyoto"),  # rule 5b: where to
    ("Leaving Shenzhen for Hong Kong on 28 Dec, rainy there?", "Hong Kong"),
    ("ｓｈａｎｇｈａｉ　１２月１日　天気", "ｓｈａｎｇｈａｉ"),  # full-width letters, copied as written
    ("雷州半岛 今日 风力", None), ("产检预约 周六 青岛市立医院东院区", "青岛"), ("昆山市立夏风大不大", "昆山市"),
    ("毕业旅行 昆明 大理 丽江 香格里拉 一共十天 香格里拉最后两天晚上会不会零下", "香格里拉"),  # rule 6f
    ("12月23号到慕尼黑，圣诞在维也纳，维也纳圣诞节冷吗", "维也纳"),
])
def test_latin_cities_asked_in_english_peninsulas_municipal_and_a_city_named_again(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


def test_rule_9_skips_a_city_inside_a_quoted_message():
    question = "老妈转发：“这周末贵阳有冻雨，路上结冰，别回来了”  妈我是下周末回去"
    assert json.loads(rule.extract_one(question, today="2026-01-06")) == {"city": "贵阳", "date": "2026-01-17"}


def test_a_or_b_with_a_trip_verb_is_asked_together():
    assert json.loads(rule.extract_one("去厦门还是去福州 下周末 哪边天气好"))["city"] == "厦门"


@pytest.mark.parametrize("question, expected", [
    ("中午去吃碗兰州拉面暖暖 下午还会降温吗", None), ("金华火腿挂阳台上晾 湿度多少合适", None),  # products
    ("上海银行的网点周六开门吗", None), ("深圳航空的航班听日会取消吗", None),  # companies
    ("柳州螺蛳粉节 11月3号 天气", "柳州"),  # an event held in the city
    ("同事夸下海口说周六不下雨", None), ("美丽江南四月烟雨 今年清明还会下雨吗", None),  # words around a name
    ("长沙县明天有暴雨吗", None), ("义乌县城 下周三 会下雪吗", "义乌"),  # a county named after its prefecture
    ("北京这周四平均气温多少度", "北京"), ("厦门周三明显降温吗", "厦门"),  # 周四 + 平均, 周三 + 明显
    ("湖南长沙和湖北武汉 下周六哪个更热", "长沙"),  # a province between two cities asked together
])
def test_products_companies_idioms_counties_and_weekday_words(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, expected", [
    # rule 4d: a name starting on a province's last character is no city (陕西安康: no 西安)
    ("陕西安康明天下雨吗", "安康"), ("湖北京山这周末热不热", "京山"), ("广东阳江后天台风来吗", "阳江"),
    ("山东阳谷明天冷吗", None), ("江西宁都下周下雨吗", None),  # counties: no 东阳, no 西宁
    ("陕西西安明天", "西安"), ("镇江西津渡明天人多吗", "镇江"),  # the city after the province; 江西 inside 镇江西
    # rule 5d: a city read only with 市, typed short right after its province (no cue needed)
    ("广东阳春那边冷不冷", "阳春"), ("云南安宁明天冷吗", "安宁"), ("阳春面好吃吗 明天下雨吗", None),
    ("江西庐山明天有雾吗", None),  # the mountain stays a sight
])
def test_a_province_written_right_before_a_city(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, expected", [
    # two questions in one message: the first
    ("兰州现在多少度 天水明天会下雨吗", "兰州"), ("今天上海冷吗 另外明天苏州要不要带伞", "上海"),
    ("Q: 西安明天下雨吗 A: 西安明天多云。Q: 那咸阳呢", "咸阳"),  # a follow-up after an answer
    ("我在台北，高雄週末會下雨嗎", "高雄"),  # where one is, then the city asked
    ("请问一下贵羊明天是不是要降温了", "贵羊"),  # a sound-alike after 一下
])
def test_two_questions_in_one_message_and_where_one_is(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, expected", [
    # where the speaker is: the other city
    ("我爸在漳州 我在厦门 他那边后天有雨吗", "漳州"), ("我妈在哈尔滨 我在海口 今天两边分别多少度", "哈尔滨"),
    ("别给我查杭州，我现在在嘉兴，今晚有雨吗", "嘉兴"),  # a city not to look up
    ("蚌埠住了 又下雨 啥时候能停啊", None), ("安顺黄果树 这几天水大不大", "安顺"),  # a meme; 这几天水 is no 天水
])
def test_where_the_speaker_is_a_city_not_to_look_up_and_memes(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, today, expected", [
    ("单曲循环《南京》 今晚想去夫子庙 会下雨吗", None, (None, None)),  # a song's title names no place
    ("看了《长沙夜生活》 想去长沙 周六热吗", "2026-05-06", ("长沙", "2026-05-09")),
    ("偶住台中 這禮拜天要去花蓮 花蓮會冷嗎", "2026-03-04", ("花蓮", "2026-03-08")),  # 偶住: where one lives
    ("南投 明天 會下雨嗎", "2026-03-04", ("南投", "2026-03-05")),  # a Taiwan county named like its seat city
    ("9月2号到乌鲁木齐 次日去喀纳斯 那天冷吗", None, (None, "09-03")),  # that day's place is no city
    ("6月1号飞昆明，第二天去大理，大理那天下雨吗", None, ("大理", "06-02")),
    ("周五 周六 绍兴 哪天不下雨", "2026-05-06", ("绍兴", "2026-05-08")),  # a list of days: the first
    ("高雄昨天好熱ㄛ 禮拜天會涼一點嗎", "2026-05-06", ("高雄", "2026-05-10")),  # the asking clause's day
    ("科技路88号 深圳 今天有雷阵雨吗", "2026-05-06", ("深圳", "2026-05-06")),  # a street number is no day
])
def test_titles_where_one_lives_counted_days_and_lists_of_days(question, today, expected):
    assert tuple(json.loads(rule.extract_one(question, today=today)).values()) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("金陵 明日 可有雨", "2026-03-03", ("金陵", "2026-03-04")),
    ("津门 今晚 风大吗", "2026-03-03", ("津门", "2026-03-03")),
    ("三藩市 下週六 凍唔凍", "2026-03-03", ("三藩市", "2026-03-14")),
    ("@上海发布 今天停课吗", "2026-03-03", (None, "2026-03-03")),  # an account's name is decoration
    ("转发 @厦门天气 明天厦门有雨吗", "2026-03-03", ("厦门", "2026-03-04")),
    ("活动多不多哈哈 今天", "2026-03-03", (None, "2026-03-03")),  # laughter, not Doha
    ("广州 廣州 分不清 明天热吗", "2026-03-03", ("广州", "2026-03-04")),  # one city in two forms: the first
    ("去年中秋 vs 今年中秋 苏州 哪个冷", "2026-08-01", ("苏州", "2025-10-06")),  # days compared: the first
    ("8.1~8.3 青岛 有雨吗", None, ("青岛", "08-01")), ("八月一日 周六 青岛 有雨吗", "2026-07-20", ("青岛", "08-01")),
])
def test_nicknames_handles_laughter_one_city_twice_and_compared_days(question, today, expected):
    assert tuple(json.loads(rule.extract_one(question, today=today)).values()) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("奉天 明天 下雪不", "2026-12-01", ("奉天", "2026-12-02")), ("Peking weather tomorrow", "2026-12-01",
                                                                ("Peking", "2026-12-02")),
    ("马鞍山 周六 下雨吗", "2026-12-01", ("马鞍山", "2026-12-05")),  # not the 鞍山 inside it
    ("牡丹江 明天水温多少", "2026-12-01", ("牡丹江", "2026-12-02")),  # 明天水温: no 天水
    ("天门山 国庆 雾大吗", None, (None, "10-01")), ("湖北天门 国庆 雾大吗", None, ("天门", "10-01")),
    ("常州 无锡 周末 哪个暖和", "2026-12-01", ("常州", "2026-12-05")),  # compared later: asked together
    ("郑州航空港区 明天 有雨吗", "2026-12-01", ("郑州", "2026-12-02")),  # an airport zone, not an airline
])
def test_former_names_longer_cities_and_comparisons_later_in_the_question(question, today, expected):
    assert tuple(json.loads(rule.extract_one(question, today=today)).values()) == expected


def test_a_lunar_day_that_its_month_lacks_is_no_date():
    from sft.dates import next_lunar_day

    assert next_lunar_day(7, 30, dt.date(2026, 8, 10)) is None  # 农历七月 of 2026 has 29 days: not next year's
    assert next_lunar_day(8, 15, dt.date(2026, 8, 10)) == dt.date(2026, 9, 25)


@pytest.mark.parametrize("question, expected", [
    ("1.杭州 2.宁波 3.温州 明天哪个会下雨", "杭州"), ("• 西宁 • 兰州 国庆 哪个冷", "西宁"),  # a list: the first
    ("🐼成都 vs 🔥重庆 哪个热", "成都"), ("MU5101 上海虹桥-北京首都 明早 大雾吗", "北京"),  # a route: its destination
    ("行山 好唔好 聽日", None),  # Cantonese hiking, not 新山
])
def test_lists_routes_and_cantonese_words(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, today, expected", [
    ("大 后 天 去 湖 州 会 下 雨 吗", "2026-05-05", ("湖 州", "2026-05-08")),  # spaced out: the city with its spaces
    ("明天去嘉兴，哦不对是乌镇，下雨吗", "2026-05-05", (None, "2026-05-06")),  # corrected to a place: no city
    ("从北海去涠洲岛 周六 下雨吗", "2026-05-05", (None, "2026-05-09")),  # a trip to the city's own island
    ("人在厦门，明天去鼓浪屿 热吗", "2026-05-05", (None, "2026-05-06")),
    ("为什么长沙的夏天比南京还热", None, ("长沙", None)),  # A比B: the first
    ("泉州被称为鲤城 这周末热吗", "2026-05-05", ("泉州", "2026-05-09")),  # (a nickname after its city: the city)
    ("今晚深圳卫视 跨年 会下雨吗", None, (None, "12-31")),  # a TV channel's name
    ("打卡西湖 明天 会下雨吗 杭州", "2026-05-05", ("杭州", "2026-05-06")),  # 打卡: to check in
    ("北京—————天津—————保定 哪个周末不下雨", "2026-05-05", ("北京", "2026-05-09")),
    ("is 西安 hotter than 郑州 today", "2026-05-05", ("西安", "2026-05-05")),  # English A ...er than B: the first
    ("平遥 还是 大同古城 周末", None, ("大同", None)),  # 古城 after a short name: the city (80th sitting)
    ("明天石狮下不下雨", None, ("石狮", None)),  # a short name right after a time word, then 下不下 (82nd sitting)
    ("侯天 苏洲 冷吗", None, ("苏洲", None)),  # a typed-wrong city after a typed-wrong day word (82nd sitting)
    ("黔东南州 凯里 周末", None, ("凯里", None)),  # short name + 州 is the prefecture; its county-level city asked
    ("甘孜州 下雪吗", None, ("甘孜州", None)),  # an autonomous prefecture's short name + 州, copied (88th sitting)
    ("重庆朝天门 夜景 下雨吗", None, ("重庆", None)),  # 朝天门 holds no 天门
    ("Montréal 下周 冷吗", None, ("Montréal", None)),  # accents read as plain letters, copied as written
    ("请问苏洲有雨吗", None, ("苏洲", None)),  # a typed-wrong city right after 请问 (90th sitting)
    ("石狮落雨冇", None, ("石狮", None)),  # a short name before Cantonese 落雨 (89th sitting)
    ("中秋节 八月十五 苏州 赏月", None, ("苏州", None)),  # the festival's own lunar day is no second date
    ("深圳 大沙河 跑步", None, ("深圳", None)),  # 大沙河 holds no 沙河 (93rd sitting)
    ("江门同佛山 明日 落雨", None, ("江门", None)),  # Cantonese 同 (and): asked together, the first
    ("天台山 看日出", None, (None, None)),  # the mountain holds no 台山
    ("淮南牛肉汤 好吃", None, (None, None)),  # a dish named after a city names no city
    ("广州明天下雨吗 不对 是佛山", None, ("佛山", None)),  # a correction said aloud (111th sitting)
    ("Hangzhou tomorrow, sorry I mean Suzhou", None, ("Suzhou", None)),
    ("not Ningbo, I meant Wenzhou - rain on Friday?", None, ("Wenzhou", None)),  # I meant (257th-264th sittings)
    ("东京 大阪 五一 哪里更热", None, ("东京", "05-01")),  # compared (哪里更): asked together, the first
    # 113th-120th sittings
    ("我喺廣州返工 珠海聽日落唔落雨", None, ("珠海", None)),  # Cantonese 我喺 (where I am); 珠海 read only after it
    ("定位一直是上海 我在苏州", None, ("苏州", None)),  # what the app shows is not asked
    ("I am in Shanghai, what about Hangzhou", None, ("Hangzhou", None)),
    ("the app shows Beijing but I am in Tianjin", None, ("Tianjin", None)),
    ("去杭州 sorry I mean 绍兴", None, ("绍兴", None)),
    ("青岛市北区 明天", None, ("青岛", None)),  # 市北区 is Qingdao's district, not 青岛市 + 北区
    ("1/2 到 1/5 在东京 出差", None, ("东京", "01-02")),  # a range before the city: its first day
    # 121st-128th sittings
    ("崇州街子古镇 天气", None, ("崇州", None)),  # 街子 is a town's name, not a street after the city
    ("李拜四会不会冷", None, (None, None)),  # 李拜四 is 礼拜四: no 四会
    ("从太原开车回大同 后天", None, ("大同", None)),  # a city read only with 市, after a trip's origin
    ("合肥 芜湖", None, ("合肥", None)),  # two cities and nothing else: asked together, the first
    ("花蓮 國慶連假 10/10", None, ("花蓮", "10-10")),  # the festival's day written right after it
    ("万源 八台山 天气", None, ("万源", None)),  # 八台山 holds no 台山
    # 129th-136th sittings
    ("苏州 呃 不是 无锡 周末", None, ("无锡", None)),  # 呃 不是: a speaker correcting themself
    ("Beijing tomorrow, no wait, Tianjin", None, ("Tianjin", None)),
    ("大阪 京都 12/24 下雪吗", None, ("大阪", "12-24")),  # two cities side by side, then a date: a list, the first
    ("张家界 黄石寨 明天", None, ("张家界", None)),  # 黄石寨 holds no 黄石
    # 137th-144th sittings
    ("成都天气 不对 我人在绵阳", None, ("绵阳", None)),  # a correction to where the speaker is
    ("原定6月8号去青岛 推迟三天", None, ("青岛", "06-11")),  # a plan's day moved by three days
    ("原定5月3号 提前一天 去青岛", None, ("青岛", "05-02")),
    # 145th-152nd sittings
    ("周五杭州会比宁波热吗", None, ("杭州", None)),  # A会比B: compared, A
    ("要苏州的 不要上海", None, ("苏州", None)),  # 不要 gives up the city after it
    # 153rd-160th sittings
    ("行程往后推了两天 本来是5月1号 去西安", None, ("西安", "05-03")),  # moved by N days, the old day after
    ("杭州 宁波 明天 有雨吗", "2026-05-05", ("杭州", "2026-05-06")),  # two apart by spaces, then a day: a list
    ("西安 到 华山 周六 下雨吗", None, (None, None)),  # a trip typed apart to a place that is no city
    ("樱桃园 大连 周日 要盖棚吗", None, ("大连", None)),  # 樱桃园 holds no 桃园
    ("马赛克 贴完了 这周六能晾吗", None, (None, None)),  # 马赛克 (a mosaic) holds no 马赛
    ("杭洲市区 今天冷吗", None, ("杭洲", None)),  # a city typed wrong, then 市区: the city without 市
    # 161st-168th sittings
    ("Shenzen tommorow rain?", "2026-05-05", ("Shenzen", "2026-05-06")),  # a Latin spelling one edit away
    ("spring in Shanghia", None, ("Shanghia", None)),  # two letters swapped; spring (six letters) is too short
    ("weather in shanghio", None, (None, None)),  # two edits from shanghai and from shangzhi: no city
    ("Harbinn next week cold?", None, ("Harbinn", None)),  # a letter added to a six-letter spelling (harbin)
    ("joining the run tomorrow, rain?", None, (None, None)),  # an English word a letter from jining
    # six letters: two neighbours swapped or one dropped from a longer spelling, never an English word (change)
    ("weather in Wuhna, no, Hagnzhou", None, ("Hagnzhou", None)), ("taiyun rain tmr", None, ("taiyun", None)),
    ("xiamne rain?", None, ("xiamne", None)), ("change of plans, rain tomorrow?", None, (None, None)),
    # a correction to a place that is no city, after a few words of the city's clause or a slip owned
    ("成都天气 不对 是九寨沟", None, (None, None)), ("阿坝 sorry 是九寨沟", None, (None, None)),
    ("成都天气 不对 是绵阳", None, ("绵阳", None)), ("成都天气不对劲 要下雨吗", None, ("成都", None)),
    # 那X呢 after the city's clause, X a place that is no city: X is asked (那Y呢 with a city Y asks Y)
    ("西安冷吗 那华山呢", None, (None, None)), ("西安冷吗 那宝鸡呢", None, ("宝鸡", None)),
    ("西安冷吗 那明天呢", None, ("西安", None)),
    # a day moved only if it rains: the plan's day, though the city is written by the other
    ("周六去爬山 遇雨顺延到周日 杭州", "2026-03-02", ("杭州", "2026-03-07")),
    ("婚宴定在5月2号 要是下雨就挪到5月3号 温州", None, ("温州", "05-02")),
    ("5月2号在宁波 5月3号到温州 温州", None, ("温州", "05-03")),  # a plan's stops: the city's own day
    # Latin cities: one named again, the others once, is asked; where the speaker is (我在, I live in) is not
    ("Lyon → Paris by TGV, Paris rain?", None, ("Paris", None)),
    ("I live in Lyon, is Paris cold", None, ("Paris", None)), ("我在 Lyon 想问 Paris 冷吗", None, ("Paris", None)),
    # the speaker's side said with 我们在, 我这儿是, 坐标: another's side is another city, one's own is this one
    ("女儿在西安读书 我们在咸阳 她那边冷吗", None, ("西安", None)),
    ("我这儿是咸阳 我姐在西安 我这儿冷吗", None, ("咸阳", None)),
    ("坐标咸阳 我姐在西安 我这边冷吗", None, ("咸阳", None)),
    ("本来想去西安 最后定了兰州 3月8号", None, ("兰州", "03-08")),  # the final choice
    ("从昆明往香格里拉走 大理冷不冷", None, ("大理", None)),
    ("从理塘往稻城走 国庆 冷不冷", None, (None, "10-01")),  # 往: a trip from the only city to a county
    ("3月20日—3月25日 杭州 苏州", None, ("杭州", "03-20")),  # a range, then two cities: a list
    ("国庆去成都 10月3号 下雨吗", None, ("成都", "10-03")),  # a day of the holiday written out
    ("沈阳中街 平安夜 冷吗", None, ("沈阳", "12-24")),  # the city's own 中街, no street named after it
    # 169th-176th sittings
    ("不去张家界了 改去凤凰古城 周六", None, (None, None)),  # a plan changed to a place that is no city
    ("长春不要了 换成长白山 明天", "2026-03-01", (None, "2026-03-02")),
    ("提前两天 本来是5月3号 去青岛", None, ("青岛", "05-01")),  # moved earlier, the old day after
    ("怀仁这两天 冷吗", None, ("怀仁", None)), ("孝义明添 下雨吗", "2026-03-01", ("孝义", "2026-03-02")),
    ("都匀毛尖 明天 采茶", "2026-03-01", (None, "2026-03-02")),  # a tea named after its city
    ("杭州西站到萧山 明天 下雨吗", "2026-03-01", ("杭州", "2026-03-02")),  # from its station to its own district
    ("重庆西站到涪陵 明天 下雨吗", "2026-03-01", (None, "2026-03-02")),  # not in a municipality
    # 177th-184th sittings
    ("原定5月10号去成都 推迟了一周", None, ("成都", "05-17")),  # a plan moved by a week
    ("原定周六去 推迟两个星期", "2026-03-02", (None, "2026-03-21")),
    ("三河古镇 周末 人多吗", None, (None, None)),  # a town of 合肥, not the city 三河
    ("玉门 风大吗", None, ("玉门", None)),  # 风大 after a short county-level city
    ("你们那降温了吗 我这杭州还挺热", None, (None, None)),  # the listener's side, the speaker's city told
    # 185th-192nd sittings
    ("本来定6月6号 往后挪了五天 那天天气", None, (None, "06-11")),
    ("护林员 明天 巡山", None, (None, None)),  # no 虎林 typed by sound
    ("护林站在漠河 明天有雨没", None, ("漠河", None)),  # 护林站: no 虎林 either
    ("东台吉乃尔湖 明天", "2026-03-01", (None, "2026-03-02")),  # a salt lake, not the city 东台
    ("弥勒温泉 周末", "2026-11-25", ("弥勒", "2026-11-28")),  # a hot spring named after its county-level city
    ("原定10月6号，推迟一周 南宁", None, ("南宁", "10-13")),  # a comma before the postponement (196th sitting)
    ("从杭州去千岛湖 明天", "2026-03-01", (None, "2026-03-02")),  # but a trip to its sight asks the sight
    # 201st-208th sittings
    ("先定5月1号 不行就5月3号 杭州", None, ("杭州", "05-01")),  # a fallback day: the first is asked
    ("大同夏天 热不热", None, ("大同", None)), ("大同供暖 开始了吗", None, ("大同", None)),  # a season, heating
    # 209th-216th sittings: a name starting with a day word's last character (rule 4c)
    ("仓库 今天门口积水吗", "2026-03-01", (None, "2026-03-01")), ("出差第五天水土不服 热吗", None, (None, None)),
    ("明日子长沙会冷冒", "2026-03-01", ("长沙", "2026-03-02")),
    ("今天天门下雨吗", "2026-03-01", ("天门", "2026-03-01")), ("后天天津冷吗", "2026-03-01", ("天津", "2026-03-03")),
    ("这周五天津冷吗", "2026-03-02", ("天津", "2026-03-06")),  # a weekday's numeral ends no day word at 天
    ("3天后天门下雨吗", None, ("天门", None)),
])
def test_spaced_out_questions_corrections_to_places_trips_and_comparisons(question, today, expected):
    assert tuple(json.loads(rule.extract_one(question, today=today)).values()) == expected


@pytest.mark.parametrize("question, expected", [
    ("桂林山水甲天下", None), ("今天排队买书 真是洛阳纸贵", None),  # idioms name no city asked about
    ("桂林山水甲天下 下周去玩 天气好吗", "桂林"),  # unless a visit follows
    ("我在重庆 你在上海 今天两边都下雨吗", "重庆"),  # two places at once: the first
    ("香港仔 钓鱼 天气", None), ("会安 明天 下雨吗", "会安"),
])
def test_idioms_two_places_at_once_and_more_places(question, expected):
    assert json.loads(rule.extract_one(question))["city"] == expected


@pytest.mark.parametrize("question, today, expected", [
    ("不去大连了 换成威海 下周末怎么样", "2027-01-05", ("威海", "2027-01-16")),  # a place given up
    ("昆明不用查 我就在昆明 帮我看下大理后天", None, ("大理", None)),
    ("这周六去无锡 还是下周六去常州 哪次天气好", "2026-03-18", ("无锡", "2026-03-21")),  # a choice: the first
    ("同城的朋友 今天带伞", "2026-03-18", (None, "2026-03-18")),
    ("我看错了 是12月12号 不是12月21号 保定", None, ("保定", "12-12")),  # the date given up is not the city's
    ("九江周末下雨吗 景德镇呢 上饶呢", "2026-03-04", ("九江", "2026-03-07")),  # questions chained: the first
    ("刚才问的是北京 那上海呢", None, ("上海", None)),  # a follow-up after a statement: the one asked
    ("明早长沙下雨吗 （打错了 是株洲）", "2026-04-20", ("株洲", "2026-04-21")),  # a typo corrected
    ("Toronto 多伦多 tomorrow 好冷", None, ("Toronto", None)),  # one city twice: the first as written
    ("德里 11月 空气差吗", None, ("德里", None)), ("新德里 明天", None, ("新德里", None)),
    ("澳门 威尼斯人 外面冷吗", None, ("澳门", None)), ("拉萨一年日照三千多小时 冬天晒吗", None, ("拉萨", None)),
    ("观鸟 杭州湾 明天 风大吗", None, (None, None)), ("听说你们那边下雪了？我在广州还穿短袖呢", None, (None, None)),
    ("Flight lands in Frankfurt on Nov 14, any rain?", None, ("Frankfurt", "11-14")),
    # a trip's stays before the stop asked (43rd, 54th sittings); a trip's length counts nothing
    ("五一 南京2天→苏州2天→上海1天，苏州那两天会下雨吗", None, ("苏州", "05-03")),
    ("12/20 广州出发 → 桂林3晚 → 南宁2晚 → 北海。到北海那天冷不冷", None, ("北海", "12-25")),
    ("下周二到沈阳 待两天 然后去大连 大连那天风大不大", "2026-11-18", ("大连", "2026-11-26")),
    ("国庆 大理四天三晚 然后去丽江 丽江冷吗", None, ("丽江", "10-01")),
    ("先飞曼谷玩三天，然后去芭提雅住两晚。12月18号出发。芭提雅那两天会下雨吗", None, ("芭提雅", "12-21")),
    ("widget一直显示北京 我人在天津啊", None, ("天津", None)), ("黄石公园 9月 下雪吗", None, (None, None)),
    ("合艾 明天 会淹水吗", None, ("合艾", None)),
    # a city typed with a less common sound-alike (GB 2312 level 2) or a five-character name typed wrong
    ("我妈在合淝 她那边今天冷吗", None, ("合淝", None)), ("七天之后 呼和皓特会不会降温", None, ("呼和皓特", None)),
    ("万县 明天热不热", None, (None, None)),
    # a city read only with 市, typed short, standing as a word of its own in a weather question
    ("石狮 服装城 进货 大后天 落雨不", None, ("石狮", None)),
    ("天气预报说晴天 结果下了一下午 中山", None, ("中山", None)),
    ("龙井 春茶 清明前 雨水多不多", None, (None, None)),
    ("报名成功了 2026无锡马拉松 3月22日开跑 当天气温多少", None, ("无锡", "2026-03-22")),  # the year before the city
    ("重庆金佛山 滑雪 1.10", None, ("重庆", "01-10")), ("为什么青岛的夏天没有济南热", None, ("青岛", None)),
    ("妈 我到郑州了 你那边下雨没", None, (None, None)), ("归绥 国庆 冷吗", None, ("归绥", "10-01")),
    ("Bombay monsoon in July?", None, ("Bombay", None)), ("dongjing mingtian tianqi", None, ("dongjing", None)),
    ("吉隆口岸 下周 会不会封路", None, (None, None)), ("海陵岛 台风 后天", None, (None, None)),
    ("不在上海 也不在苏州 我在昆山 下午有雷阵雨吗", None, ("昆山", None)),
    ("下周五的前一天 福州会下雨吗", "2026-05-26", ("福州", "2026-06-04")),  # a day's own eve
    ("兰州下周三沙尘 要戴口罩吗", "2027-03-24", ("兰州", "2027-03-31")),  # 周三沙尘: no 三沙
])
def test_places_given_up_choices_and_weekday_words(question, today, expected):
    assert tuple(json.loads(rule.extract_one(question, today=today)).values()) == expected


@pytest.mark.parametrize("question, city", [
    ("后天去靖边出差 冷不冷", None),  # 去 + a county: no 曲靖 typed by sound (a county is no typo's span)
    ("难宁明天的", "难宁"),  # but 宁明 before 天 is the day word's: 南宁 typed by sound
    ("洪泽湖边 明天风大吗", None), ("苏洲湖边 明天", None),  # a lake's name, no city typed wrong
    ("榕城区 明天下雨吗", None), ("榕城 明天下雨吗", "榕城"),  # a nickname + 区 is a district's name
    ("昆明明天比大理冷吗", "昆明"), ("成都比重庆凉快 重庆明天多少度", "重庆"),  # A比B compared: the first
    ("保定 额 不是 是涞源 后天下雪吗", None),  # corrected to a county: its weather is asked
    ("保定 额 不是 是石家庄 后天下雪吗", "石家庄"),
])
def test_counties_lakes_nicknames_comparisons_and_corrections_to_counties(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("核桃园里明天会下冰雹吗", None), ("蚕沙晒不干 最近老下雨", None),  # words holding a city's name or sound
    ("买了块和田玉 明天去哪玩", None), ("天水麻辣烫 今天排队冷不冷", None),  # products named after a city
    ("上饶玉山 明天下雨吗", "上饶"), ("和田明天沙尘大吗", "和田"),
])
def test_walnut_orchards_and_products_named_after_cities(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 289th-296th sittings: a mall, a river, a moat and a temple holding a city's name; products; a village named
    # like a city typed by sound; the city a place is compared with; a district after a street-like 路
    ("南宁万象城 周末人多吗", "南宁"), ("浔阳江边 明天风大吗", None), ("去凤城河夜游 下雨吗", None),
    ("隆昌寺 烧香 冷不冷", None), ("吃份抚顺麻辣拌 热不热", None), ("荔浦马蹄 明天能挖吗", None),
    ("扬州瓜洲古渡 起雾吗", "扬州"), ("哈密瓜 熟了没", None), ("大李庄 今晚降温吗", None),
    ("这边是不是比宜昌凉快", None), ("山顶会不会比丽江冷", None), ("宜昌是不是比荆州凉快", "宜昌"),
    ("对比北京 明天下雨吗", "北京"), ("加勒比 上海出发 浪大吗", "上海"),
    ("台州路桥 明天下雨吗", "台州"), ("南京路 步行街 人多吗", None),
    ("3.1-3.3 苏州 无锡 冷吗", "苏州"),  # two cities after a date range, a weather word alone: the first
])
def test_malls_rivers_temples_products_comparisons_and_lists(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 297th-304th sittings: a city read only with 市 before its own county or its town centre; orchards, a gorge and a
    # square named like a city; two cities asked as 两个城市
    ("普洱景东 明天下雨吗", "普洱"), ("江山市区 明天热吗", "江山"), ("江山如画 明天", None),
    ("樱桃园 明天下雨吗", None), ("青铜峡 明天", "青铜峡"), ("龙洋峡 明天风大吗", None), ("山海广场 明天", None),
    ("杭州 苏州 两个城市 周末 哪里凉快", "杭州"),
])
def test_full_name_cities_before_their_counties_orchards_gorges_and_two_cities(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 305th-312th sittings: products, a valley, a river after a city typed by sound, bare 玉树, spoken corrections
    ("库尔勒香梨 甜不甜 今年天旱", None), ("铜陵白姜 腌好了 明天晴吗", None), ("伊犁河谷 这周下雨吗", None),
    ("大亮子河 钓鱼 明天", None), ("玉树 囊谦 明天下雪吗", None), ("玉树州 明天下雪吗", "玉树州"),
    ("重庆热不热 sorry 我是说成都", "成都"), ("合肥 不好意思打错了 是芜湖 明天", "芜湖"),
    ("津市 明天下雨吗", "津市"), ("天津市 明天下雨吗", "天津市"), ("天津市区 明天", "天津"),  # 津市 inside 天津市
])
def test_pears_ginger_valleys_rivers_bare_yushu_and_sorry_corrections(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 313th-320th sittings: 瓜州 (酒泉's county) is no melon, 街上 no street named after the city, a kiwi orchard, a
    # forest and 青岛's bay named like cities, and the city where a plane is changed (转机去…) is not asked
    ("酒泉瓜州 风电场 周五风大吗", "酒泉"), ("哈密瓜 甜不甜", None), ("在开封街上逛 今天热吗", "开封"),
    ("长沙街 今天堵吗", None), ("眉县 猕猴桃园 后天下雨吗", None), ("共青森林公园 明天人多吗", None),
    ("胶州湾 跨海大桥 明天起雾吗", None), ("胶州 明天下雨吗", "胶州"), ("重庆转机去稻城 稻城冷吗", None),
])
def test_guazhou_streets_kiwi_orchards_forests_bays_and_plane_changes(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, today, expected", [
    # 321st-328th sittings: a brewery in the city gives it (the beer does not), a marathon's planned day holds no
    # 松原, the Huaibei plain is a region, Teochew 今暝 (tonight) and 冬节 (冬至)
    ("拉货到青岛啤酒厂 明天下雨吗", None, {"city": "青岛", "date": None}),
    ("青岛啤酒 好喝吗", None, {"city": None, "date": None}),
    ("杭州马拉松原定周日 改期了", None, {"city": "杭州", "date": None}),
    ("淮北平原 麦子 这周干热风大吗", None, {"city": None, "date": None}),
    ("汕头今暝会落雨无", "2026-05-04", {"city": "汕头", "date": "2026-05-04"}),
    ("揭阳冬节冷无", "2026-12-01", {"city": "揭阳", "date": "2026-12-22"}),
])
def test_breweries_marathons_plains_and_teochew_days(question, today, expected):
    day = dt.date.fromisoformat(today) if today else None
    assert json.loads(rule.extract_one(question, today=day)) == expected


@pytest.mark.parametrize("question, city", [
    # 329th-336th sittings: rivers, hills, mountains and wetlands that hold a city's name (水阳江, 天保山, 南宫山,
    # 乌苏里江, 九龙口), and two sights that sound like cities (邛海 like 琼海, 金鞭溪 like 金边)
    ("水阳江 明天能钓鱼吗", None), ("宣城水阳江 后天风大吗", "宣城"), ("阳江 明天风大吗", "阳江"),
    ("天保山 周末人多吗", None), ("大阪天保山 明天下雨吗", "大阪"), ("保山 明天下雨吗", "保山"),
    ("南宫山 国庆冷吗", None), ("南宫 明天下雨吗", "南宫"), ("乌苏里江 封江了没", None), ("乌苏 明天冷吗", "乌苏"),
    ("九龙口 赏荷 热不热", None), ("龙口 明天风大吗", "龙口"),
    ("邛海 划船 明天风大吗", None), ("琼海 明天下雨吗", "琼海"), ("金鞭溪 周六人多吗", None), ("金边 明天热吗", "金边"),
])
def test_rivers_hills_and_lakes_holding_city_names(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 329th-336th sittings: bare 朝阳 with a date or a weather word right after it is the city in Liaoning (the guide:
    # a bare name shared by a city and another city's district is the city); 朝阳区, 朝阳公园 and 北京朝阳 are not
    ("朝阳 下周三 冷不冷", "朝阳"), ("朝阳明天下雪吗", "朝阳"), ("北京朝阳 明天下雨吗", "北京"),
    ("朝阳区 明天下雨吗", None), ("朝阳公园 跑步", None), ("朝阳县 明天下雨吗", None),
])
def test_bare_chaoyang_with_a_cue_is_the_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 329th-336th sittings: Sichuan 屋头 (home) names the home as 老家 and Xiang 屋里 do (rule 5g): a county asked
    # as home beside the city of work is no city; a city at home is that city
    ("在成都上班 屋头在金堂 金堂明天下雨不", None), ("屋头在南充 明天落雨不", "南充"),
    ("在成都上班 明天下雨不", "成都"),
])
def test_sichuan_home_word(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 337th-344th sittings: a mountain, a sluice and two banners that hold a city's name (黛眉山, 万佛山, 三河闸,
    # 阿拉善左旗, 阿拉善右旗) name none; the cities themselves still read
    ("新安黛眉山 后天去爬 冷不冷", None), ("眉山 明天下雨吗", "眉山"), ("通道万佛山 看日出", None),
    ("佛山 周六热吗", "佛山"), ("三河闸 下周一还有雨吗", None), ("三河 明天有雾吗", "三河"),
    ("阿拉善左旗 明天刮风不", None), ("阿拉善右旗 昨天下雪了", None), ("阿拉善 明天风大吗", "阿拉善"),
])
def test_a_mountain_a_sluice_and_banners_holding_city_names(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 337th-344th sittings (and 攀枝花 in the 336th): X市中心医院 is X市's central hospital, copied with 市 as the guide
    # labels it; 市中心 alone is still the city centre (rule 3)
    ("下礼拜三去荆门市中心医院复查 会不会下雨", "荆门市"), ("驻马店市中心医院 周四会下雨不", "驻马店市"),
    ("北京市中心 今天堵不堵 下雨吗", "北京"), ("杭州市中心 明天下雨吗", "杭州"),
])
def test_a_city_central_hospital_keeps_its_shi(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, expected", [
    # 337th-344th sittings: a letter l for the 1 of a dotted day (not in a version number), and three dishes or
    # products named after their city (no city, as 昭通苹果 and 临沂糁馆)
    ("6.l8 武汉 热不热", {"city": "武汉", "date": "06-18"}), ("厦门 12.l5 有雨吗", {"city": "厦门", "date": "12-15"}),
    ("v1.l2 版本 杭州 明天下雨吗", {"city": "杭州", "date": None}),
    ("枣庄辣子鸡外卖 下雨天还送得到不", {"city": None, "date": None}),
    ("亳州牛肉馍店门口排队 今天下雨不", {"city": None, "date": None}),
    ("嘉兴南湖菱上市了 雨水多不多", {"city": None, "date": None}),
    ("嘉兴南湖 明天下雨吗", {"city": "嘉兴", "date": None}),
])
def test_a_letter_l_in_a_dotted_day_and_dishes_named_after_cities(question, expected):
    assert json.loads(rule.extract_one(question)) == expected


@pytest.mark.parametrize("question, today, date", [
    # 337th-344th sittings: 昨天不是说今天晴吗 asks about today, as 昨天说今天… does; 不是说周五 是周六 still corrects
    ("昨天不是说今天晴吗 怎么又下了 福州", "2028-05-16", "2028-05-16"),
    ("昨天说今天晴 怎么又下了 福州", "2028-05-16", "2028-05-16"),
    ("不是说周五 是周六 杭州下雨吗", "2028-05-16", "2028-05-20"),
])
def test_what_was_said_yesterday_asks_the_day_it_names(question, today, date):
    assert json.loads(rule.extract_one(question, today=dt.date.fromisoformat(today)))["date"] == date


@pytest.mark.parametrize("question, city", [
    # 345th-352nd sittings: a mountain, a river's source, a bay and a district that hold a city's name (万仙山,
    # 渭河源, 莱州湾, 资阳区), 出海安全 (no 海安) and 池水 (no 池州 typed by sound) name none; a past day right after a
    # city read only with a cue is a cue (大同夜来); the cities themselves still read
    ("万仙山郭亮村 明天能看见日出不", None), ("渭源渭河源景区 五一人多不", None), ("河源 明天下雨吗", "河源"),
    ("莱州湾刮了几天北风了", None), ("莱州 明天风大吗", "莱州"), ("资阳区大码头明晚放烟花 会下雨吗", None),
    ("资阳 明天下雨吗", "资阳"), ("青岛5月20号出海安全吗 风大不大", "青岛"), ("海安 明天下雨吗", "海安"),
    ("温泉池水要调到42度 今天冷不冷", None), ("池州明天下雨吗", "池州"),
    ("大同夜来刮了一天黄风 今儿还刮不", "大同"), ("大同昨天下雪了吗", "大同"),
])
def test_places_holding_city_names_and_a_past_day_as_a_cue(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 353rd-360th sittings: a lake, a valley, a town and a river's source that hold a city's name (昭平湖, 大青沟,
    # 安顺场, 钱江源), an orchard's 开园 (no 开原 typed by sound) and five dishes named after their city (卤菜, 牛巴,
    # 烤饼, 米酒, 对夹) name none; the cities themselves still read
    ("昭平湖网箱养鱼 这两天雷雨大不大", None), ("平湖 明天下雨吗", "平湖"), ("大青沟五一去人多不", None),
    ("石棉安顺场 端午 热不热", None), ("安顺 明天下雨吗", "安顺"), ("钱江源那边周六下雨吗", None),
    ("樱桃五月二十号开园 下雨咋弄", None), ("开原 明天下雨吗", "开原"),
    ("武冈卤菜寄给朋友 这两天热不热", None), ("玉林牛巴要晒几日 天气好吗", None), ("衢州烤饼摊明天出不出", None),
    ("孝感米酒要发酵 这几天温度么样", None), ("排队买赤峰对夹 下周三要降温吗", None), ("孝感 明天冷吗", "孝感"),
])
def test_more_places_and_dishes_holding_city_names(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # 361st-368th sittings: a mountain (老乐山, 吕梁山), a port (川东港), an opera (四平戏) and a district (黄山区)
    # that hold a city's name, a dish named after its city (保定驴肉火烧) and the Eid prayer (会礼: no 会理 typed by
    # sound) name none; two cities joined by 还有 are asked together (the first); the cities themselves still read
    ("驻马店 确山 老乐山 4.18号 春游 中不中", "驻马店"), ("乐山 明天下雨吗", "乐山"),
    ("大丰 川东港 海蜇开捕那天 风浪大不大", None), ("东港 明天风大吗", "东港"),
    ("杨源 四平戏 正月唱戏 会不会下雨", None), ("四平 明天冷吗", "四平"),
    ("吕梁山 上头 下雪了没", None), ("吕梁 明天下雪吗", "吕梁"),
    ("黄山区汤口镇住一晚 明早能看日出不", None), ("黄山市 明天下雨吗", "黄山市"),
    ("保定驴肉火烧 外卖说雨太大送不了 徐水这边", None), ("保定 明天刮风吗", "保定"),
    ("开斋节那天 会礼在外头 化隆下雨不", None),
    ("查一下苏州 还有无锡 后天", "苏州"),
])
def test_places_and_words_holding_city_names_and_cities_joined_by_haiyou(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, today, date", [
    # 361st-368th sittings: 后甜 (后天 typed by sound; not 饭后甜点), 星七三 (星期三 by voice), Japanese きょう, English
    # "in two weeks" and a lower-case "dragon boat festival"
    ("兰洲 后甜 大风吗", "2025-03-16", "2025-03-18"), ("饭后甜点 明天杭州下雨吗", "2026-06-14", "2026-06-15"),
    ("星七三 苏洲 有没有雨", "2028-04-03", "2028-04-05"), ("京都 きょう 雨ですか", "2026-06-14", "2026-06-14"),
    ("Heading to Lijiang in two weeks, do I need a down jacket?", "2026-12-30", "2027-01-13"),
    ("any storms in Qingdao over the dragon boat festival", "2028-05-02", "2028-05-28"),
])
def test_day_words_typed_by_sound_and_in_japanese_and_english(question, today, date):
    assert json.loads(rule.extract_one(question, today=dt.date.fromisoformat(today)))["date"] == date


@pytest.mark.parametrize("question, city", [
    # the blind sittings' recurring misses (沉阳, 广卅, 昆眀, 重床 in nearly every group since the 200th): a city typed
    # with one character by shape (datasets/look_alikes.tsv), copied as written like a sound-alike; 床 only in 重庆,
    # so a hotel's 大床房 names no 大庆, and 沉 only at a phrase start (下沉阳台 is no 沈阳)
    ("沉阳 圆旦 天气", "沉阳"), ("广卅圣蛋节穿短袖还是外套", "广卅"), ("昆眀 5越1号 天汽", "昆眀"),
    ("重床大后田高温吗", "重床"),
    ("住大床房 明天下雨吗", None), ("下沉阳台 明天", None), ("沈阳 明天下雪吗", "沈阳"),
])
def test_a_city_typed_by_shape_is_copied_as_written(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


def test_look_alikes_are_of_city_names_and_new_characters():
    """Every key of datasets/look_alikes.tsv is a character of a city's name (or ``name:i`` of a city's), and each
    look-alike is no sound-alike already listed for it."""
    from sft.paths import DATA, read_tsv

    names = rule.default_gazetteer().names
    sounds = {c: a for _, (c, a) in read_tsv(DATA / "homophones.tsv", ("char", "homophones"))}
    rows = [f for _, f in read_tsv(DATA / "look_alikes.tsv", ("char", "look_alikes"))]
    assert rows
    for key, shapes in rows:
        name, _, i = key.partition(":")
        char = name[int(i)] if i else key
        assert (name in names) if i else any(char in n for n in names), key
        assert not set(shapes) & set(sounds.get(key, sounds.get(char, ""))), key


@pytest.mark.parametrize("question, today, expected", [
    # 369th-376th sittings: 后天's Jianghuai 后个 right after a place; 查询 starts a phrase for a typed city; a day word
    # between two cities asked together (遵义明天跟贵阳比) and a span of days after two listed cities
    ("屋里在泗阳 泗阳后个下雪不", "2028-01-21", {"city": None, "date": "2028-01-23"}),
    ("最后个问题 明天下雨吗", "2028-01-21", {"city": None, "date": "2028-01-22"}),
    ("播放 呃不是 查询昆名天气", None, {"city": "昆名", "date": None}),
    ("遵义明天跟贵阳比 哪个冷", None, {"city": "遵义", "date": None}),
    ("问下贵阳 六盘水 这两天 凝冻没", None, {"city": "贵阳", "date": None}),
])
def test_hou_ge_after_a_place_and_cities_asked_together_369th_376th(question, today, expected):
    day = dt.date.fromisoformat(today) if today else None
    assert json.loads(rule.extract_one(question, today=day)) == expected


@pytest.mark.parametrize("question, date", [
    ("今天是5月20号 明天 南京 下雨吗", "05-21"), ("今天是6月30日 后天去 成都 热不热", "07-02"),
    ("今天是2027年2月27日 大后天 长春冷吗", "2027-03-02"),  # a year written: kept
    ("今天是8月1号 长沙热不热", "08-01"),  # no day after today asked: the written day
    ("今天是10月1号 国庆后天气怎么样", "10-01"),  # 后 + 天气, no 后天
    # two days offered as a choice: the first, as without today written (rule 9b; was left as read before the
    # 45th-52nd hand-written batches)
    ("今天是9月9号 明天还是后天去 郑州", "09-10"),
    # the written forms of today (45th-52nd hand-written batches): 8.20, 3/14, 七月七号, 今儿个, 都…了, English;
    # any day counted from it, past ones too (前天), not one that names a weekday (这周五: the year would decide)
    ("今天是6.18 明天 韶关 下雨吗", "06-19"), ("今天2/27 后天 鞍山", "03-01"), ("今天是八月八号 大后天 台州", "08-11"),
    ("今儿个10月2号 明儿 邢台", "10-03"), ("今天都11月20号了 三天后 赤峰 冷不冷", "11-23"),
    ("today is Jun 3, tmr weather in Wuxi?", "06-04"), ("今天是5月9号 前天 襄阳 下雨了吗", "05-07"),
    ("今天是12月30号 两天后 大庆", "01-01"), ("今天是周四 4月9号 这周六 盐城", "04-09"),
    ("今天3.5度 明天 盐城", None),  # a measure, no today written
    ("今天是4月28号 五一那天 绍兴 人多吗", "05-01"),  # another day written: that day
])
def test_a_day_after_today_written_out(question, date):
    assert json.loads(rule.extract_one(question))["date"] == date


@pytest.mark.parametrize("question, date", [
    ("昨天还穿短袖今天就穿毛衣 银川这天气", "2026-06-10"),  # the past narrated, then today asked
    ("前天下的冰雹今天化了没 银川", "2026-06-10"),
    ("昨天银川下了多少雨 今天还能不能晒麦子", "2026-06-10"),  # the past day written by the city
    ("银川夜来下雹子了 今儿还下不", "2026-06-10"),
    ("昨天银川下冰雹了吗 今天石嘴山呢", "2026-06-09"),  # a question closed about the past: the past asked
    ("昨天和今天 银川 哪天热", "2026-06-09"),  # two days compared: the first
    ("昨天到今天 银川 下了多少雨", "2026-06-09"),  # a range: the first
    ("昨天淋了雨 今天鞋没干 后天还下吗 银川", "2026-06-12"),  # a third day asked
])
def test_a_past_day_narrated_then_today_asked(question, date):
    assert json.loads(rule.extract_one(question, today=dt.date(2026, 6, 10)))["date"] == date


@pytest.mark.parametrize("question, city", [
    ("请问 成 都 明天 下雨吗", "成 都"), ("南 京 的", "南 京"), ("小度 今天 武 汉 热不热", "武 汉"),
    ("我 在 家", None),  # spaced characters that spell no city
])
def test_a_city_typed_apart_is_copied_with_its_spaces(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    ("奥克兰出发去霍比特村 周日下雨吗", None), ("曼谷转机去甲米 后天海上风大吗", None),  # a place the lists lack
    ("从成都出发去稻城亚丁 明天冷不冷", None),
    ("从北京出发去上海 明天下雨吗", "上海"),  # another city: asked
    ("成都出发去玩 明天天气", "成都"), ("成都出发去旅游 明天天气", "成都"),  # no place named
    ("成都出发去机场 明天有雾吗", "成都"),
])
def test_setting_off_from_the_only_city_for_an_unlisted_place(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # the speaker's own side asked after naming where someone else is (我这边 / 我这儿 / 我这里)
    ("我在绍兴 表妹在宁波 我这边周六下雨吗", "绍兴"), ("俺在聊城 闺女在济南 俺这儿明天冷不", "聊城"),
    ("我在绍兴 表妹在宁波 她那边周六下雨吗", "宁波"),  # the other side: as before
    ("我在绍兴 表妹在宁波 周六下雨吗", "宁波"),  # no side named: as before
    # a correction without 是 after 打错了, and Cantonese 唔係…係…
    ("岳阳明天天气咋样 打错了 益阳", "益阳"), ("深圳今日熱唔熱 唔係 係珠海", "珠海"),
    # a follow-up 那X…呢 with its day before 呢
    ("我：淄博后天下雨吗 它：淄博后天小雨 我：那潍坊后天呢", "潍坊"),
])
def test_my_side_a_correction_without_shi_and_a_follow_up_with_its_day(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # a list: a name no list reads as a city between 、 (普洱), and bullets on new lines; asked together, the first
    ("曲靖、普洱、玉溪 下周哪里暖和", "曲靖"), ("- 九江\n- 南昌\n- 赣州\n这几个地方明天下雨吗", "九江"),
    ("苏州-无锡 明天", "无锡"),  # a dash between two cities is no bullet
    # an English correction: make that
    ("Taipei on Friday, sorry make that Taichung", "Taichung"),
    # from the only city, going (by boat, by car) to a place the lists lack: that place is asked, no city
    ("从舟山坐船去东极岛 后天浪大吗", None), ("从大理去苍山洱海之间那个村子 明天冷吗", None),
    ("从成都去 明天冷吗", "成都"), ("从北京去机场 明天有雾吗", "北京"), ("从杭州去上班 明天下雨吗", "杭州"),
])
def test_lists_an_english_correction_and_from_the_city_to_an_unlisted_place(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("question, city", [
    # where the speaker is, then a third person's side asked (他那边, 她们那里): their place, here no city
    ("我在丽水上班 我妈一个人在缙云 她那边明天降温吗", None), ("我在沈阳 爷爷奶奶在农村 他们那里冷不冷", None),
    ("我在长沙 他那边 长沙 冷吗", "长沙"),  # the city named again after the side: as before
])
def test_a_third_persons_side_after_the_speakers_city(question, city):
    assert json.loads(rule.extract_one(question))["city"] == city


@pytest.mark.parametrize("word", ["no wait", "wait no", "sorry", "I mean", "I meant", "actually", "actually nah",
                                  "make that", "make it"])
def test_one_english_correction_list_for_latin_cities_and_dates(word):
    """sft.dates.EN_CORRECTION is the one list: each word corrects a Latin city (the rule) and an English date (the
    date rule) alike."""
    import datetime as dt

    from sft.task import find_date

    assert json.loads(rule.extract_one(f"Shenzhen, {word} Dongguan", today=dt.date(2026, 3, 2)))["city"] == "Dongguan"
    assert find_date(f"Dec 24, {word}, Dec 25") == "12-25"


@pytest.mark.parametrize("question, today, expected", [
    # a judgement between two cities (A好还是B好) asks both: the first named
    ("冬天带爸妈去避寒 北海好还是湛江好", None, ("北海", None)),
    # the speaker's side, then the other's asked last (你那边呢): the other's city
    ("我在扬州 你在泰州 我这边今天好闷 你那边呢", None, ("泰州", None)),
    ("我在扬州 你在泰州 你那边热不热 我这边呢", None, ("扬州", None)),
    # a change of planes at the only city (转机, then a space) for a place that is no city: none
    ("5月2号 曼谷转机 到苏梅岛 苏梅岛天气", None, (None, "05-02")),
    # the departure's or arrival's day asked (离开那天, 到的那天) outranks the day written beside the city
    ("3月2号去西宁 3月6号离开 离开那天冷吗", None, ("西宁", "03-06")),
    ("运货去兰州 2.10出发 2.13到 到的那天下雪吗", None, ("兰州", "02-13")),
    # 昨天 before 保山: no 天保山 (Osaka's hill) read across the day word
    ("昨天保山下了好大的雨", None, ("保山", None)),
    # a short form read with 刮/大风 right after it
    ("中山刮了一晚上大风", None, ("中山", None)),
    # the Hanyu pinyin of Taiwan's cities, as typed on the mainland
    ("taizhong mingtian tianqi", None, ("taizhong", None)),
    # a trip's second day at a place that is no city, no start day written: neither
    ("第一天到西宁 第二天去青海湖 青海湖那天冷吗", None, (None, None)),
    # a choice of days, then one of them asked again: that one
    ("周六还是周日去钓鱼 周日天气呢", "2026-05-06", (None, "2026-05-10")),
    # a correction with its spaces read away (哦 after 号), a plan moved by 往后延
    ("6月2号 哦 是6月3号 才对 吕梁 天气", None, ("吕梁", "06-03")),
    ("比赛 9月5号 往后延一周 韶关 天气", None, ("韶关", "09-12")),
    # a festival right after a short form cues it (中山 圣诞)
    ("中山圣诞节冷不冷", None, ("中山", "12-25")),
    # 53rd-56th batches: a check-out day labelled with a colon; 原本 … 延后; a day given up by 不去了; 改了 says a
    # change, 改成 the day asked
    ("入住：3月2日 离店：3月5日 离店那天长春冷吗", None, ("长春", "03-05")),
    ("成都那趟 原本6月3号 现在延后两天出发 天气", None, ("成都", "06-05")),
    ("计划变了 6月5号不去了 6月8号去洛阳", None, ("洛阳", "06-08")),
    ("会期改了 2027年9月1号 改成 2027年9月4号 地点 合肥", None, ("合肥", "2027-09-04")),
    # words that hold a city's name: marble, an unopened parcel, Beijing's 北海公园, a doorway on a rainy day
    ("大理石台面 这几天返潮吗", None, (None, None)), ("包裹还没开封 11.3会下雨吗", None, (None, "11-03")),
    ("北海公园划船 周日冷吗", None, (None, None)), ("小区下雨天门口全是水", None, (None, None)),
    # where the writer works, written first (在X上班), then the place asked; a trip that did not happen (没去成)
    ("在衡水上班 周末回沧州 那边冷不冷", None, ("沧州", None)),
    ("Day 2 in Osaka 下了一天雨 没去成奈良", None, ("Osaka", None)),
    ("同样是零下五度 沈阳感觉没有大连冷", None, ("沈阳", None)),
    # a holiday named, then its Nth day named: that day
    ("行程改到五一了 杭州五一第二天天气", None, ("杭州", "05-02")),
    # an itinerary of relative days, one stop's day asked (X那天): the day written before that stop
    ("明天到汕头 后天去潮州 大后天揭阳 潮州那天下雨吗", "2026-05-06", ("潮州", "2026-05-08")),
    # old English names read like nicknames, as written (not Chungking Mansions: no name for 重庆 added)
    ("Swatow 5月3号 下雨吗", None, ("Swatow", "05-03")), ("Chungking Mansions 今晚落唔落雨", None, (None, None)),
    # 57th-60th batches: three cities typed by shape (鸟 for 岛, 巷 for 港, 持 for 特), copied as written; 交作业 holds
    # no 焦作 typed by sound; 青鸟 now read as 青岛 typed (50th round)
    ("秦皇鸟 下周 冷吗", None, ("秦皇鸟", None)), ("连云巷 国庆 下雨吗", None, ("连云巷", "10-01")),
    ("呼和浩持 冷不冷", None, ("呼和浩持", None)), ("交作业前 外面下雨吗", None, (None, None)),
    ("青鸟 明天下雨吗", None, ("青鸟", None)),  # 青岛 typed by shape, as two blind writers read it (b299, b458)
    # the speaker's side compared with the other's (我这儿…比她那儿): the speaker's; 一个在A一个在B asked together
    ("我在大连 爸爸在营口 我这边比他那边冷吗", None, ("大连", None)),
    ("我和同学一个在南宁一个在柳州 哪边更热", None, ("南宁", None)),
])
def test_45th_48th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a lunar festival's name inside a longer Chinese-numeral date of a named year is no festival (二月二 of
    # 二月二十九日): 2027 has no 29 February, so no day at all
    ("二〇二七年二月二十九日 上海", None, ("上海", None)),
    # a web address names no city or day while the question names a city; a city only in the address is read
    ("刚看了 www.weather.com.cn/guilin/ 柳州明天会下雨吗", None, ("柳州", None)),
    ("https://tianqi.example.cn/2027/0701/a.html 里说宁德有台风", None, ("宁德", None)),
    ("打开 www.tianqi.com/nanchang/ 看看", None, ("nanchang", None)),
    # a stay of N days, then 后天 (no 三天后 read across the space)
    ("在桂林玩四天 后天走 桂林热吗", "2026-07-01", ("桂林", "2026-07-03")),
    # a plan moved by 顺延 or 推迟, its old day written after with 原本
    ("演唱会顺延两天 原定6月6日 在佛山", None, ("佛山", "06-08")),
    ("校运会推迟一周 原本10月9号 在宜昌", None, ("宜昌", "10-16")),
    # the eve or the day after a written day, its clause going to the city asked
    ("开学是9月1号 前一天送孩子去襄阳 天气咋样", None, ("襄阳", "08-31")),
    ("手术定在3月3号 翌日去株洲复查 冷吗", None, ("株洲", "03-04")),
    ("开学报到 9月2号 头一天去咸宁 天气", None, ("咸宁", "09-01")),
    # a trip's days numbered from today, one asked by 明天: no count from a written day
    ("自驾今天第3天 明天第4天从西宁开到格尔木 路上冷不冷", "2026-08-01", ("格尔木", "2026-08-02")),
    # a one-day festival's 第二天 is the day after; a holiday's own days as before
    ("情人节第二天 成都冷吗", None, ("成都", "02-15")), ("国庆第二天 成都冷吗", None, ("成都", "10-02")),
    # the capitals of chat English
    ("TOKYO XMAS RAIN?", None, ("TOKYO", "12-25")),
    # corrections and cities given up: 诶不是, 查A不查B, 不想去A了…那B呢, A不去 B去
    ("大连 诶不是 锦州 明天风大吗", None, ("锦州", None)),
    ("算了 查洛阳不查郑州了", None, ("洛阳", None)),
    ("不想去三亚了 太晒 那北海呢", None, ("北海", None)),
    ("无锡不去 常州去 周六冷吗", None, ("常州", None)),
    # the speaker's side typed 我这在
    ("我这在南通刮大风 我妈在盐城 她那边呢", None, ("盐城", None)),
    # words that hold a city's name: an old phone, guests asked to sit, porcelain, a hotpot eaten elsewhere; not
    # 长沙发布 (Changsha issues a warning) nor the hotpot festival of 重庆
    ("一个旧电脑放后备箱 中午会不会太热", None, (None, None)),
    ("在西宁吃重庆火锅 明天降温吗", None, ("西宁", None)),
    ("长沙发布高温预警", None, ("长沙", None)), ("重庆火锅节那周热吗", None, ("重庆", None)),
    # a month's ordinal weekday in a named year
    ("2027年6月的第二个周日 扬州天气", None, ("扬州", "2027-06-13")),
])
def test_61st_68th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a short form cued by Cantonese day words, another festival or 到底 right after it
    ("中山听日会唔会好热", None, ("中山", None)), ("中山到底冷不冷", None, ("中山", None)),
    ("大同 平安夜 冷吗", None, ("大同", "12-24")),
    # every city named left out (除了A和B, 排除A): none; a city after the left-out one is asked
    ("除了广州和深圳 广东哪里凉快", None, (None, None)), ("排除成都 四川哪里国庆不下雨", None, (None, "10-01")),
    ("除了广州 深圳明天热吗", None, ("深圳", None)),
    # the city a weather app jumps to is not the one asked
    ("定位又跳到东莞了 我在惠州", None, ("惠州", None)),
    # a price per litre is no date
    ("柴油6.9一升 这周末开车出去 天气咋样", None, (None, None)),
    # the return's day written with 回 alone, asked by 回来那天
    ("3月2号去南宁 3月7号回 回来那天南宁下雨吗", None, ("南宁", "03-07")),
    # a year written apart with a comma before the month and day
    ("开业定在 2027 ，3月18号，温州", None, ("温州", "2027-03-18")),
    # a stop's own day asked by X那天 after the stop: the day written before the stop, relative days too
    ("下周二到银川 下周四到沙坡头 银川那天风大吗", "2026-08-09", ("银川", "2026-08-11")),
])
def test_69th_76th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # wknd alone before Chinese, as weekend; a Christmas market is no day; a poem line naming 姑苏 asks nothing of it
    ("wknd 去无锡 会下雨吗", "2026-06-17", ("无锡", "2026-06-20")), ("德国圣诞市场 冷不冷", None, (None, None)),
    ("姑苏城外 月落乌啼 今晚有霜吗", None, (None, None)),
    # a short form cued by 回南天 or 那天
    ("中山 回南天 几时停", None, ("中山", None)),
    # words that hold a city's name: too hasty (太仓促), safe and sound (平安顺利)
    ("太仓促了 周六就走 会下雨吗", None, (None, None)), ("祝一路平安顺利 到了报个平安", None, (None, None)),
])
def test_77th_84th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # return and departure days labelled without a colon (回程10月6号) or with 回：/去：, asked by 回程那天/回的那天/
    # 去的那天
    ("去程5月2号 回程5月6号 青岛 回程那天下雨吗", None, ("青岛", "05-06")),
    ("去：7月8日 回：7月12日 目的地 大连 回的那天大连热吗", None, ("大连", "07-12")),
    # China's holidays named in English
    ("Labour Day trip to Xiamen, will it rain?", None, ("Xiamen", "05-01")),
    ("Teachers' Day picnic in Qingdao, sunny?", None, ("Qingdao", "09-10")),
    # what was asked before (刚问的是) gives way to what is asked now
    ("刚问的是9月1号 我想问的是9月3号 南宁", None, ("南宁", "09-03")),
    # a city given up by 就算了, changed by 改去; a slip of the finger (手滑了); 不是 after an ellipsis corrects
    ("杭州就算了 人太多 改去绍兴", None, ("绍兴", None)), ("查下宜宾 啊 手滑了 是宜春", None, ("宜春", None)),
    ("大连。。不是 丹东 周五冷吗", None, ("丹东", None)),
])
def test_85th_92nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # English day words: this afternoon / this morning (today), a week from today (+7); wknd alone anywhere
    ("Nanjing rain this afternoon?", "2026-06-10", ("Nanjing", "2026-06-10")),
    ("snow in Harbin a week from today?", "2026-06-10", ("Harbin", "2026-06-17")),
    ("wknd 厦门", "2026-06-10", ("厦门", "2026-06-13")),
    # a city corrected by 啊不对 to a place that is no city: none; 亚运城 holds no 运城
    ("苏州天气 啊不对 是同里", None, (None, None)), ("亚运城 游泳馆 周末 热吗", None, (None, None)),
    # the only city given up, nothing else asked: none; not where someone else goes, a road out, or a plan only if
    ("计划有变，不去桂林了", None, (None, None)), ("柳州那个不用查了 谢谢", None, (None, None)),
    ("我不去桂林 是我同事去 他问那边热不热", None, ("桂林", None)), ("雪太大 车回不去 大同", None, ("大同", None)),
    ("要是下雨 我就不去桂林了", None, ("桂林", None)),
])
def test_93rd_100th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 下个礼拜周末 is 下周末 (the week written with 礼拜/星期 before 周末); 这个星期周末 stays this week's
    ("下个礼拜周末 常州 露营行吗", "2026-06-10", ("常州", "2026-06-20")),
    ("这个星期周末 嘉兴 热吗", "2026-06-10", ("嘉兴", "2026-06-13")),
    # Cantonese 大后日/后日 cue a short form; an ellipsis before a dotted day is no decimal point
    ("中山大後日會唔會落雨", "2026-06-10", ("中山", "2026-06-13")), ("温州…9.3…有台风吗", None, ("温州", "09-03")),
    # corrections: 啊不 是 to a city or to a place that is no city; sorry before a region; 不對 before a Latin city
    ("宁波天气 啊不 是舟山", None, ("舟山", None)), ("宁波明天 啊不 是溪口", None, (None, None)),
    ("揭阳天气 sorry 潮汕 周末冷吗", None, (None, None)),
    ("Tainan 不對 Taichung 明天會下雨嗎", "2026-06-10", ("Taichung", "2026-06-11")),
    # a trip through cities whose next stop is a place that is no city, asked again there: none; to a city: that city
    ("西宁到张掖再到七彩丹霞 七彩丹霞热吗", None, (None, None)),
    ("兰州飞敦煌 再到阿克塞县 阿克塞冷吗", None, (None, None)),
    ("北京到上海再到杭州 杭州冷吗", None, ("杭州", None)),
    # a change of planes at the only city, a place after it: that place (no city)
    ("去新加坡转机 再到巴厘岛 周五那边下雨吗", None, (None, None)),
    # the speaker's own side asked where they are, in Latin letters; the other's side is the other's city
    ("我在 Auckland 我爸在厦门 我这边周六下雨吗", None, ("Auckland", None)),
    ("我在 Auckland 我爸在厦门 他那边冷吗", None, ("厦门", None)),
])
def test_101st_108th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # English day words in capitals; a choice of two cities with question marks or quotes around them: the first
    ("TOMORROW IN XIAMEN WEATHER", "2026-06-10", ("XIAMEN", "2026-06-11")),
    ("SUZHOU THE DAY AFTER TOMORROW", "2026-06-10", ("SUZHOU", "2026-06-12")),
    ("深圳？还是东莞？凉快", None, ("深圳", None)), ("「苏州」还是「无锡」凉快？", None, ("苏州", None)),
    # a festival's eve (前一晚, 前夜; 万圣节前夜 is Halloween itself); a written day's neighbour (的后一天, 的前两天)
    ("端午前一晚 嘉兴", "2026-03-01", ("嘉兴", "2026-06-18")),
    ("元旦前夜 哈尔滨", None, ("哈尔滨", "12-31")),
    ("万圣节前夜 上海迪士尼", None, ("上海", "10-31")),
    ("7月31号的后一天 青岛 天气", None, ("青岛", "08-01")), ("5月1号的前两天 济南", None, ("济南", "04-29")),
    # countdowns in weeks, with spaces, in English
    ("离开学还有两周 那时候 武汉热不热", "2026-08-10", ("武汉", "2026-08-24")),
    ("距离考试还有 5 天 到时候 南京 下雨吗", "2026-06-10", ("南京", "2026-06-15")),
    ("4 days to go Paris 到时候天气", "2026-06-10", ("Paris", "2026-06-14")),
    # 说错 without 了 corrects the day; except before the only (Latin) city leaves it out
    ("佛山下周三冷吗 呃 说错 下周四", "2026-06-10", ("佛山", "2026-06-18")),
    ("except Beijing, which city in China is coldest on Jan 1", None, (None, "01-01")),
    # a plan's day moved by 拖, or the event of a written day moved (那场顺延一天)
    ("婚礼往后拖了两个礼拜 本来5月2号 成都那时候热吗", None, ("成都", "05-16")),
    ("音乐节6月6号那场顺延一天了 长沙那天下雨吗", None, ("长沙", "06-07")),
    # 马赛马拉 holds no 马赛; the speaker's city (坐标, 楼主在…) and a trip from it to a place that is no city: none
    ("马赛马拉 8月 天气", None, (None, None)), ("坐标杭州 周末想去乌镇 天气怎么样", None, (None, None)),
    # the trip's place written before the city it sets off from: none; a city after 出发 去: that city
    ("环洱海骑行 大理出发 下雨吗", None, (None, None)),
    ("去莫干山露营 湖州出发 周六冷吗", "2026-06-10", (None, "2026-06-13")),
    ("杭州出发 去上海 上海冷吗", None, ("上海", None)),
    # the only city's next stop, a place that is no city, asked again: none (a city asked again: that city)
    ("先到西宁 然后直接去茶卡盐湖 茶卡冷吗", None, (None, None)),
    ("先到兰州 然后直接去敦煌 敦煌热吗", None, ("敦煌", None)),
    # 在X呢 first, then another city asked: where the speaker is, the other is asked
    ("在上海呢 苏州明天下雨吗", "2026-06-10", ("苏州", "2026-06-11")),
    # a year written apart by a space before a month's n-th weekday
    ("2027 3月第二个周日 广州马拉松 天气", None, ("广州", "2027-03-14")),
])
def test_109th_116th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 520 as a day before 去领证 or a spaced 那天 (not 520元)
    ("打算520去领证 杭州那天天气好吗", None, ("杭州", "05-20")),
    ("提车 520 那天 下雨吗 佛山", None, ("佛山", "05-20")),
    ("买了520元的东西 杭州", None, ("杭州", None)),
    # 不对 right before a city corrects to it; an event of a written day moved (的比赛推迟两天); in a week (+7)
    ("南宁这周日冷吗 不对 柳州", None, ("柳州", None)), ("6月1号的比赛推迟两天 贵阳", None, ("贵阳", "06-03")),
    ("in a week 大阪天气", "2026-11-02", ("大阪", "2026-11-09")),
    # the only city given up (我就不去了, 就不考虑了, 行程取消了): none
    ("行吧 那张家界我就不去了", None, (None, None)),
    ("三亚就不考虑了 海南别的地方 五一哪儿凉快", None, (None, "05-01")),
    ("大阪行程取消了 哎", None, (None, None)),
    # 我这边 where the speaker works, written first
    ("在宁波上班 老家台州 我这边明天下雨吗", None, ("宁波", None)),
    # a trip written with dashes whose last stop, no city, is asked again: none (a city asked again: that city)
    ("成都-康定-理塘 下周走 理塘冷吗", None, (None, None)),
    ("西宁-茶卡-格尔木 下周走 格尔木冷吗", None, ("格尔木", None)),
    # 苏州河 holds no 苏州, 竹海 is no 珠海 typed by sound
    ("苏州河 夜跑 6月9号 下雨吗", None, (None, "06-09")), ("安吉明天下雨吗 想去竹海", None, (None, None)),
])
def test_117th_124th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a short form listed right before a city (和, 或者): asked together, the first (not 世界大同)
    ("大同和太原 4月2号 哪个冷", None, ("大同", "04-02")), ("中山或者珠海 哪个热", None, ("中山", None)),
    ("世界大同和太原", None, ("太原", None)),
    # 搞错了 我想问X, 啊错了 <a county>: corrections
    ("保定天气 搞错了 我想问廊坊", None, ("廊坊", None)), ("惠州的天气 啊错了 惠东", None, (None, None)),
    # a lunar festival's 第二天; Wu 迭个礼拜六; today written in Cantonese (今日係…號)
    ("元宵节第二天回杭州 冷不冷", "2026-02-20", ("杭州", "2026-03-04")),
    ("苏州迭个礼拜六热伐", "2026-09-15", ("苏州", "2026-09-19")),
    ("今日係8月15號 明天深圳会下雨吗", None, ("深圳", "08-16")),
    # one city, a past day's weather stated beside it, a later day asked: the later (not an itinerary's stops)
    ("2月3号沈阳零下25度 2月10号会不会更冷", None, ("沈阳", "02-10")),
    ("7月1号南昌高温39度 7月8号降温了吗", None, ("南昌", "07-08")),
    ("5月2号到黄山，5月4号回来，那边天气咋样", None, ("黄山", "05-02")),
])
def test_125th_132nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # one city, a past day's weather stated (零下, 沙尘暴), a later day asked (by 呢 too): the later
    ("1月3号呼伦贝尔零下38度 1月10号呢", None, ("呼伦贝尔", "01-10")),
    ("3月2号北京沙尘暴 3月6号能散吗", None, ("北京", "03-06")),
    # a move with a comma before 原本; 更正一下; a festival's shift written apart; today's in English
    ("运动会延后一周，原本是5月8号，宁波会下雨吗", None, ("宁波", "05-15")),
    ("8月6号 更正一下 是8月9号 考完去泸州", None, ("泸州", "08-09")), ("元旦 前一天 大连", None, ("大连", "12-31")),
    ("today's dec 24, tmr Sydney hot?", None, ("Sydney", "12-25")),
    # day words typed wrong (园旦, 名早, 情人结; not 公园旦…); 贵平台 holds no 贵平
    ("园旦去长春冷吗", None, ("长春", "01-01")), ("名早杭州有雾吗", "2026-03-18", ("杭州", "2026-03-19")),
    ("情人结南京下雨吗", None, ("南京", "02-14")), ("请问贵平台能查未来一周天气吗", None, (None, None)),
])
def test_133rd_140th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a countdown in 俩礼拜/俩星期; 考试下周三, 面试下周二 (the 试 of a noun, not 测试下 or 查下)
    ("还剩俩星期 到时候厦门热不热", "2026-07-01", ("厦门", "2026-07-15")),
    ("期末考试下周四 长春冷吗", "2026-12-07", ("长春", "2026-12-17")),
    ("面试下周二 合肥会下雨吗", "2026-12-07", ("合肥", "2026-12-15")),
    ("测试下周二 合肥会下雨吗", "2026-12-07", ("合肥", "2026-12-08")),
    # New Years Eve without the apostrophe; 改签成功：原 X 改为 Y (the day it is changed to)
    ("new years eve tokyo snow?", None, ("tokyo", "12-31")),
    ("改签成功：原 2月3日 改为 2月4日 到西安那天冷吗", None, ("西安", "02-04")),
    # a diary's heading is today written out: 明天 counts from it (with the reference day's year when it is that day);
    # a festival that is the heading's day keeps the heading's year
    ("4月9日 阴 今天在 苏州 开会 明天 还要 去园区 会下雨吗", None, ("苏州", "04-10")),
    ("7月20日 星期一 晴 在绍兴出差 明天热吗", "2026-07-20", ("绍兴", "2026-07-21")),
    ("2026年5月4日 星期一 多云 今天是青年节 去爬山了", None, (None, "2026-05-04")),
    # corrected to a city read only with 市 typed short; not where the city was said first and the other denied
    ("帮我查珠海 呃不对 是中山 后天", None, ("中山", None)), ("江门，改成石狮", None, ("石狮", None)),
    ("是江门 不是中山 周五冷吗", None, ("江门", None)), ("珠海 不对 是中山路 明天", None, ("珠海", None)),
    # travelled to a city read only with 市 typed short, a cue after it; not the first city's own district
    ("忻州到大同 明天有雾吗", None, ("大同", None)), ("江门去中山 3.8 下雨吗", None, ("中山", "03-08")),
    ("北京去朝阳 明天下雨吗", None, ("北京", None)),
    # home asked as such (老家那边) after both cities, home named by its city; not where the other city is asked
    ("老家衡阳 现在在株洲打工 老家那边冷吗", None, ("衡阳", None)),
    ("我老家是宜宾的 在成都上班 问下老家那边明天下雨不", None, ("宜宾", None)),
    ("老家衡阳 在株洲打工 株洲明天冷吗", None, ("株洲", None)),
    # one class of slip verbs for every correction: 看错了 before a place that is no city, as 打错了
    ("南京 看错了 是中山陵", None, (None, None)),
])
def test_141st_148th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # countdowns by 倒数 or in months (the month's last day where it is shorter)
    ("离开学倒数 5 天 到时候 长沙 下雨吗", "2026-08-27", ("长沙", "2026-09-01")),
    ("还有一个月 到时候 哈尔滨 多冷", "2027-01-31", ("哈尔滨", "2027-02-28")),
    # the day asked yesterday given up for the one asked now; the return asked by its leg (回程天气)
    ("昨天问的是9月2号 现在想问9月3号 那天呢", None, (None, "09-03")),
    ("去程 2026年10月1日 回程日 2026年10月6日 回程天气 昆明", None, ("昆明", "2026-10-06")),
    # 月底了: the time of the month said, no day (月底去… is one)
    ("都月底了 这几天 海口 还热吗", "2026-06-28", ("海口", None)),
    ("月底去海口 热吗", "2026-06-20", ("海口", "2026-06-30")),
    # two cities compared by Cantonese 邊度 after a day word: the first; a lake named after a city is no city
    ("深圳 廣州 聽日邊度熱啲", None, ("深圳", None)), ("日内瓦湖 周末 冷吗", None, (None, None)),
    # a trip out and back written day by day, neither day asked as such: its first; the return when asked so;
    # 出发 alone after a day still gives it up for the arrival's
    ("9月3号出发9月7号回来 要带厚衣服吗 西宁", None, ("西宁", "09-03")),
    ("下周二走 下周六回 敦煌 热不热", "2026-07-01", ("敦煌", "2026-07-07")),
    ("9月3号出发 9月7号回来 回来那天 西宁冷吗", None, ("西宁", "09-07")),
    ("9月3号出发 9月5号到西宁 西宁冷吗", None, ("西宁", "09-05")),
])
def test_149th_156th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected



@pytest.mark.parametrize("question, today, expected", [
    # two cities typed apart, then a festival, a week's day with 个 or 都, or a comparison (温差): asked together
    ("杭州 宁波 国庆那天 下雨吗", None, ("杭州", "10-01")),
    ("大阪 神户 下个礼拜天 天气", "2027-03-01", ("大阪", "2027-03-14")),
    ("襄阳 十堰 周日都要去 冷不冷", None, ("襄阳", None)), ("长春 吉林市 温差大吗", None, ("长春", None)),
    ("公司在苏州 家在无锡 两头跑 明天哪边下雨", None, ("苏州", None)),
    # no 北平 in a plain; a change of planes written 中转; the speaker's side in Cantonese; 我在 typed apart
    ("东北平原 下周 冷吗", None, (None, None)), ("在广州中转 最后到巴厘岛 周五天气", None, (None, None)),
    ("我喺深圳 阿妈喺佛山 我呢邊聽日熱唔熱", None, ("深圳", None)),
    ("我在 镇江 我妈在 扬州 我这边冷吗", None, ("镇江", None)),
    # the city said first, the other denied after it
    ("我查的是 吉林市 不是吉林省 后天", None, ("吉林市", None)),
    # 过完元旦/过了春节: the time after it, vague; 耶誕節, 万圣夜; N days left … 那天
    ("过完元旦 长沙还冷吗", None, ("长沙", None)), ("台中 耶誕節 會下雨嗎", None, ("台中", "12-25")),
    ("万圣夜 广州 冷吗", None, ("广州", "10-31")),
    ("3 days left 去首尔 那天冷吗", "2026-12-20", ("首尔", "2026-12-23")),
])
def test_157th_164th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a trip out and back, however it is written (出发去X … 回, 到X … 回, 6/15出发6/22返): its first day; a departure
    # written with where it sets off from, asked so (从北京出发 … 出发那天)
    ("2027.3.8 出发去桂林 2027.3.12 回 桂林那几天下雨吗", None, ("桂林", "2027-03-08")),
    ("周六到厦门 周一回 厦门天气", "2026-11-26", ("厦门", "2026-11-28")),
    ("7/1出发7/5返 目的地是大理", None, ("大理", "07-01")),
    ("4月2号从上海出发 4月6号回 出发那天上海天气", None, ("上海", "04-02")),
    # countdown N days … 到时候; a year written before an event's name, then its day
    ("countdown 4 days 到时候高雄下雨吗", "2026-02-10", ("高雄", "2026-02-14")),
    ("公告：2027苏州马拉松将于3月21日开跑 那天苏州冷吗", None, ("苏州", "2027-03-21")),
    # a city asked by the way (顺便看看…) after the one asked
    ("我在杭州上班，爸妈在南京，帮我看看南京这几天的天气吧，顺便看看杭州的", None, ("南京", None)),
    ("帮我查查成都明天的天气，顺便看看重庆的", None, ("成都", None)),
])
def test_165th_172nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # N weeks to go … 到时候; a count of days typed apart (3 天后); a trip out and back by air (飞 … 回)
    ("3 weeks to go 到时候 大阪 冷吗", "2027-11-11", ("大阪", "2027-12-02")),
    ("杭州 5 天后 冷不冷", "2027-03-31", ("杭州", "2027-04-05")),
    ("周二飞昆明 周四回 昆明那两天热吗", "2027-03-29", ("昆明", "2027-03-30")),
    # a correction said twice, then what is asked (我要查的是 a place that is no city)
    ("宜昌 不对不对 我要查的是神农架", None, (None, None)),
])
def test_173rd_180th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # questions chained, the city after them: the first (but 那X呢 moves on)
    ("5月3号热不热 5月4号呢 长沙", None, ("长沙", "05-03")),
    ("周六热不热 那周日呢 长沙", "2026-06-15", ("长沙", "2026-06-21")),
    # hours written with a dash (9-10点) are no day; a dash date alone still is
    ("快递说后天9-10点到 西安会下雪吗", "2026-01-05", ("西安", "2026-01-07")),
    ("昆明 5-6 天气", None, ("昆明", "05-06")),
    # Gan/Xiang 下只礼拜X (next week's); a countdown with 只剩; a trip's 第N天 asked by its 天气 alone (not 头一天
    # of a range written out)
    ("下只礼拜三 萍乡落雨冇", "2026-06-15", ("萍乡", "2026-06-24")),
    ("只剩两天就出发了 首尔那时候冷吗", "2027-01-10", ("首尔", "2027-01-12")),
    ("3月1号到大理 住4天 第2天天气", None, ("大理", "03-02")),
    ("2026年5月1日到5月3日去青岛 头一天天气", None, ("青岛", "2026-05-01")),
    # 那 + 曲靖, not 那曲; 那曲 alone stays
    ("我刚问的是玉溪 那曲靖呢", None, ("曲靖", None)),
    ("那曲明天冷吗", "2026-01-01", ("那曲", "2026-01-02")),
    # one of two cities named again after 两头/两地 is asked; cities apart by spaces then 都, a comparison or a third
    # city are asked together (a short form first among them too)
    ("每周广州佛山两头跑 后天佛山会下雨吗", "2026-07-22", ("佛山", "2026-07-24")),
    ("南京 合肥 都 降温了吗", None, ("南京", None)),
    ("安康 汉中 宝鸡 下雨了吗", None, ("安康", None)),
    ("中山 江门 哪个暖和", None, ("中山", None)),
    # a short form travelled to for a stay; not a street
    ("去中山开会 明天冷不冷", "2026-03-02", ("中山", "2026-03-03")),
    ("去中山路 买东西 会下雨吗", None, (None, None)),
    # a city of the world written with 市, copied so (市区 is the city's centre)
    ("大阪市 周六 会下雨吗", "2027-12-16", ("大阪市", "2027-12-18")),
    ("大阪市区 明天 会下雨吗", "2027-12-16", ("大阪", "2027-12-17")),
    # a trip's stays before the asked stop, the day set off written after them in traditional characters
    ("首爾2天→釜山3天，1/5出發，釜山那幾天天氣", None, ("釜山", "01-07")),
    # a Western festival in pinyin; a flight from a city to an island (typed apart), not to a city
    ("shanghai pinganye leng ma", None, ("shanghai", "12-24")),
    ("上海 飞 巴厘岛 3月8号", None, (None, "03-08")),
    ("上海 飞 厦门 3月8号", None, ("厦门", "03-08")),
])
def test_181st_188th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a statement about a day, then another day with 呢: the follow-up's day (fragments alone chain: the first)
    ("6月5号南昌有雨 6月6号呢", None, ("南昌", "06-06")),
    ("南昌6月5号 6月6号呢", None, ("南昌", "06-05")),
    # 路演 is no road; a slip owned (啊说错了) or 应该是 before a place that is no city; 另外 a second request
    ("下周二去成都路演 冷不冷", "2027-11-30", ("成都", "2027-12-07")),
    ("查一下杭州 啊说错了 西湖那边", None, (None, None)),
    ("丽江 应该是玉龙雪山", None, (None, None)),
    ("帮我查下苏州天气 另外昆山会降温吗", None, ("苏州", None)),
    # 返程当天; the stops' stays written one after the other; a short form travelled to after 再去
    ("6月1号飞厦门，6月4号返程，返程当天厦门下雨吗", None, ("厦门", "06-04")),
    ("8月1号出发 云南六日 昆明2天 大理4天 大理那几天冷吗", None, ("大理", "08-03")),
    ("先去江门再去中山 中山周六热不热", "2027-05-31", ("中山", "2027-06-05")),
    # the other side asked after the speaker's own (那边呢)
    ("我在贵阳 后天飞去三亚 我这边下雨 那边呢", None, ("三亚", None)),
    # 千岛湖 right after a date is no thousands; a trip to an island the lists lack, around a lake (环), or to the
    # island a city of the world is named after: no city
    ("原定5.1 现在5.8 千岛湖天气", None, (None, "05-08")),
    ("舟山去东极岛的船 6.3 开吗", None, (None, "06-03")),
    ("从大理出发环洱海 5月2号 天气", None, (None, "05-02")),
    ("去桑给巴尔岛 潜水 7月1号", None, (None, "07-01")),
    # Taiwan's cities in Wade-Giles; a day of the month and 下个月 in pinyin
    ("hsinchu 明天 風大嗎", "2026-01-05", ("hsinchu", "2026-01-06")),
    ("hangzhou 20 hao xia yu ma", "2026-03-10", ("hangzhou", "2026-03-20")),
    ("shanghai xia ge yue 3 hao", "2026-03-10", ("shanghai", "2026-04-03")),
    # a pasted plan of labelled stops, nothing asked: the first (its day by its label); a stop asked by its label
    ("D1 杭州 D2 苏州 D3 南京", None, ("杭州", None)),
    ("周五：无锡 周六：常州", "2027-05-31", ("无锡", "2027-06-04")),
    ("D1 杭州 D2 苏州 第二天天气", None, ("苏州", None)),
])
def test_189th_196th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a stop's day after a dash in a plan; a stop asked by its label; dated stops with nothing asked (the first), but
    # the last asked as such
    ("行程：3.1成都-3.3重庆-3.5贵阳，请问贵阳那几天冷吗", None, ("贵阳", "03-05")),
    ("第一站杭州 第二站绍兴 第三站宁波 第二站天气", None, ("绍兴", None)),
    ("5.1南京 5.3扬州 5.5镇江 帮看下天气", None, ("南京", "05-01")),
    ("6月8日广州 6月10日佛山 6月12日珠海 最后那站天气", None, ("珠海", "06-12")),
    # moved only if it rains (下雨的话延到); home asked as 老家 with a weather word
    ("运动会定在5月6号 下雨的话延到5月7号 宁波会下雨吗", None, ("宁波", "05-06")),
    ("我老家黑河的 现在在哈尔滨 老家冷吗", None, ("黑河", None)),
    # Macau in pinyin; Xiang 后日子
    ("aomen 3 yue 8 hao", None, ("aomen", "03-08")),
    ("衡阳 后日子 落雨啵", "2026-03-02", ("衡阳", "2026-03-04")),
])
def test_197th_204th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # today's weather stated, then tomorrow asked with a dialect's question particle (Xiang 啵, Wu 阿会)
    ("湘潭今天热得要死 明天会凉快点啵", "2027-07-03", ("湘潭", "2027-07-04")),
    ("无锡今朝老冷个 明朝阿会暖和点", "2026-01-15", ("无锡", "2026-01-16")),
    # 出發那天 (traditional); N days left … then; a written day moved by 又推迟, 因故推迟
    ("5/3出發 5/6回 台中 出發那天", None, ("台中", "05-03")),
    ("7 days left before my trip to Tokyo, weather then?", "2027-11-12", ("Tokyo", "2027-11-19")),
    ("婚礼定在2027年5月2号 又推迟了三天 温州冷吗", None, ("温州", "2027-05-05")),
    ("运动会 10月12号 因故推迟两天 郑州天气", None, ("郑州", "10-14")),
    # a form's 目的地 (not 出发日期 as a set-off); a change of trains (换乘) to a place that is no city
    ("报销单：出发地 上海 目的地 兰州 出发日期 2026-10-20", None, ("兰州", "2026-10-20")),
    ("杭州东站换乘去千岛湖 明天下雨吗", "2026-06-10", (None, "2026-06-11")),
    # 新城市 is a new city, no city typed by sound; the only city denied for a place that is no city
    ("搬到新城市 冬天好冷", None, (None, None)),
    ("纠正一下 不是大阪 是北海道", None, (None, None)),
    ("不是大阪 是京都", None, ("京都", None)),
])
def test_205th_212th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # the capitals GeoNames gives no Chinese name, by CLDR's (make_world_cities.py)
    ("卢萨卡 下周二 热吗", "2026-09-01", ("卢萨卡", "2026-09-08")),
    ("加拉加斯 8.3 下雨吗", None, ("加拉加斯", "08-03")),
    # a city typed with a look-alike character (datasets/look_alikes.tsv)
    ("夭津周六下雪吗", "2026-12-01", ("夭津", "2026-12-05")),
    ("责阳 3月2号 天气", None, ("责阳", "03-02")),
    # a self-drive from the only city to a place that is no city; the day after the city is the next leg's
    ("南京自驾去千岛湖 周末天气", None, (None, None)),
    ("后天到桂林 大后天去阳朔 阳朔大后天下雨吗", "2026-06-10", (None, "2026-06-13")),
    # a slip (哦不 我要看的是, 更正一下) to a place that is no city, or to a city
    ("看下上海 哦不 我要看的是崇明岛", None, (None, None)),
    ("成都 更正一下 是双流区", None, (None, None)),
    ("杭州 更正一下 是苏州", None, ("苏州", None)),
    # the other side named right after 你那边呢
    ("我这边南京在下雨 你那边呢 合肥", None, ("合肥", None)),
    # out and back: the trip's destination (its first day), unless the way back is asked as such
    ("8月3号去青岛 8月6号回济南 要带伞吗", None, ("青岛", "08-03")),
    ("这周末去趟苏州再回上海 路上下雨吗", None, ("苏州", None)),
    ("去青岛 回济南那天下雨吗", None, ("济南", None)),
    # a follow-up to a county without 那 after a question: questions chained, the first asked
    ("丽江这周末冷吗 玉龙呢", None, ("丽江", None)),
    # a written date with its year, corrected to a month and day: the year carries
    ("2027年4月3号 不对 4月4号 洛阳", None, ("洛阳", "2027-04-04")),
    ("2026年9月9号 抱歉是9月10号 长沙", None, ("长沙", "2026-09-10")),
])
def test_213th_228th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # White Day is no Valentine's Day; classical 今宵 is today; a month's last weekend of a named year (its Saturday)
    ("白色情人节 约会 宁波冷吗", None, ("宁波", "03-14")),
    ("情人节 宁波冷吗", None, ("宁波", "02-14")),
    ("今宵金陵风寒否", "2027-01-05", ("金陵", "2027-01-05")),
    ("2027年1月的最后一个周末 长春冰雪节 冷吗", None, ("长春", "2027-01-30")),
    # a ferry over the strait to a county; a county asked right after 过了 on a drive from the only city
    ("北海过海到涠洲岛 明天风大吗", None, (None, None)),
    ("湛江过海到海口 明天", None, ("海口", None)),
    ("西宁出发 过了共和下雪没", None, (None, None)),
    # a county-level city glossed by its prefecture, spaced, with 的
    ("瑞安 温州的 周末天气", None, ("瑞安", None)),
])
def test_229th_236th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # the city said first with 是, the one after 不是 denied
    ("是苏州啊 不是徐州 你听错了", None, ("苏州", None)),
    ("不是锡林浩特 是无锡", None, ("无锡", None)),
    # a follow-up to a county without 那, after a question: questions chained, the first asked
    ("重庆热吗 武隆呢", None, ("重庆", None)),
    # a day moved only if it rains (下雨就改到): the plan's day is asked, a relative one too
    ("周六野餐 下雨就改周日 苏州 会下雨吗", "2027-05-05", ("苏州", "2027-05-08")),
    ("6月2号毕业典礼 下雨就改到6月3号 会下雨吗 扬州", None, ("扬州", "06-02")),
    # a boat from the only city to a place that is no city: the crossing's weather, no city; not to a city
    ("莆田到湄洲的船 明天停航吗", None, (None, None)),
    ("船票：珠海-桂山岛 周六 浪大吗", None, (None, None)),
    ("烟台到大连的船 大连明天风大吗", None, ("大连", None)),
])
def test_237th_244th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # cities typed with one character by shape (datasets/look_alikes.tsv: 宁/宇, 昌/冒, 庄/压, 齐/斉), copied as written
    ("宇波后天有台风吗", None, ("宇波", None)),
    ("南冒这周末热不热", None, ("南冒", None)),
    ("石家压明天有霾吗", None, ("石家压", None)),
    ("乌鲁木斉 明天 天气", None, ("乌鲁木斉", None)),
    ("宇宙明天会下雨吗", None, (None, None)),
    # the world's cities GeoNames names only in traditional characters, folded to simplified (make_world_cities.py);
    # the everyday words among them left out
    ("斋浦尔下周热吗", None, ("斋浦尔", None)),
    ("库斯科 7月 冷不冷", None, ("库斯科", None)),
    ("我孙子明天回上海", None, ("上海", None)),
    ("圣索菲亚教堂 哈尔滨 明天冷吗", None, ("哈尔滨", None)),
    # a plan's stop asked by its day: the day before 抵达; a day that runs into the next city is that city's; a day
    # in brackets after its stop; a leg's destination has the leg's day; a trip to a place that is no city
    ("6/1 抵达曼谷\n6/4 飞清迈\n6/7 回国\n曼谷那几天下雨吗", None, ("曼谷", "06-01")),
    ("周六去苏州周日回上海 苏州那边天气怎么样", "2027-05-05", ("苏州", "2027-05-08")),
    ("杭州住到5月3号 5月4号到苏州 5月6号南京 苏州那天热吗", None, ("苏州", "05-04")),
    ("上海(5.1)→苏州(5.3)→南京(5.5) 苏州那天冷吗", None, ("苏州", "05-03")),
    ("出差：4.8 北京→天津 4.10 天津→石家庄 天津那两天下雨吗", None, ("天津", "04-08")),
    ("周一到大同 周三到郑州 周五到平遥 平遥那天", "2027-05-05", (None, "2027-05-07")),
])
def test_245th_260th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # classical 明晨 is tomorrow morning (not inside 黎明晨跑)
    ("明晨杭城雨乎", "2027-03-02", ("杭城", "2027-03-03")),
    ("黎明晨跑 广州冷吗", None, ("广州", None)),
    # a named route or tour set off from the only city (租车 too): the trip's weather, no city
    ("318自驾 拉萨出发 冷吗", None, (None, None)),
    ("滇池环湖 昆明租车出发 周六", None, (None, None)),
    # 州 typed as 川 by shape, 汕/仙, 莆/甫, 鄂/鄠; a district is never a city typed wrong (达川 is 达州's)
    ("常川周末下雨吗", None, ("常川", None)),
    ("仙头明天有台风吗", None, ("仙头", None)),
    ("甫田后天下雨不", None, ("甫田", None)),
    ("鄠尔多斯风大吗", None, ("鄠尔多斯", None)),
    ("达川 今天 雨大不大", None, (None, None)),
    # classical names read, not drawn by the training mix (datasets/nicknames.tsv, "read only")
    ("汴京 明天冷不冷", None, ("汴京", None)),
    ("盛京下雪了吗", None, ("盛京", None)),
    # 阿不是: 啊不是 typed by pinyin, a speaker correcting themself
    ("苏州 阿不是 无锡 周六下雨吗", None, ("无锡", None)),
])
def test_261st_268th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


def test_read_only_nicknames_are_read_but_never_drawn():
    """The nicknames noted "read only" are cities to the rule but outside the training mix's draw."""
    from sft.cities import READ_ONLY, drawn_nicknames, load_nicknames
    from sft.datagen import generate
    from sft.train import FinetuneConfig

    read_only = set(load_nicknames()) - set(drawn_nicknames())
    assert read_only == {"汴京", "盛京", "燕京", "汴梁", "筑城", "洪都", "彭城", "渝州", "长安"}
    assert READ_ONLY == "read only"
    c = FinetuneConfig.from_profile("gpu")
    queries = [e.query for e in generate(n=3000, seed=c.seed, mix=c.mix, prompt=c.prompt, dates=c.dates,
                                         cities=c.cities)]
    assert any(n in q for q in queries for n in drawn_nicknames())  # the mix does draw nicknames
    assert not any(n in q for q in queries for n in read_only)


@pytest.mark.parametrize("question, today, expected", [
    # nicknames the 269th-276th batches wrote, read only (not drawn by the training mix)
    ("汴梁 周六 冷不冷", None, ("汴梁", None)),
    ("洪都 明天 会下雨吗", None, ("洪都", None)),
    ("筑城 下周 凉快吗", None, ("筑城", None)),
    # Cantonese 月尾 is 月底 (not 月尾巴)
    ("月尾 深圳 会唔会落雨", "2027-04-10", ("深圳", "2027-04-30")),
])
def test_269th_276th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a date before a word that starts like a unit: 折叠 (folding), 千山 (a mountain)
    ("大阪 7/12 折叠伞要带吗", None, ("大阪", "07-12")),
    ("辽阳 5.3 千山 爬山 天气", None, ("辽阳", "05-03")),
    ("6.5折 机票 杭州", None, ("杭州", None)),
    ("降雨量 4.5千米", None, (None, None)),
    # nxt weekend is next weekend
    ("nxt weekend 大阪 天气", "2027-03-03", ("大阪", "2027-03-13")),
    # characters typed by shape: 抗/杭, 合/台, 台/合, 部/都 (成都 reads 都 as du), 诲/海, 冶/治
    ("抗州周日下雨吗", None, ("抗州", None)),
    ("烟合明天有雾吗", None, ("烟合", None)),
    ("台肥下周冷不冷", None, ("台肥", None)),
    ("成部下雨了没", None, ("成部", None)),
    ("上诲 周六 热吗", None, ("上诲", None)),
    ("长冶 下雪没", None, ("长冶", None)),
    # a city typed by shape right after its province written whole
    ("江苏杨州 周末 下雨吗", None, ("杨州", None)),
    ("浙江台风什么时候来", None, (None, None)),
    # Minnan 今暗 (今晚)
    ("厦门 今暗 会落雨无", "2027-05-02", ("厦门", "2027-05-02")),
    # the city asked first, then denied: 不是A是B
    ("帮我看看常州天气 不是常州是郑州", None, ("郑州", None)),
    # a plain named after a city is no city (新区 is the city's new district)
    ("江汉平原 武汉 明天", None, ("武汉", None)),
    ("明天成都平原 大雾", None, (None, None)),
    # round 27's: 周一起飞 is Monday's take-off (一起 alone stays "together")
    ("北京 周一起飞 有雾吗", "2027-02-18", ("北京", "2027-02-22")),
    ("这周一起去爬山吗 杭州", "2027-02-18", ("杭州", None)),
    # an outbound and a return day, each labelled before it: the first
    ("去程3月8 回程3月15 长春冷不冷", None, ("长春", "03-08")),
    # a city typed by sound after 名天 (明天 typed by sound); 涂/滁 by shape
    ("名天兰洲冷吗", None, ("兰洲", None)),
    ("涂州 后天 下雨吗", None, ("涂州", None)),
    # Wu 搭 (and): two cities asked together, the first
    ("苏州搭无锡 啥地方落雨", None, ("苏州", None)),
    # a trip with an arrow from the only city to a place that is no city
    ("自驾成都→四姑娘山 周六", None, (None, None)),
    ("成都→重庆 周六", None, ("重庆", None)),
])
def test_277th_284th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # characters typed by shape: 亰/京, 舂/春, 戍/成, 被/波 (and 运/连, read where no everyday word stands)
    ("北亰后天下雪吗", None, ("北亰", None)),
    ("宜舂 周末 冷吗", None, ("宜舂", None)),
    ("戍都今天热不热", None, ("戍都", None)),
    ("宁被 下周 台风", None, ("宁被", None)),
    ("运云港 明天 风大吗", None, ("运云港", None)),
    # a city corrected to a place that is no city: 我要看的是X, and a slip owned after an ellipsis
    ("三亚天气 不对 我要看的是蜈支洲岛", None, (None, None)),
    ("湖州…sorry 是安吉", None, (None, None)),
    ("昆明天气 不对 我要看的是玉溪", None, ("玉溪", None)),
    # a ride by ferry or train from the only city to a place that is no city: the place is asked
    ("宁波坐轮渡去普陀山 周六 风大吗", None, (None, None)),
    ("成都转高铁去峨眉山 明天", None, (None, None)),
    ("杭州坐高铁去上海 明天", None, ("上海", None)),
])
def test_285th_292nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # questions chained with 呢 (no 那, no turn): the first city's clause asks, the first is answered
    ("深圳周五会打风吗 珠海呢", None, ("深圳", None)),
    ("三亚能下海吗 海口呢 儋州呢", None, ("三亚", None)),
    # not a reply after a question, nor a follow-up with 那 or 你们
    ("你那边冷吗\n我这边苏州还好。你们无锡呢", None, ("无锡", None)),
    ("杭州冷吗 那宁波呢", None, ("宁波", None)),
    # a correction after an ellipsis, and 要看的是 without 我
    ("清远天气…不对是英德", None, ("英德", None)),
    ("查西宁 搞错了 要看的是茶卡盐湖", None, (None, None)),
])
def test_293rd_300th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a festival or a solar term with 过后: a time after it, vague (as 以后, 之后)
    ("白露过后西安凉快了吗", "2026-08-20", ("西安", None)),
    ("元旦过后 沈阳还下雪吗", None, ("沈阳", None)),
    ("中秋后一天西安凉快吗", "2026-08-20", ("西安", "2026-09-26")),
    # 上元之夜 (元宵), 第三夭 (天 typed by shape), 原旦 (元旦 typed by sound), 星期天气温 (星期天 + 气温)
    ("上元夜 开封冷不冷", "2027-01-25", ("开封", "2027-02-20")),
    ("国庆第三夭 宁波天气", None, ("宁波", "10-03")),
    ("原旦 大理天气", None, ("大理", "01-01")),
    ("昆明星期天气温几度", "2027-05-20", ("昆明", "2027-05-23")),
    ("昆明这星期天气温度几度", "2027-05-20", ("昆明", None)),
    ("昆明星期天气怎么样", "2027-05-20", ("昆明", None)),
    # Cantonese 定 (or) between two cities: asked together, the first
    ("广州定佛山 听日边度凉啲", "2026-06-01", ("广州", "2026-06-02")),
    # a ride by speedboat from the only city to a place that is no city
    ("北海坐快艇去涠洲岛 明天 浪大吗", None, (None, None)),
    # a correction to a place with 其实是想问
    ("查下杭州……哦其实是想问千岛湖那边 明天", None, (None, None)),
    ("查下杭州 其实是想问湖州", None, ("湖州", None)),
    # cities typed by shape: 目/日 (日照), 出/山 (鞍山), 汲/波 (宁波), 贯/贵 (贵阳), each for that name only
    ("目照明天风大吗", None, ("目照", None)),
    ("鞍出天气", None, ("鞍出", None)),
    ("宁汲 周末", None, ("宁汲", None)),
    ("贯阳下雨没", None, ("贯阳", None)),
    ("从中出发 明天天气", None, (None, None)),
    # nights at a stop, then the next leg with 后去 (住两晚后去): the later stop's day counted on
    ("6月2号到厦门，住三晚后去泉州，泉州那天热吗", None, ("泉州", "06-05")),
    ("6月2号到厦门 三天后去泉州 泉州那天热吗", None, ("泉州", "06-02")),  # (a count, not a stay: as before)
    # the check-out day after the nights stayed (N号入住 住三晚 退房那天)
    ("8月3号入住 住两晚 退房那天 青岛下雨吗", None, ("青岛", "08-05")),
    ("入住8月3号 退房8月6号 退房那天 青岛下雨吗", None, ("青岛", "08-06")),
    # a plan moved to the next day (延误到第二天)
    ("原定5月2号飞西宁 航班延误到第二天 西宁冷吗", None, ("西宁", "05-03")),
])
def test_301st_308th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # an alert's issue time (气象台…10时发布) is no day asked; the day asked after it is
    ("【转发】宁波市气象台9月2日8时发布台风蓝色预警……后天还刮吗", "2026-09-02", ("宁波市", "2026-09-04")),
    # month words typed by sound or shape: 月抵 (月底), 八阅十号 (八月十号)
    ("月抵 岳阳 热吗", "2027-08-09", ("岳阳", "2027-08-31")),
    ("八阅十号 丹东 下雨吗", None, ("丹东", "08-10")),
    # Minnan 三工后 (三天后), Hakka 下只月 (下个月)
    ("泉州两工后会落雨无", "2026-04-27", ("泉州", "2026-04-29")),
    ("下只月5号去赣州 冷么", "2026-10-19", ("赣州", "2026-11-05")),
    ("加工后 北京明天", None, ("北京", None)),
    # a plan moved: the event of a day (那场比赛) and a flight's delay (延误)
    ("3月8号那场演出推迟两天 常州冷吗", None, ("常州", "03-10")),
    ("航班延误两天 原来2月1号到悉尼 到的时候热吗", None, ("悉尼", "02-03")),
    # 要问的是 without 我: the city asked
    ("常州，不对，我人在常州，要问的是镇江 5.20", None, ("镇江", "05-20")),
    # a day stated with an exclamation, then the next day asked
    ("今天好闷啊明天厦门会下雨吗", "2027-06-10", ("厦门", "2027-06-11")),
])
def test_309th_316th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a correction to a city read only with 市 typed short, after 我问的是 or 算了查 (the city said first given up)
    ("你说的是珠海，我问的是中山 周六", "2026-06-01", ("中山", "2026-06-06")),
    ("本来想查佛山的，算了查中山吧，后天", "2026-06-01", ("中山", "2026-06-03")),
    ("是太原 不是大同 明天冷吗", None, ("太原", None)),
    # a statement about a day just checked (刚查了), then another day asked
    ("刚查了宁波周五有大雨，那周六呢", "2026-06-01", ("宁波", "2026-06-06")),
    # a plan moved by days written 日 (延期三日) or 推了 (推了两天)
    ("会议原定于3月10日召开，现延期两日，届时杭州天气如何", None, ("杭州", "03-12")),
    ("本来4月2号出发，因为请不到假推了两天，苏州那天热吗", None, ("苏州", "04-04")),
    # Cantonese 冇 closing a question: the day asked after a day stated
    ("佛山今日好晒咯，听日凉啲冇", "2027-07-15", ("佛山", "2027-07-16")),
    # day words typed in pinyin, where the question has no day in characters
    ("chongqing ba yue er shi hao tianqi", None, ("chongqing", "08-20")),
    ("nanjing jin wan leng bu leng", "2026-03-03", ("nanjing", "2026-03-03")),
    ("Liuzhou weather", "2026-03-03", ("Liuzhou", None)),
    ("hey siri 明天成都下雨吗", "2026-10-10", ("成都", "2026-10-11")),  # siri: no 四日
    ("yiwu shi'er yue san hao", None, ("yiwu", "12-03")),
    # cities typed by shape, each for that name only (土/上, 悔/海, 丸/九, 埋/理, 莬/莞, 对/封, 阜/埠, 斗/头)
    ("土海下周一下雨吗", None, ("土海", None)),
    ("丸江 5月3号", None, ("丸江", "05-03")),
    ("蚌阜明天冷不冷", None, ("蚌阜", None)),
    ("汕斗 台风", None, ("汕斗", None)),
    ("空调开对了吗 明天北京热吗", "2026-09-09", ("北京", "2026-09-10")),
    # a typo after 看看 (帮我看看X)
    ("帮我看看杭洲明天天气", "2026-02-11", ("杭洲", "2026-02-12")),
    # Jeddah and Mecca, read as the world's other two-character names (with a date or a weather word after them)
    ("吉达 3月5号 热吗", None, ("吉达", "03-05")),
    # a time of the day between a trip's day and its verb: the stay's first day
    ("周五晚上飞海口 周一早上回来 海口天气怎么样", "2026-12-09", ("海口", "2026-12-11")),
    # the day finally chosen among several (最后定了)
    ("挑了两个日子 6.6 6.8 最后定了6.8 扬州那天热吗", None, ("扬州", "06-08")),
    # next week's weekend written with 个星期的 / 礼拜的
    ("下个礼拜的周末 通辽 冷吗", "2026-10-29", ("通辽", "2026-11-07")),
    # 霜降 with 今年: the solar term (a weather word alone)
    ("今年白露 保定", "2026-08-01", ("保定", "2026-09-07")),
    ("白露 保定", "2026-08-01", ("保定", None)),
    # X'mas, Xmas: Christmas
    ("X'mas 巴黎 冷吗", None, ("巴黎", "12-25")),
    # a ride from the only city to a place that is no city, the place named before or after it: no city
    ("去桂山岛 从珠海坐船 明天风大吗", "2026-03-02", (None, "2026-03-03")),
    ("宁波转机 目的地普陀山 周六下雨吗", "2026-03-02", (None, "2026-03-07")),
    ("北海坐船去涠洲岛 北海明天下雨吗", None, ("北海", None)),
    # Wu 搿个 (this) before a week's day
    ("宁波搿个礼拜六落雨伐", "2027-03-26", ("宁波", "2027-03-27")),
])
def test_317th_332nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # an itinerary's days numbered Day2/D3: the stop asked on its day, counted from the start day written
    ("行程 Day1 苏州 Day2 无锡 Day3 常州 出发是5月2号 常州那天下雨么", None, ("常州", "05-04")),
    ("D1 4月8号 昆明→D2 大理→D3 丽江 丽江那天冷吗", None, ("丽江", "04-10")),
    ("D2 天气 北京 3月5号", None, ("北京", "03-05")),
    ("自驾：D1 长沙-岳阳，D2 岳阳-武汉，D1是2月3号，岳阳那天阴天吗", None, ("岳阳", "02-03")),  # D1's stop
    ("Day1 周四 到青岛 Day2 周五 崂山 Day3 周六 返回 周五那天青岛会下雨吗", "2027-03-31", ("青岛", "2027-04-02")),
    ("D1 4/5 杭州到绍兴 D2 4/6 绍兴到宁波 D2宁波下雨吗", None, ("宁波", "04-06")),  # a plan that dates its days
    # two short forms of cities read only with 市 (or of the world's two-character names): the one written first,
    # whatever the hash seed (吉达 麦加 热吗)
    ("麦加 吉达 热吗", None, ("麦加", None)),
    # a plan's day moved, written 的 before the move, or moved earlier (往前挪)
    ("兰州那趟车 2月3号的 往后推了两天 那天冷不冷", None, ("兰州", "02-05")),
    ("出发日从5月10号往前挪了三天 承德天气咋样", None, ("承德", "05-07")),
    # where the speaker is (人在…, 我在老家…), then their own side asked
    ("人在南昌，我爸在九江，帮我看看我这儿明天下雨吗", "2027-01-25", ("南昌", "2027-01-26")),
    ("我在老家周口，孩子们在郑州，俺这边明天刮风不", "2027-01-28", ("周口", "2027-01-29")),
    # Wu 搭仔 (and) between two cities: the first; 明朝 (tomorrow) before a typo; 想知道 before a typo
    ("苏州搭仔无锡明朝啥地方热", None, ("苏州", None)),
    ("明朝苏洲落雨伐", "2026-03-19", ("苏洲", "2026-03-20")),
    ("想知道杭洲六月一号的天气", None, ("杭洲", "06-01")),
    # a correction with 其实想问 (no 是, after 等下)
    ("宁波的天气……等下，我其实想问舟山", None, ("舟山", None)),
    # classical 明岁 (next year); 星棋 (星期)
    ("明岁元旦，杭州晴耶雨耶", "2026-06-05", ("杭州", "2027-01-01")),
    ("星棋六 洛阳 晴不晴", "2026-09-16", ("洛阳", "2026-09-19")),
])
def test_333rd_340th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # the world's cities of jionlp's world list that GeoNames names not in Chinese, or with too few people; a
    # two-character one (a capital) read only with a date or a weather word after it, as 万隆 is
    ("卢克索 下周三 风大不大", "2027-02-01", ("卢克索", "2027-02-10")),
    ("沙姆沙伊赫 国庆 潜水 热吗", None, ("沙姆沙伊赫", "10-01")),
    ("帝力 12月1号 下雨吗", None, ("帝力", "12-01")),
    ("塔林 周五 冷不冷", "2027-02-01", ("塔林", "2027-02-05")),
    ("基多 后天 下雨吗", "2027-02-01", ("基多", "2027-02-03")),
    ("基多是厄瓜多尔的首都", None, (None, None)),  # no cue after it
    # a country that shares its name with its capital, a date or a weather word right after it: the capital (since
    # the 61st round; a country before: 突尼斯 so was labelled the city 24 times of 25)
    ("卢森堡 周六 下雨吗", "2027-02-01", ("卢森堡", "2027-02-06")),
    ("卢森堡是个小国", None, (None, None)),  # no cue after it: the country
    # a trip out and back, the out written 回 (home) or the place flown from bare, the back 飞回来: the stay's first day
    ("周六从深圳回韶关 周一再回来 韶关那几天冷吗", "2027-02-01", ("韶关", "2027-02-06")),
    ("5月2号成都飞拉萨 5月9号返回 要带羽绒服吗", None, ("拉萨", "05-02")),
    ("下周二飞昆明 周日飞回来 昆明热吗", "2027-02-01", ("昆明", "2027-02-09")),
    ("明天去苏州 后天回上海 上海冷吗", "2027-02-01", ("上海", "2027-02-03")),  # the return's own place asked
    # a day corrected in Cantonese (唔系…系), or rescheduled with 调整为
    ("澳门12月12号天气，唔系，系12月13号", None, ("澳门", "12-13")),
    ("复试由5月6日调整为5月8日 襄阳 那天热吗", None, ("襄阳", "05-08")),
    # a written day given up, a festival moved to; a relative day moved to without a reference day: unresolved
    ("原定9月30号，改到国庆了，洛阳下雨吗", None, ("洛阳", "10-01")),
    ("3月8号那天去不成了 改成后天去嘉兴 嘉兴天气", None, ("嘉兴", None)),
    ("3月8号那天去不成了 改成后天去嘉兴 嘉兴天气", "2027-03-01", ("嘉兴", "2027-03-03")),
    # a plan's stop asked after 想知道, with no day after it: the stop's own day
    ("行程\n8月1日 大同\n8月3日 太原\n8月5日 平遥\n想知道太原那天热不热", None, ("太原", "08-03")),
    # setting off from the only city to drive a route that is no city: no city
    ("从拉萨出发自驾纳木错 周六", "2027-02-01", (None, "2027-02-06")),
    ("成都出发自驾 明天下雨吗", "2027-02-01", ("成都", "2027-02-02")),
    # a past day by the city, then a later day asked (Hakka 天光日)
    ("梅州昨晡日落了雨，天光日还会落么", "2027-03-01", ("梅州", "2027-03-02")),
    # a move whose day moved to is written after it: that day, not moved again
    ("原来大后天走，现在提前两天，明天就去九江了，九江冷吗", "2027-03-01", ("九江", "2027-03-02")),
    # a counting word the city follows at once: its day, not an earlier stretch that ends at the city
    ("4月2日 西宁→茶卡 第二天 茶卡→敦煌 第三天敦煌热吗", None, ("敦煌", "04-04")),
    # a change at the only city, then (然后/再) on to a place that is no city: no city
    ("多哈转机 然后去塞舌尔 下周天气", None, (None, None)),
    ("多哈转机 然后去 明天热吗", "2027-03-01", ("多哈", "2027-03-02")),  # no place after it
    # the only city named to be left out: 不去X的话
    ("五一 不去厦门的话 福建哪里人少", None, (None, "05-01")),
])
def test_341st_356th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # countdowns written 倒数N日 … 到时, 还有半个月, one week left
    ("倒数5日 到时 深圳 天氣點樣", "2027-03-01", ("深圳", "2027-03-06")),
    ("还有半个月就放假 到时候 三亚热吗", "2027-03-01", ("三亚", "2027-03-16")),
    ("two weeks left 到时候 曼谷 下雨吗", "2027-03-01", ("曼谷", "2027-03-15")),
    # a written day with its year moved (挪到了, 推迟到): the day moved to, with the year
    ("比赛从2027年3月10号推迟到3月14号 大连冷不冷", None, ("大连", "2027-03-14")),
    ("发布会2026年9月1日延后到9月4日 深圳下雨吗", None, ("深圳", "2026-09-04")),
    # a weekday in digits, full width folded (周5, 下周３); not a count (一周5天)
    ("成都周5天气", "2027-03-01", ("成都", "2027-03-05")),
    ("西安下周３下雨吗", "2027-03-01", ("西安", "2027-03-10")),
    ("一周5天 都在南京上班", "2027-03-01", ("南京", None)),
    # the first day of a numbered plan, its city named before any counting word
    ("行程：第1天 抵达桂林 第2天 阳朔 第3天 龙脊 第1天是4月3号 桂林那天热吗", None, ("桂林", "04-03")),
    # a correction to another city in Cantonese (唔系，我讲紧), Minnan (我讲毋着，是), or 我是问
    ("东莞后日落唔落雨？唔系，我讲紧惠州", "2027-03-01", ("惠州", "2027-03-03")),
    ("泉州明仔载会落雨无，我讲毋着，是漳州", "2027-03-01", ("漳州", "2027-03-02")),
    ("宁波明天冷吗 不对 我是问舟山", "2027-03-01", ("舟山", "2027-03-02")),
    ("苏州明天下雨吗 不对 我是问周庄", "2027-03-01", (None, "2027-03-02")),  # a town: no city
    # cities typed by shape, each for its own name (本/木, 王/玉, 卦/封, 右/石, 菀/莞, 出/山, 姻/烟, 锅/锡, 隡/萨,
    # 乍/作)
    ("右家庄明天冷吗", None, ("右家庄", None)),
    ("焦乍 5月1号 下雨吗", None, ("焦乍", "05-01")),
    ("中出 明天", "2027-03-01", (None, "2027-03-02")),  # 出 for 山 only in 佛山
    # the only city named to be left out: 不算X的话
    ("广东 不算广州的话 哪里冬天暖和", None, (None, None)),
    # round 39: a plan changed later (后来改去 a short form), 不对 查的是, a dated day corrected after 哦不对 keeps its
    # year, 延到, a relative day after 就算了 with no reference day
    ("周日原本要去佛山 后来改去中山了 那边热吗", "2027-03-01", ("中山", "2027-03-07")),
    ("广州天气 不对 查的是肇庆 周六", "2027-03-01", ("肇庆", "2027-03-06")),
    ("2027年5月1号 洛阳 哦不对 是5月2号", None, ("洛阳", "2027-05-02")),
    ("婚礼从10.1延到10.3 绍兴下雨吗", None, ("绍兴", "10-03")),
    ("运动会5月8号 如遇雨顺延到5月9号 常州下雨吗", None, ("常州", "05-08")),  # moved only if it rains
    ("6月8号就算了，明天去泰安 天气怎样", None, ("泰安", None)),
    ("6月8号就算了，明天去泰安 天气怎样", "2027-03-01", ("泰安", "2027-03-02")),
])
def test_357th_364th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a dated plan moved with a short label between (的比赛改到): the day moved to, with the plan's year; not a move
    # only if it rains
    ("2027年4月2号的比赛改到4月9号 泰州", None, ("泰州", "2027-04-09")),
    ("4月2号运动会 下雨的话改到4月3号 泰州", None, ("泰州", "04-02")),
    # a day corrected by 其实是, its slip explained after it (写错了)
    ("9.9 烟台 其实是9.19 写错了", None, ("烟台", "09-19")),
    # an alert's day of issue is no stop's day: the relative day asked
    ("扬州气象台2027年2月3日发布大风预警 请问明天扬州风多大", "2027-02-03", ("扬州", "2027-02-04")),
    # a date written twice, the second time with 今年, which is asked
    ("朋友圈说5.20那天杭州下冰雹 是去年的吧 今年5.20呢", "2027-05-10", ("杭州", "2027-05-20")),
    # a plan's day moved a clause or two further on (只能推迟三天再走)
    ("原定5月6号去黄山玩两天，结果单位临时有事，只能推迟三天再走。黄山到时候下雨吗", None, ("黄山", "05-09")),
    # a four-character name typed with a numeral by sound; shapes (垂/重, 皮/波, 材/林, 仑/仓)
    ("乌鲁木七明天冷吗", None, ("乌鲁木七", None)),
    ("垂庆明天热不热", None, ("垂庆", None)),
    ("太仑 5月1号 下雨吗", None, ("太仑", "05-01")),
    # a short foreign name right before a count of days
    ("蔚山两天后下雨吗", "2027-03-01", ("蔚山", "2027-03-03")),
    # rides from the only city to a place that is no city: by boat (坐船去, 转船去), by taxi from it, a route
    ("厦门坐船去金门 周六风大吗", "2027-03-01", (None, "2027-03-06")),
    ("宿务转船去长滩岛 明天下雨吗", "2027-03-01", (None, "2027-03-02")),
    ("从保定打车去雄安 雄安那边雾大不大", None, (None, None)),
    ("成都出发走川藏线 巴塘那边下雪吗", None, (None, None)),
    ("周六北京出发走一走 冷吗", None, ("北京", None)),  # 走一走: no place
    # 端阳 (端午's classical name); Minnan 佮 (and) between two cities compared; 笫 typed for 第
    ("端阳 岳阳 下雨否", "2027-05-20", ("岳阳", "2027-06-09")),
    ("泉州佮厦门明仔载边一个较好天", "2027-03-01", ("泉州", "2027-03-02")),
    ("国庆笫三天 重庆热不热", None, ("重庆", "10-03")),
    # the regions' official names, copied whole
    ("请问澳门特别行政区明日天气", "2027-03-01", ("澳门特别行政区", "2027-03-02")),
    # a city corrected by 我要去的是, or to a place (打错 是崇明岛); a date corrected before the trip is no city's
    ("南宁明天天气 哦不对 我要去的是百色", "2027-03-01", ("百色", "2027-03-02")),
    ("上海明天下雨吗 打错 是崇明岛", "2027-03-01", (None, "2027-03-02")),
    ("6月2号 不对 6月3号 西宁到敦煌", None, ("敦煌", "06-03")),
    # a tour's stops apart by slashes: the asked stop's own day
    ("巡演：5.1 郑州 / 5.8 洛阳 / 5.15 开封 我买的洛阳场", None, ("洛阳", "05-08")),
    # a bare lunar day right after 想知道
    ("我想知道初六 会不会下雪 我们在大连", "2027-02-08", ("大连", "2027-02-11")),
])
def test_373rd_380th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a short form travelled to by a way of going (坐高铁去)
    ("太原坐高铁去大同 1.20冷不冷", None, ("大同", "01-20")),
    # 这个月末; 再过N个星期; a solar term named 之日
    ("这个月末 锦州 冷不冷", "2027-02-10", ("锦州", "2027-02-28")),
    ("再过三个星期就回喀什 到时候冷吗", "2026-09-12", ("喀什", "2026-10-03")),
    ("霜降之日 欲游南京 天气若何", "2026-10-01", ("南京", "2026-10-23")),
    # Cantonese 还系 (or) between two cities: the first
    ("佛山 还系 肇庆，听日边度好天", "2027-03-01", ("佛山", "2027-03-02")),
    # a weekday moved keeps its week; 从X推到Y: Y
    ("下周一改周三了 桂林 那天天气", "2026-03-09", ("桂林", "2026-03-18")),
    ("航班从今天推到后天 迪拜", "2026-12-08", ("迪拜", "2026-12-10")),
    # dialect days: Sichuan 勒个, Hakka 今晡日, Minnan 敢会 asks, 咋这么 exclaims
    ("成都勒个星期天出太阳不", "2026-03-19", ("成都", "2026-03-22")),
    ("河源今晡日好闷，后日会唔会落雨", "2026-07-06", ("河源", "2026-07-08")),
    ("今仔日真寒，明仔载敢会较烧", "2027-12-09", (None, "2027-12-10")),
    ("今儿个咋这么冷啊，明儿能暖和点不", "2026-06-24", (None, "2026-06-25")),
    # Minnan 佇 (at) before a short form; 会寒 (cold)
    ("阿公佇石狮，明仔载会寒无", "2026-12-02", ("石狮", "2026-12-03")),
    # a trip out, then back to another city: the trip's day for the city gone to
    ("下周六去烟台，周一回济南，烟台那两天下雨吗", "2026-05-14", ("烟台", "2026-05-23")),
    ("明天去苏州 后天回上海 苏州冷吗", "2027-02-01", ("苏州", "2027-02-02")),
    # typed by shape (宣/宜, 侮/海, 格/洛); a typed city right after a festival
    ("宣昌明天热吗", None, ("宣昌", None)),
    ("珠侮 5月1号 下雨吗", None, ("珠侮", "05-01")),
    ("明年元旦厦们冷吗", "2026-11-10", ("厦们", "2027-01-01")),
    # a date corrected with nothing between 不是 and 是; a short form asked after what was asked before
    ("3月2号 不是 是3月12号 去沈阳", None, ("沈阳", "03-12")),
    ("刚才查的是江门 其实我要去的是中山 明天下雨吗", "2027-03-01", ("中山", "2027-03-02")),
    # 桑给巴尔 alone is the island; flown from the only city to a place that is no city
    ("桑给巴尔 下周 下雨吗", None, (None, None)),
    ("从珀斯飞布鲁姆 后天热吗", "2027-03-01", (None, "2027-03-03")),
])
def test_381st_388th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # an estuary is no 海口
    ("珠江入海口 五一 风大吗", None, (None, "05-01")),
    # Sichuan 还有没得 and classical 可…否 ask the later day
    ("贵阳今天好大的雨哦，明天还有没得", "2027-01-20", ("贵阳", "2027-01-21")),
    ("今朝雪满长春，未知明日可晴否", "2026-01-09", ("长春", "2026-01-10")),
    # a dated day given up after 的 噢不; a choice settled after 来着…算了就
    ("看看2027年3月5号的 噢不 3月6号 哈尔滨", None, ("哈尔滨", "2027-03-06")),
    ("周六还是周日来着…算了就周日吧 去嘉兴", "2026-05-14", ("嘉兴", "2026-05-17")),
    # typed by shape (把/肥, 汀/江, 郓/郸); 月 and 号 typed by sound (约, 浩) between numerals, not 大约
    ("合把明天热吗", None, ("合把", None)),
    ("丽汀 5月1号 下雨吗", None, ("丽汀", "05-01")),
    ("长沙六约一浩天气", None, ("长沙", "06-01")),
    ("大约3天后 北京", "2026-05-01", ("北京", "2026-05-04")),
    # a written date before the city wins over a festival written after it, with no other city between
    ("2027年1月1日 深圳跨年 冷吗", None, ("深圳", "2027-01-01")),
    ("10月5号杭州 哈尔滨元旦 哈尔滨冷吗", None, ("哈尔滨", "01-01")),
    # the speaker's side with a time between (我这周末在X); home asked with a day between (老家周末)
    ("我这周末在苏州，朋友在杭州，我这边会下雨吗", "2026-02-24", ("苏州", "2026-02-28")),
    ("我老家是四平的，现在在长春上班，想问下老家明天冷不冷", "2026-11-05", ("四平", "2026-11-06")),
    # a short form travelled to after 要去; a correction after an arrow
    ("晋江要去石狮 石狮明天风大吗", "2027-03-01", ("石狮", "2027-03-02")),
    ("黄山明天→改成婺源明天", "2026-10-30", (None, "2026-10-31")),
    # stays on to the last stop (最后去)
    ("5月1号出发 先在成都待两天 再去重庆两天 最后去贵阳 到贵阳那天会下雨吗", None, ("贵阳", "05-05")),
    # 月底前: vague; 明年元旦 … 1月1号: that year's
    ("月底前这几天厦门会下雨吗", "2027-09-21", ("厦门", None)),
    ("明年元旦我们在广州 1月1号早上冷吗", "2026-11-05", ("广州", "2027-01-01")),
])
def test_389th_396th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # two cities compared by 谁 after a day, or by one word repeated around 还是: the first named
    ("杭州 宁波 后天谁更冷", None, ("杭州", None)),
    ("南宁闷热还是北海闷热 8月3号去", None, ("南宁", "08-03")),
    # a round trip's leg asked by its label: 去的是 / 回的是, and 出发 / 回 alone before the day
    ("机票订了 去的是3月4 回的是3月9 回来那天大连冷吗", None, ("大连", "03-09")),
    ("出发2/10 回2/14 出发那天长春天气", None, ("长春", "02-10")),
    # 那…呢 asks the day after the one said; a date corrected with 改一下 keeps its year
    ("你说的是明天，那后天呢 无锡", "2026-04-01", ("无锡", "2026-04-03")),
    ("2027年2月3号 改一下 2月4号 长春", None, ("长春", "2027-02-04")),
    # a plan's day moved earlier after its own label; a countdown to the trip itself
    ("2027年6月8号的行程提前一天 烟台天气", None, ("烟台", "2027-06-07")),
    ("还有3天就去大理了 大理天气怎么样", "2026-03-01", ("大理", "2026-03-04")),
    # weekdays typed by sound inside 星期 / 礼拜; 后 typed 候 after a count; a count of days in pinyin
    ("苏州下星其二下雨吗", "2026-12-09", ("苏州", "2026-12-15")),
    ("苏州这礼白五热吗", "2026-12-09", ("苏州", "2026-12-11")),
    ("郑州五天候降温吗", "2026-05-27", ("郑州", "2026-06-01")),
    ("全天候 郑州天气", "2026-05-27", ("郑州", None)),
    ("xian 2 tian hou tianqi", "2027-01-20", ("xian", "2027-01-22")),
    # bare "weekend" before a weather word in English
    ("Taipei weekend forecast", "2026-11-04", ("Taipei", "2026-11-07")),
    # a place that is no city asked again after the trip reached it: no city, its stop's day; not a place written
    # right after its city
    ("从贵阳坐大巴去凯里 再转车去雷山 雷山明天下雨吗", "2027-04-30", (None, "2027-05-01")),
    ("2月3号到哈尔滨 玩两天 然后去亚布力 亚布力天气", None, (None, "02-05")),
    ("我住在杭州萧山 萧山明天冷吗", "2027-12-14", ("杭州", "2027-12-15")),
    # 彭城, Xuzhou's classical name
    ("彭城明日雨否", "2027-04-16", ("彭城", "2027-04-17")),
    # a schedule's stop asked by its own label word (第二场那天, 复试那天); a city corrected to a whole province
    ("赛程 第一场 5月2日 株洲 第二场 5月9日 湘潭 第二场那天会下雨吗", None, ("湘潭", "05-09")),
    ("初试 4月1日 西安 复试 4月8日 咸阳 复试那天冷吗", None, ("咸阳", "04-08")),
    ("太原周日下雪吗 哦不对 我想问的是整个山西", "2027-01-06", (None, "2027-01-10")),
])
def test_397th_404th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # literary and dialect days: 大前日, Minnan 今仔暗, 明夜, 来岁 / 来年 as next year
    ("昆山大前日落了几多雨", "2026-05-09", ("昆山", "2026-05-06")),
    ("台南今仔暗会落雨无", "2027-11-05", ("台南", "2027-11-05")),
    ("明夜扬州可见月否", "2027-08-12", ("扬州", "2027-08-13")),
    ("来岁元日，羊城晴否", "2026-09-09", ("羊城", "2027-01-01")),
    ("来年春天去杭州", "2026-09-09", ("杭州", None)),
    # questions chained, a Latin city asked first; a Latin city corrected in Chinese
    ("Tokyo snow tomorrow? 大阪呢?", None, ("Tokyo", None)),
    ("xiamen 明天 打错了 是 quanzhou", "2026-07-21", ("quanzhou", "2026-07-22")),
    # 不好意思 before a correction to a place that is no city
    ("帮我查查秦皇岛，不好意思，是山海关", None, (None, None)),
    # a dated plan moved after its label (出发的行程); part of a holiday is vague
    ("9月3号出发的行程往后挪了一周 丽江会下雨吗", None, ("丽江", "09-10")),
    ("五一假期后半段 黄山 天气", None, ("黄山", None)),
    # a cruise from the only city to a place that is no city
    ("从湛江坐邮轮去西沙群岛 5月2日 风大吗", None, (None, "05-02")),
    # the trip's destination named first, the asking clause setting off from another city
    ("去杭州复查，从湖州开车过去会不会下雨", None, ("杭州", None)),
    # 我家在X: where the speaker lives, another city asked
    ("我家在绍兴，想问下宁波后天的天气", "2026-02-03", ("宁波", "2026-02-05")),
])
def test_405th_412th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # corrections: 更正：是, 算了改查, 哦不 / Wu 哦勿是 before the day meant
    ("台中明天天气 更正：是彰化", None, ("彰化", None)),
    ("本来查江门的 算了改查中山吧 元旦", None, ("中山", "01-01")),
    ("南平周三 哦不周四", "2026-09-16", ("南平", "2026-09-17")),
    ("苏州明朝落雨伐？哦勿是，后日", "2027-01-21", ("苏州", "2027-01-23")),
    # a follow-up's own day (那6.19呢); a return to a place asked as the return's day
    ("5.1那天西宁是晴的 那5.2呢", None, ("西宁", "05-02")),
    ("3月8号去合肥 3月11号回芜湖 回来那天芜湖天气", None, ("芜湖", "03-11")),
    # a trip moved later (后来推迟一周); 八一 the day, not the square; 上元佳节
    ("5月18号去青岛 后来推迟一周 天气", None, ("青岛", "05-25")),
    ("南昌 八一 会下雨吗", None, ("南昌", "08-01")),
    ("南昌八一广场 明天", "2026-05-01", ("南昌", "2026-05-02")),
    ("林芝八一镇 国庆 天气", None, ("林芝", "10-01")),
    ("上元佳节，欲游开封观灯，天色何如", "2027-01-30", ("开封", "2027-02-20")),
    # classical names read only (渝州, 会稽); Minnan 阮佇 as where the speaker is
    ("岁除之夜，吾归渝州，寒否", "2026-12-20", ("渝州", "2027-02-05")),
    ("阮佇泉州，想问厦门礼拜六天气", "2026-10-07", ("厦门", "2026-10-10")),
    # a choice closed by 好 (定系, 还是); a stretch of road named by its ends is its far end, as ten writers label it;
    # a place followed up last, not in a dialogue's turns (WILD.md: 阳朔 with 桂林 written gives 桂林)
    ("想问下佛山周末天气，定系去江门好？", None, ("佛山", None)),
    ("兰州至西宁段高速后天天气如何", "2026-07-25", ("西宁", "2026-07-27")),
    ("Q：桂林周六下雨吗 A：有小雨 那龙胜呢", "2025-08-06", ("桂林", "2025-08-09")),
    ("周六去桂林玩，你说会下雨，那龙胜呢", "2026-10-14", (None, "2026-10-17")),
    ("厦门的我看过了 鼓浪屿呢", None, (None, None)),
    ("重庆热吗 武隆呢", None, ("重庆", None)),
])
def test_413th_420th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a plan moved earlier by 提早; a flight delayed to the next day, its day written right before
    ("3月5日的行程提早一天，敦煌那边天气", None, ("敦煌", "03-04")),
    ("2月3号的航班延误到第二天了，到三亚那天天气", None, ("三亚", "02-04")),
    # 仨 in a countdown; 月底前后; 厚天 and 令天 typed wrong; 2moro
    ("还有仨星期就去厦门了，到时候热不热", "2026-06-01", ("厦门", "2026-06-22")),
    ("月底前后 呼和浩特 沙尘暴多吗", "2027-04-10", ("呼和浩特", "2027-04-30")),
    ("厚天 绵阳 下雨不", "2026-06-01", ("绵阳", "2026-06-03")),
    ("令天桂林下雨吗", "2026-06-01", ("桂林", "2026-06-01")),
    ("出门衣服穿厚天冷不冷", "2026-06-01", (None, None)),
    ("成都2moro rain?", "2026-06-01", ("成都", "2026-06-02")),
    # a trip's stays: 再 right before the stop asked, 再坐高铁去, the arrival's day written after the stays
    ("国庆 杭州2天 然后绍兴1天 再宁波 宁波那天冷吗", None, ("宁波", "10-04")),
    ("8月3号落地昆明 待三天 再坐高铁去大理 大理那两天下雨吗", None, ("大理", "08-06")),
    ("韩国行程：首尔3晚→釜山2晚，4月2日抵达首尔，釜山那几天天气", None, ("釜山", "04-05")),
    # a return's day labelled after the one date with a year: in that year, or the next
    ("出发：2027年3月1号 返程：3月6号 目的地：曼谷 返程那天天气", None, ("曼谷", "2027-03-06")),
    ("出发：2026年12月29号 返程：1月2号 目的地：曼谷 返程那天天气", None, ("曼谷", "2027-01-02")),
    # corrections: 我说的是 after 哦不是, 我想问 after 噢不, a city read only with 市 after 不是…是
    ("南京天气 哦不是 我说的是中山陵", None, (None, None)),
    ("洛阳天气…噢不，我想问龙门石窟", None, (None, None)),
    ("查错了 要的不是江门 是中山的", None, ("中山", None)),
    # a follow-up to a place after 吗 with no mark; a city typed wrong between 那 and 呢
    ("桂林热吗那阳朔呢", None, (None, None)),
    ("那杭洲呢？", None, ("杭洲", None)),
    # a taxi taken in town is no ride to a place outside it; a change at the airport (机场等转机) is one
    ("在巴黎打车好贵 要是周六不下雨我就走路去卢浮宫", "2027-05-03", ("巴黎", "2027-05-08")),
    ("在釜山机场等转机 去济州岛 5月2号那边天气", None, (None, "05-02")),
    # set off to go round a place (出发绕); a place asked again after a day word (rule 6g)
    ("从大理出发绕洱海骑一圈 8月1号湖边风大吗", None, (None, "08-01")),
    ("苏州站下车直接去周庄 明天周庄下雨吗", None, (None, None)),
    # a short form the trip goes on to after several cities, asked again; 八月十五 with the moon is the festival's day
    ("五一自驾 北京→张家口→大同 大同那几天天气", None, ("大同", "05-01")),
    ("八月十五回老家，老家在烟台，晚上能看到月亮吗", "2027-08-01", ("烟台", "2027-09-15")),
    ("八月十五去烟台报到 那天多少度", None, ("烟台", "08-15")),
])
def test_421st_428th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a bare day corrected with nothing after 不是; a Chinese year typed with a digit 0; 今睌 by shape; 挂林 by shape
    ("那个温州七月二十号天气，哦不是二十一号", None, ("温州", "07-21")),
    ("丽江二0二七年五月一日天气", None, ("丽江", "2027-05-01")),
    ("珠海今睌风大不大", "2026-07-21", ("珠海", "2026-07-21")),
    ("挂林后天天气", None, ("挂林", None)),
    ("挂号明天", "2026-07-21", (None, "2026-07-22")),
    # a plan (计划) moved later; a trip's stays up to the stop written after 最后
    ("计划2027年2月3号出发去哈尔滨 后来推迟了三天 哈尔滨到时候多冷", None, ("哈尔滨", "2027-02-06")),
    ("5月1号到贵阳，玩两天，然后安顺待一天，最后遵义，遵义那几天会下雨吗", None, ("遵义", "05-04")),
    # where the speaker is: moved there (搬到), or corrected after a wrong location (其实我在)
    ("搬到东莞了 老公还在深圳上班 我这边明天天气怎样", "2027-10-28", ("东莞", "2027-10-29")),
    ("定位错了 定成了珠海 其实我在中山 明天下雨吗", "2026-10-30", ("中山", "2026-10-31")),
    ("定位成了广州 其实我在佛山 明天下雨吗", "2026-10-30", ("佛山", "2026-10-31")),
])
def test_429th_436th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 会否 asks; northeastern 搁 (在); classical 重九; a departure's 当日
    ("汕头今日好热，明日会否更热", "2026-07-22", ("汕头", "2026-07-23")),
    ("我搁铁岭呢，老妹儿在沈阳，我这边明天下雪不", "2026-12-09", ("铁岭", "2026-12-10")),
    ("重九登高，拟往开封，天朗气清否", "2027-09-20", ("开封", "2027-10-08")),
    ("敝公司拟于5月8日赴南京考察，5月10日离开，请问离开当日天气如何？", None, ("南京", "05-10")),
    # 幺 for 一 in a date; 星期留 before a weather word; 犬连, 元锡 typed by shape
    ("南京二月幺八号天气", None, ("南京", "02-18")),
    ("南凝星期留会下雨吗", "2027-05-17", ("南凝", "2027-05-22")),
    ("犬连明天风大吗", None, ("犬连", None)),
    ("元锡周末天气", None, ("元锡", None)),
])
def test_437th_444th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a short form asked after another city (我要问的是中山), not a word it starts (中山路); 有误，正确是
    ("刚才查的是江门的，我要问的是中山，下周一", "2026-04-08", ("中山", "2026-04-13")),
    ("珠海明天下雨吗 我想问的是中山路", "2026-04-08", ("珠海", "2026-04-09")),
    ("通知里的5月3日有误，正确是5月4日，南宁", None, ("南宁", "05-04")),
    # 回 after a date's 日 once spaces are gone; 那个 before a weekday; 延误到第二天 with the plan's day after it
    ("车票：去 3月2日 回 3月6日，回的那天青岛下雨吗", None, ("青岛", "03-06")),
    ("就是那个星期五的时候太原冷不冷", "2026-10-28", ("太原", "2026-10-30")),
    ("航班延误到第二天了，原定是3月8号，到成都天气", None, ("成都", "03-09")),
    # 哪里有 compares two cities side by side (the first); 顺便也看看; a place of the past (之前在…过)
    ("长沙 株洲 明天哪里有雨", "2026-05-01", ("长沙", "2026-05-02")),
    ("想问一下宜昌明天冷不冷，顺便也看看武汉", "2026-05-01", ("宜昌", "2026-05-02")),
    ("想知道周六早上无锡的气温，之前在苏州跑过一次，热得不行", "2026-05-01", ("无锡", "2026-05-02")),
    # typed by shape: 柱 for 桂, 厌 for 庆, 艮 for 银, 郁 for 都; 候天 (not 时候天气); a world city after its country
    ("柱林明天天气", None, ("柱林", None)),
    ("大厌后天冷吗", "2026-09-14", ("大厌", "2026-09-16")),
    ("什么时候天气好 北京", None, ("北京", None)),
    ("候天去南宁 热不热", "2027-08-25", ("南宁", "2027-08-27")),
    ("沙特吉达 下周天气", None, ("吉达", None)),
    # 记错了 with a short subject before 是; 到了 before the weather asked; a requested day's weather stays asked
    ("后天去海口 我记错了 火车是周六的", "2026-02-10", ("海口", "2026-02-14")),
    ("今晚从广州出发 明早到桂林 到了下雨吗", "2027-12-02", ("桂林", "2027-12-03")),
    ("帮我看看这周日的天气，我在湛江钓鱼，周日上午去，周一回来。最怕下午会不会打雷", "2027-09-29",
     ("湛江", "2027-10-03")),
    # a schedule's 第一天: the first listed, the event's first day, a range's first; 那几天 of an event
    ("考试：6月7日 语文 6月8日 数学。第一天长沙会下雨吗", None, ("长沙", "06-07")),
    ("8月1日 报到 8月3日 军训开始 军训第一天西安热吗", None, ("西安", "08-03")),
    ("1月20日至1月25日培训，1月26日返岗。培训第一天 银川冷吗", None, ("银川", "01-20")),
    ("10/1 开学 10/3 集训开始 10/5 集训结束 集训那几天郑州热吗", None, ("郑州", "10-03")),
    ("5.1 5.2 五一那两天 去开封哪天好", None, ("开封", "05-01")),
])
def test_445th_452nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 星期留 before 下不下; 夭 for 天 by shape (not 夭折); typed by shape 堪江, 澳闩, 青鸟, 首尓, 合肌
    ("苏州星期留下不下雨", "2027-05-19", ("苏州", "2027-05-22")),
    ("贵阳明夭下雨吗", "2027-05-19", ("贵阳", "2027-05-20")),
    ("堪江明天会冷吗", None, ("堪江", None)),
    ("澳闩周末天气", None, ("澳闩", None)),
    ("青鸟明天风大吗", None, ("青鸟", None)),
    ("青鸟飞走了 北京明天", None, ("北京", None)),
    ("首尓12月3号天气", None, ("首尓", "12-03")),
    ("合肌后天有雨吗", "2027-05-19", ("合肌", "2027-05-21")),
    # a move earlier (往前挪一周) before the plan's day; the stay's last day given up (待到); 回的时候 asked
    ("活动往前挪了两天，原来定的10月12号，扬州天气怎样", None, ("扬州", "10-10")),
    ("明天飞厦门 待到下周五 厦门雨多吗", "2027-07-07", ("厦门", "2027-07-08")),
    ("杭州待到5月12号才走 走的那天会不会下雨 我5月8号到的", None, ("杭州", "05-12")),
    ("哈尔滨 2月3去2月6回 去的时候晴 回的时候会下雪吗", None, ("哈尔滨", "02-06")),
    # a date in Chinese numerals before two cities and the weather: the first
    ("九月十号 南宁 北海 天气", None, ("南宁", "09-10")),
    # a comparison said before two cities apart by a space: the first
    ("对比一下 昆明 大理 下周天气", None, ("昆明", None)),
])
def test_453rd_460th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


def test_rule_answers_do_not_depend_on_the_hash_seed():
    """Two names of one kind and length (吉达 and 麦加, two short forms read only with a cue) once came out in the
    order of a set, so the answer changed with PYTHONHASHSEED from one process to the next: every answer below is
    the same under several seeds."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    questions = ["吉达 麦加 热吗", "麦加 吉达 热吗", "中山 石狮 明天下雨吗", "石狮 中山 明天下雨吗"]
    code = ("import json, sys; from bench import rule; "
            "print(json.dumps([rule.extract_one(q) for q in json.loads(sys.argv[1])], ensure_ascii=False))")
    root = Path(__file__).resolve().parent.parent
    outs = set()
    for seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", code, json.dumps(questions, ensure_ascii=False)], env=env,
                              cwd=root, capture_output=True, text=True, check=True)
        outs.add(done.stdout)
    assert len(outs) == 1, outs


@pytest.mark.parametrize("question, today, expected", [
    # Shandong 今们儿/今们 (today); Cantonese/Hakka 过N日 in Chinese numerals (过两日 vague, as 过两天)
    ("潍坊今们儿下雨不", "2027-03-03", ("潍坊", "2027-03-03")),
    ("德州过三日会唔会落雨", "2027-03-03", ("德州", "2027-03-06")),
    ("德州过两日会唔会落雨", "2027-03-03", ("德州", None)),
    # 剩蛋节 (圣诞节 in internet slang)
    ("剩蛋节南京会下雪吗", None, ("南京", "12-25")),
    # 国际 right after a name ending in 国: no 安国 in 宝安国际机场 (the city written before it stays)
    ("深圳宝安国际机场明天会延误吗", "2027-03-03", ("深圳", "2027-03-04")),
    ("宝安国际机场明天下雨吗", "2027-03-03", (None, "2027-03-04")),
    ("安国明天下雨吗", "2027-03-03", ("安国", "2027-03-04")),
    # a short name travelled to, then a comma, a pilgrimage or shopping; 下下周 as a cue after it
    ("五一到基多，天气怎么样", None, ("基多", "05-01")),
    ("下个月去麦加朝圣 热不热", None, ("麦加", None)),
    ("周末去中山逛街 会不会好冻", None, ("中山", None)),
    ("去中山路，下雨吗", None, (None, None)),
    ("廷布下下周三天气", "2027-03-03", ("廷布", "2027-03-17")),
    # stays of 两个晚上 counted on to the next stop
    ("杭州3月2号到，住三个晚上再去绍兴，绍兴天气咋样", None, ("绍兴", "03-05")),
    # 延迟 as 推迟; a festival moved from (五一改到国庆第三天); a plan's new day not set yet
    ("毕业典礼延迟三天，原本6月20号，到时候武汉热吗", None, ("武汉", "06-23")),
    ("旅行从元旦改到五一第二天了，厦门那天天气", None, ("厦门", "05-02")),
    ("五一和国庆 厦门哪个热", None, ("厦门", "05-01")),
    ("比赛推迟了，原来是4月12号，新日期待定，长春四月冷吗", None, ("长春", None)),
    # 提前一天 is a plan moved, not the day before the day named after it
    ("原定下周三出发，提前一天，周二那天拉萨天气", "2027-03-03", ("拉萨", "2027-03-09")),
    # 回 right after a date's digit; an event written right after a range's last day (8月19-20日开会)
    ("青岛 去7.10回7.14 回程那天有雨吗", None, ("青岛", "07-14")),
    ("培训安排：9月2日报到，9月3-4日上课，9月5日返程。地点：太原。上课那两天冷吗", None, ("太原", "09-03")),
])
def test_461st_468th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 有没有 / Sichuan 有没得 ask: a day stated, then the next asked
    ("宜宾今天早上雾好大，后天还有没有雾", "2027-03-03", ("宜宾", "2027-03-05")),
    ("乐山今天好大的雨哦，明天还有没得雨", "2027-03-03", ("乐山", "2027-03-04")),
    # an event's day given after it (回门是12月14号, 回门12月14号); a schedule's event with a space stays its own
    ("订婚10月2号 回门是10月4号 回门那天泸州下雨吗", None, ("泸州", "10-04")),
    ("5月1日 体检 5月3日 复查 体检那天上海热吗", None, ("上海", "05-01")),
    # 现在 before a plan's move; a written day named again after the others; 改一下 is no change of day
    ("5月9号的婚礼 现在往后推两天 绵阳天气咋样", None, ("绵阳", "05-11")),
    ("丽江来回 7月3去7月6回 7月6号天气怎么样", None, ("丽江", "07-06")),
    ("改一下：不是2027年3月3号，是2027年3月5号，大连", None, ("大连", "2027-03-05")),
    ("原定3月3号 改下周五 大连", "2027-02-22", ("大连", "2027-03-05")),
    # the day of going asked (去的那天), the return's still its own
    ("6月1号去重庆 6月4号回成都 去的那天重庆热吗", None, ("重庆", "06-01")),
    # a province before the prefecture in a gloss; 回县城 no 辉县 typed by sound
    ("义乌（浙江金华）明天下雨吗", "2027-03-03", ("义乌", "2027-03-04")),
    ("回县城的路上冷不冷", None, (None, None)),
    # the one city named again, denied, and a place that is no city asked
    ("查下桂林周六…不对不是桂林，是阳朔那边", "2027-03-03", (None, "2027-03-06")),
])
def test_469th_476th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # day words typed by shape (今犬, 星朗六, 星斯天; 今晩 the Japanese form), and a city typed wrong after them
    ("兰州今犬刮风吗", "2027-03-03", ("兰州", "2027-03-03")),
    ("贵阳星朗五下雨吗", "2027-03-03", ("贵阳", "2027-03-05")),
    ("南宁星斯天热吗", "2027-03-03", ("南宁", "2027-03-07")),
    ("今晩 合肥 冷吗", "2027-03-03", ("合肥", "2027-03-03")),
    ("明夭沉阳下雪吗", "2027-03-03", ("沉阳", "2027-03-04")),
    ("下周陆西按天气", "2027-03-03", ("西按", "2027-03-13")),
    ("这个月抵南经热吗", "2027-03-03", ("南经", "2027-03-31")),
    # a day moved only if it rains, said with 推到: the plan's day stays
    ("周四运动会 下雨就推到下周二 无锡", "2027-03-03", ("无锡", "2027-03-04")),
    # a day counted on from an event whose day is written (出院后两周 … 出院是…)
    ("复查是出院后一周，出院是5月6号，到时候青岛冷吗", None, ("青岛", "05-13")),
    # a stay, then the next stop by train (之后坐火车去)
    ("8月2号飞西宁，在那住两晚，之后坐大巴去德令哈，德令哈天气怎么样", None, ("德令哈", "08-04")),
])
def test_477th_484th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a county-level city read only with 市 after its own prefecture and 的 (泉州的石狮), as without it
    ("泉州的晋江 明天风大吗", "2027-03-03", ("晋江", "2027-03-04")),
    ("泉州的石狮 后天下雨吗", "2027-03-03", ("石狮", "2027-03-05")),
    # a change of planes written before the only city, then a place that is no city
    ("转机在西宁，最终到茶卡盐湖，5月2号那边天气", None, (None, "05-02")),
    # this or next year's month with an ordinal weekday
    ("今年10月的最后一个周日 杭州会下雨吗", "2027-03-03", ("杭州", "2027-10-31")),
    ("明年2月第一个周六 哈尔滨冷吗", "2027-03-03", ("哈尔滨", "2028-02-05")),
])
def test_485th_492nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # classical 翌日 opening the question: tomorrow; after a day written, still the day after that day
    ("翌日杭州晴否", "2027-03-03", ("杭州", "2027-03-04")),
    ("4月2日抵西安 翌日赴咸阳 咸阳天气", None, ("咸阳", "04-03")),
    # a count of days with 天 typed by sound (四填后), and a countdown said with 整整
    ("南京四填后冷不冷", "2027-03-03", ("南京", "2027-03-07")),
    ("离开学还有整整一周了 到时候武汉下雨吗", "2027-03-03", ("武汉", "2027-03-10")),
    # a day stated with 了, then the day asked
    ("今天冻死了后天还会这么冷吗", "2027-03-03", (None, "2027-03-05")),
    # the return labelled 返 alone, then asked
    ("车票：去 3月2日 返 3月6日 银川 返回那天冷吗", None, ("银川", "03-06")),
    # a comparison with a few words and a colon before the cities; a short form inside a spaced row
    ("对比下后天湿度：南宁 柳州", "2027-03-03", ("南宁", "2027-03-05")),
    ("佛山 中山 珠海 明天哪里下雨", "2027-03-03", ("佛山", "2027-03-04")),
    # the one city named is left out (以外); not where its outskirts are asked
    ("丽江以外 云南别的地方后天晴吗", "2027-03-03", (None, "2027-03-05")),
    ("成都以外的郊县明天冷吗", "2027-03-03", ("成都", "2027-03-04")),
    # stays, then 转去 the next stop; a stop reached (到) after the stays are written
    ("3月1日到西安，住三个晚上，之后转去延安，延安那天冷吗", None, ("延安", "03-04")),
    ("苏州玩两天再去杭州两天，5月3号到苏州，杭州那两天下雨吗", None, ("杭州", "05-05")),
    # a quoted message read apart: the words outside it ask
    ("「青岛市气象台发布寒潮蓝色预警」青岛后天还能游泳吗", "2027-03-03", ("青岛", "2027-03-05")),
    ("他转来 ‘3月8日-9日宜昌有大雨’ 我们3月9号去宜昌行吗", None, ("宜昌", "03-09")),
    # guards: a quote alone names the city; a day counted from a written day mid-question
    ("“明天南昌有暴雨”是真的吗", "2027-03-03", ("南昌", "2027-03-04")),
    ("5月1号到洛阳 次日去开封 开封天气", None, ("开封", "05-02")),
])
def test_493rd_500th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # two cities apart by a space, the weather word and then a day word: asked together, the first
    ("南宁 北海 天气 后天", "2027-03-03", ("南宁", "2027-03-05")),
    # words with a city's name that name none: a flower, a hospital of another city
    ("长春花开了 明天要不要盖一下", "2027-03-03", (None, "2027-03-04")),
    ("下周去上海瑞金医院复查 上海冷吗", None, ("上海", None)),
    # stops and stays in a row apart by spaces, from a start day before them; a holiday set off from after them
    ("6月1号开始 南京两天 镇江一天 扬州两天 扬州那两天下雨吗", None, ("扬州", "06-04")),
    ("西安三天 然后洛阳两天 五一出发 洛阳那两天热吗", None, ("洛阳", "05-04")),
    # 五 typed by sound in a date's day
    ("长沙四月十武号下雨吗", None, ("长沙", "04-15")),
    # a change at the only city, then a ride to a place that is no city; an island opening the question, the city
    # set off from (从) after it
    ("香港中转 坐船去长洲 后天风大吗", "2027-03-03", (None, "2027-03-05")),
    ("涠洲岛后天天气 我们从北海坐船过去", "2027-03-03", (None, "2027-03-05")),
    # guards: the city's own ride, no 从 or 出发; a ride to a city
    ("东极岛 舟山 坐船 明天 浪大吗", "2027-03-03", ("舟山", "2027-03-04")),
    ("上海中转 坐车去苏州 明天", "2027-03-03", ("苏州", "2027-03-04")),
])
def test_501st_508th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a day written, a comma and the notice, then the move
    ("杭州音乐节8月8号，刚通知推迟两天，天气怎样", None, ("杭州", "08-10")),
    # 下 typed by sound before a week
    ("吓周六苏州下雨吗", "2027-03-03", ("苏州", "2027-03-13")),
    # set off from the only city into Tibet (a region)
    ("自驾从西宁出发进藏 后天路上冷吗", "2027-03-03", (None, "2027-03-05")),
    # the only city corrected to a place the lists lack; corrected to a day or a city it stays read
    ("清迈 不对 是拜县 周六 天气", "2027-03-03", (None, "2027-03-06")),
    ("青岛 改成崂山 明天", "2027-03-03", (None, "2027-03-04")),
    ("南京 不对 是后天", "2027-03-03", ("南京", "2027-03-05")),
    ("南京天气 不对 是镇江", None, ("镇江", None)),
    ("保定 不是雄安", None, ("保定", None)),  # 不是: a denial of the other place
    ("苏州 不是园区那个 是江苏的 下周天气", None, ("苏州", None)),
    # chained questions, the last 呢 followed by a clause naming no city: the first
    ("桂林热不热 柳州呢 要带伞吗", None, ("桂林", None)),
    # someone else asks (老板问): 下周二 is what is asked; the writer's own 问下 stays the verb's
    ("老板问下周五青岛下雨吗", "2027-03-03", ("青岛", "2027-03-12")),
    ("我问下周五青岛下雨吗", "2027-03-03", ("青岛", "2027-03-05")),
])
def test_509th_516th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # day words typed wrong: 过庆, 原旦, 朋天, 星期目, 礼拜夫, 下同三, 十吧号, a letter l for 1
    ("过庆去长沙 那几天热吗", None, ("长沙", "10-01")),
    ("原旦 哈尔滨冷吗", None, ("哈尔滨", "01-01")),
    ("朋天西安有雨吗", "2027-03-03", ("西安", "2027-03-04")),
    ("星期目 宁波 冷不冷", "2027-03-03", ("宁波", "2027-03-07")),
    ("礼拜夫 温州 下雨吗", "2027-03-03", ("温州", "2027-03-07")),
    ("下同五去扬州 天气", "2027-03-03", ("扬州", "2027-03-12")),
    ("五月十吧号 济南天气", None, ("济南", "05-18")),
    ("成都 1l月3号 天气", None, ("成都", "11-03")),
    # a transfer, then a city asked by the way after no request: the one asked
    ("在香港转机，顺便问一下台北周五天气", "2027-03-03", ("台北", "2027-03-05")),
    ("帮我查下宁波天气 顺便看看舟山的", None, ("宁波", None)),  # a request first: the first asked
    # the city's weather given up (的天气不用查了), another asked
    ("大理的天气不用查了，查丽江吧", None, ("丽江", None)),
    # chained: the first clause ending with 吧; later cities asked the very same words
    ("厦门五一挺热的吧 福州呢", None, ("厦门", "05-01")),
    ("温州热不热 台州热不热 宁波呢", None, ("温州", None)),
    # corrected to 去 a place the lists lack; to 去 a city, that city
    ("杭州周日…不对，是去莫干山，周日下雨吗", "2027-03-03", (None, "2027-03-07")),
])
def test_517th_524th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # an alert's source in 【】 and its sentence, then the question: its own day and city
    ("【大连气象】预计3月5日至7日我市有大风。请问6号那天大连能出海吗", "2027-03-03", ("大连", "2027-03-06")),
    ("【广东气象】深圳、东莞、惠州三市明后两天有暴雨。东莞明天能踢球吗", "2027-03-03", ("东莞", "2027-03-04")),
    # a ticket rebooked (改签到); a move in traditional characters
    ("航班取消 从3月8号改签到3月10号 拉萨天气", None, ("拉萨", "03-10")),
    ("5月3號 延後兩天 高雄 會下雨嗎", None, ("高雄", "05-05")),
    # classical 翌日 after the city, no day named before it; after a day, counted from that day
    ("请问扬州翌日晴否", "2027-03-03", ("扬州", "2027-03-04")),
    ("5月1日抵扬州 翌日赴镇江 镇江天气", None, ("镇江", "05-02")),
    # Cantonese 同 (and) between two cities compared: the first
    ("佛山听日同肇庆边度热啲", "2027-03-03", ("佛山", "2027-03-04")),
    # an arrangement (会安排), no Hoi An
    ("运动会安排在4月9日 南通会下雨吗", None, ("南通", "04-09")),
])
def test_525th_532nd_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # day words typed by sound (元但, 越底); Shandong 过明儿 (后天)
    ("元但 高雄冷不冷", None, ("高雄", "01-01")),
    ("越底 无锡 降温吗", "2027-03-03", ("无锡", "2027-03-31")),
    ("俺爹问，潍坊过明儿下雨不", "2027-03-03", ("潍坊", "2027-03-05")),
    # Cantonese 佢 (he, she) asking: 下礼拜五 is asked
    ("佢问下礼拜五深圳系咪落雨", "2027-03-03", ("深圳", "2027-03-12")),
    # a typhoon signal's number is no day
    ("【天文台】三號強風信號 明天澳门要上学吗", "2027-03-03", ("澳门", "2027-03-04")),
    # the outward leg's day labelled and asked (去程那天)
    ("去大理 去程那天是周五 回程周二 去程那天冷吗", "2027-03-03", ("大理", "2027-03-05")),
    # stays before a start written after them with 开始
    ("越南 河内2晚 岘港3晚 4月1号开始 岘港那几天热吗", None, ("岘港", "04-03")),
    # from a pier or a district of the only city by boat to an island or a place that is no city
    ("厦门东渡码头到鼓浪屿的船 明天开吗", "2027-03-03", (None, "2027-03-04")),
    ("台州椒江坐船去大陈岛 周六", "2027-03-03", (None, "2027-03-06")),
    # guards: a boat to a city; a trip between two cities
    ("上海到舟山的船 明天", "2027-03-03", ("舟山", "2027-03-04")),
    ("广州南站到深圳 明天", "2027-03-03", ("深圳", "2027-03-04")),
])
def test_533rd_540th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 长安, 西安's classical name (a nickname read only); not the carmaker, the avenue, nor a district or a town
    ("长安今夜可有雪", "2027-03-03", ("长安", "2027-03-03")),
    ("长安汽车 下周 保养 会下雨吗", None, (None, None)),
    ("长安街 明天 堵不堵 下雨吗", None, (None, None)),
    ("西安长安区 周六 冷吗", "2027-03-03", ("西安", "2027-03-06")),
    ("东莞长安镇 后天 有雨吗", "2027-03-03", ("东莞", "2027-03-05")),
    # Cantonese 会唔会 after a city read only with 市; 唔系 right before the day said instead
    ("中山会唔会落雨啊", None, ("中山", None)),
    ("问下佛山 今日 啊唔系 听日", "2027-03-03", ("佛山", "2027-03-04")),
    # typed: 心期 (星期), a letter l for 1 after 年
    ("心期天 泉州 有雨吗", "2027-03-03", ("泉州", "2027-03-07")),
    ("2027年l1月5号 宁波 天气", None, ("宁波", "2027-11-05")),
    # a forwarded message or alert, then the question: the words outside ask; a day of their own with the
    # message's city
    ("转：嘉兴市发布暴雨预警 注意防范 —— 周六还能去吗 嘉兴", "2027-03-03", ("嘉兴", "2027-03-06")),
    ("转发：气象台发布大风蓝色预警 青岛市 今天白天到夜间 注意。明天能出海吗", "2027-03-03", ("青岛市", "2027-03-04")),
    ("预警信息：寒潮预计于3月8日影响烟台。 烟台 9号 冷不冷", "2027-03-03", ("烟台", "2027-03-09")),
    # guards: no prefix, the message's own day asked; 转 inside a word
    ("气象台发布大风预警 青岛 今天 能出海吗", "2027-03-03", ("青岛", "2027-03-03")),
    ("转机：3月8日 在广州 然后去深圳 深圳那天热吗", None, ("深圳", "03-08")),
    # a schedule: a weekday in brackets between a day and its event; an event labelling the day after it
    ("日程：4月2日（周五）签到 4月3日 开幕 地点：合肥 签到那天冷吗", None, ("合肥", "04-02")),
    ("安排：集合：5月6日 比赛：5月7日-5月9日 地点：襄阳 比赛第一天会下雨吗", None, ("襄阳", "05-07")),
    ("5月6日 集合 5月7日 比赛开始 比赛第一天 襄阳热吗", None, ("襄阳", "05-07")),  # the event after its day
])
def test_541st_548th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # day words typed: 夏周 (下周 by sound), 浩 (号), 锅庆 (国庆), 后大 (后天 by shape), a dash for 一, Minnan 明仔载
    ("夏周三 温州 下雨吗", "2027-03-03", ("温州", "2027-03-10")),
    ("绍兴 下个月十浩 天气", "2027-03-03", ("绍兴", "2027-04-10")),
    ("锅庆 厦门 人多不多 会下雨吗", None, ("厦门", "10-01")),
    ("扬州后大冷不冷", "2027-03-03", ("扬州", "2027-03-05")),
    ("泉州礼拜— 有雨吗", "2027-03-03", ("泉州", "2027-03-08")),
    ("明仔载 厦门 会落雨无", "2027-03-03", ("厦门", "2027-03-04")),
    # guards: 初夏, 然后大家, 最后大
    ("初夏周末 杭州 热吗", None, ("杭州", None)),
    ("然后大家 明天 北京 下雨吗", "2027-03-03", ("北京", "2027-03-04")),
    # a forwarded message in English, ended by a period before the question
    ("Fwd: Red rainstorm warning issued for Shenzhen. 明天还上学吗 深圳", "2027-03-03", ("深圳", "2027-03-04")),
    # one year written, a return's day asked after it: that day in the year (or the next, at the year's turn)
    ("2027年12月29号去 1月2号回 回来那天 长春冷吗", None, ("长春", "2028-01-02")),
])
def test_549th_556th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # Cantonese 咁 (then) before a follow-up, as 那: the city followed up is asked
    ("佛山今日热唔热 咁广州呢", "2027-03-03", ("广州", "2027-03-03")),
    ("深圳听日落唔落雨？咁东莞呢", "2027-03-03", ("东莞", "2027-03-04")),
    # a correction with 查 or 问 before the city asked instead, even one read only with 市 typed short
    ("查下江门的，哦不是，查中山", None, ("中山", None)),
    ("看看杭州的 不是 问一下宁波 明天", "2027-03-03", ("宁波", "2027-03-04")),
    # a short form travelled to by a ride with 到
    ("太原坐火车到大同 大同周六冷吗", "2027-03-03", ("大同", "2027-03-06")),
    # guards: questions chained without 那 or 咁, the first asked
    ("香港周五会打风吗 澳门呢", None, ("香港", None)),
])
def test_557th_564th_hand_written_batches(question, today, expected):
    assert _answer(question, today) == expected
