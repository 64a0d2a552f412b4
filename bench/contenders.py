"""The contenders: each turns a list of questions into a list of output texts, with timings.

One registry (:data:`REGISTRY`) says what each contender is made of; adding one is one line there.
``rule`` needs no model. The model contenders share one loaded base model and one generation loop
(:class:`sft.engine.Extractor`): ``prompt`` is the base model with the tutorial's prompt; ``qlora`` is the
base plus the trained adapter, with the prompt it was trained on; ``+json`` runs either under the answer
schema's grammar (:mod:`bench.constrained`); ``hybrid`` combines the fine-tuned model's answer with the
rule's (:mod:`bench.hybrid`). The scorer never knows which contender made an output.
"""

from __future__ import annotations

import contextlib
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from sft.engine import Extractor, Generation

ADAPTER_META = "qwen_sft.json"  # written by `qwen-sft finetune` beside the PEFT adapter


@dataclass(frozen=True)
class Contender:
    """What a contender is made of. ``model``: runs the language model; ``adapter``: with the trained
    adapter (and the prompt it was trained on); ``grammar``: under the answer schema's grammar;
    ``hybrid``: the model's answer combined with the rule's (:func:`bench.hybrid.combine`)."""

    name: str
    what: str
    model: bool = True
    adapter: bool = False
    grammar: bool = False
    hybrid: bool = False


REGISTRY: dict[str, Contender] = {c.name: c for c in (
    Contender("rule", "regex + cn2an + gazetteers, no model", model=False),
    Contender("prompt", "the base model with the tutorial's prompt"),
    Contender("qlora", "the base model + the trained adapter", adapter=True),
    Contender("prompt+json", "prompt, under the answer schema's grammar", grammar=True),
    Contender("qlora+json", "qlora, under the answer schema's grammar", adapter=True, grammar=True),
    Contender("hybrid", "qlora's answer checked field by field against the rule's", adapter=True, hybrid=True),
    Contender("hybrid+json", "hybrid over qlora+json", adapter=True, grammar=True, hybrid=True),
)}
CONTENDERS = tuple(REGISTRY)


def check_names(names: list[str]) -> list[str]:
    if not names:
        raise ValueError(f"no contender given; valid: {', '.join(CONTENDERS)}")
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown contender {unknown[0]!r}; valid: {', '.join(CONTENDERS)}")
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"contender {twice[0]!r} is named twice")
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
                 jump_forward: bool = True, copy_city: bool = True):
        self.model_spec, self.adapter = model, adapter
        self.device, self.dtype = device, dtype
        self.batch_size, self.max_new_tokens = batch_size, max_new_tokens
        self.trust_remote_code = trust_remote_code
        self.jump_forward = jump_forward  # +json contenders: append forced tokens instead of decoding them
        self.copy_city = copy_city  # +json contenders: the city must be copied from the question (or null)
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

            constraint = JsonSchemaConstraint(loaded.tokenizer, vocab_size=model.config.vocab_size,
                                              copy_city=self.copy_city)
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
                  batch_size: int | None = None, todays=None, reuse: dict | None = None) -> Run:
    """Run one contender over the questions.

    ``todays``: the reference day of each question (``datetime.date`` or None), for relative dates.
    ``reuse``: a dict shared by the contenders of one bench run; a ``hybrid`` contender takes the model
    outputs of the matching ``qlora`` contender from it instead of generating them again (its time then
    counts the model's time once, plus the rule's).
    """
    spec = REGISTRY[name]
    if not spec.model:
        from bench import rule

        start = time.perf_counter()
        outputs = rule.extract(questions, todays=todays)
        if progress:
            progress(len(questions))
        return Run(outputs, None, time.perf_counter() - start)
    key = (spec.adapter, spec.grammar, tuple(questions), tuple(todays or ()))
    model_run = (reuse or {}).get(key) if spec.hybrid else None
    if model_run is None:
        prompt = ws.prompt_for(spec.adapter)
        extractor = ws.extractor(adapter=spec.adapter, constrained=spec.grammar, prompt=prompt,
                                 batch_size=batch_size)
        with ws.adapter_state(spec.adapter):
            start = time.perf_counter()
            generations = extractor(questions, progress=progress, todays=todays)
            seconds = time.perf_counter() - start
        model_run = Run([g.text for g in generations], generations, seconds, prompt=prompt,
                        batch_size=extractor.batch_size)
        if reuse is not None:
            reuse[key] = model_run
    elif progress:
        progress(len(questions))
    if not spec.hybrid:
        return model_run
    from bench import hybrid

    start = time.perf_counter()
    outputs = hybrid.combine_all(questions, model_run.outputs, todays)
    seconds = model_run.seconds + time.perf_counter() - start
    return Run(outputs, model_run.generations, seconds, prompt=model_run.prompt, batch_size=model_run.batch_size,
               extra={"model_outputs": model_run.outputs})
