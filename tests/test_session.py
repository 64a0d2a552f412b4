"""The inference session's explicit adapter state, and the one-way layers (sft never imports bench)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import torch

from sft.session import InferenceSession, adapter_meta

QUESTIONS = ["我打算6月1号去北京旅游，请问天气怎么样？", "青岛3-15号天气预报", "明天杭州下雨吗"]


def test_sft_never_imports_bench():
    root = Path(__file__).resolve().parent.parent / "sft"
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "bench" or n.startswith("bench.") for n in names), (path.name, names)


def test_adapter_state_is_explicit_whatever_the_order(tiny_dir, tmp_path):
    """prompt -> qlora -> prompt -> qlora: the adapter runs merged, the base runs unmerged with its own
    weights, and each kind of run gives the same outputs both times."""
    from sft.train import FinetuneConfig, finetune

    adapter = tmp_path / "adapter"
    finetune(FinetuneConfig(model=str(tiny_dir), out=str(adapter), examples=8, epochs=1.0, batch_size=4,
                            micro_batch_size=4, lora_r=4, learning_rate=5e-2, device="cpu", dtype="fp32",
                            prompt="short", logging_steps=1))
    session = InferenceSession(str(tiny_dir), str(adapter), device="cpu", dtype=torch.float32, max_new_tokens=6)
    base_weight = session.base().model.model.layers[0].self_attn.q_proj.weight.detach().clone()

    def run(adapter_on: bool):
        extractor = session.extractor(adapter=adapter_on, constrained=False, prompt=session.prompt_for(adapter_on))
        with session.adapter_state(adapter_on):
            assert session.merged == adapter_on
            layer = session.base().model.model.layers[0].self_attn.q_proj
            weight = getattr(layer, "base_layer", layer).weight
            # merged: the LoRA delta is in the weight; unmerged: the base's own weight (up to float rounding
            # of merge-then-unmerge)
            assert torch.allclose(weight, base_weight, atol=1e-6) != adapter_on
            return [g.text for g in extractor(QUESTIONS)]

    base_1, tuned_1, base_2, tuned_2 = run(False), run(True), run(False), run(True)
    assert base_1 == base_2 and tuned_1 == tuned_2
    with session.adapter_state(False):
        assert not session.merged
    # a caller that times an adapter extractor without adapter_state (qwen-sft speed, benchmarks/) runs merged
    session.extractor(adapter=True, constrained=False, prompt="short")
    assert session.merged


def test_a_checkpoint_scores_with_its_runs_prompt(tmp_path):
    run = tmp_path / "adapter"
    checkpoint = run / "checkpoint-4"
    checkpoint.mkdir(parents=True)
    (checkpoint / "adapter_config.json").write_text("{}", encoding="utf-8")
    (run / "qwen_sft.json").write_text('{"prompt": "short"}', encoding="utf-8")
    assert adapter_meta(checkpoint) == {"prompt": "short"}
    assert InferenceSession("embedded", str(checkpoint)).prompt_for(True) == "short"


def test_int8_backend_runs_quantised_copies_and_leaves_the_session_model_alone(tiny_dir, tmp_path):
    """--backend int8: a dynamically quantised copy per state (adapter merged and unloaded / bare base)."""
    import torch

    from sft.session import InferenceSession
    from sft.train import FinetuneConfig, finetune

    adapter = tmp_path / "adapter"
    finetune(FinetuneConfig(model=str(tiny_dir), out=str(adapter), examples=4, epochs=1.0, batch_size=4,
                            micro_batch_size=4, lora_r=4, device="cpu", dtype="fp32", prompt="short"))
    ws = InferenceSession(str(tiny_dir), adapter, device="cpu", dtype=torch.float32, max_new_tokens=4,
                          backend="int8")
    base = InferenceSession(str(tiny_dir), adapter, device="cpu", dtype=torch.float32, max_new_tokens=4)
    for with_adapter in (True, False):
        q = ws.int8_model(with_adapter)
        kinds = {type(m).__name__ for m in q.modules()}
        assert "Linear" in kinds and not any("lora" in k.lower() for k in kinds), kinds
        assert any(type(m).__module__.startswith("torch.ao.nn.quantized") for m in q.modules())
        assert ws.int8_model(with_adapter) is q  # made once
        gens = ws.extractor(adapter=with_adapter, constrained=False, prompt="short")(["明天北京天气"])
        assert len(gens) == 1 and gens[0].new_tokens >= 1
    # the session's own (fp32) model is untouched: its answers equal a plain session's
    with ws.adapter_state(True), base.adapter_state(True):
        plain = base.extractor(adapter=True, constrained=False, prompt="short")(["6月1号上海"])
        ws.backend = "torch"
        same = ws.extractor(adapter=True, constrained=False, prompt="short")(["6月1号上海"])
    assert plain[0].text == same[0].text
    with pytest.raises(ValueError, match="unknown backend 'onnx'"):
        InferenceSession(str(tiny_dir), backend="onnx")
