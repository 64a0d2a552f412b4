"""Build datasets/counties.tsv: every county of the mainland and its prefecture (see datasets/PLACES.md).

places.tsv holds a hash-chosen sample of the counties (a sixth, and the famous ones) for the training data's
places; the `rule` contender needs them all in one spot: where a trip from the only city goes (rule 5e:
``从临沂市里去郯城``, ``上饶高铁站到婺源``), a county means the weather is asked there, so no city. Built once from the
same pinned jionlp wheel as places.tsv, and committed; jionlp is NOT a dependency of the project::

    python datasets/make_counties.py                # the cached wheel, else pip-downloads jionlp==1.5.31 (no deps)
    python datasets/make_counties.py --wheel PATH

Columns ``name county prefecture``: ``name`` as people write it (the full name, 郯城县, and its short form, 郯城),
``county`` the full name, ``prefecture`` the prefecture-level division it lies in (临沂市). Counties are 县, 自治县,
旗, 自治旗 and 特区. A short form is kept only when it is two characters or more, names one place of China only,
is no city's name or short form and holds none (长沙县's 长沙 is the city), and is no everyday word
(make_places.COUNTY_SHORT_WORDS).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from make_cities import EXCLUDED_PROVINCES, parse_locations, read_dictionary  # noqa: E402
from make_cities import short as short_city  # noqa: E402
from make_places import CITIES, COUNTY_SHORT_WORDS, fetch_wheel, name_uses, read_cities  # noqa: E402

OUT = HERE / "counties.tsv"
HEADER = ("name", "county", "prefecture")
SUFFIXES = ("县", "旗", "特区")  # 自治县 and 自治旗 end so too


def build(wheel: Path, cities_path: Path = CITIES) -> list[tuple[str, str, str]]:
    """(name, county, prefecture) rows, by prefecture and county, the full name before its short form."""
    locations = parse_locations(read_dictionary(wheel))
    city_names = {n for n, _ in read_cities(cities_path)}
    city_shorts = city_names | {short_city(n) for n in city_names}
    uses = name_uses(locations)
    rows: dict[str, tuple[str, str]] = {}
    for depth, name, alias, province, prefecture in locations:
        if depth != 2 or province in EXCLUDED_PROVINCES or not name.endswith(SUFFIXES):
            continue
        if name in city_shorts or uses.get(name, 0) > 1:
            continue  # 长沙县 names no other place, but a county's full name used twice (两个 "和平县") is unsafe
        rows.setdefault(name, (name, prefecture))
        short = alias if alias != name else ""
        if (len(short) >= 2 and uses.get(short, 0) == 1 and short not in COUNTY_SHORT_WORDS
                and not any(c in short or short in c for c in city_shorts if len(c) >= 2)):
            rows.setdefault(short, (name, prefecture))
    return sorted(((n, c, p) for n, (c, p) in rows.items()), key=lambda r: (r[2], r[1], r[0] != r[1], r[0]))


def render(rows: list[tuple[str, str, str]], header: tuple[str, ...] = HEADER) -> str:
    return "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows)


def main_for(build_rows, out: Path, header: tuple[str, ...], what: str, doc: str, argv: list[str] | None) -> int:
    """The command line of a file built from the jionlp wheel alone (counties.tsv, districts.tsv)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--wheel", help="a jionlp-1.5.31 wheel (default: the cached one, else pip-download it)")
    args = parser.parse_args(argv)
    rows = build_rows(Path(args.wheel) if args.wheel else fetch_wheel())
    out.write_text(render(rows, header), encoding="utf-8")
    print(f"{out.name}: {len(rows)} names of {len({r[1] for r in rows})} {what}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return main_for(build, OUT, HEADER, "counties", __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
