"""The hub side of the model resolver: ModelScope ids, download errors, and Qwen-1's chat prompt.

The tutorial loaded ``qwen/Qwen-1_8B-Chat-Int4`` with ``modelscope.snapshot_download`` and talked to it
through Qwen-1's remote-code ``model.chat``. This module keeps the parts of that path that do not need
the model itself: telling a ModelScope id from a Hugging Face id, downloading a snapshot with one-line
errors instead of tracebacks, and the exact ChatML text ``model.chat`` sends for one question (the
Qwen-1 tokenizer has no chat template). What runs the model on today's stack, and what does not, is in
docs/tutorial-model.md.

How a spec is told to be a ModelScope id (:func:`is_modelscope_id`):

* ``modelscope:<org>/<name>`` is always one (the explicit form, for any ModelScope org);
* a folder or file that exists is never one (a local path wins), nor is ``random:...`` or any other
  ``scheme:`` spec;
* otherwise ``<org>/<name>`` is one when ``<org>`` is in :data:`MODELSCOPE_ORGS`, compared case-
  sensitively: ModelScope's Qwen org is spelled ``qwen`` (``qwen/Qwen-1_8B-Chat-Int4``), Hugging Face's
  ``Qwen`` (``Qwen/Qwen2.5-0.5B-Instruct``). A lower-case org alone proves nothing (``google/...``,
  ``openai-community/...`` are Hugging Face ids), so the rule names orgs instead of guessing.
"""

from __future__ import annotations

import importlib
import os
import re
from pathlib import Path

from sft.errors import UserError

#: Org names (case-sensitive) whose bare ``org/name`` ids are read as ModelScope ids.
MODELSCOPE_ORGS = frozenset({"qwen"})

MODELSCOPE_PREFIX = "modelscope:"

#: The system message Qwen-1's ``model.chat`` and its finetune.py use unless told otherwise.
QWEN1_SYSTEM = "You are a helpful assistant."
IM_START, IM_END = "<|im_start|>", "<|im_end|>"

INSTALL_HINT = "ModelScope ids need the extra: pip install 'qwen-sft[modelscope]'"

_REPO_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Exception classes from these packages are download failures, whatever their base class.
_NETWORK_MODULES = ("modelscope", "modelscope_hub", "requests", "urllib3", "httpx", "huggingface_hub")


class HubError(UserError, RuntimeError):
    """A model could not be fetched from a hub; the message is one line that says what to do."""


def is_modelscope_id(spec: str) -> bool:
    """True when ``spec`` names a ModelScope model (see the module docstring for the rule)."""
    spec = spec.strip()
    if spec.startswith(MODELSCOPE_PREFIX):
        return bool(_REPO_ID.match(spec[len(MODELSCOPE_PREFIX):]))
    if _SCHEME.match(spec) or not _REPO_ID.match(spec):
        return False
    if Path(spec).expanduser().exists():
        return False
    return spec.split("/", 1)[0] in MODELSCOPE_ORGS


def modelscope_model_id(spec: str) -> str:
    """The bare ModelScope id of ``spec`` (``modelscope:`` prefix removed)."""
    spec = spec.strip()
    return spec[len(MODELSCOPE_PREFIX):] if spec.startswith(MODELSCOPE_PREFIX) else spec


def modelscope_snapshot(model_id: str, cache_dir: str | Path | None = None) -> Path:
    """The local folder of ModelScope model ``model_id``, downloaded into ``cache_dir`` if not cached.

    The cache is tried first without network (``local_files_only=True``), so a model downloaded once
    loads offline. A failed download raises :class:`HubError` with a one-line message naming the id,
    the cache folder and what to do; so does a missing ``modelscope`` package.
    """
    model_id = modelscope_model_id(model_id)
    try:
        modelscope = importlib.import_module("modelscope")
    except ImportError:
        raise HubError(INSTALL_HINT) from None
    cache = str(cache_dir) if cache_dir is not None else None
    try:
        return Path(modelscope.snapshot_download(model_id, cache_dir=cache, local_files_only=True))
    except Exception:  # not cached: ValueError (modelscope 1.20) or CacheNotFound (1.40); download
        pass
    try:
        return Path(modelscope.snapshot_download(model_id, cache_dir=cache))
    except Exception as exc:
        if not _is_download_failure(exc):
            raise
        where = cache if cache is not None else _modelscope_default_cache()
        raise HubError(
            f"ModelScope model {model_id!r} is not in the cache at {where} and could not be downloaded "
            f"({_reason(exc)}); connect to the internet and retry, or pass a local folder with --model PATH"
        ) from None


def hf_snapshot_error(model_id: str, exc: BaseException) -> HubError:
    """The one-line :class:`HubError` for a Hugging Face id that is neither cached nor downloadable.

    transformers raises ``OSError`` when it cannot find the files offline; the caller raises what this
    returns (``raise hf_snapshot_error(spec, exc) from None``).
    """
    return HubError(
        f"Hugging Face model {model_id!r} is not in the cache at {_hf_default_cache()} and could not be "
        f"downloaded ({_reason(exc)}); connect to the internet and retry, or pass a local folder with "
        "--model PATH"
    )


def qwen1_chat_prompt(query: str, system: str = QWEN1_SYSTEM) -> str:
    """The exact text Qwen-1's ``model.chat(tokenizer, query, history=None)`` feeds the model.

    It is ``raw_text`` of ``make_context`` in Qwen-1's qwen_generation_utils.py (chat_format
    ``chatml``) for one turn and no history: a system turn, the user turn, and an open assistant turn.
    The model's answer follows it and ends with ``<|im_end|>``.
    """
    return (
        f"{IM_START}system\n{system}{IM_END}\n"
        f"{IM_START}user\n{query}{IM_END}\n"
        f"{IM_START}assistant\n"
    )


def prepare_qwen1_remote_code() -> None:
    """Let Qwen-1's remote code (``modeling_qwen.py``) load on transformers 5 (docs/tutorial-model.md, 2c).

    The file imports ``transformers_stream_generator`` inside ``chat_stream``; transformers' ``check_imports``
    imports every such package before loading, and the package's latest release (0.0.5) cannot be imported
    on transformers 5. When it is not importable, an empty module of that name stands in: only
    ``chat_stream`` (streaming chat, unused here) would need it.
    """
    import importlib.util
    import sys
    import types

    name = "transformers_stream_generator"
    if name in sys.modules:
        return
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if found:
        try:
            importlib.import_module(name)
            return
        except ImportError:
            pass
    stub = types.ModuleType(name)
    stub.__doc__ = "qwen-sft stand-in: Qwen-1's chat_stream is not supported on transformers 5"
    sys.modules[name] = stub


def patch_qwen1_model(model) -> bool:
    """Give Qwen-1's ``QWenModel`` the ``get_head_mask`` transformers 5 removed (head masking is gone:
    huggingface/transformers#41076); its forward calls it with a mask that is always None. Returns True
    when a class was patched."""
    patched = False
    for module in model.modules():
        cls = type(module)
        if cls.__name__ == "QWenModel" and not hasattr(cls, "get_head_mask"):
            cls.get_head_mask = lambda self, head_mask, num_layers, *args, **kwargs: [None] * num_layers
            patched = True
    return patched


def _is_download_failure(exc: BaseException) -> bool:
    if isinstance(exc, OSError):  # ConnectionError, TimeoutError, modelscope_hub's NetworkError, ...
        return True
    return any(type(exc).__module__.split(".")[0] == name for name in _NETWORK_MODULES)


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "no message"
    text = f"{type(exc).__name__}: {text}"
    return text if len(text) <= 160 else text[:157] + "..."


def _modelscope_default_cache() -> str:
    return os.environ.get("MODELSCOPE_CACHE") or str(Path.home() / ".cache" / "modelscope")


def _hf_default_cache() -> str:
    try:
        from huggingface_hub import constants

        return str(constants.HF_HUB_CACHE)
    except ImportError:  # pragma: no cover - transformers always brings huggingface_hub
        home = os.environ.get("HF_HOME") or str(Path.home() / ".cache" / "huggingface")
        return os.environ.get("HF_HUB_CACHE") or str(Path(home) / "hub")
