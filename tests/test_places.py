"""The place list (datasets/places.tsv, sft.places) beside the city list: shape, clashes, the label guide's examples."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from sft.cities import load_cities, short_name
from sft.places import DEFAULT, HEADER, KINDS, LOCATED_KINDS, Place, load_places, place_index, places_of_kind

MINIMA = {
    "city": 350, "province": 50, "region": 40, "country": 55,
    "district": 250, "area": 30, "county": 300, "sight": 100,
}


def _test_hash(name: str) -> bool:
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 4 == 0


# ------------------------------------------------------------------------------------------ the file

def test_header_and_encoding():
    first = DEFAULT.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    assert tuple(first.split("\t")) == HEADER == ("name", "kind", "city", "split")
    assert DEFAULT.read_bytes().endswith(b"\n")


def test_names_are_unique_and_clean():
    places = load_places()
    names = [p.name for p in places]
    assert len(set(names)) == len(names), [n for n, c in Counter(names).items() if c > 1]
    assert all(isinstance(p, Place) for p in places)
    assert all(n == n.strip() and len(n) >= 2 and "\t" not in n for n in names)


def test_no_clash_with_cities_tsv():
    taken = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    clashes = [p.name for p in load_places() if p.name in taken or short_name(p.name) in taken]
    assert clashes == []


def test_city_rows_do_not_hold_each_other():
    """As in cities.tsv, no city's short name holds another's (马鞍山 holds 鞍山: left out), except the forms of
    one prefecture-level division (西双版纳 in 西双版纳州 and 西双版纳傣族自治州)."""
    import re

    shorts = sorted({short_name(c.name) for c in load_cities()} | {short_name(p.name) for p in places_of_kind("city")})

    def same_place(a: str, b: str) -> bool:
        return b.startswith(a) and re.fullmatch(r"州|地区|盟|.*自治州", b[len(a):]) is not None

    overlaps = [(a, b) for a in shorts for b in shorts if a != b and a in b and not same_place(a, b)]
    assert overlaps == []
    assert same_place("西双版纳", "西双版纳傣族自治州") and not same_place("鞍山", "马鞍山")


def test_located_city_is_a_prefecture_of_cities_tsv():
    prefectures = {c.name for c in load_cities() if c.level == "prefecture"}
    for place in load_places():
        if place.kind in LOCATED_KINDS:
            assert place.city == "" or place.city in prefectures, place
        else:
            assert place.city == "", place
    assert any(p.city for p in places_of_kind("district")) and any(p.city for p in places_of_kind("sight"))


def test_counts_per_kind_and_split():
    counts = Counter(p.kind for p in load_places())
    assert set(counts) == set(KINDS)
    for kind, least in MINIMA.items():
        assert counts[kind] >= least, (kind, counts[kind])
    for kind in KINDS:
        share = len(places_of_kind(kind, split="test")) / counts[kind]
        assert 0.12 <= share <= 0.45, (kind, share)
    total = len(load_places())
    assert 0.2 <= len(places_of_kind(split="test")) / total <= 0.32


def test_split_follows_the_hash_of_the_full_name():
    index = place_index()
    for place in load_places():
        full = _full_name(place, index)
        assert full is not None, f"{place.name}: no full name found"
        assert place.split == index[full].split == ("test" if _test_hash(full) else "train"), place


def _full_name(place: Place, index: dict[str, Place]) -> str | None:
    """The row whose split a short form shares (广东 -> 广东省, 浦东 -> 浦东新区, 婺源 -> 婺源县), or the name."""
    aliases = {"内蒙": "内蒙古自治区", "印尼": "印度尼西亚", "澳洲": "澳大利亚", "珠峰": "珠穆朗玛峰"}
    if place.name in aliases:
        return aliases[place.name]
    if place.kind == "province" and not place.name.endswith(("省", "自治区")):
        return next((n for n, p in index.items() if p.kind == "province" and n != place.name
                     and n.startswith(place.name)), None)
    if place.kind == "district" and not place.name.endswith("区"):
        return next((n for n, p in index.items() if p.kind == "district" and n.endswith("区")
                     and n.startswith(place.name) and p.city == place.city), None)
    if place.kind == "county" and not place.name.endswith("县"):
        return place.name + "县" if place.name + "县" in index else None
    if place.kind == "city" and not place.name.endswith(("市", "自治州", "地区", "盟")):  # 延边, 延边州, 克州
        stem = place.name.removesuffix("州")
        full = next((n for n in index if n.endswith(("自治州", "地区", "盟")) and n.startswith(stem)), None)
        if full is not None:
            return full
    return place.name


# ------------------------------------------------------------------------------------------ content

def test_label_guide_examples():
    cities = {short_name(c.name) for c in load_cities()}
    index = place_index()
    kind = {short_name(n) if p.kind == "city" else n: p.kind for n, p in index.items()}
    for name in ("义乌", "昆山", "香港", "澳门", "台北", "高雄", "东京", "纽约", "新加坡"):
        assert name in cities or kind.get(name) == "city", name
    expected = {
        "广东": "province", "海南": "province", "台湾": "province", "广东省": "province", "新疆": "province",
        "新疆维吾尔自治区": "province", "东北": "region", "江南": "region", "川西": "region", "日本": "country",
        "朝阳区": "district", "浦东": "district", "海淀": "district", "婺源": "county", "阳朔": "county",
        "周庄": "sight", "西湖": "sight", "九寨沟": "sight", "泰山": "sight", "陆家嘴": "area",
    }
    assert {n: kind.get(n) for n in expected} == expected


def test_known_rows():
    index = place_index()
    assert index["西湖"].city == "杭州市"
    assert index["浦东"].city == index["浦东新区"].city == "上海市"
    assert index["朝阳区"].city == "北京市"
    assert index["婺源县"].city == index["婺源"].city == "上饶市"
    assert index["和平区"].city == ""  # in 天津 and 沈阳 alike
    for name in ("北京", "上海", "天津", "重庆", "北京市", "张家界", "黄山", "吉林", "朝阳"):
        assert name not in index, name  # cities (cities.tsv) or ambiguous
    assert "新加坡" not in {p.name for p in places_of_kind("country")}


# ------------------------------------------------------------------------------------------ the loader

def test_places_of_kind():
    sights = places_of_kind("sight")
    assert sights and {p.kind for p in sights} == {"sight"}
    both = places_of_kind("district", "area", split="train")
    assert {p.kind for p in both} == {"district", "area"} and {p.split for p in both} == {"train"}
    assert len(places_of_kind()) == len(load_places())
    assert len(places_of_kind(split="train")) + len(places_of_kind(split="test")) == len(load_places())
    with pytest.raises(ValueError, match="unknown kind"):
        places_of_kind("town")
    with pytest.raises(ValueError, match="split"):
        places_of_kind("city", split="dev")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("name\tkind\tsplit\n", ":1: expected the header"),
        ("name\tkind\tcity\tsplit\n东京\tcity\t\ttrain\n东京\tcity\t\ttest\n", ":3: duplicate place '东京'"),
        ("name\tkind\tcity\tsplit\n东京\ttown\t\ttrain\n", ":2: kind 'town'"),
        ("name\tkind\tcity\tsplit\n东京\tcity\t\tdev\n", ":2: split 'dev'"),
        ("name\tkind\tcity\tsplit\n东京\tcity\ttrain\n", ":2: expected 4 tab-separated fields, got 3"),
        ("name\tkind\tcity\tsplit\n日本\tcountry\t北京市\ttrain\n", ":2: a country has no city"),
        ("name\tkind\tcity\tsplit\n\tsight\t\ttrain\n", ":2: empty name"),
    ],
)
def test_loader_errors_name_file_and_line(tmp_path, body, message):
    path = tmp_path / "places.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_places(path)
    assert str(info.value).startswith(str(path))


def test_loader_reads_other_files(tmp_path):
    path = tmp_path / "places.tsv"
    path.write_text("name\tkind\tcity\tsplit\n西湖\tsight\t杭州市\ttest\n\n", encoding="utf-8")
    assert load_places(path) == [Place("西湖", "sight", "杭州市", "test")]
    assert places_of_kind("sight", split="train", path=path) == []


# ------------------------------------------------------------------------------------------ rebuild

def test_file_equals_make_places_output(dataset_script):
    """Rebuilt offline from the cached jionlp wheel ($JIONLP_WHEEL or ~/.cache/qwen-sft/wheels), else skipped."""
    make_places = dataset_script("make_places")
    wheel = make_places.cached_wheel()
    if wheel is None:
        pytest.skip(f"no cached {make_places.WHEEL_NAME}: run `python datasets/make_places.py` (needs the network)")
    rows = make_places.build(wheel)
    assert make_places.render(rows) == DEFAULT.read_text(encoding="utf-8")
    pairs = make_places.county_cities(wheel)
    assert ("晋江市", "泉州市/泉州") in pairs and ("芒市", "德宏傣族景颇族自治州/德宏/德宏州") in pairs
    assert make_places.render_county_cities(pairs) == make_places.COUNTY_CITIES.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ counties.tsv

def test_counties_are_counties_and_never_a_city():
    from sft.places import counties

    rows = counties()
    taken = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    assert len(rows) > 2000 and not set(rows) & taken
    assert rows["郯城县"] == rows["郯城"] == "临沂市" and rows["婺源"] == "上饶市"
    assert "长沙" not in rows and rows["长沙县"] == "长沙市"  # a county named after its city keeps only its full name
    assert all(len(name) >= 2 for name in rows)


@pytest.mark.parametrize("script", ["make_counties", "make_districts"])
def test_file_equals_make_counties_or_districts_output(dataset_script, script):
    """Rebuilt offline from the cached jionlp wheel, else skipped."""
    make_places = dataset_script("make_places")
    wheel = make_places.cached_wheel()
    if wheel is None:
        pytest.skip(f"no cached {make_places.WHEEL_NAME}: run `python datasets/make_places.py` (needs the network)")
    make = dataset_script(script)
    assert make.render(make.build(wheel)) == make.OUT.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------------------ districts.tsv

def test_districts_are_districts_and_never_a_city_or_county():
    from sft.places import counties, districts

    rows = districts()
    taken = {c.name for c in load_cities()} | {short_name(c.name) for c in load_cities()}
    assert len(rows) > 1500 and not set(rows) & taken and not set(rows) & set(counties())
    assert rows["昭阳区"] == rows["昭阳"] == "昭通市" and rows["汉滨"] == "安康市" and rows["浦东"] == "上海市"
    assert rows["鼓楼区"]  # a full name two cities share is a district either way
    assert "鼓楼" not in rows and "天涯" not in rows and "工业园" not in rows  # shared, an everyday word, a zone
    assert all(len(name) >= 2 for name in rows)
