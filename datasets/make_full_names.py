"""Build datasets/full_names.tsv: cities that are only a city when written in full, with 市.

make_cities.py (``AMBIGUOUS``) and make_places.py (``MORE_AMBIGUOUS``) leave these county- and prefecture-level
cities out of the gazetteers because their short form is an everyday word, a province, a mountain or a sight
(吉林 is the province, 石狮 a stone lion, 都江堰 the irrigation works). Written with 市 (``吉林市``,
``都江堰市``) they are unambiguous: the `rule` contender reads them in that form only. ``津市市`` is left out
(``天津市市区`` holds it). Run once after either list changes:

    python datasets/make_full_names.py            # writes datasets/full_names.tsv
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
LEFT_OUT = {"津市市": "天津市市区 holds it"}
#: Left out of the gazetteers by make_cities.py's other tests (a short form inside another kept name, or of one
#: character).
EXTRA = {"峨眉山市": "峨眉山 = the mountain; 眉山 is another city",
         "芒市": "芒 alone is one character (make_cities.py keeps no one-character short form)",
         "五大连池市": "五大连池 = the lakes (a scenic area); 大连 is another city"}


def main() -> None:
    sys.path.insert(0, str(HERE))
    from make_cities import AMBIGUOUS
    from make_places import MORE_AMBIGUOUS

    rows = sorted((name, why) for name, why in {**AMBIGUOUS, **MORE_AMBIGUOUS, **EXTRA}.items()
                  if name.endswith("市") and name not in LEFT_OUT)
    with open(HERE / "full_names.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("name\tshort_form\n")
        for name, why in rows:
            f.write(f"{name}\t{why}\n")
    print(f"{len(rows)} cities read in full only")


if __name__ == "__main__":
    main()
