"""The hybrid contender: the rule's fields first, the model's where the rule has none, each model field
checked against the question."""

from __future__ import annotations

import datetime as dt

import pytest

from bench import hybrid
from bench.contenders import CONTENDERS, REGISTRY, check_names
from sft.task import Answer


def combine(question, model, today=None, strategy="rule-first"):
    return hybrid.combine(question, Answer(*model).to_json(), today, strategy)


def test_rule_first_takes_the_rules_fields():
    assert combine("6月1号北京天气", ("上海", "06-02")) == Answer("北京", "06-01")


def test_model_fills_what_the_rule_cannot_read():
    # a romanised city is not in any gazetteer; the model copies it from the question
    assert combine("shenzhen 下雨没", ("shenzhen", None)) == Answer("shenzhen", None)
    # an English month name is no form of the rule's date reader; month 12 and day 3 are written
    assert combine("Tokyo weather Dec 3", ("Tokyo", "12-03")) == Answer("Tokyo", "12-03")


def test_model_fields_are_checked():
    assert combine("深圳几度", ("北京", None)).city == "深圳"  # the rule's city wins anyway
    assert combine("xx 下雨没", ("北京", None), strategy="checked").city is None  # not in the question
    assert combine("浦东下雨没", ("浦东", None), strategy="checked").city is None  # a district is no city (places.tsv)
    assert combine("10月份下雨多吗", (None, "10-08")).date is None  # nobody wrote an 8
    assert combine("七月热吗", (None, "07-01")).date is None
    assert combine("9月9号热吗", (None, "09-99")).date == "09-09"  # an impossible model date never wins
    assert combine("东京九月九日热吗", (None, "09-09")).date == "09-09"


def test_rule_first_takes_a_model_city_only_where_the_rule_reads_it_with_cues():
    # the short form of a city the rule reads in full only (rule 5d), where the rule found no cue: the model's
    assert combine("跑外卖的兄弟们 今天下午中山几点开始下暴雨", ("中山", None)).city == "中山"
    # any other name the rule does not know: mostly a town, a lake or a word (hybrid.py's figures), so none
    assert combine("湖上帆板 太湖 周日 风大吗", ("太湖", None)).city is None
    assert combine("茶农想问 清明前后 安溪 会不会倒春寒", ("安溪", None)).city is None
    assert combine("新加波 6.1 会下雨吗", ("新加波", None)).city is None


def test_a_model_city_that_names_a_town_sight_or_airport_is_no_city():
    # names the rule does not know, so only the model's check stands between them and the answer (`checked`)
    assert combine("梅里古镇下雨吗", ("梅里古镇", None), strategy="checked").city is None  # ends like a town
    assert combine("桑塔纳机场明天有雾吗", ("桑塔纳", None), strategy="checked").city is None  # goes on with 机场
    assert combine("长岭新区冷不冷", ("长岭新区", None), strategy="checked").city is None
    assert combine("阿拉克斯 明天天气", ("阿拉克斯", None), strategy="checked").city == "阿拉克斯"  # no such kind


def test_a_model_city_that_is_a_word_a_piece_of_a_place_or_refused_by_the_rule_is_no_city():
    # characters no place name has: a word (爷爷, 航班), not a place
    assert combine("爷爷明天去体检 冷不冷", ("爷爷", None), strategy="checked").city is None
    assert combine("航班明天会延误吗", ("航班", None), strategy="checked").city is None
    # inside a longer known place that is no city: 北海 in 北海道 (the rule's common words and places.tsv)
    assert combine("北海道二月雪大吗", ("北海", None), strategy="checked").city is None
    # the endings of a reservoir, an island, a centre
    assert combine("明天去千湖水库钓鱼", ("千湖水库", None), strategy="checked").city is None
    assert combine("周五去南麂岛露营", ("南麂岛", None), strategy="checked").city is None
    # a city the rule knows but did not answer (the origin of a trip to a region): the rule's reading stands
    assert combine("从南京出发去川西自驾 下雪吗", ("南京", None)).city is None
    # what the checked model is for stays: Latin letters, a misspelt foreign city, an unknown transliteration
    assert combine("San Jose weather 周末", ("San Jose", None), strategy="checked").city == "San Jose"
    assert combine("新加波 6.1 会下雨吗", ("新加波", None), strategy="checked").city == "新加波"
    assert combine("阿拉克斯 明天天气", ("阿拉克斯", None), strategy="checked").city == "阿拉克斯"


def test_one_written_number_is_no_month_and_day_at_once():
    assert combine("8号出门要带伞吗", (None, "08-08")).date is None
    assert combine("三月份冷吗", (None, "03-03")).date is None
    assert combine("八月八号出门要带伞吗", (None, "08-08")).date == "08-08"
    assert combine("Tokyo 8.8 weather", ("Tokyo", "08-08")).date == "08-08"


def test_two_written_dates_nothing_says_which():
    question = "3月2号和3月9号，芜湖天气咋样"  # nothing says which: the rule takes the first, whatever the model
    assert combine(question, ("芜湖", "03-09")) == Answer("芜湖", "03-02")
    assert combine(question, ("芜湖", "03-05")).date == "03-02"


def test_relative_dates_come_from_the_resolver():
    today = dt.date(2026, 11, 30)  # a Monday
    assert combine("明天杭州下雨吗", ("杭州", "2026-12-31"), today) == Answer("杭州", "2026-12-01")
    assert combine("明天杭州下雨吗", ("杭州", "12-01")) == Answer("杭州", None)  # no reference day


def test_checked_strategy_prefers_the_models_city():
    question = "苏州哦不是无锡 6月9号"
    assert combine(question, ("苏州", "06-09"), strategy="checked").city == "苏州"
    assert combine(question, ("苏州", "06-09"), strategy="rule-first").city == "无锡"
    with pytest.raises(ValueError, match="unknown hybrid strategy"):
        combine(question, ("苏州", None), strategy="vote")


def test_garbage_model_output_falls_back_to_the_rule():
    assert hybrid.combine("6月1号北京天气", "no json here") == Answer("北京", "06-01")
    assert hybrid.combine_all(["6月1号北京天气"], ["{"]) == ['{"city": "北京", "date": "06-01"}']


def test_registry():
    assert CONTENDERS[:5] == ("rule", "prompt", "qlora", "prompt+json", "qlora+json")
    assert REGISTRY["hybrid"].adapter and REGISTRY["hybrid"].hybrid and not REGISTRY["hybrid"].grammar
    assert REGISTRY["hybrid+json"].grammar and not REGISTRY["rule"].model
    with pytest.raises(ValueError, match="no contender given"):
        check_names([])
    with pytest.raises(ValueError, match="named twice"):
        check_names(["rule", "rule"])
    with pytest.raises(ValueError, match="unknown contender 'x'"):
        check_names(["rule", "x"])


def test_another_year_of_the_same_written_day_is_no_second_date():
    today = dt.date(2027, 3, 1)
    question = "我明年12月11号的航班飞铜仁市"
    assert combine(question, ("铜仁市", "2027-12-11"), today).date == "2028-12-11"  # the resolver's year


def test_two_written_dates_take_the_rules_reading_of_the_asked_one():
    """The rule's date rule reads which of two dates is asked; the model's other date does not override it."""
    question = "11月23号在北海市开会，之后想知道昭通市6月16号的天气"
    assert combine(question, ("昭通市", "11-23")).date == "06-16"
    assert combine("原定5月1号去，改到5月3号，杭州天气", ("杭州", "05-01")).date == "05-03"


def _rescore(tmp_path, lines: list[dict], *extra: str) -> dict:
    """scripts/rescore_hybrid.py run on a report folder holding these sample lines; the figures it writes."""
    import gzip
    import json
    import runpy
    import sys

    with gzip.open(tmp_path / "samples.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))
    argv = sys.argv
    try:
        sys.argv = ["rescore_hybrid.py", str(tmp_path), "--json", str(tmp_path / "out.json"), *extra]
        runpy.run_path("scripts/rescore_hybrid.py", run_name="__main__")
    finally:
        sys.argv = argv
    return json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))


def test_rescore_script_recombines_a_runs_model_outputs(tmp_path):
    """scripts/rescore_hybrid.py: hybrid re-made from a run's qlora+resolve outputs with today's code."""
    from sft.suite import load_suite

    items = [it for it in load_suite() if it.split == "wild"][:3]
    lines = [{"contender": "qlora+resolve", "id": it.id, "output": Answer(None, None).to_json()} for it in items]
    lines.append({"contender": "prompt", "id": items[0].id, "output": "x"})  # another contender: ignored
    out = _rescore(tmp_path, lines)
    # a model that answers nothing leaves hybrid exactly the rule
    assert out["hybrid"]["right"] == out["rule"]["right"]
    assert out["rule"]["exact"]["wild"][1] == 3
    assert out["qlora+resolve"]["right"] == [it.id for it in items if it.gold == Answer(None, None)]


def test_rescore_script_resolves_the_models_own_text_again(tmp_path):
    """A sample's model_output (the phrase the model copied) is what the rescore resolves, not the old answer."""
    import datetime as dt

    from sft.suite import load_suite

    item = next(it for it in load_suite() if it.split == "relative" and it.gold.date and len(it.gold.date) == 10
                and 1 < (dt.date.fromisoformat(it.gold.date) - it.today).days < 30)
    days = (dt.date.fromisoformat(item.gold.date) - item.today).days
    copied = Answer(item.gold.city, f"in {days} days").to_json()  # what the old resolver read as no date
    lines = [{"contender": "qlora+resolve", "id": item.id, "output": Answer(item.gold.city, None).to_json(),
              "model_output": copied}]
    out = _rescore(tmp_path, lines)
    assert out["qlora+resolve"]["right"] == [item.id]  # resolved from the model's text, not from the old answer


def test_rescore_script_writes_samples_that_paired_reads(tmp_path):
    """--samples: the re-scored records, one per contender and question, as a bench writes them (paired.py)."""
    import gzip
    import json

    from sft.suite import load_suite

    items = [it for it in load_suite() if it.split == "wild"][:4]
    right = Answer(items[0].gold.city, items[0].gold.date).to_json()
    lines = [{"contender": "qlora+resolve", "id": it.id, "output": right if i == 0 else "乱码"}
             for i, it in enumerate(items)]
    out = _rescore(tmp_path, lines, "--samples", str(tmp_path / "re.jsonl.gz"))
    with gzip.open(tmp_path / "re.jsonl.gz", "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    assert sorted({r["contender"] for r in records}) == ["hybrid", "qlora+resolve", "rule"]
    assert len(records) == 3 * len(items)
    mine = {r["id"]: r for r in records if r["contender"] == "qlora+resolve"}
    assert [i for i, r in mine.items() if r["exact"]] == out["qlora+resolve"]["right"] == [items[0].id]
    assert mine[items[1].id]["output"] == "乱码" and not mine[items[1].id]["json_valid"]
    assert {"split", "gold_city_null", "pred_city_null"} <= set(mine[items[0].id])


def test_rescore_script_resolves_the_json_contender_on_another_suite(tmp_path):
    """--model-contender qlora+resolve+json is resolved again like qlora+resolve; --suite reads a blind suite file."""
    import json

    suite = tmp_path / "blind.jsonl"
    rows = [{"id": "x-1", "split": "blind-x", "query": "明天杭州下雨吗", "gold": {"city": "杭州", "date": "2026-05-02"},
             "today": "2026-05-01"},
            {"id": "x-2", "split": "blind-x", "query": "苏州天气", "gold": {"city": "苏州", "date": None}}]
    suite.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    lines = [{"contender": "qlora+resolve+json", "id": "x-1", "output": "{}",
              "model_output": Answer("杭州", "明天").to_json()},
             {"contender": "qlora+resolve+json", "id": "x-2", "output": "{}",
              "model_output": Answer("上海", None).to_json()}]
    out = _rescore(tmp_path, lines, "--model-contender", "qlora+resolve+json", "--suite", str(suite))
    assert out["qlora+resolve+json"]["right"] == ["x-1"]  # the copied 明天 resolved against the file's reference day
    assert out["qlora+resolve+json"]["exact"] == {"blind-x": [1, 2]}
    assert out["rule"]["exact"] == {"blind-x": [2, 2]}
    with pytest.raises(SystemExit, match="error: .*no such suite file"):  # one line, not a traceback
        _rescore(tmp_path, lines, "--model-contender", "qlora+resolve+json", "--suite", str(tmp_path / "none.jsonl"))


def test_rescore_script_names_a_missing_output_folder_before_any_work(tmp_path):
    import runpy
    import sys

    argv = sys.argv
    try:
        sys.argv = ["rescore_hybrid.py", str(tmp_path), "--samples", str(tmp_path / "no" / "re.jsonl.gz")]
        with pytest.raises(SystemExit, match="no folder .* create it first"):
            runpy.run_path("scripts/rescore_hybrid.py", run_name="__main__")
    finally:
        sys.argv = argv


def test_the_date_is_always_the_rules():
    """The model's date never fills in where the rule reads none: every committed run's model dates there were
    wrong (a span of days, a month alone, two day numbers)."""
    assert combine("黄冈 2号到5号 下雨吗", (None, "02-05")).date is None
    assert combine("九寨沟四月份天气", (None, "04-09")).date is None
    assert combine("包裹预计3-5天到 江门这几天下雨吗", ("江门", "03-05")) == Answer("江门", None)
    assert combine("Tokyo weather Dec 3", ("Tokyo", "11-11")).date == "12-03"  # the rule reads English months


def test_a_province_or_country_in_latin_letters_is_no_city():
    assert combine("temperature in Yunnan next week", ("Yunnan", None)).city is None
    assert combine("is Japan cold in march", ("Japan", None)).city is None
    assert combine("Singapore weather", ("Singapore", None)).city == "Singapore"  # a city-state is a city
