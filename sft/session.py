"""The inference session: a base model loaded once, the trained adapter attached on demand, and an
explicit merged state, so that every caller (the bench's contenders, ``qwen-sft extract``, the speed
suite) runs the adapter merged and the bare base unmerged, whatever the order.

PEFT's ``disable_adapter()`` unmerges merged LoRA weights and re-enabling does not merge them again: a
contender that ran after a base-model contender used to run unmerged (slower, issue 15). Here
:meth:`InferenceSession.adapter_state` merges before an adapter run and unmerges before a base run.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from sft.engine import Extractor
from sft.errors import UserError
from sft.train import ADAPTER_META  # written by `qwen-sft finetune` beside the PEFT adapter

#: How the model runs. ``torch``: the loaded weights as they are (fp32 or bf16 on a CPU, 4-bit on CUDA).
#: ``int8``: CPU only, the linear layers but the output layer quantised to int8 with torch's dynamic
#: quantisation (``torch.ao.quantization.quantize_dynamic``: per-channel int8 weights, activations quantised
#: per batch), applied to a copy of the model in the state a contender needs (the adapter merged, or the
#: bare base).
BACKENDS = ("torch", "int8")

#: The engine's KV cache: ``auto`` (static on CUDA, dynamic on a CPU), ``static`` (sft.static_cache: fixed
#: shapes, CUDA graphs on CUDA), ``dynamic`` (transformers' growing cache, shared opening, finished rows leave);
#: ``static-host``: static with the decode loop on the host (sft.device_loop off; for comparisons).
ENGINES = ("auto", "static", "dynamic", "static-host")
#: +json contenders' free-first decoding (sft.engine.Extractor.free_first): auto = by batch size, as measured
FREE_FIRST = {"auto": None, "on": True, "off": False}


def adapter_meta(adapter: str | Path) -> dict:
    """The training record beside an adapter (base model, prompt, recipe, figures).

    A checkpoint folder (``runs/adapter/checkpoints/checkpoint-40``) has none of its own: its run's record,
    up the tree, is used, so a checkpoint scores with the prompt it was trained on.
    """
    path = Path(adapter)
    if not (path / "adapter_config.json").is_file():
        raise FileNotFoundError(
            f"no adapter at {path}: run `qwen-sft finetune --out {path}` first, or pass --adapter PATH"
        )
    for meta in (path / ADAPTER_META, path.parent / ADAPTER_META, path.parent.parent / ADAPTER_META):
        if meta.is_file():
            return json.loads(meta.read_text(encoding="utf-8"))
    return {}


class InferenceSession:
    """Loads the base model once and attaches the adapter when a caller needs it; the LoRA weights are
    merged into the base for adapter runs and unmerged for base runs (:meth:`adapter_state`)."""

    def __init__(self, model: str = "embedded", adapter: str | Path | None = None, *, device=None, dtype=None,
                 batch_size: int = 32, max_new_tokens: int = 48, trust_remote_code: bool = False,
                 jump_forward: bool = True, copy_city: bool = True, backend: str = "torch",
                 share_prefix: bool = True, engine: str = "auto", cuda_graphs: bool = True,
                 free_first: str = "auto", lookup: int | None = None):
        if engine not in ENGINES:
            raise UserError(f"unknown engine {engine!r}; valid: {', '.join(ENGINES)}")
        if backend not in BACKENDS:
            raise UserError(f"unknown backend {backend!r}; valid: {', '.join(BACKENDS)}")
        self.backend = backend
        self._int8: dict[bool, object] = {}  # adapter? -> the quantised copy of the model in that state
        self.model_spec, self.adapter = model, adapter
        self.device, self.dtype = device, dtype
        self.batch_size, self.max_new_tokens = batch_size, max_new_tokens
        self.trust_remote_code = trust_remote_code
        self.jump_forward = jump_forward  # +json contenders: append forced tokens instead of decoding them
        self.copy_city = copy_city  # +json contenders: the city must be copied from the question (or null)
        if free_first not in FREE_FIRST:
            raise UserError(f"unknown free-first setting {free_first!r}; valid: {', '.join(FREE_FIRST)}")
        self.free_first = free_first  # +json contenders: decode freely, constrain only the refused rows (sft.engine)
        self.share_prefix = share_prefix  # the prompts' common opening runs once per batch (sft.engine)
        self.lookup = lookup  # a batch of one row: tokens per model call by prompt lookup (sft.lookup); None: default
        self.engine, self.cuda_graphs = engine, cuda_graphs  # sft.engine's static or dynamic cache; CUDA graphs
        self.last_engine: str | None = None  # what the last extractor ran (Extractor.engine_label)
        self.loaded = None
        self.peft_model = None
        self.merged = False  # whether the LoRA weights are folded into the base right now
        self.load_seconds: float | None = None

    def base(self):
        if self.loaded is None:
            from sft.models import resolve

            self.loaded = resolve(self.model_spec, device=self.device, dtype=self.dtype,
                                  trust_remote_code=self.trust_remote_code)
            self.load_seconds = self.loaded.seconds
        return self.loaded

    def with_adapter(self):
        if self.peft_model is None:
            from peft import PeftModel

            if self.adapter is None:
                raise UserError("the qlora contenders need an adapter: pass --adapter PATH")
            meta = adapter_meta(self.adapter)
            base_spec = meta.get("base_model")
            if base_spec and base_spec != self.model_spec:
                raise UserError(
                    f"adapter {self.adapter} was trained on base model {base_spec!r}, not {self.model_spec!r}: "
                    f"pass --model {base_spec}"
                )
            self.peft_model = PeftModel.from_pretrained(self.base().model, str(self.adapter)).eval()
        return self.peft_model

    def _mergeable(self) -> bool:
        # a 4-bit or pre-quantised (GPTQ) base keeps LoRA beside its layers: peft cannot fold it in
        return not getattr(self.base().model, "is_quantized", False)

    def merge(self) -> None:
        """Fold the LoRA weights into the base (inference speed), if not done yet and if possible."""
        if self.peft_model is not None and not self.merged and self._mergeable():
            self.peft_model.merge_adapter()
            self.merged = True

    def unmerge(self) -> None:
        if self.peft_model is not None and self.merged:
            self.peft_model.unmerge_adapter()
            self.merged = False

    def extractor(self, *, adapter: bool, constrained: bool, prompt: str, batch_size: int | None = None):
        """An extractor over the adapter (merged, as :meth:`adapter_state` leaves it) or over the base; a base
        run after an adapter run still needs ``adapter_state(False)`` around it."""
        loaded = self.base()
        if adapter:
            model = self.with_adapter()
            self.merge()  # callers that time an adapter extractor without adapter_state still get it merged
        else:
            model = self.peft_model or loaded.model
        if self.backend == "int8":
            model = self.int8_model(adapter)
        constraint = None
        if constrained:
            from sft.grammar import JsonSchemaConstraint

            constraint = JsonSchemaConstraint(loaded.tokenizer, vocab_size=model.config.vocab_size,
                                              copy_city=self.copy_city,
                                              copy_date=adapter and self.dates_for(True) == "phrase")
        static = {"auto": None, "static": True, "dynamic": False, "static-host": True}[self.engine]
        return Extractor(model, loaded.tokenizer, prompt=prompt, batch_size=batch_size or self.batch_size,
                         max_new_tokens=self.max_new_tokens, constraint=constraint, jump_forward=self.jump_forward,
                         share_prefix=self.share_prefix, static=static, cuda_graphs=self.cuda_graphs,
                         device_loop=self.engine != "static-host", free_first=FREE_FIRST[self.free_first],
                         lookup=self.lookup)

    def int8_model(self, adapter: bool):
        """A copy of the model with the adapter merged and unloaded (``adapter``) or the bare base, every
        ``nn.Linear`` but the output layer quantised to int8 (per channel) by torch's dynamic quantisation;
        made once per state."""
        if adapter not in self._int8:
            import copy

            import torch
            from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

            loaded = self.base()
            if next(loaded.model.parameters()).device.type != "cpu":
                raise UserError("--backend int8 runs on the CPU (torch dynamic quantisation): add --device cpu")
            if adapter:
                self.with_adapter()
                if not self._mergeable():
                    raise UserError("--backend int8 needs an unquantised base to merge the adapter into")
                self.merge()
                plain = copy.deepcopy(self.peft_model).merge_and_unload()
            elif self.peft_model is not None:
                self.unmerge()
                plain = copy.deepcopy(self.peft_model).unload()
            else:
                plain = copy.deepcopy(loaded.model)
            plain = plain.float().eval()
            # per-channel weight scales, and the output layer (tied to the embeddings) left in fp32: per-tensor
            # int8 of every layer cut qlora+resolve from 89.2 to 56.7 % (reports/cpu-engines)
            head = plain.get_output_embeddings()
            spec = {name: per_channel_dynamic_qconfig for name, module in plain.named_modules()
                    if isinstance(module, torch.nn.Linear) and module is not head}
            self._int8[adapter] = quantize_dynamic(plain, spec, dtype=torch.qint8)
        return self._int8[adapter]

    @contextlib.contextmanager
    def adapter_state(self, enabled: bool):
        """The model state for one run: the adapter merged (``enabled``), or the bare base, unmerged and with
        the adapter disabled, even after the adapter was attached. Explicit, so the order of runs never
        changes what is measured."""
        if enabled:
            self.with_adapter()
            self.merge()
            yield
        elif self.peft_model is None:
            yield
        else:
            self.unmerge()
            with self.peft_model.disable_adapter():
                yield

    def dates_for(self, adapter: bool) -> str:
        """The adapter's date target (:data:`sft.task.DATE_TARGETS`): ``phrase`` adapters copy a relative
        date as written and were trained without a reference day in the prompt. The base model: resolved."""
        if adapter and self.adapter:
            return adapter_meta(self.adapter).get("train", {}).get("dates") or "resolved"
        return "resolved"

    def prompt_for(self, adapter: bool) -> str:
        if adapter:
            return adapter_meta(self.adapter).get("prompt", "tutorial") if self.adapter else "tutorial"
        return "tutorial"

