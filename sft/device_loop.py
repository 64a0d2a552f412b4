"""The engine's decode loop kept on the device, for rows no grammar constrains (issue 15).

The host loop of :meth:`sft.engine.Extractor._generate` reads every step's chosen tokens back and, per
row, feeds a :class:`sft.engine.JsonClose` tracker, appends to Python lists and builds the next step's input:
~13 µs per row and step, which at batch 1,024 is more time than the GPU's step. Here the same decisions are
tensor operations over the whole batch:

* the JSON tracker is a table over (tracker state, token): :class:`CloseTable` holds, for every state and
  every token of the vocabulary, the state after the token's text and whether it closed the first object
  (the states are ``JsonClose``'s: depth 0..``MAX_DEPTH``, in a string, after a backslash);
* the chosen tokens are written into a [rows, max_new_tokens] tensor, the next step's input is built on the
  device (a finished row feeds padding, as in the host loop), and the host reads one flag per step (does any
  row go on?) and the tokens once at the end.

The answers are the host loop's, token for token (tested); a row whose braces nest deeper than ``MAX_DEPTH``
leaves the table's states, and its batch is run again by the host loop.
"""

from __future__ import annotations

import warnings

import torch

#: The deepest nesting the table follows; deeper, the batch goes back to the host loop.
MAX_DEPTH = 15
_STATES = (MAX_DEPTH + 1) * 4  # depth * 4 + in_string * 2 + escape
OVER = _STATES  # left the table (too deep)
_SPECIAL = frozenset('{}"\\')


def _state(depth: int, in_string: bool, escape: bool) -> int:
    return depth * 4 + in_string * 2 + escape


class CloseTable:
    """:class:`sft.engine.JsonClose` as two tables over (state, token): ``next`` [states + 1, vocab] (long) and
    ``closes`` [states + 1, vocab] (bool); built once per tokenizer from the tokens' decoded texts."""

    def __init__(self, pieces: list[str]):
        from .engine import JsonClose

        vocab = len(pieces)
        self.next = torch.arange(_STATES + 1).unsqueeze(1).repeat(1, vocab)
        self.closes = torch.zeros((_STATES + 1, vocab), dtype=torch.bool)
        for token, piece in enumerate(pieces):
            if not _SPECIAL.intersection(piece):
                continue  # a token without braces, quotes or backslashes leaves every state as it is
            for depth in range(MAX_DEPTH + 1):
                for in_string in (False, True):
                    for escape in (False, True):
                        tracker = JsonClose()
                        tracker.depth, tracker.in_string, tracker.escape = depth, in_string, escape
                        src = _state(depth, in_string, escape)
                        if tracker.feed(piece):
                            self.closes[src, token] = True
                        elif tracker.depth > MAX_DEPTH:
                            self.next[src, token] = OVER
                        else:
                            self.next[src, token] = _state(tracker.depth, tracker.in_string, tracker.escape)

    def to(self, device) -> CloseTable:
        out = object.__new__(CloseTable)
        out.next, out.closes = self.next.to(device), self.closes.to(device)
        return out


def close_table(extractor, vocab: int | None = None) -> CloseTable:
    """The extractor's table for ``vocab`` logits (default: the model's output size), on its device; built
    once per tokenizer and vocabulary size (ids past the tokenizer's own decode to nothing) and kept."""
    if vocab is None:
        head = extractor.model.get_output_embeddings()
        vocab = getattr(head, "out_features", None) or extractor.model.config.vocab_size
    table = extractor.__dict__.get("_close_table")
    if table is not None and table.next.shape[1] == vocab:
        return table
    cache = extractor.tokenizer.__dict__.setdefault("_qwen_sft_close_tables", {})
    if vocab not in cache:
        cache[vocab] = CloseTable([extractor._piece(i) for i in range(vocab)])
    extractor._close_table = cache[vocab].to(extractor.device)
    return extractor._close_table


@torch.inference_mode()
def decode(extractor, stepper, logits: torch.Tensor, n: int) -> tuple[list[list[int]], int] | None:
    """Greedy decoding from the prefill's ``logits`` [n, vocab] through ``stepper`` (the static runner), every
    decision on the device; (each row's new tokens, model calls made), or None when a row left the table
    (the caller runs the batch on the host loop instead)."""
    ex = extractor
    dev, vocab = logits.device, logits.shape[-1]
    table = close_table(ex, vocab)
    stop_ids = torch.zeros(vocab, dtype=torch.bool, device=dev)
    stop_ids[[i for i in ex.stop_ids if i < vocab]] = True
    if not ex.stop_at_answer:
        stop_ids.zero_()
    state = torch.zeros(n, dtype=torch.long, device=dev)
    active = torch.ones(n, dtype=torch.bool, device=dev)
    count = torch.zeros(n, dtype=torch.long, device=dev)
    out = torch.zeros((n, ex.max_new_tokens), dtype=torch.long, device=dev)
    pad = torch.tensor(ex.pad_id, device=dev)
    forwards = 1
    for step in range(ex.max_new_tokens):
        token = logits.float().argmax(-1)
        append = active & ~stop_ids[token]  # an end-of-turn token ends the row unwritten
        out[:, step] = token  # a row's tokens are out[:, :count]: it appends every step until it stops
        count += append
        closes = table.closes[state, token] & append
        state = torch.where(append, table.next[state, token], state)
        if ex.stop_at_answer:
            active = append & ~closes
        if step + 1 >= ex.max_new_tokens or (ex.stop_at_answer and not bool(active.any())):
            break  # without stop_at_answer every row runs on: no read-back at all until the end
        if stepper.steps_left <= 0:
            warnings.warn("static KV cache full: the batch stops here", stacklevel=3)
            break
        logits = stepper.step_tensor(torch.where(active, token, pad))
        forwards += 1
    if bool((state == OVER).any()):
        return None
    counts = count.tolist()
    return [toks[:c] for toks, c in zip(out.tolist(), counts)], forwards
