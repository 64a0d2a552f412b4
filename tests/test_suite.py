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
from sft.errors import UserError
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
from sft.task import Answer
from sft.written import WILD_TEST_FROM

#: Splits whose items come from templates (gold from the template's slot values).
GENERATED = ("seen", "unseen", "hard")
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
    sizes = {**SIZES, "wild": sum(1 for i in items if i.split == "wild")}
    assert [i.split for i in items] == [s for s in SPLITS for _ in range(sizes[s])]
    assert SIZES == {"seen": 200, "unseen": 300, "hard": 200, "seed": 8, "relative": 320}
    assert sizes["wild"] >= 400
    assert len({i.id for i in items}) == len(items)
    for split in SPLITS:
        ids = [i.id for i in items if i.split == split]
        first = WILD_TEST_FROM if split == "wild" else 1  # wild: the test side of the sittings
        assert ids == [f"{split}-{n:04d}" for n in range(first, first + sizes[split])]
    assert len({i.query for i in items}) == len(items)
    for split in SPLITS:
        assert len(load_suite(splits=[split])) == sizes[split]
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
    for item in (i for i in suite() if i.split != "wild"):
        assert ("test-only-city" in item.tags) == (item.gold.city in test_names), item


# ------------------------------------------------------------------------------------ gold labels

_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}


def _read_number(text: str) -> int:
    """A slot's number, read without the project's date code: 12, １２, 十二, 三十一, 二〇二三."""
    text = unicodedata.normalize("NFKC", text)
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return int("".join(str(_CN_DIGIT[c]) for c in text))


def _slot_regex(template: str) -> re.Pattern:
    """A template's regex with a named group per slot (a repeated slot must repeat its value)."""
    parts, named = [], set()
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(f"(?P={field})" if field in named else f"(?P<{field}>{_slots()[field]})")
            named.add(field)
    return re.compile("".join(parts))


def _templates_of(item) -> list[str]:
    if item.split == "seen" or "tutorial-template" in item.tags:
        return [t for t, _ in TUTORIAL_TEMPLATES]
    if item.split == "unseen":
        return [t for t, _ in UNSEEN_TEMPLATES]
    return [t for tags, _, templates in HARD_KINDS if set(tags) <= set(item.tags) for t in templates]


def _gold_from_slots(match: re.Match, tags: tuple[str, ...]) -> Answer:
    """The answer a template's slot values give by the README's rule (the asked date is {month}/{day})."""
    slots = {k: v for k, v in match.groupdict().items() if v is not None}
    city = slots.get("city")
    month = slots.get("month") or slots.get("cmonth") or slots.get("fmonth")
    if month is None or "relative-date" in tags:
        return Answer(city, None)
    m, d = _read_number(month), _read_number(slots.get("day") or slots.get("cday") or slots.get("fday"))
    year = slots.get("year") or slots.get("cyear") or slots.get("yy")
    if year is None:
        return Answer(city, f"{m:02d}-{d:02d}")
    y = _read_number(year)
    return Answer(city, f"{y + 2000 if y < 100 else y:04d}-{m:02d}-{d:02d}")


def test_generated_gold_is_the_templates_slot_values():
    """Gold of the generated splits, checked against the slot values its template was filled with (read
    back by a named-group regex and a hand-written numeral reader), never against a contender's code."""
    for item in (i for i in suite() if i.split in GENERATED):
        matches = [m for t in _templates_of(item) if (m := _slot_regex(t).fullmatch(item.query))]
        assert matches, item
        assert item.gold in {_gold_from_slots(m, item.tags) for m in matches}, item


def test_gold_dates_follow_the_rule():
    for item in suite():
        if item.gold.date is not None:
            names_year = YEAR.search(unicodedata.normalize("NFKC", item.query)) is not None
            if item.today is None and item.split != "wild":  # resolved dates carry a year; wild: any year form
                assert (len(item.gold.date) == 10) == names_year, item
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}" if names_year else r"\d{2}-\d{2}", item.gold.date)
        if {"no-date", "relative-date"} & set(item.tags) and item.today is None:
            assert item.gold.date is None, item


def test_two_date_items_ask_the_second_date():
    odd = [i for i in suite() if "two-dates" in i.tags and i.split in GENERATED]
    assert 0 < len(odd) <= 10
    for item in odd:
        match = next(m for t in _templates_of(item) if (m := _slot_regex(t).fullmatch(item.query)))
        m2, d2 = int(match["month2"]), int(match["day2"])
        assert item.gold.date is not None and item.gold.date != f"{m2:02d}-{d2:02d}"


def test_gold_cities():
    all_names = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    full = {c.name for c in load_cities()}
    for item in (i for i in suite() if i.split != "wild"):
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
    assert str(info.value) == "unknown split 'x'; valid: seen, unseen, hard, seed, wild, relative"


GOOD = {"id": "seen-0001", "split": "seen", "query": "青岛3-15号天气预报",
        "gold": {"city": "青岛", "date": "03-15"}}


@pytest.mark.parametrize(
    "bad, what",
    [
        ("{not json", "Expecting"),
        (json.dumps([1]), "not a JSON object"),
        (json.dumps({k: v for k, v in GOOD.items() if k != "gold"}), "missing gold"),
        (json.dumps({**GOOD, "split": "a b"}), "'split' must be a name"),
        (json.dumps({**GOOD, "gold": {"city": "青岛", "date": "02-30"}}), "not a real day"),
        (json.dumps({**GOOD, "today": "2026-13-01"}), "'today' is not a real day"),
        (json.dumps({**GOOD, "today": "tomorrow"}), "'today' must be a date"),
        (json.dumps({**GOOD, "gold": {"city": "青岛"}}), "exactly 'city' and 'date'"),
        (json.dumps({**GOOD, "gold": {"city": "青岛", "date": "3-15"}}), "gold 'date'"),
        (json.dumps({**GOOD, "tags": "hard"}), "'tags'"),
        (json.dumps(GOOD), "duplicate id"),
    ],
    ids=["bad-json", "not-object", "no-gold", "bad-split", "impossible-date", "bad-today", "today-word",
         "gold-keys", "bad-date", "bad-tags", "dup-id"],
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
    with pytest.raises(ValueError, match="unknown split 'hard'; valid: seen"):
        load_suite(path, splits=["hard"])


def test_any_suite_file_with_free_split_names(tmp_path):
    path = tmp_path / "mine.jsonl"
    rows = [{"id": "a1", "split": "my-questions", "query": "明天杭州下雨吗", "gold": {"city": "杭州", "date": None}},
            {"id": "a2", "split": "my-questions", "query": "明天杭州下雨吗？", "today": "2026-11-30",
             "gold": {"city": "杭州", "date": "2026-12-01"}}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    items = load_suite(path, splits=["my-questions"])
    assert [i.id for i in items] == ["a1", "a2"] and items[0].today is None
    assert items[1].today.isoformat() == "2026-11-30"
    assert Item.to_json(items[1]).endswith('"today": "2026-11-30"}')


# ------------------------------------------------------------------------------------------- wild

WILD_TAGS = {
    "fragment", "follow-up", "no-city", "no-date", "neither", "activity", "colloquial", "dialect", "typo",
    "homophone", "spaces", "emoji", "punctuation", "english", "search-box", "hk-macau-taiwan", "foreign",
    "county-city", "district", "county", "scenic-spot", "province", "region", "country", "two-places",
    "two-dates", "past-date", "festival", "lunar-festival", "relative", "day-only", "vague-time",
    "chinese-numerals", "dot-date", "slash-date", "dash-date", "year", "two-digit-year", "range", "distractor",
    "long", "voice", "dialogue", "social", "forum", "family-chat", "work", "weather-aspect",
    "sports-outdoor", "transport", "school-family", "overseas", "health", "events-business",
    "formal", "slang", "smart-home", "itinerary", "misc",
    "search-engine", "pinyin-english", "rambling", "numbers", "time-of-day", "hk-tw-local",
    "very-short", "city-forms", "hypothetical", "lists", "formatting", "learner-elderly",
    "ambiguous-names", "phenomena", "past-weather", "reminders", "cross-range",
    "farming-fishing", "delivery-service", "photo-wedding", "kids-voice", "social-caption", "dialect-days",
    "drone-sailing-flying", "multi-turn",
    "pasted-text", "sports-events", "elderly-health", "commute", "english-only", "hk-tw-usage", "handwriting-typos",
    "negation-hypothetical",
    "voice-asr", "minority-regions", "abbreviations", "time-expressions", "comparison", "weather-alerts",
    "outdoor-trips", "misc-short", "campus", "moving-housing", "food-shopping", "pets-garden", "internet-slang",
    "news-headlines", "overseas-chinese", "formal-official",
    "support-bot", "rural-life", "maps-navigation", "weather-detail", "clock-times", "holidays-leave", "numbers-heavy",
    "scripts-mixed", "long-plans", "work-chat", "medical-visits", "disaster-safety", "tourist-hotspots", "cross-border",
    "forwarded-chat", "questions-as-statements",
    "keyword-search", "ime-typos", "planning-choices", "speaker-commands", "holiday-travel",
    "emoji-heavy", "rambling-long", "counties-towns", "municipal-districts", "foreign-cities", "hk-macau-taiwan-places",
    "sights-with-cities", "two-city-trips", "relative-weeks-months", "date-formats",
    "assistant-commands", "slot-filling-turns", "forum-titles", "travel-guide-questions", "chitchat-mixed",
    "clothing-advice", "negated-and-doubtful", "kids-and-parents", "city-named-foods", "words-holding-cities",
    "people-and-companies", "numbers-in-names", "provinces-and-cities", "place-suffixes", "festival-lookalikes",
    "time-number-lookalikes",
    "learner-chinese", "zhuyin-tw-net", "flight-ferry-delays", "weibo-topics", "exam-days", "sky-watching",
    "voice-assistant-short", "misc-realistic-3", "anchored-days", "full-addresses", "fiction-and-games",
    "net-shopping-days", "construction-outdoor-work", "stations-and-ports", "sports-teams-fans", "misc-realistic-4",
    "classical-literary", "transliteration-variants", "city-nicknames", "one-char-abbreviations",
    "ride-hailing-drivers",
    "street-vendors", "hotel-front-desk", "misc-realistic-5", "real-estate-viewings", "live-streamers",
    "rhetorical-complaints", "comparisons-with-yesterday", "odd-date-typing", "hiking-camping-gear",
    "school-trips-and-camps", "misc-realistic-6", "islands-and-coasts", "new-districts-and-zones",
    "old-and-renamed-names", "border-towns", "same-name-places", "mountain-resorts", "rivers-lakes-reservoirs",
    "misc-realistic-7", "translation-requests", "meta-assistant-questions", "prompt-injection-jokes",
    "developer-api-style", "urls-and-handles", "radio-call-in", "quoted-speech", "misc-realistic-8",
    "numbered-lists", "labelled-fields", "flags-and-icons", "day-word-typos", "english-abbreviations", "jp-kr-users",
    "month-and-season-asks", "misc-realistic-9", "ethnic-festivals", "western-holidays", "business-calendar-words",
    "event-days", "uniformed-workers", "utility-crews", "aviation-codes", "misc-realistic-10", "wechat-moments",
    "couple-chat", "parent-teacher-groups", "neighbor-groups", "office-announcements", "gaming-breaks",
    "late-night-chat", "misc-realistic-11", "pinyin-initials", "cross-strait-terms", "sea-chinese-usage",
    "macau-usage", "chinatowns-abroad", "mixed-traditional-simplified", "elderly-typing", "misc-realistic-12",
    "zhidao-questions", "zhihu-questions", "douban-posts", "xiaohongshu-notes", "tieba-posts", "dianping-reviews",
    "news-comments", "misc-realistic-13", "smp-voice-commands", "car-voice", "smart-tv", "kids-smartwatch",
    "elderly-voice-calls", "dialogue-followups", "short-fragments", "misc-realistic-14",
    "english-sentences-chinese-places", "typo-heavy", "punctuation-chaos", "very-polite-formal", "angry-customers",
    "travel-agency-chat", "sports-fitness", "misc-realistic-15", "date-stress-absolute", "date-stress-relative",
    "city-stress-forms", "two-cities-stress", "conditional-questions", "past-and-future-mixed",
    "follow-up-corrections", "misc-realistic-16",
    "diary-entries", "chitchat-pairs", "school-essays", "proverbs-and-folk-sayings", "weather-superstitions",
    "idioms-with-places", "literary-quotes", "misc-realistic-17", "household-chores", "morning-exercise",
    "tomb-sweeping-and-rituals", "allergy-and-skin", "appliance-settings", "plant-watering", "kids-school-runs",
    "misc-realistic-18", "small-prefecture-cities", "autonomous-prefectures", "leagues-and-regions", "hk-districts",
    "taiwan-townships", "foreign-small-cities-2", "misc-realistic-19", "misc-realistic-19b", "reverse-order",
    "implicit-questions", "double-negatives", "long-context", "dialect-plus-english", "new-net-slang",
    "questions-about-accuracy", "misc-realistic-20",
    "spans-and-durations", "negated-places", "double-options", "time-ranges-across-days", "approximate-dates",
    "composite-relative-dates", "implicit-here", "misc-realistic-21", "app-store-reviews", "support-tickets",
    "search-suggestions", "seo-titles", "news-headlines-2", "weather-bulletins-quoted", "podcast-and-video-titles",
    "misc-realistic-22", "truck-drivers", "farmers-2", "fishermen-2", "shift-workers", "students-dorm",
    "retirees-travel", "newlyweds", "misc-realistic-23", "numbers-near-dates", "phone-and-ids", "times-and-durations",
    "percent-and-probabilities", "sports-scores", "years-and-ages", "unit-mixups", "misc-realistic-24",
    "climate-averages", "historic-records", "air-quality-pollen", "uv-and-sunscreen", "sea-tides-waves",
    "road-and-rail-conditions", "insurance-and-evidence", "misc-realistic-25", "wu-dialect", "minnan-hakka",
    "gan-xiang-dialects", "central-plains-dialects", "jianghuai-dialect", "northwest-border-voice",
    "heritage-speakers-abroad", "misc-realistic-26", "heat-allowance-hr", "gov-hotline-12345", "logistics-dispatch",
    "event-organizers", "film-crews-outdoor-shoots", "tour-guides-leading-groups", "property-managers-notices",
    "misc-realistic-27", "autocorrect-errors", "copy-paste-duplicates", "markdown-and-code", "question-chains",
    "mixed-units-and-symbols", "polite-indirect-requests", "short-replies-in-context", "misc-realistic-28",
    "accented-asr", "border-and-ports", "car-voice-2", "date-formats-3", "elderly-voice-3", "family-chat-2",
    "group-chat-logistics", "islands-and-coasts-2", "lunar-and-festivals-3", "misc-realistic-45", "misc-realistic-46",
    "misc-realistic-47", "misc-realistic-48",
    "misc-realistic-49", "misc-realistic-50", "misc-realistic-51", "misc-realistic-52", "misc-realistic-53",
    "misc-realistic-54", "mountains-and-parks", "neighbour-groups-2", "new-areas-and-districts",
    "news-comments-2", "noisy-asr", "overseas-cities-3", "overseas-cities-english", "past-dates-3",
    "qa-site-questions-2", "relative-spans-3", "renamed-places", "school-parent-groups-2", "smart-speaker-kids",
    "two-dates-3", "vague-times-3", "voice-assistant-3", "watch-and-wearables", "weekday-forms-3", "work-emails",
    "airline-and-rail-service", "all-english-2", "anglers-and-hunters", "car-owners", "concert-goers",
    "cyclists-and-runners-2", "dialect-mix-3", "ecommerce-and-delivery-2", "elderly-writing-2",
    "emoji-only-and-kaomoji", "festivals-stress-2", "foreign-learners-2", "gardeners-and-balcony",
    "hikers-and-climbers", "hotel-and-homestay-2", "internet-slang-2", "kids-writing", "map-app-queries",
    "misc-realistic-41", "misc-realistic-42", "misc-realistic-43", "misc-realistic-44", "no-city-no-date-2",
    "numbers-stress-2", "places-not-cities-2", "relative-dates-stress-2", "ride-hailing-2", "search-engine-queries-2",
    "sports-fans-2", "tour-booking-apps", "two-cities-stress-2", "two-dates-stress-2",
    "air-and-allergies", "comparisons-and-choices", "corrections-and-changes", "follow-ups-in-chat",
    "forwarded-and-quoted", "freelancers-and-creators", "fujian-jiangxi-life", "guangxi-yunnan-guizhou",
    "heat-and-health", "hunan-hubei-henan", "jiangnan-life", "misc-realistic-37", "misc-realistic-38",
    "misc-realistic-39", "misc-realistic-40", "mixed-languages-2", "negations-and-exclusions", "northeast-life",
    "northwest-tibet-life", "office-workers-2", "rain-and-umbrellas", "ranges-and-periods", "retirees-2",
    "sichuan-chongqing-life", "small-business-owners", "snow-and-ice", "students-high-school",
    "temperature-and-clothing", "university-life-2", "weather-phenomena-2", "wind-and-outdoor", "young-parents-2",
    "americas-oceania-travel", "anniversaries-and-birthdays", "construction-site-managers", "deadlines-and-schedules",
    "europe-travel-2", "event-days-2", "farm-and-orchard-2", "fishing-and-boating-2", "holiday-calendar-2",
    "hong-kong-daily-2", "japan-korea-travel-2", "landlord-and-tenant", "lunar-and-solar-terms-2", "macau-and-zhuhai",
    "misc-realistic-33", "misc-realistic-34", "misc-realistic-35", "misc-realistic-36",
    "mixed-simplified-traditional-2", "numbers-as-words", "relative-spans", "smart-watch-and-car",
    "southeast-asia-chinese", "taiwan-daily-2", "typos-in-day-words-2", "typos-in-place-names-2", "ultra-short-2",
    "very-long-rambles", "voice-dictation-errors-2", "weather-app-widgets", "wechat-group-planning",
    "weekday-arithmetic",
    "bilibili-danmaku", "birdwatching-and-nature", "business-trips-expense", "cleaners-and-housekeepers",
    "cross-timezone-travel", "cruise-ports", "cycling-clubs", "delivery-riders-2", "douyin-comments",
    "elderly-care-homes", "golf-tennis-courts", "hospital-appointments", "hot-springs-and-spas", "marathon-runners",
    "meme-captions", "misc-realistic-29", "misc-realistic-30", "misc-realistic-31", "misc-realistic-32",
    "moving-abroad", "multi-city-itineraries-2", "novel-and-fanfic-lines", "overseas-students",
    "pet-walkers-and-groomers", "pregnancy-and-newborns", "school-closure-questions", "ski-and-snow-resorts",
    "subtitles-and-captions", "temple-and-pilgrimage", "tv-and-radio-forecast-lines", "visa-and-embassy-trips",
    "weather-small-talk",
    "invalid-dates", "spoken-numbers", "weekday-and-date", "lunar-calendar", "solar-terms", "years-and-past",
    "ranges-and-spans", "two-questions-in-one", "small-prefectures", "county-level-cities", "minimal-pairs",
    "where-am-i", "foreign-small-cities", "question-words", "abbreviated-days", "misc-realistic",
    "phenomena-asked", "body-feel", "timestamps", "app-notifications", "seasonal-words", "school-calendar",
    "two-people",
    "misc-realistic-2", "northern-dialects", "southern-dialects", "southwest-dialects", "net-abbreviations",
    "elderly-voice", "chinglish-mix", "city-typos", "long-distance",
    "bus-and-metro-riders", "cantonese-written", "city-short-forms-2", "county-seat-life", "date-typing-variants-4",
    "expats-in-china", "ferries-and-islands-3", "festival-typos", "gaokao-and-exam-days", "herders-and-grassland",
    "kids-and-teens-chat", "livestream-shopping", "markets-and-fairs", "migrant-workers-travel", "misc-realistic-55",
    "misc-realistic-56", "misc-realistic-57", "misc-realistic-58", "parcel-lockers-and-couriers",
    "pasted-itineraries-2", "patient-caregivers", "plum-rain-and-typhoon-season", "relative-dates-stress-3",
    "shanghainese-written", "short-video-comments", "sunrise-photographers", "taxi-voice-notes",
    "tea-and-fruit-growers", "tea-houses-and-mahjong", "two-cities-stress-3", "wedding-planners",
    "weekday-and-date-mixed",
    "beekeepers-and-orchards", "calendar-app-entries", "cantonese-english-mix", "city-districts-stress-2",
    "construction-and-concrete", "customer-service-transcripts", "dates-with-times-2", "deadlines-and-ranges-2",
    "elderly-voice-4", "english-only-2", "festival-planning-2", "group-tours", "gym-and-fitness",
    "holiday-weekdays-mixed", "hotel-and-homestay-hosts", "minnan-written", "misc-realistic-59", "misc-realistic-60",
    "misc-realistic-61", "misc-realistic-62", "night-fishing", "northeastern-speech-2", "numbers-and-codes-2",
    "pet-travel", "returning-overseas-students", "school-pickup-and-buses", "sichuanese-written",
    "stargazing-and-eclipses", "typos-mixed-heavy", "vlog-scripts", "weather-app-complaints", "wedding-guests",
    "almanac-and-calendar", "assistant-meta-questions", "border-trade-towns", "camping-and-rv",
    "carpool-and-ride-share", "cross-strait-2", "dates-in-words-2", "farm-machinery-and-harvest", "fishing-boats-2",
    "gaming-chat-2", "hakka-written", "hunan-hubei-dialect-2", "international-cities-2", "kites-and-paragliding",
    "language-learners-3", "lunar-dates-2", "memorial-and-funeral-days", "misc-realistic-63", "misc-realistic-64",
    "misc-realistic-65", "misc-realistic-66", "mixed-script-typos", "newborn-and-postpartum",
    "outdoor-exam-and-test-days", "prefecture-names-stress", "receipts-and-tickets-2", "relative-weeks-stress-4",
    "river-cruises-and-boats", "safety-officers-and-patrols", "sports-leagues-2", "ultra-short-3", "wu-dialect-2",
    "air-travel-3", "cantonese-written-2", "complaints-and-rants", "counties-and-county-cities-3",
    "dates-stress-mixed", "delivery-and-couriers-3", "emoji-and-kaomoji-3", "english-mixed-3",
    "farmers-and-greenhouses-3", "festival-days-3", "foreign-cities-3", "hikers-and-trekkers-2",
    "hospital-and-clinic-2", "misc-realistic-67", "misc-realistic-68", "misc-realistic-69", "misc-realistic-70",
    "northwestern-speech", "outdoor-events-organizers-2", "parents-and-kids-3", "places-not-cities-3",
    "property-and-moving-2", "questions-for-others", "relative-days-stress-5", "road-trips-3",
    "seniors-and-retirees-3", "short-follow-ups-3", "students-and-exams-3", "taiwan-usage-3", "typos-and-homophones-3",
    "voice-typing-no-punctuation", "work-and-office-3",
    "beach-and-sea-3", "central-china-life", "chinese-numerals-dates-3", "city-names-tricky-3",
    "dates-with-weekdays-3", "english-questions-3", "formal-and-official-3", "fujian-and-taiwan-3",
    "guangxi-and-hainan", "hk-macau-3", "holidays-and-leave-3", "misc-realistic-71", "misc-realistic-72",
    "misc-realistic-73", "misc-realistic-74", "negations-and-doubts-3", "northeast-and-inner-mongolia",
    "northwest-and-xinjiang-2", "numbers-not-dates-3", "overseas-chinese-3", "parents-and-elders-3", "past-weather-3",
    "restaurant-and-street-food", "shandong-and-hebei", "shanghai-and-jiangnan-3", "short-and-fragmentary-3",
    "southwest-life-3", "sports-and-fitness-3", "trips-with-stops-3", "voice-assistant-4", "weather-words-only",
    "weibo-and-douyin-3",
    "chat-follow-ups-4", "clock-times-and-dates-3", "dialect-day-words-4", "festival-and-lunar-4",
    "foreign-travel-asia", "foreign-travel-west", "guangdong-life-3", "hk-taiwan-macau-4", "hunan-guizhou-life",
    "indirect-questions-3", "jiangxi-anhui-life", "misc-realistic-75", "misc-realistic-76", "misc-realistic-77",
    "misc-realistic-78", "numbers-near-dates-4", "outdoor-work-3", "places-and-sights-4", "ranges-and-spans-4",
    "relative-days-stress-6", "search-box-queries-4", "shanxi-henan-life", "sichuan-chongqing-3", "student-life-4",
    "taxi-and-bus-drivers-3", "train-and-station-3", "two-cities-and-dates-4", "typos-of-cities-4",
    "wechat-family-groups-3", "weddings-and-parties-3", "yunnan-tibet-qinghai", "zhejiang-jiangsu-life-3",
    "assistant-corrections-4", "dates-in-chat-4", "english-and-pinyin-4", "festival-weekends-4",
    "fujian-guangdong-coast", "gansu-ningxia-qinghai-life", "guangxi-yunnan-border", "hebei-tianjin-beijing-3",
    "inner-mongolia-xinjiang-3", "kids-questions-4", "liaoning-jilin-life", "lunar-and-solar-terms-5",
    "medical-and-care-4", "misc-realistic-79", "misc-realistic-80", "misc-realistic-81", "misc-realistic-82",
    "multi-question-4", "news-and-forecast-lines-3", "noisy-typing-4", "office-and-meetings-4", "outdoor-sports-4",
    "overseas-cities-4", "pet-owners-3", "quoted-and-forwarded-4", "relative-and-absolute-mixed",
    "shandong-jiangsu-coast", "shopping-and-ecommerce-4", "sports-events-4", "travel-agencies-3", "ultra-short-4",
    "weather-aspects-4",
    "anhui-jiangxi-3", "chat-fragments-5", "complaints-4", "dates-and-deadlines-5", "english-chinese-mix-5",
    "festivals-mixed-5", "foreign-cities-6", "hainan-guangxi-3", "heilongjiang-life-2", "hubei-hunan-3",
    "jiangsu-cities-3", "lunar-days-6", "misc-realistic-83", "misc-realistic-84", "misc-realistic-85",
    "misc-realistic-86", "numbers-and-units-5", "outdoor-events-5", "places-with-cities-5", "rideshare-and-commute-5",
    "shaanxi-shanxi-3", "sichuan-yunnan-4", "sports-fans-4", "students-abroad-4", "taiwan-travel-4",
    "travel-with-elders", "two-places-two-days-5", "typos-mixed-6", "voice-messages-5", "weekday-stress-7",
    "written-cantonese-3", "zhejiang-mountains-and-islands",
    "beijing-life-3", "chongqing-chengdu-life-4", "corrections-7", "dates-with-years-5", "dialect-mix-6",
    "english-only-7", "farm-and-village-5", "festival-days-7", "foreign-and-hk-7", "guangzhou-shenzhen-life",
    "harbin-shenyang-life", "hospital-and-school-6", "lunar-and-terms-7", "misc-realistic-87", "misc-realistic-88",
    "misc-realistic-89", "misc-realistic-90", "nanjing-hangzhou-life", "numbers-noise-7", "outdoor-hobbies-7",
    "relative-dates-7", "short-replies-7", "sights-and-parks-7", "smart-speaker-6", "travel-plans-6", "two-places-7",
    "typos-and-voice-7", "vague-and-none-7", "work-trips-7", "wuhan-changsha-life", "xiamen-fuzhou-life",
    "xian-zhengzhou-life",
    "beach-trips-4", "chongqing-guizhou-life", "complaints-5", "corrections-8", "counties-and-towns-4",
    "dalian-changchun-life", "dates-written-6", "delivery-riders-3", "elderly-relatives-4", "english-chinese-mix-6",
    "english-only-8", "exam-days-3", "festivals-mixed-6", "fishing-trips-4", "follow-ups-8", "foreign-cities-7",
    "fujian-coast-life", "gardening-4", "group-chat-plans-5", "hefei-nanchang-life", "henan-shandong-villages",
    "hk-life-5", "hospital-visits-4", "kunming-guiyang-life", "lanzhou-xining-life", "lunar-days-7", "macau-life",
    "misc-realistic-91", "misc-realistic-92", "misc-realistic-93", "misc-realistic-94", "misc-realistic-95",
    "misc-realistic-96", "misc-realistic-97", "misc-realistic-98", "moving-day-3", "nanning-haikou-life",
    "numbers-noise-8", "office-chat-6", "overseas-students-5", "pet-owners-4", "photography-4",
    "places-not-cities-6", "qingdao-jinan-life", "relative-dates-8", "school-parents-6", "shanghai-life-4",
    "short-fragments-8", "sights-with-cities-4", "ski-and-snow-3", "suzhou-wuxi-life", "taiwan-life-5",
    "taiyuan-shijiazhuang-life", "truck-drivers-3", "two-dates-6", "two-places-8", "typos-mixed-7",
    "urumqi-lhasa-life", "vague-and-none-8", "voice-messages-6", "weather-app-reviews", "weather-aspects-5",
    "wedding-and-events-4",
    "beijing-tianjin-life-4", "cantonese-chat-4", "caregivers-4", "chat-groups-6", "complaints-6", "corrections-9",
    "date-typos-5", "dates-numbers-mix-5", "dates-with-weekdays-4", "english-chinese-mix-7", "english-only-9",
    "event-organizers-3", "farmers-and-orchards-4", "festivals-foreign-3", "follow-ups-9", "foreign-cities-8",
    "gig-workers-4", "guangdong-towns-3", "hainan-islands-3", "hangzhou-ningbo-life", "harbin-daqing-life",
    "hunan-towns-2", "inner-mongolia-life-2", "jiangsu-north-life", "jiangxi-fujian-hills", "kids-typing-3",
    "lunar-days-8", "misc-realistic-100", "misc-realistic-101", "misc-realistic-102", "misc-realistic-103",
    "misc-realistic-104", "misc-realistic-105", "misc-realistic-106", "misc-realistic-99", "night-shift-workers",
    "northwest-roads-3", "numbers-noise-9", "one-line-forwards", "overseas-chinese-4", "parcel-and-shopping-5",
    "photography-5", "pilots-and-sailors-3", "places-not-cities-7", "range-and-span-5", "relative-weeks-9",
    "runners-and-cyclists-5", "rural-elders-3", "shandong-coast-2", "short-fragments-9", "sichuan-towns-3",
    "sports-fans-5", "students-dorm-4", "taiwan-life-6", "tourist-groups-3", "two-cities-9", "vague-times-5",
    "voice-assistant-7", "weather-words-6", "weddings-and-banquets-5", "wuhan-yichang-life",
    "xiamen-quanzhou-life-2", "yunnan-travel-5",
    "airport-and-rail-5", "anhui-life-3", "chat-fragments-6", "chengdu-chongqing-life-5", "complaints-7",
    "corrections-10", "dates-written-7", "delivery-and-logistics-4", "dialect-days-5", "drivers-and-commuters-5",
    "english-chinese-mix-8", "english-only-10", "festival-days-8", "foreign-cities-9", "forwarded-notices-3",
    "fragments-10", "fujian-inland-life", "gansu-ningxia-life", "guangxi-life-3", "guangzhou-foshan-life-2",
    "guizhou-yunnan-villages", "hainan-guangdong-coast", "hebei-towns-3", "henan-life-4", "hk-macau-tw-mix-3",
    "hospital-and-care-5", "hubei-hunan-4", "jiangsu-south-life", "kids-and-parents-5", "lunar-days-9",
    "market-vendors-3", "misc-realistic-107", "misc-realistic-108", "misc-realistic-109", "misc-realistic-110",
    "misc-realistic-111", "misc-realistic-112", "misc-realistic-113", "misc-realistic-114", "northeast-towns-3",
    "numbers-noise-10", "outdoor-workers-4", "pet-and-garden-5", "photographers-3", "places-not-cities-8",
    "range-and-span-6", "relative-months-4", "shanxi-shaanxi-life-4", "sights-with-cities-5", "smart-home-3",
    "sports-outdoor-6", "students-abroad-5", "teachers-and-schools-5", "travel-bloggers-3", "two-dates-7",
    "two-places-9", "typos-mixed-8", "vague-and-none-9", "voice-dictation-5", "weddings-6", "weekday-words-6",
    "xinjiang-tibet-life-2", "zhejiang-towns-4",
    "beijing-suburbs-2", "camping-and-rv-3", "chat-groups-7", "chongqing-towns-3", "complaints-8",
    "concerts-and-fans-3", "corrections-11", "date-formats-8", "dates-in-forms-5", "dialect-mix-7",
    "drivers-and-riders-4", "ecommerce-sellers-3", "elderly-care-3", "english-chinese-mix-9", "english-only-11",
    "festivals-and-holidays-9", "fishermen-and-farmers-5", "follow-ups-10", "foreign-cities-10",
    "freelancers-remote-3", "fujian-coast-3", "guangxi-guizhou-border", "harbin-changchun-life",
    "hiking-and-climbing-4", "hk-tw-macau-4", "hunan-life-3", "inner-mongolia-ningxia", "jiangxi-life-4",
    "lunar-and-solar-terms-4", "misc-realistic-115", "misc-realistic-116", "misc-realistic-117",
    "misc-realistic-118", "misc-realistic-119", "misc-realistic-120", "misc-realistic-121", "misc-realistic-122",
    "numbers-noise-11", "office-workers-5", "pets-3", "places-not-cities-9", "range-and-span-7", "relative-days-10",
    "retirees-travel-3", "school-runs-3", "shaanxi-gansu-life", "shandong-inland-life", "shenzhen-dongguan-life",
    "short-fragments-10", "sichuan-tibet-road", "sights-with-cities-6", "smart-devices-4", "sports-events-5",
    "students-and-exams-4", "tianjin-hebei-life", "two-dates-8", "two-places-10", "typos-and-voice-9",
    "vague-and-none-10", "weddings-and-photos-4", "weekday-and-weekend-7", "wuxi-changzhou-life", "yunnan-life-4",
    "zhejiang-islands-2",
    "beach-and-islands-5", "chongqing-life-6", "complaints-9", "construction-workers-5", "corrections-12",
    "couriers-4", "date-formats-9", "dates-written-8", "dialect-days-6", "elderly-voice-5", "english-chinese-mix-10",
    "english-only-12", "festival-days-10", "festivals-travel-4", "foreign-cities-11", "fragments-11",
    "fuzhou-putian-life", "gansu-qinghai-life", "group-chat-8", "guangzhou-districts-3", "hainan-life-4",
    "hangzhou-shaoxing-life", "heilongjiang-towns-2", "henan-villages-3", "hk-macau-tw-5", "hubei-towns-3",
    "jiangsu-towns-4", "kunming-dali-life", "liaoning-life-3", "livestream-sellers-4", "lunar-days-10",
    "marathon-runners-3", "misc-realistic-123", "misc-realistic-124", "misc-realistic-125", "misc-realistic-126",
    "misc-realistic-127", "misc-realistic-128", "misc-realistic-129", "misc-realistic-130", "nanjing-yangzhou-life",
    "numbers-noise-12", "nurses-and-doctors-3", "outdoor-sports-7", "parents-and-babies-4", "photography-6",
    "places-not-cities-10", "qingdao-yantai-life", "range-and-span-8", "relative-mix-11", "restaurant-owners-3",
    "shanxi-villages-2", "sights-and-cities-7", "smart-speakers-7", "students-abroad-6", "taxi-and-bus-drivers",
    "teachers-5", "two-dates-9", "two-places-11", "typos-mixed-9", "vague-and-none-11", "voice-slips-6",
    "weekdays-8", "xian-baoji-life",
    "changsha-zhuzhou-life", "complaints-10", "corrections-13", "date-formats-10", "dates-written-9",
    "dialect-days-7", "elderly-voice-6", "english-chinese-mix-11", "english-only-13", "farmers-and-orchards-5",
    "festival-days-11", "festivals-travel-5", "fishing-trips-5", "food-delivery-riders", "foreign-cities-12",
    "fragments-12", "group-chat-9", "guangxi-towns", "guiyang-zunyi-life", "hebei-villages", "hefei-wuhu-life",
    "hk-macau-tw-6", "inner-mongolia-towns", "jilin-towns", "kindergarten-teachers", "lunar-days-11",
    "misc-realistic-131", "misc-realistic-132", "misc-realistic-133", "misc-realistic-134", "misc-realistic-135",
    "misc-realistic-136", "misc-realistic-137", "misc-realistic-138", "nanning-guilin-life", "numbers-noise-13",
    "outdoor-sports-8", "pharmacists-and-clinics", "photography-7", "places-not-cities-11", "range-and-span-9",
    "relative-mix-12", "sanitation-workers", "security-guards", "shandong-villages", "shenzhen-huizhou-life",
    "shijiazhuang-baoding-life", "sichuan-towns-4", "sights-and-cities-8", "ski-and-snow-4", "smart-speakers-8",
    "students-abroad-7", "tianjin-life", "two-dates-10", "two-places-12", "typos-mixed-10", "vague-and-none-12",
    "voice-slips-7", "warehouse-workers", "weddings-and-events-6", "weekdays-9", "xiamen-zhangzhou-life",
    "xinjiang-towns", "zhejiang-towns-5",
    "anhui-villages", "birdwatching-2", "complaints-11", "corrections-14", "cruise-and-ferries", "cycling-clubs-2",
    "dalian-dandong-life", "date-formats-11", "dates-written-10", "dialect-days-8", "elderly-voice-7",
    "english-chinese-mix-12", "english-only-14", "farmers-markets", "festival-days-12", "festivals-travel-6",
    "film-and-tv-crews", "foreign-cities-13", "fragments-13", "fujian-towns", "group-chat-10", "guangdong-towns-4",
    "gym-coaches", "harbin-qiqihar-life", "hk-macau-tw-7", "hohhot-baotou-life", "hot-springs-and-spas-2",
    "hunan-towns-3", "jiangxi-towns", "kids-and-parents-6", "lanzhou-tianshui-life", "lunar-days-12",
    "misc-realistic-139", "misc-realistic-140", "misc-realistic-141", "misc-realistic-142", "misc-realistic-143",
    "misc-realistic-144", "misc-realistic-145", "misc-realistic-146", "nanchang-jiujiang-life",
    "ningbo-zhoushan-life", "numbers-noise-14", "overseas-students-6", "places-not-cities-12", "range-and-span-10",
    "real-estate-agents", "relative-mix-13", "ride-hailing-drivers-2", "shaanxi-villages", "sights-and-cities-9",
    "smart-home-4", "street-food-vendors", "suzhou-wuxi-life-2", "truck-drivers-4", "two-dates-11", "two-places-13",
    "typos-mixed-11", "vague-and-none-13", "voice-slips-8", "weekdays-10", "yunnan-towns", "yunnan-villages",
    "zhengzhou-luoyang-life",
    "beekeepers-2", "bus-and-metro-riders-2", "camping-and-rv-4", "changchun-jilin-life", "chengdu-mianyang-life",
    "complaints-12", "concerts-and-fans-4", "corrections-15", "date-formats-12", "dates-written-11",
    "dialect-days-9", "elderly-voice-8", "english-chinese-mix-13", "english-only-15", "festival-days-13",
    "festivals-travel-7", "foreign-cities-14", "fragments-14", "group-chat-11", "guizhou-villages",
    "haikou-sanya-life", "hairdressers-and-salons", "hebei-towns-4", "henan-towns", "hiking-and-climbing-5",
    "hk-macau-tw-8", "hubei-villages", "jiangsu-towns-5", "kunming-qujing-life", "lunar-days-13",
    "misc-realistic-147", "misc-realistic-148", "misc-realistic-149", "misc-realistic-150", "misc-realistic-151",
    "misc-realistic-152", "misc-realistic-153", "misc-realistic-154", "numbers-noise-15", "photography-8",
    "places-not-cities-13", "port-and-dock-workers", "range-and-span-11", "relative-mix-14",
    "sanitation-and-gardens", "security-and-patrol", "shandong-towns", "shanxi-towns", "shenyang-anshan-life",
    "sichuan-villages", "sights-and-cities-10", "smart-speakers-9", "students-abroad-8", "taiyuan-datong-life",
    "tea-farmers", "theme-parks-2", "two-dates-12", "two-places-14", "typos-mixed-12", "vague-and-none-14",
    "voice-slips-9", "weekdays-11", "wuhan-yichang-life-2", "xiamen-quanzhou-life-3",
    "airport-staff", "anhui-towns", "beijing-tianjin-commute", "complaints-13", "construction-sites", "corrections-16",
    "cycling-tours", "date-formats-13", "dates-written-12", "delivery-riders-4", "dialect-days-10",
    "english-chinese-mix-14", "english-only-16", "farmers-markets-2", "festival-days-14", "fishermen-and-boats",
    "fishing-anglers", "foreign-cities-15", "fragments-15", "fujian-villages", "gansu-towns", "gardening-balcony",
    "group-chat-12", "guangxi-villages", "guangzhou-foshan-life-3", "hangzhou-shaoxing-life-2", "hk-macau-tw-9",
    "hunan-villages", "jiangxi-villages", "kids-sports", "lhasa-shigatse-life", "liaoning-towns", "lunar-days-14",
    "marathon-and-running", "misc-realistic-155", "misc-realistic-156", "misc-realistic-157", "misc-realistic-158",
    "misc-realistic-159", "misc-realistic-160", "misc-realistic-161", "misc-realistic-162", "nanjing-yangzhou-life-2",
    "numbers-noise-16", "nurses-and-shift-workers", "pharmacy-and-clinics", "places-not-cities-14", "range-and-span-12",
    "relative-mix-15", "sights-and-cities-11", "ski-and-snow-5", "taxi-drivers", "truck-drivers-5", "two-dates-13",
    "two-places-15", "typos-mixed-13", "urumqi-kashgar-life", "vague-and-none-15", "voice-slips-10",
    "wedding-planners-2", "weekdays-12", "xian-baoji-life-2", "zhejiang-villages", "zhuhai-zhongshan-life",
    "chongqing-villages", "complaints-14", "corrections-17", "couriers-5", "date-formats-14", "dates-written-13",
    "dialect-days-11", "english-chinese-mix-15", "english-only-17", "event-photographers", "festival-days-15",
    "foreign-cities-16", "forest-rangers", "fragments-16", "golfers", "group-chat-13", "guiyang-anshun-life",
    "hainan-villages", "hefei-anqing-life", "heilongjiang-villages", "hk-macau-tw-10", "inner-mongolia-villages",
    "jilin-villages", "jinan-zibo-life", "kite-and-drone-flyers", "livestock-herders", "lunar-days-15",
    "misc-realistic-163", "misc-realistic-164", "misc-realistic-165", "misc-realistic-166", "misc-realistic-167",
    "misc-realistic-168", "misc-realistic-169", "misc-realistic-170", "nanning-beihai-life", "ningxia-towns",
    "numbers-noise-17", "orchard-growers", "picnics-and-parks", "places-not-cities-15", "power-line-workers",
    "qinghai-towns", "railway-workers", "range-and-span-13", "real-estate-agents-2", "relative-mix-16", "rock-climbers",
    "school-bus-and-parents", "shaanxi-towns", "shijiazhuang-tangshan-life", "sights-and-cities-12", "stargazers",
    "surfers-and-divers", "tibet-villages", "tour-guides-3", "two-dates-14", "two-places-16", "typos-mixed-14",
    "vague-and-none-16", "voice-slips-11", "weekdays-13", "yunnan-towns-2", "zhengzhou-kaifeng-life",
    "ambulance-and-er", "beekeepers-and-silk", "birdwatchers-2", "changsha-xiangtan-life", "complaints-15",
    "corrections-18", "date-formats-15", "dates-written-14", "dialect-days-12", "english-chinese-mix-16",
    "english-only-18", "festival-days-16", "fish-farmers", "fishing-boats-3", "foreign-cities-17", "fragments-17",
    "fujian-towns-2", "funeral-and-tomb-sweeping", "fuzhou-xiamen-life", "group-chat-14", "guangdong-villages",
    "guizhou-towns", "harbin-daqing-life-2", "henan-villages-4", "hk-macau-tw-11", "hot-springs-and-spas-3",
    "hubei-towns-4", "hunan-towns-4", "kunming-lijiang-life", "lunar-days-16", "misc-realistic-171",
    "misc-realistic-172", "misc-realistic-173", "misc-realistic-174", "misc-realistic-175", "misc-realistic-176",
    "misc-realistic-177", "misc-realistic-178", "motorcyclists", "night-markets", "numbers-noise-18",
    "paragliding-and-air-sports", "places-not-cities-16", "range-and-span-14", "relative-mix-17", "river-rafting",
    "sanitation-workers-2", "sichuan-towns-5", "sights-and-cities-13", "street-performers", "suzhou-nantong-life",
    "taiyuan-yuncheng-life", "temple-fairs", "truck-stop-and-gas", "two-dates-15", "two-places-17", "typos-mixed-15",
    "urumqi-turpan-life", "vague-and-none-17", "voice-slips-12", "wedding-banquets", "weekdays-14",
    "xining-lanzhou-life", "zhejiang-towns-6",
    # the 201st-208th sittings
    "aquarium-keepers", "baoji-hanzhong-life", "bridge-inspectors", "bus-tour-leaders", "cherry-blossom-viewers",
    "complaints-16", "corrections-19", "date-formats-16", "datong-shuozhou-life", "dezhou-liaocheng-life",
    "dialect-days-13", "elevator-repairers", "english-chinese-mix-17", "english-only-19", "festival-days-17",
    "florists", "follow-ups-11", "foreign-cities-18", "fragments-18", "ganzhou-jian-life", "group-chat-15",
    "hk-macau-tw-12", "jilin-yanbian-life", "kayakers", "liuzhou-wuzhou-life", "lunar-days-17",
    "meteor-shower-watchers", "misc-realistic-179", "misc-realistic-180", "misc-realistic-181",
    "misc-realistic-182", "misc-realistic-183", "misc-realistic-184", "misc-realistic-185", "misc-realistic-186",
    "mushroom-foragers", "ningxia-villages", "numbers-noise-19", "piano-teachers", "places-not-cities-17",
    "pool-lifeguards", "qinghai-villages", "range-and-span-15", "relative-days-11", "relative-mix-18",
    "shantou-chaozhou-life", "short-replies-8", "solar-panel-installers", "sunrise-chasers", "taxi-dispatchers",
    "tea-garden-owners", "two-cities-10", "two-dates-16", "two-places-18", "typos-mixed-16", "vague-and-none-18",
    "village-doctors", "voice-slips-13", "weekdays-15", "weihai-yantai-life", "xuzhou-lianyungang-life",
    "yichang-jingzhou-life", "zhuzhou-hengyang-life", "zunyi-anshun-life",
    # the 209th-216th sittings
    "anhui-huizhou-villages", "anshan-benxi-life", "car-wash-owners", "complaints-17", "corrections-20",
    "crop-dusters", "date-formats-17", "dialect-days-14", "dog-walkers", "driving-school-coaches",
    "english-chinese-mix-18", "english-only-20", "festival-days-18", "follow-ups-12", "foreign-cities-19",
    "fragments-19", "fujian-mountain-villages", "gansu-hexi-villages", "golf-caddies", "group-chat-16",
    "guangxi-karst-villages", "hami-korla-life", "highway-toll-staff", "hk-macau-tw-13", "hotpot-restaurant-owners",
    "hunan-mountain-villages", "jiangxi-ancient-villages", "linyi-rizhao-life", "lunar-days-18",
    "misc-realistic-187", "misc-realistic-188", "misc-realistic-189", "misc-realistic-190", "misc-realistic-191",
    "misc-realistic-192", "misc-realistic-193", "misc-realistic-194", "nantong-yancheng-life",
    "nanyang-xinyang-life", "numbers-noise-20", "places-not-cities-18", "port-crane-operators", "qujing-yuxi-life",
    "railway-track-workers", "range-and-span-16", "relative-days-12", "relative-mix-19", "shaanxi-loess-villages",
    "sheep-shearers", "short-replies-9", "ski-instructors", "tangshan-qinhuangdao-life", "tea-house-owners",
    "two-cities-11", "two-dates-17", "two-places-19", "typos-mixed-17", "vague-and-none-19", "voice-slips-14",
    "weekdays-16", "wind-farm-technicians", "wuhu-maanshan-life", "yunnan-border-villages",
    "zhanjiang-maoming-life",
    "bakery-owners", "baotou-ordos-life", "bridge-painters", "complaints-18", "corrections-21", "date-formats-18",
    "dialect-days-15", "drone-delivery-operators", "english-chinese-mix-19", "english-only-21", "festival-days-19",
    "follow-ups-13", "foreign-cities-20", "forest-firefighters", "fragments-20", "funeral-directors",
    "glass-greenhouse-growers", "group-chat-17", "guangdong-hakka-villages", "handan-xingtai-life",
    "hebei-bashang-villages", "heilongjiang-forest-farms", "hk-macau-tw-14", "hubei-enshi-villages",
    "jiamusi-mudanjiang-life", "jiujiang-jingdezhen-life", "lottery-shop-owners", "lunar-days-19",
    "luzhou-yibin-life", "mahjong-parlour-owners", "misc-realistic-195", "misc-realistic-196", "misc-realistic-197",
    "misc-realistic-198", "misc-realistic-199", "misc-realistic-200", "misc-realistic-201", "misc-realistic-202",
    "ningxia-desert-villages", "numbers-noise-21", "oyster-farmers", "photo-studio-owners", "places-not-cities-19",
    "range-and-span-17", "relative-days-13", "river-patrol-officers", "salt-pan-workers", "shandong-orchard-villages",
    "short-replies-10", "sichuan-aba-villages", "street-sweepers", "swimming-coaches", "tea-pickers",
    "tower-crane-drivers", "two-cities-12", "two-dates-18", "typos-mixed-18", "vague-and-none-20", "voice-slips-15",
    "weekdays-17", "xiangyang-shiyan-life", "yichun-pingxiang-life", "zhangzhou-longyan-life",
    "zhejiang-fishing-villages",
    "anqing-chizhou-life", "beekeepers", "bridal-shop-owners", "cangzhou-hengshui-life", "chifeng-tongliao-life",
    "complaints-19", "container-port-workers", "corrections-22", "cross-border-truckers", "date-formats-19",
    "dialect-days-16", "english-chinese-mix-20", "english-only-22", "ferry-crews", "festival-days-20",
    "flower-market-sellers", "follow-ups-14", "foreign-cities-21", "fragments-21", "group-chat-18",
    "guangxi-sugarcane-villages", "hainan-fishing-villages", "henan-wheat-villages", "highway-toll-workers",
    "hk-macau-tw-15", "hotel-front-desk-staff", "hunan-dongting-villages", "ice-sculptors", "jingzhou-jingmen-life",
    "karaoke-owners", "kite-makers", "lunar-days-20", "misc-realistic-203", "misc-realistic-204", "misc-realistic-205",
    "misc-realistic-206", "misc-realistic-207", "misc-realistic-208", "misc-realistic-209", "misc-realistic-210",
    "night-market-vendors", "numbers-noise-22", "outbound-tour-leaders", "parents-of-students-abroad",
    "places-not-cities-20", "putian-ningde-life", "qiqihar-heihe-life", "range-and-span-18", "relative-days-14",
    "shanxi-coal-villages", "short-replies-11", "two-cities-13", "two-dates-19", "typos-mixed-19", "vague-and-none-21",
    "voice-slips-16", "waterpark-staff", "wedding-photographers", "weekdays-18", "xinjiang-cotton-villages",
    "yancheng-huaian-life", "yunnan-tea-mountain-villages", "zhejiang-tea-villages", "zigong-neijiang-life",
    "anhui-dabieshan-villages", "bird-watchers", "bus-drivers", "chess-club-members", "cinema-projectionists",
    "complaints-20", "corrections-23", "date-formats-20", "dialect-days-17", "dongying-binzhou-life",
    "english-chinese-mix-21", "english-only-23", "festival-days-21", "fish-pond-owners", "follow-ups-15",
    "foreign-cities-22", "fragments-22", "fujian-tulou-villages", "gansu-longnan-villages", "group-chat-19",
    "guizhou-qiandongnan-villages", "hk-macau-tw-16", "hot-pot-owners", "huaihua-shaoyang-life",
    "jiangsu-lixiahe-villages", "lianyungang-suqian-life", "liaoning-coastal-villages", "lifeguards", "locksmiths",
    "lunar-days-21", "misc-realistic-211", "misc-realistic-212", "misc-realistic-213", "misc-realistic-214",
    "misc-realistic-215", "misc-realistic-216", "misc-realistic-217", "misc-realistic-218", "numbers-noise-23",
    "pet-groomers", "piano-tuners", "places-not-cities-21", "quzhou-lishui-life", "range-and-span-19",
    "relative-days-15", "reservoir-keepers", "shaanxi-qinling-villages", "shanxi-jinzhong-villages",
    "shaoguan-qingyuan-life", "short-replies-12", "shuangyashan-hegang-life", "study-abroad-agents", "surveyors",
    "tailors", "tianshui-pingliang-life", "tile-setters", "two-cities-14", "two-dates-20", "typos-mixed-20",
    "vague-and-none-22", "voice-slips-17", "weekdays-19", "well-drillers", "yulin-baise-life",
    "bakery-delivery-riders", "baoding-langfang-life", "complaints-21", "corrections-24", "crane-operators-at-ports",
    "date-formats-21", "dazhou-guangan-life", "dialect-days-18", "elevator-technicians", "english-chinese-mix-22",
    "english-only-24", "exchange-students", "ferry-ticket-sellers", "festival-days-22", "follow-ups-16",
    "foreign-cities-23", "fragments-23", "goat-herders", "group-chat-20", "guangdong-chaoshan-villages",
    "hainan-wanning-villages", "hairdressers", "hk-macau-tw-17", "inner-mongolia-hulunbuir-villages",
    "jiangxi-jinggangshan-villages", "jiaxing-huzhou-life", "jilin-changbai-villages", "karamay-bole-life",
    "lunar-days-22", "misc-realistic-219", "misc-realistic-220", "misc-realistic-221", "misc-realistic-222",
    "misc-realistic-223", "misc-realistic-224", "misc-realistic-225", "misc-realistic-226", "mobile-phone-repairers",
    "nanping-sanming-life", "noodle-shop-owners", "numbers-noise-24", "orchard-sprayers", "paragliding-pilots",
    "pharmacists", "places-not-cities-22", "qinghai-haidong-villages", "range-and-span-20", "relative-days-16",
    "rice-wine-brewers", "river-sand-boatmen", "scaffolders", "short-replies-13", "stage-lighting-crews",
    "suizhou-xiaogan-life", "tibet-nyingchi-villages", "two-cities-15", "two-dates-21", "typos-mixed-21",
    "vague-and-none-23", "voice-slips-18", "weekdays-20", "yangjiang-yunfu-life", "yunnan-honghe-villages",
    "zhoukou-shangqiu-life",
    "bozhou-fuyang-life", "changzhi-jincheng-life", "chenzhou-yongzhou-life", "coach-bus-drivers", "complaints-22",
    "corrections-25", "crayfish-farmers", "crop-drone-pilots", "date-formats-22", "dialect-days-19",
    "english-chinese-mix-23", "english-only-25", "festival-days-23", "follow-ups-17", "foreign-cities-24",
    "forest-fire-watchers", "fragments-24", "fujian-wuyishan-villages", "grave-sweeping-families", "group-chat-21",
    "guangxi-hezhou-villages", "guizhou-qianxinan-villages", "heilongjiang-heihe-villages", "high-voltage-linemen",
    "hk-macau-tw-18", "hunan-xiangxi-villages", "jilin-yanbian-villages", "kite-flyers", "land-surveyors",
    "liaocheng-dezhou-life", "lunar-days-23", "misc-realistic-227", "misc-realistic-228", "misc-realistic-229",
    "misc-realistic-230", "misc-realistic-231", "misc-realistic-232", "misc-realistic-233", "misc-realistic-234",
    "numbers-noise-25", "nursery-school-teachers", "places-not-cities-23", "range-and-span-21", "relative-days-17",
    "sea-salt-workers", "shandong-yimeng-villages", "short-replies-14", "sichuan-ganzi-villages",
    "siping-liaoyuan-life", "snowboard-coaches", "tea-garden-workers", "toll-booth-staff", "tongren-bijie-life",
    "two-cities-16", "two-dates-22", "typos-mixed-22", "vague-and-none-24", "voice-slips-19", "water-meter-readers",
    "wedding-makeup-artists", "weekdays-21", "wild-mushroom-foragers", "xinyang-zhumadian-life",
    "zhaoqing-maoming-life",
    "airport-ground-crews", "anhui-huangshan-villages", "anshun-liupanshui-life", "bamboo-raft-pilots",
    "bengbu-huainan-life", "bridal-car-drivers", "cable-car-operators", "cold-chain-truckers", "complaints-23",
    "corrections-26", "date-formats-23", "dialect-days-20", "dragon-dance-troupes", "english-chinese-mix-24",
    "english-only-26", "festival-days-24", "follow-ups-18", "foreign-cities-25", "fragments-25",
    "gansu-gannan-villages", "ganzhou-pingxiang-life", "group-chat-22", "guangyuan-bazhong-life",
    "hebei-chengde-villages", "highway-maintenance-crews", "hk-macau-tw-19", "hot-air-balloon-crews",
    "hubei-shennongjia-villages", "ice-fishing-guides", "jiujiang-shangrao-life", "kiln-workers", "lotus-root-diggers",
    "lunar-days-24", "misc-realistic-235", "misc-realistic-236", "misc-realistic-237", "misc-realistic-238",
    "misc-realistic-239", "misc-realistic-240", "misc-realistic-241", "misc-realistic-242", "numbers-noise-26",
    "oyster-shuckers", "pearl-farmers", "places-not-cities-24", "quanzhou-zhangzhou-life", "range-and-span-22",
    "reed-cutters", "relative-days-18", "salt-lake-workers", "shanxi-lvliang-villages", "short-replies-15",
    "taian-jining-life", "tobacco-farmers", "two-cities-17", "two-dates-23", "typos-mixed-23", "vague-and-none-25",
    "voice-slips-20", "weekdays-22", "xinjiang-altay-villages", "yanan-yulin-life", "yunnan-nujiang-villages",
    "zhejiang-lishui-villages",
    "bridge-welders", "camel-herders", "chestnut-roasters", "complaints-24", "corrections-27", "date-formats-24",
    "dialect-days-21", "duck-farmers", "english-chinese-mix-25", "english-only-27", "ferry-captains",
    "festival-days-25", "film-location-scouts", "follow-ups-19", "foreign-cities-26", "fragments-26",
    "fujian-ningde-villages", "group-chat-23", "guangxi-baise-villages", "hainan-danzhou-villages", "hk-macau-tw-20",
    "huangshi-ezhou-life", "hunan-zhangjiajie-villages", "inner-mongolia-chifeng-villages", "kelp-farmers",
    "linfen-yuncheng-life", "lishui-wenzhou-life", "lunar-days-25", "meteorological-observers", "misc-realistic-243",
    "misc-realistic-244", "misc-realistic-245", "misc-realistic-246", "misc-realistic-247", "misc-realistic-248",
    "misc-realistic-249", "misc-realistic-250", "nanyang-pingdingshan-life", "numbers-noise-27", "places-not-cities-25",
    "quzhou-jinhua-life", "range-and-span-23", "relative-days-19", "rice-noodle-makers", "river-pilots",
    "school-bus-drivers", "search-and-rescue-dog-handlers", "shandong-heze-villages", "short-replies-16",
    "sichuan-liangshan-villages", "ski-patrollers", "tibet-shannan-villages", "tofu-makers", "train-ticket-inspectors",
    "two-cities-18", "two-dates-24", "typos-mixed-24", "vague-and-none-26", "voice-slips-21", "weekdays-23",
    "weifang-rizhao-life", "wind-turbine-technicians", "yichun-xinyu-life", "zhuzhou-xiangtan-life",
    # 273rd-280th sittings
    "abalone-divers", "changde-yiyang-life", "citrus-growers", "complaints-25", "corrections-28",
    "county-fair-organisers", "date-formats-25", "dialect-days-22", "drone-light-show-crews", "elevator-installers",
    "english-chinese-mix-26", "english-only-28", "festival-days-26", "follow-ups-20", "foreign-cities-27",
    "forklift-warehouse-staff", "fragments-27", "gas-pipeline-patrollers", "goji-pickers", "group-chat-24",
    "guizhou-tongren-villages", "hebei-zhangjiakou-villages", "heilongjiang-daxinganling-villages",
    "heyuan-meizhou-life", "hk-macau-tw-21", "jiangxi-wuyuan-villages", "jieyang-shanwei-life",
    "jilin-baishan-villages", "lantern-makers", "liuzhou-guilin-life", "lunar-days-26", "lychee-growers",
    "maoming-yangjiang-life", "misc-realistic-251", "misc-realistic-252", "misc-realistic-253", "misc-realistic-254",
    "misc-realistic-255", "misc-realistic-256", "misc-realistic-257", "misc-realistic-258", "ningxia-guyuan-villages",
    "numbers-noise-28", "open-air-cinema-operators", "outdoor-wedding-planners", "places-not-cities-26",
    "qinghai-yushu-villages", "range-and-span-24", "relative-days-20", "sea-cucumber-farmers", "seaweed-dryers",
    "shaanxi-hanzhong-villages", "short-replies-17", "suining-ziyang-life", "suqian-huaian-life", "tunnel-engineers",
    "two-cities-19", "two-dates-25", "typos-mixed-25", "vague-and-none-27", "voice-slips-22", "weekdays-24",
    "xinxiang-jiaozuo-life", "yak-herders",
    # 281st-288th sittings
    "ambulance-dispatchers", "anhui-lu-an-villages", "chuzhou-bengbu-life", "clam-diggers", "complaints-26",
    "corrections-29", "cotton-pickers", "cranberry-growers", "crane-barge-operators", "date-formats-26",
    "deyang-mianyang-life", "dialect-days-23", "english-chinese-mix-27", "english-only-29", "festival-days-27",
    "festival-stage-managers", "follow-ups-21", "foreign-cities-28", "fragments-28", "fujian-nanping-villages",
    "gansu-pingliang-villages", "group-chat-25", "guangxi-hechi-villages", "hk-macau-tw-22",
    "hot-spring-resort-staff", "huizhou-shanwei-life", "hunan-yongzhou-villages", "ice-road-truckers",
    "lunar-days-27", "mango-growers", "misc-realistic-259", "misc-realistic-260", "misc-realistic-261",
    "misc-realistic-262", "misc-realistic-263", "misc-realistic-264", "misc-realistic-265", "misc-realistic-266",
    "mulberry-silkworm-rearers", "numbers-noise-29", "pepper-growers", "places-not-cities-27", "range-and-span-25",
    "relative-days-21", "road-salt-crews", "shanxi-xinzhou-villages", "short-replies-18", "stage-riggers",
    "subway-maintenance-crews", "tea-roasters", "two-cities-20", "two-dates-26", "typos-mixed-26",
    "vague-and-none-28", "voice-slips-23", "walnut-growers", "weekdays-25", "xianning-huanggang-life",
    "xinjiang-hotan-villages", "xuchang-luohe-life", "yangzhou-taizhou-life", "yunnan-dehong-villages",
    "zhangjiajie-huaihua-life", "zhaotong-qujing-life",
    # 289th-296th sittings
    "abalone-farmers", "breakfast-stall-owners", "chestnut-growers", "complaints-27", "container-crane-drivers",
    "corrections-30", "date-formats-27", "dialect-days-24", "english-chinese-mix-28", "english-only-30",
    "escalator-repair-crews", "festival-days-28", "follow-ups-22", "foreign-cities-29", "fragments-29",
    "fushun-tieling-life", "ginseng-growers", "glacier-guides", "group-chat-26", "guizhou-anshun-villages",
    "hami-melon-growers", "hawthorn-growers", "hebei-handan-villages", "henan-zhoukou-villages", "hk-macau-tw-23",
    "inner-mongolia-xilingol-villages", "jiangmen-zhuhai-life", "jiangxi-ganzhou-villages",
    "jincheng-changzhi-life", "jujube-growers", "leshan-meishan-life", "lunar-days-28", "misc-realistic-267",
    "misc-realistic-268", "misc-realistic-269", "misc-realistic-270", "misc-realistic-271", "misc-realistic-272",
    "misc-realistic-273", "misc-realistic-274", "numbers-noise-30", "paragliding-instructors",
    "pipeline-inspectors", "places-not-cities-28", "range-and-span-26", "relative-days-22", "river-ferry-crews",
    "sanming-longyan-life", "sea-urchin-divers", "shandong-binzhou-villages", "shiyan-xiangyang-life",
    "short-replies-19", "solar-panel-cleaners", "tianshui-dingxi-life", "two-cities-21", "two-dates-27",
    "typos-mixed-27", "vague-and-none-29", "voice-slips-24", "water-chestnut-growers", "weekdays-26",
    "yunnan-wenshan-villages", "zhejiang-taizhou-villages", "zhenjiang-taizhou-life",
    # 297th-304th sittings
    "anhui-anqing-villages", "bamboo-shoot-diggers", "cherry-growers", "complaints-28", "corrections-31",
    "dam-safety-inspectors", "date-formats-28", "dialect-days-25", "english-chinese-mix-29", "english-only-31",
    "festival-days-29", "follow-ups-23", "foreign-cities-30", "fragments-30", "fujian-zhangzhou-villages",
    "gansu-wuwei-villages", "group-chat-27", "guangxi-qinzhou-villages", "henan-nanyang-villages", "hk-macau-tw-24",
    "hunan-shaoyang-villages", "loudi-yiyang-life", "lunar-days-29", "meizhou-chaozhou-life", "misc-realistic-275",
    "misc-realistic-276", "misc-realistic-277", "misc-realistic-278", "misc-realistic-279", "misc-realistic-280",
    "misc-realistic-281", "misc-realistic-282", "numbers-noise-31", "outdoor-swimming-coaches", "peach-growers",
    "places-not-cities-29", "pomelo-growers", "port-pilots", "quzhou-huangshan-life", "railway-track-inspectors",
    "range-and-span-27", "relative-days-23", "rizhao-linyi-life", "rooftop-garden-keepers",
    "shanxi-changzhi-villages", "shaoxing-jinhua-life", "shiitake-growers", "short-replies-20", "ski-patrol-staff",
    "tea-garden-pickers", "tobacco-growers", "tower-crane-operators", "two-cities-22", "two-dates-28",
    "typos-mixed-28", "vague-and-none-30", "voice-slips-25", "weekdays-27", "wuzhou-hezhou-life",
    "yak-butter-makers", "yingkou-panjin-life", "yunnan-pu-er-villages", "zigong-yibin-life", "zoo-keepers",
    # 305th-312th sittings
    "anyang-hebi-life", "baise-chongzuo-life", "complaints-29", "corrections-32", "date-formats-29",
    "dialect-days-26", "english-chinese-mix-30", "english-only-32", "festival-days-30", "follow-ups-24",
    "foreign-cities-31", "fragments-31", "funeral-service-staff", "ganzhou-ji-an-life", "goose-farmers",
    "group-chat-28", "guizhou-zunyi-villages", "highway-snow-plow-drivers", "hk-macau-tw-25",
    "hubei-xiaogan-villages", "hunan-changde-villages", "jiamusi-jixi-life", "jiangsu-yancheng-villages",
    "lavender-farmers", "lighthouse-keepers", "longyan-sanming-life", "lunar-days-30", "market-gardeners",
    "misc-realistic-283", "misc-realistic-284", "misc-realistic-285", "misc-realistic-286", "misc-realistic-287",
    "misc-realistic-288", "misc-realistic-289", "misc-realistic-290", "numbers-noise-32", "open-pit-miners",
    "pear-growers", "places-not-cities-30", "plum-blossom-photographers", "qinghai-hainan-villages",
    "range-and-span-28", "rapeseed-growers", "relative-days-24", "river-sand-dredgers", "ropeway-mechanics",
    "scaffolding-crews", "shaanxi-shangluo-villages", "shandong-liaocheng-villages", "short-replies-21",
    "sichuan-nanchong-villages", "silkworm-cocoon-buyers", "sugar-beet-growers", "tongling-chizhou-life",
    "two-cities-23", "two-dates-29", "typos-mixed-29", "vague-and-none-31", "voice-slips-26", "walnut-oil-pressers",
    "weekdays-28", "yulin-beihai-life", "zhangjiakou-chengde-life",
    # 313th-320th sittings
    "anhui-fuyang-villages", "black-tea-pickers", "complaints-30", "container-crane-operators", "corrections-33",
    "dam-sluice-operators", "dandong-benxi-life", "date-formats-30", "dialect-days-27", "english-chinese-mix-31",
    "english-only-33", "festival-days-31", "follow-ups-25", "foreign-cities-32", "fragments-32",
    "gansu-tianshui-villages", "ginseng-diggers", "glass-greenhouse-techs", "group-chat-29",
    "hebei-xingtai-villages", "heihe-yichun-life", "henan-zhumadian-villages", "hk-macau-tw-26",
    "hot-air-balloon-pilots", "hunan-loudi-villages", "jingdezhen-pingxiang-life", "kiwi-fruit-growers",
    "laibin-guigang-life", "lunar-days-31", "misc-realistic-291", "misc-realistic-292", "misc-realistic-293",
    "misc-realistic-294", "misc-realistic-295", "misc-realistic-296", "misc-realistic-297", "misc-realistic-298",
    "numbers-noise-33", "oyster-raft-farmers", "peony-growers", "places-not-cities-31", "pomegranate-growers",
    "qinzhou-fangchenggang-life", "range-and-span-29", "relative-days-25", "road-line-painters",
    "sanmenxia-luohe-life", "shangrao-fuzhou-jx-life", "short-replies-22", "sichuan-dazhou-villages",
    "snow-groomer-drivers", "star-anise-growers", "tunnel-boring-crews", "two-cities-24", "two-dates-30",
    "typos-mixed-30", "vague-and-none-32", "voice-slips-27", "water-chestnut-pickers", "weekdays-29",
    "wind-turbine-blade-cleaners", "yunnan-zhaotong-villages", "zhaoqing-yunfu-life", "zhejiang-quzhou-villages",
    # 321st-328th sittings
    "baoshan-lincang-life", "chaozhou-jieyang-life", "complaints-31", "corrections-34", "date-formats-31",
    "dialect-days-28", "english-chinese-mix-32", "english-only-34", "escalator-maintainers", "festival-days-32",
    "follow-ups-26", "foreign-cities-33", "fragments-33", "glass-bridge-attendants", "group-chat-30",
    "guangxi-baise-hills-villages", "hemp-growers", "hk-macau-tw-27", "hop-growers", "huaibei-suzhou-ah-life",
    "hubei-xianning-villages", "inner-mongolia-tongliao-villages", "jiangxi-ji-an-villages",
    "jilin-siping-villages", "jujube-date-driers", "livestock-haulers", "loquat-growers", "lotus-seed-shellers",
    "lunar-days-32", "marathon-volunteers", "misc-realistic-299", "misc-realistic-300", "misc-realistic-301",
    "misc-realistic-302", "misc-realistic-303", "misc-realistic-304", "misc-realistic-305", "misc-realistic-306",
    "nanping-ningde-life", "ningxia-zhongwei-villages", "numbers-noise-34", "outdoor-billboard-installers",
    "outdoor-cinema-projectionists", "persimmon-dryers", "places-not-cities-32", "range-and-span-30",
    "relative-days-26", "salt-field-workers", "shandong-dezhou-villages", "shanwei-heyuan-life",
    "shanxi-yuncheng-villages", "short-replies-23", "shuozhou-xinzhou-life", "sweet-potato-starch-makers",
    "tongren-kaili-life", "two-cities-25", "two-dates-31", "typos-mixed-31", "vague-and-none-33", "voice-slips-28",
    "weekdays-30", "windshield-repairers", "yam-diggers", "zhoushan-taizhou-life",
    # 329th-336th sittings
    "aerial-crane-riggers", "anshun-qiannan-life", "buckwheat-noodle-makers", "chimney-sweeps", "complaints-32",
    "corrections-35", "date-formats-32", "dialect-days-29", "english-chinese-mix-33", "english-only-35",
    "ferris-wheel-operators", "festival-days-33", "follow-ups-27", "foreign-cities-34", "fragments-34",
    "gingko-nut-pickers", "group-chat-31", "guangdong-shanwei-fishing-villages", "hanzhong-ankang-villages",
    "henan-xinxiang-villages", "hk-macau-tw-28", "hubei-shiyan-villages", "jiamusi-shuangyashan-life",
    "jiangsu-yancheng-salt-villages", "kite-festival-staff", "konjac-growers", "laibin-chongzuo-life",
    "liaoning-chaoyang-villages", "lifeboat-crews", "lunar-days-33", "misc-realistic-307", "misc-realistic-308",
    "misc-realistic-309", "misc-realistic-310", "misc-realistic-311", "misc-realistic-312", "misc-realistic-313",
    "misc-realistic-314", "numbers-noise-35", "panzhihua-xichang-life", "pepper-dryers", "places-not-cities-33",
    "qujing-zhaotong-border-life", "range-and-span-31", "rapeseed-oil-pressers", "relative-days-27",
    "ropeway-inspectors", "seaweed-farmers", "shandong-dongping-lake-villages", "short-replies-24",
    "sichuan-bazhong-villages", "sugarcane-cutters", "two-cities-26", "two-dates-32", "typos-mixed-32",
    "vague-and-none-34", "voice-slips-29", "walnut-crackers", "weekdays-31", "wind-turbine-climbers",
    "xuancheng-chizhou-life", "yangjiang-maoming-life", "zhangjiajie-xiangxi-life", "zipline-guides",
    # 337th-344th sittings
    "bungee-platform-staff", "caltrop-nut-sellers", "cashmere-goat-herders", "complaints-33", "corrections-36",
    "date-formats-33", "dialect-days-30", "dried-persimmon-makers", "english-chinese-mix-34", "english-only-36",
    "festival-days-34", "follow-ups-28", "foreign-cities-35", "fragments-35", "fujian-longyan-villages",
    "group-chat-32", "guangxi-wuzhou-villages", "guizhou-liupanshui-villages", "hebei-baoding-villages",
    "henan-luoyang-hill-villages", "hengyang-shaoyang-life", "heze-zaozhuang-life", "hk-macau-tw-29",
    "huaibei-bozhou-life", "hunan-huaihua-villages", "ji-an-xinyu-life", "jingmen-tianmen-life",
    "kiwi-orchard-workers", "lunar-days-34", "misc-realistic-315", "misc-realistic-316", "misc-realistic-317",
    "misc-realistic-318", "misc-realistic-319", "misc-realistic-320", "misc-realistic-321", "misc-realistic-322",
    "numbers-noise-36", "open-water-swim-coaches", "paramotor-pilots", "peanut-diggers", "places-not-cities-34",
    "power-line-patrollers", "race-day-volunteers", "range-and-span-32", "razor-clam-gatherers", "relative-days-28",
    "sea-salt-rakers", "shanxi-linfen-villages", "ship-lock-dispatchers", "short-replies-25", "sluice-gate-keepers",
    "toll-booth-attendants", "two-cities-27", "two-dates-33", "typos-mixed-33", "vague-and-none-35",
    "voice-slips-30", "weekdays-32", "wenzhou-lishui-coast-life", "wild-jujube-pickers", "wuhai-bayannur-life",
    "yunnan-chuxiong-villages", "zhumadian-zhoukou-life",
    # 345th-352nd sittings
    "bamboo-scaffold-builders", "cable-car-mechanics", "chestnut-harvesters", "chuzhou-huainan-life",
    "complaints-34", "corrections-37", "date-formats-34", "datong-zhangjiakou-life", "dialect-days-31",
    "english-chinese-mix-35", "english-only-37", "festival-days-35", "follow-ups-29", "foreign-cities-36",
    "fragments-36", "gansu-dingxi-villages", "glider-tow-pilots", "group-chat-33", "guizhou-qiannan-villages",
    "hebei-cangzhou-villages", "highway-marking-crews", "hk-macau-tw-30", "hot-spring-pool-attendants",
    "huaihua-jishou-life", "hubei-jingzhou-villages", "jiangxi-shangrao-villages", "jinhua-yiwu-life",
    "light-show-drone-pilots", "lotus-root-farmers", "lunar-days-35", "meishan-leshan-life", "misc-realistic-323",
    "misc-realistic-324", "misc-realistic-325", "misc-realistic-326", "misc-realistic-327", "misc-realistic-328",
    "misc-realistic-329", "misc-realistic-330", "numbers-noise-37", "places-not-cities-35", "range-and-span-33",
    "relative-days-29", "sea-cucumber-divers", "shandong-zaozhuang-villages", "shatian-pomelo-packers",
    "short-replies-26", "sichuan-guangyuan-villages", "stadium-groundskeepers", "surf-school-instructors",
    "taizhou-zhejiang-coast-life", "tea-oil-pressers", "two-cities-28", "two-dates-34", "typos-mixed-34",
    "vague-and-none-36", "voice-slips-31", "weekdays-33", "winter-bamboo-shoot-sellers", "wolfberry-pickers",
    "xinxiang-hebi-life", "yam-farmers", "yiyang-loudi-life", "yunnan-lincang-villages",
    # 353rd-360th sittings
    "anqing-tongcheng-life", "camellia-flower-growers", "complaints-35", "corrections-38", "date-formats-35",
    "dialect-days-32", "english-chinese-mix-36", "english-only-38", "festival-days-36", "follow-ups-30",
    "foreign-cities-37", "fragments-37", "gas-pipeline-patrol-walkers", "group-chat-34",
    "guizhou-bijie-hill-villages", "harbor-pilots", "hazelnut-pickers", "henan-pingdingshan-villages",
    "hk-macau-tw-31", "hot-pepper-sorters", "hunan-chenzhou-villages", "jiangxi-yichun-villages",
    "jilin-tonghua-villages", "kelp-dryers", "longan-dryers", "lunar-days-36", "misc-realistic-331",
    "misc-realistic-332", "misc-realistic-333", "misc-realistic-334", "misc-realistic-335", "misc-realistic-336",
    "misc-realistic-337", "misc-realistic-338", "numbers-noise-38", "period-drama-location-managers",
    "places-not-cities-36", "quzhou-kaihua-life", "range-and-span-34", "relative-days-30",
    "rooftop-sign-installers", "seabuckthorn-pickers", "shaanxi-weinan-villages", "shandong-linyi-hill-villages",
    "shaoyang-wugang-life", "short-replies-27", "sichuan-yaan-villages", "ski-lift-operators",
    "sunflower-seed-roasters", "tongliao-chifeng-life", "tower-crane-signalmen", "tunnel-ventilation-techs",
    "two-cities-29", "two-dates-35", "typos-mixed-35", "vague-and-none-37", "voice-slips-32",
    "water-bamboo-weavers", "wedding-tent-riggers", "weekdays-34", "xiaogan-suizhou-life", "yangzhou-gaoyou-life",
    "yulin-guangxi-life", "zhangzhou-quanzhou-coast-life",
    # 361st-368th sittings
    "baoding-dingzhou-life", "billboard-printers", "bridge-cable-inspectors", "cocoon-station-graders",
    "complaints-36", "corrections-39", "date-formats-36", "deyang-mianzhu-life", "dialect-days-33",
    "drone-crop-sprayers", "english-chinese-mix-37", "english-only-39", "ferry-deckhands", "festival-days-37",
    "follow-ups-31", "football-pitch-turf-keepers", "foreign-cities-38", "fragments-38",
    "fujian-nanping-zhenghe-villages", "gansu-longnan-kangxian-villages", "group-chat-35",
    "guangxi-hechi-donglan-villages", "hanging-persimmon-makers", "hebei-chengde-weichang-villages",
    "hengyang-leiyang-life", "hk-macau-tw-32", "huaihua-zhijiang-life", "jiangsu-yancheng-coast-villages",
    "jingdezhen-shangrao-life", "jiujiang-ruichang-life", "kiwi-fruit-packers", "liupanshui-anshun-life",
    "lotus-seed-peelers", "lunar-days-37", "misc-realistic-339", "misc-realistic-340", "misc-realistic-341",
    "misc-realistic-342", "misc-realistic-343", "misc-realistic-344", "misc-realistic-345", "misc-realistic-346",
    "mushroom-log-farmers", "night-market-stall-owners", "numbers-noise-39", "open-air-cinema-projectionists",
    "parking-lot-line-stripers", "places-not-cities-37", "qinghai-haidong-hualong-villages", "range-and-span-35",
    "relative-days-31", "shanxi-lvliang-linxian-villages", "shatian-pomelo-orchard-hands", "short-replies-28",
    "star-anise-pickers", "sugar-chestnut-street-roasters", "two-cities-30", "two-dates-36", "typos-mixed-36",
    "vague-and-none-38", "voice-slips-33", "weekdays-35", "yunnan-wenshan-qiubei-villages",
    "zhumadian-xinyang-life",
    # 369th-376th sittings
    "beach-lifeguards", "complaints-37", "corrections-40", "date-formats-37", "dezhou-yucheng-life",
    "dialect-days-34", "dredger-crews", "dried-tofu-makers", "elevator-maintenance-crews", "english-chinese-mix-38",
    "english-only-40", "festival-days-38", "film-set-riggers", "follow-ups-32", "foreign-cities-39", "fragments-39",
    "ganzhou-ruijin-life", "group-chat-36", "guizhou-qiandongnan-leishan-villages", "henan-nanyang-xixia-villages",
    "highway-toll-collectors", "hk-macau-tw-33", "hubei-enshi-lichuan-villages", "huzhou-anji-life",
    "iron-stick-yam-diggers", "jiangxi-jian-suichuan-villages", "jinhua-lanxi-life", "loquat-pickers",
    "lunar-days-38", "misc-realistic-347", "misc-realistic-348", "misc-realistic-349", "misc-realistic-350",
    "misc-realistic-351", "misc-realistic-352", "misc-realistic-353", "misc-realistic-354",
    "ningxia-guyuan-xiji-villages", "numbers-noise-40", "peony-seed-growers", "places-not-cities-38",
    "range-and-span-36", "relative-days-32", "reservoir-patrol-wardens", "shaanxi-yanan-ansai-villages",
    "shandong-heze-cao-villages", "short-replies-29", "sichuan-guangyuan-cangxi-villages", "ski-gondola-attendants",
    "small-oil-mill-workers", "solar-farm-cleaners", "suqian-siyang-life", "two-cities-31", "two-dates-37",
    "typos-mixed-37", "vague-and-none-39", "voice-slips-34", "weekdays-36", "winter-bamboo-shoot-diggers",
    "winter-jujube-greenhouse-growers", "wolfberry-dryers", "wuhu-wuwei-life", "yueyang-linxiang-life",
    "zhaotong-zhenxiong-life",
}




def wild() -> list[Item]:
    return [i for i in suite() if i.split == "wild"]


def test_wild_split_is_the_hand_labelled_file():
    from sft.suite import WILD_SOURCE, load_wild
    from sft.written import wild_number

    assert len(wild()) >= 400
    assert wild() == load_wild(WILD_SOURCE)
    record = load_wild(WILD_SOURCE, side="all")
    assert [i.id for i in record] == [f"wild-{n:04d}" for n in range(1, len(record) + 1)]
    assert [i.id for i in wild()] == [f"wild-{n:04d}" for n in range(WILD_TEST_FROM, len(record) + 1)]
    assert [i for i in record if wild_number(i.id) < WILD_TEST_FROM] == load_wild(WILD_SOURCE, side="train")
    with pytest.raises(UserError, match="unknown wild side 'x'; valid: test, train, all"):
        load_wild(WILD_SOURCE, side="x")


def test_wild_labels_are_well_formed():
    """Every sitting, the training side's too."""
    from sft.suite import load_wild

    for item in load_wild(side="all"):
        assert set(item.tags) <= WILD_TAGS, item
        if item.gold.city is not None:
            assert item.gold.city == item.gold.city.strip() and item.gold.city in item.query, item
        assert ("no-city" in item.tags) == (item.gold.city is None), item
        assert ("no-date" in item.tags) == (item.gold.date is None), item
        assert ("neither" in item.tags) == (item.gold == Answer(None, None)), item
        if item.gold.date is not None and item.today is not None:
            # a date resolved against the reference day carries its year
            assert len(item.gold.date) in (5, 10), item
        if item.today is not None:
            assert 2024 <= item.today.year <= 2030, item


def test_wild_covers_what_people_type():
    counts: dict[str, int] = {}
    for item in wild():
        for tag in item.tags:
            counts[tag] = counts.get(tag, 0) + 1
    for tag in ("fragment", "no-city", "no-date", "neither", "activity", "colloquial", "typo", "english",
                "hk-macau-taiwan", "foreign", "district", "scenic-spot", "province", "two-places", "relative",
                "festival", "vague-time", "past-date"):
        assert counts.get(tag, 0) >= 5, tag
    assert sum(i.today is not None for i in wild()) >= 100
    assert sum(i.today is None and "relative" in i.tags for i in wild()) >= 30  # relative, no reference day


@lru_cache(maxsize=1)
def real_training() -> frozenset[str]:
    return frozenset(e.query for seed in TRAIN_SEEDS for e in generate(TRAIN_N, seed, "real"))


def test_no_wild_query_in_training_data():
    queries, _ = training()
    normalized = {normalize(q) for q in queries | real_training()}
    for item in wild():
        assert normalize(item.query) not in normalized, item


def test_no_training_template_produces_a_wild_query():
    templates = [t for t, _ in TUTORIAL_TEMPLATES] + list(EXTRA_TEMPLATES)
    patterns = [(template_regex(t), template_regex(t, normalized=True)) for t in templates]
    for item in wild():
        plain = normalize(item.query)
        assert not any(raw.fullmatch(item.query) or norm.fullmatch(plain) for raw, norm in patterns), item


# --------------------------------------------------------------------------------------- relative

def test_relative_split():
    items = [i for i in suite() if i.split == "relative"]
    assert len(items) >= 300
    kinds = {i.tags[1] for i in items}
    assert {"day-offset", "weekday", "this-week", "next-week", "week-after", "last-week", "weekend", "n-days",
            "next-month", "this-month", "day-only", "month-end", "next-year", "lunar"} <= kinds
    for item in items:
        assert item.today is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", item.gold.date), item
        assert item.gold.city in item.query
    assert len({i.today.weekday() for i in items}) == 7
    assert any(i.today.month == 12 and i.today.day == 31 for i in items)
    assert any((i.today.month, i.today.day) == (2, 29) for i in items)


def test_relative_gold_against_a_hand_written_calendar():
    """Day offsets and N-days items, recomputed here with datetime alone (not with the resolver)."""
    import datetime as dt

    offsets = {"今天": 0, "明天": 1, "明早": 1, "后天": 2, "大后天": 3, "昨天": -1, "前天": -2}
    checked = 0
    for item in (i for i in suite() if i.split == "relative"):
        words = [w for w in sorted(offsets, key=len, reverse=True) if w in item.query]
        match = re.search(r"(\d+)天(后|以后|前)|过(\d+)天", item.query)
        if "day-offset" in item.tags:
            delta = offsets[words[0]]
        elif "n-days" in item.tags:
            n = int(match.group(1) or match.group(3))
            delta = -n if match.group(2) == "前" else n
        else:
            continue
        assert item.gold.date == (item.today + dt.timedelta(days=delta)).isoformat(), item
        checked += 1
    assert checked >= 80


def test_a_deeply_nested_suite_line_is_a_file_line_error(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100000 + "]" * 100000 + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"{path}:1: "):
        load_suite(path)
