"""The kinds of one contender's wrong answers on one split of a bench run, as a Markdown table with an example each.

    python scripts/error_kinds.py reports/reference-h100/samples.jsonl.gz qlora+resolve [--split wild] [--top 15]

A question can have two kinds (its city and its date both wrong). Reads the samples file the bench writes
(``samples.jsonl`` or ``.gz``); compares each answer with its gold only, so it measures nothing by itself. The
kinds are finer where the gazetteers tell more (never to judge an answer, only to sort a wrong one):

* a dropped city by what the fine-tune was taught: a city of its training (``cities.tsv``' and ``places.tsv``'
  ``train`` split), one held out of it (their ``test`` split, as the ``hard`` split's), or one in neither list;
* a non-city taken as the city by what ``places.tsv`` says it is (a county, a district, a sight or area, a
  province, region or country), else another word of the question;
* a wrong or dropped date by whether the question carries a reference day (a relative day: 明天, 下周三, 中秋)
  or not (a written date), from the suite file (``--suite``; the committed suite by default).
"""
from __future__ import annotations

import argparse
import collections
import functools
import gzip
import json


@functools.lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], dict[str, str]]:
    """(city name, full or short -> train | test; place name -> its kind) from the gazetteers."""
    from sft.cities import load_cities, short_name
    from sft.places import load_places

    places = load_places()
    split: dict[str, str] = {}
    for name, s in [(c.name, c.split) for c in load_cities()] + [(p.name, p.split) for p in places if p.kind == "city"]:
        split.setdefault(name, s)
        split.setdefault(short_name(name), s)
    return split, {p.name: p.kind for p in places if p.kind != "city"}


#: A non-city taken as the city, by what places.tsv says it is (else another word of the question).
_NON_CITY_KIND = {"county": "a county", "district": "a district", "sight": "a sight or area", "area": "a sight or area",
                  "province": "a province, region or country", "region": "a province, region or country",
                  "country": "a province, region or country"}
#: A dropped city, by the split of its list (else in neither list).
_DROPPED_SPLIT = {"train": "a city of the training data", "test": "a city held out of training"}


def _non_city_kind(name: str) -> str:
    return f"{_NON_CITY_KIND.get(_places()[1].get(name), 'another word of the question')} taken as the city"


def _dropped_city_kind(name: str) -> str:
    split = _places()[0].get(name)
    return f"city dropped (null): {_DROPPED_SPLIT.get(split, 'a city in neither list (abroad, small towns)')}"


def kinds_of(row: dict, reference_day: bool = False) -> list[str]:
    """The kinds of one wrong answer; ``reference_day``: the question carries one (its date may be relative)."""
    if not row["parsed"]:
        return ["no answer object"]
    gold, pred, query = row["gold"], row.get("pred") or {"city": None, "date": None}, row["query"]
    found = []
    gc, pc = gold["city"], pred.get("city")
    if gc != pc:
        if pc is None:
            found.append(_dropped_city_kind(gc))
        elif gc is None:
            found.append(_non_city_kind(pc) if pc in query else "a city invented (not in the question)")
        elif gc in pc or pc in gc:
            found.append("city cut or extended (市 added, part of a word)")
        elif pc in query:
            found.append("another city or place of the question picked")
        else:
            found.append("city rewritten (not as written)")
    gd, pd = gold["date"], pred.get("date")
    day = "a relative day" if reference_day else "a written date"
    if gd != pd:
        if pd is None:
            found.append(f"date dropped (null): {day}")
        elif gd is None:
            found.append("a date invented")
        elif len(gd) != len(pd):
            found.append("date with/without a year wrongly")
        else:
            found.append(f"date wrong (another day): {day}")
    return found


def reference_days(suite: str | None) -> set[str]:
    """The ids of the suite's questions that carry a reference day."""
    from sft.suite import DEFAULT_SUITE, load_suite

    return {item.id for item in load_suite(suite or DEFAULT_SUITE) if item.today is not None}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples")
    parser.add_argument("contender")
    parser.add_argument("--split", default="wild", help="a split, or a prefix ending in * (blind-*: every round "
                        "of scripts/blind_suite.py's suite)")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--suite", help="the suite the samples were scored on (default: the committed one)")
    args = parser.parse_args(argv)
    from sft.errors import UserError

    opener = gzip.open if args.samples.endswith(".gz") else open
    try:
        with opener(args.samples, "rt", encoding="utf-8") as f:
            rows = [json.loads(line) for line in f]
        dated = reference_days(args.suite)
    except (OSError, UserError) as exc:  # a wrong path: one line, not a traceback
        parser.error(f"{exc} (give the samples file a bench wrote and, with --suite, the suite it scored)")
    def in_split(name: str) -> bool:
        return name.startswith(args.split[:-1]) if args.split.endswith("*") else name == args.split

    wrong = [r for r in rows if r["contender"] == args.contender and in_split(r["split"]) and not r["exact"]]
    counts: collections.Counter[str] = collections.Counter()
    example: dict[str, tuple[str, str, dict]] = {}  # kind -> (query, the answer shown, gold)
    for row in wrong:
        for kind in kinds_of(row, row.get("id") in dated):
            counts[kind] += 1
            # the model's own text too, where the answer was made from it (the phrase a +resolve contender resolved)
            shown = f"`{row.get('output', '')[:60]}`" + (f" (model: `{row['model_output'][:60]}`)"
                                                           if row.get("model_output") else "")
            example.setdefault(kind, (row["query"], shown, row["gold"]))
    print(f"{len(wrong)} wrong, {len(counts)} kinds\n\n| kind | n | example (query → answer; gold) |\n|---|---:|---|")
    for kind, n in counts.most_common(args.top):
        query, output, gold = example[kind]
        print(f"| {kind} | {n} | `{query[:40]}` → {output}; gold {json.dumps(gold, ensure_ascii=False)} |")


if __name__ == "__main__":
    main()
