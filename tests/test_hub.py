"""sft.hub without network: a fake ``modelscope`` module stands in for the real one."""

from __future__ import annotations

import json
import sys
import time
import types

import pytest

from sft import hub
from sft.hub import HubError

ID = "qwen/Qwen-1_8B-Chat-Int4"


def fake_modelscope(monkeypatch, snapshot_download):
    module = types.ModuleType("modelscope")
    module.snapshot_download = snapshot_download
    monkeypatch.setitem(sys.modules, "modelscope", module)
    return module


class Recorder:
    """A ``snapshot_download`` that has nothing cached and downloads into ``<cache_dir>/<id>``."""

    def __init__(self, fail_download: BaseException | None = None, cached: bool = False):
        self.calls = []
        self.fail_download = fail_download
        self.cached = cached

    def __call__(self, model_id, revision=None, cache_dir=None, local_files_only=False, **kwargs):
        call = {"model_id": model_id, "cache_dir": cache_dir, "local_files_only": local_files_only}
        self.calls.append(call)
        if local_files_only and not self.cached:
            raise ValueError("Cannot find the requested files in the cached path")  # modelscope 1.20's miss
        if not local_files_only and self.fail_download is not None:
            raise self.fail_download
        return f"{cache_dir}/{model_id}"


def test_snapshot_downloads_into_the_cache_dir_and_returns_the_folder(monkeypatch, tmp_path):
    record = Recorder()
    fake_modelscope(monkeypatch, record)
    folder = hub.modelscope_snapshot(ID, tmp_path / "ms")
    assert folder == tmp_path / "ms" / "qwen" / "Qwen-1_8B-Chat-Int4"
    assert [c["model_id"] for c in record.calls] == [ID, ID]
    assert {c["cache_dir"] for c in record.calls} == {str(tmp_path / "ms")}
    assert [c["local_files_only"] for c in record.calls] == [True, False]  # cache first, then network


def test_snapshot_of_a_cached_model_never_touches_the_network(monkeypatch, tmp_path):
    record = Recorder(fail_download=ConnectionError("no network"), cached=True)
    fake_modelscope(monkeypatch, record)
    assert hub.modelscope_snapshot(f"modelscope:{ID}", tmp_path) == tmp_path / ID
    assert record.calls == [{"model_id": ID, "cache_dir": str(tmp_path), "local_files_only": True}]


@pytest.mark.parametrize("failure", [
    ConnectionError("HTTPSConnectionPool(host='modelscope.cn', port=443): Max retries exceeded\nwith url"),
    OSError("[Errno -2] Name or service not known"),
    TimeoutError("timed out"),
])
def test_offline_failure_is_one_line_naming_id_cache_and_remedy(monkeypatch, tmp_path, failure):
    fake_modelscope(monkeypatch, Recorder(fail_download=failure))
    with pytest.raises(HubError) as info:
        hub.modelscope_snapshot(ID, tmp_path)
    message = str(info.value)
    assert "\n" not in message
    assert ID in message and str(tmp_path) in message
    assert "--model PATH" in message and "connect" in message
    assert info.value.__cause__ is None and info.value.__suppress_context__  # no chained traceback


def test_a_hub_package_error_that_is_not_an_oserror_is_still_a_download_failure(monkeypatch, tmp_path):
    NotFound = type("NotExistError", (Exception,), {"__module__": "modelscope.hub.errors"})
    fake_modelscope(monkeypatch, Recorder(fail_download=NotFound("model qwen/nope does not exist")))
    with pytest.raises(HubError, match="does not exist"):
        hub.modelscope_snapshot("qwen/nope", tmp_path)


def test_a_bug_is_not_disguised_as_a_network_error(monkeypatch, tmp_path):
    fake_modelscope(monkeypatch, Recorder(fail_download=TypeError("unexpected keyword argument")))
    with pytest.raises(TypeError):
        hub.modelscope_snapshot(ID, tmp_path)


def test_default_cache_dir_is_named_when_none_is_given(monkeypatch, tmp_path):
    monkeypatch.setenv("MODELSCOPE_CACHE", str(tmp_path / "envcache"))
    record = Recorder(fail_download=ConnectionError("offline"))
    fake_modelscope(monkeypatch, record)
    with pytest.raises(HubError, match="envcache"):
        hub.modelscope_snapshot(ID)
    assert record.calls[-1]["cache_dir"] is None  # modelscope picks its own default


def test_missing_modelscope_package_gives_the_extra_install_hint(monkeypatch):
    monkeypatch.setitem(sys.modules, "modelscope", None)  # makes `import modelscope` raise ImportError
    with pytest.raises(HubError) as info:
        hub.modelscope_snapshot(ID)
    assert str(info.value) == "ModelScope ids need the extra: pip install 'qwen-sft[modelscope]'"


def test_hf_snapshot_error_is_one_line():
    exc = OSError("We couldn't connect to 'https://huggingface.co' to load the files,\nand couldn't find it")
    error = hub.hf_snapshot_error("Qwen/Qwen2.5-0.5B-Instruct", exc)
    assert isinstance(error, HubError) and isinstance(error, RuntimeError)
    message = str(error)
    assert "\n" not in message and len(message) < 400
    assert "'Qwen/Qwen2.5-0.5B-Instruct'" in message and "--model PATH" in message
    assert "OSError: We couldn't connect" in message and "not in the cache at " in message


@pytest.mark.parametrize("spec, expected", [
    ("qwen/Qwen-1_8B-Chat-Int4", True),             # the tutorial's id: ModelScope spells the org qwen
    ("qwen/Qwen-7B-Chat", True),
    ("modelscope:qwen/Qwen-1_8B-Chat-Int4", True),  # explicit prefix
    ("modelscope:damo/nlp_structbert_base", True),  # explicit prefix, any org
    ("  qwen/Qwen-1_8B-Chat-Int4 ", True),
    ("Qwen/Qwen2.5-0.5B-Instruct", False),          # Hugging Face: capital org
    ("Qwen/Qwen-1_8B-Chat-Int4", False),
    ("openai-community/gpt2", False),               # lower-case org on Hugging Face: not ModelScope
    ("google/gemma-2b", False),
    ("random:qwen2.5-0.5b", False),
    ("random:qwen/x", False),
    ("hf:qwen/Qwen-1_8B-Chat-Int4", False),
    ("embedded", False),
    ("model.gguf", False),
    ("./qwen/Qwen-1_8B-Chat-Int4", False),
    ("/abs/qwen/Qwen-1_8B-Chat-Int4", False),
    ("qwen/a/b", False),
    ("modelscope:", False),
    ("", False),
])
def test_is_modelscope_id(spec, expected):
    assert hub.is_modelscope_id(spec) is expected


def test_an_existing_local_folder_is_never_a_modelscope_id(monkeypatch, tmp_path):
    (tmp_path / "qwen" / "Qwen-1_8B-Chat-Int4").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert hub.is_modelscope_id("qwen/Qwen-1_8B-Chat-Int4") is False
    assert hub.is_modelscope_id("modelscope:qwen/Qwen-1_8B-Chat-Int4") is True  # explicit beats local


def test_qwen1_chat_prompt_is_make_context_raw_text():
    # make_context's raw_text for chat_format="chatml", history=None, system="You are a helpful assistant."
    expected = (
        "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
        "<|im_start|>user\n4月6号青岛天气预报?<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    assert hub.qwen1_chat_prompt("4月6号青岛天气预报?") == expected
    custom = "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nq<|im_end|>\n<|im_start|>assistant\n"
    assert hub.qwen1_chat_prompt("q", system="S") == custom


def test_tutorial_train_txt_record_is_what_qwen_finetune_reads():
    # generate_dataset.py: A = json.dumps({...}, ensure_ascii=False); the file is json.dumps(list) (ASCII)
    prompt = '\n给定一句话：“%s”，请你按步骤要求工作。\n\n请问，这个JSON字符串是：\n'
    date = time.strftime("%m-%d", time.strptime("2024-4-6", "%Y-%m-%d"))
    answer = json.dumps({"city": "攀枝花市", "date": date}, ensure_ascii=False)
    record = {"id": "identity_0", "conversations": [
        {"from": "user", "value": prompt % ("4月6日攀枝花市的天气",)},
        {"from": "assistant", "value": answer},
    ]}
    text = json.dumps([record])
    assert text.isascii()  # the tutorial wrote train.txt with json.dumps' default ensure_ascii=True
    (loaded,) = json.loads(text)
    from sft.datagen import _example

    example = _example(loaded)  # our reader finds the question inside the tutorial's prompt
    assert example.query == "4月6日攀枝花市的天气" and example.answer.to_json() == answer
    assert [turn["from"] for turn in loaded["conversations"]] == ["user", "assistant"]  # finetune.py roles
    # finetune.py's preprocess builds the inference prompt plus the answer and <|im_end|>\n
    train_text = hub.qwen1_chat_prompt(loaded["conversations"][0]["value"]) + answer + "<|im_end|>\n"
    assert train_text.startswith(hub.qwen1_chat_prompt(prompt % ("4月6日攀枝花市的天气",)))


def test_render_without_a_chat_template_is_qwen1_model_chat_text(tokenizer):
    import copy

    from sft.prompt import render, user_message

    qwen1 = copy.copy(tokenizer)
    qwen1.chat_template = None
    q = "4月6号青岛天气预报?"
    assert render(qwen1, q) == hub.qwen1_chat_prompt(user_message(q))
    assert render(qwen1, q, "short").startswith("<|im_start|>system\n<|im_end|>\n")
    assert render(tokenizer, q) != render(qwen1, q)  # Qwen2.5's template has its own default system turn


def test_qwen1_remote_code_shims(monkeypatch):
    import importlib
    import sys

    import torch

    monkeypatch.delitem(sys.modules, "transformers_stream_generator", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    hub.prepare_qwen1_remote_code()
    assert importlib.import_module("transformers_stream_generator").__doc__.startswith("qwen-sft stand-in")

    class QWenModel(torch.nn.Module):  # what Qwen-1's modeling_qwen.py defines, minus get_head_mask
        pass

    class QWenLMHeadModel(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.transformer = QWenModel()

    model = QWenLMHeadModel()
    assert hub.patch_qwen1_model(model) is True
    assert model.transformer.get_head_mask(None, 24) == [None] * 24
    assert hub.patch_qwen1_model(model) is False  # once
