"""Hand-written training questions: ``datasets/written.jsonl`` (data card: ``datasets/WRITTEN.md``) and the older
``wild`` sittings, ``datasets/written_wild.jsonl`` (data card: ``datasets/WILD.md``).

The composed mix (:mod:`sft.compose`) builds questions from parts; people's questions are not built from
parts. This file holds questions written the way people type in many registers (chat groups, forums, search
boxes, dialects, pasted notices, ...), each labelled by reading it against the README's task rule, the way the
``wild`` test split is written, by other writers, and never checked by a contender. The ``written`` mix
(:data:`sft.datagen.MIX_SHARES`) draws from them; the suite keeps them out (tests/test_written.py).

One JSON object a line::

    {"id": "written-00000", "query": "...", "gold": {"city": ..., "date": ...}, "phrase": ..., "tags": [...],
     "today": "YYYY-MM-DD"}

``datasets/written_wild.jsonl`` holds the ``wild`` sittings before :data:`WILD_TEST_FROM` in this format
(``datasets/make_written.py --wild``): each item's hand label unchanged, ids ``written-w00123`` for ``wild-0123``.

``phrase`` is the date as written when it needs a reference day (``下周五``, ``明儿``, ``15号``, ``中秋``), else
null: the target of the ``phrase`` date target (:data:`sft.task.DATE_TARGETS`), where ``gold.date`` (resolved
against ``today``, null without one) is the target of ``resolved``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sft.dates import parse_today
from sft.errors import UserError
from sft.paths import DATA
from sft.task import DATE_PATTERN, Answer

WRITTEN_SOURCE = DATA / "written.jsonl"
WRITTEN_WILD_SOURCE = DATA / "written_wild.jsonl"
#: The number of the first ``wild`` item on the test side (``wild-44990``, the 281st sitting's first question). The
#: sittings before it are training questions (:data:`WRITTEN_WILD_SOURCE`); the later ones, written by other hands
#: after every training question, are the suite's ``wild`` split (``sft.suite.load_wild``). A new sitting joins the
#: test side; moving this number later moves older sittings into training (README, "The `wild` split").
WILD_TEST_FROM = 44990


def wild_number(item_id: str) -> int:
    """``wild-0123`` (or its training copy ``written-w00123``) -> 123."""
    return int(item_id.rsplit("-", 1)[1].lstrip("w"))


@dataclass(frozen=True)
class Written:
    id: str
    query: str
    gold: Answer
    phrase: str | None
    tags: tuple[str, ...]
    today: dt.date | None

    def target(self, dates: str) -> tuple[Answer, dt.date | None]:
        """The training answer and reference day under a date target: ``phrase`` copies the date words as
        written and gives no reference day; ``resolved`` answers the gold date with the item's ``today``."""
        if dates == "phrase":
            return Answer(self.gold.city, self.phrase if self.phrase is not None else self.gold.date), None
        return self.gold, self.today


def _record(obj: object) -> Written:
    if not isinstance(obj, dict):
        raise UserError("not a JSON object")
    missing = [k for k in ("id", "query", "gold", "phrase") if k not in obj]
    if missing:
        raise UserError(f"missing {', '.join(missing)}")
    query, gold, phrase = obj["query"], obj["gold"], obj["phrase"]
    if not isinstance(query, str) or not query.strip():
        raise UserError("'query' must be a non-empty string")
    if not isinstance(gold, dict) or set(gold) != {"city", "date"}:
        raise UserError("'gold' must be an object with exactly 'city' and 'date'")
    city, date = gold["city"], gold["date"]
    if city is not None and (not isinstance(city, str) or not city or city not in query):
        raise UserError(f"gold 'city' must be null or written in the query: {city!r}")
    if date is not None and (not isinstance(date, str) or not re.fullmatch(DATE_PATTERN, date)):
        raise UserError(f"gold 'date' must be null or match {DATE_PATTERN}: {date!r}")
    if date is not None:
        try:
            dt.date.fromisoformat(date if len(date) == 10 else f"2000-{date}")
        except ValueError:
            raise UserError(f"gold 'date' is not a real day: {date!r}") from None
    if phrase is not None and (not isinstance(phrase, str) or not phrase.strip() or phrase not in query):
        raise UserError(f"'phrase' must be null or written in the query: {phrase!r}")
    today = parse_today(obj.get("today"))
    if phrase is not None and today is None and date is not None:
        raise UserError(f"a date phrase without a reference day has no date: {phrase!r} -> {date!r}")
    tags = obj.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise UserError("'tags' must be a list of strings")
    return Written(str(obj["id"]), query, Answer(city, date), phrase, tuple(tags), today)


def load_written(path: str | Path = WRITTEN_SOURCE) -> list[Written]:
    """The hand-written training questions of ``path``; a malformed line is a ``UserError`` naming it."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path}: no such file (the hand-written training questions of the `written` mix)")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(_record(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise UserError(f"{path}:{number}: not JSON ({exc.msg})") from None
        except UserError as exc:
            raise UserError(f"{path}:{number}: {exc}") from None
    return items


#: A written question whose character bigrams (normalised, :func:`sft.datagen.normalize_query`) overlap a ``wild``
#: question's by this Jaccard share or more is too close to it to train on (the writers saw the label guide, whose
#: examples are ``wild`` questions): ``datasets/make_written.py`` drops it, tests/test_written.py checks.
NEAR = 0.6


def bigrams(text: str) -> frozenset[str]:
    from sft.datagen import normalize_query

    text = normalize_query(text)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1)) or frozenset({text})


class NearIndex:
    """The bigram sets of some questions, for the nearest one to a new question (Jaccard share)."""

    def __init__(self, queries):
        from collections import defaultdict

        self.queries = list(queries)
        self.grams = [bigrams(q) for q in self.queries]
        self.index: dict[str, list[int]] = defaultdict(list)
        for k, grams in enumerate(self.grams):
            for g in grams:
                self.index[g].append(k)

    def nearest(self, query: str) -> tuple[float, str | None]:
        from collections import Counter

        grams = bigrams(query)
        shared = Counter(k for g in grams for k in self.index.get(g, ()))
        best, where = 0.0, None
        for k, n in shared.items():
            share = n / (len(grams) + len(self.grams[k]) - n)
            if share > best:
                best, where = share, self.queries[k]
        return best, where


@lru_cache(maxsize=1)
def written() -> tuple[Written, ...]:
    """The committed hand-written training questions, read once: ``written.jsonl``, then the older ``wild``
    sittings of ``written_wild.jsonl``."""
    return tuple(load_written()) + tuple(load_written(WRITTEN_WILD_SOURCE))
