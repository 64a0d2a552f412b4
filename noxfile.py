"""Sessions: tests, lint, data, finetune, bench, benchmark. The main job is `nox -s finetune bench`.

`finetune` trains the adapter into runs/adapter: the `cpu` profile on a CPU, the `gpu` profile (the `written-60-two`
mix, QLoRA) where torch sees a CUDA device, `QWEN_SFT_PROFILE` to choose (e.g. `tutorial`); `bench` scores
rule, prompt and (when runs/adapter exists) qlora and hybrid on the committed test suite and writes
reports/<run>/. Extra arguments after `--` go to the command, e.g. `nox -s bench -- --run my-run --force`.

A machine whose Python already holds CUDA torch and the extras (a GPU container, where pip would otherwise
pull a multi-GB torch): `nox --no-venv --no-install -s finetune bench` runs the same sessions on that Python
(the CLI as `python -m bench.cli` from the checkout).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint"]
nox.options.reuse_existing_virtualenvs = True

# torch: the CPU build that lies on this machine's disk (an unpinned torch pulls a multi-GB CUDA build).
TORCH = os.environ.get("QWEN_SFT_TORCH", "torch==2.13.0")
ADAPTER = os.environ.get("QWEN_SFT_ADAPTER", "runs/adapter")
RUN = os.environ.get("QWEN_SFT_RUN")  # default: reference-cpu (-gpu on CUDA); reference-prompt-* without an adapter


def machine_extras(cuda: bool, env: str | None = None) -> list[str]:
    """The extras a machine needs for the main job: `cuda` (bitsandbytes: 4-bit QLoRA) and `json` (xgrammar:
    the +json contenders) where torch sees a GPU, none on a CPU; `QWEN_SFT_EXTRAS=a,b` decides instead."""
    if env is not None:
        return [e.strip() for e in env.split(",") if e.strip()]
    return ["cuda", "json"] if cuda else []


def install_plan(extras: list[str], torch_spec: str = TORCH) -> list[list[str]]:
    """The pip installs of a session, in order: torch first (the pinned build), then the project."""
    spec = f".[{','.join(extras)}]" if extras else "."
    return [[torch_spec], ["-e", spec]]


def install(session: nox.Session, *extras: str, machine: bool = False) -> list[str]:
    """Install torch and the project with ``extras`` (plus the machine's, when ``machine``); returns them."""
    session.install(TORCH)
    wanted = list(extras)
    if machine:
        wanted += [e for e in machine_extras(_cuda(session), os.environ.get("QWEN_SFT_EXTRAS")) if e not in wanted]
    for args in install_plan(wanted)[1:]:
        session.install(*args)
    return wanted


def _passthrough(session: nox.Session) -> bool:
    """``nox --no-venv``: the session runs on nox's own Python, no virtualenv."""
    return type(getattr(session, "virtualenv", None)).__name__ == "PassthroughEnv"


def _python(session: nox.Session) -> str:
    return sys.executable if _passthrough(session) else "python"


_CUDA_SEEN: dict[str, bool] = {}  # per interpreter: `finetune bench` asked four times, ~4 s of a lent GPU's each


def _cuda(session: nox.Session) -> bool:
    """Whether torch (as installed for the session) sees a CUDA device (asked once per interpreter: the session's
    virtualenv, or nox's own Python under ``--no-venv``)."""
    where = sys.executable if _passthrough(session) else str(getattr(session, "bin", None) or session.name)
    if where not in _CUDA_SEEN:
        out = session.run(_python(session), "-c", "import torch; print(torch.cuda.is_available())", silent=True,
                          external=True)
        _CUDA_SEEN[where] = bool(out) and out.strip().endswith("True")
    return _CUDA_SEEN[where]


def qwen_sft(session: nox.Session, *args: str) -> None:
    """The CLI: the virtualenv's ``qwen-sft``, or (``--no-venv``) ``python -m bench.cli`` of the checkout."""
    if _passthrough(session):
        session.run(sys.executable, "-m", "bench.cli", *args, external=True)
    else:
        session.run("qwen-sft", *args)


def adapter_dates(adapter: str = ADAPTER) -> str:
    """The date target the adapter was trained with (``resolved`` or ``phrase``; see ``--dates``)."""
    try:
        meta = json.loads(Path(adapter, "qwen_sft.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "resolved"
    return (meta.get("train") or {}).get("dates") or "resolved"


@nox.session(python=None)
def tests(session: nox.Session) -> None:
    """Fast CPU tests (tiny random Qwen2 with the real tokenizer) plus the marked real-model tests."""
    install(session, "test", "json")
    session.run("pytest", *(session.posargs or ["-q"]))


@nox.session(python=None)
def lint(session: nox.Session) -> None:
    session.install("ruff")
    session.run("ruff", "check", "sft", "bench", "tests", "benchmarks", "scripts", "datasets", "noxfile.py")


@nox.session(python=None)
def data(session: nox.Session) -> None:
    """Generate the tutorial-format training set into runs/data."""
    install(session)
    qwen_sft(session, "data", *session.posargs)


@nox.session(python=None)
def finetune(session: nox.Session) -> None:
    """Train the adapter: the `cpu` profile on a CPU, the `gpu` profile (QLoRA) where torch sees CUDA."""
    install(session, machine=True)
    import shutil

    shutil.rmtree(ADAPTER, ignore_errors=True)  # a fresh adapter for every main job
    profile = os.environ.get("QWEN_SFT_PROFILE") or ("gpu" if _cuda(session) else "cpu")
    qwen_sft(session, "finetune", "--profile", profile, "--out", ADAPTER, *session.posargs)


@nox.session(python=None)
def bench(session: nox.Session) -> None:
    """Score rule, prompt and (if an adapter exists) qlora and hybrid, plus the +json contenders where the
    `json` extra is installed (on CUDA by default); write reports/<run>/."""
    extras = install(session, machine=True)
    have_adapter = Path(ADAPTER, "adapter_config.json").exists()
    phrase = have_adapter and adapter_dates() == "phrase"
    contenders = bench_contenders(have_adapter, "json" in extras, phrase=phrase)
    machine = "gpu" if _cuda(session) else "cpu"
    run = RUN or (f"reference-{machine}" if have_adapter else f"reference-prompt-{machine}")
    args = session.posargs or bench_args(run, contenders, cuda=machine == "gpu")
    extra = ["--adapter", ADAPTER] if have_adapter else []
    qwen_sft(session, "bench", "--contenders", contenders, *extra, *args)


# On a CPU the prompt-only contenders answer an evenly spread sample of each split: the tutorial's ~100-token
# prompt makes them the main job's largest cost there (1,922 s of a 71-minute job on a 2-core AVX2 machine,
# reports/reference-cpu), for a baseline that scores a few per cent; the sample keeps its interval narrow
# enough to say so. QWEN_SFT_PROMPT_SAMPLE=0 scores them on every question.
PROMPT_SAMPLE = int(os.environ.get("QWEN_SFT_PROMPT_SAMPLE", "50"))
# The model contenders (qlora*, hybrid*) on a CPU: at most 800 questions of each split, evenly spread. That keeps
# every question of the generated splits and 800 of `wild` (11,700 questions, which take ~1 h at the ~3.4
# questions/s of `qlora+resolve` on a 2-core CPU); `rule` scores them all, the report gives each sample's interval.
# QWEN_SFT_MODEL_SAMPLE=0 scores them on every question.
MODEL_SAMPLE = int(os.environ.get("QWEN_SFT_MODEL_SAMPLE", "800"))


# The CPU bench's batch: 64 rows. On a 2-core EPYC kept to AVX2 (fp32), the same answers as at 32 in less time:
# `qlora+resolve` on 256 wild questions 62-70 s at 64 vs 85-87 s at 32 (65-69 s at 128), `prompt` on 128 wild
# questions 91 s vs 116 s (reports/reference-cpu/RUN.md).
CPU_BATCH = int(os.environ.get("QWEN_SFT_CPU_BATCH", "64"))
# The GPU bench's batch: 512 rows. On the H200 `qlora+resolve` answered 1,917 questions/s at 512 against 440 at the
# bench's default 32 (reports/h100-loop-written, reports/reference-h100 of 2026-12-01), and the GPU scores every
# question of the suite (29,377 since 2026-12-02) with seven contenders.
GPU_BATCH = int(os.environ.get("QWEN_SFT_GPU_BATCH", "512"))


def bench_args(run: str, contenders: str, cuda: bool) -> list[str]:
    """The main job's bench flags (without extra arguments after ``--``): the CPU samples the prompt-only
    contenders and decodes 64 rows at a time, the GPU 512."""
    return ["--run", run, "--force", *bench_sample(contenders, cuda),
            "--batch-size", str(GPU_BATCH if cuda else CPU_BATCH)]


def bench_sample(contenders: str, cuda: bool, per_split: int = PROMPT_SAMPLE,
                 model_per_split: int = MODEL_SAMPLE) -> list[str]:
    """``--sample prompt=N,qlora=M,...`` on a CPU: N questions per split for the prompt-only contenders, M for
    the adapter's (qlora*, hybrid*); nothing on a GPU, nor for a size of 0."""
    if cuda:
        return []
    pairs = []
    for name in contenders.split(","):
        n = per_split if name.startswith("prompt") else model_per_split if name.startswith(("qlora", "hybrid")) else 0
        if n > 0:
            pairs.append(f"{name}={n}")
    return ["--sample", ",".join(pairs)] if pairs else []


def bench_contenders(have_adapter: bool, grammar: bool, phrase: bool = False) -> str:
    """What the bench scores. An adapter trained with ``--dates phrase`` copies relative dates, which
    ``qlora+resolve`` (``qlora+resolve+json`` under the grammar) resolves."""
    qlora = "qlora+resolve" if phrase else "qlora"
    names = ["rule", "prompt"] + ([qlora, "hybrid"] if have_adapter else [])
    if grammar:
        names += ["prompt+json"] + ([qlora + "+json", "hybrid+json"] if have_adapter else [])
    return ",".join(names)


@nox.session(python=None)
def benchmark(session: nox.Session) -> None:
    """pytest-benchmark suite (extraction at batch 1 and the best batch, one training step)."""
    install(session, "test")
    session.run("pytest", "benchmarks", "--benchmark-autosave", *session.posargs)
