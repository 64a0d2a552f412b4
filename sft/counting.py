"""The days a question counts on from a day it writes: a plan moved (原定11月12日 推迟一周), today written out
(今天是11月3号 后天), a count from a day (4月12号比赛 前一天, 次日, 第三天), a trip's stays before the stop asked
(12月8号到昆明 住三晚 然后去大理). The rule contender (``bench.rule``) counts on from the day it reads;
:func:`counted_day` counts on from the day a model copied, for ``sft.task.resolve_output``: a model trained to copy
the day as written (``--dates phrase``) copies the day the count starts from and cannot count.

The counting words themselves are :mod:`sft.dates` (``postponed_days``, ``written_today_days``, ``anchored_days``);
the stays are here, as they need the question's place names (:mod:`sft.mentions`).
"""

from __future__ import annotations

import datetime as dt
import re

from sft.cities import short_name
from sft.dates import (
    anchored_days,
    parse_number,
    postponed_days,
    shift_date,
    shift_from_written_today,
    written_today,
    written_today_days,
)
from sft.mentions import Mention, default_gazetteer, find_mentions
from sft.task import Answer, date_mentions, find_date, resolve_phrase, valid_date

#: A stay at a stop of a trip (南京2天, 桂林3晚, 待三天, 待两天, 住两个晚上: 51st round), not a trip's length (四天三晚,
#: 3天2晚), nor a day counted on (两天后), but nights and then the next leg (住两晚后去漳州: 31st round of batches).
_STAY = re.compile(r"(?<![天日\d一二两三四五六七八九十])(?:待|住|玩|呆|逗留)?\s*"
                   r"(?P<n>[1-9]|[一二两三四五六七八九十])\s*(?:个晚上(?![前后内以之])|晚(?=后再?去)|[天晚夜](?![前后内以之半]))"
                   r"(?!\s*[一二两三四五六七八九十\d]\s*[晚夜])")
#: What leads on to the next stop (→, 再去, 然后去, 两晚后去; 再坐高铁去, 再 right before the stop asked:
#: 扬州2天 再镇江, 46th round of batches).
_NEXT_STOP = re.compile(r"→|->|—>|>|再去|然后去|然后|接着去|再到|之后去|最后去|最后到|(?<=晚)后再?去"  # 最后去 (42nd)
                        r"|再(?!回)[^\s，,。]{1,4}?去|再\s*$|最后\s*$"  # 最后丽江 (47th)
                        r"|(?:之后|然后|接着)[坐乘搭开][^\s，,。]{1,3}?去"  # 之后坐火车去伊宁 (53rd round)
                        r"|(?:之后|然后|接着|再)?转(?:去|到|往)")  # 住两个晚上，之后转去长春 (55th round)
_STAY_VERB = re.compile(r"待|住|玩|呆|逗留")
#: The next stop and its stay right after a stay, apart by a space or a comma (广州两天 佛山一天).
_STAY_IN_ROW = re.compile(r"[\s，,、]+[\u4e00-\u9fff]{2,4}?\s*(?:[1-9]|[一二两三四五六七八九十])\s*(?:个晚上|[天晚夜])")
#: A trip's departure or arrival day written after its stops (…芭提雅住两晚… 12月18号出发).
_DEPARTS = re.compile(r"(?:\d{1,2}[月./]\d{1,2}[日号]?|[一二三四五六七八九十]+月[一二三四五六七八九十]+[日号]"
                      # (重庆三天 然后成都两天 国庆出发: a holiday's first day, 56th round of batches)
                      r"|(?:国庆|五一|元旦|春节|中秋|端午|清明)(?:节|假期)?)"
                      # (3月25日抵达东京: the trip's first day, the first stop reached: 46th round of batches)
                      # (曼谷3晚 清迈2晚 2月1号开始: 60th round of batches)
                      r"\s*(?:出发|出發|启程|啟程|动身|抵达|到达|飞抵|开始)")
#: A day written with 到 and the stop reached then (2027年2月10号到厦门).
_ARRIVES = re.compile(r"(?P<d>(?:\d{4}年)?(?:\d{1,2}[月./]\d{1,2}[日号]?"
                      r"|[一二三四五六七八九十]+月[一二三四五六七八九十]+[日号]))"
                      r"\s*到\s*(?P<at>[\u4e00-\u9fff]{2,4})")


def stays_before(question: str, city: Mention, mentions: list[Mention], date: str, today) -> int:
    """The days of the stays at a trip's stops written before the asked city's first mention (南京2天→苏州2天…;
    先在西安待三天 再去洛阳; 到沈阳 待两天 然后去大连; WILD.md, 43rd and 54th sittings): the asked stop starts that
    many days after the trip's day. 0 when the question's date is not written before those stays."""
    key = short_name(city.key)
    first = min((m.start for m in mentions if short_name(m.key) == key), default=city.start)
    head, total, opened = question[:first], 0, None
    for stay in _STAY.finditer(head):
        at_stop = any(m.end <= stay.start() and stay.start() - m.end <= 4 and short_name(m.key) != key
                      for m in mentions)
        # (成都2天 重庆3天 重庆那几天: the asked stop written right after a stay leads on from it: 191st batch)
        # (广州两天 佛山一天 珠海两天: stops and stays in a row apart by spaces, 56th round of batches)
        leads_on = _NEXT_STOP.search(head, stay.end()) or (at_stop and head[stay.end() :].strip(" ，,") == "") \
            or (at_stop and _STAY_IN_ROW.match(head, stay.end()) is not None)
        if not (at_stop or _STAY_VERB.match(stay.group(0))) or not leads_on:
            continue
        total += parse_number(stay["n"])
        opened = stay.start() if opened is None else opened
    # (厦门玩三天再去潮州两天，2027年2月10号到厦门: the day the trip reaches a stop before the one asked, 55th round;
    # not 曼谷玩两天再去清迈，1月5号到清迈: the asked stop's own day)
    reached = bool(total) and any(find_date(m["d"], today=today) == date and not m["at"].startswith(key)
                                  for m in _ARRIVES.finditer(question, opened))
    if not total or (find_date(question[:opened], today=today) != date and not _DEPARTS.search(question, opened)
                     and not reached):
        return 0  # the day counted from is neither before the stays nor the trip's departure (12月18号出发)
    return total


def _same_day(date: str, read: str | None) -> bool:
    """Whether ``date`` (as a model wrote it, with or without a year) is the day ``read``."""
    return read is not None and date[-5:] == read[-5:] and (len(date) == 5 or len(read) == 5 or date == read)


def counted_day(answer: Answer, question: str | None, today: dt.date | None = None) -> Answer:
    """The answer with the day counted on from the day the model copied, by the rule's arithmetic (the module's
    docstring). Only that day is moved; where the model wrote another one (the day moved to, or a day of its own),
    the answer stays as it is:

    * a plan moved (:func:`sft.dates.postponed_days`): when the model's date is the day the words of the move read;
    * today written out (:func:`sft.dates.written_today_days`): when it is that today;
    * a counted day (:func:`sft.dates.anchored_days`: 次日, 前一天, 第三天): when it is the one day the question
      writes (:func:`sft.task.date_mentions`, a relative one read against ``today``);
    * else a trip's stays before the model's city (:func:`stays_before`), a place name of the question: when its
      date is the trip's day, written before the stays (as the rule checks it)."""
    date = answer.date
    if not isinstance(question, str) or not valid_date(date):
        return answer
    moved, words = postponed_days(question)
    if moved:
        return Answer(answer.city, shift_date(date, moved)) if _same_day(date, find_date(words, today)) else answer
    after = written_today_days(question, date)
    if after:
        return Answer(answer.city, shift_from_written_today(date, after, today))
    days, _ = anchored_days(question, answer.city)
    if days:
        named = {day for day in (day or find_date(words, today) for words, day in date_mentions(question)) if day}
        if len(named) == 1 and _same_day(date, named.pop()):
            return Answer(answer.city, shift_date(date, days))
        return answer
    if answer.city is None:
        return answer
    mentions = find_mentions(question, default_gazetteer())
    city = next((m for m in mentions if m.text == answer.city), None)
    stays = 0 if city is None else stays_before(question, city, mentions, date, today)
    return Answer(answer.city, shift_date(date, stays)) if stays else answer  # unchanged: the very same answer


#: A day of the month alone, as a model copies it (22号, 21號, 8日).
_DAY_ALONE = re.compile(r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[号號日]\s*")
#: Two reference days of different weekdays and months: a phrase read as the same distance from both counts days
#: from today (明天, 后天), one read otherwise names a weekday or a day of its own (下周三, 15号).
_PROBES = (dt.date(2027, 3, 10), dt.date(2027, 7, 15))


def day_without_reference(phrase: str, question: str | None) -> str | None:
    """The day a date phrase a model copied names where no reference day is given but the question writes what the
    phrase needs (the date rule reads these questions so):

    * today written out (:func:`sft.dates.written_today`): a day counted from today (明天, 后天) is counted from the
      day written (``今天是11月3号 … 后天`` -> ``11-05``);
    * a day of the month alone, in the one month of the dates the question writes before it (``机票是12月20号的
      改签到22号`` -> ``12-22``);
    * this year's day of a festival on a fixed day, or of a day written (``今年国庆`` -> ``10-01``; ``今年11月15号``),
      where the question writes that day so: the year needs a reference day, the day does not.

    None otherwise: such a phrase then reads as no date, as before."""
    if not isinstance(question, str) or not isinstance(phrase, str) or not phrase.strip():
        return None
    today = written_today(question)
    if today is not None:
        read = [resolve_phrase(Answer(None, phrase), probe, question).date for probe in _PROBES]
        days = {(dt.date.fromisoformat(day) - probe).days if day and len(day) == 10 else None
                for day, probe in zip(read, _PROBES, strict=True)}
        if len(days) == 1 and (after := days.pop()) is not None and 0 <= after <= 4:  # both read, equally far
            return shift_date(today, after)
    alone, at = _DAY_ALONE.fullmatch(phrase), question.find(phrase)
    if alone is not None and at >= 0:
        months = {day[-5:-3] for _, day in date_mentions(question[:at]) if day}
        if len(months) == 1:
            date = f"{months.pop()}-{parse_number(alone['d']):02d}"
            return date if valid_date(date) else None
    if phrase.startswith("今年"):  # the day read must be one the question writes as such (not 今年国庆前: vague)
        date = resolve_phrase(Answer(None, phrase[2:]), None, question).date
        written = {day[-5:] if day else resolve_phrase(Answer(None, words[2:]), None).date
                   for words, day in date_mentions(question) if day or words.startswith("今年")}
        return date if date is not None and len(date) == 5 and date in written else None
    return None


#: The same day said again in other words right after a phrase (下周二 也就是11月10号, 下周三 就是3月17号).
_RESTATED = re.compile(r"\s*[，,]?\s*(?:也就是|就是|即)\s*(?P<day>[^\s，,。？?!！]+)")


def restated_day(phrase: str, question: str | None) -> str | None:
    """The day a question writes right after the phrase a model copied, as that day in other words (``下周二
    也就是11月10号`` -> ``11-10``): the date rule answers the day as written there, with a year only where one is
    written. None where no such day follows, or it needs a reference day itself."""
    if not isinstance(question, str) or not isinstance(phrase, str) or not phrase.strip():
        return None
    at = question.find(phrase)
    m = _RESTATED.match(question, at + len(phrase)) if at >= 0 else None
    day = find_date(m["day"]) if m is not None else None
    return day if valid_date(day) else None
