"""The hand-written training questions (datasets/written.jsonl, and the older ``wild`` sittings of
datasets/written_wild.jsonl) and the ``written`` mix that draws them."""

from __future__ import annotations

import json
import re

import pytest

from sft.cities import short_name, test_cities
from sft.datagen import (
    MIX_SHARES,
    SEVERAL_NAMED_MIXES,
    SEVERAL_NAMED_SHARE,
    SEVERAL_NAMED_TAGS,
    generate,
    normalize_query,
)
from sft.errors import UserError
from sft.suite import load_suite, load_wild
from sft.task import Answer
from sft.written import NEAR, WILD_TEST_FROM, WRITTEN_WILD_SOURCE, NearIndex, load_written, wild_number, written

#: The tags after the register's own (the writers' guide lists these only).
TAGS = set("""fragment follow-up activity colloquial dialect typo homophone spaces emoji punctuation english search-box
hk-macau-taiwan foreign county-city district county scenic-spot province region country two-places two-dates past-date
festival lunar-festival relative day-only vague-time chinese-numerals dot-date slash-date dash-date year two-digit-year
range distractor long voice weather-aspect time-of-day no-city no-date neither""".split())


def test_written_file_is_well_formed():
    items = load_written()
    assert len(items) >= 1000
    assert [i.id for i in items] == [f"written-{n:05d}" for n in range(len(items))]
    assert len({normalize_query(i.query) for i in written()}) == len(written())  # wild sittings included
    for item in items:
        assert item.tags and set(item.tags[1:]) <= TAGS, item  # the wild sittings: their own tags (test_suite.py)
    for item in written():
        assert ("no-city" in item.tags) == (item.gold.city is None), item
        assert ("no-date" in item.tags) == (item.gold.date is None), item
        assert ("neither" in item.tags) == (item.gold == Answer(None, None)), item
        if item.gold.city is not None:
            assert item.gold.city == item.gold.city.strip() and item.gold.city in item.query, item
        if item.phrase is not None:
            assert item.phrase in item.query, item
            assert item.today is not None or item.gold.date is None, item
        if item.today is not None and item.gold.date is not None:
            assert len(item.gold.date) in (5, 10), item


def test_the_older_wild_sittings_are_training_questions_with_their_hand_labels():
    """datasets/written_wild.jsonl (``datasets/make_written.py --wild``): only sittings before the test side, each
    with its `wild` label, tags and reference day unchanged; the test side is the suite's `wild` split."""
    record = {i.id: i for i in load_wild(side="train")}
    items = load_written(WRITTEN_WILD_SOURCE)
    assert len(items) >= 0.75 * len(record)
    for item in items:
        assert item.id.startswith("written-w"), item
        source = record[f"wild-{wild_number(item.id):04d}"]
        assert wild_number(source.id) < WILD_TEST_FROM
        assert (item.query, item.gold, item.tags, item.today) == (source.query, source.gold, source.tags,
                                                                source.today), item
        if item.phrase is not None:
            assert item.phrase in item.query and item.today is not None, item
    suite_wild = [i for i in load_suite() if i.split == "wild"]
    assert suite_wild == load_wild(side="test") and all(wild_number(i.id) >= WILD_TEST_FROM for i in suite_wild)
    assert len(load_wild(side="test")) + len(load_wild(side="train")) == len(load_wild(side="all"))


def test_the_written_mix_draws_the_older_wild_sittings():
    examples = generate(3000, seed=0, mix="written-60", prompt="short", dates="phrase")
    wild_side = {i.query for i in load_written(WRITTEN_WILD_SOURCE)}
    assert sum(e.query in wild_side for e in examples) > 0.3 * len(examples)


def test_written_covers_what_people_type():
    items = written()
    share = lambda pred: sum(map(pred, items)) / len(items)  # noqa: E731
    assert 0.2 <= share(lambda i: i.gold.city is None) <= 0.6
    assert 0.2 <= share(lambda i: i.gold.date is None) <= 0.7  # 0.28 with the older wild sittings
    assert share(lambda i: i.phrase is not None) >= 0.1
    assert share(lambda i: i.today is not None) >= 0.1
    assert len({i.tags[0] for i in items if i.tags}) >= 50  # registers (the first wild sittings have no tags)


def test_no_written_question_is_in_the_suite():
    """The suite (wild included) never holds a training question, however it is spaced or punctuated."""
    suite = {normalize_query(i.query) for i in load_suite()}
    hits = [i.query for i in written() if normalize_query(i.query) in suite]
    assert not hits


def test_no_written_question_is_near_a_wild_one():
    wild = NearIndex(i.query for i in load_suite() if i.split == "wild")
    near = [(i.query, *wild.nearest(i.query)) for i in written()]
    assert not [n for n in near if n[1] >= NEAR]


def test_near_index():
    index = NearIndex(["北京明天天气", "上海后天下雨吗"])
    assert index.nearest("北京 明天 天气！") == (1.0, "北京明天天气")
    share, where = index.nearest("上海后天下雪吗")
    assert where == "上海后天下雨吗" and 0.4 < share < 0.6  # 上海 海后 后天 天下 of 8 bigrams
    assert index.nearest("你好") == (0.0, None)


def test_written_mix_draws_hand_written_questions():
    examples = generate(3000, seed=0, mix="written", prompt="short", dates="phrase")
    assert generate(3000, seed=0, mix="written", prompt="short", dates="phrase") == examples
    by_query = {}
    for item in written():
        by_query.setdefault(item.query, item)
    hand = [e for e in examples if e.query in by_query]
    assert abs(len(hand) / len(examples) - MIX_SHARES["written"][3]) < 0.03
    forbidden = re.compile("|".join({n for c in test_cities() for n in (c.name, short_name(c.name))}))
    for e in hand:
        item = by_query[e.query]
        assert e.today is None  # phrase: no reference day; the date words as written
        assert e.answer == Answer(item.gold.city, item.phrase if item.phrase is not None else item.gold.date)
        assert not forbidden.search(e.query)
    resolved = generate(3000, seed=0, mix="written", prompt="short", dates="resolved")
    for e in resolved:
        if e.query in by_query:
            assert (e.answer, e.today) == (by_query[e.query].gold, by_query[e.query].today)


@pytest.mark.parametrize("mix, share", [("written-40", 0.40), ("written-60", 0.60), ("written-80", 0.80)])
def test_a_larger_written_share_keeps_the_other_parts_in_proportion(mix, share):
    """`written-40`, `written-60` (the `gpu` profile's mix) and `written-80` are `written` with two, three and four
    fifths hand-written; the tutorial, extended and composed parts keep their 12 : 8 : 60 proportions."""
    shares = MIX_SHARES[mix]
    assert abs(sum(shares) - 1) < 1e-9 and shares[3] == share
    base = MIX_SHARES["written"]
    assert all(abs(a / b - shares[0] / base[0]) < 1e-9 for a, b in zip(shares[:3], base[:3]))
    examples = generate(2000, seed=0, mix=mix, prompt="short", dates="phrase")
    queries = {item.query for item in written()}
    assert abs(sum(e.query in queries for e in examples) / len(examples) - share) < 0.04


@pytest.mark.parametrize("mix, base", list(SEVERAL_NAMED_MIXES.items()))
def test_a_several_named_mix_draws_half_its_hand_written_questions_from_the_tagged_ones(mix, base):
    """`written-two` and `written-60-two` keep their base mix's shares; half of their hand-written draws come from
    the questions tagged as naming two places or dates (the writers' tags), the rest from the whole pool."""
    assert MIX_SHARES[mix] == MIX_SHARES[base]
    examples = generate(2000, seed=0, mix=mix, prompt="short", dates="phrase")
    assert generate(2000, seed=0, mix=mix, prompt="short", dates="phrase") == examples
    tags = {item.query: item.tags for item in written()}
    tagged = {q for q, ts in tags.items() if any(t.startswith(SEVERAL_NAMED_TAGS) for t in ts)}
    assert 0.05 < len(tagged) / len(tags) < 0.2  # the pool the half is drawn from is a small part of the whole
    hand = [e.query for e in examples if e.query in tags]
    assert abs(len(hand) / len(examples) - MIX_SHARES[base][3]) < 0.04
    share = sum(q in tagged for q in hand) / len(hand)
    # half from the tagged pool, and about a tenth of the other half tagged by chance
    assert SEVERAL_NAMED_SHARE < share < SEVERAL_NAMED_SHARE + 0.2
    base_hand = [e.query for e in generate(2000, seed=0, mix=base, prompt="short", dates="phrase") if e.query in tags]
    assert sum(q in tagged for q in base_hand) / len(base_hand) < 0.2


@pytest.mark.parametrize("record, message", [
    ({"id": "w", "query": "北京冷吗", "gold": {"city": "上海", "date": None}, "phrase": None},
     "gold 'city' must be null or written in the query"),
    ({"id": "w", "query": "明天北京冷吗", "gold": {"city": "北京", "date": "2026-01-02"}, "phrase": "明天"},
     "a date phrase without a reference day has no date"),
    ({"id": "w", "query": "北京冷吗", "gold": {"city": "北京", "date": None}, "phrase": "明天"},
     "'phrase' must be null or written in the query"),
    ({"id": "w", "query": "北京冷吗", "gold": {"city": "北京", "date": "6月1号"}, "phrase": None},
     "gold 'date' must be null or match"),
    ({"id": "w", "query": "北京冷吗", "gold": {"city": "北京"}, "phrase": None},
     "'gold' must be an object with exactly 'city' and 'date'"),
    ({"id": "w", "query": "北京冷吗", "gold": {"city": "北京", "date": None}}, "missing phrase"),
])
def test_a_bad_written_line_names_file_and_line(tmp_path, record, message):
    path = tmp_path / "written.jsonl"
    good = {"id": "w0", "query": "杭州呢", "gold": {"city": "杭州", "date": None}, "phrase": None}
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(record, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    with pytest.raises(UserError, match=re.escape(f"{path}:2: {message}")):
        load_written(path)
    with pytest.raises(UserError, match="no such file"):
        load_written(tmp_path / "none.jsonl")


def test_wild_as_written_phrase_is_the_span_that_reads_as_the_gold_day_all_week():
    """datasets/make_written.py --wild (reports/h100-wild-train): the phrase target of a relative date is the shortest
    span read as the gold date that also reads as the whole question does on each of the next six days, so
    ``下周二`` is not cut to ``周二`` (the same day from a Wednesday, not from a Monday); none when nothing reads as
    the gold date."""
    import datetime as dt
    import runpy

    span = runpy.run_path("datasets/make_written.py")["shortest_span"]
    wednesday = dt.date(2026, 11, 18)
    assert span("冷不冷啊 下周二 太原", "2026-11-24", wednesday) == "下周二"
    assert span("明天 杭州下雨吗", "2026-11-19", wednesday) == "明天"
    assert span("杭州下雨吗", "2026-11-19", wednesday) is None
