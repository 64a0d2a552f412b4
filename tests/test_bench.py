import json

import pytest

from bench import scorer
from bench.contenders import check_names
from bench.run import BenchConfig, run_bench
from sft.errors import UserError
from sft.suite import load_suite
from sft.task import Answer


class Item:
    def __init__(self, split, gold, query="q"):
        self.id, self.split, self.query, self.gold = f"{split}-x", split, query, gold


def test_scorer_counts_each_metric():
    items = [Item("seen", Answer("攀枝花市", "04-06")), Item("seen", Answer("北京", "06-01")),
             Item("hard", Answer(None, "01-15")), Item("hard", Answer("青岛", None))]
    outputs = ['{"city": "攀枝花", "date": "04-06"}', '```json\n{"city": "北京", "date": "06/01"}\n```',
               '{"city": null, "date": "01-15"}', "好的"]
    samples, m = scorer.score(items, outputs)
    assert [s.exact for s in samples] == [False, False, True, False]
    assert [s.city_ok_lenient for s in samples] == [True, True, True, False]
    seen = {k: v for k, v in m["splits"]["seen"].items() if k in ("n", *scorer.METRICS)}
    assert seen == {"n": 2, "json_valid": 0.5, "parsed": 1.0, "city_acc": 0.5,
                    "city_acc_lenient": 1.0, "date_acc": 0.5, "exact": 0.0}
    assert m["splits"]["hard"]["exact"] == 0.5 and m["splits"]["hard"]["json_valid"] == 0.5
    assert m["overall"]["n"] == 4 and m["overall"]["exact"] == 0.25
    with pytest.raises(ValueError):
        scorer.score(items, outputs[:2])


def test_unknown_contender_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid: rule, prompt, qlora, prompt\\+json, qlora\\+json"):
        check_names(["rule", "gpt5"])


def test_rule_bench_writes_every_artifact(tmp_path):
    cfg = BenchConfig(contenders=["rule"], run="r", reports_dir=str(tmp_path), command="test")
    report = run_bench(cfg)
    out = tmp_path / "r"
    assert {p.name for p in out.iterdir()} == {"report.json", "report.md", "samples.jsonl", "accuracy.png"}
    data = json.loads((out / "report.json").read_text())
    assert data == json.loads(json.dumps(report))
    c = data["contenders"]["rule"]
    assert set(c["splits"]) == {"seen", "unseen", "hard", "seed", "wild", "relative"}
    assert c["overall"]["n"] == len(load_suite())
    assert {"json_valid", "city_acc", "date_acc", "exact"} <= set(c["splits"]["hard"])
    lines = (out / "samples.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(load_suite())
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## Wrong answers" in md and "| rule | hard |" in md
    wrong = sum(1 for line in lines if not json.loads(line)["exact"])
    assert f"### rule: {wrong} wrong" in md
    # never overwritten silently
    with pytest.raises(FileExistsError, match="--force"):
        run_bench(cfg)
    cfg.force = True
    run_bench(cfg)


def test_unknown_split_is_one_clear_line(tmp_path):
    with pytest.raises(ValueError, match="valid: seen, unseen, hard, seed"):
        run_bench(BenchConfig(contenders=["rule"], splits=["easy"], run="x", reports_dir=str(tmp_path)))


def test_model_contenders_run_through_the_engine(tiny_dir, tmp_path):
    cfg = BenchConfig(contenders=["prompt"], model=str(tiny_dir), run="p", reports_dir=str(tmp_path), limit=2,
                      batch_size=4, max_new_tokens=4, latency_sample=3, device="cpu", dtype="fp32")
    report = run_bench(cfg)
    c = report["contenders"]["prompt"]
    assert c["overall"]["n"] == 12 and c["prompt"] == "tutorial"
    s = c["speed"]
    assert s["batch_size"] == 4 and s["queries_per_s"] > 0 and s["p95_ms"] >= s["p50_ms"] > 0
    assert s["batch1"]["n"] == 3 and s["speedup_vs_batch1"] > 0
    assert report["run"]["model"] == str(tiny_dir)


def test_a_sampled_contender_answers_an_even_spread_of_each_split_and_stays_paired(tiny_dir, tmp_path):
    from bench.run import sample_items

    suite = load_suite()
    cfg = BenchConfig(contenders=["rule", "prompt"], model=str(tiny_dir), run="s", reports_dir=str(tmp_path),
                      sample={"prompt": 2}, batch_size=8, max_new_tokens=2, latency_sample=0, device="cpu",
                      dtype="fp32")
    report = run_bench(cfg)
    rule_c, prompt_c = report["contenders"]["rule"], report["contenders"]["prompt"]
    assert rule_c["overall"]["n"] == len(suite) and "sample" not in rule_c
    splits = {i.split for i in suite}
    assert prompt_c["overall"]["n"] == 2 * len(splits)
    assert prompt_c["sample"] == {"per_split": 2, "n": 2 * len(splits), "of": len(suite)}
    for split in splits:  # the first item and the one half-way through
        mine = [i for i in suite if i.split == split]
        assert [i.id for i in sample_items(suite, 2) if i.split == split] == [mine[0].id, mine[len(mine) // 2].id]
    ids = [json.loads(line)["id"] for line in (tmp_path / "s" / "samples.jsonl").read_text().splitlines()
           if json.loads(line)["contender"] == "prompt"]
    assert ids == [i.id for i in sample_items(suite, 2)]
    assert report["comparisons"]["overall"]["contenders"]["prompt"]["n_paired"] == 2 * len(splits)
    assert "`prompt` 12 of" in (tmp_path / "s" / "report.md").read_text(encoding="utf-8")


def test_sample_must_name_a_contender_of_the_run(tmp_path):
    with pytest.raises(UserError, match="--sample prompt=5: prompt is not among"):
        run_bench(BenchConfig(contenders=["rule"], sample={"prompt": 5}, run="x", reports_dir=str(tmp_path)))


def test_qlora_contender_uses_the_adapter_and_its_prompt(tiny_dir, tmp_path):
    from sft.train import FinetuneConfig, finetune

    adapter = tmp_path / "adapter"
    finetune(FinetuneConfig(model=str(tiny_dir), out=str(adapter), examples=8, epochs=1.0, batch_size=4,
                            micro_batch_size=4, lora_r=4, device="cpu", dtype="fp32", prompt="short",
                            logging_steps=1))
    cfg = BenchConfig(contenders=["prompt", "qlora", "hybrid"], model=str(tiny_dir), adapter=str(adapter),
                      run="q", reports_dir=str(tmp_path), limit=1, max_new_tokens=3, latency_sample=2,
                      device="cpu", dtype="fp32")
    report = run_bench(cfg)
    assert report["contenders"]["qlora"]["prompt"] == "short"
    b1 = {name: report["contenders"][name]["speed"]["batch1"] for name in ("prompt", "qlora", "hybrid")}
    assert b1["hybrid"] == {**b1["qlora"], "same_loop_as": "qlora"}  # one loop for one extractor
    assert "same_loop_as" not in b1["qlora"] and "same_loop_as" not in b1["prompt"]
    assert report["contenders"]["hybrid"]["prompt"] == "short"  # the qlora outputs, combined with the rule
    assert report["train"]["steps"] == 2 and (tmp_path / "q" / "loss.png").is_file()
    with pytest.raises(ValueError, match="trained on base model"):
        run_bench(BenchConfig(contenders=["qlora"], model="random:tiny", adapter=str(adapter), run="q2",
                              reports_dir=str(tmp_path), limit=1, device="cpu"))
    with pytest.raises(ValueError, match="qlora\\+resolve needs an adapter trained with --dates phrase"):
        run_bench(BenchConfig(contenders=["rule", "qlora+resolve"], model=str(tiny_dir), adapter=str(adapter),
                              run="q3", reports_dir=str(tmp_path), limit=1, device="cpu"))
    assert not (tmp_path / "q3").exists()  # refused before any work


def test_resolve_contender_gives_the_model_no_reference_day_and_resolves_its_phrase():
    """The wiring of qlora+resolve, with a stand-in session whose 'model' copies the date phrase."""
    import contextlib
    import datetime as dt

    from bench.contenders import run_contender
    from sft.engine import Generation

    seen_todays = []

    class Session:
        adapter = "phrase-adapter"

        def dates_for(self, adapter):
            return "phrase" if adapter else "resolved"

        def prompt_for(self, adapter):
            return "short"

        def extractor(self, **kw):
            def run(questions, progress=None, todays=None):
                seen_todays.append(todays)
                outs = {"明天杭州天气": '{"city": "杭州", "date": "明天"}',
                        "6月1号北京": '{"city":"北京","date":"06-01"}'}
                return [Generation(q, outs[q], 10, 5, 0.1, len(questions)) for q in questions]
            run.batch_size = 2
            return run

        @contextlib.contextmanager
        def adapter_state(self, enabled):
            yield

    questions, todays = ["明天杭州天气", "6月1号北京"], [dt.date(2024, 2, 28), None]
    reuse = {}
    raw = run_contender("qlora", questions, Session(), todays=todays, reuse=reuse)
    resolved = run_contender("qlora+resolve", questions, Session(), todays=todays, reuse=reuse)
    assert seen_todays == [None]  # one model run, shared, and no reference day in the phrase adapter's prompt
    assert raw.outputs[0] == '{"city": "杭州", "date": "明天"}'
    assert resolved.outputs == ['{"city": "杭州", "date": "2024-02-29"}', '{"city":"北京","date":"06-01"}']
    reuse = {}  # the other order: qlora takes qlora+resolve's model run too
    run_contender("qlora+resolve", questions, Session(), todays=todays, reuse=reuse)
    again = run_contender("qlora", questions, Session(), todays=todays, reuse=reuse)
    assert seen_todays == [None, None] and again.outputs == raw.outputs
    # the samples keep the model's own text where the answer was made from it (the copied phrase), not elsewhere
    items = [Item("wild", Answer("杭州", "2024-02-29"), questions[0]),
             Item("wild", Answer("北京", "06-01"), questions[1])]
    samples, _ = scorer.score(items, resolved.outputs, [g.text for g in resolved.generations])
    assert [s.model_output for s in samples] == ['{"city": "杭州", "date": "明天"}', None]
    assert [s.exact for s in samples] == [True, True]
    with pytest.raises(ValueError, match="1 model outputs"):
        scorer.score(items, resolved.outputs, ["x"])


def test_the_lookup_pair_times_both_settings_on_the_same_questions(tiny):
    from bench.speed import lookup_pair
    from sft.engine import Extractor

    model, tok = tiny
    questions = [i.query for i in load_suite(splits=["wild"])[:4]]
    r = lookup_pair(lambda bs: Extractor(model, tok, prompt="short", batch_size=bs, max_new_tokens=8), questions, 8)
    assert r["answers_compared"] == 4 and r["same_answers"] == 4  # prompt lookup changes no answer
    assert r["lookup_0"]["n"] == r["lookup_8"]["n"] == 4 and r["lookup_8"]["engine"].endswith("+lookup8")
    assert r["lookup_8"]["mean_forwards"] <= r["lookup_0"]["mean_forwards"] and r["p50_speedup"] > 0


def test_an_interrupted_bench_keeps_its_finished_contenders_and_resume_runs_only_the_rest(tiny_dir, tmp_path,
                                                                                          monkeypatch):
    import gzip

    from bench import checkpoint
    from bench import run as run_mod

    real = run_mod.run_contender

    def stop_at_prompt(name, *args, **kwargs):
        if name == "prompt":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    cfg = BenchConfig(contenders=["rule", "prompt"], model=str(tiny_dir), run="b", reports_dir=str(tmp_path),
                      limit=1, max_new_tokens=2, latency_sample=0, device="cpu", dtype="fp32")
    monkeypatch.setattr(run_mod, "run_contender", stop_at_prompt)
    with pytest.raises(KeyboardInterrupt, match=r"1 of 2 contenders kept in .*\.b\.contenders \(rule\); the same "
                                                r"command with --resume"):
        run_bench(cfg)
    kept = tmp_path / ".b.contenders"
    assert not (tmp_path / "b").exists() and checkpoint.kept(kept) == ["rule"]
    with gzip.open(kept / "rule.jsonl.gz", "rt", encoding="utf-8") as f:
        rule_lines = [json.loads(line) for line in f]
    assert len(rule_lines) == len({i.split for i in load_suite()}) and {r["contender"] for r in rule_lines} == {"rule"}
    # the kept contender is never dropped silently: the next run must say what to do with it
    with pytest.raises(FileExistsError, match="--resume to take them, --force to start again"):
        run_bench(cfg)

    def no_rule(name, *args, **kwargs):
        assert name != "rule", "a kept contender ran again"
        return real(name, *args, **kwargs)

    monkeypatch.setattr(run_mod, "run_contender", no_rule)
    cfg.resume = True
    report = run_bench(cfg)
    assert report["run"]["resumed"] == ["rule"] and set(report["contenders"]) == {"rule", "prompt"}
    md = (tmp_path / "b" / "report.md").read_text(encoding="utf-8")
    assert "| resumed | `rule` kept from an interrupted run" in md
    lines = [json.loads(line) for line in (tmp_path / "b" / "samples.jsonl").read_text().splitlines()]
    assert [r for r in lines if r["contender"] == "rule"] == rule_lines
    assert not kept.exists()  # removed once the report is written


def test_resume_refuses_a_kept_contender_made_under_other_settings(tmp_path):
    from bench import checkpoint

    cfg = BenchConfig(contenders=["rule"], run="r", reports_dir=str(tmp_path), limit=2)
    checkpoint_dir = tmp_path / ".r.contenders"
    # a rule run kept from a run over other questions (limit 3), as an interrupted run leaves it
    first = BenchConfig(contenders=["rule"], run="r", reports_dir=str(tmp_path), limit=3)
    run_bench(first)
    from bench.run import select

    items = select(load_suite(), 3)
    fp = checkpoint.fingerprint(first, "rule", [it.id for it in items], "x" * 64, None, None)
    checkpoint.save(checkpoint_dir, "rule", fp, {"overall": {"exact": 1.0}}, [{"id": it.id} for it in items])
    cfg.resume = cfg.force = True
    with pytest.raises(UserError, match="rule was kept from a run with suite_sha256 'xxxxxxxxxxxx…'"):
        run_bench(cfg)
    cfg.resume = False  # --force alone starts again and drops what was kept
    assert run_bench(cfg)["contenders"]["rule"]["overall"]["n"] == 12 and not checkpoint_dir.exists()


def test_a_resumed_bench_shares_a_kept_model_run(tiny_dir, tmp_path, monkeypatch):
    """hybrid after a kept qlora takes its model texts (as in one run), not a second model run; its answers are
    those of an uninterrupted run."""
    from bench import run as run_mod
    from sft.session import InferenceSession
    from sft.train import FinetuneConfig, finetune

    adapter = tmp_path / "adapter"
    finetune(FinetuneConfig(model=str(tiny_dir), out=str(adapter), examples=8, epochs=1.0, batch_size=4,
                            micro_batch_size=4, lora_r=4, device="cpu", dtype="fp32", prompt="short"))
    kw = dict(contenders=["qlora", "hybrid"], model=str(tiny_dir), adapter=str(adapter), reports_dir=str(tmp_path),
              limit=1, max_new_tokens=3, latency_sample=0, device="cpu", dtype="fp32")
    whole = run_bench(BenchConfig(run="whole", **kw))
    real = run_mod.run_contender

    def stop_at_hybrid(name, *args, **kwargs):
        if name == "hybrid":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    monkeypatch.setattr(run_mod, "run_contender", stop_at_hybrid)
    with pytest.raises(KeyboardInterrupt, match=r"\(qlora\)"):
        run_bench(BenchConfig(run="parts", **kw))
    monkeypatch.setattr(run_mod, "run_contender", real)

    def no_model(self, *args, **kwargs):
        raise AssertionError("the kept model run was generated again")

    monkeypatch.setattr(InferenceSession, "extractor", no_model)
    resumed = run_bench(BenchConfig(run="parts", resume=True, **kw))
    assert resumed["run"]["resumed"] == ["qlora"]
    assert resumed["contenders"]["hybrid"]["speed"]["same_model_run_as"] == "qlora"

    def answers(name):
        rows = [json.loads(line) for line in (tmp_path / name / "samples.jsonl").read_text().splitlines()]
        return [(r["contender"], r["id"], r["output"], r.get("model_output")) for r in rows]

    assert answers("parts") == answers("whole")
    assert resumed["contenders"]["hybrid"]["overall"] == whole["contenders"]["hybrid"]["overall"]
