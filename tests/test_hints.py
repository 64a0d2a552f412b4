"""The `places` prompt's hints (sft/hints.py): what the gazetteers say each place name of a question is; and the date
line of `places-dates` (what the date rule reads each date of a question as)."""

from __future__ import annotations

import datetime as dt

import pytest

from sft.datagen import query_of
from sft.hints import date_hint_text, hint_text, place_hints
from sft.prompt import PROMPTS, user_message


@pytest.mark.parametrize(("question", "hints"), [
    ("舒城万佛湖边上晒稻子 后天有雨没", [("舒城", "县")]),  # a county of counties.tsv only
    ("昭阳区这两天早上会不会凝冻", [("昭阳区", "区")]),  # a district of districts.tsv only
    ("明天北京天气", [("北京", "市")]),
    ("长沙县明天下雨吗", [("长沙县", "县")]),  # the longest name: not 长沙
    ("杭州西湖 周末 杭州 冷不冷", [("杭州", "市"), ("西湖", "景点")]),  # in order, each once
    ("去庐山玩", [("庐山", "景点")]),  # places.tsv decides first: the mountain, not 庐山市 typed short
    ("安康市明天下雨吗", [("安康市", "市")]),  # full_names.tsv: in full ...
    ("祝您安康", []),  # ... never short
    ("广东明天热吗", [("广东", "省")]),
    ("去大理住半个月 台北 週末", [("大理", "市"), ("台北", "市")]),  # places.tsv lists 大理市 and 台北市: short too
    ("臺北 明天 會下雨嗎", [("臺北", "市")]),  # traditional characters looked up as simplified, given as written
    ("rain in xi’an or Busan tomorrow? busanxyz", [("xi’an", "市"), ("Busan", "市")]),  # never inside a Latin word
    ("魔都明天热吗 卢布尔雅那呢", [("魔都", "市"), ("卢布尔雅那", "市")]),
    ("杭洲明天下雨吗", []),  # a city typed with a sound-alike character: no hint
    ("长江马鞍山段 寒潮", [("马鞍山", "市")]),  # sft.places.RULE_ONLY_CITIES: not 鞍山, the city inside it
    ("澧县到津市拉柑橘", [("澧县", "县"), ("津市", "市")]),
    ("克孜勒苏州天气", [("克孜勒苏州", "市")]),  # an autonomous prefecture's short name + 州
])
def test_place_hints(question, hints):
    assert place_hints(question) == hints


@pytest.mark.parametrize(("question", "hints"), [
    ("遵义市区明天堵不堵 会下雨吗", [("遵义", "市")]),  # 市区 starts a word: the city short, as the rule copies it
    ("丽水烤饼 寄到外地", []),  # a product of the city (the rule's product words): no city, no hint
    ("邯单后天风大不大", [("邯单", "市")]),  # typed with a sound-alike: as written
    ("长白山天池 下周 冷不冷", [("长白山", "景点")]),  # the sight; 白山 inside it no city, as with `gazetteer`
    ("周六安排好了 要下雨吗", []),  # a weekday's numeral: no 六安
    ("石狮3月5号会回南天吗", [("石狮", "市")]),  # read only with 市, typed short where the weather is asked
    ("在石狮市场买布", []),  # ... and 石狮市 + 场 is the market
    ("舒城万佛湖边上晒稻子 后天有雨没", [("舒城", "县")]),  # the other places as with `gazetteer`
    ("rain in xi’an tomorrow", [("xi’an", "市")]),
    # a city read only with 市 typed short, corrected or travelled to after the only city (the rule's answer)
    ("江门 不对 是中山 后天", [("江门", "市"), ("中山", "市")]),
    ("忻州到大同 明天有雾吗", [("忻州", "市"), ("大同", "市")]),
])
def test_place_hints_read_as_the_rule_reads(question, hints):
    assert place_hints(question, "rule") == hints


def test_the_rule_reading_hints_the_city_the_rule_answers():
    """``places-rule``: of the suite's questions the rule answers with a city, every eighth, the hints name that city
    市 unless it is typed in Latin letters one letter wrong or spaced out (rules 5b and 5e'; read past the hints).
    The ``gazetteer`` reading misses several hundred of all (the rule's typos, 市区, its short forms)."""
    import json

    from bench.rule import extract_one
    from sft.paths import DATA

    suite = [json.loads(line) for line in (DATA / "test_suite.jsonl").read_text(encoding="utf-8").splitlines()]
    missed = []
    for item in suite[::8]:
        city = json.loads(extract_one(item["query"]))["city"]
        if city is not None and dict(place_hints(item["query"], "rule")).get(city) != "市":
            missed.append(city)
    assert len(suite) > 10000 and [c for c in missed if c.isascii() is False and " " not in c] == []


def test_an_unknown_reading_is_refused():
    with pytest.raises(ValueError, match="unknown hint reading"):
        place_hints("明天北京", "guess")


def test_hint_text_and_the_places_prompt():
    assert hint_text("我要去 桂林 呃 阳朔 周五") == "桂林=市，阳朔=县"
    assert hint_text("明天天气") == "无"
    turn = user_message("明天桂林\n天气", "places")
    assert turn.endswith("：明天桂林\n天气\n地名：桂林=市")
    assert turn.startswith(PROMPTS["short"].split("%s")[0])
    first = user_message("明天桂林\n天气", "places-first", dt.date(2026, 12, 4))  # the line before the instruction
    assert first == "今天是2026-12-04，星期五。地名：桂林=市\n" + PROMPTS["short"] % "明天桂林\n天气"
    assert user_message("周六安排 桂林天气", "places-rule").endswith("\n地名：桂林=市")  # `places`: 六安=市 too
    assert user_message("周六安排 桂林天气", "places").endswith("\n地名：六安=市，桂林=市")


@pytest.mark.parametrize("prompt", list(PROMPTS))
@pytest.mark.parametrize("question", ["舒城万佛湖边上晒稻子", "明天北京\n天气", "6月1号 地名：上海"])
def test_a_user_turn_gives_back_its_question(prompt, question):
    assert query_of(user_message(question, prompt)) == question


def test_a_places_adapter_sees_the_hints_through_the_chat_template(tokenizer):
    """What the engine and the trainer feed the model (sft.prompt.render): the hint line inside the user turn."""
    from sft.prompt import render

    text = render(tokenizer, "明天舒城下雨吗", "places", answer='{"city": null, "date": "明天"}')
    assert "明天舒城下雨吗\n地名：舒城=县<|im_end|>" in text and text.endswith('"date": "明天"}<|im_end|>')
    assert "地名" not in render(tokenizer, "明天舒城下雨吗", "short")


def test_every_city_the_rule_reads_is_hinted_as_a_city():
    """One list of cities for the rule and the hints (sft.places.city_names): each name the rule reads as a city,
    in full or short, is hinted 市, unless places.tsv says the name is another kind of place (庐山, a mountain, before
    庐山市 typed short). Until 2026-12-04, evening, 马鞍山, 津市, 德里 and two 自治州 short names got no hint."""
    from sft.hints import gazetteer
    from sft.mentions import default_gazetteer
    from sft.places import load_places

    kinds, _, _ = gazetteer()
    other = {p.name for p in load_places() if p.kind != "city"}
    missed = sorted(n for n in default_gazetteer().names if kinds.get(n) != "city" and n not in other)
    assert missed == []


@pytest.mark.parametrize(("question", "line"), [
    ("后天宁波下雨吗", "后天=相对"),  # needs a reference day: copied, resolved after the model
    ("宁波 2027年3月8号 会下雪吗", "2027年3月8号=2027-03-08"),
    ("叁月拾贰日 宁波", "三月十二日=03-12"),  # formal numerals read as the rule reads them
    ("十一去宁波玩 下周五出发", "十一=10-01，下周五=相对"),  # every date, in order: which is asked the model decides
    ("2029年端午 宁波", "2029年端午=2029-06-16"),  # a lunar festival in a named year: its day (a printed calendar)
    ("宁波最近天气怎么样", "无"),  # no day of its own
    ("宁波 8.5毫米的雨", "无"),  # a measure, not a date
])
def test_date_hint_text(question, line):
    assert date_hint_text(question) == line


def test_the_date_line_reads_the_date_the_rule_answers():
    """``places-dates``: of the suite's questions the date rule answers with a date (against their reference day),
    every eighth, a date of the line reads as that date (its own, or its words against the same reference day)."""
    import json

    from sft.dates import parse_today
    from sft.paths import DATA
    from sft.task import date_mentions, find_date

    suite = [json.loads(line) for line in (DATA / "test_suite.jsonl").read_text(encoding="utf-8").splitlines()]
    missed, asked = [], 0
    for item in suite[::8]:
        today = parse_today(item.get("today"))
        date = find_date(item["query"], today)
        if date is None:
            continue
        asked += 1
        if not any(d == date or (d is None and date in (find_date(w, today), find_date(w + "那天", today)))
                   for w, d in date_mentions(item["query"])):
            missed.append(item["query"])
    assert asked > 1000 and len(missed) < asked // 50, missed[:20]


def test_the_places_dates_prompt():
    turn = user_message("周六安排 桂林天气", "places-dates")
    assert turn.endswith("：周六安排 桂林天气\n地名：桂林=市\n日期：周六=相对")
    assert query_of(turn) == "周六安排 桂林天气"
