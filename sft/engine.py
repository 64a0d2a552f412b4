"""Batched greedy extraction: questions in, answer texts (with token counts and timings) out.

One generation loop serves every model contender (prompt-only, fine-tuned, grammar-constrained):

* prompts are rendered by :func:`sft.prompt.render`, the formatter training uses too;
* batches are length-sorted and left-padded, so little compute goes to padding;
* the prompt's opening shared by every row of a batch (the system turn and the prompt's words before the
  question: 25 of ~35 tokens of the short prompt, 28 of ~90 of the tutorial's) is run once per batch and its
  KV cache copied to every row, so prefill computes only what differs (``share_prefix``);
* prefill computes logits for the last position only; decoding is greedy with a KV cache;
* a row stops as soon as its JSON object closes (or at end of turn), so no tokens go to prose after
  the answer; finished rows leave the batch (their KV cache rows are dropped) once an eighth of it has
  finished, so the decode steps after a short answer are not spent on it (``compact``); the batch stops
  when every row has;
* an optional constraint (grammar) masks the logits of each step (see ``Constraint``).
"""

from __future__ import annotations

import inspect
import time
import warnings
from dataclasses import dataclass
from typing import Protocol

import torch

from .errors import UserError
from .prompt import render

#: A shared opening shorter than this is not worth a separate model call.
MIN_SHARED_PREFIX = 8

#: The longest question the engine reads, in tokens: a longer one is cut to its first 512 tokens, with a
#: warning (a weather question is a sentence; 20,000 characters took 170 s before this cap).
MAX_QUESTION_TOKENS = 512


@dataclass
class Generation:
    question: str
    text: str
    prompt_tokens: int
    new_tokens: int
    batch_seconds: float  # wall time of the whole batch this question was in
    batch_size: int
    forwards: int = 0  # model calls of the whole batch (prefill + decode steps)
    forced_tokens: int = 0  # tokens of this answer the constraint forced (jump-forward), not decoded


class BatchConstraint(Protocol):
    def mask(self, logits: torch.Tensor, rows: list[int | None]) -> None:
        """Mask (in place) next-token logits [len(rows), vocab]: logits row i belongs to the batch's row
        ``rows[i]``, or to a finished row (None: left alone)."""

    def accept(self, row: int, token: int) -> bool:
        """Advance row's state by the chosen token; return True when the row must stop."""

    # Optional (jump-forward): ``forced(row) -> list[int]`` returns the tokens the constraint forces next,
    # already accepted into the row's state; the engine appends them without decoding them one by one.


class Constraint(Protocol):
    def new_batch(self, size: int, questions: list[str] | None = None) -> BatchConstraint: ...


class JsonClose:
    """Tracks one row's text and says when its first top-level JSON object has closed."""

    __slots__ = ("depth", "in_string", "escape")

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.escape = False

    def feed(self, piece: str) -> bool:
        for ch in piece:
            if self.in_string:
                if self.escape:
                    self.escape = False
                elif ch == "\\":
                    self.escape = True
                elif ch == '"':
                    self.in_string = False
            elif ch == '"' and self.depth > 0:
                self.in_string = True
            elif ch == "{":
                self.depth += 1
            elif ch == "}" and self.depth > 0:
                self.depth -= 1
                if self.depth == 0:
                    return True
        return False


def cut_after_object(text: str) -> str:
    """The text up to and including the close of its first JSON object (all of it when none closes)."""
    tracker = JsonClose()
    for i, ch in enumerate(text):
        if tracker.feed(ch):
            return text[: i + 1]
    return text


def _contiguous_head_input(model) -> None:
    """Run the output layer as one 2-D matmul.

    With ``logits_to_keep`` the model feeds its output layer a slice of the last hidden state, [batch, k,
    hidden]. Once the weights no longer require grad (a PEFT-wrapped base), torch's 3-D matmul may take it
    through a bmm that first copies the whole 151,936 x 896 output matrix: seen on CPU, prefill 4-7x slower
    (690 instead of 173 ms for a 45-token prompt at batch 1). Flattening the input to [batch * k, hidden]
    (and the logits back) always takes the plain mm.
    """
    head = model.get_output_embeddings()
    if head is None or getattr(head, "_qwen_sft_flat", False):
        return

    def flatten(module, args):
        x = args[0]
        module._qwen_sft_lead = x.shape[:-1]
        return (x.reshape(-1, x.shape[-1]), *args[1:])

    def unflatten(module, args, output):
        return output.reshape(*module._qwen_sft_lead, output.shape[-1])

    head.register_forward_pre_hook(flatten)
    head.register_forward_hook(unflatten)
    head._qwen_sft_flat = True


def _left_pad(rows: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(ids, mask) [len(rows), longest]: each row right-aligned after padding, mask 1 on its own tokens."""
    width = max(len(ids) for ids in rows)
    input_ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for r, ids in enumerate(rows):
        input_ids[r, width - len(ids):] = torch.tensor(ids)
        mask[r, width - len(ids):] = 1
    return input_ids, mask


def _cache_of(out):
    cache = getattr(out, "cache", None)
    return cache if cache is not None else out.past_key_values


def synchronize(device) -> None:
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize(device)


class Extractor:
    """Greedy batched extraction with one model and one prompt.

    ``max_prompt_tokens`` bounds a rendered prompt; a longer question is truncated with a warning.
    """

    def __init__(self, model, tokenizer, *, prompt: str = "tutorial", batch_size: int = 16,
                 max_new_tokens: int = 48, max_prompt_tokens: int | None = None,
                 constraint: Constraint | None = None, stop_at_answer: bool = True, jump_forward: bool = True,
                 share_prefix: bool = True, compact: bool = True):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.model = model
        self.tokenizer = tokenizer
        self.prompt = prompt
        self.batch_size = batch_size
        self.max_new_tokens = max_new_tokens
        context = getattr(model.config, "max_position_embeddings", 32768)
        self.max_prompt_tokens = max_prompt_tokens or max(16, context - max_new_tokens)
        self.constraint = constraint
        self.stop_at_answer = stop_at_answer  # False: always max_new_tokens (fixed-length speed runs)
        self.jump_forward = jump_forward  # append the tokens a constraint forces instead of decoding them
        self.share_prefix = share_prefix  # run the rows' common opening once per batch (same answers)
        self.compact = compact  # drop finished rows from the batch during decoding (same answers)
        self.device = next(model.parameters()).device
        self.stop_ids = {i for i in (tokenizer.eos_token_id, tokenizer.pad_token_id,
                                     tokenizer.convert_tokens_to_ids("<|im_end|>"),
                                     tokenizer.convert_tokens_to_ids("<|endoftext|>"))
                         if isinstance(i, int) and i >= 0 and i != tokenizer.unk_token_id}
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
        self._pieces: dict[int, str] = {}
        _contiguous_head_input(model)
        # transformers >= 5.2x names the KV cache argument `cache`; earlier releases `past_key_values`.
        base = model.get_base_model() if hasattr(model, "get_base_model") else model  # PEFT: its wrapped model
        params = inspect.signature(base.forward).parameters
        self._cache_kw = "cache" if "cache" in params else "past_key_values"

    # -- prompts
    def encode(self, question: str, today=None) -> list[int]:
        if not isinstance(question, str) or not question.strip():
            raise UserError("empty question: give a sentence that names a city and a date")
        if len(question) > MAX_QUESTION_TOKENS:  # a token is at least one character: only long ones are counted
            q_ids = self.tokenizer(question, add_special_tokens=False)["input_ids"]
            if len(q_ids) > MAX_QUESTION_TOKENS:
                warnings.warn(f"question of {len(q_ids)} tokens truncated to its first {MAX_QUESTION_TOKENS} "
                              f"(MAX_QUESTION_TOKENS)", stacklevel=2)
                question = self.tokenizer.decode(q_ids[:MAX_QUESTION_TOKENS])
        ids = self.tokenizer(render(self.tokenizer, question, self.prompt, today=today),
                             add_special_tokens=False)["input_ids"]
        if len(ids) > self.max_prompt_tokens:
            q_ids = self.tokenizer(question, add_special_tokens=False)["input_ids"]
            keep = max(1, len(q_ids) - (len(ids) - self.max_prompt_tokens))
            short = self.tokenizer.decode(q_ids[:keep])
            warnings.warn(f"question of {len(q_ids)} tokens truncated to {keep} to fit the context",
                          stacklevel=2)
            ids = self.tokenizer(render(self.tokenizer, short, self.prompt, today=today),
                                 add_special_tokens=False)["input_ids"]
        return ids

    def shared_prefix(self, encoded: list[list[int]]) -> int:
        """How many opening tokens every row shares and the batch may run once (0: none worth it).

        At least one token of every row stays outside it, so every row has a last position of its own."""
        if not self.share_prefix or len(encoded) < 2:
            return 0
        first, limit = encoded[0], min(len(ids) for ids in encoded) - 1
        n = 0
        while n < limit and all(ids[n] == first[n] for ids in encoded):
            n += 1
        return n if n >= MIN_SHARED_PREFIX else 0

    def _prefix_cache(self, prefix: list[int], rows: int):
        """The KV cache of ``prefix`` (one model call at batch 1), repeated for ``rows`` rows; None when the
        model's cache cannot be repeated (a remote-code model's tuple cache)."""
        ids = torch.tensor([prefix], device=self.device)
        out = self.model(input_ids=ids, attention_mask=torch.ones_like(ids),
                         position_ids=torch.arange(len(prefix), device=self.device)[None], use_cache=True,
                         logits_to_keep=1)
        cache = _cache_of(out)
        if not hasattr(cache, "batch_repeat_interleave"):
            return None
        cache.batch_repeat_interleave(rows)
        return cache

    def _piece(self, token: int) -> str:
        piece = self._pieces.get(token)
        if piece is None:
            piece = self._pieces[token] = self.tokenizer.decode([token])
        return piece

    # -- generation
    def __call__(self, questions: list[str], progress=None, todays=None) -> list[Generation]:
        """Extract from every question; results come back in the questions' order.

        ``progress`` is an optional callable taking the number of questions just finished; ``todays`` an
        optional reference day (``datetime.date`` or None) per question, given to the model in its prompt.
        """
        if todays is None:
            todays = [None] * len(questions)
        if len(todays) != len(questions):
            raise ValueError(f"{len(todays)} reference days for {len(questions)} questions")
        encoded = [self.encode(q, t) for q, t in zip(questions, todays)]
        order = sorted(range(len(questions)), key=lambda i: len(encoded[i]))
        results: list[Generation | None] = [None] * len(questions)
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            for i, gen in zip(rows, self.generate_batch([questions[i] for i in rows], [encoded[i] for i in rows])):
                results[i] = gen
            if progress is not None:
                progress(len(rows))
        return results  # type: ignore[return-value]

    @torch.inference_mode()
    def generate_batch(self, questions: list[str], encoded: list[list[int]]) -> list[Generation]:
        n = len(encoded)
        trackers = [JsonClose() for _ in range(n)]
        constraint = self.constraint.new_batch(n, questions) if self.constraint is not None else None
        jump = constraint is not None and self.jump_forward and hasattr(constraint, "forced")
        active = [True] * n
        new_tokens: list[list[int]] = [[] for _ in range(n)]
        forced_count = [0] * n

        def take_forced(r: int) -> list[int]:
            """The row's forced tokens (already accepted by the constraint), fed to its JSON tracker."""
            forced = constraint.forced(r) if jump and active[r] else []
            for token in forced:
                new_tokens[r].append(token)
                if trackers[r].feed(self._piece(token)) and self.stop_at_answer:
                    active[r] = False
            forced_count[r] += len(forced)
            return forced

        synchronize(self.device)
        start = time.perf_counter()
        # Jump-forward at prefill: what the grammar forces first (`{"city":`) joins the prompt.
        rows = [ids + take_forced(r) for r, ids in enumerate(encoded)]
        shared = self.shared_prefix(encoded)
        prefix_cache = self._prefix_cache(encoded[0][:shared], n) if shared else None
        if prefix_cache is None:
            shared = 0
        # Each row: [shared opening][padding][its own tokens]; the padding is masked out, positions skip it.
        input_ids, own = _left_pad([ids[shared:] for ids in rows], self.pad_id)
        attention = torch.cat([torch.ones((n, shared), dtype=torch.long), own], dim=-1)
        positions = (attention.cumsum(-1) - 1).clamp(min=0)[:, shared:]
        last_pos = positions[:, -1:]  # [n, 1], on the CPU
        input_ids, attention = input_ids.to(self.device), attention.to(self.device)
        cache_arg = {} if prefix_cache is None else {self._cache_kw: prefix_cache}
        out = self.model(input_ids=input_ids, attention_mask=attention, position_ids=positions.to(self.device),
                         use_cache=True, logits_to_keep=1, **cache_arg)
        forwards = 1 + (prefix_cache is not None)
        cache = _cache_of(out)
        logits = out.logits[:, -1, :]
        live = list(range(n))  # the batch row of each row of the tensors (finished rows leave: compact)
        for i in range(self.max_new_tokens):
            logits = logits.float()
            if constraint is not None:
                constraint.mask(logits, [r if active[r] else None for r in live])
            chosen = logits.argmax(-1).tolist()
            feed: list[list[int]] = []
            for j, r in enumerate(live):
                if not active[r]:
                    feed.append([self.pad_id])
                    continue
                token = chosen[j]
                stop = token in self.stop_ids and self.stop_at_answer
                if not stop:
                    new_tokens[r].append(token)
                    stop = trackers[r].feed(self._piece(token)) and self.stop_at_answer
                if constraint is not None and constraint.accept(r, token):
                    stop = True
                if stop:
                    active[r] = False
                    feed.append([self.pad_id])
                else:
                    feed.append([token] + take_forced(r))
            if not any(active) or i == self.max_new_tokens - 1:
                break
            keep = [j for j, r in enumerate(live) if active[r]]
            finished = len(live) - len(keep)
            if self.compact and finished and finished * 8 >= len(live) and hasattr(cache, "batch_select_indices"):
                index = torch.tensor(keep)
                on_device = index.to(self.device)
                cache.batch_select_indices(on_device)
                attention, last_pos = attention[on_device], last_pos[index]
                feed, live = [feed[j] for j in keep], [live[j] for j in keep]
            # One step feeds every row its chosen token plus any forced ones, left-padded to the longest:
            # the padding is masked out, so each row's next-token logits sit at the last position.
            step, step_mask = _left_pad(feed, self.pad_id)
            step_pos = last_pos + step_mask.cumsum(-1)  # a row's tokens continue its positions; padding repeats
            last_pos = step_pos[:, -1:]
            attention = torch.cat([attention, step_mask.to(self.device)], dim=-1)
            out = self.model(input_ids=step.to(self.device), attention_mask=attention,
                             position_ids=step_pos.to(self.device), use_cache=True, logits_to_keep=1,
                             **{self._cache_kw: cache})
            forwards += 1
            cache = _cache_of(out)
            logits = out.logits[:, -1, :]
        synchronize(self.device)
        seconds = time.perf_counter() - start
        return [
            Generation(
                question=q,
                text=cut_after_object(self.tokenizer.decode(toks, skip_special_tokens=True)).strip(),
                prompt_tokens=len(ids), new_tokens=len(toks), batch_seconds=seconds, batch_size=n,
                forwards=forwards, forced_tokens=fc,
            )
            for q, ids, toks, fc in zip(questions, encoded, new_tokens, forced_count)
        ]
