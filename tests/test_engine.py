import json

import pytest

from sft.engine import Extractor, JsonClose, cut_after_object
from sft.prompt import render, user_message

QUESTIONS = ["我打算6月1号去北京旅游，请问天气怎么样？", "青岛3-15号天气预报", "5月6号下雪么，城市是威海",
             "一起去东北看冰雕么，大概是1月15号左右，我们3个人一起，你觉得那边冷不冷呢？"]


def test_render_uses_the_chat_template_and_the_tutorial_prompt(tokenizer):
    text = render(tokenizer, "青岛3-15号天气预报")
    assert text.startswith("<|im_start|>system\n") and text.endswith("<|im_start|>assistant\n")
    assert user_message("青岛3-15号天气预报") in text
    assert "请问，这个JSON字符串是：" in text
    short = render(tokenizer, "青岛3-15号天气预报", "short", answer='{"city": "青岛", "date": "03-15"}')
    assert short.endswith('{"city": "青岛", "date": "03-15"}<|im_end|>')
    with pytest.raises(ValueError, match="tutorial, short"):
        render(tokenizer, "x", "nope")


def test_json_close_tracks_strings_and_nesting():
    t = JsonClose()
    assert not t.feed('好的 {"city": "a}b", "x": {')
    assert not t.feed("}")
    assert t.feed(', "date": null} trailing')
    assert cut_after_object('```json\n{"a": "}"}\n```') == '```json\n{"a": "}"}'
    assert cut_after_object("no object") == "no object"


def test_batched_outputs_equal_batch_one_outputs(tiny):
    """Left padding, position ids and the KV cache must not change what a row generates."""
    model, tok = tiny
    one = Extractor(model, tok, batch_size=1, max_new_tokens=8)(QUESTIONS)
    many = Extractor(model, tok, batch_size=4, max_new_tokens=8)(QUESTIONS)
    assert [g.text for g in one] == [g.text for g in many]
    assert [g.new_tokens for g in one] == [g.new_tokens for g in many]
    assert all(g.batch_size == 4 for g in many) and all(g.batch_size == 1 for g in one)
    assert [g.question for g in many] == QUESTIONS  # original order restored after length sorting


def test_stops_as_soon_as_the_json_object_closes(tiny, force_tokens):
    model, tok = tiny
    answer = '{"city": "北京", "date": "06-01"}'
    ids = tok(answer + " 这段代码首先定义了一个函数", add_special_tokens=False)["input_ids"]
    n_answer = len(tok(answer, add_special_tokens=False)["input_ids"])
    gens = Extractor(model, tok, batch_size=2, max_new_tokens=40, constraint=force_tokens(ids))(QUESTIONS[:2])
    for g in gens:
        assert g.text == answer
        assert json.loads(g.text) == {"city": "北京", "date": "06-01"}
        assert g.new_tokens == n_answer  # not one token of the prose after it
        assert g.prompt_tokens > 10 and g.batch_seconds > 0


def test_stops_at_max_new_tokens_without_json(tiny, force_tokens):
    model, tok = tiny
    ids = tok("好的，我明白了。请提供这句话中的城市和日期信息。", add_special_tokens=False)["input_ids"]
    [g] = Extractor(model, tok, max_new_tokens=5, constraint=force_tokens(ids))(QUESTIONS[:1])
    assert g.new_tokens == 5 and g.text == tok.decode(ids[:5])


def test_end_of_turn_stops_a_row(tiny, force_tokens):
    model, tok = tiny
    ids = tok("无", add_special_tokens=False)["input_ids"] + [tok.convert_tokens_to_ids("<|im_end|>")]
    [g] = Extractor(model, tok, max_new_tokens=20, constraint=force_tokens(ids))(QUESTIONS[:1])
    assert g.text == "无" and g.new_tokens == len(ids) - 1


def test_empty_question_is_a_clear_error(tiny):
    model, tok = tiny
    with pytest.raises(ValueError, match="empty question"):
        Extractor(model, tok)(["  "])


def test_a_question_longer_than_the_context_is_truncated_with_a_warning(tiny):
    model, tok = tiny
    ex = Extractor(model, tok, max_new_tokens=2, max_prompt_tokens=120)
    with pytest.warns(UserWarning, match="truncated"):
        [g] = ex(["北京6月1号天气" * 200])
    assert g.prompt_tokens <= 120


def test_batch_size_must_be_positive(tiny):
    with pytest.raises(ValueError):
        Extractor(*tiny, batch_size=0)


class _ForceAfter:
    """A constraint that forces ``forced`` (jump-forward) after every chosen token of the rows in ``rows``."""

    def __init__(self, forced: list[int], rows: set[int]):
        self.forced_tokens, self.rows = forced, rows

    def new_batch(self, size, questions=None):
        return self

    def mask(self, logits, rows):
        pass

    def accept(self, row, token):
        return False

    def forced(self, row):
        return list(self.forced_tokens) if row in self.rows else []


def _naive_greedy(model, ids, steps, forced):
    """Reference: no cache, no padding, the whole sequence recomputed every step."""
    import torch

    seq, new = list(ids) + list(forced), list(forced)
    for _ in range(steps):
        with torch.no_grad():
            token = int(model(input_ids=torch.tensor([seq])).logits[0, -1].argmax())
        seq += [token, *forced]
        new += [token, *forced]
    return new


def test_jump_forward_steps_match_a_naive_greedy_loop(tiny):
    """Ragged multi-token steps (forced tokens, left-padded within the step) keep cache and positions right."""
    model, tok = tiny
    forced = tok.encode('", "', add_special_tokens=False)
    constraint = _ForceAfter(forced, rows={0, 2})
    ex = Extractor(model, tok, batch_size=3, max_new_tokens=4, constraint=constraint, stop_at_answer=False)
    questions = QUESTIONS[:3]
    gens = ex(questions)
    order = sorted(range(3), key=lambda i: len(ex.encode(questions[i])))  # row r of the batch = order[r]
    for r, i in enumerate(order):
        expect = _naive_greedy(model, ex.encode(questions[i]), 4, forced if r in {0, 2} else [])
        assert gens[i].new_tokens == len(expect)
        assert gens[i].forced_tokens == (5 * len(forced) if r in {0, 2} else 0)
        assert gens[i].text == tok.decode(expect, skip_special_tokens=True).strip()
    assert all(g.forwards == 5 for g in gens)  # shared opening + prefill + 3 decode steps for 4 tokens per row


def test_a_very_long_question_is_cut_to_the_cap_with_a_warning(tiny):
    import warnings

    from sft.engine import MAX_QUESTION_TOKENS, Extractor

    model, tok = tiny
    extractor = Extractor(model, tok, batch_size=1, max_new_tokens=2)
    question = "北京天气怎么样" * 2000
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ids = extractor.encode(question)
    assert any("truncated" in str(w.message) for w in caught)
    short = extractor.encode("北京天气怎么样")
    assert len(ids) <= len(short) + MAX_QUESTION_TOKENS


@pytest.mark.parametrize("prompt", ["tutorial", "short"])
def test_the_shared_opening_runs_once_and_changes_no_answer(tiny, prompt):
    """share_prefix: the rows' common opening (system turn, the prompt's words before the question) runs once
    per batch and its cache is copied to every row; the answers are those of a batch run in full."""
    import datetime as dt

    model, tok = tiny
    todays = [None, dt.date(2026, 3, 2), None, dt.date(2026, 3, 2)]
    kw = dict(prompt=prompt, batch_size=4, max_new_tokens=8)
    shared = Extractor(model, tok, **kw)
    full = Extractor(model, tok, share_prefix=False, **kw)
    for days in (None, todays):
        a, b = shared(QUESTIONS, todays=days), full(QUESTIONS, todays=days)
        assert [g.text for g in a] == [g.text for g in b]
        assert [g.new_tokens for g in a] == [g.new_tokens for g in b]
        assert all(g.forwards == h.forwards + 1 for g, h in zip(a, b))  # one call more: the opening
    encoded = [shared.encode(q) for q in QUESTIONS]
    n = shared.shared_prefix(encoded)
    assert n >= 20 and all(ids[:n] == encoded[0][:n] for ids in encoded)
    assert any(ids[n] != encoded[0][n] for ids in encoded)  # the longest common opening
    assert shared.shared_prefix(encoded[:1]) == 0 and full.shared_prefix(encoded) == 0
    assert shared.shared_prefix([[1, 2, 3], [1, 2, 3, 4]]) == 0  # too short to be worth a call
    same = [list(range(12)), list(range(12))]
    assert shared.shared_prefix(same) == 11  # every row keeps a token of its own


class _StopAfter:
    """Stops batch row r after ``counts[r]`` tokens (a grammar closing the answer early), masks nothing."""

    def __init__(self, counts: list[int]):
        self.counts = counts

    def new_batch(self, size, questions=None):
        self.seen = [0] * size
        self.masked_rows = []
        return self

    def mask(self, logits, rows):
        assert logits.shape[0] == len(rows)
        self.masked_rows.append(list(rows))

    def accept(self, row, token):
        self.seen[row] += 1
        return self.seen[row] >= self.counts[row]


def test_finished_rows_leave_the_batch_and_change_no_answer(tiny):
    """compact: once an eighth of the batch has finished, its rows (and their KV cache rows) leave the
    batch; every other row goes on with the same cache, positions and mask, so the answers are those of
    the full batch, and the constraint sees each logits row with its batch row."""
    model, tok = tiny
    counts = [1, 3, 5, 8]
    kw = dict(batch_size=4, max_new_tokens=8, stop_at_answer=False)
    compact = Extractor(model, tok, constraint=_StopAfter(counts), **kw)
    full = Extractor(model, tok, constraint=_StopAfter(counts), compact=False, **kw)
    a, b = compact(QUESTIONS), full(QUESTIONS)
    assert [g.text for g in a] == [g.text for g in b]
    assert sorted(g.new_tokens for g in a) == counts
    # after the first row finished, the tensors hold only the live rows (batch rows, not positions)
    shrunk = [rows for rows in compact.constraint.masked_rows if len(rows) < 4]
    assert shrunk and all(None not in rows for rows in shrunk)
    assert all(len(rows) == 4 for rows in full.constraint.masked_rows)


# -- the static path (sft.static_cache): the default on CUDA; here eager on the CPU, answers as the dynamic path's

def test_static_bucket_and_widths():
    from sft.static_cache import bucket, round_up

    assert [bucket(n, 64) for n in (1, 2, 3, 5, 33, 64)] == [1, 2, 4, 8, 64, 64]
    assert bucket(40, 48) == 48 and bucket(3, 2) == 3  # never below n
    assert round_up(35, 16) == 48 and round_up(64, 64) == 64


@pytest.mark.parametrize("prompt", ["tutorial", "short"])
@pytest.mark.parametrize("batch_size", [1, 3, 4])
def test_the_static_cache_gives_the_dynamic_answers(tiny, prompt, batch_size):
    """Left padding to a width of 16k, spare rows in a bucket of 2^k, one token per step, a 4-D mask of our
    own: the same greedy answers, token for token, as the dynamic cache."""
    model, tok = tiny
    kw = dict(prompt=prompt, batch_size=batch_size, max_new_tokens=10, stop_at_answer=False)
    dynamic = Extractor(model, tok, static=False, **kw)(QUESTIONS + QUESTIONS[:1])
    ex = Extractor(model, tok, static=True, **kw)
    static = ex(QUESTIONS + QUESTIONS[:1])
    assert ex._static_runner is not None and not ex._static_runner.graphs  # CPU: eager
    assert [g.text for g in static] == [g.text for g in dynamic]
    assert [g.new_tokens for g in static] == [g.new_tokens for g in dynamic] == [10] * 5


def test_the_static_cache_feeds_forced_tokens_one_step_each(tiny):
    """Jump-forward under the static cache: a forced token is fed by the next step (one replay each), the
    answer is the naive greedy loop's, and the constraint is asked only for the rows that decide."""
    model, tok = tiny
    forced = tok.encode('", "', add_special_tokens=False)
    ex = Extractor(model, tok, batch_size=3, max_new_tokens=4, constraint=_ForceAfter(forced, rows={0, 2}),
                   stop_at_answer=False, static=True)
    questions = QUESTIONS[:3]
    gens = ex(questions)
    order = sorted(range(3), key=lambda i: len(ex.encode(questions[i])))
    for r, i in enumerate(order):
        expect = _naive_greedy(model, ex.encode(questions[i]), 4, forced if r in {0, 2} else [])
        assert gens[i].text == tok.decode(expect, skip_special_tokens=True).strip()
        assert gens[i].forced_tokens == (5 * len(forced) if r in {0, 2} else 0)
    # prefill + 3 chosen tokens fed + the forced tokens after each of the 4 chosen ones but the last
    assert all(g.forwards == 1 + 3 + 3 * len(forced) for g in gens)


def test_the_static_cache_under_the_grammar_and_early_stops(tiny):
    """Rows that stop at different steps (a grammar closing the answer), and the real JSON grammar with
    jump-forward: the static path's answers are the dynamic path's."""
    pytest.importorskip("xgrammar")
    from sft.grammar import JsonSchemaConstraint

    model, tok = tiny
    counts = [1, 3, 5, 8]
    kw = dict(batch_size=4, max_new_tokens=8, stop_at_answer=False)
    a = Extractor(model, tok, constraint=_StopAfter(counts), static=True, **kw)(QUESTIONS)
    b = Extractor(model, tok, constraint=_StopAfter(counts), static=False, **kw)(QUESTIONS)
    assert [g.text for g in a] == [g.text for g in b] and sorted(g.new_tokens for g in a) == counts
    grammar = JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size, copy_city=True)
    kw = dict(batch_size=4, max_new_tokens=48, constraint=grammar)
    a = Extractor(model, tok, static=True, **kw)(QUESTIONS)
    b = Extractor(model, tok, static=False, **kw)(QUESTIONS)
    assert [g.text for g in a] == [g.text for g in b]
    assert all(json.loads(g.text) for g in a)


# -- the device loop (sft.device_loop): the static path's decoding without a host round trip per row


def test_the_close_table_is_the_json_tracker(tokenizer):
    """Random token sequences rich in braces, quotes and backslashes: the table's state walk closes at the
    same token as JsonClose fed the same texts."""
    import random

    from sft.device_loop import OVER, CloseTable

    vocab = len(tokenizer)
    pieces = [tokenizer.decode([i]) for i in range(vocab)]
    table = CloseTable(pieces)
    special = [i for i, p in enumerate(pieces) if set('{}"\\') & set(p)]
    rng = random.Random(0)
    closed_at = []
    for _ in range(400):
        tokens = [rng.choice(special) if rng.random() < 0.6 else rng.randrange(vocab) for _ in range(30)]
        tracker, state, want, got = JsonClose(), 0, None, None
        for k, t in enumerate(tokens):
            if want is None and tracker.feed(pieces[t]):
                want = k
            if got is None and state != OVER:
                if table.closes[state, t]:
                    got = k
                state = int(table.next[state, t])
        assert got == want or state == OVER, (tokens, want, got)
        closed_at.append(want)
    assert sum(c is not None for c in closed_at) > 50 and sum(c is None for c in closed_at) > 20


def _json_babbler(tiny, seed: int, tokens=("{", "}", '"', "a", ":", "<|im_end|>")):
    """The tiny model with an output layer that only ever picks `{`, `}`, `"`, `a`, `:` or end of turn (a
    random projection of the hidden state): rows that close their object, stop at end of turn, or run on."""
    import copy

    import torch

    model, tok = tiny
    babbler = copy.deepcopy(model)
    ids = [tok.convert_tokens_to_ids(t) for t in tokens]
    weight = torch.randn(model.config.hidden_size, len(ids), generator=torch.Generator().manual_seed(seed)) * 30

    def only_these(module, args, output):
        out = torch.full_like(output, float("-inf"))
        out[..., ids] = (args[0] @ weight.to(args[0].dtype)).reshape(out[..., ids].shape)
        return out

    babbler.get_output_embeddings().register_forward_hook(only_these)
    return babbler, tok


@pytest.mark.parametrize("stop_at_answer", [True, False])
def test_the_device_loop_gives_the_host_loops_answers(tiny, stop_at_answer):
    questions = [f"{q} {i}" for i, q in enumerate(QUESTIONS * 8)]
    ends = set()
    for seed in (0, 1, 3):  # seeds whose babble ends each way (seen)
        model, tok = _json_babbler(tiny, seed)
        kw = dict(prompt="short", batch_size=8, max_new_tokens=12, stop_at_answer=stop_at_answer, static=True)
        on = Extractor(model, tok, device_loop=True, **kw)
        off = Extractor(model, tok, device_loop=False, **kw)
        a, b = on(questions), off(questions)
        assert [(g.text, g.new_tokens, g.forwards) for g in a] == [(g.text, g.new_tokens, g.forwards) for g in b]
        assert on.engine_label == "static+device-loop" and off.engine_label == "static"
        for g in a:
            ends.add("max" if g.new_tokens == 12 else "closed" if g.text.endswith("}") else "end of turn")
    assert ends == ({"max", "closed", "end of turn"} if stop_at_answer else {"max"})


def test_nesting_deeper_than_the_table_goes_back_to_the_host_loop(tiny):
    from sft.device_loop import MAX_DEPTH

    model, tok = _json_babbler(tiny, 0, tokens=("{",))
    kw = dict(prompt="short", batch_size=4, max_new_tokens=MAX_DEPTH + 4, static=True)
    a = Extractor(model, tok, device_loop=True, **kw)(QUESTIONS)
    b = Extractor(model, tok, device_loop=False, **kw)(QUESTIONS)
    assert [g.text for g in a] == [g.text for g in b] == ["{" * (MAX_DEPTH + 4)] * len(QUESTIONS)


def test_batched_encoding_is_one_by_one_encoding(tiny):
    import datetime as dt

    model, tok = tiny
    ex = Extractor(model, tok, prompt="short", max_prompt_tokens=40)
    questions = QUESTIONS + ["北京" * 30, "x" * 600]  # one over max_prompt_tokens, one over MAX_QUESTION_TOKENS
    todays = [None, dt.date(2026, 3, 12)] * (len(questions) // 2) + [None] * (len(questions) % 2)
    with pytest.warns(UserWarning):
        batched = ex.encode_many(questions, todays)
    with pytest.warns(UserWarning):
        single = [ex.encode(q, t) for q, t in zip(questions, todays)]
    assert batched == single
    with pytest.raises(Exception, match="empty question"):
        ex.encode_many(["北京", " "], [None, None])


def test_the_static_path_reads_the_kv_heads_without_copies(tiny, monkeypatch):
    """gqa_attention (the query heads of a KV head as rows of one block) gives the answers of transformers'
    SDPA with its per-head copies (QWEN_SFT_GQA=0), and is what the static path runs."""
    import sft.static_cache as sc

    model, tok = tiny
    calls = []
    real = sc.gqa_attention
    monkeypatch.setattr(sc, "gqa_attention", lambda *a, **k: calls.append(a[1].shape) or real(*a, **k))
    kw = dict(prompt="short", batch_size=4, max_new_tokens=8, stop_at_answer=False, static=True)
    with_gqa = Extractor(model, tok, **kw)(QUESTIONS)
    assert calls and any(shape[2] > 1 for shape in calls) and any(shape[2] == 1 for shape in calls)
    monkeypatch.setenv("QWEN_SFT_GQA", "0")
    calls.clear()
    without = Extractor(model, tok, **kw)(QUESTIONS)
    assert not calls and model.config._attn_implementation == "sdpa"
    assert [g.text for g in with_gqa] == [g.text for g in without]


# -- prompt lookup (sft.lookup): a batch of one row, drafts verified in one call


def test_the_drafter_proposes_what_followed_the_answers_last_tokens(tokenizer):
    from sft.lookup import Drafter, skeletons

    enc = lambda s: tokenizer(s, add_special_tokens=False)["input_ids"]  # noqa: E731
    answer = enc('{"city": "')
    drafter = Drafter(enc("杭州明天天气"), skeletons(tokenizer))
    assert drafter.propose(enc('{"'), 3) == enc('city": "')[:3]  # the skeleton after the opening
    assert drafter.propose(answer + enc("杭州"), 2) == enc("明天天气")[:2]  # the question after the city
    assert drafter.propose(enc("☃"), 4) == []  # nothing seen after it


@pytest.mark.parametrize("static", [False, True])
def test_prompt_lookup_gives_the_plain_loops_answers_in_fewer_calls(tiny, static):
    """Batch 1, unconstrained: drafts kept or refused, answers that close, end the turn or run to the cap; the
    same text and token count as one token per call (the host loop on the static path), fewer calls overall."""
    questions = [f"{q} {i}" for i, q in enumerate(QUESTIONS)]
    calls = {}
    for seed in (0, 1, 3):
        model, tok = _json_babbler(tiny, seed)
        for prompt in ("short", "tutorial"):
            kw = dict(prompt=prompt, batch_size=1, max_new_tokens=14, static=static)
            plain, looked = Extractor(model, tok, lookup=0, **kw), Extractor(model, tok, lookup=8, **kw)
            a, b = plain(questions), looked(questions)
            assert [(g.text, g.new_tokens) for g in a] == [(g.text, g.new_tokens) for g in b]
            assert looked.engine_label.endswith("+lookup8") and not plain.engine_label.endswith("lookup8")
            calls[seed, prompt] = (sum(g.forwards for g in a), sum(g.forwards for g in b))
    assert all(b <= a for a, b in calls.values()) and any(b < a for a, b in calls.values())
