"""The contenders: each turns a list of questions into a list of output texts, with timings.

One registry (:data:`REGISTRY`) says what each contender is made of; adding one is one line there.
``rule`` needs no model. The model contenders share one loaded base model and one generation loop
(:class:`sft.engine.Extractor`): ``prompt`` is the base model with the tutorial's prompt; ``qlora`` is the
base plus the trained adapter, with the prompt it was trained on; ``+json`` runs either under the answer
schema's grammar (:mod:`sft.grammar`); ``hybrid`` combines the fine-tuned model's answer with the
rule's (:mod:`bench.hybrid`). The scorer never knows which contender made an output.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

from sft.engine import Generation
from sft.errors import UserError
from sft.session import InferenceSession


@dataclass(frozen=True)
class Contender:
    """What a contender is made of. ``model``: runs the language model; ``adapter``: with the trained
    adapter (and the prompt it was trained on); ``grammar``: under the answer schema's grammar;
    ``hybrid``: the model's answer combined with the rule's (:func:`bench.hybrid.combine`); ``resolve``:
    the adapter (trained with ``--dates phrase``) copies a relative date as written and
    :func:`sft.task.resolve_output` resolves it against the item's reference day."""

    name: str
    what: str
    model: bool = True
    adapter: bool = False
    grammar: bool = False
    hybrid: bool = False
    resolve: bool = False


REGISTRY: dict[str, Contender] = {c.name: c for c in (
    Contender("rule", "regex + cn2an + gazetteers, no model", model=False),
    Contender("prompt", "the base model with the tutorial's prompt"),
    Contender("qlora", "the base model + the trained adapter", adapter=True),
    Contender("prompt+json", "prompt, under the answer schema's grammar", grammar=True),
    Contender("qlora+json", "qlora, under the answer schema's grammar", adapter=True, grammar=True),
    Contender("qlora+resolve", "qlora trained with --dates phrase; the relative date it copies is resolved "
              "by sft.dates", adapter=True, resolve=True),
    Contender("qlora+resolve+json", "qlora+resolve under the answer schema's grammar (the date a formatted "
              "day or a phrase copied from the question)", adapter=True, grammar=True, resolve=True),
    Contender("hybrid", "qlora's answer checked field by field against the rule's", adapter=True, hybrid=True),
    Contender("hybrid+json", "hybrid over qlora+json", adapter=True, grammar=True, hybrid=True),
)}
CONTENDERS = tuple(REGISTRY)


def check_names(names: list[str]) -> list[str]:
    if not names:
        raise UserError(f"no contender given; valid: {', '.join(CONTENDERS)}")
    unknown = [n for n in names if n not in REGISTRY]
    if unknown:
        raise UserError(f"unknown contender {unknown[0]!r}; valid: {', '.join(CONTENDERS)}")
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise UserError(f"contender {twice[0]!r} is named twice")
    return names


def check_dates(names: list[str], ws: InferenceSession) -> None:
    """A ``+resolve`` contender needs an adapter trained with ``--dates phrase`` (checked before any work)."""
    for name in names:
        if REGISTRY[name].resolve and ws.dates_for(True) != "phrase":
            raise UserError(f"{name} needs an adapter trained with --dates phrase; {ws.adapter} writes "
                            "resolved dates (use qlora)")


@dataclass
class Run:
    outputs: list[str]
    generations: list[Generation] | None
    seconds: float
    prompt: str | None = None
    batch_size: int | None = None
    warmup_seconds: float | None = None  # an untimed first pass (CUDA graphs captured), not in ``seconds``
    kept_from: str | None = None  # the model run of a contender an interrupted bench kept (bench.checkpoint)
    texts: list[str] | None = None  # that run's model texts (a kept run has no generations to read them from)


def _model_todays(spec: Contender, ws: InferenceSession, todays):
    """The reference days a contender's model sees in its prompt: none for a phrase adapter (it never saw one
    in training; its copied phrase is resolved afterwards), else the items' own."""
    phrase = spec.adapter and ws.dates_for(True) == "phrase"
    return None if phrase else todays


def reuse_key(name: str, questions: list[str], ws: InferenceSession, todays=None) -> tuple:
    """What makes two contenders' model runs the same run (``run_contender``'s ``reuse``): the adapter, the grammar,
    the questions and the reference days the model sees."""
    spec = REGISTRY[name]
    return _run_key(spec, questions, _model_todays(spec, ws, todays))


def _run_key(spec: Contender, questions: list[str], model_todays) -> tuple:
    return (spec.adapter, spec.grammar, tuple(questions), tuple(model_todays or ()))


def kept_run(name: str, records: list[dict], seconds: float, prompt: str | None) -> Run:
    """The model run of a contender kept by an interrupted bench, rebuilt from its scored records
    (:func:`bench.scorer.model_text`), for a later contender of the same run."""
    from bench.scorer import model_text

    texts = [model_text(r) for r in records]
    return Run(texts, None, seconds, prompt=prompt, kept_from=name, texts=texts)


def prompt_lengths(name: str, questions: list[str], ws: InferenceSession, todays=None) -> list[int] | None:
    """The prompt length (tokens) of each question as the contender's model run encodes it (the engine's
    batches are cut from the questions sorted by it); None for a contender without a model."""
    spec = REGISTRY[name]
    if not spec.model:
        return None
    model_todays = _model_todays(spec, ws, todays)
    extractor = ws.extractor(adapter=spec.adapter, constrained=False, prompt=ws.prompt_for(spec.adapter))
    return [len(extractor.encode(q, t)) for q, t in zip(questions, model_todays or [None] * len(questions))]


def run_contender(name: str, questions: list[str], ws: InferenceSession, progress=None,
                  batch_size: int | None = None, todays=None, reuse: dict | None = None) -> Run:
    """Run one contender over the questions.

    ``todays``: the reference day of each question (``datetime.date`` or None), for relative dates.
    ``reuse``: a dict shared by the contenders of one bench run; a contender whose model run (adapter,
    grammar, questions, reference days in the prompt) already ran in it takes those outputs instead of
    generating them again: ``hybrid`` after ``qlora``, ``qlora`` after ``qlora+resolve`` (greedy decoding:
    the same outputs); its time then counts that model run's time, plus its own post-processing.
    """
    spec = REGISTRY[name]
    if not spec.model:
        from bench import rule

        start = time.perf_counter()
        outputs = rule.extract(questions, todays=todays)
        if progress:
            progress(len(questions))
        return Run(outputs, None, time.perf_counter() - start)
    check_dates([name], ws)
    model_todays = _model_todays(spec, ws, todays)
    key = _run_key(spec, questions, model_todays)
    model_run = (reuse or {}).get(key)
    if model_run is None:
        prompt = ws.prompt_for(spec.adapter)
        extractor = ws.extractor(adapter=spec.adapter, constrained=spec.grammar, prompt=prompt,
                                 batch_size=batch_size)
        with ws.adapter_state(spec.adapter):
            warmup = None
            if getattr(extractor, "needs_warmup", False):  # every batch shape's graphs captured before the clock
                warmup = extractor.warm_up(questions, todays=model_todays)
            start = time.perf_counter()
            generations = extractor(questions, progress=progress, todays=model_todays)
            seconds = time.perf_counter() - start
        ws.last_engine = getattr(extractor, "engine_label", None)
        model_run = Run([g.text for g in generations], generations, seconds, prompt=prompt,
                        batch_size=extractor.batch_size, warmup_seconds=warmup)
        if reuse is not None:
            reuse[key] = model_run
    elif progress:
        progress(len(questions))
    if spec.resolve:
        from sft.task import resolve_output

        start = time.perf_counter()
        outputs = [resolve_output(text, today, question) for text, today, question
                   in zip(model_run.outputs, todays or [None] * len(questions), questions, strict=True)]
        return dataclasses.replace(model_run, outputs=outputs,
                                   seconds=model_run.seconds + time.perf_counter() - start)
    if not spec.hybrid:
        return model_run
    from bench import hybrid

    start = time.perf_counter()
    outputs = hybrid.combine_all(questions, model_run.outputs, todays)
    seconds = model_run.seconds + time.perf_counter() - start
    return dataclasses.replace(model_run, outputs=outputs, seconds=seconds)
