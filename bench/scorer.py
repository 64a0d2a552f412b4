"""The metrics, in one place: every figure in a report comes from here and traces to a per-sample record.

Per sample: ``json_valid`` (the whole output is exactly one JSON object with the two keys, what an API
calling ``json.loads`` needs), ``parsed`` (an answer object can be found in the output at all),
``city_ok`` (exact), ``city_ok_lenient`` (ignoring one trailing 市), ``date_ok`` (exact string: the date
rule's format is part of the task, so ``6月1号`` for ``06-01`` is wrong), ``exact`` (city and date right).
For the hallucination figures: ``gold_city_null`` / ``gold_date_null`` (the gold field is null),
``pred_city_null`` / ``pred_date_null`` (an answer was parsed and its field is null; false when nothing was
parsed), ``city_invented`` (an answer gave a non-null city that does not occur verbatim in the question).

Aggregates are fractions in 0..1, per split and overall, each beside its Wilson 95 % interval
``<metric>_ci95: [lo, hi]`` (``None`` when its denominator is 0):

- ``json_valid, parsed, city_acc, city_acc_lenient, date_acc, exact``: over all ``n`` items;
- ``null_city_acc``: items whose gold city is null answered with a null city, over ``null_city_n`` (the
  items whose gold city is null; ``pred_city_null`` requires a parsed answer, so it equals ``city_ok``
  there); ``null_date_acc`` / ``null_date_n`` the same for dates;
- ``invented_city_rate``: answers whose non-null city is not in the question, over ``invented_city_n`` (the
  parsed answers with a non-null city: ``parsed and not pred_city_null``).

``compare`` pairs contenders item by item with an exact McNemar test (see ``mcnemar_exact``).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from sft.task import Answer, parse_output, strip_city_suffix

METRICS = ("json_valid", "parsed", "city_acc", "city_acc_lenient", "date_acc", "exact")
HALLUCINATION = ("null_city_acc", "null_date_acc", "invented_city_rate")
Z95 = 1.959963984540054  # standard normal quantile at 0.975
NOISE_ALPHA = 0.05  # a difference with McNemar p >= this is "within noise"


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
    gold_city_null: bool = False
    gold_date_null: bool = False
    pred_city_null: bool = False
    pred_date_null: bool = False
    city_invented: bool = False
    #: the model's own text where the contender's answer differs from it (a ``+resolve`` contender's copied date
    #: phrase, a ``hybrid`` answer the rule changed); None where they are the same or there is no model
    model_output: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def model_text(record: dict) -> str | None:
    """The model's own text of a scored record (:meth:`Sample.as_dict`): its ``model_output`` where the contender's
    answer differs from it, else its ``output`` (runs before 2026-12-04 kept no ``model_output``: there the answer
    stands in for it)."""
    text = record.get("model_output")
    return text if text is not None else record.get("output")


def wilson(k: int, n: int, z: float = Z95) -> list[float] | None:
    """Wilson score interval ``[lo, hi]`` for ``k`` successes in ``n`` trials (95 % for the default ``z``).

    E. B. Wilson, "Probable inference, the law of succession, and statistical inference", JASA 22 (1927)
    209-212; also Brown, Cai & DasGupta, "Interval estimation for a binomial proportion", Statistical
    Science 16 (2001), eq. (4):  (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n),  p = k/n.
    ``None`` when ``n`` is 0.
    """
    if n <= 0:
        return None
    if not 0 <= k <= n:
        raise ValueError(f"k={k} outside 0..n={n}")
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # k = 0 and k = n have an endpoint of exactly 0 and 1; do not let rounding move it
    return [0.0 if k == 0 else max(0.0, centre - half), 1.0 if k == n else min(1.0, centre + half)]


def mcnemar_exact(b: int, c: int) -> float:
    """Two-sided exact McNemar p-value for ``b`` and ``c`` discordant pairs.

    Under the null hypothesis (both contenders equally accurate) each discordant pair falls either way with
    probability 1/2, so ``b ~ Binomial(b + c, 1/2)``; the two-sided p is ``min(1, 2 P(X <= min(b, c)))``.
    1.0 when there are no discordant pairs.
    """
    n = b + c
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(b, c) + 1))
    return min(1.0, 2 * tail / 2**n)


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value if value and value.lower() not in ("null", "none") else None


def score_one(item, output: str, model_output: str | None = None) -> Sample:
    """Score one output against one suite item (``id``, ``split``, ``query``, ``gold: Answer``); the model's own
    text, where given and different from ``output``, is kept beside it (not scored)."""
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
        gold_city_null=gold.city is None, gold_date_null=gold.date is None,
        pred_city_null=pred is not None and city is None, pred_date_null=pred is not None and date is None,
        city_invented=city is not None and city not in item.query,
        model_output=model_output if model_output != output else None,
    )


def _rate(k: int, n: int) -> tuple[float | None, list[float] | None]:
    return (k / n if n else None), wilson(k, n)


def aggregate(samples: list[Sample]) -> dict:
    """Metrics of a list of samples: each fraction with its ``_ci95``; the hallucination rates with their
    denominators (``null_city_n``, ``null_date_n``, ``invented_city_n``)."""
    n = len(samples)
    out: dict = {"n": n}
    for metric, attr in (("json_valid", "json_valid"), ("parsed", "parsed"), ("city_acc", "city_ok"),
                         ("city_acc_lenient", "city_ok_lenient"), ("date_acc", "date_ok"), ("exact", "exact")):
        out[metric], out[f"{metric}_ci95"] = _rate(sum(bool(getattr(s, attr)) for s in samples), n)
    null_city = [s for s in samples if s.gold_city_null]
    null_date = [s for s in samples if s.gold_date_null]
    given = [s for s in samples if s.parsed and not s.pred_city_null]
    for metric, group, attr in (("null_city_acc", null_city, "pred_city_null"),
                                ("null_date_acc", null_date, "pred_date_null"),
                                ("invented_city_rate", given, "city_invented")):
        out[metric], out[f"{metric}_ci95"] = _rate(sum(bool(getattr(s, attr)) for s in group), len(group))
    out["null_city_n"], out["null_date_n"], out["invented_city_n"] = len(null_city), len(null_date), len(given)
    return out


def score(items, outputs: list[str], model_outputs: list[str] | None = None) -> tuple[list[Sample], dict]:
    """Per-sample records and ``{"splits": {split: metrics}, "overall": metrics}``. ``model_outputs``: the model's
    own texts, where the outputs were made from them (:func:`score_one`)."""
    if len(items) != len(outputs) or (model_outputs is not None and len(model_outputs) != len(outputs)):
        raise ValueError(f"{len(outputs)} outputs ({'no' if model_outputs is None else len(model_outputs)} model "
                         f"outputs) for {len(items)} items")
    raws = model_outputs if model_outputs is not None else [None] * len(outputs)
    samples = [score_one(item, out, raw) for item, out, raw in zip(items, outputs, raws)]
    splits: dict[str, list[Sample]] = {}
    for s in samples:
        splits.setdefault(s.split, []).append(s)
    return samples, {"splits": {k: aggregate(v) for k, v in splits.items()}, "overall": aggregate(samples)}


def min_paired(alpha: float = NOISE_ALPHA) -> int:
    """The fewest paired questions on which the exact McNemar test can reach ``p < alpha`` at all (every
    question discordant, all one way): 6 for 0.05."""
    n = 1
    while mcnemar_exact(n, 0) >= alpha:
        n += 1
    return n


def compare(records: list[dict], alpha: float = NOISE_ALPHA) -> dict:
    """Per split (and ``overall``): the best contender by exact match, and every other one against it.

    ``records`` are samples.jsonl records (``contender``, ``split``, ``id``, ``exact``). Items are paired by
    ``(split, id)``; a tie on exact goes to the contender listed first. Returns ``{split: {"best", "best_exact",
    "contenders": {name: {"n_paired", "exact", "best_only_right", "other_only_right", "p", "comparable",
    "within_noise"}}}}`` where ``p`` is the exact McNemar p on the discordant pairs, ``comparable`` says the
    contenders share enough questions for any split of them to reach ``p < alpha`` (:func:`min_paired`), and
    ``within_noise`` is ``comparable and p >= alpha``: two samples that share three questions tell nothing, and
    saying "within noise" of them would hide a 0 % against a 97 %.
    """
    fewest = min_paired(alpha)
    by: dict[str, dict[str, dict[tuple, bool]]] = {}  # split -> contender -> (split, id) -> exact
    for r in records:
        key, ok = (r["split"], r["id"]), bool(r["exact"])
        by.setdefault(r["split"], {}).setdefault(r["contender"], {})[key] = ok
        by.setdefault("overall", {}).setdefault(r["contender"], {})[key] = ok
    out = {}
    for split in [s for s in by if s != "overall"] + (["overall"] if "overall" in by else []):
        table = by[split]
        acc = {name: sum(v.values()) / len(v) for name, v in table.items() if v}
        best = max(acc, key=lambda name: acc[name])  # max keeps the first of equal values
        others = {}
        for name, v in table.items():
            if name == best:
                continue
            keys = table[best].keys() & v.keys()
            b = sum(1 for k in keys if table[best][k] and not v[k])
            c = sum(1 for k in keys if v[k] and not table[best][k])
            p = mcnemar_exact(b, c)
            comparable = len(keys) >= fewest
            others[name] = {"n_paired": len(keys), "exact": acc.get(name), "best_only_right": b,
                            "other_only_right": c, "p": p, "comparable": comparable,
                            "within_noise": comparable and p >= alpha}
        out[split] = {"best": best, "best_exact": acc[best], "test": "exact McNemar (two-sided binomial on "
                      f"discordant pairs), within_noise: p >= {alpha}", "contenders": others}
    return out
