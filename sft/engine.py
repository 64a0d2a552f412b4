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
* an optional constraint (grammar) masks the logits of each step (see ``Constraint``);
* a batch of one unconstrained row reads its last token and up to ``lookup - 1`` draft tokens per model call,
  the drafts found by prompt lookup and kept as far as greedy decoding would have chosen them
  (:mod:`sft.lookup`: the same answer in fewer calls).
"""

from __future__ import annotations

import inspect
import time
import warnings
from dataclasses import dataclass
from typing import Protocol

import torch

from .errors import UserError
from .lookup import LOOKUP_TOKENS
from .prompt import render

#: A shared opening shorter than this is not worth a separate model call.
MIN_SHARED_PREFIX = 8

#: The longest question the engine reads, in tokens: a longer one is cut to its first 512 tokens, with a
#: warning (a weather question is a sentence; 20,000 characters took 170 s before this cap).
MAX_QUESTION_TOKENS = 512

#: Free-first by default (``free_first=None``) on CUDA for batches of at least this many rows; on a CPU always.
#: Measured on the H200 (reports/h100-free-first, qlora+resolve+json, one call each way): masking every step
#: was faster at 1 row (p50 35 vs 46 ms: jump-forward saves model calls) and at 64 (693 vs 627-646 q/s), free-first
#: at 2,048 and 4,096 rows (1,939-2,285 vs 1,286-1,568 q/s: no host work per row and step). On the 2-core CPU at 64
#: rows free-first was faster (7.2 vs 5.3 q/s, reports/cpu-free-first). Sizes in between were not measured.
FREE_FIRST_CUDA_MIN_ROWS = 65


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
    whole: bool = True  # the text is everything decoded: nothing cut after the object, no whitespace stripped


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


def _left_pad(rows: list[list[int]], pad_id: int, width: int | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """(ids, mask) [len(rows), width (default: the longest)]: each row right-aligned after padding, mask 1 on
    its own tokens."""
    width = width or max(len(ids) for ids in rows)
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
                 share_prefix: bool = True, compact: bool = True, static: bool | None = None,
                 cuda_graphs: bool | None = None, device_loop: bool = True, free_first: bool | None = None,
                 lookup: int | None = None):
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
        on_cuda = self.device.type == "cuda"
        # the static cache (sft.static_cache), by default on CUDA, where the launches dominate; its decode and
        # prefill calls replayed from CUDA graphs (CUDA only). share_prefix and compact are the dynamic path's.
        self.static = on_cuda if static is None else static
        self.cuda_graphs = (on_cuda if cuda_graphs is None else cuda_graphs) and on_cuda
        self._static_runner = None
        # the static path's decode loop on the device for rows no grammar constrains (sft.device_loop); False:
        # the host loop (the same answers, a host round trip and Python work per row and step)
        self.device_loop = device_loop
        # under a constraint: decode freely, then constrain only the rows whose answer it refuses (_run_batches);
        # None: by measurement (FREE_FIRST_CUDA_MIN_ROWS)
        self.free_first = free_first
        self.last_redone = 0  # rows of the last batch that free-first decoded a second time, constrained
        # a batch of one unconstrained row: each model call reads its last token and drafts found by prompt lookup
        # (sft.lookup: the same answer in fewer calls); the tokens per call, 0 or 1: one token per call
        self.lookup = LOOKUP_TOKENS if lookup is None else lookup
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

    def encode_many(self, questions: list[str], todays) -> list[list[int]]:
        """:meth:`encode` of every question, the ordinary ones tokenized in one batched call (the same ids)."""
        plain = [i for i, q in enumerate(questions)
                 if isinstance(q, str) and q.strip() and len(q) <= MAX_QUESTION_TOKENS]
        texts = [render(self.tokenizer, questions[i], self.prompt, today=todays[i]) for i in plain]
        batch = self.tokenizer(texts, add_special_tokens=False)["input_ids"] if texts else []
        out: list[list[int] | None] = [None] * len(questions)
        for i, ids in zip(plain, batch):
            if len(ids) <= self.max_prompt_tokens:
                out[i] = list(ids)
        return [ids if ids is not None else self.encode(q, t) for ids, q, t in zip(out, questions, todays)]

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
        encoded = self.encode_many(questions, todays)
        order = sorted(range(len(questions)), key=lambda i: len(encoded[i]))
        batches = [order[start : start + self.batch_size] for start in range(0, len(order), self.batch_size)]
        return self._run_batches(questions, encoded, batches, progress)

    @property
    def needs_warmup(self) -> bool:
        """Whether the first batch of each shape captures CUDA graphs (time a speed figure should not count:
        run the questions once untimed first)."""
        return self.static and self.cuda_graphs  # cuda_graphs is only ever set on CUDA

    def warm_up(self, questions: list[str], todays=None) -> float:
        """Run ``questions`` once, untimed, so that every batch shape they make has its CUDA graphs; the
        constraint's per-question caches (compiled grammars) are emptied after, so a timed run that follows
        still pays for them. Returns the seconds it took."""
        start = time.perf_counter()
        self(questions, todays=todays)
        clear = getattr(self.constraint, "clear_cache", None)
        if clear is not None:
            clear()
        return time.perf_counter() - start

    @property
    def engine_label(self) -> str:
        """What ran: ``dynamic``, ``static`` (eager) or ``static+cuda-graphs``, with ``+device-loop`` where the
        decode loop stays on the device (no grammar, or the free pass of free-first) and ``+free-first`` where a
        constraint applies only to the rows whose free answer it refuses (``+free-first>=65`` : from that many
        rows in a batch)."""
        can_free = self.constraint is not None and hasattr(self.constraint, "accepts") and self.free_first is not False
        free = ""
        if can_free:
            free = "+free-first" if self.free_first or self.device.type != "cuda" else \
                f"+free-first>={FREE_FIRST_CUDA_MIN_ROWS}"
        if not self.static:
            return "dynamic" + free + self._lookup_label
        runner = self._static_runner
        label = "static+cuda-graphs" if runner is not None and runner.graphs else "static"
        label += "+device-loop" if self.device_loop and (self.constraint is None or can_free) else ""
        return label + free + self._lookup_label

    @property
    def _lookup_label(self) -> str:
        """``+lookupK`` where every batch is one row decoded by prompt lookup (sft.lookup)."""
        return f"+lookup{self.lookup}" if self.batch_size == 1 and self.lookup > 1 and self.constraint is None else ""

    def _free_first_for(self, rows: int) -> bool:
        """Whether a batch of ``rows`` rows is decoded free-first (:meth:`_run_batches`)."""
        if self.constraint is None or not hasattr(self.constraint, "accepts"):
            return False
        if self.free_first is not None:
            return self.free_first
        return self.device.type != "cuda" or rows >= FREE_FIRST_CUDA_MIN_ROWS

    def _use_static(self) -> bool:
        """Whether batches run through the static cache (:mod:`sft.static_cache`): asked for, and the model's
        cache a transformers ``Cache`` (a remote-code model's tuple cache is not)."""
        if not self.static:
            return False
        if self._static_runner is None:
            try:
                from transformers import StaticCache  # noqa: F401

                from .static_cache import StaticRunner

                base = self.model.get_base_model() if hasattr(self.model, "get_base_model") else self.model
                if not type(base).__module__.startswith("transformers.models."):  # remote code: its own cache
                    raise TypeError(f"{type(base).__name__} is remote code, its cache is its own")
                self._static_runner = StaticRunner(self.model, self._cache_kw, max_batch=self.batch_size,
                                                   graphs=self.cuda_graphs, lookup=self.lookup)
            except (ImportError, TypeError) as exc:
                warnings.warn(f"static KV cache unavailable ({exc}): the dynamic cache is used", stacklevel=3)
                self.static = False
                return False
        return True

    def generate_batch(self, questions: list[str], encoded: list[list[int]]) -> list[Generation]:
        """One batch, as it comes (no sorting, no splitting); see :meth:`_run_batches`."""
        return self._run_batches(questions, encoded, [list(range(len(questions)))])

    @torch.inference_mode()
    def _run_batches(self, questions: list[str], encoded: list[list[int]], batches: list[list[int]],
                     progress=None) -> list[Generation]:
        """Decode each batch (a list of indices into ``questions``). Under a constraint with ``free_first``, every
        row of a batch is decoded freely first (the device loop on the static path) and only the rows whose
        answer the constraint does not accept (``constraint.accepts``) are decoded again under it: a greedy pick
        the grammar allows is the pick the masked step makes too, so an accepted answer is the one constrained
        decoding gives, and it costs no host work per step."""
        results: list[Generation | None] = [None] * len(questions)
        refused: list[tuple[int, Generation]] = []  # free-first rows the constraint refused, with their free pass
        for rows in batches:
            batch_q, batch_ids = [questions[i] for i in rows], [encoded[i] for i in rows]
            if self._free_first_for(len(rows)):
                gens, redo = self._free_pass(batch_q, batch_ids)
                refused += [(rows[j], gens[j]) for j in redo]
            else:
                gens, redo = self._generate(batch_q, batch_ids, self.constraint), []
            again = set(redo)
            for j, (i, gen) in enumerate(zip(rows, gens)):
                if j not in again:
                    results[i] = gen
            if progress is not None:
                progress(len(rows) - len(redo))
        # The refused rows of every free-first batch are decoded again under the constraint together, after the
        # last batch: one constrained decode (few rows, a model call per token and host work per step) for the
        # whole call instead of one per batch. Each keeps its free pass in its time and model calls.
        refused.sort(key=lambda pair: len(encoded[pair[0]]))
        for start in range(0, len(refused), self.batch_size):
            part = refused[start : start + self.batch_size]
            fixed = self._generate([questions[i] for i, _ in part], [encoded[i] for i, _ in part], self.constraint)
            for (i, free), gen in zip(part, fixed):
                gen.batch_seconds += free.batch_seconds
                gen.forwards += free.forwards
                gen.batch_size = free.batch_size
                results[i] = gen
            if progress is not None:
                progress(len(part))
        self.last_redone = len(refused)
        return results  # type: ignore[return-value]

    def _free_pass(self, questions: list[str], encoded: list[list[int]]) -> tuple[list[Generation], list[int]]:
        """Free-first's first pass: every row decoded freely, and the rows whose answer the constraint refuses
        (or that were cut short)."""
        gens = self._generate(questions, encoded, None)
        return gens, [i for i, g in enumerate(gens) if not g.whole or not self.constraint.accepts(g.text, questions[i])]

    def _generate(self, questions: list[str], encoded: list[list[int]], batch_constraint) -> list[Generation]:
        n = len(encoded)
        trackers = [JsonClose() for _ in range(n)]
        constraint = batch_constraint.new_batch(n, questions) if batch_constraint is not None else None
        jump = constraint is not None and self.jump_forward and hasattr(constraint, "forced")
        active = [True] * n
        new_tokens: list[list[int]] = [[] for _ in range(n)]
        forced_count = [0] * n
        decoded = [0] * n  # tokens a row chose itself (max_new_tokens bounds these)
        pending: list[list[int]] = [[] for _ in range(n)]  # chosen or forced tokens the model has not read yet

        def take_forced(r: int) -> list[int]:
            """The row's forced tokens (already accepted by the constraint), fed to its JSON tracker."""
            forced = constraint.forced(r) if jump and active[r] else []
            for token in forced:
                new_tokens[r].append(token)
                if trackers[r].feed(self._piece(token)) and self.stop_at_answer:
                    active[r] = False
            forced_count[r] += len(forced)
            return forced

        if constraint is None and self.device_loop and self._use_static():
            from .device_loop import close_table

            close_table(self)  # built once (~1 s), outside the timed batch
        synchronize(self.device)
        start = time.perf_counter()
        # Jump-forward at prefill: what the grammar forces first (`{"city":`) joins the prompt.
        rows = [ids + take_forced(r) for r, ids in enumerate(encoded)]
        device_done = None
        looked_up = constraint is None and n == 1 and self.lookup > 1
        if self._use_static():
            stepper = self._static_runner
            # room for every chosen token and as many forced ones (a grammar forces fewer)
            logits = stepper.prefill(rows, self.pad_id, steps=2 * self.max_new_tokens + 16)
            forwards = 1
            if looked_up:
                from .lookup import decode

                tokens, calls = decode(self, stepper, logits, rows[0])
                device_done = [tokens], calls
            elif constraint is None and self.device_loop:
                from .device_loop import decode

                device_done = decode(self, stepper, logits, n)
                if device_done is None:  # a row nested deeper than the table follows: the host loop, afresh
                    logits = stepper.prefill(rows, self.pad_id, steps=2 * self.max_new_tokens + 16)
        else:
            stepper = _DynamicSteps(self, n)
            logits = stepper.prefill(rows, encoded)
            forwards = stepper.forwards
            if looked_up:
                from .lookup import decode

                tokens, calls = decode(self, stepper, logits, rows[0])
                device_done = [tokens], forwards - 1 + calls
        if device_done is not None:
            new_tokens, forwards = device_done
        else:
            live = list(range(n))  # the batch row of each row of the tensors (finished rows leave: compact)
            while True:
                logits = logits.float()
                deciding = [r if active[r] and not pending[r] else None for r in live]
                if constraint is not None:
                    constraint.mask(logits, deciding)
                chosen = logits.argmax(-1).tolist()
                for j, r in enumerate(deciding):
                    if r is None:
                        continue
                    token = chosen[j]
                    decoded[r] += 1
                    stop = token in self.stop_ids and self.stop_at_answer
                    if not stop:
                        new_tokens[r].append(token)
                        stop = trackers[r].feed(self._piece(token)) and self.stop_at_answer
                    if constraint is not None and constraint.accept(r, token):
                        stop = True
                    if stop:
                        active[r] = False
                    else:
                        pending[r] = [token] + take_forced(r)
                        if decoded[r] >= self.max_new_tokens:
                            active[r] = False
                if not any(active):
                    break
                if not stepper.multi_token and stepper.steps_left <= 0:  # only past max_new_tokens forced tokens
                    warnings.warn("static KV cache full: the batch stops here", stacklevel=2)
                    break
                # Each row feeds what it has not fed yet: all of it (dynamic: one call, left-padded), or one token
                # (static: a forced token waits for the next step); a finished row feeds padding.
                feed: list[list[int]] = []
                for r in live:
                    if not active[r]:
                        feed.append([self.pad_id])
                    elif stepper.multi_token:
                        feed.append(pending[r])
                        pending[r] = []
                    else:
                        feed.append([pending[r].pop(0)])
                if stepper.multi_token and self.compact:
                    live, feed = stepper.compact(live, feed, active)
                logits = stepper.step(feed)
                forwards += 1
        synchronize(self.device)
        seconds = time.perf_counter() - start
        out = []
        for q, ids, toks, fc in zip(questions, encoded, new_tokens, forced_count):
            full = self.tokenizer.decode(toks, skip_special_tokens=True)
            text = cut_after_object(full).strip()
            out.append(Generation(question=q, text=text, prompt_tokens=len(ids), new_tokens=len(toks),
                                  batch_seconds=seconds, batch_size=n, forwards=forwards, forced_tokens=fc,
                                  whole=text == full))
        return out


class _DynamicSteps:
    """The dynamic path: transformers' growing cache, the shared opening run once (``share_prefix``),
    ragged multi-token steps left-padded within the step, finished rows dropped (``compact``)."""

    multi_token = True
    steps_left = 1 << 30  # the cache grows as needed

    def __init__(self, extractor: Extractor, n: int):
        self.ex, self.n = extractor, n
        self.forwards = 0
        self._fed = 0  # tokens the last lookup call fed (verify)

    def prefill(self, rows: list[list[int]], encoded: list[list[int]]) -> torch.Tensor:
        ex, n = self.ex, self.n
        shared = ex.shared_prefix(encoded)
        prefix_cache = ex._prefix_cache(encoded[0][:shared], n) if shared else None
        if prefix_cache is None:
            shared = 0
        # Each row: [shared opening][padding][its own tokens]; the padding is masked out, positions skip it.
        input_ids, own = _left_pad([ids[shared:] for ids in rows], ex.pad_id)
        attention = torch.cat([torch.ones((n, shared), dtype=torch.long), own], dim=-1)
        positions = (attention.cumsum(-1) - 1).clamp(min=0)[:, shared:]
        self.last_pos = positions[:, -1:]  # [n, 1], on the CPU
        input_ids, self.attention = input_ids.to(ex.device), attention.to(ex.device)
        cache_arg = {} if prefix_cache is None else {ex._cache_kw: prefix_cache}
        out = ex.model(input_ids=input_ids, attention_mask=self.attention, position_ids=positions.to(ex.device),
                       use_cache=True, logits_to_keep=1, **cache_arg)
        self.forwards = 1 + (prefix_cache is not None)
        self.cache = _cache_of(out)
        return out.logits[:, -1, :]

    def compact(self, live: list[int], feed: list[list[int]], active: list[bool]):
        """Drop the finished rows from the tensors once an eighth of the batch has finished."""
        keep = [j for j, r in enumerate(live) if active[r]]
        finished = len(live) - len(keep)
        if finished and finished * 8 >= len(live) and hasattr(self.cache, "batch_select_indices"):
            index = torch.tensor(keep)
            on_device = index.to(self.ex.device)
            self.cache.batch_select_indices(on_device)
            self.attention, self.last_pos = self.attention[on_device], self.last_pos[index]
            feed, live = [feed[j] for j in keep], [live[j] for j in keep]
        return live, feed

    def step(self, feed: list[list[int]]) -> torch.Tensor:
        """One call feeds every row its tokens, left-padded to the longest: the padding is masked out, so each
        row's next-token logits sit at the last position."""
        ex = self.ex
        step, step_mask = _left_pad(feed, ex.pad_id)
        step_pos = self.last_pos + step_mask.cumsum(-1)  # a row's tokens continue its positions; padding repeats
        self.last_pos = step_pos[:, -1:]
        self.attention = torch.cat([self.attention, step_mask.to(ex.device)], dim=-1)
        out = ex.model(input_ids=step.to(ex.device), attention_mask=self.attention,
                       position_ids=step_pos.to(ex.device), use_cache=True, logits_to_keep=1,
                       **{ex._cache_kw: self.cache})
        self.cache = _cache_of(out)
        return out.logits[:, -1, :]

    def verify(self, tokens: list[int]) -> torch.Tensor:
        """Prompt-lookup call (one row): feed ``tokens``, the logits after each [1, len(tokens), vocab]; which
        of them stay is :meth:`commit`'s."""
        ex, k = self.ex, len(tokens)
        if self.n != 1:
            raise ValueError("a lookup call feeds one row")
        positions = self.last_pos + torch.arange(1, k + 1)
        self.attention = torch.cat([self.attention, torch.ones((1, k), dtype=torch.long, device=ex.device)], dim=-1)
        out = ex.model(input_ids=torch.tensor([tokens], device=ex.device), attention_mask=self.attention,
                       position_ids=positions.to(ex.device), use_cache=True, logits_to_keep=k,
                       **{ex._cache_kw: self.cache})
        self.cache, self._fed = _cache_of(out), k
        return out.logits

    def commit(self, kept: int) -> None:
        """The first ``kept`` tokens of the last :meth:`verify` are the row's: the others stay in the cache,
        masked out (a hole in the attention mask, like padding), and the positions go on after the kept ones."""
        if kept < self._fed:
            self.attention[:, kept - self._fed:] = 0
        self.last_pos = self.last_pos + kept
