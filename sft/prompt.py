"""The prompts and the one formatter shared by training and inference.

``TUTORIAL`` is the prompt template of the tutorial's model.py / SFT_model.py, verbatim. ``SHORT`` is
the shortest prompt the fine-tuned adapter needs: the question alone, with a one-line instruction. ``places``
is ``short`` with one more line after the question: what the project's gazetteers say its place names are
(``地名：舒城=县，万佛湖=景点``, :mod:`sft.hints`), the same in training and at inference; ``places-dates`` adds a
line of the dates the date rule reads in it (``日期：大后天=相对``).
All are wrapped in the tokenizer's chat template (ChatML for Qwen) by :func:`render`.
"""

from __future__ import annotations

import datetime as dt

from sft.errors import UserError

TUTORIAL = """
给定一句话：“%s”，请你按步骤要求工作。

步骤1：识别这句话中的城市和日期共2个信息
步骤2：根据城市和日期信息，生成JSON字符串，格式为{"city":城市,"date":日期}

请问，这个JSON字符串是：
"""

SHORT = '提取城市和日期，输出JSON {"city":城市,"date":日期}：%s'

#: The opening of the hint line of the ``places`` prompts (:mod:`sft.hints` writes what follows it).
HINT_LABEL = "地名："
PLACES = SHORT + "\n" + HINT_LABEL + "%s"
#: The opening of the date line of the ``places-dates`` prompt (:func:`sft.hints.date_hint_text` writes what follows).
DATE_LABEL = "日期："

#: ``places-first``: the same hint line before the instruction instead of after the question (the question then
#: stands right before the answer); :data:`HINT_FIRST` says which prompts write it so.
#: ``places-rule``: ``places`` with the cities of the hint line read as the rule contender reads them
#: (:func:`sft.hints.place_hints`, ``reading="rule"``); :data:`HINT_READING` says which prompts read so.
#: ``places-dates``: ``places-rule`` with a second line, the dates the date rule reads in the question and what
#: each reads as (``日期：大后天=相对，二零二八年二月二十九日=2028-02-29``, :func:`sft.hints.date_hint_text`); the
#: model still decides which one is asked, or none; :data:`HINT_DATES` says which prompts write it.
PROMPTS = {"tutorial": TUTORIAL, "short": SHORT, "places": PLACES, "places-first": SHORT, "places-rule": PLACES,
           "places-dates": PLACES + "\n" + DATE_LABEL + "%s"}
HINT_FIRST = frozenset({"places-first"})
HINT_READING = {"places": "gazetteer", "places-first": "gazetteer", "places-rule": "rule", "places-dates": "rule"}
HINT_DATES = frozenset({"places-dates"})
# The system turn of each prompt: None keeps the chat template's default (Qwen2.5: "You are Qwen, created
# by Alibaba Cloud. You are a helpful assistant.", ~20 tokens); the short prompt spends none on it.
SYSTEM = {"tutorial": None, "short": "", "places": "", "places-first": "", "places-rule": "", "places-dates": ""}


WEEKDAYS = "一二三四五六日"


def today_sentence(today: dt.date) -> str:
    """The one sentence that gives a model the reference day: ``今天是2026-11-30，星期一。``"""
    return f"今天是{today.isoformat()}，星期{WEEKDAYS[today.weekday()]}。"


def user_message(question: str, prompt: str = "tutorial", today: dt.date | None = None) -> str:
    """The user turn for one question under a named prompt (``tutorial``, ``short``, ``places``, ``places-first``,
    ``places-rule``, ``places-dates``).

    With a reference day (``today``) the turn starts with :func:`today_sentence`, so that relative dates
    (明天, 下周三) can be resolved; without one the turn is the prompt alone, as in the tutorial.
    """
    try:
        template = PROMPTS[prompt]
    except KeyError:
        raise UserError(f"unknown prompt {prompt!r}; choose one of: {', '.join(PROMPTS)}") from None
    reading = HINT_READING.get(prompt)  # the prompts with a hint line
    if reading is None:
        text = template % (question,)
    else:
        from sft.hints import date_hint_text, hint_text

        hints = hint_text(question, reading)
        first = prompt in HINT_FIRST  # the line before the instruction, else after the question
        lines = (hints, date_hint_text(question)) if prompt in HINT_DATES else (hints,)
        text = f"{HINT_LABEL}{hints}\n" + template % (question,) if first else template % (question, *lines)
    return text if today is None else today_sentence(today) + text


def render(tokenizer, question: str, prompt: str = "tutorial", answer: str | None = None,
           today: dt.date | None = None) -> str:
    """The full model input text for one question, through the tokenizer's chat template.

    Without ``answer`` it ends with the assistant header (generation prompt); with it, the answer and
    the end-of-turn token follow, which is exactly what training teaches the model to produce.
    """
    if getattr(tokenizer, "chat_template", None) is None:
        # Qwen-1's tokenizer has no chat template: its model.chat builds the ChatML text itself.
        from .hub import QWEN1_SYSTEM, qwen1_chat_prompt

        system = QWEN1_SYSTEM if SYSTEM[prompt] is None else SYSTEM[prompt]
        text = qwen1_chat_prompt(user_message(question, prompt, today), system=system)
    else:
        messages = [{"role": "user", "content": user_message(question, prompt, today)}]
        if SYSTEM[prompt] is not None:
            messages.insert(0, {"role": "system", "content": SYSTEM[prompt]})
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    if answer is not None:
        text += answer + end_of_turn(tokenizer)
    return text


def end_of_turn(tokenizer) -> str:
    """The token that closes an assistant turn (``<|im_end|>`` for ChatML)."""
    return "<|im_end|>" if "<|im_end|>" in tokenizer.get_vocab() else (tokenizer.eos_token or "")
