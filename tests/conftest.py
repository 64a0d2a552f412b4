"""Shared fixtures: the real Qwen tokenizer (from the embedded GGUF) and a tiny random-weight Qwen2."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import torch

DATASETS = Path(__file__).resolve().parent.parent / "datasets"


@pytest.fixture(scope="session")
def dataset_script():
    """Load a ``datasets/<name>.py`` build script as a module (``datasets/`` is data, not a package)."""

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, DATASETS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(scope="session")
def tokenizer():
    from sft.models import embedded_tokenizer

    return embedded_tokenizer()


@pytest.fixture(scope="session")
def tiny(tokenizer):
    """A 2-layer, hidden-64 Qwen2 with random weights and the real tokenizer."""
    from sft.models import random_model

    model, tok = random_model("tiny", tokenizer, seed=0)
    return model.eval(), tok


@pytest.fixture(scope="session")
def tiny_dir(tiny, tmp_path_factory):
    """The tiny model saved as a local transformers folder (a `--model PATH` spec)."""
    model, tok = tiny
    path = tmp_path_factory.mktemp("tiny-qwen2")
    model.save_pretrained(path)
    tok.save_pretrained(path)
    return path


class ForceTokens:
    """A constraint that forces each row to emit a fixed token sequence (then anything)."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def new_batch(self, size: int, questions=None):
        outer = self

        class Batch:
            def __init__(self):
                self.pos = [0] * size

            def mask(self, logits, rows):
                for i, r in enumerate(rows):
                    if r is not None and self.pos[r] < len(outer.ids):
                        logits[i] = -torch.inf
                        logits[i, outer.ids[self.pos[r]]] = 0

            def accept(self, row, token):
                self.pos[row] += 1
                return False

        return Batch()


@pytest.fixture
def force_tokens():
    return ForceTokens
