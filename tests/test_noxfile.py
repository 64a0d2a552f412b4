"""The noxfile's install lists per machine kind, without nox or a GPU (a stand-in `nox` module)."""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

NOXFILE = Path(__file__).resolve().parent.parent / "noxfile.py"


@pytest.fixture
def noxfile(monkeypatch):
    stand_in = types.ModuleType("nox")
    stand_in.options = types.SimpleNamespace(sessions=None, reuse_existing_virtualenvs=None)
    stand_in.session = lambda **kw: (lambda fn: fn)
    stand_in.Session = object
    monkeypatch.setitem(sys.modules, "nox", stand_in)
    spec = importlib.util.spec_from_file_location("noxfile_under_test", NOXFILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cpu_machine_installs_no_gpu_extras(noxfile):
    assert noxfile.machine_extras(cuda=False) == []
    assert noxfile.install_plan(noxfile.machine_extras(False)) == [["torch==2.13.0"], ["-e", "."]]


def test_cuda_machine_installs_bitsandbytes_and_xgrammar(noxfile):
    assert noxfile.machine_extras(cuda=True) == ["cuda", "json"]
    assert noxfile.install_plan(["cuda", "json"])[1] == ["-e", ".[cuda,json]"]


def test_extras_from_the_environment_decide(noxfile):
    assert noxfile.machine_extras(cuda=True, env="") == []
    assert noxfile.machine_extras(cuda=False, env="cuda, json") == ["cuda", "json"]


def test_bench_contenders_per_machine(noxfile):
    assert noxfile.bench_contenders(have_adapter=False, grammar=False) == "rule,prompt"
    assert noxfile.bench_contenders(have_adapter=True, grammar=False) == "rule,prompt,qlora,hybrid"
    assert noxfile.bench_contenders(have_adapter=True, grammar=True) == \
        "rule,prompt,qlora,hybrid,prompt+json,qlora+json,hybrid+json"


def test_on_a_cpu_the_model_contenders_answer_a_sample(noxfile):
    assert noxfile.bench_sample("rule,prompt,qlora,hybrid", cuda=False, per_split=50, model_per_split=800) == \
        ["--sample", "prompt=50,qlora=800,hybrid=800"]
    assert noxfile.bench_sample("rule,prompt,prompt+json", cuda=False, per_split=40) == \
        ["--sample", "prompt=40,prompt+json=40"]
    assert noxfile.bench_sample("rule,prompt,qlora", cuda=True, per_split=50) == []
    assert noxfile.bench_sample("rule,prompt", cuda=False, per_split=0) == []
    assert noxfile.bench_sample("rule,qlora+resolve,hybrid+json", cuda=False, per_split=50, model_per_split=0) == []
    assert noxfile.bench_sample("rule,qlora+resolve", cuda=False, per_split=0, model_per_split=300) == \
        ["--sample", "qlora+resolve=300"]


def test_the_cpu_bench_decodes_64_rows_and_the_gpu_512(noxfile):
    cpu = noxfile.bench_args("reference-cpu", "rule,prompt,qlora+resolve,hybrid", cuda=False)
    m = noxfile.MODEL_SAMPLE
    assert cpu == ["--run", "reference-cpu", "--force", "--sample", f"prompt=50,qlora+resolve={m},hybrid={m}",
                   "--batch-size", "64"]
    assert noxfile.bench_args("reference-gpu", "rule,prompt,qlora+resolve", cuda=True) == \
        ["--run", "reference-gpu", "--force", "--batch-size", "512"]


def test_a_phrase_adapter_is_scored_through_the_resolver(noxfile, tmp_path):
    import json

    assert noxfile.bench_contenders(have_adapter=True, grammar=True, phrase=True) == \
        "rule,prompt,qlora+resolve,hybrid,prompt+json,qlora+resolve+json,hybrid+json"
    (tmp_path / "qwen_sft.json").write_text(json.dumps({"train": {"dates": "phrase"}}), encoding="utf-8")
    assert noxfile.adapter_dates(str(tmp_path)) == "phrase"
    assert noxfile.adapter_dates(str(tmp_path / "none")) == "resolved"


def test_without_a_virtualenv_the_cli_runs_from_the_checkout(noxfile):
    """`nox --no-venv --no-install` (a GPU container's own Python): no `qwen-sft` script is needed."""
    calls = []

    class PassthroughEnv:
        pass

    class Session:
        virtualenv = PassthroughEnv()

        def run(self, *args, **kw):
            calls.append(args)
            return "True\n"

    session = Session()
    noxfile._CUDA_SEEN.clear()
    assert noxfile._cuda(session) and noxfile._cuda(Session())  # asked once per interpreter, not per session
    noxfile.qwen_sft(session, "bench", "--run", "x")
    assert calls[0][0] == sys.executable and calls[1] == (sys.executable, "-m", "bench.cli", "bench", "--run", "x")
