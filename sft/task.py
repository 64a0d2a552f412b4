"""The task, in one place: the answer schema, the date rule and the parser of model output.

Everything that needs to know what a right answer looks like imports from here: the training-data
generator, the test suite builder, the rule-based contender, the scorer and the tests.

The rule (from the tutorial, completed where it was silent; README "The task rule"):

* the answer is one JSON object ``{"city": str | null, "date": str | null}`` and nothing else;
* ``city`` is the city as written in the question (``攀枝花市`` keeps its 市);
* ``date`` is ``%Y-%m-%d`` when the question names a year, else ``%m-%d``; two-digit years are 20xx;
  Chinese numerals, 日/号, ``3-15号``, ``3/15`` and ``3.15`` are all dates;
* fixed-date festivals are dates (国庆 -> ``10-01``, 2025年国庆 -> ``2025-10-01``);
* a field the question does not contain is ``null``; relative dates (明天, 下周三, 15号 alone) and lunar
  festivals (中秋) have no absolute answer without a reference day, so without ``today`` they are ``null``
  too; with ``today`` :mod:`sft.dates` resolves them (WILD.md's conventions) to ``%Y-%m-%d``. An absolute
  date wins over a relative word in the same question.
"""

from __future__ import annotations

import ast
import calendar
import datetime as dt
import functools
import json
import re
import unicodedata
import warnings
from dataclasses import dataclass

from sft.dates import (
    CN_NUMERALS,
    DATE_WORD_PATTERNS,
    DAY_END,
    DOUBLED_LUNAR_DAYS,
    EN_CORRECTION,
    EN_MONTHS,
    INTERJECTIONS,
    LUNAR_MD,
    NUM,
    RANGE_SEPARATORS,
    SLIP_VERBS,
    WEATHER_WORD_TERMS,
    WEEKDAYS,
    YEAR,
    as_date,
    asked_scores,
    find_festival,
    month_weekday,
    parse_number,
    question_clause,
    relative_year_day,
    resolve_relative,
    today_written_span,
    written_today,
)

KEYS = ("city", "date")

#: What a model is trained to write for a date that needs a reference day (明天, 下周五, 15号, 中秋):
#: ``resolved``: the day itself (``%Y-%m-%d``, the reference day in the prompt; null without one);
#: ``phrase``: the phrase as written, resolved after the model by :func:`resolve_phrase`.
DATE_TARGETS = ("resolved", "phrase")
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2})$"
#: The JSON schema of an answer; the constrained-decoding contender compiles exactly this.
ANSWER_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": ["string", "null"]},
        "date": {"anyOf": [{"type": "string", "pattern": DATE_PATTERN}, {"type": "null"}]},
    },
    "required": list(KEYS),
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Answer:
    city: str | None
    date: str | None

    def to_json(self) -> str:
        """The canonical answer line, in the tutorial's spelling: ``{"city": "北京", "date": "06-01"}``."""
        return json.dumps({"city": self.city, "date": self.date}, ensure_ascii=False)

    def as_dict(self) -> dict[str, str | None]:
        return {"city": self.city, "date": self.date}


# --------------------------------------------------------------------------------------- dates

def format_date(month: int, day: int, year: int | None = None) -> str:
    """The date rule: ``%Y-%m-%d`` when a year is named, else ``%m-%d``; a two-digit year is 20xx.

    Raises ValueError for a day that does not exist (checked against a leap year when no year is named).
    """
    if year is not None and year < 100:
        year += 2000
    dt.date(year if year is not None else 2000, month, day)  # validates
    return f"{year:04d}-{month:02d}-{day:02d}" if year is not None else f"{month:02d}-{day:02d}"


_MONTH = rf"月(?:份(?={NUM}{DAY_END}))?"  # 6月1号, 6月份1号 (份 only before a day with 号/日)
# Year, month, day: 2020年4月16号, 二〇二三年十二月三十日, 23年5月1号, 2023-12-30, 2023/12/30, 2023.12.30
_YMD = re.compile(
    rf"(?<![\d{CN_NUMERALS}])(?P<y>{YEAR})年的?(?P<m>{NUM}){_MONTH}(?P<d>{NUM}){DAY_END}?"
    rf"|(?<!\d)(?<!\d\.)(?P<y2>\d{{4}})(?P<sep>[-/.])(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}})(?!\d|\.\d)"
    # 20261205, as typed into a search box: eight digits, a 19xx/20xx year, a real month and day
    # (20270115.csv too; not an order id: D20270215, #20261103)
    # (nor an order, pickup or tracking number: 订单号20260315, 取件码20251108; 97th-100th sittings)
    r"|(?<![\d.A-Za-z#])(?<![号码])(?<![号码] )(?<![号码]：)(?<![号码]:)"
    r"(?P<y3>(?:19|20)\d\d)(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12]\d|3[01])(?!\d|\.\d)"
    # 26.10.25, 27.2.5: a two-digit year 20-39 before a month and day, apart by dots (20xx, as 26年)
    # (26-12-06 too: dashes, WILD.md, 53rd sitting)
    # (26/3/8 too: slashes, 73rd sitting)
    r"|(?<![\d.\-/])(?P<y4>[23]\d)(?P<s4>[.\-/])(?P<m4>0?[1-9]|1[0-2])(?P=s4)(?P<d4>0?[1-9]|[12]\d|3[01])(?![\d.\-/])"
    # 12/6/2026: month/day/year, the year last (US style)
    r"|(?<![\d/])(?P<m5>0?[1-9]|1[0-2])/(?P<d5>0?[1-9]|[12]\d|3[01])/(?P<y5>(?:19|20)\d\d)(?![\d/])"
)
# A year written apart before a month and day (厦门马拉松 2027 1月3号, 27年高考 6月7号: WILD.md, 25th and 26th
# sittings): a four-digit 20xx, or two digits before 年 that start a word (not 结婚20年), then at most six characters
# without a digit or a clause's end, then the month and day. The month and day keep their reading; the year joins.
_YEAR_LEAD = re.compile(
    rf"(?:(?<![\dA-Za-z.\-/])(?<!预算)(?P<y>20\d\d)年?(?![款级届岁块元塊人个米分条件只台次名多])"  # not 预算2000块
    rf"|(?:(?<=^)|(?<=[\s，,。#【(（]))(?P<y2>\d\d)年)"
    # (婚礼定在 2026 ，5月20号: a comma right after the year too; 61st-76th hand-written batches;
    # 2027兰州马拉松将于6月6日: an event named between, 166th)
    rf"(?:\s*[，,]\s*)?[^\d，,。；;！!？?]{{0,8}}?(?P<m>{NUM}){_MONTH}(?P<d>{NUM}){DAY_END}")
# A written date with its year corrected to a month and day (2026年8月8号 不对 8月9号, 2027年1月9号 抱歉是1月10号:
# 222nd and 230th hand-written batches): the corrected day keeps the year.
_YEAR_CORRECTED = re.compile(
    rf"(?<!\d)(?P<y>20\d\d)\s*年\s*{NUM}{_MONTH}{NUM}{DAY_END}[^\d，,。；;！!？?]{{0,6}}?[\s，,]*"
    # (考试从2027年1月10号挪到了1月12号, 推迟到, 延后到了: 38th round of batches; 改一下: 43rd round)
    r"(?:[哦噢]?\s*不对|哦不|噢不|抱歉|sorry|说错了|写错了|打错了|应该是|改成|改到|改为|(?:改|更正|修改|纠正)一下|(?:挪|推迟|延后|延期|提前|调整?)(?:到|为|至)了?)"
    r"[\s，,]*(?:是|应该是|了)?\s*"
    rf"(?P<m>{NUM}){_MONTH}(?P<d>{NUM}){DAY_END}", re.IGNORECASE)
# What may not follow a number pair read as month.day: it is a measure (降雨量3.5毫米, 1.5度, 风力2.5级)
# (万, 千 not before 州, 宁, 岛: 6.13 千岛湖, 6.13 万州 are a city after the date, no thousands: 193rd batch; nor
# 千山, a mountain: 4.20 千山, 277th-284th)
_UNITS = (r"毫米|厘米|公里|千米|米|度(?!假)|℃|°|级|%|％|mm|cm|km|m/s|hPa|mph|倍|万(?![州宁])|千(?![岛山])"
          r"|元(?![朗旦宵])|块|小时|分钟"
          r"|[一每/]?(?:斤|公斤|千克)"  # 白菜1.5一斤: a price (165th sitting)
          r"|[一每/](?:升|公升|桶|瓶|箱)"  # 油价7.8一升 (61st-76th hand-written batches)
          r"|个|岁|次|纪念|折(?![叠腾返])|成(?=的|概率|[\s，,。？?！!]|$)"  # 8.5成的概率: tenths; 6/20 折叠伞 a date
          r"|天(?=[到内后左就以之的才\s，,。]|$)"  # 3-5天到, 连着下雨3-5天 药…: a span of days (289th-296th)
          # 单亩1.5升, 3.5壁厚, 2.5吨, 6.5寸: volumes, weights, lengths, areas (241st-248th sittings); not 10.1升旗
          # (National Day's flag raising), 08-12升温 (warming) nor 6.1厚街 (a town)
          r"|升(?![旗温级])|毫升|吨|磅|英寸|寸|亩|平方|平米|壁厚|厚(?!街)")

# A year with 年 before a month and day written 5.1 or 5/1 (2027年10.1, 27年5.20 领证): that day of that year, read as
# 2027年10月1日 (WILD.md, noticed 2026-12-05: the readers took 5.1 after 年 for no date). The year a 19xx/20xx, or two
# digits 2x/3x that start a word (not 结婚20年5.20: a span); not a measure after it (10年3.5倍).
_YEAR_DOTTED = re.compile(r"(?P<y>(?<![\d.])(?:19|20)\d\d|(?:(?<=^)|(?<=[\s，,。#【(（]))[23]\d)\s*年\s*"
                          r"(?P<m>0?[1-9]|1[0-2])\s*[./]\s*(?P<d>0?[1-9]|[12]\d|3[01])"
                          rf"(?!\d|\.\d|\s*(?:{_UNITS}))")

# Month and day: 4月6号, 十二月三十号, 3-15号, 3/15, 3.15 (not after 年: 今年6月1号 is relative)
_MD = re.compile(
    # not after a numeral (but 万一10月: a Chinese one before an Arabic month); 三月三 alone is the festival; after
    # a word that ends in 年 but names no year (过年 2月3日, 新年1月1号), the date is read
    rf"(?:(?<![\d{CN_NUMERALS}年])|(?<=[{CN_NUMERALS}])(?=\d)|(?<=[过新跨拜周]年))(?<!年的)"
    rf"(?!{DOUBLED_LUNAR_DAYS}(?![号日號\d{CN_NUMERALS}]))"
    rf"(?P<m>{NUM}){_MONTH}(?!一[直样起般定些切共边])(?P<d>{NUM}){DAY_END}?"  # 8月一直这么热: no day
    rf"|(?<![\d./\-年])(?<!年的)(?<![Pp][Mm])(?<![Pp][Mm] )(?<!概率)(?<!晚上)(?<!早上)(?<!下午)(?<!上午)(?<!凌晨)"
    # 血糖7.2: a reading, not July 2nd (100th sitting); pH7.2, a water test (205th)
    rf"(?<!血糖)(?<!血压)(?<!体温)(?<!血氧)(?<!视力)(?<![pP][hH])(?<![pP][hH] )"
    # 7/10的概率, 晚上10.30, 比分1-1, 6-9月, 3-15格口: no dates
    # f1.8 (an aperture), 买了9.9的伞 (a price), 5.11a (a climbing grade): no dates (185th-192nd sittings)
    rf"(?<!中午)(?<!比分)(?<!比分 )(?!(?<=[fF])\d{{1,2}}\.\d)(?<!买了)(?<!花了)"
    rf"(?P<m2>\d{{1,2}})(?P<s2>[-/.])(?P<d2>\d{{1,2}})(?![月格])(?![a-d](?![A-Za-z]))(?![xX×倍])"  # 1.4x: a factor
    # 3.15, 3/15, 3.15...; a range 2.22-2.23 too; a dash then words, a list's (时间 9.26 - 新家在昌吉: 145th batch)
    rf"(?!\d|/|\.\d|-(?=\d)(?!\d{{1,2}}(?P=s2)\d{{1,2}}(?![\d./-])))"
    rf"(?!\s*(?:{_UNITS}))"  # a measure, not a day: PM2.5, 3.5毫米, 1.5度, 2.5级
    r"(?!(?:(?<=-\d)|(?<=-\d\d))\s*[点點时])"  # 明早7-8点送达: hours, not July 8th (181st-188th batches)
    r"(?!\s*(?:主场|客场|领先|落后|赢|输|战胜|击败))"  # 2-1 主场: a score
    # 0503, 0916 typed alone between spaces as month and day (a leading zero; not a clock time, 0830 出发, nor a code,
    # 取件码 0612)
    r"|(?:^|(?<=\s))(?<![码号]\s)(?<![A-Z]\s)(?P<m3>0[1-9])(?P<d3>0[1-9]|[12]\d|3[01])(?=\s)"
    r"(?!\s*(?:点|时|出发|起飞|到达|落地|集合|开始|发车|航班|的航班|的车|上班|下班))"
)


# English month names (WILD.md: a written form): Dec 3, 3 December, Sept. 10th
_EN_MONTH = r"(?P<{g}>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]*)\.?"
_EN_MD = re.compile(
    # 2026 Oct 2: the year written first (37th-44th hand-written batches)
    r"(?:(?<![\d.\-/])(?P<y0>(?:19|20)\d\d),?\s+)?"
    r"(?<![a-z])" + _EN_MONTH.format(g="mon") + r"\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d:])"
    r"(?:,?\s*(?P<y>(?:19|20)\d\d)(?!\d))?"  # March 8 2027, Dec 3, 2026
    r"|(?<![\d.])(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|(?=[A-Z]{3}))" + _EN_MONTH.format(g="mon2")
    + r"(?![a-z])"  # 15NOV, 07JUL: a boarding pass's day and month (WILD.md, 72nd and 87th sittings)
    r"(?:,?\s*(?P<y2>(?:19|20)\d\d)(?!\d))?",
    re.IGNORECASE,
)


#: An English correction between two English dates (Dec 24, no wait, Dec 25; March 3rd, sorry, March 4th): the later.
_EN_CORRECTION = re.compile(EN_CORRECTION, re.IGNORECASE)


def _english_date(text: str) -> str | None:
    found = []
    for match in _EN_MD.finditer(text):
        month = EN_MONTHS.index((match["mon"] or match["mon2"]).lower()) + 1
        year = match["y"] or match["y2"] or match["y0"]
        try:
            found.append((match, format_date(month, int(match["d"] or match["d2"]), int(year) if year else None)))
        except ValueError:
            continue
    for (before, _), (match, date) in zip(found, found[1:]):
        if _EN_CORRECTION.search(text, before.end(), match.start()):
            return date  # corrected to the later one
    return found[0][1] if found else None


# Emoji and pictographs typed into a date (3月🤔23号, 4天💦后) are noise, not separators.
EMOJI = re.compile("[\u2600-\u27bf\u2b00-\u2bff\ufe00-\ufe0f\u200d\u20e3\U0001f000-\U0001faff]")


@functools.lru_cache(maxsize=1)
def traditional_rows() -> tuple[tuple[str, str, bool], ...]:
    """datasets/traditional.tsv: (traditional, simplified, usual) per one-character pair; ``usual``: OpenCC's
    s2t writes it (臺, 後), not only its t2s reads it (翫)."""
    from sft.paths import DATA, read_tsv

    rows = read_tsv(DATA / "traditional.tsv", ("traditional", "simplified", "usual"))
    return tuple((t, s, usual == "1") for _, (t, s, usual) in rows if len(t) == 1 and len(s) == 1)


@functools.lru_cache(maxsize=1)
def traditional_table() -> dict[int, str]:
    """A ``str.translate`` table: a traditional character -> its simplified one (one for one, so spans keep
    their places: 後天 reads as 后天, 臺北 as 台北)."""
    return {ord(t): s for t, s, _usual in traditional_rows()}


# Pinyin typed for the date words (WILD.md, eighth sitting): mingtian 明天, xia zhou san 下周三, 3 yue 15 hao 3月15号.
_PY = r"(?<![a-z])"
_PY_END = r"(?![a-z])"
_PINYIN_DAYS = {"da hou tian": "大后天", "hou tian": "后天", "ming tian": "明天", "jin tian": "今天",
                "zuo tian": "昨天", "qian tian": "前天", "xia zhou mo": "下周末", "zhe zhou mo": "这周末",
                "zhou mo": "周末",
                # festivals in pinyin (beijing 2027 chun jie: WILD.md, 48th sitting)
                "chun jie": "春节", "zhong qiu": "中秋", "guo qing": "国庆", "yuan dan": "元旦", "duan wu": "端午",
                "yuan xiao": "元宵", "qing ming": "清明", "qi xi": "七夕", "chu xi": "除夕",
                # with 节 and the fixed Western ones (dongjing shengdanjie xia xue ma: 187th hand-written batch)
                "zhong qiu jie": "中秋节", "guo qing jie": "国庆节", "duan wu jie": "端午节",
                "yuan xiao jie": "元宵节", "qing ming jie": "清明节", "qi xi jie": "七夕节",
                "sheng dan jie": "圣诞节", "sheng dan": "圣诞", "ping an ye": "平安夜",
                # a month's day (dongjing xia ge yue 5 hao, yiwu … 11 hao: 192nd and 195th hand-written batches)
                "xia ge yue": "下个月", "zhe ge yue": "这个月",
                # tonight (aomen jin wan feng da bu da: 34th round of batches)
                "jin wan": "今晚", "ming wan": "明晚"}
_PINYIN_JOINED = {k.replace(" ", ""): v for k, v in _PINYIN_DAYS.items()}
_PINYIN_WEEKDAY = re.compile(_PY + r"(?P<pre>xia\s*|zhe\s*|ben\s*)?(?:zhou|xing\s*qi|li\s*bai)\s*"
                             r"(?P<n>yi|er|san|si|wu|liu|ri|tian)" + _PY_END, re.IGNORECASE)
_PINYIN_PRE = {"xia": "下", "zhe": "这", "ben": "本"}
_PINYIN_DAY = re.compile(_PY + "(?:" + "|".join(k.replace(" ", r"\s*") for k in _PINYIN_DAYS) + ")" + _PY_END,
                         re.IGNORECASE)
_PINYIN_MD = re.compile(r"(?<![\d.])(?:(?P<y>\d{2}|\d{4})\s*nian\s*)?(?P<m>\d{1,2})\s*yue\s*(?P<d>\d{1,2})(?!\d)\s*"
                        r"(?:hao|ri)?" + _PY_END, re.IGNORECASE)  # 3yue8 too (WILD.md, 28th sitting)

#: A month or a day in Chinese numerals typed in pinyin, one syllable a numeral (jiu yue shi hao 九月十号, bayue shiwu
#: hao 八月十五号, shi ba hao 十八号: 33rd-34th rounds of batches).
_PINYIN_NUMERALS = {"ling": "零", "yi": "一", "er": "二", "liang": "两", "san": "三", "si": "四", "wu": "五",
                    "liu": "六", "qi": "七", "ba": "八", "jiu": "九", "shi": "十"}
#: A weekday's number after 周/星期/礼拜 (zhou wu 周五, xing qi ri 星期日).
_PINYIN_NUMERAL = {k: _PINYIN_NUMERALS[k] for k in ("yi", "er", "san", "si", "wu", "liu")} | {"ri": "日", "tian": "天"}
# (a day with 日 only after its month: siri is no 四日; shi'er yue: 十二月)
_PINYIN_CN = r"(?:(?:" + "|".join(_PINYIN_NUMERALS) + r")[\s']*){1,3}"
_PINYIN_CN_UNIT = re.compile(r"(?<![a-z'])(?P<n>" + _PINYIN_CN + r")(?P<u>yue|hao)" + _PY_END
                             + r"|(?<=yue)\s*(?P<n2>" + _PINYIN_CN + r")(?P<u2>ri)" + _PY_END, re.IGNORECASE)
_PINYIN_NUMERAL_WORD = re.compile("|".join(_PINYIN_NUMERALS), re.IGNORECASE)
_PINYIN_UNITS = {"yue": "月", "hao": "号", "ri": "日"}

#: A day of the month alone in pinyin (11 hao).
_PINYIN_D = re.compile(r"(?<![\d.])(\d{1,2})\s*hao" + _PY_END, re.IGNORECASE)


#: A count of days in pinyin (3 tian hou 3天后, 2 tian qian: 43rd round of batches).
_PINYIN_COUNT = re.compile(r"(?<![\d.])(\d{1,3})\s*tian\s*(?:yi|zhi)?\s*(hou|qian)" + _PY_END, re.IGNORECASE)


def _pinyin_dates(text: str) -> str:
    """The pinyin of the date words written as the words (only where Latin letters are typed at all)."""
    if not re.search(r"[A-Za-z]", text):
        return text
    text = _PINYIN_MD.sub(lambda m: (f"{m['y']}年" if m["y"] else "") + f"{m['m']}月{m['d']}号", text)
    text = _PINYIN_D.sub(r"\1号", text)
    text = _PINYIN_COUNT.sub(lambda m: f"{m[1]}天{'后' if m[2].lower() == 'hou' else '前'}", text)
    text = _PINYIN_WEEKDAY.sub(lambda m: _PINYIN_PRE.get((m["pre"] or "").strip().lower(), "") + "周"
                               + _PINYIN_NUMERAL[m["n"].lower()], text)
    text = _PINYIN_CN_UNIT.sub(lambda m: "".join(_PINYIN_NUMERALS[n.lower()]
                                                 for n in _PINYIN_NUMERAL_WORD.findall(m["n"] or m["n2"]))
                               + _PINYIN_UNITS[(m["u"] or m["u2"]).lower()], text)
    return _PINYIN_DAY.sub(lambda m: _PINYIN_JOINED["".join(m[0].lower().split())], text)


#: A lunar festival's own lunar day written right beside its name (八月十五 中秋节, 端午 五月初五): the festival.
_LUNAR_OWN_DAYS = {"中秋": "八月十五", "端午": "五月初五", "元宵": "正月十五", "重阳": "九月初九", "七夕": "七月初七",
                   "腊八": "腊月初八", "春节": "正月初一"}
_LUNAR_DAY_BESIDE = tuple(
    re.compile(rf"(?:农历)?{day}[日号]?\s*[，,、的]?\s*(?={name})|(?<={name})(节?)\s*[，,、]?\s*(?:农历)?{day}[日号]?")
    for name, day in _LUNAR_OWN_DAYS.items())


#: A month and a day of the month in Chinese numerals (十一月, 三十一号).
_CN_MONTH = "(?:十[一二]?|[一二三四五六七八九])"
_CN_DAY = "(?:[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_MOVED_DAY = re.compile(r"(?P<head>(?P<m>\d{1,2}|" + _CN_MONTH + r")月"
                        r"(?:\d{1,2}|" + _CN_DAY + r")[号日].{0,12}?"
                        # or corrected (6月12号 长沙 不对 13号: 111th sitting; 十一月三号 呃 四号: 289th-296th)
                        r"(?:改到|改成|推到|推迟到|延到|延期到|提前到|挪到|不对[，,\s]*(?:是|应该是)?"
                        # (绍兴六月十八号天气，哦不是十九号: nothing after 不是, 47th round of batches)
                        r"|" + INTERJECTIONS + r"\s*不(?:对|是)[，,\s]*是?|" + INTERJECTIONS + r"\s*不[，,\s]+是?"
                        r"|\s[哦噢喔呃额]\s+"
                        # or settled (12月5号还是6号来着 对 6号, 30还是31来着 31吧: 361st-376th sittings)
                        r"|来着[，,\s]*(?:[对哦噢嗯]+[，,\s]*)?)\s*)"
                        r"(?P<d2>(?:\d{1,2}|" + _CN_DAY + r")(?=[号日]|吧))")


#: A month and day typed by sound, 约 for 月 and 浩 for 号, between numerals (三约二十八浩, 8约15浩).
_TYPED_MONTH_DAY = re.compile(r"(?<![\d一二三四五六七八九十])(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])约"
                              r"(?P<d>[12]\d|3[01]|[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])(?P<h>浩)?")
#: A week's day moved or corrected to a bare weekday, which keeps the week written before (下周二改周四了: 下周四;
#: 41st round of batches).
_MOVED_WEEKDAY = re.compile(r"(?P<head>(?P<w>下下|下|上|这|本)个?(?:周|星期|礼拜)[一二三四五六日天1-7]\s*"
                            r"(?:改到|改成|改为|改|挪到|推到|推迟到|提前到|不对[，,\s]*(?:是|应该是)?)\s*)"
                            r"(?P<u>周|星期|礼拜)(?=[一二三四五六日天1-7])")
#: A date without its year, or with a year corrected, then the year (5.12 … 哦 年份是2027).
_YEAR_AFTER = re.compile(r"(?<![\d./-])(?:(?:19|20)\d\d\s*年\s*)?(?P<m>\d{1,2})\s*(?:[./]|月)\s*(?P<d>\d{1,2})"
                         r"\s*[号日]?(?![\d./-])(?P<mid>[^\d年]{0,12}?)年份\s*(?:" + SLIP_VERBS + r"错了)?"
                         r"[，,\s]*(?:是|为|应该是)?\s*"
                         r"(?P<y>(?:19|20)\d\d)(?:\s*年)?(?!\d)")


def festival_lunar_day(text: str) -> bool:
    """Whether a lunar festival's own day is written beside its name (``八月十五 中秋节``): one date, the festival."""
    return any(pattern.search(text) for pattern in _LUNAR_DAY_BESIDE)


#: One question is normalised three or four times per resolved answer (find_date on it and on its parts, the date
#: mentions): kept, as the normalising is a pure function of the text and ~0.2 ms of regex work each time.
@functools.lru_cache(maxsize=8192)
def _normalize(question: str) -> str:
    text = EMOJI.sub("", unicodedata.normalize("NFKC", question)).translate(traditional_table())
    text = _pinyin_dates(text).replace("笫", "第")  # 国庆笫二天: 笫 (a bed mat) typed by shape (40th round of batches)
    # 三约二十八浩, 8约15浩: 月 and 号 typed by sound (yue, hao) between numerals (42nd round of batches)
    text = _TYPED_MONTH_DAY.sub(lambda m: f"{m['m']}月{m['d']}{'号' if m['h'] else ''}", text)
    # a slash with spaces around it next to a word is a separator, not a date's (XIAMEN / 10.1 / 天气; 6 / 1 stays)
    text = re.sub(r"(?<=\D)\s+/\s+|\s+/\s+(?=\D)", "，", text)
    words = text.split()
    if len(words) >= 4 and sum(len(w) == 1 for w in words) >= 0.6 * len(words):
        # typed with a space after every character (湖州 明 天 下 雨 吗): the spaces between characters go, and
        # between digits and characters (常 州 5 月 2 0 号: the 20th, not the 2nd; 37th-44th hand-written batches)
        text = re.sub(r"(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])", "", text)
    text = re.sub(r"(\d{1,2})\s*월\s*(\d{1,2})\s*일", r"\1月\2日", text)  # 10월 3일 (Korean)
    text = re.sub(r"(?<!\d)(?:\.{2,}|…+)(?=\d)", " ", text)  # 成都…10.2…: no dot before a date (101st-108th)
    # 民國116年: Taiwan's year (1911 + N), as its Gregorian year (187th sitting)
    text = re.sub(r"民[國国]\s*(\d{2,3})\s*年", lambda m: f"{1911 + int(m[1])}年", text)
    # 2027年10.1, 27年5.20, 民國116年1/1: a year's 年 right before a month and day written with a dot or a slash
    text = _YEAR_DOTTED.sub(lambda m: f"{m['y']}年{m['m']}月{m['d']}日", text)
    # 116/10/10: Taiwan's year written first with slashes, as Taiwan writes dates (229th sitting; 100-119 = 2011-2030)
    text = re.sub(r"(?<![\d/.\-])(1[01]\d)\s*/\s*(1[0-2]|0?[1-9])\s*/\s*(3[01]|[12]\d|0?[1-9])(?![\d/])",
                  lambda m: f"{1911 + int(m[1])}/{m[2]}/{m[3]}", text)
    # 令和9年, 平成30年: Japan's era years, as their Gregorian years (令和元年 2019; 224th and 228th sittings)
    text = re.sub(r"(令和|平成)\s*(\d{1,2}|元)\s*年",
                  lambda m: f"{(2018 if m[1] == '令和' else 1988) + (1 if m[2] == '元' else int(m[2]))}年", text)
    # 元旦跨年: the New Year countdown, the night of 12-31 (WILD.md, 91st and 98th sittings)
    text = re.sub(r"元旦跨年(?!前|后)", "跨年", text)
    # 5.12 … 哦 年份是2027, 2026年11月8号 … 年份写错了 是2027年: a year given or corrected after the date is its year
    # (361st-376th sittings)
    if "年份" in text:  # (the pattern's own word: most questions skip it)
        text = _YEAR_AFTER.sub(lambda m: f"{m['y']}年{m['m']}月{m['d']}日{m['mid']}", text)
    # 原定11月7号 … 改到8号: a bare day moved to keeps the month written before it (100th sitting)
    text = _MOVED_DAY.sub(lambda m: f"{m.group('head')}{m.group('m')}月{m.group('d2')}", text)
    text = _MOVED_WEEKDAY.sub(lambda m: f"{m['head']}{m['w']}{m['u']}", text)
    # 八月十五 中秋节: a festival's lunar day written beside it is the festival, not the Gregorian day (93rd sitting)
    for pattern in _LUNAR_DAY_BESIDE:
        text = pattern.sub(lambda m: m.group(1) or "", text)
    # 2027年的第一天 / 2026年最后一天: a year's first and last days (WILD.md, 85th sitting)
    text = re.sub(r"((?:19|20)\d\d|[〇零一二]{2}[〇零一二三四五六七八九]{2})\s*年的?第一天", r"\1年1月1日", text)
    text = re.sub(r"((?:19|20)\d\d|[〇零一二]{2}[〇零一二三四五六七八九]{2})\s*年的?最后一天", r"\1年12月31日", text)
    # 烟花三月 3.28: a month word, then a dot or slash date apart: no 3月3 (WILD.md, 91st sitting)
    text = re.sub(r"月\s+(?=\d{1,2}\s*[./]\s*\d{1,2}(?!\d))", "月，", text)
    # May 1-5, Dec 24~26: an English month's day range gives its first day (not the dash date 1-5; 84th sitting)
    text = re.sub(r"(?i)(?<![a-z])((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d{1,2})"
                  r"(?:st|nd|rd|th)?\s*[-–~]\s*\d{1,2}(?:st|nd|rd|th)?(?![\d:/.])", r"\1", text)
    # 3/18 to 3/22: an English range word between two dates is 到 (196th sitting)
    text = re.sub(r"(?i)(?<=\d)\s+(?:to|till|until)\s+(?=\d)", " 到 ", text)
    # 3rd to 6th of December, 3-6 Dec: a day range before an English month gives its first day (183rd sitting)
    text = re.sub(r"(?i)(?<![\d.])(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|till|until|[-–~])\s*\d{1,2}(?:st|nd|rd|th)?"
                  r"(\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?![a-z]))", r"\1\2", text)
    # 那个 后 天 去桂林: a day word dictated apart, each character standing alone (179th sitting)
    text = re.sub(r"(?:(?<=^)|(?<=\s))([今明后])\s+天(?=\s|$)", r"\1天", text)
    text = re.sub(r"(?<![单公纪])元月(?=[\d〇零一二三四五六七八九十两])", "1月", text)  # 元月十八号: January
    text = re.sub(r"(?<=\d)\s*[·・•。]\s*(?=\d)", ".", text)  # 5·20, 12・12, 8。12: a dot between numbers
    # 8月。3日: a stray full stop after the month (289th-304th sittings)
    text = re.sub(r"(?<=\d月)\s*[。.，,]\s*(?=\d{1,2}\s*[日号])", "", text)
    # 九.二十, 六.一: a month and day in Chinese numerals joined by a dot, standing alone (289th-304th sittings)
    text = re.sub(r"(?:(?<=^)|(?<=\s))(" + _CN_MONTH + r")\s*[.。]\s*(" + _CN_DAY + r")(?=\s|$|[号日])", r"\1月\2日",
                  text)
    text = re.sub(r"(?<=\d)[Oo](?=\d*[月日号/.-])|(?<=[月/.-])[Oo](?=\d)", "0", text)  # 1O月1日: a letter O for 0
    text = _typed_day_words(text)
    # 8 月 23 号 -> 8月23号; not the space after a list's "2. " (2. 3.15 嘉兴 is 3.15, not 2.3)
    return re.sub(r"\s*([年月日号號/.-])(?<!\.)\s*|\s*(\.)(?:\s+(?!\d{1,2}[./-]\d))?", r"\1\2", text)


#: Day and date words typed with a sound-alike or look-alike character by a pinyin input method (WILD.md, 31st sitting):
#: 明填 明天, 星其五 星期五, 周未 周末, 下周溜 下周六, 十二约三号 十二月三号, 月低 月底, 圆旦 元旦, 金晚 今晚.
_DAY_TYPOS = (
    (re.compile(r"(?<=[今明昨])[填甜]|(?<=[今明昨后])添|(?<![最之以然随落午往])(?<=后)填"), "天"),
    # 361st-368th sittings: 后甜 (not 饭后甜点), 星七三 (星期三 by voice), Japanese きょう (today)
    (re.compile(r"(?<![最之以然随落午往饭])(?<=后)甜(?![点品食汤])"), "天"),
    # 58th round of batches: 过庆 (国庆), 原旦 (元旦), 朋天 (明天 by shape), 星期目 and 礼拜夫 (日, 天 by shape), 下同三
    # (下周三), 十吧号 (十八号 by sound), 12月3l号 (a letter l for 1)
    (re.compile(r"过庆(?=[去回到节假期那的\s]|$)"), "国庆"), (re.compile(r"原旦"), "元旦"),
    (re.compile(r"朋天"), "明天"),
    (re.compile(r"(?<=星期|礼拜)目"), "日"), (re.compile(r"(?<=星期|礼拜)夫"), "天"),
    (re.compile(r"(?<=下)同(?=[二三四五六日天末])"), "周"), (re.compile(r"(?<=[月十])[吧巴](?=[号日])"), "八"),
    (re.compile(r"(?<=\d)[lI](?=\d*[月日号])|(?<=[月/年])[lI](?=\d)"), "1"),  # 2026年l0月3号 (61st round)
    # 元但 (元旦), 越底 (月底 by sound: 60th round of batches)
    (re.compile(r"元但"), "元旦"), (re.compile(r"越底(?!线)"), "月底"),
    # 吓周末 (下 typed by sound before a week: 57th round of batches)
    (re.compile(r"吓(?=个?(?:周|星期|礼拜))"), "下"),
    # 三月十武号 (五 typed by sound in a date's day: 56th round of batches)
    (re.compile(r"(?<=[月十])[武午伍舞](?=[号日])"), "五"),
    # 三填后 (三天后 typed by sound, after a count: 55th round of batches)
    (re.compile(r"(?<=[一二两三四五六七八九十\d])[填甜添](?=以后|之后|后)"), "天"),
    (re.compile(r"星七(?=[一二三四五六日天])"), "星期"), (re.compile(r"きょう"), "今天"),
    (re.compile(r"心期(?=[一二三四五六日天])"), "星期"),  # 心期六 (星期 typed by sound: 61st round of batches)
    # 62nd round of batches: 夏周六 (下 by sound), 五浩 (号), 锅庆 (国庆), 后大 (后天 by shape), 周— (a dash for 一),
    # Minnan 明仔载 (明天)
    (re.compile(r"(?<![初盛立仲入季年])夏(?=周[一二三四五六日天末]|个?星期|个?礼拜)"), "下"),
    (re.compile(r"(?<=[\d一二三四五六七八九十])浩(?=[\s天，,的]|$)"), "号"), (re.compile(r"锅庆"), "国庆"),
    (re.compile(r"(?<=月)([\d一二三四五六七八九十]{1,3})浩"), r"\1号"),
    (re.compile(r"(?<![最之然以落往背前先])后大(?=[会下冷热有]|天气)"), "后天"),
    (re.compile(r"(?<=周|期|拜)[—－](?=[\s天气，,。吗]|$)"), "一"), (re.compile(r"明仔[载再日]"), "明天"),
    (re.compile(r"钱天(?=[\u4e00-\u9fff])"), "前天"), (re.compile(r"星其(?=[一二三四五六日天])"), "星期"),
    (re.compile(r"周未"), "周末"), (re.compile(r"(?<=[下这本])周的周末"), "周末"),  # 下周的周末
    (re.compile(r"(?<=[下这本])个?(?:星期|礼拜)的周末"), "周末"),  # 下个星期的周末 (33rd round of batches)
    (re.compile(r"(?<=[下上这本])[洲舟州](?=[一二三四五六日天末])"), "周"),  # 下州三 (90th sitting)
    # 56th-58th sittings: 眀天, 做天 (昨天), 周默, 这周无, 周山, 周3, 青明, 圣旦节, 端五, 今個禮拜六 (这礼拜六)
    (re.compile(r"眀"), "明"), (re.compile(r"做天(?![文气])"), "昨天"), (re.compile(r"周默"), "周末"),
    (re.compile(r"(?<=[下上这本])周无(?![锡为法聊事人所论])"), "周五"),
    (re.compile(r"(?:(?<=[下上这本])|^|(?<=\s))周山(?=[\s，,]|$)"), "周三"),
    (re.compile(r"青明"), "清明"), (re.compile(r"圣旦"), "圣诞"), (re.compile(r"端五(?![月号日號])"), "端午"),
    (re.compile(r"今个(?=礼拜|星期|周)"), "这"),
    # 67th-70th sittings: 新期五, 明天的明天(的明天), 去年的这个时候 (not …今年呢)
    (re.compile(r"新期(?=[一二三四五六日天])"), "星期"), (re.compile(r"明天的明天的明天"), "大后天"),
    (re.compile(r"明天的明天"), "后天"), (re.compile(r"去年的?这个?时候(?!.*今年)"), "去年今天"),
    # 71st-72nd sittings: 尽天 (今天), 元单 (元旦), a weekday typed apart (星期 三, 礼拜 六)
    (re.compile(r"(?<![无穷])尽天(?![下涯])"), "今天"), (re.compile(r"元单"), "元旦"),
    # 园旦, 名早, 情人结 (133rd-140th hand-written batches)
    (re.compile(r"(?<![公花果校庄田])园旦"), "元旦"), (re.compile(r"(?<![有出知莫])名早"), "明早"),
    (re.compile(r"情人结(?![婚])"), "情人节"),
    (re.compile(r"(?:(?<=星期)|(?<=礼拜)|(?<=周))\s+(?=[一二三四五六日天](?![\u4e00-\u9fff]))"), ""),
    # 73rd-76th sittings: 廿 in a written day (五月廿号, 12月廿三号), 圣诞夜 (Christmas Eve), 下周同一天, あした, 礼拜无
    (re.compile(r"(?<=月)廿|廿(?=[一二三四五六七八九]?\s*[号日號])"), "二十"), (re.compile(r"圣诞夜"), "平安夜"),
    (re.compile(r"下(?:周|个?星期|个?礼拜)同一天"), "下周的今天"), (re.compile(r"あした"), "明天"),
    (re.compile(r"(?<=礼拜|星期)无(?![锡为法聊事人所论])"), "五"),
    # 77th-80th sittings: 五1 六1 七1 (a festival typed half in digits), Cantonese 呢個禮拜六 (这个礼拜六), 后天的后天
    (re.compile(r"(?<![\d〇零一二三四五六七八九十百])五1(?![\d.号日號月年个])"), "五一"),
    (re.compile(r"(?<![\d〇零一二三四五六七八九十百])六1(?![\d.号日號月年个])"), "六一"),
    (re.compile(r"(?<![\d〇零一二三四五六七八九十百])七1(?![\d.号日號月年个])"), "七一"),
    (re.compile(r"呢[個个](?=礼拜|禮拜|星期|周|週)"), "这个"), (re.compile(r"后天的后天"), "大大后天"),
    # 81st-84th sittings: Minnan 拜六 (礼拜六), day words typed with a sound-alike (侯天, 大厚天, 金天, 州末, 明犬 by
    # shape, 圆蛋), 加上周末 (plus the weekend, not 上周末)
    (re.compile(r"(?<![礼参朝跪膜崇祭叩团])拜(?=[一二三四五六](?![拜一二三四五六七八九十\d]))"), "礼拜"),
    # (候天去南今: 候天 too, not 时候天气 or 气候: 49th round of batches)
    (re.compile(r"侯天|(?<=大)厚天|(?<![时气等问守伺征火症迎恭])候天(?!天)"), "后天"),
    (re.compile(r"金天(?![鹅])"), "今天"), (re.compile(r"州末"), "周末"),
    # 厚天 alone, 令天 typed by shape (厚天 遂宁, 令天拉萨, 令天大连: 19th, 37th, 44th and 46th rounds of batches); not
    # 厚 of a thing (穿厚天冷, 很厚), nor 令 of an order (号令天下, 司令)
    (re.compile(r"(?<![穿很太较加增变好挺够更最多得浓层盖铺衣被皮])厚天(?![鹅蓝])"), "后天"),
    # a year in Chinese numerals typed with a digit 0 (二0二六年), 今睌 (睌 for 晚 by shape): 47th round of batches
    (re.compile(r"(?<=[〇零一二三四五六七八九])0(?=[〇零一二三四五六七八九0]*年)|(?<=[一二])0(?=[〇零一二三四五六七八九])"),
     "〇"),
    (re.compile(r"(?<=[今明昨])[睌晩]"), "晚"),  # (晩: the Japanese form of 晚, 今晩: 53rd round of batches)
    (re.compile(r"(?<=[今明后昨前])夭(?![折亡寿])"), "天"),  # 大后夭 (夭 for 天 by shape: 50th round of batches)
    # 重九 (重阳, classical), 幺 for 一 in a date (一月幺五号), 星期留 before a weather word (48th round of batches)
    (re.compile(r"重九(?![点号日])"), "重阳"),
    (re.compile(r"(?<=[一二三四五六七八九十月])幺(?=[一二三四五六七八九十]?[号日])"), "一"),
    (re.compile(r"(?<=周|期|拜)留(?=有|会|天气|冷|热|晴|下[不雨雪])"), "六"),  # 星期留下不下雨 (50th round)
    # 八月十五 with the moon watched (月亮, 赏月, 月饼, 团圆): the mid-autumn festival's lunar day, not August 15th
    # (今年八月十五 在威海 能看见月亮不: 36th round; 八月十五去儿子家…能看到月亮吗: 46th round of batches)
    (re.compile(r"(?<![农阴]历)八月十五(?![号日號])(?=[^。？?]*?(?:月亮|赏月|月饼|团圆|看月))"), "农历八月十五"),
    (re.compile(r"(?<![号命司指口法政禁责条传军勒律])令天(?!下)"), "今天"),
    (re.compile(r"明犬"), "明天"), (re.compile(r"圆蛋"), "元旦"),
    # 今犬 (犬 for 天 by shape, as 明犬), 星朗六 and 星斯天 (期 typed by shape: 53rd round of batches)
    (re.compile(r"今犬"), "今天"), (re.compile(r"星[朗斯](?=[一二三四五六日天])"), "星期"),
    (re.compile(r"([加连])上(?=周末|周[一二三四五六日天]|礼拜|星期)"), r"\1"),  # 连上周末 (95th sitting)
    # 三天 后 (93rd sitting); not 玩三天 后天出发 (a stay, then the day after tomorrow: 61st-68th hand-written batches)
    (re.compile(r"(?<=[\d一二两三四五六七八九十]天)\s+(?=[后後](?![天日])|以[后後]|之[后後])"), ""),
    # 105th-108th sittings: a month's 初N day is lunar (五月初五, 八月初三), 春节第N天 is 正月初N, Korean day words
    # (이번 주말 这周末, 내일 明天, 오늘 今天, 모레 后天), 礼拜4 / 星期4, 12约25 without 号
    (re.compile(r"(?<![\d农阴历一二三四五六七八九十])"
                r"(?=(?:[一二三四五六七八九]|十[一二]?)月初[一二三四五六七八九十])"), "农历"),
    (re.compile(r"春节(?:假期)?的?第([一二三四五六七])天"), r"正月初\1"),
    # 217th-224th sittings: 中秋第二天, 端午节第三天 are days into a three-day holiday, counted from the festival's day
    # as 春节第N天 is (WILD.md: the festival + N - 1)
    (re.compile(r"(中秋|端午)节?(?:假期)?的?第([一二三1-3])天"),
     lambda m: f"农历{LUNAR_MD[m[1]][0]}月{LUNAR_MD[m[1]][1] + parse_number(m[2]) - 1}"),
    (re.compile(r"이번\s*주말"), "这周末"), (re.compile(r"내일"), "明天"), (re.compile(r"오늘"), "今天"),
    (re.compile(r"모레"), "后天"),
    (re.compile(r"(?<=礼拜|星期)[1-6](?![\d号日月天个年点次:：.\-/])"), None),
    (re.compile(r"(?<=\d)[约越](?=\d{1,2}(?:\s|$))"), "月"),
    # 109th-112th sittings: 下周伍 (a financial numeral), 下个 星期 三 (typed apart), Henan/Shandong 今黑儿 (tonight),
    # a fraction before 概率 (1/3 的概率 is no 1月3日)
    (re.compile(r"(?<=[下上这本]周|星期|礼拜)伍|(?<=周)伍(?![\u4e00-\u9fff])"), "五"),
    (re.compile(r"(?<=[下上这]个)\s+(?=星期|礼拜)"), ""),
    (re.compile(r"今黑(?:儿|价|了)?(?=[\s\u4e00-\u9fff，,？?]|$)(?!夜)"), "今晚"),
    # Xiang 今日子, 明日子, 后日子 (今日, 明日, 后日: 204th hand-written batch; the same length, so a span read
    # is as written)
    (re.compile(r"(?<=[今明后昨]日)子"), " "),
    # 289th-296th sittings: 礼拜似 (礼拜四 typed by sound), a weather-word solar term and its day typed apart
    # (霜降 那天)
    (re.compile(r"(?<=礼拜|星期)似(?![的乎])"), "四"),
    (re.compile("(" + "|".join(WEATHER_WORD_TERMS) + r")\s+(?=那天|当天|那日|那几天|前后)"), r"\1"),
    # 297th-304th sittings: Xiang 咯只礼拜六 (这个礼拜六)
    (re.compile(r"咯只(?=礼拜|星期|周)"), "这个"),
    (re.compile(r"(?<=[上下])只(?=礼拜|星期)"), "个"),  # Gan, Xiang 下只礼拜五 (下个礼拜五: 181st-188th batches)
    # 305th-312th sittings: 冥天 (明天 typed by sound), 元担 (元旦)
    (re.compile(r"冥天"), "明天"), (re.compile(r"元担"), "元旦"),
    (re.compile(r"明黑(?:儿|价)?(?=[\s\u4e00-\u9fff，,？?]|$)(?!夜)"), "明晚"),
    (re.compile(r"(?<![\d/.-])(\d)\s*/\s*(\d{1,2})(?=\s*的?(?:概率|几率|机率|可能性))"), r"\2分之\1"),
    # 113th-120th sittings: 打后天 (大后天), 两周后的周三 (下下周三), a stuttered month (十月 十月五号), 星期寺,
    # 雙十 連假
    (re.compile(r"[打搭]后天"), "大后天"),
    (re.compile(r"(?:两|2)\s*(?:周|个星期|个礼拜)(?:以后|之后|后)的?(?=(?:周|星期|礼拜)[一二三四五六日天])"), "下下"),
    (re.compile(r"(?<![\d〇零一二两三四五六七八九十])((?:\d{1,2}|[一二三四五六七八九十]{1,2})月)\s+(?=\1)"), ""),
    (re.compile(r"(?<=星期|礼拜)寺"), "四"),
    (re.compile(r"[双雙]十(?![一二\d])(?=\s*(?:[連连]假|假期|國慶|国庆))"
                r"|(?<![\d一二三四五六七八九十])[双雙]十(?=\s|[，,]|$)"), "双十节"),  # 台南 雙十 去看煙火 (134th)
    # 121st-128th sittings: look-alike and sound-alike typos of day words (明夫, 6月l号, 大候天, 6悦5号, 斤天, 周沫,
    # 作天, 李拜四), and a duration's 个月 ends its phrase (宝宝6个月 十一 带去杭州: 十一 is the holiday)
    (re.compile(r"(?<=[今明])夫(?![妻人子])"), "天"), (re.compile(r"(?<=\d月)[lI](?=\d?\s*[号日號])"), "1"),
    # 337th-344th sittings: a letter l for the 1 of a dotted day (6.l8, 3.l5)
    (re.compile(r"(?<![A-Za-z\d.])(\d{1,2}\.)[lI](?=\d(?!\d))"), r"\g<1>1"),
    (re.compile(r"(?<=大)候天"), "后天"), (re.compile(r"(?<=\d)[悦阅](?=\d{1,2}\s*[号日號])"), "月"),
    (re.compile(r"(?<![\d一二两三四五六七八九十几半])斤天"), "今天"), (re.compile(r"周沫"), "周末"),
    (re.compile(r"(?<![工操合创写制动耕劳])作天(?!数)"), "昨天"), (re.compile(r"李拜(?=[一二三四五六日天])"), "礼拜"),
    (re.compile(r"(?<=[\d一二两三四五六七八九十]个月)\s+"), "，"),
    # 129th-136th sittings: 下周思, 明尔, 左天, 周儿, 6曰8号, 钱天 before a space, 星期吴; a corrected weekday keeps the
    # week of the one it corrects (下周六呃周日: 下周日)
    (re.compile(r"(?<=周|期|拜)[思吴](?![想考念路维])"), None), (re.compile(r"(?<=明)尔(?![后])"), "儿"),
    (re.compile(r"(?<![向往靠偏朝])左天(?![空])"), "昨天"), (re.compile(r"(?<=周|期|拜)儿(?![童子女歌])"), "二"),
    (re.compile(r"(?<=\d)曰(?=\d)"), "月"), (re.compile(r"钱天(?=\s)"), "前天"),
    (re.compile(r"(?<=周|期|拜)曰"), "日"),  # 周曰 (140th sitting)
    (re.compile(r"(?P<p>(?<![一查问看瞧搜找聊])下下|下|上|这|本)(?P<w>周|个?星期|个?礼拜)(?P<d>[一二三四五六日天])"
                r"(?P<g>\s*(?:[呃额哦噢]|不对|不是)[\s呃额哦噢不对是,，]*)(?=(?:周|星期|礼拜)[一二三四五六日天])"),
     lambda m: f"{m['p']}{m['w']}{m['d']}{m['g']}{m['p']}"),
    # 85th-88th sittings: Hakka 今晡日 / 昨晡日 (today, yesterday), N日後 (N天后), Wu 格个礼拜六 (这个礼拜六)
    (re.compile(r"今晡日?"), "今天"), (re.compile(r"昨晡日?"), "昨天"),
    # 177th-184th sittings: Fuzhou 明旦 (明天; not 黎明旦); northwest 额 (我) before a day word, a speaker's own day
    # (额夜儿个在…冻成狗 今天还冷不: 今天 is asked)
    (re.compile(r"(?<!黎)明旦"), "明天"),
    (re.compile(r"(?<![黎元])今旦"), "今天"),  # Min 今旦 (today; 265th-272nd sittings), beside 明旦
    # Teochew 今暝 (tonight) and 冬节 (the winter solstice, 冬至) (321st-328th sittings)
    (re.compile(r"今暝"), "今晚"), (re.compile(r"冬节"), "冬至"),
    (re.compile(r"(?<![\u4e00-\u9fff])额(?=夜儿个|昨天|前天|今天|明天|后天)"), "我"),
    (re.compile(r"(?<![\d〇零一二两三四五六七八九十百月])([一二两三四五六七八九十]{1,3})日(?=[后後前]|[以之][后後])"),
     r"\1天"),
    (re.compile(r"格个(?=礼拜|禮拜|星期|周|週)"), "这个"),
    # Japanese day words (来週の土曜日 下周六, 今週, あさって: 62nd sitting); not 本来周五, 回来周一 (163rd sitting)
    (re.compile(r"来週の?|来周の|(?<![\u4e00-\u9fff])来周"), "下周"), (re.compile(r"今[週周]の"), "这周"),
    (re.compile(r"あさって|明[後后]日"), "后天"),
    (re.compile(r"(?<=周)[月火水木金土日]曜日?|(?<![周\u4e00-\u9fff])[月火水木金土日]曜日"), None),
    (re.compile(r"(?<=周|期|拜)陆"), "六"), (re.compile(r"(?<=[今明昨后])夭|(?<=第[一二三四五六七1-7])夭"), "天"),
    (re.compile(r"过庆节"), "国庆节"),  # 第二夭 (31st round of batches)
    # 月抵/月敌 (月底), 九悦五号 (月 typed by sound between numerals), Minnan 三工后 (三天后), Hakka 下只月 (下个月):
    # 31st-32nd rounds of batches (Minnan 昨昏, 昨晚, is left out: read so, it took the day asked from
    # 福清 昨昏落雨落到现在 明仔载会停无, a past day written right after the city)
    (re.compile(r"月[抵敌](?![达抗人])"), "月底"),
    (re.compile(r"(?<=[一二三四五六七八九十])[悦阅](?=[一二三四五六七八九十]{1,3}[号日])"), "月"),
    (re.compile(r"(?<=[一二两三四五六七八九十\d])工(?=[以之]?后)"), "天"),
    (re.compile(r"下只月"), "下个月"),
    (re.compile(r"搿个(?=礼拜|星期|月|周)"), "这个"),  # Wu 搿个礼拜天 (这个礼拜天: 34th round of batches)
    # classical 明岁 (next year), 星棋 (星期 by sound: 35th round of batches)
    (re.compile(r"明岁"), "明年"), (re.compile(r"今岁"), "今年"), (re.compile(r"星棋(?=[一二三四五六日天])"), "星期"),
    # 上元之夜, 上元夜: 上元节 (元宵), classical (31st round; not a name of its own: the generator draws those)
    (re.compile(r"上元之夜"), "上元节夜"), (re.compile(r"上元夜"), "上元节"),
    (re.compile(r"(?<=[月约越])(\d{1,2})好(?![吃看玩听用])"), r"\1号"), (re.compile(r"礼拜[添田]"), "礼拜天"),
    (re.compile(r"圆旦|元蛋|原旦"), "元旦"), (re.compile(r"平按夜"), "平安夜"),  # 50th sitting
    (re.compile(r"月低(?!温|气压|迷|谷)"), "月底"), (re.compile(r"金晚"), "今晚"),
    (re.compile(rf"(?<=[\d{CN_NUMERALS}])[约越](?=[\d{CN_NUMERALS}]{{1,3}}[号日號])"), "月"),
    (re.compile(r"(?<=周|期|拜)(?:[溜散伞流](?=[\s\u4e00-\u9fff，,。？?！!]|$)|[留路](?=[\s，,。？?！!]|$)|以(?![后前内上下来外及为]))"),
     None),
    (re.compile(r"(?<=周)[1-6](?![\d号日月天个年点次:：.\-/])"), None),  # 周3 (58th sitting)
)
_WEEKDAY_SOUNDS = {"溜": "六", "留": "六", "路": "六", "流": "六", "散": "三", "伞": "三", "以": "一",
                   "思": "四", "吴": "五",
                   "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "6": "六"}
_JAPANESE_WEEKDAYS = {"月": "一", "火": "二", "水": "三", "木": "四", "金": "五", "土": "六", "日": "日"}
#: Financial (大写) numerals in a written date (贰零贰柒年叁月捌日, 贰拾号: 56th sitting) read as the usual ones.
#: Only a run of numerals that ends at 年/月/日/号 (not 队伍, 陆家嘴).
_FORMAL_NUMERALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾", "一二二三三四五六六七八九十")
_FORMAL = "壹贰貳叁參肆伍陆陸柒捌玖拾"
_FORMAL_RUN = re.compile(rf"[零〇一二三四五六七八九十]*[{_FORMAL}][{_FORMAL}零〇一二三四五六七八九十]*(?=[年月日号號])")


def _sound(match: re.Match) -> str:
    found = match.group(0)
    if "曜" in found:  # 土曜日 -> 周六 (after 周: 六)
        day = _JAPANESE_WEEKDAYS[found[0]]
        return day if match.start() and match.string[match.start() - 1] == "周" else "周" + day
    return _WEEKDAY_SOUNDS[found]


@functools.lru_cache(maxsize=1)
def festival_typos() -> tuple[re.Pattern | None, dict[str, str]]:
    """datasets/festival_typos.tsv (``make_festival_typos.py``): festival names typed with one character replaced
    by a sound-alike (中球节, 圣蛋节, 国情节), as one pattern, and each form's festival."""
    from sft.paths import DATA, read_tsv

    table = {typo: name for _, (typo, name) in read_tsv(DATA / "festival_typos.tsv", ("typo", "festival"))}
    if not table:
        return None, table
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


@functools.lru_cache(maxsize=1)
def day_typos() -> tuple[re.Pattern | None, dict[str, str]]:
    """datasets/day_typos.tsv (``make_day_typos.py``): day words typed with one character replaced by a plain
    homophone (后田, 礼拜死, 下周而, 这周莫), as one pattern, each form not read before the characters that make a word
    with its sound-alike (下周以后), and each form's day word."""
    from sft.paths import DATA, read_tsv

    rows = [fields for _, fields in read_tsv(DATA / "day_typos.tsv", ("typo", "word", "not_before"))]
    if not rows:
        return None, {}
    alternatives = [re.escape(typo) + (f"(?![{re.escape(not_before)}])" if not_before else "")
                    for typo, _, not_before in sorted(rows, key=lambda r: len(r[0]), reverse=True)]
    return re.compile("|".join(alternatives)), {typo: word for typo, word, _ in rows}


def _typed_day_words(text: str) -> str:
    text = _FORMAL_RUN.sub(lambda m: m.group(0).translate(_FORMAL_NUMERALS), text)
    for pattern, word in _DAY_TYPOS:
        text = pattern.sub(word if word is not None else _sound, text)
    pattern, table = day_typos()  # a day word typed through a pinyin input method (WILD.md, 145th-152nd sittings)
    if pattern is not None:
        text = pattern.sub(lambda m: table[m.group(0)], text)
    pattern, table = festival_typos()  # a festival typed through a pinyin input method (WILD.md, 79th sitting)
    return pattern.sub(lambda m: table[m.group(0)], text) if pattern is not None else text


#: An event named before 那天/当天 (搬家那天, 出院 那天): the day written right before that event is the one asked.
# (9/8 军训开始 9/20 军训结束 军训那几天: the event's days, its first: 49th round of batches)
_EVENT_DAY = re.compile(r"([\u4e00-\u9fff]{2})\s*的?(那天|当天|那日|那几天|那两天|那些天)")
#: What joins an event to its day written after it (回门是12月14号, 报到：9月1日).
_LABEL_END = re.compile(r"\s*(?:是|为|定在|[:：])\s*$")
#: ... and the same seen from the event: a day right after it is its own (12月12号 回门12月14号: 回门 is the 14th's).
# (not across a space alone: 1月1日 搬家 1月3日 签合同 is a schedule, 搬家 the 1st's)
_LABELS_NEXT = re.compile(r"(?:\s*(?:是|为|定在|[:：])\s*)?(?:\d|[一二三四五六七八九十]+月)")
#: A weekday noted in brackets right after a day (11月12日（周四）报到): the event follows it.
_WEEKDAY_NOTE = re.compile(r"^[（(]\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[）)]\s*")
#: A range's last day written right after its first's month and day (8月19-20日): the event follows it.
_RANGE_END = re.compile(rf"^(?:{RANGE_SEPARATORS})\s*\d{{1,2}}\s*[日号]?\s*")


def _first(pattern: re.Pattern, text: str, has_year: bool) -> tuple[str | None, bool]:
    """The date of ``pattern`` the question asks about: the first one, unless another one's context says it
    is the one asked (a change of plan, ``想问的是``) or the first one's says it is given up (``原定``, ``…出发``);
    and whether even that one is given up (the only dates of this form are: 1月19号就算了)."""
    found: list[tuple[int, str]] = []  # (position, date)
    spans: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        if re.search(r"(?:农历|阴历)\s*$", text[max(0, match.start() - 4) : match.start()]):
            continue  # a lunar month and day (农历八月十五): relative, sft.dates resolves it
        groups = {k: v for k, v in match.groupdict().items() if v}
        try:
            month = parse_number(next(groups[k] for k in ("m", "m2", "m3", "m4", "m5") if k in groups))
            day = parse_number(next(groups[k] for k in ("d", "d2", "d3", "d4", "d5") if k in groups))
            year = (parse_number(next(groups[k] for k in ("y", "y2", "y3", "y4", "y5") if k in groups))
                    if has_year else None)
            date = format_date(month, day, year)
        except (ValueError, KeyError, TypeError, OverflowError):
            continue
        found.append((match.start(), date))
        spans.append((match.start(), match.end()))
    if not found:
        return None, False
    scores = asked_scores(text, spans)  # each date's words looked at between its neighbours
    # 1月1日签合同 1月3日搬家 搬家那天…: the day an event is written on, when that event's 那天 is asked (63rd-66th)
    events = {m[1]: m[2] in ("那天", "当天", "那日") for m in _EVENT_DAY.finditer(text)}  # word -> one day or several
    for k, (start, end) in enumerate(spans):
        after = _RANGE_END.sub("", text[end:].lstrip(), count=1)  # 8月19-20日开会 … 开会那两天 (51st round)
        after = _WEEKDAY_NOTE.sub("", after, count=1)  # 11月12日（周四）报到 … 报到那天 (61st round of batches)
        # (回门是12月14号 … 回门那天: the event's day given with 是 or a colon, 52nd round)
        before = _LABEL_END.sub("", text[:start].rstrip())
        words = [w for w in events if (after.startswith(w) and not _LABELS_NEXT.match(after, len(w)))
                 or before.endswith(w)]
        if words:
            # (4月10号 4月11号 开封那两天, 4.4 4.5 清明那两天: the days listed right before the event, the first)
            while k and not all(events[w] for w in words) and not text[spans[k - 1][1] : spans[k][0]].strip():
                k -= 1
            scores[k] = max(scores[k], 2)
    if not any(scores):  # 3月2号那天江门下暴雨 3月9号还会吗: a statement's day, then the asking clause's
        scores = question_clause(text, spans)
    if not any(s > 0 for s in scores) and len(found) > 2 and found[-1][1] in {d for _, d in found[:-1]} \
            and found[-1][1] != found[0][1]:
        scores[-1] = 2  # 4月18去4月19回 4月19号天气怎么样: a day named again after the others (52nd round of batches)
    first_day = _first_day_asked(text, spans)
    if first_day is not None:  # 12月26日 英语 12月27日 数学 … 第一天要不要早点出门: the first listed
        scores = [3 if k == first_day else 0 for k in range(len(spans))]
    negated, _, date = min((-score, at, date) for score, (at, date) in zip(scores, found, strict=True))
    return date, negated > 0  # its score below 0: given up


#: The first of the days a schedule lists, asked after them all (考试安排：12月26日 … 12月27日 … 第一天要不要早点出门:
#: 49th round of batches); not a part's own first day (第二期第一天).
_FIRST_DAY_ASKED = re.compile(r"(?<![期周站轮场段])第\s*[1一]\s*天"
                              r"(?=[^。]{0,14}(?:[吗么嘛？?]|要不要|会不会|天气|冷|热|下雨|下雪))")


def _first_day_asked(text: str, spans: list[tuple[int, int]]) -> int | None:
    """Which of a schedule's written days its 第一天, asked after them all, is (49th round of batches): the first
    day an event written before it is on (9月1日 报到 9月2日 军训开始 军训第一天: 9月2日; 2月10日至2月17日放假 …
    放假第一天: 2月10日, a range's first), else the first day listed (考试安排：12月26日 … 12月27日 …
    第一天要不要早点出门); None where there is no such 第一天, fewer than two days, or a festival's (国庆第一天)."""
    if len(spans) < 2:
        return None
    asked = _FIRST_DAY_ASKED.search(text, spans[-1][1])
    if asked is None or _FIRST_DAY_ASKED.search(text, 0, spans[-1][1]) or find_festival(text) is not None:
        return None
    event = re.search(r"[\u4e00-\u9fff]{2}$", text[: asked.start()])
    if event is None:
        return 0
    stretches = [text[end : spans[k + 1][0] if k + 1 < len(spans) else event.start()] for k, (_, end) in
                 enumerate(spans)]
    for k, stretch in enumerate(stretches):
        if event.group(0) in stretch:
            if k + 1 < len(spans) and re.search(re.escape(event.group(0)) + _LABEL_END.pattern, stretch):
                k += 1  # 报到：9月7日 培训：9月8日-9月10日 … 培训第一天: the event labels the day after it (61st round)
            while k and re.fullmatch(rf"\s*(?:{RANGE_SEPARATORS})\s*", stretches[k - 1]):
                k -= 1  # 2月10日至2月17日放假: the range's first day
            return k
    return 0


#: Text in quotation marks (a caption, a forecast pasted in): its dates yield to one the question writes outside them.
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」|『[^』]*』")
#: A message quoted or forwarded whole, the words outside it asking (bench.rule reads them apart, city and day): a
#: quotation of six characters or more (「…」, ‘…’, “…”, 【…】; 55th round of batches), or an alert's source in 【】
#: and its sentence (【昆明气象】预计1月5日至7日…。请问7号那天昆明…: 59th round of batches).
QUOTED_MESSAGE = re.compile(r"「[^「」]{6,}」|『[^『』]{6,}』|‘[^‘’]{6,}’|“[^“”]{6,}”|【[^【】]{6,}】"
                            r"|【[^【】]{1,12}】[^【】。！!？?]{6,}[。！!]"
                            # a forwarded message or alert up to its sentence's end (转：…发布大雾红色预警 请注意
                            # 出行 ——, 预警信息：台风…预计于9月16日…登陆。: 61st round of batches)
                            r"|(?:^|(?<=[\s，,]))(?:转发?|预警信息|(?i:forwarded|fwd))[:：][^。！!？?]{6,}?"
                            r"(?:[。！!]|——|\.(?=\s*[\u4e00-\u9fff]))")  # (… tonight. 明天还上班吗: 62nd)


#: The present asked about outside a quote (现在, 如今, 目前): vague, and no quoted day stands in for it.
_NOW = re.compile(r"现在|如今|目前|这会儿|此刻")


#: The new day of a plan moved not set yet, after its old day (原来是3月8号，新日子还没定; 原定…改期时间待定).
_NEW_DAY_UNSET = re.compile(r"(?:原来|原定|原本|本来|原计划)[^。？?]{0,16}?(?:新|改期|改到|延到|推到)[^，,。？?]{0,4}?"
                            r"(?:还没|没有?|未|待)(?:定|确定|通知)")
#: A plan changed to a relative day (改成明天, 改到下周三): without a reference day it is asked, unresolved.
# (3月8号就算了，后天去惠州: 39th round of batches)
_CHANGED_TO_DAY = re.compile(r"(?:改(?:成|到|为|在)|算了[，,\s]*)\s*(?:[今明后]天|大后天|[这下]+(?:周|星期|礼拜))")


def _labelled_day_in_year(text: str, dated: str) -> str | None:
    """A month and day written after the question's one date with a year, that a label asks for while the dated one
    is not asked (``出发：2027年2月10号 返程：2月16号 … 返程那天``: :func:`sft.dates.asked_score` 3 for it alone): that
    day in the dated one's year, or the next year's where it falls before it (46th round of batches). None otherwise:
    the dated day comes first, as :func:`find_date` says."""
    years, days = list(_YMD.finditer(text)), list(_MD.finditer(text))
    if len(years) != 1 or not days:
        return None
    spans = sorted((m.start(), m.end()) for m in years + days)
    score = dict(zip(spans, asked_scores(text, spans), strict=True))
    if score[years[0].span()] >= 3:
        return None
    asked = [m for m in days if m.start() > years[0].end() and score[m.span()] >= 3]
    month_day = _first(_MD, asked[0].group(0), False)[0] if len(asked) == 1 else None
    if month_day is None:
        return None
    year = int(dated[:4]) + (month_day < dated[5:])
    return format_date(int(month_day[:2]), int(month_day[3:]), year)


def find_date(question: str, today: dt.date | None = None) -> str | None:
    """The date a question asks about, formatted by the date rule, or None when it names none.

    Absolute dates come first and keep the rule's format even when ``today`` is given: a date with a
    year (``%Y-%m-%d``; also ``2025年国庆``), then a month and day (``%m-%d``), then a fixed-date festival
    (``国庆`` -> ``10-01``). Only when the question has none of them, and ``today`` (the reference day: a
    date, a datetime or an ISO string) is given, the first relative date (明天, 下周三, 三天后, 15号, 中秋, ...)
    is resolved by :mod:`sft.dates` and written ``%Y-%m-%d``; without ``today`` it is None. Never raises.
    """
    if not isinstance(question, str) or not question:
        return None
    quoted = QUOTED.sub(lambda m: "，" * len(m.group(0)), question)
    if quoted != question and QUOTED.sub("", question).strip():
        found = find_date(quoted, today)  # a quoted caption's or forecast's day is not the question's own
        if found is not None:
            return found
        if _NOW.search(quoted):
            return None  # “这是2019年8月10日…的画面” 温岭现在还会…: the question asks about now (53rd sitting)
    text = _normalize(question)
    today_at = today_written_span(text)  # 今天是4月29号 五一那天…: today written out, another day written asked
    if today_at is not None:
        other = find_date(text[: today_at[0]] + "，" + text[today_at[1] :])  # written days and festivals only
        if other is not None and other[-5:] != written_today(text)[-5:]:
            return other  # (2026年3月12日 星期四 晴 今天是植树节: today itself, as written with its year)
    # a written date the question gives up (1月19号就算了, 原定2/4) is the last resort
    found, given_up = _first(_YMD, text, True)
    if found is None:
        found = _year_ordinal_weekday(text)  # 2026年11月的第三个周六: a day of a named year
    if found is not None and not given_up:
        return _labelled_day_in_year(text, found) or found
    festival = find_festival(text)
    if festival is not None and festival[0] is not None and found is None:
        return format_date(festival[1], festival[2], festival[0])
    month_day, md_given_up = _first(_MD, text, False)
    if month_day is None:
        month_day, md_given_up = _english_date(text), False
    if month_day is None:
        month_day = _month_last_day(text)
    if month_day is not None and _NEW_DAY_UNSET.search(text) and len(_MD.findall(text)) == 1:
        return None  # 原来是3月8号，新日子还没定: the plan's day given up, the new one not set (51st round of batches)
    if month_day is not None and not md_given_up:
        return _this_year(text, _with_year_lead(text, month_day), today)
    found = found or month_day
    if found is not None:  # only given-up written dates: a relative day the question asks wins over them
        day = resolve_relative(text, today)
        if day is not None:
            return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        # 原定4月30号，改到五一了: the festival moved to; 6月3号那天去不了了 改成明天去柳州 without a reference day: the
        # relative day asked, unresolved (36th-37th rounds of batches)
        if festival is not None and format_date(festival[1], festival[2]) != found[-5:]:
            return format_date(festival[1], festival[2], festival[0])
        return None if today is None and _CHANGED_TO_DAY.search(text) else found
    if festival is not None:
        # the festival's day named by a relative date too (去年12月31号跨年, 这周六是情人节): that day, with its year
        # (WILD.md, 84th and 86th sittings)
        day = resolve_relative(text, today)
        if day is not None and (day.month, day.day) == festival[1:]:
            return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
        return format_date(festival[1], festival[2])
    day = resolve_relative(text, today)
    return None if day is None else f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


#: A month's ordinal weekday in a named year (2026年11月的第三个周六, 2027年5月最后一个周日: 61st-68th hand-written
#: batches); without a year it is relative (sft.dates: 11月第三个周六 in the reference day's year).
_YEAR_ORDINAL_WEEKDAY = re.compile(rf"(?<![\d{CN_NUMERALS}])(?P<y>20\d\d)(?:年的?|\s+)(?P<m>{NUM})月的?"  # 2027 1月…
                                   r"(?:第(?P<n>[一二三四1-4])个|(?P<last>最后一个))(?:周|星期|礼拜)(?P<wd>[一二三四五六日天末])")


def _year_ordinal_weekday(text: str) -> str | None:
    """The date of ``YYYY年M月第N个周X`` (or ``最后一个周X``, ``第一个周末``: its Saturday), ``%Y-%m-%d``; None when
    there is none or no such day."""
    match = _YEAR_ORDINAL_WEEKDAY.search(text)
    if match is None:
        return None
    try:
        # (a weekend is its Saturday, as 这周末: 2026年11月的最后一个周末, 233rd hand-written batch)
        day = month_weekday(int(match["y"]), parse_number(match["m"]), WEEKDAYS.get(match["wd"], 5),
                            -1 if match["last"] else parse_number(match["n"]))
    except (ValueError, IndexError, TypeError):  # no such month, or no such day in it
        return None
    return format_date(day.month, day.day, day.year)


#: A month's last day written as such (6月最后一天, 2027年2月最后一天: WILD.md, 31st sitting); not 月底 (vague).
_MONTH_LAST = re.compile(rf"(?<![\d{CN_NUMERALS}])(?:(?P<y>{YEAR})年)?(?P<m>{NUM})月份?的?最后一天")


def _month_last_day(text: str) -> str | None:
    """The date of ``M月最后一天`` (with its year when written; without one, February's is the 28th)."""
    match = _MONTH_LAST.search(text)
    if match is None:
        return None
    try:
        month = parse_number(match["m"])
        year = parse_number(match["y"]) if match["y"] else None
        if year is not None and year < 100:
            year += 2000
        last = calendar.monthrange(year or 2001, month)[1]
        return format_date(month, last, year)
    except (ValueError, TypeError, calendar.IllegalMonthError):
        return None


#: 今年 written apart before a month and day (今年定了4月12号, 今年信阳毛尖开园是4月12号: 249th-264th sittings), and
#: any other year the question names (明年, 去年, 2027年), which leaves the date as written.
_THIS_YEAR = re.compile(rf"今年(?!的?\s*{NUM}\s*[月./-])")  # not the 今年 of another date (今年2月2号就算了，四月九日)
_OTHER_YEAR = re.compile(rf"明年|去年|后年|前年|(?<![\d{CN_NUMERALS}])(?:\d{{2,4}}|[{CN_NUMERALS}]{{2,4}})\s*年")


def _this_year(text: str, month_day: str, today: object) -> str:
    """``month_day`` (``MM-DD``) in the reference day's year when 今年, the only year word, comes before it (the date
    rule's "a question that names the year": 今年 names it, as in ``今年6月1号``); else as it is."""
    day = as_date(today)
    this_year = _THIS_YEAR.search(text)
    first = _MD.search(text)
    if day is not None and len(month_day) == 5 and (named := relative_year_day(text, month_day, day)) is not None:
        return format_date(named.month, named.day, named.year)  # 6.18那天… 今年6.18呢: the date with its year word
    if day is None or len(month_day) != 5 or this_year is None or first is None or this_year.start() > first.start() \
            or _OTHER_YEAR.search(text):
        return month_day
    try:
        return format_date(int(month_day[:2]), int(month_day[3:]), day.year)
    except (ValueError, TypeError):
        return month_day


def _with_year_lead(text: str, month_day: str) -> str:
    """``month_day`` (``MM-DD``) with the year written apart before it (:data:`_YEAR_LEAD`) or on the date it corrects
    (:data:`_YEAR_CORRECTED`), when there is one."""
    for match in (*_YEAR_LEAD.finditer(text), *_YEAR_CORRECTED.finditer(text)):
        try:
            if f"{parse_number(match['m']):02d}-{parse_number(match['d']):02d}" != month_day:
                continue
            year = int(match["y"] or "20" + match["y2"])
            return format_date(int(month_day[:2]), int(month_day[3:]), year)
        except (ValueError, TypeError):
            continue
    return month_day


#: The reference day :func:`date_mentions` tries a date's words against, to tell a relative day (下周三, 15号) from
#: words that name none (月底); any day serves.
_PROBE_DAY = dt.date(2026, 6, 15)


def asks_a_later_clause(question: str) -> bool:
    """Whether ``question`` writes two or more month-and-day dates, nothing says which is asked (no 改到, 原定, …),
    and the first one's clause states something while a later one's asks (``1月5号哈尔滨零下30度 1月12号会不会更冷``):
    the date rule's :func:`sft.dates.question_clause` reads the asking one. The rule contender lets it decide over
    the day written by the only city (125th-132nd hand-written batches). Never raises."""
    if not isinstance(question, str) or not question:
        return False
    try:
        text = _normalize(question)
    except Exception:  # noqa: BLE001 - as date_mentions: no reading, no decision
        return False
    spans = sorted((m.start(), m.end()) for m in _MD.finditer(text) if m.end() > m.start())
    if len(spans) < 2 or not _WEATHER_STATED.search(text, spans[0][1], spans[1][0]):
        return False  # (5月2号到黄山，5月4号回来，那边…: an itinerary's stops, no weather stated: rule 9 reads them)
    scores = asked_scores(text, spans)
    if any(scores):  # 1月3号漠河零下40度 1月10号呢: a follow-up's day (133rd-140th hand-written batches)
        return scores.index(max(scores)) > 0 and max(scores) > 0
    return any(question_clause(text, spans)[1:])


#: Weather stated about a day (零下30度, 高温40度, 下暴雨, 下雪了, 被淋透了).
_WEATHER_STATED = re.compile(r"下了?[雨雪]|暴雨|大[雨雪]|高温|零下|\d+\s*(?:度|℃)|降温|大风|被淋|冰雹|雾霾|沙尘")


def date_mentions(question: str) -> list[tuple[str, str | None]]:
    """Every date the date rule's readers find in ``question``, each once, in the order written: ``(words, date)``,
    the words as the rule reads them (normalised: 国情节 -> 国庆节, 贰月 -> 二月, 民國116年 -> 2027年) and their date
    by the date rule when they need no reference day (``2028-02-29``, ``10-01``), else None (大大后天, 15号, 中秋).
    Which one is asked (or none) is not decided here: :func:`find_date` decides that for the rule contender. Words
    that name no day (最近, 那几天) are left out, and of overlapping finds all but the longest. Never raises."""
    if not isinstance(question, str) or not question:
        return []
    try:
        text = _normalize(question)
    except Exception:  # noqa: BLE001 - a hint line is no reason to stop; the rule reads such a question as dateless
        return []
    spans = [(m.start(), m.end()) for pattern in (_YMD, _MONTH_LAST, _MD, _EN_MD, *DATE_WORD_PATTERNS)
             for m in pattern.finditer(text) if m.end() > m.start()]
    kept: list[tuple[int, int, str, str | None]] = []
    for start, end in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):  # the longest first
        if any(start < e and s < end for s, e, _, _ in kept):
            continue
        words = text[start:end].strip()
        date = find_date(words) or find_date(f" {words} ")  # 0815 is read as a date only between spaces
        if date is None and _read_phrase(words, _PROBE_DAY) is None:
            continue  # no day of its own: read as the resolver reads a copied phrase
        if date is not None and len(date) == 5:
            date = _with_year_lead(text, date)  # 2027 武汉马拉松 3月28号: the year written apart joins
        kept.append((start, end, words, date))
    found: dict[str, str | None] = {}
    for _, _, words, date in sorted(kept):
        found.setdefault(words, date)
    return list(found.items())


# ----------------------------------------------------------------------------- model output

@dataclass(frozen=True)
class Parsed:
    """What a model said, read as an answer.

    ``answer`` is the first JSON object with both keys found anywhere in the text (code fences, prose
    around it, single quotes tolerated) or None. ``strict`` is True only when the whole output is
    exactly one such JSON object, which is what a weather API calling ``json.loads`` needs.
    """

    answer: Answer | None
    strict: bool


def _as_answer(obj: object) -> Answer | None:
    if not isinstance(obj, dict) or not all(k in obj for k in KEYS):
        return None
    values = []
    for key in KEYS:
        value = obj[key]
        if value is None or isinstance(value, str):
            values.append(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            values.append(str(value))
        else:
            return None
    return Answer(*values)


def _strict(text: str) -> bool:
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return (
        isinstance(obj, dict)
        and set(obj) == set(KEYS)
        and all(v is None or isinstance(v, str) for v in obj.values())
    )


def parse_output(text: str) -> Parsed:
    """Read a model's output as an answer. Never raises: garbage gives ``Parsed(None, False)``."""
    if not isinstance(text, str):
        return Parsed(None, False)
    decoder = json.JSONDecoder()
    for start in (i for i, c in enumerate(text) if c == "{"):
        end = text.find("}", start)
        candidates = []
        try:
            obj, _ = decoder.raw_decode(text, start)
            candidates.append(obj)
        except (ValueError, RecursionError):
            if end != -1:
                snippet = text[start : end + 1]
                try:  # Python-style dict: {'city': '北京', 'date': None}
                    candidates.append(ast.literal_eval(snippet))
                except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
                    pass
                try:  # single quotes, JSON literals
                    candidates.append(json.loads(snippet.replace("'", '"')))
                except (ValueError, RecursionError):
                    pass
        for obj in candidates:
            answer = _as_answer(obj)
            if answer is not None:
                return Parsed(answer, _strict(text.strip()))
    return Parsed(None, False)


#: A space of a copied date phrase that is dropped before reading it: all but one between two Latin letters or digits.
_PHRASE_SPACE = re.compile(r"\s+(?![A-Za-z0-9])|(?<![A-Za-z0-9])\s+")


#: What a copied phrase cut short is never extended over: a digit, a Chinese numeral or a mark between clauses
#: (``12月3号`` copied as ``3号`` must not become ``2月3号``).
_NUMERAL_CHARS = r"\d〇零一二三四五六七八九十两百千"
_PHRASE_STOP = re.compile(rf"[{_NUMERAL_CHARS}，,。、！!？?；;：:（）()【】\[\]\n]")

#: A number's character (where a copy cut inside a number would read as another date).
_NUMERAL = re.compile(rf"[{_NUMERAL_CHARS}]")

#: The one number a phrase ending in a week word is read on over: the weekday right after it (``下周`` of
#: ``下周三最低几度`` is ``下周三``), a single character that no number goes on from.
_WEEK_WORD = re.compile(r"(?:周|星期|礼拜|禮拜|拜)$")
_WEEKDAY = re.compile(rf"[一二三四五六1-7](?![{_NUMERAL_CHARS}])")


def _stops_forward(question: str, i: int, copied: str) -> bool:
    """Whether the phrase ``copied`` (ending at ``i`` of its question) may not be read on over character ``i``."""
    if not _PHRASE_STOP.match(question, i):
        return False
    return not (_WEEK_WORD.search(unspaced(copied)) and _WEEKDAY.match(question, i))


#: Words after a day that make it a vague time (``十一后``, ``春节以前``): a copy going on with them is not read
#: without them.
_BEFORE_AFTER = re.compile(r"(?:以|之|过)?[前后]")


def _copied_start(phrase: str, question: str) -> str | None:
    """The longest start of a phrase not found whole in its question that is (two characters at least, never cut
    inside a number): the model copied the day and went on with words of its own (``下周有雾`` of ``下周六有雾吗``).
    None where those words make the day a vague time (``十一后`` of ``十一过后``)."""
    for n in range(len(phrase) - 1, 1, -1):
        at = question.find(phrase[:n])
        if at >= 0 and not (_NUMERAL.match(phrase, n - 1) and _NUMERAL.match(question, at + n)):
            return None if _BEFORE_AFTER.match(phrase[n:].lstrip()) else phrase[:n]
    return None


def unspaced(phrase: str) -> str:
    """A copied date phrase as the resolver reads it: stripped, every space dropped but one between two Latin letters
    or digits (``下 周 一`` is ``下周一``, ``next Monday`` stays). The ``+json`` grammar lets a phrase adapter write
    this form too (:func:`sft.grammar.date_candidates`)."""
    return _PHRASE_SPACE.sub("", phrase.strip())


def _read_phrase(phrase: str, today: dt.date | None) -> str | None:
    phrase = unspaced(phrase)
    return find_date(phrase, today) or find_date(phrase + "那天", today)


def resolve_phrase(answer: Answer, today: dt.date | None = None, question: str | None = None) -> Answer:
    """An answer of a model trained with the ``phrase`` date target, read against the reference day: a date
    field that is no date (the phrase the model copied: ``下周五``, ``15号那天``) becomes what
    :func:`find_date` reads in it (``%Y-%m-%d`` with ``today``, null without one or for a vague time); a
    valid date (``06-01``, ``2024-05-01``) and a null date stay as they are. With the ``question``, a phrase that
    reads as no date and was copied cut short is read with up to four characters before it (``个月5号`` of
    ``问下个月5号`` is ``下个月5号``, ``拜天`` of ``禮拜天``), then, if still none, with up to two after it
    (``夜儿`` of ``夜儿个`` is yesterday, ``廿八`` of ``廿八号``), never across a number or a clause mark but the
    weekday after a week word (``下周`` of ``下周三`` is ``下周三``). A phrase not in the question whole
    (``下周有雾`` of ``下周六有雾吗``: the model dropped the weekday and went on in words of its own) is read from its
    longest start that is (``下周``), alone, then with up to two characters after it, never with any before it."""
    if answer.date is None or valid_date(answer.date):
        return answer
    # a phrase copied from a spaced-out question (明 天, 下个月 5号) is read without its spaces, but a space between
    # two Latin letters or digits stays (next Monday, the 12th, in 5 days: joined they read as no date);
    # the model copies the asked day alone; alone in a question a solar term or a count of days is often no day of its
    # own (霜降前能摘完不, 还有12天放假), so where the phrase reads as none it is read as the day it names (霜降那天)
    date = _read_phrase(answer.date, today)
    if date is not None or not question or not answer.date.strip():
        return Answer(answer.city, date)
    phrase, at = answer.date, question.find(answer.date)
    whole = at >= 0
    if not whole:  # the day copied, then words of the model's own: read from what it copied, and on, never back
        phrase = _copied_start(phrase, question)
        if phrase is None:
            return Answer(answer.city, None)
        date, at = _read_phrase(phrase, today), question.find(phrase)
    end = at + len(phrase)
    if date is None and at > 0 and whole:
        for start in range(at - 1, max(at - 5, -1), -1):  # one character more each time, four at most
            if _PHRASE_STOP.match(question, start):
                break
            date = _read_phrase(question[start:end], today)
            if date is not None:
                break
    if date is None:
        for stop in range(end + 1, min(end + 2, len(question)) + 1):  # cut short at its end: one, then two more
            if _stops_forward(question, stop - 1, question[at:stop - 1]):
                break
            date = _read_phrase(question[at:stop], today)
            if date is not None:
                break
    return Answer(answer.city, date)


def with_named_year(answer: Answer, question: str | None, today: dt.date | None = None) -> Answer:
    """The answer with the year its question names for its day: the task rule writes ``%Y-%m-%d`` when the question
    names a year, and a model that copied the month and day alone (``12-24`` of ``Dec 24 2027``, ``04-01`` of
    ``今年…4月1号``) gets the year the date rule reads for that same day, in the whole question (:func:`find_date`,
    ``今年`` against ``today``) or in one of its dates (:func:`date_mentions`), where exactly one year is read so."""
    date = answer.date
    if not isinstance(question, str) or date is None or len(date) != 5 or not valid_date(date):
        return answer
    read = [find_date(question, today), *(day for _, day in date_mentions(question))]
    years = {day for day in read if day is not None and len(day) == 10 and day[5:] == date}
    return Answer(answer.city, years.pop()) if len(years) == 1 else answer


def _whole_mention(phrase: str, question: str | None) -> str | None:
    """The one date the question writes around the copied phrase (冬至 of 今年冬至, next of next Saturday), where
    the phrase is written once and exactly one longer date holds it there: the model copied the day cut short."""
    if not isinstance(question, str) or not phrase.strip():
        return None
    # both as the date rule reads them (候天 of 大候天 is 后天 of 大后天: 49th round of batches)
    phrase, question = _normalize(phrase).strip(), _normalize(question)
    if not phrase or question.count(phrase) != 1:
        return None  # written twice (后天 of 后天到大后天, 今天 of 去年今天…今天呢): which one was copied?
    at = question.index(phrase)
    longer = {words for words, _ in date_mentions(question) if phrase in words and words != phrase
              and any(start <= at and at + len(phrase) <= start + len(words)
                      for start in (m.start() for m in re.finditer(re.escape(words), question)))}
    return longer.pop() if len(longer) == 1 else None


def _read_copied(answer: Answer, today: dt.date | None, question: str | None) -> Answer:
    """The answer with the date phrase it copied read: the day the question says it is again, as written
    (:func:`sft.counting.restated_day`: 下周二 也就是11月10号); else the phrase, or the one date written around it
    (:func:`_whole_mention`), against the reference day (:func:`resolve_phrase`); else, with no reference day, against
    what the question writes (:func:`sft.counting.day_without_reference`: 今天是11月3号 … 后天). A valid or null date
    comes back as the very same answer."""
    if answer.date is None or valid_date(answer.date):
        return answer
    from sft.counting import day_without_reference, restated_day  # sft.mentions imports this module

    restated = restated_day(answer.date, question)
    if restated:
        return Answer(answer.city, restated)
    whole = _whole_mention(answer.date, question)
    resolved = resolve_phrase(Answer(answer.city, whole) if whole else answer, today, question)
    if resolved.date is None and today is None:
        return Answer(answer.city, day_without_reference(answer.date, question))
    return resolved


def resolve_output(text: str, today: dt.date | None = None, question: str | None = None) -> str:
    """:func:`resolve_phrase` on a model's raw output: an answer whose date is a copied phrase becomes the
    canonical answer line with the phrase resolved (:func:`_read_copied`: also a day said again, a phrase cut short,
    what the question writes where no reference day is given), a month and day copied alone gets the year the
    question names for it (:func:`with_named_year`), and a day the question counts on from is counted on
    (:func:`sft.counting.counted_day`); any other output (a valid or null date, no answer at all) is returned
    unchanged, so the scorer still sees what the model wrote. A phrase the resolver fails on (a bug there) is kept
    as written, with a ``RuntimeWarning`` naming it, instead of stopping the run. ``question``: the
    question asked, where a phrase copied cut short is read again (:func:`resolve_phrase`)."""
    answer = parse_output(text).answer
    if answer is None:
        return text
    from sft.counting import counted_day  # it reads the question's place names (sft.mentions, which imports this)

    try:
        resolved = counted_day(with_named_year(_read_copied(answer, today, question), question, today), question,
                               today)
    except Exception as exc:  # noqa: BLE001 - one odd phrase of a model must not stop a bench of thousands
        # kept as the model wrote it: the scorer counts the phrase as a wrong date, and the warning names it
        warnings.warn(f"date phrase {answer.date!r} (reference day {today}) could not be resolved: {exc!r}; "
                      "the answer is kept as written", RuntimeWarning, stacklevel=2)
        return text
    return text if resolved is answer else resolved.to_json()


def strip_city_suffix(city: str | None) -> str | None:
    """The lenient city comparison ignores one trailing 市 (``攀枝花市`` == ``攀枝花``)."""
    if city is None:
        return None
    city = city.strip()
    return city[:-1] if len(city) > 2 and city.endswith("市") else city


def valid_date(date: object) -> bool:
    """A date string an answer may carry: ``%m-%d`` or ``%Y-%m-%d`` (:data:`DATE_PATTERN`) of a real day
    (``02-29`` is real without a year; ``09-99`` and ``2026-02-29`` are not)."""
    if not isinstance(date, str) or not re.fullmatch(DATE_PATTERN, date):
        return False
    try:
        dt.date.fromisoformat(date if len(date) == 10 else f"2000-{date}")
    except ValueError:
        return False
    return True
