"""pytest-benchmark suite: extraction at batch 1 and at the best batch, and one LoRA training step.

Run with ``nox -s benchmark`` (autosaves under .benchmarks/), compare two saved runs with
``pytest-benchmark compare 0001 0002`` or ``nox -s benchmark -- --benchmark-compare=0001``.
The model and batch come from the environment, so the same suite runs on this CPU and on the GPU:

* ``QWEN_SFT_BENCH_MODEL``  model spec (default ``embedded``; ``random:qwen2.5-0.5b`` needs no conversion)
* ``QWEN_SFT_BENCH_ADAPTER`` adapter folder: the extraction benchmarks then run the fine-tuned contender
* ``QWEN_SFT_BENCH_BATCH``  the "best batch" (default 32 on CPU, 256 on CUDA: the sweeps' best)
* ``QWEN_SFT_BENCH_ROUNDS`` timed rounds per benchmark (default 5)
* ``QWEN_SFT_BENCH_ENGINE`` the engine's KV cache: auto (default: static + CUDA graphs on CUDA), static, dynamic
"""

from __future__ import annotations

import os

import pytest
import torch


def pytest_configure(config):
    config.addinivalue_line("markers", "gpu_or_cpu: runs on CUDA when available, else on the CPU")


@pytest.fixture(scope="session")
def device() -> str:
    return "cuda" if torch.cuda.is_available() else "cpu"


@pytest.fixture(scope="session")
def rounds() -> int:
    return int(os.environ.get("QWEN_SFT_BENCH_ROUNDS", "5"))


@pytest.fixture(scope="session")
def best_batch(device) -> int:
    return int(os.environ.get("QWEN_SFT_BENCH_BATCH", "256" if device == "cuda" else "32"))


@pytest.fixture(scope="session")
def workspace(device):
    from sft.session import InferenceSession

    ws = InferenceSession(os.environ.get("QWEN_SFT_BENCH_MODEL", "embedded"),
                          os.environ.get("QWEN_SFT_BENCH_ADAPTER"), device=device,
                          engine=os.environ.get("QWEN_SFT_BENCH_ENGINE", "auto"))
    ws.base()
    return ws


@pytest.fixture(scope="session")
def questions() -> list[str]:
    from sft.suite import load_suite

    return [it.query for it in load_suite()]
