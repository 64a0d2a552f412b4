"""The metrics, in one place: every figure in a report comes from here and traces to a per-sample record.

Per sample: ``json_valid`` (the whole output is exactly one JSON object with the two keys, what an API
calling ``json.loads`` needs), ``parsed`` (an answer object can be found in the output at all),
``city_ok`` (exact), ``city_ok_lenient`` (ignoring one trailing 市), ``date_ok`` (exact string: the date
rule's format is part of the task, so ``6月1号`` for ``06-01`` is wrong), ``exact`` (city and date right).
Aggregates are fractions in 0..1, per split and overall.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sft.task import Answer, parse_output, strip_city_suffix

METRICS = ("json_valid", "parsed", "city_acc", "city_acc_lenient", "date_acc", "exact")


@dataclass
class Sample:
    id: str
    split: str
    query: str
    gold: dict
    output: str
    pred: dict | None
    json_valid: bool
    parsed: bool
    city_ok: bool
    city_ok_lenient: bool
    date_ok: bool
    exact: bool

    def as_dict(self) -> dict:
        return asdict(self)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value if value and value.lower() not in ("null", "none") else None


def score_one(item, output: str) -> Sample:
    """Score one output against one suite item (``id``, ``split``, ``query``, ``gold: Answer``)."""
    parsed = parse_output(output)
    gold: Answer = item.gold
    pred = parsed.answer
    city = _clean(pred.city) if pred else None
    date = _clean(pred.date) if pred else None
    city_ok = pred is not None and city == gold.city
    city_ok_lenient = pred is not None and strip_city_suffix(city) == strip_city_suffix(gold.city)
    date_ok = pred is not None and date == gold.date
    return Sample(
        id=item.id, split=item.split, query=item.query, gold=gold.as_dict(), output=output,
        pred=pred.as_dict() if pred else None, json_valid=parsed.strict, parsed=pred is not None,
        city_ok=city_ok, city_ok_lenient=city_ok_lenient, date_ok=date_ok, exact=city_ok and date_ok,
    )


def aggregate(samples: list[Sample]) -> dict:
    n = len(samples)
    if n == 0:
        return {"n": 0, **{m: None for m in METRICS}}

    def frac(attr: str) -> float:
        return sum(getattr(s, attr) for s in samples) / n

    return {
        "n": n, "json_valid": frac("json_valid"), "parsed": frac("parsed"), "city_acc": frac("city_ok"),
        "city_acc_lenient": frac("city_ok_lenient"), "date_acc": frac("date_ok"), "exact": frac("exact"),
    }


def score(items, outputs: list[str]) -> tuple[list[Sample], dict]:
    """Per-sample records and ``{"splits": {split: metrics}, "overall": metrics}``."""
    if len(items) != len(outputs):
        raise ValueError(f"{len(outputs)} outputs for {len(items)} items")
    samples = [score_one(item, out) for item, out in zip(items, outputs)]
    splits: dict[str, list[Sample]] = {}
    for s in samples:
        splits.setdefault(s.split, []).append(s)
    return samples, {"splits": {k: aggregate(v) for k, v in splits.items()}, "overall": aggregate(samples)}
