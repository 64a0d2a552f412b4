import json
import warnings

import pytest
import torch
from safetensors.torch import load_file

from sft.datagen import generate, write
from sft.prompt import render
from sft.train import AnswerOnlyCollator, FinetuneConfig, answer_loss, finetune, tokenize_examples


def tiny_cfg(tiny_dir, out, **kw):
    base = dict(model=str(tiny_dir), out=str(out), examples=24, epochs=1.0, batch_size=4, micro_batch_size=2,
                save_steps=3, logging_steps=1, learning_rate=1e-3, lora_r=4, lora_alpha=8, device="cpu",
                dtype="fp32", prompt="short", mix="extended")
    return FinetuneConfig(**{**base, **kw})


def test_collator_masks_the_prompt_and_keeps_only_answer_logits(tokenizer):
    examples = generate(n=3, seed=1, mix="extended")
    data, dropped = tokenize_examples(tokenizer, examples, "short", 512)
    assert dropped == 0
    batch = AnswerOnlyCollator(tokenizer.pad_token_id)(data)
    k = batch["logits_to_keep"] - 1
    assert batch["labels"].shape == (3, k + 1)
    assert (batch["labels"][:, 0] == -100).all()
    for r, (ex, d) in enumerate(zip(examples, data)):
        target = batch["labels"][r][batch["labels"][r] != -100].tolist()
        assert tokenizer.decode(target) == ex.answer.to_json() + "<|im_end|>"
        assert len(target) == d["answer_len"]
    # Left padding: every sequence ends at the last column, so the kept logits cover every answer.
    assert (batch["attention_mask"][:, -1] == 1).all()


def test_prompts_rendered_by_several_processes_are_the_same_texts(tokenizer):
    """sft.train.render_prompts: the `gpu` profile's 192,000 examples are rendered by spawned processes; the texts,
    their order and their hint lines are those rendered in one process."""
    from sft.train import render_prompts

    examples = generate(n=24, seed=4, mix="extended")
    alone = render_prompts(tokenizer, examples, "places-dates", workers=1)
    assert alone == [render(tokenizer, ex.query, "places-dates", today=getattr(ex, "today", None)) for ex in examples]
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)  # the pool's fallback warns: it must not be what ran here
        assert render_prompts(tokenizer, examples, "places-dates", workers=2, parallel_min=0) == alone


def test_examples_tokenized_in_batches_are_the_ids_of_one_text_at_a_time(tokenizer):
    """tokenize_examples encodes lists (a fast tokenizer's threads): each prompt's and answer's ids, their boundary and
    the too-long ones dropped are those of one text at a time."""
    from sft.prompt import end_of_turn

    examples = generate(n=30, seed=5, mix="extended")
    data, dropped = tokenize_examples(tokenizer, examples, "places-dates", 90)
    eot, expected = end_of_turn(tokenizer), []
    for ex in examples:
        p = tokenizer(render(tokenizer, ex.query, "places-dates", today=getattr(ex, "today", None)),
                      add_special_tokens=False)["input_ids"]
        a = tokenizer(ex.answer.to_json() + eot, add_special_tokens=False)["input_ids"]
        if len(p) + len(a) <= 90:
            expected.append({"input_ids": p + a, "answer_len": len(a)})
    assert data == expected and dropped == len(examples) - len(expected) > 0


def test_answer_loss_matches_full_logits_loss(tiny, tokenizer):
    model, _ = tiny
    data, _ = tokenize_examples(tokenizer, generate(n=2, seed=2, mix="extended"), "short", 512)
    batch = AnswerOnlyCollator(tokenizer.pad_token_id)(data)
    labels = batch.pop("labels")
    k1 = batch.pop("logits_to_keep")
    with torch.no_grad():
        kept = answer_loss(model(**batch, logits_to_keep=k1), labels)
        full = model(**batch).logits
    width = batch["input_ids"].shape[1]
    full_labels = torch.full((2, width), -100)
    full_labels[:, width - k1:] = labels
    ref = torch.nn.functional.cross_entropy(full[:, :-1].reshape(-1, full.size(-1)), full_labels[:, 1:].reshape(-1))
    assert torch.allclose(kept, ref, atol=1e-5)


def test_finetune_saves_a_peft_adapter_with_a_card(tiny_dir, tmp_path):
    out = tmp_path / "adapter"
    train = finetune(tiny_cfg(tiny_dir, out))
    assert train["steps"] == 6 and train["examples"] == 24 and len(train["loss_curve"]) == 6
    assert (out / "adapter_model.safetensors").is_file()
    # where the time before the first step went, phase by phase; the steps' own time is within the run's
    assert set(train["prep_seconds"]) == {"data", "model_load", "prompts_and_tokens", "lora_and_trainer"}
    assert all(v >= 0 for v in train["prep_seconds"].values())
    assert len(train["step_seconds"]) == 6 and sum(train["step_seconds"]) <= train["seconds"]
    meta = json.loads((out / "qwen_sft.json").read_text())
    assert meta["base_model"] == str(tiny_dir) and meta["prompt"] == "short"
    assert "LoRA over the unquantised" in train["mode"]
    card = (out / "README.md").read_text()
    assert "base_model:" in card and train["data_sha256"][:16] in card

    from peft import AutoPeftModelForCausalLM  # as in the tutorial's SFT_model.py

    model = AutoPeftModelForCausalLM.from_pretrained(out)
    assert model.peft_config["default"].r == 4
    with pytest.raises(FileExistsError, match="already holds an adapter"):
        finetune(tiny_cfg(tiny_dir, out))


def test_resume_ends_at_the_same_adapter(tiny_dir, tmp_path):
    full, parts = tmp_path / "full", tmp_path / "parts"
    finetune(tiny_cfg(tiny_dir, full))
    stopped = finetune(tiny_cfg(tiny_dir, parts, stop_after_steps=3))
    assert stopped["steps"] == 3 and not (parts / "adapter_model.safetensors").exists()
    assert (parts / "checkpoints" / "checkpoint-3").is_dir()
    resumed = finetune(tiny_cfg(tiny_dir, parts, resume=True))
    assert resumed["steps"] == 6
    a, b = load_file(full / "adapter_model.safetensors"), load_file(parts / "adapter_model.safetensors")
    assert a.keys() == b.keys()
    for key in a:
        assert torch.allclose(a[key], b[key], atol=1e-6), key


def test_checkpoints_change_no_weight(tiny_dir, tmp_path):
    """How often a run checkpoints (the `gpu` profile's --save-steps went 50 -> 500) leaves the adapter as it is."""
    often, never = tmp_path / "often", tmp_path / "never"
    finetune(tiny_cfg(tiny_dir, often, save_steps=1))
    finetune(tiny_cfg(tiny_dir, never, save_steps=100))
    assert len(list((often / "checkpoints").glob("checkpoint-*"))) == 2  # save_total_limit keeps the last two
    assert [c.name for c in (never / "checkpoints").glob("checkpoint-*")] == ["checkpoint-6"]  # the last step's only
    a, b = load_file(often / "adapter_model.safetensors"), load_file(never / "adapter_model.safetensors")
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


def test_resume_refuses_other_settings(tiny_dir, tmp_path, monkeypatch):
    import sft.train

    out = tmp_path / "run"
    finetune(tiny_cfg(tiny_dir, out, stop_after_steps=2))
    monkeypatch.setattr(sft.train, "resolve", lambda *a, **k: pytest.fail("a model loaded"), raising=False)
    with pytest.raises(ValueError, match="trained with data_sha256 .*--data/--examples/--mix/--seed"):
        finetune(tiny_cfg(tiny_dir, out, resume=True, seed=7))
    with pytest.raises(ValueError, match="trained with learning_rate"):
        finetune(tiny_cfg(tiny_dir, out, resume=True, learning_rate=0.5))


def test_resume_command_is_the_full_command(monkeypatch):
    from sft.train import FinetuneConfig, resume_command

    monkeypatch.setattr("sys.argv", ["qwen-sft", "finetune", "--profile", "cpu", "--examples", "64", "--out", "x y"])
    assert resume_command(FinetuneConfig()) == "qwen-sft finetune --profile cpu --examples 64 --out 'x y' --resume"


def test_resume_without_checkpoint_is_a_clear_error(tiny_dir, tmp_path):
    with pytest.raises(FileNotFoundError, match="no checkpoint"):
        finetune(tiny_cfg(tiny_dir, tmp_path / "none", resume=True))


def test_training_file_in_the_tutorial_format_is_accepted(tiny_dir, tmp_path):
    txt, _ = write(generate(n=8, seed=3), tmp_path / "data", prompt="tutorial")
    train = finetune(tiny_cfg(tiny_dir, tmp_path / "a", data=str(txt), prompt="tutorial", batch_size=4,
                              micro_batch_size=4))
    assert train["examples"] == 8 and train["steps"] == 2 and train["data"] == str(txt)


def test_training_file_in_a_wrong_format_names_the_file(tiny_dir, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl"):
        finetune(tiny_cfg(tiny_dir, tmp_path / "a", data=str(bad)))


def test_unknown_profile():
    with pytest.raises(ValueError, match="tutorial, cpu"):
        FinetuneConfig.from_profile("gpu-max")


def test_lora_targets_accepts_all_linear_or_a_module_list():
    from sft.train import lora_targets

    assert lora_targets("all-linear") == "all-linear"
    assert lora_targets("c_attn, c_proj,w1,w2") == ["c_attn", "c_proj", "w1", "w2"]
    with pytest.raises(ValueError, match="target-modules"):
        lora_targets(" , ")


def test_pre_quantized_models_get_no_bitsandbytes_on_top(tmp_path):
    from sft.train import pre_quantized_spec

    assert pre_quantized_spec("qwen/Qwen-1_8B-Chat-Int4") and pre_quantized_spec("Qwen/Qwen2.5-0.5B-Instruct-GPTQ-Int4")
    assert not pre_quantized_spec("embedded") and not pre_quantized_spec("Qwen/Qwen2.5-0.5B-Instruct")
    (tmp_path / "config.json").write_text(json.dumps({"quantization_config": {"quant_method": "gptq"}}))
    assert pre_quantized_spec(str(tmp_path))
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "qwen2"}))
    assert not pre_quantized_spec(str(tmp_path))


def test_speed_times_the_real_training_step(tiny_dir):
    from bench.speed import train_step_seconds

    result = train_step_seconds(str(tiny_dir), profile="cpu", steps=2, device="cpu", lora_r=4)
    assert result["steps"] == 2 and len(result["step_seconds"]) == 2 and result["median_s"] > 0
    assert result["batch"] == 8 and result["mode"].startswith("LoRA over the unquantised")


def test_a_nan_gradient_skips_the_step_instead_of_poisoning_the_weights():
    import torch

    from sft.train import drop_nonfinite_grads

    a, b = torch.nn.Parameter(torch.ones(3)), torch.nn.Parameter(torch.ones(2))
    a.grad, b.grad = torch.ones(3), torch.ones(2)
    assert not drop_nonfinite_grads([a, b]) and a.grad is not None  # finite: untouched
    b.grad = torch.tensor([1.0, float("nan")])
    opt = torch.optim.AdamW([a, b], lr=0.1, weight_decay=0.1)
    assert drop_nonfinite_grads([a, b]) and a.grad is None and b.grad is None
    opt.step()
    assert torch.equal(a.detach(), torch.ones(3)) and torch.equal(b.detach(), torch.ones(2))  # nothing moved


def test_torch_profile_writes_the_operator_tables(tiny_dir, tmp_path):
    """--torch-profile N: N steps after the warm-up ones under torch.profiler, the tables in OUT."""
    from sft.train import PROFILE_AFTER

    cfg = tiny_cfg(tiny_dir, tmp_path / "a", examples=2 * (PROFILE_AFTER + 2), batch_size=2, torch_profile=2,
                   save_steps=100)
    finetune(cfg)
    text = (tmp_path / "a" / "torch-profile.txt").read_text()
    assert text.startswith("torch.profiler over 2 steps") and "## by self_cpu_time_total" in text
    assert "aten::mm" in text or "aten::addmm" in text or "aten::linear" in text


def test_gpu_16_profile_is_the_old_default_at_a_quarter_of_the_batch():
    """`gpu-16` is `gpu-32k` at batch 16 on half the examples (lr ÷ √4) and the `real` mix, the default until
    2026-12-01 (`gpu` trained on `written-40` from 2026-12-02, on `written-60` since that afternoon); `gpu-32k` is
    `gpu-64k` on half the examples, its size until 2026-12-03 (1,000 steps of 64 then, 2,000 on 2026-12-04, 3,000
    since), on the train split's places and cities (`gpu` names every county since: `counties-4`, every city:
    `--cities all`)."""
    from sft.train import PROFILES, FinetuneConfig

    gpu, k32, old = PROFILES["gpu-short"], PROFILES["gpu-32k"], PROFILES["gpu-16"]
    # `gpu` is `gpu-short` on a hint prompt (`places` from 2026-12-04, evening, `places-dates` since 2026-12-05,
    # reports/h100-dates); the older sizes trained on `short`
    w60 = PROFILES["gpu-w60"]
    assert {k for k in gpu.keys() | w60.keys() if gpu.get(k) != w60.get(k)} == {"prompt"}
    assert (PROFILES["gpu-w60"]["prompt"], gpu["prompt"]) == ("places-dates", "short")
    assert {k for k in PROFILES["gpu"].keys() | PROFILES["gpu-w60"].keys()
            if PROFILES["gpu"].get(k) != PROFILES["gpu-w60"].get(k)} == {"mix"}
    assert PROFILES["gpu"]["mix"] == "written-60-two"
    assert {k for k in gpu.keys() | k32.keys() if gpu.get(k) != k32.get(k)} == {"examples", "places", "cities"}
    assert (gpu["places"], k32["places"], FinetuneConfig.from_profile("cpu").places) == ("counties-4", "train", "train")
    assert (gpu["cities"], k32["cities"], old["cities"], FinetuneConfig.from_profile("cpu").cities) == (
        "all", "train", "train", "train")
    k64, k128 = PROFILES["gpu-64k"], PROFILES["gpu-128k"]  # `gpu` from 2026-12-03, then on 2026-12-04 until 3,000 steps
    assert {k for k in gpu.keys() | k64.keys() if gpu.get(k) != k64.get(k)} == {"examples"}
    assert {k for k in gpu.keys() | k128.keys() if gpu.get(k) != k128.get(k)} == {"examples"}
    assert gpu["examples"] // gpu["batch_size"] == 3000 and k128["examples"] == 2 * k64["examples"]
    assert k128["examples"] // k128["batch_size"] == 2000
    assert k64["examples"] == 2 * k32["examples"] and k64["examples"] // k64["batch_size"] == 1000
    changed = {k for k in k32.keys() | old.keys() if k32.get(k) != old.get(k)}
    assert changed == {"examples", "batch_size", "micro_batch_size", "learning_rate", "save_steps", "mix"}
    assert (gpu["mix"], old["mix"], PROFILES["cpu"]["mix"]) == ("written-60", "real", "written")
    assert (gpu["prompt"], old["prompt"], PROFILES["cpu"]["prompt"]) == ("short", "short", "places-dates")
    assert k32["batch_size"] == 4 * old["batch_size"] and k32["examples"] == 2 * old["examples"]
    assert k32["examples"] // k32["batch_size"] == 500
    assert abs(k32["learning_rate"] / old["learning_rate"] - 2) < 0.02


def test_length_grouping_reads_the_tokenized_examples(tokenizer, tmp_path):
    """--group-by-length: transformers' LengthGroupedSampler takes our examples (mappings with input_ids)
    and its batches carry less padding than the examples' own order."""
    from transformers import TrainingArguments
    from transformers.trainer_pt_utils import LengthGroupedSampler

    from sft.train import _length_grouping

    TrainingArguments(output_dir=str(tmp_path), use_cpu=True, report_to=[], **_length_grouping(True))
    assert _length_grouping(False) == {}
    data, _ = tokenize_examples(tokenizer, generate(n=64, seed=3, mix="real"), "short", 512)
    torch.manual_seed(0)
    order = list(LengthGroupedSampler(8, dataset=data))
    assert sorted(order) == list(range(64))

    def padded(indices):
        return sum(8 * max(len(data[i]["input_ids"]) for i in indices[b : b + 8]) for b in range(0, 64, 8))

    assert padded(order) < padded(list(range(64)))
