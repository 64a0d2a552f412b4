"""The contenders: each turns a list of questions into a list of output texts, with timings.

``rule`` needs no model. The model contenders share one loaded base model and one generation loop
(:class:`sft.engine.Extractor`): ``prompt`` is the base model with the tutorial's prompt; ``qlora`` is the
base plus the trained adapter, with the prompt it was trained on; ``+json`` runs either under the answer
schema's grammar (:mod:`bench.constrained`). The scorer never knows which contender made an output.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from sft.engine import Extractor, Generation

CONTENDERS = ("rule", "prompt", "qlora", "prompt+json", "qlora+json")
ADAPTER_META = "qwen_sft.json"  # written by `qwen-sft finetune` beside the PEFT adapter


def check_names(names: list[str]) -> list[str]:
    unknown = [n for n in names if n not in CONTENDERS]
    if unknown:
        raise ValueError(f"unknown contender {unknown[0]!r}; valid: {', '.join(CONTENDERS)}")
    return names


@dataclass
class Run:
    outputs: list[str]
    generations: list[Generation] | None
    seconds: float
    prompt: str | None = None
    batch_size: int | None = None
    extra: dict = field(default_factory=dict)


def adapter_meta(adapter: str | Path) -> dict:
    path = Path(adapter)
    if not (path / "adapter_config.json").is_file():
        raise FileNotFoundError(
            f"no adapter at {path}: run `qwen-sft finetune --out {path}` first, or pass --adapter PATH"
        )
    meta = path / ADAPTER_META
    return json.loads(meta.read_text(encoding="utf-8")) if meta.is_file() else {}


class Workspace:
    """Loads the base model once and attaches the adapter when a contender needs it."""

    def __init__(self, model: str = "embedded", adapter: str | Path | None = None, *, device=None, dtype=None,
                 batch_size: int = 32, max_new_tokens: int = 48, trust_remote_code: bool = False,
                 jump_forward: bool = True):
        self.model_spec, self.adapter = model, adapter
        self.device, self.dtype = device, dtype
        self.batch_size, self.max_new_tokens = batch_size, max_new_tokens
        self.trust_remote_code = trust_remote_code
        self.jump_forward = jump_forward  # +json contenders: append forced tokens instead of decoding them
        self.loaded = None
        self.peft_model = None
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
                raise ValueError("the qlora contenders need an adapter: pass --adapter PATH")
            meta = adapter_meta(self.adapter)
            base_spec = meta.get("base_model")
            if base_spec and base_spec != self.model_spec:
                raise ValueError(
                    f"adapter {self.adapter} was trained on base model {base_spec!r}, not {self.model_spec!r}: "
                    f"pass --model {base_spec}"
                )
            self.peft_model = PeftModel.from_pretrained(self.base().model, str(self.adapter)).eval()
            if not getattr(self.base().model, "is_quantized", False):
                # Inference speed: fold the LoRA weights into the base (undone by disable_adapter()).
                self.peft_model.merge_adapter()
        return self.peft_model

    def extractor(self, *, adapter: bool, constrained: bool, prompt: str, batch_size: int | None = None):
        loaded = self.base()
        model = self.with_adapter() if adapter else (self.peft_model or loaded.model)
        constraint = None
        if constrained:
            from bench.constrained import JsonSchemaConstraint

            constraint = JsonSchemaConstraint(loaded.tokenizer, vocab_size=model.config.vocab_size)
        return Extractor(model, loaded.tokenizer, prompt=prompt, batch_size=batch_size or self.batch_size,
                         max_new_tokens=self.max_new_tokens, constraint=constraint, jump_forward=self.jump_forward)

    @contextlib.contextmanager
    def adapter_state(self, enabled: bool):
        """Run a base-model contender on the bare base even after the adapter was attached."""
        if enabled or self.peft_model is None:
            yield
        else:
            with self.peft_model.disable_adapter():
                yield

    def prompt_for(self, adapter: bool) -> str:
        if adapter:
            return adapter_meta(self.adapter).get("prompt", "tutorial") if self.adapter else "tutorial"
        return "tutorial"


def run_contender(name: str, questions: list[str], ws: Workspace, progress=None,
                  batch_size: int | None = None) -> Run:
    if name == "rule":
        from bench import rule

        start = time.perf_counter()
        outputs = rule.extract(questions)
        if progress:
            progress(len(questions))
        return Run(outputs, None, time.perf_counter() - start)
    adapter = name.startswith("qlora")
    prompt = ws.prompt_for(adapter)
    extractor = ws.extractor(adapter=adapter, constrained=name.endswith("+json"), prompt=prompt,
                             batch_size=batch_size)
    with ws.adapter_state(adapter):
        start = time.perf_counter()
        generations = extractor(questions, progress=progress)
        seconds = time.perf_counter() - start
    return Run([g.text for g in generations], generations, seconds, prompt=prompt,
               batch_size=extractor.batch_size)
