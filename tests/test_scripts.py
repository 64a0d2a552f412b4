"""The scripts a person runs (scripts/): resolve_diff.py, suite_subset.py, paired.py; h100.sh collect."""

import pytest

from sft.task import Answer


def test_resolve_diff_counts_the_answers_a_resolver_change_changes(tmp_path, capsys):
    """scripts/resolve_diff.py: each (question, model text) of the runs' +resolve samples once, resolved by a base
    resolver and today's, scored against gold; the same resolver on both sides changes nothing."""
    import gzip
    import json
    import runpy

    from sft.suite import load_suite

    diff = runpy.run_path("scripts/resolve_diff.py")
    item = next(it for it in load_suite() if it.split == "relative" and it.gold.date and it.query.count("下周") == 1
                and "下周" + it.query.split("下周")[1][:1] in {f"下周{d}" for d in "一二三四五六"})
    copied = Answer(item.gold.city, "下周").to_json()  # the weekday left out: read on over it, today
    run = tmp_path / "run"
    run.mkdir()
    rows = [{"contender": "qlora+resolve", "id": item.id, "query": item.query, "model_output": copied}] * 2
    rows.append({"contender": "qlora", "id": item.id, "query": item.query, "model_output": copied})  # no resolver
    # a sample keeps no model_output where the resolver left the text as it was: its output is the model's text
    rows.append({"contender": "qlora+resolve", "id": item.id, "query": item.query, "model_output": None,
                 "output": item.gold.to_json()})
    with gzip.open(run / "samples.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    from sft.task import resolve_output

    def today_s(rows):
        return [resolve_output(*row) for row in rows]

    assert diff["compare"](today_s, tmp_path) == {"pairs": 2, "changed": 0, "gained": 0, "lost": 0}

    def unresolved(rows):
        return [text for text, _, _ in rows]

    assert diff["compare"](unresolved, tmp_path) == {"pairs": 2, "changed": 1, "gained": 1, "lost": 0}
    assert f"+ {item.query[:50]} | 下周 | 下周 -> {item.gold.date}" in capsys.readouterr().out
    # a commit's resolver runs from that commit's own tree, in a process of its own
    at_head = diff["resolver_at"]("HEAD")([(copied, item.today, item.query), ("不知道", None, item.query)])
    assert at_head == [resolve_output(copied, item.today, item.query), "不知道"]
    with pytest.raises(SystemExit, match="no-such-commit"):
        diff["resolver_at"]("no-such-commit")([])


def test_suite_subset_keeps_the_questions_the_prompt_shows_two_dates_for(tmp_path):
    """scripts/suite_subset.py: chosen by the date line the prompt shows, never by gold; a suite file bench reads."""
    import runpy

    from sft.suite import load_suite
    from sft.task import date_mentions

    subset = runpy.run_path("scripts/suite_subset.py")
    n = subset["main"](["--split", "hard", "--dates", "2", "-o", str(tmp_path / "two.jsonl")])
    items = load_suite(tmp_path / "two.jsonl")
    everyone = load_suite(splits="hard")
    assert len(items) == n == sum(len(date_mentions(it.query)) >= 2 for it in everyone)
    assert n and all(len(date_mentions(it.query)) >= 2 for it in items)
    with pytest.raises(SystemExit, match="--dates N or --cities N"):
        subset["main"](["-o", str(tmp_path / "none.jsonl")])


def test_paired_counts_the_questions_that_change_sides(tmp_path, capsys):
    """scripts/paired.py: per split, each side's exact, the discordant pairs and the exact McNemar p; a missing file
    is one line that says so, not a traceback."""
    import json
    import runpy

    paired = runpy.run_path("scripts/paired.py")

    def rows(rights):
        return "".join(json.dumps({"contender": "qlora+resolve", "id": f"q{i}", "split": "wild", "exact": ok,
                                   "gold_city_null": False, "pred_city_null": False}) + "\n"
                       for i, ok in enumerate(rights))
    (tmp_path / "a.jsonl").write_text(rows([True] * 6 + [False] * 4), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(rows([False] + [True] * 9), encoding="utf-8")
    assert paired["main"]([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "A      6 (60.0)  B      9 (90.0)  only B / only A 4 / 1  p 0.38" in out  # 2 * (1 + 5) / 32 = 0.375
    assert paired["mcnemar_p"](0, 0) == 1.0 and paired["mcnemar_p"](10, 0) == pytest.approx(2 / 1024)
    assert paired["main"]([str(tmp_path / "a.jsonl.gz"), str(tmp_path / "b.jsonl")]) == 2
    assert "error: no such samples file" in capsys.readouterr().err
    # two contenders of one run: B's rows are the rule's, A's the model's
    (tmp_path / "r.jsonl").write_text(rows([True] * 10).replace("qlora+resolve", "rule"), encoding="utf-8")
    assert paired["main"]([str(tmp_path / "a.jsonl"), str(tmp_path / "r.jsonl"), "--contender-b", "rule"]) == 0
    assert "A      6 (60.0)  B     10 (100.0)  only B / only A 4 / 0" in capsys.readouterr().out
    assert paired["main"]([str(tmp_path / "a.jsonl"), str(tmp_path / "r.jsonl")]) == 2  # no qlora+resolve rows in B
    assert "no qlora+resolve rows in" in capsys.readouterr().err
    # --pool: one more line over the splits of one prefix, its p from the pooled pairs (4 / 1 and 4 / 1: 8 / 2)
    for name, text in (("a2", rows([True] * 6 + [False] * 4)), ("b2", rows([False] + [True] * 9))):
        other = text.replace('"id": "q', '"id": "x').replace('"wild"', '"blind-b9-16"')
        both = text.replace('"wild"', '"blind-b1-8"') + other
        (tmp_path / f"{name}.jsonl").write_text(both + rows([True]).replace('"q0"', '"w0"'), encoding="utf-8")
    assert paired["main"]([str(tmp_path / "a2.jsonl"), str(tmp_path / "b2.jsonl"), "--pool", "blind-"]) == 0
    out = capsys.readouterr().out
    assert "blind-*   n     20  A     12 (60.0)  B     18 (90.0)  only B / only A 8 / 2  p 0.11" in out


def test_h100_collect_brings_back_what_a_running_bench_kept(tmp_path):
    """scripts/h100.sh collect: a daemon still running whose bench has kept finished contenders
    (bench.checkpoint) brings them back as NAME-kept.tar; a machine without the daemon says so at once."""
    import subprocess
    import tarfile

    stage, out = tmp_path / "stage", tmp_path / "out"
    kept = stage / "tree-main" / "reports" / ".reference-h100.contenders"
    kept.mkdir(parents=True)
    (stage / "out-main").mkdir()
    (stage / "out-main" / "daemon.log").write_text("running\n", encoding="utf-8")
    (kept / "rule.json").write_text("{}", encoding="utf-8")
    (kept / "rule.jsonl.gz").write_bytes(b"")
    out.mkdir()
    env = {"HOME": str(tmp_path), "OUT": str(out), "WAIT": "0", "PATH": "/usr/bin:/bin"}
    run = subprocess.run(["bash", "scripts/h100.sh", "collect", "main"], env=env, capture_output=True, text=True)
    assert run.returncode == 0 and "main: running" in run.stdout and "main-kept.tar" in run.stdout
    with tarfile.open(out / "main-kept.tar") as tar:
        names = {n.removeprefix("./") for n in tar.getnames()}
    assert {".reference-h100.contenders/rule.json", ".reference-h100.contenders/rule.jsonl.gz"} <= names
    assert not (out / "main.tar").exists()  # not ended: no whole OUT yet
    gone = subprocess.run(["bash", "scripts/h100.sh", "collect", "other"], env=env, capture_output=True, text=True)
    assert gone.returncode == 3 and "no daemon other" in gone.stdout


def test_blind_rule_groups_cover_the_test_side_of_wild_once():
    """scripts/blind_rule.py: its groups of sittings, each with the commit that first scored it, cover the suite's
    `wild` split (the test side, from sft.written.WILD_TEST_FROM) exactly once, in order."""
    import runpy

    from sft.suite import load_suite
    from sft.written import WILD_TEST_FROM

    groups = runpy.run_path("scripts/blind_rule.py")["GROUPS"]
    numbers = [n for first, last, _ in groups for n in range(first, last + 1)]
    assert numbers == sorted(set(numbers)) and numbers[0] == WILD_TEST_FROM
    assert numbers == sorted(int(it.id.split("-")[1]) for it in load_suite() if it.split == "wild")
    assert all(len(commit) >= 7 for _, _, commit in groups)


def test_blind_rule_answers_each_round_of_the_blind_batches_at_its_first_look_commit():
    """scripts/blind_rule.py --suite: each split of scripts/blind_suite.py's suite goes to the commit named by its
    round's first-look file; a split of no round is refused with one line."""
    import runpy
    from types import SimpleNamespace

    import pytest

    batch_groups = runpy.run_path("scripts/blind_rule.py")["batch_groups"]
    items = [SimpleNamespace(split="blind-b141-148", id="b141-001"), SimpleNamespace(split="blind-b45-60", id="b45-1"),
             SimpleNamespace(split="blind-b141-148", id="b141-002")]
    groups = batch_groups(items)
    assert [(name, [it.id for it in group], commit) for name, group, commit in groups] == [
        ("blind-b141-148", ["b141-001", "b141-002"], "5717c8d"), ("blind-b45-60", ["b45-1"], "12aa252")]
    with pytest.raises(SystemExit, match="blind-b1-2"):
        batch_groups([SimpleNamespace(split="blind-b1-2", id="x")])


def test_blind_rule_refuses_a_malformed_suite_in_one_line(tmp_path):
    """scripts/blind_rule.py --suite: a file that is no suite is one line naming the file and what to give, no
    traceback, and nothing is written."""
    import runpy

    import pytest

    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl.gz"
    with pytest.raises(SystemExit, match=r"error: .*bad\.jsonl:1: .*scripts/blind_suite\.py"):
        runpy.run_path("scripts/blind_rule.py")["main"](["--suite", str(bad), "-o", str(out)])
    assert not out.exists()


def test_rule_misses_lists_the_rules_wrong_answers_and_counts_them(tmp_path, capsys):
    """scripts/rule_misses.py: one tab-separated line per question the rule answers wrong, the count on stderr; a
    missing file is one line that says so."""
    import json
    import runpy

    misses = runpy.run_path("scripts/rule_misses.py")
    rows = [{"id": "a", "query": "杭州明天下雨吗", "gold": {"city": "杭州", "date": "2026-05-02"},
             "today": "2026-05-01"},
            {"id": "b", "query": "杭州明天下雨吗", "gold": {"city": "苏州", "date": None}}]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert misses["main"]([str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "b\t杭州明天下雨吗\t\tgold 苏州 None\trule 杭州 None\n"
    assert "wrong 1 / 2" in captured.err
    with pytest.raises(SystemExit, match="no file"):
        misses["main"]([str(tmp_path / "none.jsonl")])
    (tmp_path / "bad.jsonl").write_text('{"query": "x"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="bad.jsonl:1 is no item"):
        misses["main"]([str(tmp_path / "bad.jsonl")])


def test_blind_suite_pairs_each_rounds_batches_with_its_first_look(tmp_path, capsys):
    """scripts/blind_suite.py: one split per batch file, named after its round, paired with the one first-look file of
    that round (never its ``-now`` file); the suite it writes loads, each round's first look is counted, and a
    training question of the hand-written pool is left out."""
    import runpy

    from sft.suite import load_suite

    blind = runpy.run_path("scripts/blind_suite.py")
    one, two = tmp_path / "reports" / "rule-batches-b9-16", tmp_path / "reports" / "rule-batches-b1-8"
    one.mkdir(parents=True)
    two.mkdir(parents=True)
    for name in ("batches.jsonl", "rule-abc1234.txt", "rule-now.txt"):
        (one / name).write_text("", encoding="utf-8")
    for name in ("batches-b1-4.jsonl", "b1-4-rule-def5678.txt", "b1-4-rule-now.txt", "batches-b5-8.jsonl",
                 "b5-8-rule-0123abc.txt", "b5-8-rule-now.txt"):
        (two / name).write_text("", encoding="utf-8")
    assert [(split, b.name, f.name) for split, b, f in blind["rounds"](tmp_path)] == [
        ("blind-b1-4", "batches-b1-4.jsonl", "b1-4-rule-def5678.txt"),
        ("blind-b5-8", "batches-b5-8.jsonl", "b5-8-rule-0123abc.txt"),
        ("blind-b9-16", "batches.jsonl", "rule-abc1234.txt")]
    out = tmp_path / "blind.jsonl"
    assert blind["main"]([str(out)]) == 0
    suite = load_suite(out)
    table = capsys.readouterr().out
    splits = {item.split for item in suite}
    assert len(suite) >= 28000 and "blind-b141-148" in splits and all(f"`{s}`" in table for s in splits)
    assert "| `blind-b141-148` | 1,903 | 62 (96.7 % right) |" in table and "left out" in table
    # --after N: only the rounds that start after bN, less their repeats of the rounds up to bN too
    assert blind["main"]([str(out), "--after", "180"]) == 0
    later = load_suite(out)
    assert {item.split for item in later} == {s for s in splits if int(s.split("-")[1][1:]) > 180}
    assert 0 < sum(i.split == "blind-b181-188" for i in later) < sum(i.split == "blind-b181-188" for i in suite)
    assert blind["round_end"]("blind-b141-148") == 148 and "or of the rounds up to b180" in capsys.readouterr().out
