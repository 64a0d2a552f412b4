"""The city list: ``datasets/cities.tsv`` (see ``datasets/CITIES.md`` for where it comes from).

Columns ``name province level split``: ``level`` is ``prefecture`` (地级市) or ``county`` (县级市), ``split``
is ``train`` or ``test``; test cities never appear in generated training data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sft.errors import UserError
from sft.paths import DATA, read_tsv

from .task import strip_city_suffix

DEFAULT = DATA / "cities.tsv"
HEADER = ("name", "province", "level", "split")
LEVELS = ("prefecture", "county")
SPLITS = ("train", "test")


@dataclass(frozen=True)
class City:
    name: str  # as the source writes it, with its 市: 攀枝花市
    province: str
    level: str  # prefecture | county
    split: str  # train | test


def short_name(name: str) -> str:
    """The name without one trailing 市 when at least two characters remain (芒市 stays as it is).

    The same rule as the scorer's lenient city comparison: :func:`sft.task.strip_city_suffix`.
    """
    return strip_city_suffix(name)


def _parse(path: Path) -> tuple[City, ...]:
    cities, seen = [], set()
    for where, (name, province, level, split) in read_tsv(path, HEADER):
        if not name or not province:
            raise UserError(f"{where}: empty name or province")
        if level not in LEVELS:
            raise UserError(f"{where}: level {level!r} is not one of {', '.join(LEVELS)}")
        if split not in SPLITS:
            raise UserError(f"{where}: split {split!r} is not one of {', '.join(SPLITS)}")
        if name in seen:
            raise UserError(f"{where}: duplicate city {name!r}")
        seen.add(name)
        cities.append(City(name, province, level, split))
    return tuple(cities)


@lru_cache(maxsize=1)
def _default() -> tuple[City, ...]:
    return _parse(DEFAULT)


def load_cities(path: str | Path = DEFAULT) -> list[City]:
    """All cities of a TSV file, in file order.

    A malformed line raises ``ValueError("<file>:<line>: <what is wrong>")``.
    """
    path = Path(path)
    cities = _default() if path.resolve() == DEFAULT else _parse(path)
    return list(cities)


def train_cities(path: str | Path = DEFAULT) -> list[City]:
    return [c for c in load_cities(path) if c.split == "train"]


def test_cities(path: str | Path = DEFAULT) -> list[City]:
    return [c for c in load_cities(path) if c.split == "test"]


# pytest would collect ``test_cities`` from ``from sft.cities import *``-style imports in test files.
test_cities.__test__ = False  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _nickname_rows() -> tuple[tuple[str, str, str], ...]:
    """datasets/nicknames.tsv, read once: (nickname, city, note) per row."""
    return tuple(tuple(fields) for _, fields in read_tsv(DATA / "nicknames.tsv", ("nickname", "city", "note")))


@lru_cache(maxsize=1)
def nickname_cities() -> dict[str, str]:
    """datasets/nicknames.tsv: established nicknames of cities and their city (魔都 -> 上海市). Task rule: a
    nickname names the city and is copied as written; ambiguous ones (江城, 山城, 雾都, 鹿城, 花城) are not listed."""
    return {name: city for name, city, _note in _nickname_rows()}


def load_full_names() -> list[str]:
    """datasets/full_names.tsv: cities read only when written with 市 (吉林市, 都江堰市): their short forms are everyday
    words or other places first (安康, 中山). The rule reads them so, and so do the ``places`` prompt's hints."""
    return [name for _, (name, _why) in read_tsv(DATA / "full_names.tsv", ("name", "short_form"))]


def load_nicknames() -> tuple[str, ...]:
    return tuple(nickname_cities())


#: A nickname whose note says so is read (the rule, the hints, the hybrid's checks) but never drawn by the training mix,
#: which stays as it was: the classical names the blind batches wrote (汴京, 盛京, 燕京).
READ_ONLY = "read only"


@lru_cache(maxsize=1)
def drawn_nicknames() -> tuple[str, ...]:
    """The nicknames the training mix writes (sft.compose): every one but those noted :data:`READ_ONLY`."""
    return tuple(name for name, _city, note in _nickname_rows() if READ_ONLY not in note)


@lru_cache(maxsize=1)
def county_prefectures() -> dict[str, frozenset[str]]:
    """datasets/county_cities.tsv: each county-level city (short name, 晋江) -> the names of the prefecture it lies in
    (泉州市, 泉州; 德宏傣族景颇族自治州, 德宏, 德宏州). Task rule: a prefecture written right before its county-level
    city (泉州晋江) gives the county-level city."""
    return {short_name(name): frozenset(prefecture.split("/"))
            for _, (name, prefecture) in read_tsv(DATA / "county_cities.tsv", ("name", "prefecture"))}
