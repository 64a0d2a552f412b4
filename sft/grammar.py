"""Grammar-constrained decoding: the answer schema, compiled by xgrammar, masks every step of the engine.

The ``+json`` contenders run the same generation loop (:class:`sft.engine.Extractor`) with a
:class:`JsonSchemaConstraint`: before each greedy pick, every token that cannot continue a valid answer
gets ``-inf``. The output is therefore always one JSON object in the canonical spelling
``{"city": "北京", "date": "06-01"}``: keys in schema order, ``", "`` and ``": "`` separators, no other
whitespace, a date matching :data:`sft.task.DATE_PATTERN` or null.

One thing differs from :data:`sft.task.ANSWER_SCHEMA`, for decoding only (the scorer still checks the
answer schema): a city string is at most ``city_max_chars`` characters (default 20), without escapes or
control characters. Without the bound a model that never closes the string (a random model does exactly
that) runs to ``max_new_tokens`` and leaves unparseable JSON; with it the grammar forces the object closed
within a few dozen tokens. It is a pattern, not ``maxLength``: xgrammar 0.2.8 compiles ``maxLength`` to a
character class that lets raw control characters (a tab) through, which ``json.loads`` rejects.

**City copied from the question** (``copy_city=True``, the default of the ``+json`` contenders): each row's
grammar lists the question's own substrings as the only allowed city strings (besides ``null``), so the
model cannot write a city the question does not contain (``"滑雪市"``, an added 市, a default ``北京``).
The grammar is then compiled per question (:func:`question_schema`; cached per question).
``bench --free-city`` turns it off, to measure what it changes.

**Date copied as a phrase** (``copy_date=True``: an adapter trained with ``--dates phrase``): the date may
also be one of the question's own substrings (``下周五``, ``15号``), which :func:`sft.task.resolve_output`
resolves after decoding; a formatted date (``06-01``) and ``null`` stay allowed.

Needs the ``json`` extra: ``pip install 'qwen-sft[json]'``.
"""

from __future__ import annotations

import copy
import json
import re

import torch

from sft import task
from sft.errors import UserError

CITY_MAX_CHARS = 20

# (id(tokenizer), vocab_size) -> (tokenizer, GrammarCompiler); the tokenizer is kept so its id stays unique.
_COMPILERS: dict[tuple[int, int | None], tuple[object, object]] = {}
# (id(tokenizer), vocab_size, schema JSON) -> CompiledGrammar
_GRAMMARS: dict[tuple[int, int | None, str], object] = {}


def _xgrammar():
    try:
        import xgrammar
    except ImportError as e:
        raise ImportError(
            "grammar-constrained decoding (the +json contenders) needs xgrammar: pip install 'qwen-sft[json]'"
        ) from e
    return xgrammar


def decoding_schema(schema: dict, city_max_chars: int | None = CITY_MAX_CHARS) -> dict:
    """The schema the grammar is compiled from: ``schema`` with a bounded city string (see the module doc).

    Only a plain ``{"type": ...}`` city that allows strings is rewritten; anything else is left as it is.
    """
    city = schema.get("properties", {}).get("city") if isinstance(schema, dict) else None
    if city_max_chars is None or not isinstance(city, dict) or set(city) != {"type"}:
        return schema
    types = [city["type"]] if isinstance(city["type"], str) else list(city["type"])
    if "string" not in types:
        return schema
    bounded = {"type": "string", "pattern": f'^[^"\\\\\\x00-\\x1f]{{0,{int(city_max_chars)}}}$'}
    others = [{"type": t} for t in types if t != "string"]
    out = copy.deepcopy(schema)
    out["properties"]["city"] = {"anyOf": [bounded, *others]} if others else bounded
    return out


def _compiler(tokenizer, vocab_size: int | None):
    key = (id(tokenizer), vocab_size)
    if key not in _COMPILERS:
        xgr = _xgrammar()
        try:
            info = xgr.TokenizerInfo.from_huggingface(tokenizer, vocab_size=vocab_size)
        except Exception as e:  # xgrammar raises ValueError/RuntimeError/AttributeError depending on the object
            name = getattr(tokenizer, "name_or_path", "") or "?"
            raise UserError(
                f"xgrammar cannot map the vocabulary of tokenizer {type(tokenizer).__name__} ({name}): "
                f"{' '.join(str(e).split())}"
            ) from e
        _COMPILERS[key] = (tokenizer, xgr.GrammarCompiler(info, max_threads=1))
    return _COMPILERS[key][1]


def compile_schema(tokenizer, schema: dict, vocab_size: int | None = None):
    """The compiled grammar of ``schema`` for ``tokenizer``, cached per (tokenizer, vocab_size, schema)."""
    schema_json = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    key = (id(tokenizer), vocab_size, schema_json)
    if key not in _GRAMMARS:
        compiler = _compiler(tokenizer, vocab_size)
        try:
            # any_whitespace=False + the default separators (", ", ": ") = the canonical json.dumps spelling.
            _GRAMMARS[key] = compiler.compile_json_schema(json.dumps(schema), any_whitespace=False)
        except (RuntimeError, ValueError, TypeError) as e:
            raise UserError(f"answer schema failed to compile: {' '.join(str(e).split())}") from e
    return _GRAMMARS[key]


#: A date the grammar's pattern allows (DATE_PATTERN with ASCII digits: JSON Schema's ``\\d`` is ASCII).
_DATE = re.compile(task.DATE_PATTERN, re.ASCII)

#: Characters: a copied date phrase in English is longer than any city (``3 days from now``, ``the day after
#: tomorrow``). Of the 21,740 cities and date phrases the `gpu` adapter copied in reports/reference-h100, 12 (the bound
#: until 2026-12-05) cut 63, 20 would cut 13 (``the day after tomorrow``, 22), 24 none.
CITY_SUBSTRING_MAX = 24


def _unsafe(c: str) -> bool:
    """A character no copied city or date may hold: a quote, a backslash, a control character (tab, newline)."""
    return c in '"\\' or ord(c) < 0x20


def _copyable(value: str) -> bool:
    """A substring that may be copied as it is: no unsafe character, no whitespace at either end. A space inside
    is kept (``Hong Kong``, ``this weekend``, ``深 圳`` of a spaced-out question): until 2026-12-05 any whitespace
    cut the copy short, and the ``+json`` contenders answered ``Hong`` and ``this`` (reports/reference-h100: 209
    `wild` questions right without the grammar and wrong with it)."""
    return bool(value) and not value[0].isspace() and not value[-1].isspace() and not any(map(_unsafe, value))


def city_candidates(question: str, max_len: int = CITY_SUBSTRING_MAX) -> list[str]:
    """The substrings a city (or, with ``copy_date``, a date phrase) may be copied from: every run of 1..max_len
    characters of the question without a quote, backslash or control character that neither starts nor ends with
    whitespace, in first-seen order."""
    seen: dict[str, None] = {}
    n = len(question)
    bad = [_unsafe(c) for c in question]  # each character checked once
    space = [c.isspace() for c in question]
    for i in range(n):
        if space[i]:
            continue
        for j in range(i, min(n, i + max_len)):
            if bad[j]:
                break  # every longer piece from i holds it too
            if not space[j]:
                seen.setdefault(question[i:j + 1], None)
    return list(seen)


def date_candidates(question: str, max_len: int = CITY_SUBSTRING_MAX) -> list[str]:
    """The phrases a date may be copied as (``copy_date``): :func:`city_candidates`, and each of them with the spaces
    the resolver drops dropped (:func:`sft.task.unspaced`): a model writes ``下周一`` for ``下 周 一`` of a spaced-out
    question, which the resolver reads; until 2026-12-05 the grammar refused it and the model stopped at ``下``."""
    return _and_unspaced(city_candidates(question, max_len))


def _and_unspaced(candidates: list[str]) -> list[str]:
    """``candidates``, then each one's :func:`sft.task.unspaced` form not among them yet, in first-seen order."""
    seen = dict.fromkeys(candidates)
    for value in candidates:
        seen.setdefault(task.unspaced(value), None)
    return list(seen)


def question_schema(schema: dict, question: str, copy_city: bool = True, copy_date: bool = False) -> dict:
    """``schema`` with the city restricted to ``null`` or a substring of ``question`` (``copy_city``), and the
    date widened to also accept a substring of ``question``, the phrase as written (``copy_date``)."""
    out = {**schema, "properties": dict(schema["properties"])}  # only the two properties change: no deep copy
    candidates = city_candidates(question)
    if copy_city:
        out["properties"]["city"] = {"anyOf": [{"enum": candidates}, {"type": "null"}]} if candidates \
            else {"type": "null"}
    if copy_date and candidates:
        date = out["properties"]["date"]
        alternatives = list(date["anyOf"]) if set(date) == {"anyOf"} else [date]
        out["properties"]["date"] = {"anyOf": [*alternatives, {"enum": _and_unspaced(candidates)}]}
    return out


class JsonSchemaConstraint:
    """A :class:`sft.engine.Constraint` that keeps every row inside the answer schema's grammar.

    ``vocab_size`` is the model's (``model.config.vocab_size``, the logits width), which can exceed the
    tokenizer's (Qwen2.5: 151936 vs 151665). ``schema`` defaults to :data:`sft.task.ANSWER_SCHEMA`.
    """

    def __init__(self, tokenizer, *, vocab_size: int | None = None, schema: dict | None = None,
                 city_max_chars: int | None = CITY_MAX_CHARS, copy_city: bool = False, copy_date: bool = False):
        self.xgr = _xgrammar()
        self.tokenizer = tokenizer
        self.base_schema = task.ANSWER_SCHEMA if schema is None else schema
        self.schema = decoding_schema(self.base_schema, city_max_chars)
        self.grammar = compile_schema(tokenizer, self.schema, vocab_size)
        self.vocab_size = vocab_size if vocab_size is not None else self.grammar.tokenizer_info.vocab_size
        self.copy_city, self.copy_date = copy_city, copy_date
        self.city_max_chars = city_max_chars
        self._forced: dict[str, list[int]] = {}
        self._vocab_arg = vocab_size
        # One call fills the bitmask rows of a whole batch, on several threads (xgrammar >= 0.1.2x).
        batch = getattr(self.xgr, "BatchGrammarMatcher", None)
        self.batch_matcher = batch() if batch is not None else None

    def grammar_for(self, question: str | None):
        if not (self.copy_city or self.copy_date) or question is None:
            return self.grammar
        schema = question_schema(self.base_schema, question, copy_city=self.copy_city, copy_date=self.copy_date)
        if not self.copy_city:
            schema = decoding_schema(schema)
        return compile_schema(self.tokenizer, schema, self._vocab_arg)

    def clear_cache(self) -> None:
        """Forget the grammars compiled per question (a speed run's warm-up must not make its timed run
        cheaper); the schema's own grammar stays."""
        base = {k for k, g in _GRAMMARS.items() if g is self.grammar}
        for key in [k for k in _GRAMMARS if k not in base]:
            del _GRAMMARS[key]

    def matcher(self, question: str | None = None):
        # terminate_without_stop_token: the matcher terminates at the closing brace, no end-of-turn needed.
        return self.xgr.GrammarMatcher(self.grammar_for(question), terminate_without_stop_token=True)

    def forced_tokens(self, text: str) -> list[int]:
        """Jump-forward: ``text``'s tokens but the last (see :meth:`JsonSchemaBatch.forced`), kept per text: the
        forced strings are few (``{"city": ``, ``, "date": ``, …) and each row meets them at every answer."""
        tokens = self._forced.get(text)
        if tokens is None:
            tokens = self._forced[text] = self.tokenizer.encode(text, add_special_tokens=False)[:-1]
        return list(tokens)

    def new_batch(self, size: int, questions: list[str] | None = None) -> JsonSchemaBatch:
        return JsonSchemaBatch(self, size, questions)

    def accepts(self, text: str, question: str | None = None) -> bool:
        """Whether ``text`` is, in full, an answer this constraint's grammar allows for ``question``; the
        engine's free-first path keeps such an answer as the model wrote it and constrains only the others.

        Checked in Python, without a matcher or a per-question grammar: the canonical spelling (keys in order,
        ``", "``/``": "``, nothing else), the city null or a substring :func:`city_candidates` lists
        (``copy_city``) or within the bounded pattern, the date null, :data:`sft.task.DATE_PATTERN` or
        (``copy_date``) a listed substring. Every answer it accepts the compiled grammar accepts too (tested
        against xgrammar's matcher); it may refuse some the grammar allows (a custom schema: all), which only
        costs those rows the constrained pass.
        """
        if self.base_schema is not task.ANSWER_SCHEMA or not text.startswith('{"city": '):
            return False
        try:
            answer = json.loads(text)
        except ValueError:
            return False
        if not isinstance(answer, dict) or list(answer) != ["city", "date"]:
            return False
        city, date = answer["city"], answer["date"]
        if json.dumps({"city": city, "date": date}, ensure_ascii=False) != text:
            return False
        copy = question is not None  # without a question the schema's own grammar: nothing is copied

        def listed(value: str) -> bool:  # value in city_candidates(question), without listing them
            return 0 < len(value) <= CITY_SUBSTRING_MAX and value in question and _copyable(value)

        if city is not None:
            if not isinstance(city, str) or any(map(_unsafe, city)):
                return False
            if copy and self.copy_city:
                if not listed(city):
                    return False
            elif self.city_max_chars is not None and len(city) > self.city_max_chars:
                return False
        if date is not None:
            if not isinstance(date, str):
                return False
            if not _DATE.fullmatch(date) and not (copy and self.copy_date and
                                                  (listed(date) or date in date_candidates(question))):
                return False
        return True

    def allowed_counts(self, token_ids: list[int]) -> list[int]:
        """How many tokens the grammar allowed at each step of ``token_ids`` (1 = the token was forced).

        A diagnostic (jump-forward potential), not used while decoding. Stops at a token the grammar rejects.
        """
        matcher, bitmask = self.matcher(), self.xgr.allocate_token_bitmask(1, self.vocab_size)
        counts = []
        for token in token_ids:
            matcher.fill_next_token_bitmask(bitmask)
            bits = bitmask.view(torch.uint8)[0]
            n = int(torch.bitwise_and(bits.unsqueeze(-1) >> torch.arange(8, dtype=torch.uint8), 1).sum())
            counts.append(min(n, self.vocab_size))
            if not matcher.accept_token(token):
                break
        return counts


class JsonSchemaBatch:
    """One batch's state: a GrammarMatcher per row and one bitmask [rows, ceil(vocab/32)] on the CPU."""

    def __init__(self, constraint: JsonSchemaConstraint, size: int, questions: list[str] | None = None):
        self.constraint = constraint
        qs = questions if questions is not None else [None] * size
        self.matchers = [constraint.matcher(q) for q in qs]
        self.bitmask = constraint.xgr.allocate_token_bitmask(size, constraint.vocab_size)
        self.rejected = [False] * size  # a row whose chosen token the grammar refused (masking was bypassed)

    def mask(self, logits: torch.Tensor, rows: list[int | None]) -> None:
        """Mask logits row i with the grammar of batch row ``rows[i]`` (None: a finished row, left alone)."""
        if logits.shape[-1] != self.constraint.vocab_size:
            raise UserError(f"logits have {logits.shape[-1]} columns but the constraint was built for "
                             f"vocab_size={self.constraint.vocab_size}: pass vocab_size=model.config.vocab_size")
        todo = [(i, r) for i, r in enumerate(rows) if r is not None and not self.matchers[r].is_terminated()]
        if len(todo) > 1 and self.constraint.batch_matcher is not None:
            rows = [i for i, _ in todo]
            self.constraint.batch_matcher.batch_fill_next_token_bitmask([self.matchers[r] for _, r in todo],
                                                                        self.bitmask, indices=rows)
        else:
            # fill_next_token_bitmask returns False when every token is allowed: nothing to apply for that row.
            rows = [i for i, r in todo if self.matchers[r].fill_next_token_bitmask(self.bitmask, i)]
        if rows:
            bitmask = self.bitmask if logits.device.type == "cpu" else self.bitmask.to(logits.device, non_blocking=True)
            self.constraint.xgr.apply_token_bitmask_inplace(logits, bitmask, vocab_size=self.constraint.vocab_size,
                                                            indices=rows)

    def forced(self, row: int) -> list[int]:
        """Jump-forward: the tokens the grammar forces next (``{"city":``, ``, "date":``), accepted already.

        xgrammar gives the forced *string*; its tokenisation minus the last token is taken, because the
        last one could merge with what the model writes next (``": "`` + ``北京`` is tokenised ``":`` +
        `` "北京``), so the model decodes that one itself, under the mask as ever.
        """
        matcher = self.matchers[row]
        if matcher.is_terminated():
            return []
        try:
            text = matcher.find_jump_forward_string()
        except UnicodeDecodeError:
            # the forced bytes can end inside a character (city candidates sharing a first byte): no jump
            return []
        if not text:
            return []
        tokens = self.constraint.forced_tokens(text)
        for i, token in enumerate(tokens):
            if not matcher.accept_token(token):
                if i:
                    matcher.rollback(i)
                return []
        return tokens

    def accept(self, row: int, token: int) -> bool:
        matcher = self.matchers[row]
        if matcher.is_terminated():
            return True
        if not matcher.accept_token(token):
            self.rejected[row] = True  # the output is cut here and will not parse: stop rather than go on
            return True
        return matcher.is_terminated()
