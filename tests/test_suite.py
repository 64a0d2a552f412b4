"""The committed test suite: sizes, gold labels by the rule, and no leak from the training data."""

from __future__ import annotations

import json
import re
import string
import unicodedata
from functools import lru_cache

import pytest

from sft.cities import load_cities, short_name, test_cities
from sft.datagen import EXTRA_TEMPLATES, MIXES, TEST_REGIONS, TRAIN_REGIONS, TUTORIAL_TEMPLATES, generate
from sft.suite import (
    DEFAULT_SUITE,
    HARD_KINDS,
    SIZES,
    SPLITS,
    TRAIN_N,
    TRAIN_SEEDS,
    UNSEEN_TEMPLATES,
    Item,
    build_suite,
    dumps,
    load_suite,
)
from sft.task import Answer, find_date

#: Tags whose asked date is not what a plain first-match date rule finds (documented in sft.suite).
NOT_PLAIN = {"two-dates"}
#: A year written in the question: 2020年, 23年, 二〇二三年, 2023-12-30, 2023/12/30, 2023.12.30.
YEAR = re.compile(r"\d{4}年|(?<!\d)\d{2}年|[〇零一二三四五六七八九]{2,4}年|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


@lru_cache(maxsize=1)
def suite() -> tuple[Item, ...]:
    return tuple(load_suite())


@lru_cache(maxsize=1)
def training() -> tuple[set[str], set[Answer]]:
    queries, answers = set(), set()
    for seed in TRAIN_SEEDS:
        for mix in MIXES:
            for example in generate(TRAIN_N, seed, mix):
                queries.add(example.query)
                answers.add(example.answer)
    return queries, answers


def normalize(text: str) -> str:
    """NFKC, without spaces, punctuation, symbols (emoji) and marks: the text a noisy query shares."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PSZCM")


@lru_cache(maxsize=1)
def _slots() -> dict[str, str]:
    names = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    place = "(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + ")"
    regions = "(?:" + "|".join(map(re.escape, TRAIN_REGIONS + TEST_REGIONS)) + ")"
    num, cn = r"[0-9０-９]{1,2}", "[〇零一二两三四五六七八九十]{1,3}"
    return {
        "city": place, "other": place, "region": regions, "year": r"\d{4}", "yy": r"\d{2}",
        "cyear": "[〇零一二三四五六七八九]{4}", "month": num, "day": num, "month2": num, "day2": num,
        "fmonth": num, "fday": num, "cmonth": cn, "cday": cn, "n": r"\d",
    }


def template_regex(template: str, normalized: bool = False) -> re.Pattern:
    """Everything a template can produce (any city, region or number in its slots)."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(normalize(literal) if normalized else literal))
        if field is not None:
            parts.append(_slots()[field])
    return re.compile("".join(parts))


def skeleton(template: str) -> str:
    return normalize(re.sub(r"\{\w+\}", "", template))


TRAINING_TEMPLATES = [t for t, _ in TUTORIAL_TEMPLATES] + list(EXTRA_TEMPLATES)
SUITE_TEMPLATES = [t for t, _ in UNSEEN_TEMPLATES] + [
    t for tags, _, templates in HARD_KINDS if "tutorial-template" not in tags for t in templates
]


# --------------------------------------------------------------------------------- file and shape

def test_committed_file_equals_builder_output():
    assert DEFAULT_SUITE.read_text(encoding="utf-8") == dumps(build_suite()), (
        "datasets/test_suite.jsonl is stale: python -m sft.suite --build datasets/test_suite.jsonl"
    )


def test_split_sizes_and_ids():
    items = suite()
    assert [i.split for i in items] == [s for s in SPLITS for _ in range(SIZES[s])]
    assert SIZES == {"seen": 200, "unseen": 300, "hard": 200, "seed": 8}
    assert len({i.id for i in items}) == len(items)
    for split in SPLITS:
        ids = [i.id for i in items if i.split == split]
        assert ids == [f"{split}-{n:04d}" for n in range(1, SIZES[split] + 1)]
    assert len({i.query for i in items}) == len(items)
    for split in SPLITS:
        assert len(load_suite(splits=[split])) == SIZES[split]
    assert len(load_suite(splits="hard")) == 200


def test_seed_split_is_the_tutorials_questions():
    expected = [
        ("2020年4月16号三亚下雨吗？", "三亚", "2020-04-16"),
        ("青岛3-15号天气预报", "青岛", "03-15"),
        ("5月6号下雪么，城市是威海", "威海", "05-06"),
        ("青岛2023年12月30号有雾霾么?", "青岛", "2023-12-30"),
        ("我打算6月1号去北京旅游，请问天气怎么样？", "北京", "06-01"),
        ("你们打算1月3号坐哪一趟航班去上海？", "上海", "01-03"),
        ("小明和小红是8月8号在上海结婚吗?", "上海", "08-08"),
        ("一起去东北看冰雕么，大概是1月15号左右，我们3个人一起", None, "01-15"),
    ]
    assert [(i.query, i.gold.city, i.gold.date) for i in load_suite(splits=["seed"])] == expected


def test_unseen_templates():
    assert len(UNSEEN_TEMPLATES) >= 25
    assert len({t for t, _ in UNSEEN_TEMPLATES}) == len(UNSEEN_TEMPLATES)
    groups = {tag for _, tags in UNSEEN_TEMPLATES for tag in tags}
    assert {"colloquial", "interrogative", "noisy", "word-order", "long", "typo", "emoji", "spaces"} <= groups
    unseen = [i for i in suite() if i.split == "unseen"]
    for template, _ in UNSEEN_TEMPLATES:
        pattern = template_regex(template)
        assert sum(1 for i in unseen if pattern.fullmatch(i.query)) >= 12, template


def test_hard_kinds():
    hard = [i for i in suite() if i.split == "hard"]
    counts = {tag: sum(tag in i.tags for i in hard) for i in hard for tag in i.tags}
    for tag in ("chinese-numerals", "dash-date", "slash-date", "dot-date", "two-digit-year", "test-only-city",
                "no-city", "no-date", "relative-date", "distractor", "second-place"):
        assert counts.get(tag, 0) >= 10, tag
    assert sum(kind_count for _, kind_count, _ in HARD_KINDS) == 200


# ---------------------------------------------------------------------------------------- no leak

def test_no_test_query_in_training_data():
    queries, _ = training()
    normalized = {normalize(q) for q in queries}
    for item in suite():
        assert item.query not in queries, item
        assert normalize(item.query) not in normalized, item


def test_seen_split_uses_new_combinations_of_training_templates():
    _, answers = training()
    train_names = {c.name for c in load_cities() if c.split == "train"}
    tutorial = [template_regex(t) for t, _ in TUTORIAL_TEMPLATES]
    for item in (i for i in suite() if i.split == "seen"):
        assert any(p.fullmatch(item.query) for p in tutorial), item
        assert item.gold not in answers, item  # a (city, date) pair training never has
        assert item.gold.city in train_names


def test_suite_templates_and_training_templates_are_disjoint():
    assert not set(SUITE_TEMPLATES) & set(TRAINING_TEMPLATES)
    assert not {skeleton(t) for t in SUITE_TEMPLATES} & {skeleton(t) for t in TRAINING_TEMPLATES}
    # Stronger: no training template can produce a test query (raw, or with noise stripped), except the
    # items that are meant to use the tutorial's templates (seen split, test-only-city kind).
    extra = [(template_regex(t), template_regex(t, normalized=True)) for t in EXTRA_TEMPLATES]
    tutorial = [(template_regex(t), template_regex(t, normalized=True)) for t, _ in TUTORIAL_TEMPLATES]
    for item in suite():
        query, plain = item.query, normalize(item.query)
        assert not any(raw.fullmatch(query) or norm.fullmatch(plain) for raw, norm in extra), item
        if "tutorial-template" not in item.tags:
            assert not any(raw.fullmatch(query) or norm.fullmatch(plain) for raw, norm in tutorial), item


def test_test_only_cities():
    test_names = {c.name for c in test_cities()} | {short_name(c.name) for c in test_cities()}
    tagged = [i for i in suite() if "test-only-city" in i.tags]
    assert len(tagged) >= 30
    for item in suite():
        assert ("test-only-city" in item.tags) == (item.gold.city in test_names), item


# ------------------------------------------------------------------------------------ gold labels

def test_gold_dates_follow_the_rule():
    for item in suite():
        if not NOT_PLAIN & set(item.tags):
            assert find_date(item.query) == item.gold.date, item
        if item.gold.date is not None:
            names_year = YEAR.search(unicodedata.normalize("NFKC", item.query)) is not None
            assert (len(item.gold.date) == 10) == names_year, item
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}" if names_year else r"\d{2}-\d{2}", item.gold.date)
        if {"no-date", "relative-date"} & set(item.tags):
            assert item.gold.date is None, item


def test_not_plain_items_are_few_and_labelled():
    odd = [i for i in suite() if NOT_PLAIN & set(i.tags)]
    assert 0 < len(odd) <= 10
    for item in odd:
        assert item.gold.date is not None and item.gold.date != find_date(item.query)


def test_gold_cities():
    all_names = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    full = {c.name for c in load_cities()}
    for item in suite():
        city = item.gold.city
        if city is None:
            assert not [n for n in all_names if n in item.query], item
            continue
        assert city in item.query and city in all_names, item
        assert ("short-city" in item.tags) == (city not in full), item
    no_city = [i for i in suite() if i.gold.city is None]
    assert any("东北" in i.query for i in no_city) and any("江南" in i.query for i in no_city)


# --------------------------------------------------------------------------------------- loading

def test_unknown_split():
    with pytest.raises(ValueError) as info:
        load_suite(splits=["seen", "x"])
    assert str(info.value) == "unknown split 'x'; valid: seen, unseen, hard, seed"


GOOD = {"id": "seen-0001", "split": "seen", "query": "青岛3-15号天气预报",
        "gold": {"city": "青岛", "date": "03-15"}}


@pytest.mark.parametrize(
    "bad, what",
    [
        ("{not json", "Expecting"),
        (json.dumps([1]), "not a JSON object"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "gold"}), "missing gold"),
        (json.dumps({**GOOD, "split": "dev"}), "unknown split 'dev'"),
        (json.dumps({**GOOD, "gold": {"city": "青岛"}}), "exactly 'city' and 'date'"),
        (json.dumps({**GOOD, "gold": {"city": "青岛", "date": "3-15"}}), "gold 'date'"),
        (json.dumps({**GOOD, "tags": "hard"}), "'tags'"),
        (json.dumps(GOOD), "duplicate id"),
    ],
    ids=["bad-json", "not-object", "no-gold", "bad-split", "gold-keys", "bad-date", "bad-tags", "dup-id"],
)
def test_malformed_suite_line(tmp_path, bad, what):
    path = tmp_path / "suite.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(ValueError) as info:
        load_suite(path)
    assert str(info.value).startswith(f"{path}:3: ")
    assert what in str(info.value)


def test_load_suite_reads_items(tmp_path):
    path = tmp_path / "suite.jsonl"
    path.write_text(json.dumps({**GOOD, "tags": ["dash-date"]}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_suite(path) == [Item("seen-0001", "seen", "青岛3-15号天气预报", Answer("青岛", "03-15"),
                                     ("dash-date",))]
    assert load_suite(path, splits=["hard"]) == []
