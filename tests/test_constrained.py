"""Grammar-constrained decoding (the +json contenders): every output parses, whatever the model."""

import json
import re
import sys

import pytest
import torch

pytest.importorskip("xgrammar")

from sft import task  # noqa: E402
from sft.engine import Extractor  # noqa: E402
from sft.grammar import CITY_MAX_CHARS, JsonSchemaConstraint, decoding_schema  # noqa: E402

QUESTIONS = ["我打算6月1号去北京旅游，请问天气怎么样？", "青岛3-15号天气预报", "5月6号下雪么，城市是威海",
             "一起去东北看冰雕么，大概是1月15号左右，我们3个人一起，你觉得那边冷不冷呢？", "hello"]
ANSWER = '{"city": "北京", "date": "06-01"}'


def allowed(logits_row: torch.Tensor) -> list[int]:
    return torch.nonzero(torch.isfinite(logits_row)).flatten().tolist()


def test_random_model_outputs_all_parse_and_batching_does_not_change_them(tiny):
    """The tiny model's weights are random: unconstrained it never closes a JSON object. The grammar bounds
    the city to CITY_MAX_CHARS characters, so it must close it, well within 64 tokens."""
    model, tok = tiny
    constraint = JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size)
    one = Extractor(model, tok, batch_size=1, max_new_tokens=64, constraint=constraint)(QUESTIONS)
    many = Extractor(model, tok, batch_size=4, max_new_tokens=64, constraint=constraint)(QUESTIONS)
    assert [g.text for g in one] == [g.text for g in many]
    assert [g.new_tokens for g in one] == [g.new_tokens for g in many]
    for g in many:
        parsed = task.parse_output(g.text)
        assert parsed.strict, g.text
        assert g.new_tokens < 64  # closed by the grammar, not cut by max_new_tokens
        assert g.text == parsed.answer.to_json()  # the canonical spelling: key order, ", " and ": "
        assert parsed.answer.date is None or re.fullmatch(task.DATE_PATTERN, parsed.answer.date)
        assert parsed.answer.city is None or len(parsed.answer.city) <= CITY_MAX_CHARS


def test_mask_allows_only_grammar_tokens_and_accept_stops_at_the_closing_brace(tokenizer):
    vocab = 152000  # a model's lm_head may be wider than the tokenizer: the mask must cover every column
    constraint = JsonSchemaConstraint(tokenizer, vocab_size=vocab)
    ids = tokenizer(ANSWER, add_special_tokens=False)["input_ids"]
    batch = constraint.new_batch(2)
    logits = torch.zeros(2, vocab)
    batch.mask(logits, [0, None])
    first = allowed(logits[0])
    assert ids[0] in first and all('{"city": '.startswith(tokenizer.decode([t])) for t in first)
    assert not torch.isfinite(logits[0, len(tokenizer):]).any()
    assert torch.equal(logits[1], torch.zeros(vocab))  # an inactive row is not touched
    stops = [batch.accept(0, t) for t in ids]
    assert stops == [False] * (len(ids) - 1) + [True]

    batch = constraint.new_batch(1)
    for t in tokenizer('{"city": ', add_special_tokens=False)["input_ids"]:
        assert not batch.accept(0, t)
    logits = torch.zeros(1, vocab)
    batch.mask(logits, [0])
    pieces = {tokenizer.decode([t]) for t in allowed(logits[0])}
    assert '"' in pieces and "null" in pieces and "}" not in pieces and "<|im_end|>" not in pieces
    assert batch.accept(0, tokenizer.convert_tokens_to_ids("<|im_end|>"))  # a refused token stops the row
    assert batch.rejected == [True]

    with pytest.raises(ValueError, match="vocab_size=model.config.vocab_size"):
        constraint.new_batch(1).mask(torch.zeros(1, vocab - 1), [0])


def test_the_grammar_is_compiled_once_per_tokenizer_and_schema(tokenizer):
    a = JsonSchemaConstraint(tokenizer, vocab_size=151936)
    assert JsonSchemaConstraint(tokenizer, vocab_size=151936).grammar is a.grammar
    assert JsonSchemaConstraint(tokenizer, vocab_size=151936, city_max_chars=8).grammar is not a.grammar


def test_decoding_schema_only_bounds_the_city_string():
    schema = decoding_schema(task.ANSWER_SCHEMA, 12)
    assert task.ANSWER_SCHEMA["properties"]["city"] == {"type": ["string", "null"]}  # not mutated
    assert schema["properties"]["date"] == task.ANSWER_SCHEMA["properties"]["date"]
    string, null = schema["properties"]["city"]["anyOf"]
    assert null == {"type": "null"}
    city = re.compile(string["pattern"])
    assert city.match("攀枝花市") and city.match("x" * 12) and city.match("")
    assert not city.match("x" * 13) and not city.match('a"b') and not city.match("a\\b") and not city.match("a\tb")
    assert decoding_schema(task.ANSWER_SCHEMA, None) is task.ANSWER_SCHEMA


def test_allowed_counts_find_the_forced_tokens(tokenizer):
    constraint = JsonSchemaConstraint(tokenizer, vocab_size=151936)
    ids = tokenizer('{"city": null, "date": null}', add_special_tokens=False)["input_ids"]
    counts = constraint.allowed_counts(ids)
    assert len(counts) == len(ids) and counts[-1] == 1  # after `null` only `}` can come


def test_a_schema_that_does_not_compile_is_a_one_line_value_error(tokenizer, monkeypatch):
    bad = json.loads(json.dumps(task.ANSWER_SCHEMA))
    bad["properties"]["date"]["anyOf"][0]["pattern"] = "^(\\d{2}"
    monkeypatch.setattr(task, "ANSWER_SCHEMA", bad)
    with pytest.raises(ValueError, match=r"^answer schema failed to compile: .*[Rr]egex") as info:
        JsonSchemaConstraint(tokenizer, vocab_size=151936)
    assert "\n" not in str(info.value)


def test_a_tokenizer_xgrammar_cannot_map_is_a_value_error_naming_it():
    class NotATokenizer:
        pass

    with pytest.raises(ValueError, match="NotATokenizer"):
        JsonSchemaConstraint(NotATokenizer(), vocab_size=10)


def test_missing_xgrammar_says_what_to_install(tokenizer, monkeypatch):
    monkeypatch.setitem(sys.modules, "xgrammar", None)
    with pytest.raises(ImportError, match=re.escape("pip install 'qwen-sft[json]'")):
        JsonSchemaConstraint(tokenizer)


def test_forced_gives_the_grammar_tokens_minus_the_last_and_advances_the_matcher(tokenizer):
    constraint = JsonSchemaConstraint(tokenizer, vocab_size=151936)
    batch = constraint.new_batch(1)
    first = batch.forced(0)
    assert tokenizer.decode(first) == '{"city":'  # the trailing space is left to the model (` "北京`)
    for t in tokenizer(' "北京",', add_special_tokens=False)["input_ids"]:
        assert not batch.accept(0, t)
    assert tokenizer.decode(batch.forced(0)) == ' "date":'
    assert batch.forced(0) == []  # nothing forced now: a date or null
    for t in tokenizer(' "06-01"}', add_special_tokens=False)["input_ids"]:
        batch.accept(0, t)
    assert batch.matchers[0].is_terminated() and batch.forced(0) == []


def test_jump_forward_takes_fewer_model_calls_and_still_parses(tiny):
    model, tok = tiny
    constraint = JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size)
    slow = Extractor(model, tok, batch_size=4, max_new_tokens=64, constraint=constraint, jump_forward=False)
    fast = Extractor(model, tok, batch_size=4, max_new_tokens=64, constraint=constraint)
    a, b = slow(QUESTIONS), fast(QUESTIONS)
    assert all(task.parse_output(g.text).strict for g in a + b)
    assert all(g.forced_tokens == 0 for g in a) and all(g.forced_tokens >= 3 for g in b)
    assert max(g.forwards for g in b) < max(g.forwards for g in a)


def test_city_is_copied_from_the_question(tokenizer):
    from sft.grammar import city_candidates

    # a space inside is kept (Hong Kong, 深 圳), never at either end
    assert city_candidates("去北京 玩") == ["去", "去北", "去北京", "去北京 玩", "北", "北京", "北京 玩", "京", "京 玩",
                                          "玩"]
    assert all('"' not in c for c in city_candidates('a"b'))
    constraint = JsonSchemaConstraint(tokenizer, copy_city=True)
    question = "我打算6月1号去北京旅游"

    def accepts(text):
        matcher = constraint.matcher(question)
        return all(matcher.accept_token(t) for t in tokenizer.encode(text, add_special_tokens=False))

    assert accepts('{"city": "北京", "date": "06-01"}')
    assert accepts('{"city": null, "date": null}')
    assert not accepts('{"city": "北京市", "date": "06-01"}')  # 市 is not in the question
    assert not accepts('{"city": "上海", "date": "06-01"}')
    free = JsonSchemaConstraint(tokenizer, copy_city=False).matcher(question)
    ids = tokenizer.encode('{"city": "上海", "date": null}', add_special_tokens=False)
    assert all(free.accept_token(t) for t in ids)


def test_a_phrase_adapter_may_copy_its_date_from_the_question(tokenizer):
    constraint = JsonSchemaConstraint(tokenizer, copy_city=True, copy_date=True)
    question = "下周五杭州下雨吗"

    def accepts(text, c=constraint):
        matcher = c.matcher(question)
        return all(matcher.accept_token(t) for t in tokenizer.encode(text, add_special_tokens=False))

    assert accepts('{"city": "杭州", "date": "下周五"}')
    assert accepts('{"city": "杭州", "date": "06-01"}')  # a formatted day stays allowed
    assert accepts('{"city": null, "date": null}')
    assert not accepts('{"city": "杭州", "date": "下周六"}')  # not in the question
    assert not accepts('{"city": "杭州", "date": "下周五"}', JsonSchemaConstraint(tokenizer, copy_city=True))
    free_city = JsonSchemaConstraint(tokenizer, copy_city=False, copy_date=True)
    assert accepts('{"city": "上海", "date": "下周五"}', free_city)


def test_a_city_or_date_with_a_space_inside_is_copied_whole(tokenizer):
    """Until 2026-12-05 any whitespace ended a copy: the ``+json`` contenders answered ``Hong`` for Hong Kong and
    ``this`` for this weekend. Spaces inside are kept, at either end they are not, in the grammar as in ``accepts``."""
    constraint = JsonSchemaConstraint(tokenizer, copy_city=True, copy_date=True)
    question = "Hong Kong weather the day after tomorrow?"

    def grammar_accepts(text):
        matcher = constraint.matcher(question)
        ids = tokenizer.encode(text, add_special_tokens=False)
        return all(matcher.accept_token(t) for t in ids) and matcher.is_terminated()

    for text in ('{"city": "Hong Kong", "date": "the day after tomorrow"}', '{"city": "Hong Kong", "date": null}'):
        assert constraint.accepts(text, question) and grammar_accepts(text), text
    for text in ('{"city": "Hong Kong ", "date": null}', '{"city": " Hong", "date": null}',
                 '{"city": "Kong weather the day after", "date": null}'):  # 26 characters: past the bound
        assert not constraint.accepts(text, question) and not grammar_accepts(text), text


def test_a_date_phrase_may_drop_the_spaces_the_resolver_drops(tokenizer):
    """A spaced-out question (下 周 五): the model writes 下周五, which the resolver reads; the grammar and ``accepts``
    allow that form of a date phrase, never of a city, and never a space the resolver keeps (next Monday)."""
    from sft.grammar import date_candidates

    question = "杭州 下 周 五 冷不冷 next Monday"
    assert "下周五" in date_candidates(question) and "nextMonday" not in date_candidates(question)
    constraint = JsonSchemaConstraint(tokenizer, copy_city=True, copy_date=True)

    def grammar_accepts(text, c=constraint):
        matcher = c.matcher(question)
        ids = tokenizer.encode(text, add_special_tokens=False)
        return all(matcher.accept_token(t) for t in ids) and matcher.is_terminated()

    for text in ('{"city": "杭州", "date": "下周五"}', '{"city": "杭州", "date": "下 周 五"}',
                 '{"city": "杭州", "date": "next Monday"}'):
        assert constraint.accepts(text, question) and grammar_accepts(text), text
    for text in ('{"city": "杭州", "date": "nextMonday"}', '{"city": "杭州下", "date": null}'):
        assert not constraint.accepts(text, question) and not grammar_accepts(text), text
    city_only = JsonSchemaConstraint(tokenizer, copy_city=True)
    assert not city_only.accepts('{"city": "杭州", "date": "下周五"}', question)
    assert not grammar_accepts('{"city": "杭州", "date": "下周五"}', city_only)


def test_the_batched_bitmask_fill_masks_as_row_by_row(tokenizer):
    """xgrammar's BatchGrammarMatcher fills a batch's rows in one call; the masked logits are the same as
    one fill per row, also with rows out of order and a finished row left alone."""
    vocab = 151936
    a = JsonSchemaConstraint(tokenizer, vocab_size=vocab)
    assert a.batch_matcher is not None
    questions = ["明天杭州天气", "6月1号北京下雨吗", "下周五去成都"]
    prefix = tokenizer('{"city": ', add_special_tokens=False)["input_ids"]
    batched, single = a.new_batch(3, questions), a.new_batch(3, questions)
    for b in (batched, single):
        for t in prefix:
            b.accept(1, t)
    rows = [2, None, 1]  # after compaction: logits row i is batch row rows[i]
    x, y = torch.zeros(3, vocab), torch.zeros(3, vocab)
    batched.mask(x, rows)
    a.batch_matcher, keep = None, a.batch_matcher
    try:
        single.mask(y, rows)
    finally:
        a.batch_matcher = keep
    assert torch.equal(x, y)
    assert torch.equal(x[1], torch.zeros(vocab)) and not torch.isfinite(x[0]).all()


def test_warm_up_leaves_the_per_question_grammars_to_the_timed_run(tiny):
    """A speed run's warm-up (CUDA graphs) must not make the timed run cheaper: the grammars compiled per
    question are forgotten after it; the schema's own grammar stays."""
    from sft import grammar
    from sft.engine import Extractor

    model, tok = tiny
    constraint = grammar.JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size, copy_city=True)
    ex = Extractor(model, tok, batch_size=2, max_new_tokens=4, constraint=constraint)
    before = len(grammar._GRAMMARS)
    seconds = ex.warm_up(["杭州明天下雨吗", "后天去苏州"])
    assert seconds > 0
    assert constraint.grammar in grammar._GRAMMARS.values()
    after = len(grammar._GRAMMARS)
    assert after <= before
    ex(["杭州明天下雨吗"])
    assert len(grammar._GRAMMARS) == after + 1  # the timed run compiles the question's grammar again


def test_city_candidates_are_every_clean_substring_in_first_seen_order():
    from sft.grammar import CITY_SUBSTRING_MAX, city_candidates
    from sft.suite import load_suite

    def reference(q):  # the definition, spelt out
        seen = {}
        for i in range(len(q)):
            for j in range(i + 1, min(len(q), i + CITY_SUBSTRING_MAX) + 1):
                if any(c in '"\\' or ord(c) < 0x20 for c in q[i:j]):
                    break
                if not q[i].isspace() and not q[j - 1].isspace():
                    seen.setdefault(q[i:j], None)
        return list(seen)

    for q in [i.query for i in load_suite()][::7] + ['a"b c\\d\te', "北京北京", "", " Hong  Kong ", "深 圳\n明 天"]:
        assert city_candidates(q) == reference(q), q


def _answers_to_try(item) -> list[str]:
    """Right and wrong answers for a suite question, in and out of the canonical spelling."""
    q, gold = item.query, item.gold
    dump = lambda city, date: json.dumps({"city": city, "date": date}, ensure_ascii=False)  # noqa: E731
    return [
        dump(gold.city, gold.date), dump(None, None), dump(gold.city, None), dump(None, gold.date),
        dump((gold.city or "北京") + "市", gold.date), dump("滑雪市", None), dump(q[:2], q[-3:]),
        dump(q[1:13], "06-01"), dump(q[:14], None), dump(None, "６-01"), dump(None, "6-1"), dump(None, "2026-13-45"),
        dump(None, "下周五"), dump(None, q[2:5]), dump(None, ""), dump("", None),
        dump(q[:9], None), dump(None, q[-9:]), dump(" " + (gold.city or "北京"), None),  # spaces, at the ends too
        json.dumps({"city": gold.city, "date": gold.date}, ensure_ascii=True),
        json.dumps({"city": gold.city, "date": gold.date}, ensure_ascii=False, separators=(",", ":")),
        json.dumps({"date": gold.date, "city": gold.city}, ensure_ascii=False),
        dump(gold.city, gold.date) + " ", dump(gold.city, gold.date)[:-1] + ', "x": 1}',
        '{"city": 1, "date": null}', '{"city": ["北京"], "date": null}', '{"city": null, "date": 6}',
    ]


@pytest.mark.parametrize("kwargs", [{"copy_city": True}, {"copy_city": True, "copy_date": True},
                                    {"copy_city": False}])
def test_every_answer_accepts_keeps_is_one_the_compiled_grammar_accepts(tokenizer, kwargs):
    """Free-first keeps the answers ``accepts`` passes without running the grammar, so each must be an answer
    the question's compiled grammar accepts token by token, to its end; and it must refuse some."""
    from sft.suite import load_suite

    constraint = JsonSchemaConstraint(tokenizer, vocab_size=151936, **kwargs)
    kept = refused = 0
    for item in load_suite()[::29]:
        for text in _answers_to_try(item):
            if not constraint.accepts(text, item.query):
                refused += 1
                continue
            kept += 1
            matcher = constraint.matcher(item.query)
            ids = tokenizer.encode(text, add_special_tokens=False)
            assert all(matcher.accept_token(t) for t in ids) and matcher.is_terminated(), (kwargs, item.query, text)
    assert kept > 100 and refused > 500
    assert not constraint.accepts('{"city": null, "date": "６-01"}', "６月1号")  # JSON Schema's \d is ASCII
    assert constraint.accepts('{"city": null, "date": null}', None)


def test_free_first_keeps_the_free_answers_accepted_and_constrains_only_the_others(tiny):
    """Rows whose free answer the constraint accepts keep it; the others are decoded again under the grammar
    and come out as the constrained engine's. The random model's free answers never parse, so its free pass is
    replaced by answers a trained model would write (right for the even questions, prose for the odd)."""
    from sft.engine import Generation

    model, tok = tiny
    written = ['{"city": "北京", "date": "06-01"}', "青岛", '{"city": "威海", "date": "05-06"}', '{"city": "东北"}',
               '{"city": null, "date": null}']

    class Trained(Extractor):
        def _generate(self, questions, encoded, batch_constraint):
            if batch_constraint is not None:
                return super()._generate(questions, encoded, batch_constraint)
            return [Generation(q, written[QUESTIONS.index(q)], len(ids), 9, 0.0, len(questions), forwards=10)
                    for q, ids in zip(questions, encoded)]

    plain = JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size, copy_city=True)
    masked = Extractor(model, tok, batch_size=8, max_new_tokens=16, constraint=plain, free_first=False)(QUESTIONS)
    ex = Trained(model, tok, batch_size=8, max_new_tokens=16, constraint=plain)  # auto: on a CPU, always
    mixed = ex(QUESTIONS)
    assert ex.last_redone == 2  # 青岛 (no JSON) and 东北 (no date key)
    for i, g in enumerate(mixed):
        assert g.text == (written[i] if i % 2 == 0 else masked[i].text), i
        # an accepted row is done after the free pass; a refused one also pays for its constrained decode
        assert g.forwards == 10 + (masked[1].forwards if i % 2 else 0) and g.batch_size == len(QUESTIONS)
    assert ex.engine_label == "dynamic+free-first"
    assert Extractor(model, tok, constraint=plain, free_first=False).engine_label == "dynamic"
    # the random model itself: its free answers are all refused, so free-first answers as the masked engine
    first = Extractor(model, tok, batch_size=8, max_new_tokens=16, constraint=plain)
    assert [g.text for g in first(QUESTIONS)] == [g.text for g in masked]
    assert first.last_redone == len(QUESTIONS)


def test_free_first_decodes_the_refused_rows_of_every_batch_together_after_the_last(tiny):
    """Batches of two: the refused rows of the first and the second batch (青岛, 东北) are decoded under the
    constraint in one call after the last batch, and answer as the masked engine does."""
    from sft.engine import Generation

    model, tok = tiny
    written = ['{"city": "北京", "date": "06-01"}', "青岛", '{"city": "威海", "date": "05-06"}', '{"city": "东北"}',
               '{"city": null, "date": null}']
    constrained_calls = []

    class Trained(Extractor):
        def _generate(self, questions, encoded, batch_constraint):
            if batch_constraint is not None:
                constrained_calls.append(list(questions))
                return super()._generate(questions, encoded, batch_constraint)
            return [Generation(q, written[QUESTIONS.index(q)], len(ids), 9, 0.0, len(questions), forwards=10)
                    for q, ids in zip(questions, encoded)]

    plain = JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size, copy_city=True)
    masked = Extractor(model, tok, batch_size=8, max_new_tokens=16, constraint=plain, free_first=False)(QUESTIONS)
    done = []
    ex = Trained(model, tok, batch_size=2, max_new_tokens=16, constraint=plain)
    out = ex(QUESTIONS, progress=done.append)
    assert [sorted(c) for c in constrained_calls] == [sorted([QUESTIONS[1], QUESTIONS[3]])]
    assert [g.text for g in out] == [written[i] if i % 2 == 0 else masked[i].text for i in range(len(QUESTIONS))]
    assert sum(done) == len(QUESTIONS) and ex.last_redone == 2


def test_free_first_by_default_only_where_it_was_measured_faster(tiny):
    """auto: on a CPU every batch; on CUDA only batches of FREE_FIRST_CUDA_MIN_ROWS rows or more; on/off force it."""
    from sft.engine import FREE_FIRST_CUDA_MIN_ROWS

    model, tok = tiny
    plain = JsonSchemaConstraint(tok, vocab_size=model.config.vocab_size)
    auto = Extractor(model, tok, constraint=plain)
    assert auto._free_first_for(1) and auto._free_first_for(4096)
    auto.device = torch.device("cuda")  # the decision only, nothing runs
    assert not auto._free_first_for(64) and auto._free_first_for(FREE_FIRST_CUDA_MIN_ROWS)
    assert auto.engine_label == f"dynamic+free-first>={FREE_FIRST_CUDA_MIN_ROWS}"
    for setting in (True, False):
        forced = Extractor(model, tok, constraint=plain, free_first=setting)
        forced.device = torch.device("cuda")
        assert forced._free_first_for(1) is setting and forced._free_first_for(4096) is setting
    assert not Extractor(model, tok)._free_first_for(4096)  # no constraint: nothing to be free of
