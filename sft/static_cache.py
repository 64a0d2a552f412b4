"""The engine's static path: a pre-allocated KV cache per batch bucket and, on CUDA, every forward pass
replayed from a CUDA graph.

An eager decode step of a 24-layer model is launch-bound on a GPU (~18 ms of Python and kernel launches for
~0.2 ms of weight reads, issue 15). Here the shapes are fixed so the step can be captured once and replayed:

* a batch of ``n`` rows runs in the smallest bucket of ``1, 2, 4, …, batch_size`` that holds it (the spare
  rows repeat row 0 and are never read);
* the KV cache is transformers' ``StaticCache`` of ``max_cache_len`` slots (a multiple of 64 that holds the
  prompt, the answer and the tokens a grammar forces), written at slot ``cumulative_length`` by the model;
* the attention mask is ours, 4-D and boolean (``[bucket, 1, q, slots]``: a slot is seen once written and
  not padding), so transformers builds none and nothing in a forward pass waits for the host;
* prefill is one model call, its prompt width rounded up to a multiple of 16 (left padding) so that a few
  graphs cover every batch; a decode step feeds exactly one token per row (a token a grammar forces is fed
  by the next step, not joined to this one: one replay costs less than an eager multi-token call);
* the position ids and the mask's new slot advance inside the graph, so a step costs one copy of the chosen
  tokens to the GPU, one replay and one read of the logits.

On a CPU (or with ``graphs=False``) the same functions run eagerly: the tests compare this path's answers
with the dynamic path's on a tiny model. A graph that fails to capture (a model whose forward waits for the
host) falls back to the eager static path with a warning; a model whose cache is not a transformers
``Cache`` uses the dynamic path (:class:`sft.engine.Extractor` decides).
"""

from __future__ import annotations

import os
import warnings

import torch

from .engine import _left_pad

#: The attention the static path runs (see :func:`gqa_attention`); ``QWEN_SFT_GQA=0`` keeps transformers' own.
GQA_ATTENTION = "qwen_sft_gqa"


def gqa_attention(module, query, key, value, attention_mask, dropout: float = 0.0, scaling=None, **kwargs):
    """SDPA over the key/value heads themselves: each KV head's query heads become rows of one query block
    ([batch, kv_heads, groups * q, dim]), so the cache is read as it is. transformers' SDPA path copies the
    whole cache to every query head first (``repeat_kv``) when a mask is given: on the H200 at batch 1,024
    those copies were 47 % of the GPU time of a decode step (reports/reference-h100, engine-profile).
    Same arithmetic, other kernels: answers can differ where two tokens tie to the last bit."""
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    groups = getattr(module, "num_key_value_groups", 1)
    if groups == 1 or attention_mask is None or attention_mask.dtype != torch.bool:
        return sdpa_attention_forward(module, query, key, value, attention_mask, dropout=dropout, scaling=scaling,
                                      **kwargs)
    b, heads, q, d = query.shape
    kv_heads = key.shape[1]
    query = query.reshape(b, kv_heads, groups * q, d)  # head h = kv * groups + g: rows (g, position)
    mask = attention_mask if q == 1 else attention_mask.repeat(1, 1, groups, 1)
    out = torch.nn.functional.scaled_dot_product_attention(query, key, value, attn_mask=mask, scale=scaling)
    return out.reshape(b, heads, q, d).transpose(1, 2).contiguous(), None


def _register_gqa() -> None:
    from transformers import AttentionInterface, AttentionMaskInterface
    from transformers.masking_utils import sdpa_mask

    AttentionInterface.register(GQA_ATTENTION, gqa_attention)
    AttentionMaskInterface.register(GQA_ATTENTION, sdpa_mask)

#: Prompt widths are rounded up to a multiple of this (one prefill graph per width).
PREFILL_WIDTH_STEP = 16
#: Cache lengths are rounded up to a multiple of this (one cache and decode graph per length and bucket).
CACHE_LENGTH_STEP = 64


def bucket(n: int, cap: int) -> int:
    """The batch bucket of ``n`` rows: the next power of two, at most ``cap`` (but never below ``n``)."""
    b = 1
    while b < n:
        b *= 2
    return max(n, min(b, cap))


def round_up(n: int, step: int) -> int:
    return -(-n // step) * step


class _Slot:
    """One (bucket, cache length): its cache, its static input buffers and its captured graphs."""

    def __init__(self, runner: StaticRunner, rows: int, length: int):
        from transformers import StaticCache

        dev = runner.device
        self.runner, self.rows, self.length = runner, rows, length
        self.cache = StaticCache(config=runner.model.config, max_cache_len=length)
        self.ids = torch.zeros((rows, 1), dtype=torch.long, device=dev)
        self.pos = torch.zeros((rows, 1), dtype=torch.long, device=dev)
        self.mask = torch.zeros((rows, 1, 1, length), dtype=torch.bool, device=dev)
        self.prefills: dict[int, _Prefill] = {}
        self.graph: torch.cuda.CUDAGraph | None = None
        self.logits: torch.Tensor | None = None  # the decode graph's output
        # prompt-lookup calls (sft.lookup), batch 1 only: k tokens in, k logits out, their k slots hidden until
        # commit() shows the ones kept
        self.k = runner.lookup if rows == 1 and runner.lookup > 1 else 0
        if self.k:
            self.vids = torch.zeros((rows, self.k), dtype=torch.long, device=dev)
            self.vmask = torch.zeros((rows, 1, self.k, length), dtype=torch.bool, device=dev)
            self.vcols = torch.zeros(self.k, dtype=torch.long, device=dev)
            self.offsets = torch.arange(self.k, device=dev)
            self.tril = torch.ones((self.k, self.k), dtype=torch.bool, device=dev).tril()
            self.vgraph: torch.cuda.CUDAGraph | None = None
            self.vlogits: torch.Tensor | None = None

    # -- eager bodies (also what the graphs capture)
    def _forward(self, ids, mask, pos, keep: int = 1) -> torch.Tensor:
        """The logits of the last ``keep`` positions: [rows, vocab] for one, [rows, keep, vocab] for more."""
        r = self.runner
        config = r.model.config
        before = config._attn_implementation
        if r.gqa and before == "sdpa":
            config._attn_implementation = GQA_ATTENTION
        try:
            out = r.model(input_ids=ids, attention_mask=mask, position_ids=pos, use_cache=True, logits_to_keep=keep,
                          **{r.cache_kw: self.cache})
        finally:
            config._attn_implementation = before
        return out.logits[:, -1, :] if keep == 1 else out.logits

    def _decode_body(self) -> torch.Tensor:
        # the new token's slot becomes visible, then the step, then the next position (the slot counter is on
        # the CPU until the cache's first write)
        slot = self.cache.layers[0].cumulative_length.reshape(1).to(self.mask.device)
        self.mask.index_fill_(3, slot, True)
        logits = self._forward(self.ids, self.mask, self.pos)
        self.pos.add_(1)
        return logits

    def _verify_body(self) -> torch.Tensor:
        # the k fed tokens take the next k slots; each sees the row's shown slots and the fed ones up to itself
        cols = self.cache.layers[0].cumulative_length.reshape(1).to(self.mask.device) + self.offsets
        self.vcols.copy_(cols)
        self.vmask.copy_(self.mask.expand_as(self.vmask))
        self.vmask.index_copy_(3, cols, self.tril.expand(self.rows, 1, self.k, self.k))
        return self._forward(self.vids, self.vmask, self.pos + self.offsets, keep=self.k)

    def prepare(self) -> None:
        """One eager step allocates the cache (transformers allocates it at its first write); then the decode
        step (and the lookup call) is captured, before any batch is in the cache (the warm-up runs write to it;
        prefill resets it)."""
        self._decode_body()
        if self.runner.graphs:
            self.graph, self.logits = self.runner.capture(self._decode_body)
            if self.k and self.runner.graphs:
                self.vgraph, self.vlogits = self.runner.capture(self._verify_body)

    def decode(self) -> torch.Tensor:
        if self.graph is None:
            return self._decode_body()
        self.graph.replay()
        return self.logits

    def verify(self) -> torch.Tensor:
        if self.vgraph is None:
            return self._verify_body()
        self.vgraph.replay()
        return self.vlogits

    def commit(self, kept: int) -> None:
        """Show the first ``kept`` slots of the last lookup call (the fed token and the drafts kept); the next
        token's position follows them."""
        shown = (self.offsets < kept).view(1, 1, 1, self.k).expand(self.rows, 1, 1, self.k)
        self.mask.index_copy_(3, self.vcols, shown)
        self.pos.add_(kept)


class _Prefill:
    """The prefill of one prompt width in one slot: input buffers, and its graph once captured."""

    def __init__(self, slot: _Slot, width: int):
        dev = slot.runner.device
        self.slot, self.width = slot, width
        self.ids = torch.zeros((slot.rows, width), dtype=torch.long, device=dev)
        self.pos = torch.zeros((slot.rows, width), dtype=torch.long, device=dev)
        self.valid = torch.zeros((slot.rows, width), dtype=torch.bool, device=dev)
        self.mask = torch.zeros((slot.rows, 1, width, slot.length), dtype=torch.bool, device=dev)
        self.graph: torch.cuda.CUDAGraph | None = None
        self.logits: torch.Tensor | None = None

    def body(self) -> torch.Tensor:
        s, w = self.slot, self.width
        s.cache.reset()
        # query i sees key j <= i of its own row that is not padding; a padding query sees itself only (no row
        # of the softmax is empty, so no NaN reaches the cache)
        causal = torch.ones((w, w), dtype=torch.bool, device=self.ids.device).tril()
        seen = (causal[None] & self.valid[:, None, :]) | torch.eye(w, dtype=torch.bool, device=self.ids.device)
        self.mask[:, 0, :, :w] = seen
        logits = s._forward(self.ids, self.mask, self.pos)
        # the decode steps see the prompt's own slots, and continue its positions
        s.mask.zero_()
        s.mask[:, 0, 0, :w] = self.valid
        s.pos.copy_(self.pos[:, -1:] + 1)
        return logits

    def run(self) -> torch.Tensor:
        if self.graph is None and self.slot.runner.graphs:
            self.graph, self.logits = self.slot.runner.capture(self.body)
        if self.graph is None:
            return self.body()
        self.graph.replay()
        return self.logits


class StaticRunner:
    """Runs one batch at a time through a static cache: :meth:`prefill`, then :meth:`step` per token.

    ``graphs``: capture every forward pass in a CUDA graph (CUDA only)."""

    multi_token = False  # a step feeds one token per row

    def __init__(self, model, cache_kw: str, *, max_batch: int, graphs: bool, lookup: int = 0):
        self.model, self.cache_kw, self.max_batch = model, cache_kw, max_batch
        self.lookup = lookup  # tokens per prompt-lookup call at batch 1 (sft.lookup); 0: none
        self.device = next(model.parameters()).device
        self.graphs = graphs and self.device.type == "cuda"
        # gqa_attention instead of transformers' SDPA (which copies the cache per query head under a mask)
        self.gqa = os.environ.get("QWEN_SFT_GQA", "1") != "0"
        if self.gqa:
            _register_gqa()
        self.graph_error: str | None = None
        self._slots: dict[tuple[int, int], _Slot] = {}
        self._slot: _Slot | None = None
        self._n = 0
        self.steps_left = 0

    def capture(self, body):
        """(graph, its output) of ``body``, captured after two eager warm-up runs on a side stream; (None,
        None) once a capture has failed (warned once: the eager static path goes on)."""
        try:
            stream = torch.cuda.Stream(self.device)
            stream.wait_stream(torch.cuda.current_stream(self.device))
            with torch.cuda.stream(stream):
                for _ in range(2):
                    body()
            torch.cuda.current_stream(self.device).wait_stream(stream)
            graph = torch.cuda.CUDAGraph()
            with torch.cuda.graph(graph):
                out = body()
            return graph, out
        except Exception as exc:  # noqa: BLE001 - any capture failure: run eagerly, say why once
            self.graphs = False
            self.graph_error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            warnings.warn(f"CUDA graph capture failed, the static cache runs eagerly: {self.graph_error}",
                          stacklevel=3)
            torch.cuda.synchronize(self.device)
            return None, None

    def prefill(self, rows: list[list[int]], pad_id: int, steps: int) -> torch.Tensor:
        """Run the prompts ``rows`` (left-padded here) into a fresh cache with room for ``steps`` decode steps;
        the last position's logits [len(rows), vocab]."""
        n = len(rows)
        width = round_up(max(len(r) for r in rows), PREFILL_WIDTH_STEP)
        length = round_up(width + steps, CACHE_LENGTH_STEP)
        size = bucket(n, self.max_batch)
        slot = self._slots.get((size, length))
        if slot is None:
            slot = self._slots[(size, length)] = _Slot(self, size, length)
            slot.prepare()
        pre = slot.prefills.get(width)
        if pre is None:
            pre = slot.prefills[width] = _Prefill(slot, width)
        ids, valid = _left_pad(rows + [rows[0]] * (size - n), pad_id, width)  # spare rows repeat row 0
        pre.ids.copy_(ids)
        pre.valid.copy_(valid.bool())
        pre.pos.copy_((valid.cumsum(-1) - 1).clamp(min=0))
        self._slot, self._n, self.steps_left = slot, n, length - width
        return pre.run()[:n]

    def step(self, feed: list[list[int]]) -> torch.Tensor:
        """Feed each row its one token (``feed[i] == [token]``); the next logits [len(feed), vocab]."""
        return self.step_tensor(torch.tensor([f[0] for f in feed], dtype=torch.long))

    def step_tensor(self, tokens: torch.Tensor) -> torch.Tensor:
        """Feed each row its token (``tokens`` [n], on the host or already on the device: then no round trip);
        the next logits [n, vocab]."""
        slot = self._slot
        if self.steps_left <= 0:
            raise RuntimeError("static KV cache full")  # the engine stops before this (steps_left)
        if slot.rows > self._n:  # spare rows repeat row 0
            tokens = torch.cat([tokens, tokens[:1].expand(slot.rows - self._n)])
        slot.ids.copy_(tokens[:, None])
        self.steps_left -= 1
        return slot.decode()[: self._n]

    def verify(self, tokens: list[int]) -> torch.Tensor:
        """Prompt-lookup call (one row, ``self.lookup`` tokens): the logits after each fed token [1, k, vocab].
        Its slots stay hidden until :meth:`commit`."""
        slot = self._slot
        if self._n != 1 or len(tokens) != slot.k:
            raise ValueError(f"a lookup call feeds one row {slot.k} tokens, not {self._n} x {len(tokens)}")
        if self.steps_left < slot.k:
            raise RuntimeError("static KV cache full")  # sft.lookup checks steps_left first
        slot.vids.copy_(torch.tensor([tokens], dtype=torch.long))
        self.steps_left -= slot.k
        return slot.verify()[:1]

    def commit(self, kept: int) -> None:
        """After :meth:`verify`: the first ``kept`` fed tokens are the row's (the others' slots stay hidden)."""
        self._slot.commit(kept)
