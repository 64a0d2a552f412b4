"""Intervals, hallucination figures, paired comparisons and the recommendation (bench/scorer.py, bench/report.py)."""

import json
import math

import pytest

from bench import report as report_mod
from bench import scorer
from sft.task import Answer

Z2 = scorer.Z95**2  # 3.8414588...


class Item:
    def __init__(self, id, split, query, gold):
        self.id, self.split, self.query, self.gold = id, split, query, gold


# -- Wilson ---------------------------------------------------------------------------------------------------


def test_wilson_none_without_trials():
    assert scorer.wilson(0, 0) is None
    with pytest.raises(ValueError):
        scorer.wilson(3, 2)


def test_wilson_k0_and_kn_by_hand():
    # p = 0: centre = half = (z²/2n)/(1 + z²/n), so lo = 0 and hi = z²/(n + z²); p = 1 mirrors it
    lo, hi = scorer.wilson(0, 10)
    assert lo == 0.0 and hi == pytest.approx(Z2 / (10 + Z2))
    assert hi == pytest.approx(0.27753, abs=1e-5)
    lo, hi = scorer.wilson(10, 10)
    assert lo == pytest.approx(10 / (10 + Z2)) and lo == pytest.approx(0.72247, abs=1e-5)
    assert hi == 1.0
    assert scorer.wilson(8, 8)[0] == pytest.approx(0.6756, abs=1e-4)  # the seed split all right


def test_wilson_half_by_hand():
    # p = 1/2: centre 1/2, half = z·sqrt(1/4n + z²/4n²)/(1 + z²/n)
    for n, expected in ((10, (0.2366, 0.7634)), (100, (0.4038, 0.5962))):
        half = scorer.Z95 * math.sqrt(0.25 / n + Z2 / (4 * n * n)) / (1 + Z2 / n)
        lo, hi = scorer.wilson(n // 2, n)
        assert (lo, hi) == (pytest.approx(0.5 - half), pytest.approx(0.5 + half))
        assert (round(lo, 4), round(hi, 4)) == expected


def test_wilson_is_inside_0_1_and_contains_p():
    for n in (1, 2, 7, 708):
        for k in range(0, n + 1, max(1, n // 7)):
            lo, hi = scorer.wilson(k, n)
            assert 0 <= lo <= k / n <= hi <= 1


# -- McNemar --------------------------------------------------------------------------------------------------


def test_mcnemar_exact_by_hand():
    assert scorer.mcnemar_exact(0, 0) == 1.0
    assert scorer.mcnemar_exact(3, 3) == 1.0
    assert scorer.mcnemar_exact(1, 0) == 1.0  # 2 · 1/2, capped
    assert scorer.mcnemar_exact(5, 0) == pytest.approx(2 / 32)  # 0.0625: not significant
    assert scorer.mcnemar_exact(0, 6) == pytest.approx(2 / 64)
    assert scorer.mcnemar_exact(9, 1) == pytest.approx(2 * (1 + 10) / 1024)  # 0.0215
    assert scorer.mcnemar_exact(1, 9) == scorer.mcnemar_exact(9, 1)
    assert scorer.mcnemar_exact(689, 0) < 1e-200  # big ints, no overflow


# -- aggregates -----------------------------------------------------------------------------------------------


def _score(rows):
    items = [Item(f"{split}-{i}", split, q, Answer(*gold)) for i, (split, q, gold, _) in enumerate(rows)]
    return scorer.score(items, [out for *_, out in rows])


ROWS = [  # split, question, gold, output
    ("hard", "一起去东北看冰雕么", (None, None), '{"city": null, "date": null}'),  # both nulls right
    ("hard", "一起去东北看冰雕么", (None, None), '{"city": "哈尔滨", "date": "01-15"}'),  # invented city, date
    ("hard", "明天北京天气", ("北京", None), '{"city": "北京", "date": null}'),
    ("hard", "下周三去上海", ("上海", None), "好的"),  # nothing parsed: not a null answer
    ("seen", "6月1号北京天气", ("北京", "06-01"), '{"city": "北京市", "date": "06-01"}'),  # not verbatim
    ("seen", "6月1号北京天气", ("北京", "06-01"), '{"city": "北京", "date": "06-01"}'),
]


def test_sample_records_carry_the_hallucination_booleans():
    samples, _ = _score(ROWS)
    d = [s.as_dict() for s in samples]
    assert [r["gold_city_null"] for r in d] == [True, True, False, False, False, False]
    assert [r["gold_date_null"] for r in d] == [True, True, True, True, False, False]
    assert [r["pred_city_null"] for r in d] == [True, False, False, False, False, False]
    assert [r["pred_date_null"] for r in d] == [True, False, True, False, False, False]
    assert [r["city_invented"] for r in d] == [False, True, False, False, True, False]
    # the old record keys are all still there, in their order
    assert list(d[0])[:12] == ["id", "split", "query", "gold", "output", "pred", "json_valid", "parsed",
                               "city_ok", "city_ok_lenient", "date_ok", "exact"]


def test_hallucination_rates_and_denominators():
    _, m = _score(ROWS)
    hard, seen, overall = m["splits"]["hard"], m["splits"]["seen"], m["overall"]
    assert (hard["null_city_acc"], hard["null_city_n"]) == (0.5, 2)
    assert (hard["null_date_acc"], hard["null_date_n"]) == (0.5, 4)
    assert (hard["invented_city_rate"], hard["invented_city_n"]) == (0.5, 2)  # 哈尔滨 of {哈尔滨, 北京}
    assert hard["null_city_acc_ci95"] == scorer.wilson(1, 2)
    assert hard["null_date_acc_ci95"] == scorer.wilson(2, 4)
    # no gold-null items in seen: None, not 0
    assert seen["null_city_acc"] is None and seen["null_city_acc_ci95"] is None and seen["null_city_n"] == 0
    assert seen["null_date_acc"] is None and seen["null_date_n"] == 0
    assert (seen["invented_city_rate"], seen["invented_city_n"]) == (0.5, 2)
    assert (overall["invented_city_rate"], overall["invented_city_n"]) == (0.5, 4)
    assert overall["invented_city_rate_ci95"] == scorer.wilson(2, 4)
    # the denominators recompute from the records
    samples, _ = _score(ROWS)
    assert overall["invented_city_n"] == sum(s.parsed and not s.pred_city_null for s in samples)


def test_every_fraction_has_its_interval():
    _, m = _score(ROWS)
    for agg in [*m["splits"].values(), m["overall"]]:
        for key in (*scorer.METRICS, *scorer.HALLUCINATION):
            assert f"{key}_ci95" in agg
            if agg[key] is not None:
                lo, hi = agg[f"{key}_ci95"]
                assert lo <= agg[key] <= hi
    assert m["overall"]["exact"] == 3 / 6 and m["overall"]["exact_ci95"] == scorer.wilson(3, 6)


def test_empty_aggregate_is_all_none():
    agg = scorer.aggregate([])
    assert agg["n"] == 0 and agg["exact"] is None and agg["exact_ci95"] is None
    assert agg["null_city_acc"] is None and agg["invented_city_n"] == 0


# -- comparisons ----------------------------------------------------------------------------------------------


def _records(exacts: dict[str, dict[str, list[bool]]]) -> list[dict]:
    return [{"contender": name, "split": split, "id": f"{split}-{i}", "exact": ok}
            for name, per in exacts.items() for split, oks in per.items() for i, ok in enumerate(oks)]


def test_compare_pairs_items_with_mcnemar():
    recs = _records({
        "a": {"s": [True] * 10 + [True] * 5, "t": [True, False]},
        "b": {"s": [True] * 10 + [False] * 5, "t": [True, True]},  # 5 discordant, p = 0.0625
        "c": {"s": [False] * 10 + [True] * 5, "t": [False, False]},  # 10 discordant, p = 2/1024
    })
    cmp = scorer.compare(recs)
    assert list(cmp) == ["s", "t", "overall"]
    s = cmp["s"]
    assert s["best"] == "a" and s["best_exact"] == 1.0 and set(s["contenders"]) == {"b", "c"}
    b = s["contenders"]["b"]
    assert (b["n_paired"], b["best_only_right"], b["other_only_right"]) == (15, 5, 0)
    assert b["p"] == pytest.approx(0.0625) and b["within_noise"] is True
    c = s["contenders"]["c"]
    assert (c["best_only_right"], c["other_only_right"]) == (10, 0)
    assert c["p"] == pytest.approx(2 / 1024) and c["within_noise"] is False
    assert cmp["t"]["best"] == "b" and cmp["t"]["contenders"]["a"]["p"] == 1.0
    o = cmp["overall"]
    assert o["best"] == "a" and o["contenders"]["b"]["n_paired"] == 17
    assert (o["contenders"]["b"]["best_only_right"], o["contenders"]["b"]["other_only_right"]) == (5, 1)


def test_compare_tie_goes_to_the_first_listed():
    cmp = scorer.compare(_records({"x": {"s": [True, False] * 3}, "y": {"s": [False, True] * 3}}))
    assert cmp["s"]["best"] == "x" and cmp["s"]["contenders"]["y"]["within_noise"] is True


def test_min_paired_is_the_fewest_questions_that_can_reach_significance():
    assert scorer.min_paired(0.05) == 6  # 2 / 2**6 = 0.031 < 0.05 <= 2 / 2**5
    assert scorer.mcnemar_exact(5, 0) >= 0.05 > scorer.mcnemar_exact(6, 0)
    assert scorer.min_paired(0.01) == 8


def test_samples_sharing_too_few_questions_are_not_within_noise():
    # samples of different sizes: b answered 50 questions, a 3 of them; 0 % against 100 % on those 3 is p = 0.25
    recs = _records({"a": {"s": [True] * 50}}) + [
        {"contender": "b", "split": "s", "id": f"s-{i}", "exact": False} for i in (0, 20, 40)]
    b = scorer.compare(recs)["s"]["contenders"]["b"]
    assert (b["n_paired"], b["p"]) == (3, 0.25)
    assert b["comparable"] is False and b["within_noise"] is False


# -- report: recommendation, markdown, rich -------------------------------------------------------------------


def _report(exacts, speeds=None):
    recs = _records(exacts)
    contenders = {}
    for name, per in exacts.items():
        agg = {split: {"n": len(oks), "exact": sum(oks) / len(oks), "exact_ci95": scorer.wilson(sum(oks), len(oks)),
                       "json_valid": 1.0, "city_acc": 1.0, "city_acc_lenient": 1.0, "date_acc": 1.0}
               for split, oks in per.items()}
        every = [ok for oks in per.values() for ok in oks]
        overall = {"n": len(every), "exact": sum(every) / len(every), "json_valid": 1.0, "city_acc": 1.0,
                   "city_acc_lenient": 1.0, "date_acc": 1.0}  # no _ci95: an older report
        contenders[name] = {"splits": agg, "overall": overall, "speed": (speeds or {}).get(name)}
    run = {"name": "t", "date": "2026-01-01", "command": "test", "device": "cpu",
           "suite": {"path": "suite.jsonl", "n": 0, "sha256": "0" * 64}, "versions": {"python": "3"}}
    return {"run": run, "train": None, "contenders": contenders}, recs


EXACTS = {
    "rule": {"seen": [True] * 20, "wild": [True] * 6 + [False] * 14},
    "qlora": {"seen": [True] * 20, "wild": [True] * 18 + [False] * 2},
    "prompt": {"seen": [False] * 20, "wild": [True] * 16 + [False] * 4},
}
SPEEDS = {"rule": {"device": "CPU (no model)", "batch_size": 40, "queries_per_s": 21341.3},
          "qlora": {"device": "CPU", "batch_size": 32, "queries_per_s": 4.6, "p50_ms": 1592.4}}


def test_recommendation_uses_the_wild_split():
    report, recs = _report(EXACTS, SPEEDS)
    report_mod.add_statistics(report, recs)
    rec = report["recommendation"]
    assert rec["split"] == "wild" and rec["contender"] == "qlora" and rec["n"] == 20
    assert rec["exact"] == 0.9 and rec["exact_ci95"] == scorer.wilson(18, 20)
    assert rec["within_noise"] == ["prompt"]  # 16/20 vs 18/20; rule 6/20 is not
    assert rec["speed"] == {"queries_per_s": 4.6, "p50_ms": 1592.4, "batch_size": 32, "device": "CPU"}
    assert rec["text"].startswith("**Which to use:** `qlora`: exact 90.0 [")
    assert "`prompt`" in rec["text"] and "4.60 queries/s (batch 32, CPU), p50 1,592 ms" in rec["text"]
    assert report["comparisons"]["wild"]["contenders"]["rule"]["within_noise"] is False


def test_recommendation_names_contenders_with_too_few_shared_questions():
    exacts = {"hybrid": {"wild": [True] * 19 + [False]}, "rule": {"wild": [True] * 18 + [False] * 2}}
    report, recs = _report(exacts)
    # prompt answered an evenly spread 4 of the 20: every one wrong, but 4 pairs can never reach p < 0.05
    prompt = [{"contender": "prompt", "split": "wild", "id": f"wild-{i}", "exact": False} for i in (0, 5, 10, 15)]
    report["contenders"]["prompt"] = {"splits": {"wild": {"n": 4, "exact": 0.0}}, "overall": {"n": 4, "exact": 0.0}}
    report_mod.add_statistics(report, recs + prompt)
    rec = report["recommendation"]
    assert rec["contender"] == "hybrid" and rec["within_noise"] == ["rule"] and rec["too_few_paired"] == ["prompt"]
    assert "within noise of it: `rule`" in rec["text"] and "`prompt` (4)" in rec["text"]
    assert "`prompt`" not in rec["text"].split("too few")[0]


def test_recommendation_falls_back_to_overall_and_says_when_no_speed():
    exacts = {name: {"seen": per["seen"]} for name, per in EXACTS.items()}
    report, recs = _report(exacts)
    report_mod.add_statistics(report, recs)
    rec = report["recommendation"]
    assert rec["split"] == "overall" and rec["contender"] == "rule"
    assert rec["exact_ci95"] == scorer.wilson(20, 20)  # recomputed for a report without overall _ci95
    assert rec["within_noise"] == ["qlora"] and rec["speed"] is None
    assert rec["text"].endswith("speed: no speed measured.")
    assert "21,341 queries/s (batch 40, CPU (no model))" == report_mod.speed_text(SPEEDS["rule"])


def test_markdown_marks_noise_and_shows_intervals(tmp_path):
    report, recs = _report(EXACTS, SPEEDS)
    report_mod.add_statistics(report, recs)
    samples = [{**r, "query": "q", "gold": {"city": None, "date": None}, "output": ""} for r in recs]
    md = report_mod.render_markdown(report, samples)
    lines = md.splitlines()
    assert lines[2].startswith("**Which to use:** `qlora`")
    assert "≈ = within noise of the best" in md
    lo, hi = scorer.wilson(18, 20)
    assert f"| qlora | wild | 20 | **90.0** [{100 * lo:.1f}–{100 * hi:.1f}] |" in md
    assert "| prompt | wild | 20 | 80.0 [" in md and any(
        line.startswith("| prompt | wild |") and "] ≈ |" in line for line in lines)
    assert not any(line.startswith("| rule | wild |") and "≈" in line for line in lines)
    assert any(line.startswith("| qlora | seen |") and "] ≈ |" in line for line in lines)  # tie with rule
    assert "## Hallucination (%)" in md and "| split | null city | n | null date | n | invented city | n |" in md


def test_write_report_stores_comparisons_and_recommendation(tmp_path):
    report, recs = _report(EXACTS, SPEEDS)
    report_mod.write_report(tmp_path, report, [{**r, "query": "q", "gold": {}, "output": "x"} for r in recs])
    data = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(report))  # the caller's report got the same keys
    assert data["comparisons"]["wild"]["best"] == "qlora"
    p = data["comparisons"]["wild"]["contenders"]["prompt"]
    assert (p["best_only_right"], p["other_only_right"]) == (2, 0) and p["p"] == pytest.approx(0.5)
    assert data["recommendation"]["contender"] == "qlora"
    assert (tmp_path / "report.md").read_text(encoding="utf-8").splitlines()[2].startswith("**Which to use:**")


def test_rich_table_shows_exact_with_interval():
    from rich.console import Console

    report, _ = _report(EXACTS, SPEEDS)
    console = Console(width=200, record=True)
    console.print(report_mod.accuracy_table(report))
    text = console.export_text()
    lo, hi = scorer.wilson(18, 20)
    assert f"90.0 [{100 * lo:.1f}–{100 * hi:.1f}]" in text and "exact [95 % CI]" in text


def test_rule_bench_report_has_the_new_keys(tmp_path):
    from bench.run import BenchConfig, run_bench

    report = run_bench(BenchConfig(contenders=["rule"], run="r", reports_dir=str(tmp_path), limit=10,
                                   command="test"))
    out = tmp_path / "r"
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(report))
    c = data["contenders"]["rule"]
    for agg in [*c["splits"].values(), c["overall"]]:
        assert {"exact_ci95", "null_city_acc", "null_city_n", "null_date_acc_ci95", "invented_city_rate",
                "invented_city_n"} <= set(agg)
    assert set(data["comparisons"]) == {*c["splits"], "overall"}
    assert all(v["best"] == "rule" and v["contenders"] == {} for v in data["comparisons"].values())
    rec = data["recommendation"]
    assert rec["contender"] == "rule" and rec["split"] == ("wild" if "wild" in c["splits"] else "overall")
    first = json.loads((out / "samples.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert {"exact", "city_ok", "gold_city_null", "pred_city_null", "city_invented"} <= set(first)
    assert (out / "report.md").read_text(encoding="utf-8").splitlines()[2].startswith("**Which to use:** `rule`")


def test_error_kinds_script_names_each_wrong_part(tmp_path, capsys):
    """scripts/error_kinds.py: a dropped city, a non-city word taken, a wrong day and a date's year each counted."""
    import json
    import runpy

    def row(query, gold, pred, exact=False):
        return {"contender": "qlora", "split": "wild", "query": query, "gold": gold, "pred": pred, "parsed": True,
                "exact": exact, "output": json.dumps(pred, ensure_ascii=False)}

    rows = [row("上海 明天", {"city": "上海", "date": None}, {"city": None, "date": None}),
            row("出门了都", {"city": None, "date": None}, {"city": "出门", "date": None}),
            row("国庆第三天莆田", {"city": "莆田", "date": "10-03"}, {"city": "莆田", "date": "10-01"}),
            row("2027.1.1 武汉", {"city": "武汉", "date": "2027-01-01"}, {"city": "武汉", "date": "01-01"}),
            row("杭州", {"city": "杭州", "date": None}, {"city": "杭州", "date": None}, exact=True)]
    rows[2]["model_output"] = '{"city": "莆田", "date": "国庆"}'  # the phrase the model copied, shown beside the answer
    path = tmp_path / "samples.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    module = runpy.run_path("scripts/error_kinds.py")
    module["main"]([str(path), "qlora"])
    out = capsys.readouterr().out
    assert out.startswith("4 wrong, 4 kinds")
    for kind in ("city dropped (null): a city of the training data", "another word of the question taken as the city",
                 "date wrong (another day): a written date", "date with/without a year wrongly"):
        assert f"| {kind} | 1 |" in out
    assert '(model: `{"city": "莆田", "date": "国庆"}`)' in out and out.count("(model:") == 1
    # a prefix ending in * takes every split it begins (the rounds of scripts/blind_suite.py's suite)
    rows[0]["split"], rows[1]["split"] = "blind-b1-8", "blind-b9-16"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    module["main"]([str(path), "qlora", "--split", "blind-*"])
    assert capsys.readouterr().out.startswith("2 wrong, 2 kinds")
    module["main"]([str(path), "qlora", "--split", "blind-b1-8"])
    assert capsys.readouterr().out.startswith("1 wrong, 1 kinds")
    # finer kinds from the gazetteers and the reference day: a held-out city, a county, a relative day
    kinds_of = module["kinds_of"]
    assert kinds_of(row("成都 明天", {"city": "成都", "date": "2026-03-02"}, {"city": None, "date": "2026-03-03"}),
                    reference_day=True) == ["city dropped (null): a city held out of training",
                                            "date wrong (another day): a relative day"]
    assert kinds_of(row("且末 冷吗", {"city": None, "date": None}, {"city": "且末", "date": None})) == [
        "a county taken as the city"]
