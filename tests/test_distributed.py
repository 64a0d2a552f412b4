"""Data parallelism (issue 16): the helpers of sft.distributed, and one fine-tune + bench of the tiny model run
in one process and in two (torch.distributed.run, gloo on the CPU), which must give the same adapter and the
same answers in the same order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from sft import distributed
from sft.errors import UserError
from sft.train import check_resume, rank_batches, resume_command

DRIVER = Path(__file__).resolve().parent / "ddp_driver.py"
LAUNCH_VARS = ("WORLD_SIZE", "RANK", "LOCAL_RANK", "LOCAL_WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT",
               "GROUP_RANK", "ROLE_RANK", "TORCHELASTIC_RUN_ID")


@pytest.fixture
def two_processes(monkeypatch):
    """This process as rank 1 of 2 (the environment a launcher sets), no process group made."""
    monkeypatch.setenv("WORLD_SIZE", "2")
    monkeypatch.setenv("RANK", "1")
    monkeypatch.setenv("LOCAL_RANK", "1")


@pytest.mark.parametrize("n", [0, 1, 5, 9, 10])
@pytest.mark.parametrize("world", [1, 2, 3])
def test_shards_deal_round_robin_and_unshard_restores_the_order(n, world):
    items = [f"q{i}" for i in range(n)]
    parts = [distributed.shard(range(n), r, world) for r in range(world)]
    assert sorted(x for p in parts for x in p) == list(range(n))
    assert max(map(len, parts)) - min(map(len, parts)) <= 1  # balanced
    assert distributed.unshard_indexed([(p, [items[i] for i in p]) for p in parts]) == items


@pytest.mark.parametrize("world", [1, 2, 3])
def test_batch_shards_hold_whole_batches_of_one_process(world):
    """Each rank gets whole batches of the one-process run (length-sorted, stable), so the engine, sorting
    a shard again, cuts exactly those batches: same rows, same padding, same answers on every backend."""
    import random

    rng = random.Random(world)
    lengths = [rng.randint(20, 30) for _ in range(37)]  # many ties
    bs = 4
    order = sorted(range(37), key=lambda i: lengths[i])
    one_process = [order[k:k + bs] for k in range(0, 37, bs)]
    seen = []
    for r in range(world):
        mine = distributed.shard_batches(lengths, bs, r, world)
        assert mine == sorted(mine)
        again = sorted(mine, key=lambda i: lengths[i])  # what Extractor.__call__ does with the shard
        batches = [again[k:k + bs] for k in range(0, len(again), bs)]
        assert batches == one_process[r::world]
        seen += mine
    assert sorted(seen) == list(range(37))
    with pytest.raises(ValueError, match="two ranks"):
        distributed.unshard_indexed([([0, 1], "ab"), ([1], "c")])


def test_one_process_is_left_alone(monkeypatch):
    for var in LAUNCH_VARS:
        monkeypatch.delenv(var, raising=False)
    assert not distributed.enabled() and distributed.is_main()
    assert not distributed.init("cpu") and not torch.distributed.is_initialized()
    assert distributed.shard(range(4)) == [0, 1, 2, 3]
    assert distributed.gather({"a": 1}) == [{"a": 1}]
    assert distributed.rank_device(None) is None and distributed.rank_device("cuda:1") == "cuda:1"


def test_each_rank_takes_its_own_device(two_processes):
    assert distributed.enabled() and not distributed.is_main()
    assert distributed.rank_device("cpu") == "cpu"
    if not torch.cuda.is_available():
        assert distributed.rank_device(None) == "cpu"
    elif torch.cuda.device_count() > 1:
        assert distributed.rank_device(None) == distributed.rank_device("cuda") == "cuda:1"
    with pytest.raises(UserError, match="each process takes its own GPU"):
        distributed.rank_device("cuda:0")


def test_the_global_batch_is_split_over_the_processes():
    assert rank_batches(16, 16, 1) == (16, 1) and rank_batches(16, 4, 1) == (4, 4)  # one process: as before
    assert rank_batches(16, 16, 2) == (8, 1)  # the gpu profile on 2 GPUs: 8 a GPU, 500 steps still
    assert rank_batches(16, 4, 2) == (4, 2) and rank_batches(8, 8, 4) == (2, 1)
    with pytest.raises(UserError, match="does not split over 3 processes"):
        rank_batches(16, 16, 3)
    with pytest.raises(UserError, match="--micro-batch-size 3 does not divide 8"):
        rank_batches(16, 3, 2)


def test_resume_refuses_another_number_of_processes(tmp_path):
    record = tmp_path / "settings.json"
    record.write_text(json.dumps({"batch_size": 4, "world_size": 2}), encoding="utf-8")
    with pytest.raises(UserError, match="world_size 2, this run has 1.*nproc-per-node"):
        check_resume({"batch_size": 4}, record)
    check_resume({"batch_size": 4, "world_size": 2}, record)
    record.write_text(json.dumps({"batch_size": 4}), encoding="utf-8")  # one process records no world_size
    check_resume({"batch_size": 4}, record)
    with pytest.raises(UserError, match="world_size 1, this run has 2"):
        check_resume({"batch_size": 4, "world_size": 2}, record)


def test_the_resume_command_keeps_the_launcher(monkeypatch):
    from sft.train import FinetuneConfig

    monkeypatch.setattr("sys.argv", ["bench.cli", "finetune", "--profile", "gpu"])
    assert resume_command(FinetuneConfig(), 2) == \
        "torchrun --nproc-per-node 2 -m bench.cli finetune --profile gpu --resume"


def test_the_cli_takes_the_separator_torchrun_needs(monkeypatch, tmp_path):
    """`torchrun ... -m bench.cli -- bench --run X`: without `--` torchrun reads `--run` as its `--run-path`."""
    from bench.cli import main

    monkeypatch.setattr("sys.argv", ["bench.cli", "--", "data", "--n", "2", "--out", str(tmp_path)])
    main()
    assert (tmp_path / "train.jsonl").is_file()


@pytest.mark.distributed
def test_two_processes_train_the_same_adapter_and_give_the_same_answers(tiny_dir, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in LAUNCH_VARS}
    repo = str(Path(__file__).resolve().parent.parent)
    env.update(OMP_NUM_THREADS="1",  # the same kernels in every process (torchrun's default for N > 1)
               PYTHONPATH=os.pathsep.join([repo, *filter(None, [env.get("PYTHONPATH")])]))
    one, two = tmp_path / "one", tmp_path / "two"
    start = time.perf_counter()
    runs = [  # side by side: the reference in one process, and two ranks over gloo
        subprocess.Popen([sys.executable, str(DRIVER), str(tiny_dir), str(one), "single"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
        subprocess.Popen([sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc-per-node", "2",
                          str(DRIVER), str(tiny_dir), str(two), "ddp"], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
    ]
    for run in runs:
        log, _ = run.communicate(timeout=600)
        assert run.returncode == 0, log[-4000:]
    seconds = time.perf_counter() - start

    # One process: no process group was ever made, and the records say one process.
    single = json.loads((one / "rank-0.json").read_text())
    assert single["world_size"] == 1 and not single["process_group"] and single["report"]
    assert single["train"]["world_size"] == 1 and single["train"]["per_device"] == {
        "micro_batch_size": 2, "gradient_accumulation_steps": 2}
    ranks = [json.loads((two / f"rank-{r}.json").read_text()) for r in range(2)]
    assert [r["process_group"] for r in ranks] == [True, True]  # a real gloo group (left at the end)
    assert [r["report"] for r in ranks] == [True, False]  # rank 0 alone scores and writes
    assert [r["adapter_written"] for r in ranks] == [True, True]  # finetune returns once the adapter is written

    # The fine-tune: the same global batches (micro batch 2 on each of 2 ranks vs 2 x 2 accumulated), the same
    # 4 steps and schedule, interrupted after 2 and resumed: the same adapter. Rank 0 alone wrote it.
    train = json.loads((two / "adapter" / "qwen_sft.json").read_text())["train"]
    assert train["world_size"] == 2 and train["steps"] == 4 and train["resumed"]
    assert train["per_device"] == {"micro_batch_size": 2, "gradient_accumulation_steps": 1}
    assert train["examples_per_s_per_device"] == pytest.approx(train["examples_per_s"] / 2)
    assert len(train["peak_memory_gb_per_rank"]) == 2
    assert json.loads((two / "adapter" / "checkpoints" / "settings.json").read_text())["world_size"] == 2
    assert {p.name for p in (two / "adapter" / "checkpoints" / "checkpoint-2").glob("rng_state*")} == {
        "rng_state_0.pth", "rng_state_1.pth"}
    a, b = (load_file(d / "adapter" / "adapter_model.safetensors") for d in (one, two))
    assert a.keys() == b.keys() and any(t.abs().max() > 0 for k, t in a.items() if "lora_B" in k)  # it trained
    for key in a:  # gradients summed over ranks are the accumulated ones: equal to float rounding (bitwise here)
        assert torch.allclose(a[key], b[key], rtol=1e-5, atol=1e-7), key

    # The bench: 9 questions dealt 5 / 4, gathered back in the suite's order: the same answers, the same report.
    samples = [(one / "reports" / "bench" / "samples.jsonl").read_text(encoding="utf-8").splitlines(),
               (two / "reports" / "bench" / "samples.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(samples[0]) == 4 * 9 and samples[0] == samples[1]
    reports = [json.loads((d / "reports" / "bench" / "report.json").read_text()) for d in (one, two)]
    assert "world_size" not in reports[0]["run"] and reports[1]["run"]["world_size"] == 2
    for name, c in reports[0]["contenders"].items():
        d = reports[1]["contenders"][name]
        assert c["overall"] == d["overall"] and c["splits"] == d["splits"], name
        assert "ranks" not in c["speed"] and [r["n"] for r in d["speed"]["ranks"]] == [5, 4]
        assert d["speed"]["world_size"] == 2 and d["seconds"] == max(r["seconds"] for r in d["speed"]["ranks"])
    s = reports[1]["contenders"]["qlora"]["speed"]
    assert s["queries_per_s"] == pytest.approx(9 / s["seconds"]) and s["n"] == 9
    assert s["queries_per_s_per_device"] == pytest.approx(s["queries_per_s"] / 2)
    assert "× 2" in (two / "reports" / "bench" / "report.md").read_text(encoding="utf-8")
    print(f"one process and two, side by side: {seconds:.1f} s")
