"""The place list beside the city list: ``datasets/places.tsv`` (see ``datasets/PLACES.md``).

Columns ``name kind city split``. ``kind`` says what the name is:

* ``city`` — a city that ``cities.tsv`` lacks (香港, 台北市, 东京, the county-level cities it left out): the label
  guide's answer is the city;
* ``province`` ``region`` ``country`` ``district`` ``area`` ``county`` ``sight`` — not cities: alone in a
  question the gold city is ``null``; a district, area, county or sight **with** its city gives that city.

``city`` is the prefecture-level city of ``cities.tsv`` that a district, area, county or sight lies in, when
known (else empty; always empty for the other kinds). ``split`` is ``train`` or ``test``, like the cities: test
places never appear in generated training data. A short form (广东, 浦东) has the split of its full name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sft.errors import UserError
from sft.paths import DATA, read_tsv

DEFAULT = DATA / "places.tsv"
HEADER = ("name", "kind", "city", "split")
KINDS = ("city", "province", "region", "country", "district", "area", "county", "sight")
#: Kinds that are not cities: a question naming only one of these has the gold city ``null``.
NOT_CITY_KINDS = tuple(k for k in KINDS if k != "city")
#: Kinds whose ``city`` column may be filled.
LOCATED_KINDS = ("district", "area", "county", "sight")
SPLITS = ("train", "test")


@dataclass(frozen=True)
class Place:
    name: str  # as written in questions: 广东省, 广东, 浦东新区, 浦东, 东京, 台北市
    kind: str  # one of KINDS
    city: str  # the prefecture-level city of cities.tsv it lies in (北京市), or ""
    split: str  # train | test

    @property
    def is_city(self) -> bool:
        return self.kind == "city"


def _parse(path: Path) -> tuple[Place, ...]:
    places, seen = [], set()
    for where, (name, kind, city, split) in read_tsv(path, HEADER):
        if not name:
            raise UserError(f"{where}: empty name")
        if kind not in KINDS:
            raise UserError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if city and kind not in LOCATED_KINDS:
            raise UserError(f"{where}: a {kind} has no city (got {city!r})")
        if split not in SPLITS:
            raise UserError(f"{where}: split {split!r} is not one of {', '.join(SPLITS)}")
        if name in seen:
            raise UserError(f"{where}: duplicate place {name!r}")
        seen.add(name)
        places.append(Place(name, kind, city, split))
    return tuple(places)


@lru_cache(maxsize=1)
def _default() -> tuple[Place, ...]:
    return _parse(DEFAULT)


def load_places(path: str | Path = DEFAULT) -> list[Place]:
    """All places of a TSV file, in file order.

    A malformed line raises ``ValueError("<file>:<line>: <what is wrong>")``.
    """
    path = Path(path)
    places = _default() if path.resolve() == DEFAULT else _parse(path)
    return list(places)


def places_of_kind(*kinds: str, split: str | None = None, path: str | Path = DEFAULT) -> list[Place]:
    """The places of the given kinds (all kinds when none is given), of one split when ``split`` is given.

    ``places_of_kind("sight", "district", split="train")``; an unknown kind or split raises ``ValueError``.
    """
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise UserError(f"unknown kind(s) {', '.join(map(repr, unknown))}; kinds are {', '.join(KINDS)}")
    if split is not None and split not in SPLITS:
        raise UserError(f"split {split!r} is not one of {', '.join(SPLITS)}")
    wanted = set(kinds or KINDS)
    return [p for p in load_places(path) if p.kind in wanted and (split is None or p.split == split)]


def place_index(path: str | Path = DEFAULT) -> dict[str, Place]:
    """Name -> place, for look-ups (``place_index()["浦东"].kind == "district"``)."""
    return {p.name: p for p in load_places(path)}


#: Cities the generator's gazetteers leave out because another city's name is inside theirs (马鞍山 holds 鞍山:
#: make_cities.py keeps the shorter): the rule and the place hints read them, the longest name winning.
# 德里 (Delhi) is inside 新德里 (47th sitting); 津市 (常德's county-level city) inside 天津市 (305th-312th sittings)
# (香港特别行政区, 澳门特别行政区: the regions' official names, copied whole by seven writers of eight: 40th round)
RULE_ONLY_CITIES = ("马鞍山市", "德里", "津市市", "香港特别行政区", "澳门特别行政区")


@lru_cache(maxsize=1)
def city_names() -> tuple[str, ...]:
    """The cities the rule contender reads in full and by their short form (``sft.cities.short_name``), and the
    place hints name 市: ``datasets/cities.tsv``, the cities of ``places.tsv`` (county-level, Hong Kong, Macau,
    Taiwan, foreign), :data:`RULE_ONLY_CITIES`, and an autonomous prefecture's short name + 州, as people write it
    beside the official short form (克孜勒苏州 as well as 克州; WILD.md, 88th sitting). One list for both, so that a
    city the rule reads is never one the hints leave out (马鞍山, 津市 were, until 2026-12-04, evening)."""
    from sft.cities import load_cities

    places = load_places()
    names = [c.name for c in load_cities()] + [p.name for p in places if p.kind == "city"] + list(RULE_ONLY_CITIES)
    prefectures = [p.name for p in places if p.kind == "city" and p.name.endswith("自治州")]
    names += [p.name + "州" for p in places if p.kind == "city" and not p.name.endswith("州")
              and any(full.startswith(p.name) for full in prefectures) and p.name + "州" != "迪庆州"]  # make_places
    return tuple(dict.fromkeys(names))


WORLD = DATA / "world_cities.tsv"
WORLD_HEADER = ("name", "geonames", "country", "population")


@lru_cache(maxsize=1)
def world_cities() -> dict[str, str]:
    """``datasets/world_cities.tsv`` (``datasets/make_world_cities.py``): the Chinese and Korean names of the world's
    cities of 100,000 people or more outside China, from GeoNames (旭川, 卢布尔雅那, 부산), each with its city's
    GeoNames name (``부산`` -> ``Busan``). The rule contender reads them as cities; the training-data generator
    does not draw them (no fine-tune is taught them)."""
    return {fields[0]: fields[1] for _, fields in read_tsv(WORLD, WORLD_HEADER)}


@lru_cache(maxsize=1)
def world_city_names() -> frozenset[str]:
    """The names of :func:`world_cities` (built once: rule 4 asks it for each name followed by 岛)."""
    return frozenset(world_cities())


WORLD_SHORT = DATA / "world_cities_short.tsv"


@lru_cache(maxsize=1)
def world_short_names() -> frozenset[str]:
    """``datasets/world_cities_short.tsv`` (``datasets/make_world_cities.py``): two-character names of the world's
    cities of 500,000 people or more, and of the capitals and cities of jionlp's world list (基多, 廷布), that
    jieba's dictionary does not list as an everyday word (万隆, 安曼, 蔚山); and cities named as a person (达尔文,
    奥斯汀) or as their country (突尼斯, 吉布提). Left out of :func:`world_cities` (two characters are too often part
    of other words, the others mean the person or the country more often); the rule reads them only as
    it reads 中山 (rule 5d: a date or a weather word right after, at a phrase's start, no other city named)."""
    return frozenset(fields[0] for _, fields in read_tsv(WORLD_SHORT, WORLD_HEADER))


COUNTIES = DATA / "counties.tsv"
COUNTIES_HEADER = ("name", "county", "prefecture")


@lru_cache(maxsize=1)
def counties() -> dict[str, str]:
    """``datasets/counties.tsv`` (``datasets/make_counties.py``): every county of the mainland (县, 自治县, 旗,
    特区) as written in full and short (郯城县, 郯城) -> its prefecture-level division (临沂市). places.tsv holds a
    sample of them; the rule contender reads a trip's destination with all of them (rule 5e)."""
    return {fields[0]: fields[2] for _, fields in read_tsv(COUNTIES, COUNTIES_HEADER)}


DISTRICTS = DATA / "districts.tsv"
DISTRICTS_HEADER = ("name", "district", "prefecture")


@lru_cache(maxsize=1)
def districts() -> dict[str, str]:
    """``datasets/districts.tsv`` (``datasets/make_districts.py``): every district (区) of the mainland as written in
    full and short (昭阳区, 昭阳) -> its prefecture-level division (昭通市). places.tsv holds a sample of them; the
    ``places`` prompt's hints (:mod:`sft.hints`) name them all."""
    return {fields[0]: fields[2] for _, fields in read_tsv(DISTRICTS, DISTRICTS_HEADER)}


@lru_cache(maxsize=1)
def romanized_rows() -> tuple[tuple[str, str, str], ...]:
    """``datasets/romanized.tsv`` (``datasets/make_romanized.py``), read once: (the Latin-letter spelling as written,
    the city it spells, its source): pinyin and English names of cities (``Yiwu``, ``Peking``, ``Busan``)."""
    return tuple((f[0], f[1], f[2]) for _, f in read_tsv(DATA / "romanized.tsv", ("romanized", "city", "source")))


def romanized_pattern(spellings: Iterable[str]) -> re.Pattern | None:
    """One pattern for Latin-letter names: any case, never inside a longer Latin word, a space optional where the
    name has one and an apostrophe optional or curly (``xi'an``, ``Xi’an``, ``xian``)."""
    forms = sorted({s.lower() for s in spellings if s}, key=len, reverse=True)
    if not forms:
        return None
    body = "|".join(re.escape(f).replace("\\ ", r"\s*").replace("'", "['’]?") for f in forms)
    return re.compile(rf"(?<![A-Za-z])(?:{body})(?![A-Za-z])", re.IGNORECASE)
