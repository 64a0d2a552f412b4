"""Prompt-lookup decoding for a batch of one row (issue 15): fewer model calls, the same greedy answer.

At batch 1 a model call costs about the same whether it reads one token or eight: on a GPU it is bound by
kernel launches, on a CPU by reading the weights. An answer is mostly copied from what the model has seen: the
JSON skeleton (``{"city": "`` … ``", "date": "`` … ``"}``) and the city and date words of the question. So each
call feeds the row's last token and ``k - 1`` draft tokens found by looking the answer's last tokens up in the
answer so far, in answer skeletons and in the prompt (:class:`Drafter`); the call returns the model's pick after
every fed token, and greedy verification keeps the drafts up to the first the model would not have picked, plus
the model's own pick there. Every kept token is one the plain greedy loop would have chosen: the answer is the
same, token for token (a multi-token call runs other kernels than a one-token one, so on a GPU two tokens that
tie to the last bit can break the other way; the bench reports the answers).

A draft token that is refused still took a slot of the KV cache: the steppers hide it from later calls (the
static path's own mask; the dynamic path's attention mask), so nothing of it is ever read.
"""

from __future__ import annotations

import torch

#: Tokens a lookup call feeds (the row's last token and up to ``LOOKUP_TOKENS - 1`` drafts).
LOOKUP_TOKENS = 8
#: The longest answer suffix looked up (then shorter ones, down to one token).
NGRAM = 3
#: Answers whose tokens show the skeleton a model writes (tokenized whole, as a model's output is).
SKELETONS = ('{"city": "北京", "date": "06-01"}', '{"city": null, "date": null}',
             '{"city": "北京", "date": null}', '{"city": null, "date": "06-01"}')


class Drafter:
    """Draft tokens for one row: the tokens that followed the latest earlier occurrence of the answer's last
    ``NGRAM`` (then fewer) tokens, searched in the answer so far, then the skeletons, then the prompt."""

    def __init__(self, prompt_ids: list[int], skeletons: list[list[int]]):
        self.sources = [*skeletons, list(prompt_ids)]

    @staticmethod
    def _after(source: list[int], suffix: list[int], k: int) -> list[int]:
        """Up to ``k`` tokens after the latest occurrence of ``suffix`` in ``source`` that has a token after it
        (so the answer's own last tokens are never their own match)."""
        n = len(suffix)
        for i in range(len(source) - n - 1, -1, -1):
            if source[i:i + n] == suffix:
                return source[i + n:i + n + k]
        return []

    def propose(self, answer: list[int], k: int) -> list[int]:
        """Up to ``k`` tokens likely to follow ``answer`` (none: no suffix of it was seen)."""
        draft: list[int] = []
        while len(draft) < k:
            context = answer + draft
            found: list[int] = []
            for n in range(min(NGRAM, len(context)), 0, -1):
                suffix = context[-n:]
                for source in (context, *self.sources):
                    found = self._after(source, suffix, k - len(draft))
                    if found:
                        break
                if found:
                    break
            if not found:
                break
            draft += found
        return draft[:k]


def skeletons(tokenizer) -> list[list[int]]:
    """:data:`SKELETONS` as token ids (once per tokenizer)."""
    cache = tokenizer.__dict__.get("_qwen_sft_skeletons")
    if cache is None:
        cache = tokenizer.__dict__["_qwen_sft_skeletons"] = [tokenizer(s, add_special_tokens=False)["input_ids"]
                                                             for s in SKELETONS]
    return cache


@torch.inference_mode()
def decode(extractor, stepper, logits: torch.Tensor, prompt_ids: list[int]) -> tuple[list[int], int]:
    """Greedy decoding of one row from the prefill's ``logits`` [1, vocab] through ``stepper`` (the static
    runner or the dynamic steps, both with ``verify``/``commit``), ``extractor.lookup`` tokens per call;
    (the row's new tokens, model calls made including the prefill). Stops as the host loop does: at an end
    of turn, when the JSON object closes (``stop_at_answer``), or after ``max_new_tokens`` chosen tokens."""
    from .engine import JsonClose

    ex, k = extractor, extractor.lookup
    drafter = Drafter(prompt_ids, skeletons(ex.tokenizer))
    tracker = JsonClose()
    out: list[int] = []
    forwards, decoded = 1, 0
    queue = [int(logits[0].float().argmax())]  # chosen tokens not yet taken; all but the last already fed
    while True:
        token = queue.pop(0)
        decoded += 1
        if token in ex.stop_ids and ex.stop_at_answer:
            break
        out.append(token)
        if (tracker.feed(ex._piece(token)) and ex.stop_at_answer) or decoded >= ex.max_new_tokens:
            break
        if queue:
            continue
        # the model reads `token` now: alone, or with drafts when any were found and the cache has room
        draft = drafter.propose(out, k - 1) if stepper.steps_left >= k else []
        if not draft:
            if stepper.steps_left <= 0:
                import warnings

                warnings.warn("static KV cache full: the batch stops here", stacklevel=3)
                break
            queue = [int(stepper.step([[token]])[0].float().argmax())]
        else:
            draft += [ex.pad_id] * (k - 1 - len(draft))  # a fixed width (one graph); a pad kept is a real pick
            picks = stepper.verify([token, *draft])[0].float().argmax(-1).tolist()
            kept = 0
            while kept < k - 1 and draft[kept] == picks[kept]:
                kept += 1
            stepper.commit(kept + 1)
            queue = draft[:kept] + [picks[kept]]
        forwards += 1
    return out, forwards
