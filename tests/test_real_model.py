"""End to end on the real embedded Qwen2.5-Coder-0.5B-Instruct (marked: ~1-2 min on CPU)."""

import pytest
import torch

from sft import models
from sft.engine import Extractor
from sft.suite import load_suite
from sft.task import parse_output

pytestmark = pytest.mark.real_model

SEED = [item.query for item in load_suite(splits=["seed"])]


@pytest.fixture(scope="module")
def embedded():
    return models.resolve("embedded", device="cpu", dtype=torch.float32)


def test_prompt_contender_answers_the_seed_questions(embedded):
    gens = Extractor(embedded.model, embedded.tokenizer, batch_size=8)(SEED)
    assert len(gens) == 8
    parsed = [parse_output(g.text) for g in gens]
    # The prompt-only model finds the city in most seed questions (the tutorial saw the same), while its
    # date format is unstable: that is the gap the fine-tune closes.
    assert sum(p.answer is not None and p.answer.city in q for p, q in zip(parsed, SEED)) >= 5
    # an answer that parses stopped at its closing brace, well before the 48-token cap
    assert all(g.new_tokens < 48 for g, p in zip(gens, parsed) if p.answer is not None)


def test_tying_the_output_layer_keeps_greedy_outputs(embedded, tmp_path):
    """The GGUF stores the output layer untied; the cached model ties it back (630M -> 494M params)."""
    from transformers import AutoModelForCausalLM

    gguf = models.join_parts(models.embedded_parts(), tmp_path / "model.gguf")
    untied = AutoModelForCausalLM.from_pretrained(tmp_path, gguf_file=gguf.name, dtype=torch.float32).eval()
    assert sum(p.numel() for p in untied.parameters()) > 600e6
    tied = embedded.model
    assert sum(p.numel() for p in tied.parameters()) < 500e6
    a = Extractor(untied, embedded.tokenizer, batch_size=8)(SEED)
    b = Extractor(tied, embedded.tokenizer, batch_size=8)(SEED)
    assert [g.text for g in a] == [g.text for g in b]
