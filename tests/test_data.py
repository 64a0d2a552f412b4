"""The city list and the training-data generator (no model, fast)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sft import cities as cities_mod
from sft.cities import City, load_cities, short_name, test_cities, train_cities
from sft.datagen import (
    EXTRA_TEMPLATES,
    MIXES,
    TRAIN_REGIONS,
    TUTORIAL_TEMPLATES,
    Example,
    fields_of,
    fill,
    generate,
    load_training_file,
    query_of,
    to_conversation,
    write,
)
from sft.prompt import PROMPTS, user_message
from sft.task import Answer, find_date

REPO = Path(__file__).resolve().parent.parent
TRAIN_SEEDS = (0, 1, 2)


def _training_sets():
    for seed in TRAIN_SEEDS:
        for mix in MIXES:
            yield seed, mix, generate(3000, seed, mix)


# ------------------------------------------------------------------------------------------ cities

def test_city_list_shape():
    cities = load_cities()
    assert len(cities) >= 300
    assert len({c.name for c in cities}) == len(cities)
    assert {c.level for c in cities} == {"prefecture", "county"}
    assert {c.split for c in cities} == {"train", "test"}
    assert sum(c.level == "prefecture" for c in cities) > sum(c.level == "county" for c in cities)
    share = len(test_cities()) / len(cities)
    assert 0.12 <= share <= 0.18
    assert len(train_cities()) + len(test_cities()) == len(cities)
    assert all(isinstance(c, City) for c in cities)


def test_city_names_are_unambiguous():
    names = [c.name for c in load_cities()]
    assert all(n.endswith("市") for n in names)
    assert "攀枝花市" in names  # the tutorial's example keeps its 市
    for name in names:
        assert len(short_name(name)) >= 2, name
        others = [o for o in names if o != name]
        assert not any(short_name(name) in o for o in others), name


def test_city_file_header_and_cache():
    first = (REPO / "datasets" / "cities.tsv").read_text(encoding="utf-8").splitlines()[0]
    assert first == "name\tprovince\tlevel\tsplit"
    cities = load_cities()
    assert len(cities) > 400 and len({c.name for c in cities}) == len(cities)
    assert load_cities() is not cities  # callers get their own list ...
    assert cities_mod._default() is cities_mod._default()  # ... of one cached parse


def test_short_name():
    assert short_name("攀枝花市") == "攀枝花"
    assert short_name("青岛市") == "青岛"
    assert short_name("芒市") == "芒市"
    assert short_name("青岛") == "青岛"
    assert short_name("津市市") == "津市"  # one 市 only


@pytest.mark.parametrize(
    "lines, where, what",
    [
        (["name\tprovince\tsplit", "青岛市\t山东省\ttrain"], ":1:", "header"),
        (["name\tprovince\tlevel\tsplit", "青岛市\t山东省\tprefecture"], ":2:", "4 tab-separated"),
        (["name\tprovince\tlevel\tsplit", "青岛市\t山东省\tprefecture\ttrain", "x市\ty\tcity\ttrain"], ":3:",
         "level"),
        (["name\tprovince\tlevel\tsplit", "青岛市\t山东省\tprefecture\tdev"], ":2:", "split"),
        (["name\tprovince\tlevel\tsplit", "青岛市\t山东省\tprefecture\ttrain",
          "青岛市\t山东省\tcounty\ttest"], ":3:", "duplicate"),
    ],
)
def test_malformed_city_file(tmp_path, lines, where, what):
    path = tmp_path / "cities.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_cities(path)
    assert str(info.value).startswith(f"{path}{where}")
    assert what in str(info.value)


def test_make_cities_selection(dataset_script):
    make = dataset_script("make_cities")
    text = "\n".join([
        "北京市\t110000\t北京", "\t北京市\t110000\t北京", "\t\t朝阳区\t110105\t朝阳",
        "四川省\t510000\t四川", "\t攀枝花市\t510400\t攀枝花", "\t\t东区\t510402\t东区", "\t\t\t某街道",
        "\t凉山彝族自治州\t513400\t凉山", "\t\t西昌市\t513401\t西昌",
        "吉林省\t220000\t吉林", "\t吉林市\t220200\t吉林市",
        "\t鞍山市\t210300\t鞍山", "\t马鞍山市\t340500\t马鞍山",
        "云南省\t530000\t云南", "\t德宏傣族景颇族自治州\t533100\t德宏", "\t\t芒市\t533103\t芒市",
        "台湾省\t710000\t台湾", "\t台北市\t710100\t台北",
    ])
    rows = make.select(text)
    names = {r[0] for r in rows}
    assert {"北京市", "攀枝花市", "鞍山市"} <= names  # municipality kept, 自治州 and 区 not
    assert not names & {"吉林市", "马鞍山市", "芒市", "台北市", "凉山彝族自治州", "东区"}
    assert all(r[2] == "prefecture" for r in rows if r[0] != "西昌市")
    assert rows == make.select(text)


# ---------------------------------------------------------------------------------------- datagen

def test_tutorial_templates_verbatim():
    assert len(TUTORIAL_TEMPLATES) == 12
    assert TUTORIAL_TEMPLATES[0] == ("{city}{year}年{month}月{day}日的天气", True)
    assert TUTORIAL_TEMPLATES[9] == ("你们{year}年{month}月{day}号去{city}玩么？", True)
    for template, has_year in TUTORIAL_TEMPLATES:
        expected = {"city", "year", "month", "day"} if has_year else {"city", "month", "day"}
        assert fields_of(template) == expected


def test_extra_templates():
    assert 25 <= len(EXTRA_TEMPLATES) <= 40
    assert len(set(EXTRA_TEMPLATES)) == len(EXTRA_TEMPLATES)
    assert not set(EXTRA_TEMPLATES) & {t for t, _ in TUTORIAL_TEMPLATES}
    kinds = [fields_of(t) for t in EXTRA_TEMPLATES]
    assert any({"cmonth", "cday"} <= f for f in kinds)
    assert any("cyear" in f for f in kinds) and any("yy" in f for f in kinds)
    assert any("city" not in f for f in kinds) and any(not f & {"month", "cmonth"} for f in kinds)
    assert any("other" in f for f in kinds) and any("n" in f for f in kinds)
    assert any(t.startswith("明天") for t in EXTRA_TEMPLATES)
    assert any("-{day}" in t for t in EXTRA_TEMPLATES) and any("/{day}" in t for t in EXTRA_TEMPLATES)
    assert any(".{day}" in t for t in EXTRA_TEMPLATES)


def test_generate_tutorial_mix_is_the_tutorials():
    examples = generate(500, seed=3)
    names = {c.name for c in train_cities()}
    assert [e.id for e in examples] == [f"identity_{i}" for i in range(500)]
    for e in examples:
        assert e.answer.city in names and e.answer.city in e.query
        assert e.answer.date == find_date(e.query)
        year = e.answer.date[:4] if len(e.answer.date) == 10 else None
        assert year is None or 1998 <= int(year) <= 2025
        assert 1 <= int(e.answer.date[-2:]) <= 28
    assert len({e.query for e in examples}) > 450


def test_generate_extended_mix():
    examples = generate(3000, seed=0, mix="extended")
    slots = {"{city}": "[^\\d]+?", "{year}": "\\d{4}", "{month}": "\\d{1,2}", "{day}": "\\d{1,2}"}
    patterns = []
    for template, _ in TUTORIAL_TEMPLATES:
        pattern = re.escape(template)
        for slot, regex in slots.items():
            pattern = pattern.replace(re.escape(slot), regex)
        patterns.append(re.compile(pattern))
    tutorial = [e for e in examples if any(p.fullmatch(e.query) for p in patterns)]
    assert 0.45 < len(tutorial) / len(examples) < 0.55
    assert any(e.answer.city is None for e in examples)
    assert any(e.answer.date is None for e in examples)
    assert any(e.answer.city and not e.answer.city.endswith("市") for e in examples)
    for e in examples:  # every generated answer follows the rule
        assert e.answer.date == find_date(e.query), e
        assert e.answer.city is None or e.answer.city in e.query


def test_fill_gold_by_rule():
    import random

    rng = random.Random(1)
    qingdao = [City("青岛市", "山东省", "prefecture", "train")]
    for _ in range(50):
        query, answer = fill("{city}{yy}年{cmonth}月{cday}号", rng, qingdao, city_form="short")
        assert answer.city == "青岛" and answer.date.startswith("20") and answer.date == find_date(query)
        query, answer = fill("{month}月{day}号{region}冷不冷", rng, qingdao)
        assert answer.city is None and any(r in query for r in TRAIN_REGIONS)
        query, answer = fill("明天{city}天气", rng, qingdao, city_form="full")
        assert answer == Answer("青岛市", None)


def test_generate_errors():
    with pytest.raises(ValueError, match="unknown mix 'both'; valid: tutorial, extended, real"):
        generate(10, mix="both")
    with pytest.raises(ValueError, match="unknown prompt"):
        generate(10, prompt="nope")


def test_generate_is_deterministic():
    for mix in MIXES:
        assert generate(200, 7, mix) == generate(200, 7, mix)
        assert generate(200, 7, mix) != generate(200, 8, mix)


def test_test_cities_never_in_training_data():
    forbidden = {c.name for c in test_cities()} | {short_name(c.name) for c in test_cities()}
    for seed, mix, examples in _training_sets():
        for e in examples:
            hits = [name for name in forbidden if name in e.query]
            assert not hits, (seed, mix, e.query, hits)


def test_to_conversation():
    example = Example("identity_0", "4月6日攀枝花市的天气", Answer("攀枝花市", "04-06"))
    record = to_conversation(example)
    assert record == {
        "id": "identity_0",
        "conversations": [
            {"from": "user", "value": user_message("4月6日攀枝花市的天气", "tutorial")},
            {"from": "assistant", "value": '{"city": "攀枝花市", "date": "04-06"}'},
        ],
    }


@pytest.mark.parametrize("mix", MIXES)
def test_write_is_byte_identical(tmp_path, mix):
    a = write(generate(300, 5, mix), tmp_path / "a")
    b = write(generate(300, 5, mix), tmp_path / "b")
    c = write(generate(300, 6, mix), tmp_path / "c")
    for pa, pb, pc in zip(a, b, c, strict=True):
        assert pa.read_bytes() == pb.read_bytes()
        assert pa.read_bytes() != pc.read_bytes()
    records = json.loads(a[0].read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == 300
    assert set(records[0]) == {"id", "conversations"}
    lines = a[1].read_text(encoding="utf-8").splitlines()
    extra = ("query", "today")  # train.jsonl = the train.txt record + the raw question (+ its reference day)
    assert [json.loads(line) for line in lines] == [
        {**r, **{k: json.loads(line)[k] for k in extra if k in json.loads(line)}}
        for r, line in zip(records, lines, strict=True)]


@pytest.mark.parametrize("prompt", list(PROMPTS))
def test_training_files_round_trip(tmp_path, prompt):
    examples = generate(200, 11, "extended")
    txt, jsonl = write(examples, tmp_path, prompt)
    assert load_training_file(txt) == examples
    assert load_training_file(jsonl) == examples


def test_tutorial_train_txt_format(tmp_path):
    # The tutorial's own sample record: its prompt has a default-year sentence our prompts do not.
    sample = [{
        "id": "identity_0",
        "conversations": [{
            "from": "user",
            "value": "\n给定一句话：“4月6日攀枝花市的天气”，请你按步骤要求工作。\n\n"
                     "步骤1：识别这句话中的城市和日期共2个信息，"
                     "如果这句话中的日期没有说明具体的年份，则默认年份为今年\n"
                     "步骤2：根据城市和日期信息，生成JSON字符串，"
                     "格式为{\"city\":城市,\"date\":日期}\n\n请问，这个JSON字符串是：\n",
        }, {"from": "assistant", "value": "{\"city\": \"攀枝花市\", \"date\": \"04-06\"}"}],
    }]
    path = tmp_path / "train.txt"
    path.write_text(json.dumps(sample), encoding="utf-8")  # the tutorial wrote ASCII-escaped JSON
    [example] = load_training_file(path)
    assert example.answer == Answer("攀枝花市", "04-06")
    # any wording of the tutorial's prompt (here with its default-year sentence): the question inside, once
    assert example.query == "4月6日攀枝花市的天气"
    from sft.prompt import render

    class Chat:  # a stand-in tokenizer with a chat template: the rendered text holds the prompt once
        chat_template = "x"

        def apply_chat_template(self, messages, tokenize, add_generation_prompt):
            return "".join(m["content"] for m in messages)

    assert render(Chat(), example.query, "tutorial").count("给定一句话") == 1
    assert query_of(user_message("4月6日攀枝花市的天气")) == "4月6日攀枝花市的天气"
    assert query_of(user_message("青岛3-15号天气预报", "short")) == "青岛3-15号天气预报"


@pytest.mark.parametrize(
    "text, where, what",
    [
        ('{"id": "identity_0", "conversations": []}\n', ":1:", "conversations"),
        ("not json at all\n", ":1:", "Expecting value"),
        ("[1, 2", ": invalid JSON", "Expecting"),
        ("[1]", ": record 0:", "record must be a JSON object"),
        ("", ": no records", "expected the tutorial's train.txt"),
    ],
)
def test_malformed_training_file(tmp_path, text, where, what):
    path = tmp_path / "train.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_training_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}{where}")
    assert what in message and "expected the tutorial's train.txt" in message


def test_malformed_jsonl_line_number(tmp_path):
    good = json.dumps(to_conversation(Example("identity_0", "青岛3-15号天气预报", Answer("青岛", "03-15"))))
    bad = good.replace('\\"03-15\\"}', '\\"03-15\\"')  # assistant turn no longer JSON
    path = tmp_path / "train.jsonl"
    path.write_text(f"{good}\n\n{bad}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"^{path}:3: the assistant turn is not an answer JSON"):
        load_training_file(path)


def test_generate_real_mix():
    """The `real` mix: gold from the parts' slot values; checked here only by what needs no date code."""
    import datetime as dt

    from sft.datagen import held_out_queries, normalize_query
    from sft.task import DATE_PATTERN

    examples = generate(3000, seed=0, mix="real", prompt="short")
    assert generate(3000, seed=0, mix="real", prompt="short") == examples  # deterministic
    assert len({e.query for e in examples}) == 3000
    share = lambda pred: sum(map(pred, examples)) / len(examples)  # noqa: E731
    assert 0.25 < share(lambda e: e.answer.city is None) < 0.6
    assert 0.3 < share(lambda e: e.answer.date is None) < 0.7
    assert 0.05 < share(lambda e: e.answer == Answer(None, None)) < 0.3
    assert 0.2 < share(lambda e: e.today is not None) < 0.45
    held_out = held_out_queries()
    for e in examples:
        assert e.answer.city is None or e.answer.city in e.query, e
        assert e.answer.date is None or re.fullmatch(DATE_PATTERN, e.answer.date), e
        assert normalize_query(e.query) not in held_out, e
    # a relative word alone resolves only with a reference day; checked with the calendar, not the resolver
    absolute = re.compile(r"\d|[一二三四五六七八九十]月")
    for e in examples:
        plain = not absolute.search(e.query) and "天后" not in e.query
        plain = plain and not re.search(r"改|不行|算了|原定", e.query)  # two dates: 明天 may be the one dropped
        if e.today is not None and re.search(r"(?<!清)明天(?!气)", e.query) and plain:
            assert e.answer.date == (e.today + dt.timedelta(days=1)).isoformat(), e
        if e.today is None and re.search(r"明天|(?<!前)后天|下周[一二三四五六日]", e.query) and plain:
            assert e.answer.date is None, e


def test_real_mix_names_every_lunar_festival_and_dates_no_movable_day():
    """Every lunar festival and solar term the resolver knows is in the `real` mix's draw (冬至, 腊八, not only
    春节); a day on no fixed date (母亲节, 感恩节, 开学那天) gets no date, whatever the reference day."""
    import random

    from sft.compose import LUNAR_FESTIVALS, MOVABLE_DAYS, date_part
    from sft.dates import LUNAR_FESTIVALS as RESOLVER_NAMES
    from sft.dates import READER_ONLY_LUNAR

    # English names and READER_ONLY_LUNAR (霜降那天, 拗九节: added after the training data was fixed) are read only
    assert {n for n in RESOLVER_NAMES if not n.isascii() and n not in READER_ONLY_LUNAR} <= set(LUNAR_FESTIVALS)
    assert not set(READER_ONLY_LUNAR) & set(LUNAR_FESTIVALS)
    rng = random.Random(5)
    parts = [date_part(rng, None) for _ in range(3000)]
    movable = [p for p in parts if p.kind == "movable"]
    assert movable and all(p.text in MOVABLE_DAYS and p.value is None and p.phrase is None for p in movable)


def test_non_city_places_weigh_sights_up():
    """A non-city place is a sight about SIGHT_WEIGHT times as often as its share of the names, always with a
    null city, and only train-split sights are drawn (the test-split ones stay unseen)."""
    import random

    from sft.compose import NON_CITY_KINDS, SIGHT_WEIGHT, place_part
    from sft.places import load_places

    places = [p for p in load_places() if p.kind in NON_CITY_KINDS and p.split == "train"]
    sights = {p.name for p in places if p.kind == "sight"}
    test_sights = {p.name for p in load_places() if p.kind == "sight" and p.split == "test"}
    share = len(sights) / len(places)
    expected = share * SIGHT_WEIGHT["sight"] / (1 + share * (SIGHT_WEIGHT["sight"] - 1))
    rng = random.Random(11)
    parts = [place_part(rng, "non-city") for _ in range(4000)]
    drawn = [p for p in parts if p.kind == "sight"]
    assert all(p.value is None for p in parts)
    assert {p.text for p in drawn} <= sights and not {p.text for p in drawn} & test_sights
    assert abs(len(drawn) / len(parts) - expected) < 0.03, (len(drawn) / len(parts), expected)


def test_places_all_lets_the_test_split_places_in_and_keeps_the_test_cities_out():
    """``--places all``: the composed questions also name places.tsv's test-split places (what the rule knows),
    never cities.tsv's test cities (the ``hard`` split's); ``train`` names none of them; a typo is one line."""
    import re

    from sft.cities import short_name, test_cities
    from sft.datagen import generate
    from sft.errors import UserError
    from sft.places import load_places

    test_places = {p.name for p in load_places() if p.split == "test" and len(p.name) >= 3}
    test_city = re.compile("|".join(sorted({n for c in test_cities() for n in (c.name, short_name(c.name))},
                                           key=len, reverse=True)))

    def named(examples):
        return {n for e in examples for n in test_places if n in e.query}

    train = generate(600, seed=3, mix="real", places="train")
    every = generate(600, seed=3, mix="real", places="all")
    assert not named(train) and len(named(every)) > 20
    assert not any(test_city.search(e.query) for e in every)
    with pytest.raises(UserError, match="unknown places 'test'; valid: train, all, counties, counties-4"):
        generate(10, mix="real", places="test")


def test_cities_all_lets_the_test_cities_in_as_cities_and_keeps_the_suite_out():
    """``--cities all``: the composed and hand-written questions may name the test cities of cities.tsv and
    places.tsv (each then a gold city), the non-city places still follow ``--places``, and no suite question or
    ``seen`` answer gets in; ``train`` names none of them; a typo is one line."""
    import re

    from sft.datagen import held_out, normalize_query
    from sft.errors import UserError
    from sft.places import load_places

    names = {n for c in test_cities() for n in (c.name, short_name(c.name))}
    test_city = re.compile("|".join(sorted(names, key=len, reverse=True)))
    place_cities = {p.name for p in load_places() if p.split == "test" and p.kind == "city"}
    test_places = {p.name for p in load_places() if p.split == "test" and p.kind != "city" and len(p.name) >= 3}
    train = generate(3000, seed=4, mix="written-60", dates="phrase")
    every = generate(3000, seed=4, mix="written-60", dates="phrase", cities="all")
    assert not any(test_city.search(e.query) for e in train)
    hits = [e for e in every if test_city.search(e.query)]
    assert len(hits) > 100  # hand-written ones (北京, 成都, 武汉 ...) and composed ones
    assert sum(e.answer.city in names for e in hits) > 50
    assert {e.answer.city for e in every} & place_cities
    composed = generate(1500, seed=4, mix="real", cities="all")  # no hand-written question: the places are drawn
    assert any(test_city.search(e.query) for e in composed)
    assert not {n for e in composed for n in test_places if n in e.query}
    queries, seen_answers = held_out()
    assert not any(normalize_query(e.query) in queries or e.answer in seen_answers for e in every)
    with pytest.raises(UserError, match="unknown cities 'test'; valid: train, all"):
        generate(10, mix="real", cities="test")


def test_counties_places_name_every_county_as_often_as_train_does():
    """``--places counties``: a county is drawn as often as under ``train``, its name now from every county of
    datasets/counties.tsv but the test split's, alone and with a null gold city."""
    import random

    from sft.compose import place_part
    from sft.places import counties, load_places

    def draw(places):
        rng = random.Random(5)
        return [place_part(rng, places=places) for _ in range(6000)]

    train, wide = draw("train"), draw("counties")
    county_t, county_w = ([p for p in parts if p.kind == "county"] for parts in (train, wide))
    assert len(county_t) > 200 and abs(len(county_w) - len(county_t)) < 0.2 * len(county_t)
    in_places = {p.name for p in load_places()}
    test_places = {p.name for p in load_places() if p.split == "test"}
    assert sum(p.text not in in_places for p in county_w) > 0.7 * len(county_w)
    assert all(p.text in in_places for p in county_t)
    assert all(p.text in counties() and p.value is None for p in county_w)
    assert not any(p.text in test_places for p in wide) and not any(p.text in test_places for p in train)
    assert {p.kind for p in wide} == {p.kind for p in train}
    county_4 = [p for p in draw("counties-4") if p.kind == "county"]
    assert 2 * len(county_t) < len(county_4) < 3 * len(county_t)  # weight x4 among the non-city kinds: x2.4


def test_phrase_target_copies_relative_dates_as_written():
    """``--dates phrase``: the same questions as the resolved target (one seed), no reference day in any
    prompt, and a relative date copied verbatim; the resolved target's days checked with the calendar."""
    import datetime as dt

    from sft.task import DATE_PATTERN

    resolved = generate(1500, seed=3, mix="real", prompt="short")
    phrase = generate(1500, seed=3, mix="real", prompt="short", dates="phrase")
    assert all(e.today is None for e in phrase)
    pairs = [(r, p) for r, p in zip(resolved, phrase, strict=True) if r.query == p.query]
    assert len(pairs) > 0.98 * len(resolved)  # decontamination by answer can drop a few differently
    copied = 0
    for r, p in pairs:
        assert p.answer.city == r.answer.city, (r, p)
        if p.answer.date is not None and not re.fullmatch(DATE_PATTERN, p.answer.date):
            copied += 1
            assert p.answer.date in "".join(p.query.split()), p  # copied as written (a spaced-out one unspaced)
            if r.today is None or r.answer.date is not None:  # with a day: resolved (or null: no such day)
                assert r.answer.date is None if r.today is None else re.fullmatch(r"\d{4}-\d{2}-\d{2}", r.answer.date)
            if p.answer.date == "明天" and r.today is not None:
                assert r.answer.date == (r.today + dt.timedelta(days=1)).isoformat()
        else:
            assert p.answer.date == r.answer.date or (r.today is not None and p.answer.date is None), (r, p)
    assert copied > 0.1 * len(pairs)
    with pytest.raises(ValueError, match="unknown date target 'both'"):
        generate(5, mix="real", dates="both")


def test_real_mix_round_trips_through_train_files(tmp_path):
    from sft.datagen import load_training_file, write

    examples = generate(200, seed=4, mix="real", prompt="short")
    txt, jsonl = write(examples, tmp_path, prompt="short")
    assert load_training_file(jsonl) == examples
    assert load_training_file(txt) == examples  # the reference day comes back from the user turn


def test_composed_typos_spaces_and_place_order():
    """The `real` mix's newer parts: a misspelt city is copied as written and spells no known place; a
    spaced-out question keeps its city whole; the place may come last; every gold city is in its question."""
    import random

    from sft.compose import HOMOPHONES, _known_names, compose, typo_city

    rng = random.Random(7)
    assert typo_city(rng, "杭州") in {"杭洲", "杭周", "杭舟"}
    assert typo_city(rng, "吕梁") is None  # no character with a homophone listed
    assert all(len(k) <= 2 and v for k, v in HOMOPHONES.items())
    known = _known_names()
    typos = spaced = last = 0
    for _ in range(4000):
        query, answer, _today = compose(rng, "phrase")
        if answer.city is None:
            continue
        assert answer.city in query, (query, answer)
        if answer.city not in known and not answer.city.isascii():
            typos += 1
        if " " in query.strip() and all(len(w) == 1 for w in query.replace(answer.city, "").split()):
            spaced += 1
        tail = r"(?:\W|呢|的|那边|这边|哈|嘛|啊|呀|急|谢啦|在线等|thx)+$"
        last += re.sub(tail, "", query).endswith(answer.city)
    assert typos > 40 and spaced > 20 and last > 100, (typos, spaced, last)


def test_spacing_all_spaces_the_city_too_and_changes_nothing_else():
    """``spacing="all"`` (sft.compose.SPACINGS): a question typed with a space after every character spaces its
    Chinese city too and copies it so (湖 州); a Latin city stays whole; every other draw is the one of
    ``city-whole``, so the two differ only in those questions."""
    import random

    from sft.compose import compose

    whole, spaced = random.Random(11), random.Random(11)
    changed = 0
    for _ in range(3000):
        q1, a1, t1 = compose(whole, "phrase", "train", "train", "city-whole")
        q2, a2, t2 = compose(spaced, "phrase", "train", "train", "all")
        assert (a1.date, t1) == (a2.date, t2)
        if (q1, a1) == (q2, a2):
            continue
        changed += 1
        assert a1.city and a2.city == " ".join(a1.city) and a2.city in q2 and a1.city not in q2, (q1, q2)
        assert q2.replace(" ", "") == q1.replace(" ", ""), (q1, q2)
    assert 20 < changed < 150, changed
    from sft.errors import UserError

    with pytest.raises(UserError, match="spacing"):
        generate(10, mix="real", spacing="apart")


def test_the_composers_place_kinds_are_the_gazetteers():
    """compose keeps its own draw order of the place kinds, but the same kinds as sft.places."""
    from sft.compose import NON_CITY_KINDS, SUB_PLACE_KINDS
    from sft.places import LOCATED_KINDS, NOT_CITY_KINDS

    assert sorted(NON_CITY_KINDS) == sorted(NOT_CITY_KINDS) and len(set(NON_CITY_KINDS)) == len(NON_CITY_KINDS)
    assert sorted(SUB_PLACE_KINDS) == sorted(LOCATED_KINDS) and len(set(SUB_PLACE_KINDS)) == len(SUB_PLACE_KINDS)


def test_composed_month_days_never_write_a_lunar_festival_name():
    """二月二, 三月三, 五月五, 七月七, 九月九 alone are festivals (WILD.md, 39th sitting): it writes 二月二号."""
    import random

    from sft.compose import _md_text
    from sft.dates import find_festival

    rng = random.Random(3)
    texts = {_md_text(rng, m, m) for m in (2, 3, 5, 7, 9) for _ in range(300)}
    assert "二月二号" in texts and "二月二" not in texts
    assert all(find_festival(t) is None for t in texts)
