"""Relative dates and festivals (sft/dates.py, through sft.task.find_date).

Every expected date below was worked out by hand with a printed calendar (``cal``) and, for the lunar
festivals, published Chinese calendars; none was produced by the code under test. Reference days used
most (March 2026):

    Mo Tu We Th Fr Sa Su
                       1
     2  3  4  5  6  7  8
     9 10 11 12 13 14 15
    16 17 18 19 20 21 22
"""

import datetime as dt
import re
import time

import pytest

from sft.dates import (
    FIXED_FESTIVALS,
    VAGUE,
    as_date,
    festival_date,
    find_festival,
    next_festival,
    parse_number,
    resolve_relative,
)
from sft.task import find_date

D = dt.date
MON, WED, FRI, SAT, SUN = D(2026, 3, 2), D(2026, 3, 4), D(2026, 3, 6), D(2026, 3, 7), D(2026, 3, 8)


def _check(question, today, expected):
    assert find_date(question, today=today) == expected, (question, today)
    assert find_date(question) is None, question  # a relative date is no date without a reference day


# ------------------------------------------------------------------------------------ day words

@pytest.mark.parametrize("question, expected", [
    ("今天北京天气", "2026-03-02"), ("今儿冷不冷", "2026-03-02"), ("今日上海", "2026-03-02"),
    ("今晚下雨吗", "2026-03-02"), ("今早有雾吗", "2026-03-02"),
    ("明天北京天气", "2026-03-03"), ("明儿个热吗", "2026-03-03"), ("明日杭州", "2026-03-03"),
    ("明早降温吗", "2026-03-03"), ("明晚有雨吗", "2026-03-03"),
    ("后天呢", "2026-03-04"), ("大后天去成都", "2026-03-05"),
    ("昨天下雨了吗", "2026-03-01"), ("前天多少度", "2026-02-28"), ("大前天", "2026-02-27"),
])
def test_day_words(question, expected):
    _check(question, MON, expected)


@pytest.mark.parametrize("question, expected", [
    # dialect day words (WILD.md): Wu, Cantonese, northern; English time words
    ("明朝落雨伐", "2026-03-03"), ("今朝热伐", "2026-03-02"), ("听日会唔会落雨", "2026-03-03"),
    ("琴日好冻", "2026-03-01"), ("寻日几度", "2026-03-01"), ("明个冷不冷", "2026-03-03"),
    ("今个下雨不", "2026-03-02"), ("昨个刮风了", "2026-03-01"), ("前儿个多少度", "2026-02-28"),
    ("后儿个天咋样", "2026-03-04"), ("昨儿个下雪没", "2026-03-01"),
    ("weather tomorrow 上海", "2026-03-03"), ("Tomorrow 北京", "2026-03-03"), ("today 杭州", "2026-03-02"),
    ("yesterday 下雨了吗", "2026-03-01"), ("tmr 深圳 rain?", "2026-03-03"), ("广州 tmrw 热吗", "2026-03-03"),
    ("atmr 下雨吗", None),  # inside a word: no
])
def test_dialect_and_english_day_words(question, expected):
    _check(question, MON, expected)


@pytest.mark.parametrize("question, expected", [
    ("十一去呼和浩特", "10-01"), ("十一期间杭州人多吗", "10-01"), ("2025年十一", "2025-10-01"),
    ("十一点下雨吗", None), ("第十一天", None), ("十一月去哪", None), ("二十一号", None), ("十一个人", None),
    ("十一路公交", None), ("十一号线", None),
])
def test_shi_yi_is_the_national_day_only_alone(question, expected):
    """十一 is the National Day holiday (WILD.md) only where it is no numeral (十一点, 第十一, 十一月)."""
    assert find_date(question) == expected


@pytest.mark.parametrize("question, expected", [
    ("去五一广场看灯 冷不冷", None), ("国庆路堵吗", None), ("七一大道下雨吗", None), ("元旦桥那边天气", None),
    ("五一去广场放风筝", "05-01"), ("国庆路上堵不堵", "10-01"), ("情人节街头冷吗", "02-14"),  # the day, then a word
    ("国庆节广场升旗几度", "10-01"),  # 国庆节 is whole: the day (its 节 is no place word)
])
def test_a_festival_inside_a_places_name_is_no_date(question, expected):
    """A festival's name followed by a place word (广场, 路, 大道, 桥…) names the place (WILD.md, sixth sitting)."""
    assert find_date(question) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("明天", D(2026, 12, 31), "2027-01-01"),   # year end
    ("明天", D(2026, 1, 31), "2026-02-01"),    # month end
    ("明天", D(2026, 4, 30), "2026-05-01"),
    ("后天", D(2026, 2, 27), "2026-03-01"),    # 2026 is a common year
    ("昨天", D(2027, 1, 1), "2026-12-31"),
    ("明天", D(2024, 2, 28), "2024-02-29"),    # leap years
    ("明天", D(2028, 2, 29), "2028-03-01"),
    ("后天", D(2028, 2, 28), "2028-03-01"),
    ("昨天", D(2028, 3, 1), "2028-02-29"),
])
def test_month_and_year_ends(question, today, expected):
    _check(question, today, expected)


# -------------------------------------------------------------------------------------- weekdays

@pytest.mark.parametrize("question, today, expected", [
    # 周X/星期X/礼拜X: the next such day on or after today
    ("周一北京天气", MON, "2026-03-02"),
    ("周三", MON, "2026-03-04"),
    ("星期六", MON, "2026-03-07"),
    ("星期日", MON, "2026-03-08"),
    ("礼拜天去爬山", MON, "2026-03-08"),
    ("周三", WED, "2026-03-04"),          # said on a Wednesday: today
    ("周二", WED, "2026-03-10"),
    ("周三", FRI, "2026-03-11"),          # said on a Friday: next week's
    ("周五", D(2025, 12, 31), "2026-01-02"),
    # 这周X/本周X/这个星期X: the current week's, even if past
    ("这周一", FRI, "2026-03-02"),
    ("本周三", FRI, "2026-03-04"),
    ("这个星期日", FRI, "2026-03-08"),
    ("这周日", D(2025, 12, 31), "2026-01-04"),
    # 下周X/下个星期X/下礼拜X: next week's
    ("下周三去杭州", FRI, "2026-03-11"),
    ("下周一", MON, "2026-03-09"),
    ("下周一", SUN, "2026-03-09"),
    ("下个星期五", MON, "2026-03-13"),
    ("下礼拜天", MON, "2026-03-15"),
    ("下周一", D(2025, 12, 31), "2026-01-05"),
    # 下下周X: the week after next
    ("下下周三", MON, "2026-03-18"),
    ("下下周一", SUN, "2026-03-16"),
    # 上周X/上个星期X: last week's
    ("上周五", MON, "2026-02-27"),
    ("上个星期一", MON, "2026-02-23"),
    ("上周日", SUN, "2026-03-01"),
    # English mixed in: next X = 下周X, this X = 这周X, X / on X = 周X
    ("Beijing next Friday", MON, "2026-03-13"),
    ("next monday 去杭州", SUN, "2026-03-09"),
    ("this Wednesday 北京", FRI, "2026-03-04"),
    ("上海 Sunday 天气", MON, "2026-03-08"),
    ("on Tuesday 深圳", WED, "2026-03-10"),
    ("Mondays 北京", MON, None),        # a habit, not a day
])
def test_weekdays(question, today, expected):
    _check(question, today, expected)


@pytest.mark.parametrize("question, today, expected", [
    ("周末去哪玩", SUN, "2026-03-08"),    # today when today is Sunday
    ("周末", MON, "2026-03-07"),
    ("这周末", SAT, "2026-03-07"),
    ("这个周末北京", FRI, "2026-03-07"),
    ("下周末", MON, "2026-03-14"),
    ("下周末", SUN, "2026-03-14"),
    ("this weekend 苏州", MON, "2026-03-07"),
    ("next weekend 苏州", MON, "2026-03-14"),
])
def test_weekends(question, today, expected):
    _check(question, today, expected)


# ------------------------------------------------------------------------------ N days, months

@pytest.mark.parametrize("question, today, expected", [
    ("三天后", MON, "2026-03-05"),
    ("10天以后", MON, "2026-03-12"),
    ("十天之后", MON, "2026-03-12"),
    ("过2天去青岛", MON, "2026-03-04"),
    ("过两天去青岛", MON, None),  # "in a couple of days": vague (WILD.md's label guide)
    ("二十天后", MON, "2026-03-22"),
    ("三十天后", MON, "2026-04-01"),
    ("一百天后", MON, "2026-06-10"),
    ("五天前", MON, "2026-02-25"),
    ("三天后", D(2026, 12, 30), "2027-01-02"),
])
def test_n_days(question, today, expected):
    _check(question, today, expected)


MAY20 = D(2026, 5, 20)


@pytest.mark.parametrize("question, today, expected", [
    ("下个月5号", MAY20, "2026-06-05"),
    ("下月十五号", MAY20, "2026-06-15"),
    ("下个月30号", MAY20, "2026-06-30"),
    ("下个月31号", MAY20, None),           # June has 30 days: no such day, never rolled over
    ("这个月10号", MAY20, "2026-05-10"),   # this month's, even if past
    ("本月31号", MAY20, "2026-05-31"),
    ("25号", MAY20, "2026-05-25"),         # a day alone: this month if not yet past
    ("20号", MAY20, "2026-05-20"),         # today is not past
    ("10号", MAY20, "2026-06-10"),         # past: next month
    ("那十五号呢", MAY20, "2026-06-15"),
    ("下个月5号", D(2026, 12, 20), "2027-01-05"),
    ("5号", D(2026, 12, 20), "2027-01-05"),
    ("31号", D(2026, 1, 31), "2026-01-31"),
    ("30号", D(2026, 1, 31), None),        # next month is February: no 30th
    ("月底", D(2028, 2, 10), "2028-02-29"),  # leap February
    ("月底", D(2026, 2, 10), "2026-02-28"),
    ("月底", D(2026, 4, 30), "2026-04-30"),
    ("月底", D(2026, 12, 5), "2026-12-31"),
    ("下个月底", D(2026, 1, 15), "2026-02-28"),
    ("下个月底", D(2027, 12, 1), "2028-01-31"),
])
def test_months_and_days_alone(question, today, expected):
    assert find_date(question, today=today) == expected
    assert find_date(question) is None


@pytest.mark.parametrize("question, today, expected", [
    ("今年6月1号去北京", MON, "2026-06-01"),
    ("明年6月1号", MON, "2027-06-01"),
    ("去年十二月三十号", MON, "2025-12-30"),
    ("明年2月29号", MON, None),                     # 2027 is a common year
    ("明年2月29号", D(2027, 5, 1), "2028-02-29"),
    ("今年国庆", MON, "2026-10-01"),
    ("明年元旦", MON, "2027-01-01"),
    ("明年春节", MON, "2027-02-06"),
])
def test_relative_years(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("明天上海 后天杭州", MON, "2026-03-03"),               # two relative dates, nothing says which: the first
    ("本来8号去南京 后来改成9号了", MON, "2026-03-09"),     # a change of plan: the new day
    ("原定明天出发 推迟到后天 天气怎么样", MON, "2026-03-04"),
    ("周五不行了，周六苏州下雨吗", MON, "2026-03-07"),       # the first one given up
])
def test_two_relative_dates(question, today, expected):
    _check(question, today, expected)
    assert find_date(question) is None


# -------------------------------------------------------------------------------------- festivals

# Published calendars (hand-typed): the eight lunar festivals and 清明, 2024-2030.
LUNAR_TABLE = {
    "春节": ["2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26", "2029-02-13", "2030-02-03"],
    "除夕": ["2024-02-09", "2025-01-28", "2026-02-16", "2027-02-05", "2028-01-25", "2029-02-12", "2030-02-02"],
    "元宵": ["2024-02-24", "2025-02-12", "2026-03-03", "2027-02-20", "2028-02-09", "2029-02-27", "2030-02-17"],
    "端午": ["2024-06-10", "2025-05-31", "2026-06-19", "2027-06-09", "2028-05-28", "2029-06-16", "2030-06-05"],
    "七夕": ["2024-08-10", "2025-08-29", "2026-08-19", "2027-08-08", "2028-08-26", "2029-08-16", "2030-08-05"],
    "中秋": ["2024-09-17", "2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03", "2029-09-22", "2030-09-12"],
    "重阳": ["2024-10-11", "2025-10-29", "2026-10-18", "2027-10-08", "2028-10-26", "2029-10-16", "2030-10-05"],
    "清明": ["2024-04-04", "2025-04-04", "2026-04-05", "2027-04-05", "2028-04-04", "2029-04-04", "2030-04-05"],
}


@pytest.mark.parametrize("name", sorted(LUNAR_TABLE))
def test_lunar_festivals_2024_2030(name):
    got = [str(festival_date(name, year)) for year in range(2024, 2031)]
    assert got == LUNAR_TABLE[name]


@pytest.mark.parametrize("alias, name", [
    ("元宵节", "元宵"), ("端午节", "端午"), ("七夕节", "七夕"), ("中秋节", "中秋"), ("重阳节", "重阳"),
    ("清明节", "清明"), ("大年初一", "春节"), ("大年三十", "除夕"),
])
def test_festival_aliases(alias, name):
    assert str(festival_date(alias, 2026)) == LUNAR_TABLE[name][2]


@pytest.mark.parametrize("question, today, expected", [
    ("中秋北京天气", D(2024, 9, 1), "2024-09-17"),
    ("中秋节", D(2024, 9, 18), "2025-10-06"),     # passed this year: next year's
    ("中秋", D(2026, 9, 25), "2026-09-25"),       # on the day
    ("春节回家", D(2025, 1, 1), "2025-01-29"),
    ("春节", D(2026, 3, 1), "2027-02-06"),
    ("除夕", D(2025, 1, 1), "2025-01-28"),        # 腊月廿九: the twelfth month has 29 days
    ("大年三十", D(2028, 1, 1), "2028-01-25"),
    ("端午节", MON, "2026-06-19"),
    ("端午", D(2028, 6, 1), "2029-06-16"),
    ("清明", MON, "2026-04-05"),
    ("清明节", D(2024, 4, 5), "2025-04-04"),
    ("元宵节", D(2027, 1, 1), "2027-02-20"),
    ("七夕", D(2028, 1, 1), "2028-08-26"),
    ("重阳节", D(2030, 1, 1), "2030-10-05"),
])
def test_lunar_festivals_next_occurrence(question, today, expected):
    _check(question, today, expected)


@pytest.mark.parametrize("question, expected", [
    ("元旦去哈尔滨", "01-01"), ("情人节", "02-14"), ("五一去北京", "05-01"), ("劳动节", "05-01"),
    ("六一", "06-01"), ("儿童节", "06-01"), ("七一", "07-01"), ("国庆", "10-01"), ("国庆节三亚", "10-01"),
    ("平安夜", "12-24"), ("圣诞", "12-25"), ("圣诞节下雪吗", "12-25"),
    ("2025年国庆", "2025-10-01"), ("25年元旦", "2025-01-01"), ("二〇二七年的圣诞节", "2027-12-25"),
    ("2025年中秋", "2025-10-06"),   # a named year makes a lunar festival absolute
    ("2027年 大年初三 回娘家", "2027-02-08"), ("2028 正月十五 看灯", "2028-02-09"),  # the year apart, or without 年
    ("国庆第三天", "10-03"), ("五一假期的第二天去青岛", "05-02"), ("十一长假第7天", "10-07"),  # a day into the holiday
    ("五一第三日 落雨冇", "05-03"),  # 第N日 as 第N天
    ("元旦第五天", "01-01"),  # 元旦 is three days off: no fifth day, the festival's date
])
def test_fixed_festivals_are_absolute(question, expected):
    assert find_date(question) == expected
    assert find_date(question, today=MON) == expected  # no year named: %m-%d even with a reference day


@pytest.mark.parametrize("question, expected", [
    ("双十一包裹会不会被雨淋", "11-11"), ("双11那天深圳", "11-11"), ("光棍节", "11-11"), ("双十二", "12-12"),
    ("妇女节", "03-08"), ("植树节去种树", "03-12"), ("愚人节", "04-01"), ("青年节", "05-04"),
    ("建军节", "08-01"), ("教师节", "09-10"), ("万圣节", "10-31"), ("跨年夜去外滩", "12-31"),
    ("圣诞前夜", "12-24"), ("20261205 杭州", "2026-12-05"), ("搜 19991231", "1999-12-31"),
    ("2024年冬至", "2024-12-21"), ("2025年立春", "2025-02-03"),  # solar terms in a named year
])
def test_more_fixed_days(question, expected):
    assert find_date(question) == expected


@pytest.mark.parametrize("question, expected", [
    ("农历八月十五", dt.date(2027, 9, 15)),     # on 2026-11-30: the next lunar 8/15 (2026's has passed)
    ("阴历腊月初八", dt.date(2027, 1, 15)),     # 腊八 of the lunar year 2026
    ("腊八节", dt.date(2027, 1, 15)),
    ("大年初三", dt.date(2027, 2, 8)),          # 春节 2027 is February 6
    ("正月十五", dt.date(2027, 2, 20)),
    ("冬至那天", dt.date(2026, 12, 22)),
    ("立春", dt.date(2027, 2, 4)),
    ("后儿去", D(2026, 12, 2)), ("前儿", D(2026, 11, 28)),
    ("明后两天温州", D(2026, 12, 1)), ("明后两日", D(2026, 12, 1)),
    ("北京明后天", D(2026, 12, 1)),  # tomorrow and the day after: a range gives its first day
    ("惠州今明两天天气", D(2026, 11, 30)), ("今明天有雨吗", D(2026, 11, 30)),  # a range: its first day
    ("下周三三亚", D(2026, 12, 9)),
    ("临清明天", D(2026, 12, 1)), ("亚特兰大后天", D(2026, 12, 2)), ("胡志明后天", D(2026, 12, 2)),
    ("乐清明天", D(2026, 12, 1)), ("福清明天下雨吗", D(2026, 12, 1)),  # 乐清 + 明天, no 清明
    ("去年今天北京天气", D(2025, 11, 30)), ("明年的今天", D(2027, 11, 30)),
    ("下周的今天杭州", D(2026, 12, 7)), ("下个星期今天", D(2026, 12, 7)), ("上周的今天", D(2026, 11, 23)),
    ("昆明后天下雨吗", D(2026, 12, 2)), ("崇明后天", D(2026, 12, 2)),  # a city ending in 明, then 后天
    ("一周后", D(2026, 12, 7)), ("两个星期之后", D(2026, 12, 14)),
    ("腊月二十三", D(2027, 1, 30)), ("冬月初一", D(2026, 12, 9)),
    ("明天有大雪吗", D(2026, 12, 1)),  # 大雪 is snow here, never the solar term (null without today)
])
def test_lunar_days_solar_terms_and_more_day_words(question, expected):
    assert find_date(question, today=D(2026, 11, 30)) == expected.isoformat()
    assert find_date(question) is None  # relative: null without a reference day


@pytest.mark.parametrize("question", ["然后儿童节呢", "之后儿子回来", "半个月后", "电话13820261205"])
def test_not_dates(question):
    assert find_date(question, today=MON) in (None, "06-01")  # 儿童节 is 06-01


def test_festival_helpers():
    assert find_festival("国庆节去北京") == (None, 10, 1)
    assert find_festival("2025年国庆和元旦") == (2025, 10, 1)
    assert find_festival("中秋") is None and find_festival("今年国庆") is None
    assert find_festival("十五一起去") is None  # 五一 inside a numeral
    assert find_festival("今年十一") is None and find_date("今年十一", today=MON) == "2026-10-01"
    assert next_festival("国庆", D(2026, 10, 2)) == D(2027, 10, 1)
    assert festival_date("不是节日", 2026) is None
    assert festival_date("中秋", 2101) is None and next_festival("春节", D(2100, 12, 1)) is None  # out of range
    assert set(FIXED_FESTIVALS) >= {"元旦", "情人节", "五一", "劳动节", "六一", "儿童节", "七一", "国庆", "国庆节",
                                   "平安夜", "圣诞", "圣诞节"}


# ------------------------------------------------------------------------ precedence, vague, guards

@pytest.mark.parametrize("question, expected", [
    ("明天6月1号去北京", "06-01"),     # the absolute date wins
    ("下周三国庆节", "10-01"),
    ("6月1号周六", "06-01"),
    ("2025年6月1号明天", "2025-06-01"),
    ("明天或者后天", "2026-03-03"),    # the first relative phrase
    ("3天后去北京", "2026-03-05"),
])
def test_precedence(question, expected):
    assert find_date(question, today=MON) == expected


@pytest.mark.parametrize("question, expected", [
    # the 下 of a verb (查下, 问下, 看下, 一下) is the verb's, except before 个
    ("查下周三", "2026-03-04"),
    ("查一下周三", "2026-03-04"),
    ("查一下下周三", "2026-03-11"),
    ("查下下周三", "2026-03-11"),
    ("看看下下周日", "2026-03-22"),   # 看看 takes no 下
    ("问下个月5号", "2026-04-05"),
    ("问一下本月28号", "2026-03-28"),
    ("看下月底", "2026-03-31"),
    ("查下周末", "2026-03-07"),
    ("下月底", "2026-04-30"),
    # words that contain a date word
    ("五一三亚天气", "05-01"),
    ("加拿大后天天气", "2026-03-04"),
    ("4天💦后", "2026-03-06"),
])
def test_verbs_and_lookalikes(question, expected):
    assert find_date(question, today=MON) == expected


@pytest.mark.parametrize("question", [
    *VAGUE, "下周六盘水天气", "十五一起去",
    "这几天北京天气", "最近", "这周天气怎么样", "下周天气", "下个月去北京", "月初", "过几天", "改天再去",
    "晚上冷吗", "下周一起去北京", "以后天气会好吗", "目前天气", "当前天气怎么样", "6月底", "10月份", "几号",
    "每周三", "坐3号线", "5号楼", "一日游", "第3号", "十几天后", "半个月后", "冬天", "", "   ", "北京天气",
])
def test_vague_and_lookalikes_are_no_date(question):
    assert find_date(question, today=MON) is None, question
    assert resolve_relative(question, MON) is None


@pytest.mark.parametrize("today", [None, "garbage", 42, "2026-13-01"])
def test_without_a_usable_reference_day_relative_is_none(today):
    for question in ("明天", "下周三", "周末", "三天后", "15号", "月底", "下个月5号", "中秋", "今年6月1号"):
        assert find_date(question, today=today) is None
        assert resolve_relative(question, today) is None


def test_reference_day_forms():
    assert find_date("明天", today="2026-03-02") == "2026-03-03"
    assert find_date("明天", today=dt.datetime(2026, 3, 2, 23, 59)) == "2026-03-03"
    assert as_date("2026-03-02") == MON and as_date(None) is None and as_date(3.5) is None


@pytest.mark.parametrize("question, today", [
    ("明天", D(9999, 12, 31)), ("昨天", D(1, 1, 1)), ("9999天后", D(9999, 1, 1)), ("下周一", D(9999, 12, 30)),
    ("下个月5号", D(9999, 12, 1)), ("中秋", D(2101, 1, 1)), ("春节", D(1, 1, 1)), ("{" * 2000, MON),
    ("号" * 500, MON), ("周" * 500, MON), ("0号", MON), ("32号", MON), ("下个月0号", MON), ("过0天", MON),
    ("今年13月1号", MON), ("百天后", MON),
])
def test_never_raises(question, today):
    answer = find_date(question, today=today)
    assert answer is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", answer)


@pytest.mark.parametrize("garbage", [None, 42, b"\xe6\x98\x8e\xe5\xa4\xa9", ["明天"]])
def test_never_raises_on_non_strings(garbage):
    assert find_date(garbage, today=MON) is None
    assert resolve_relative(garbage, MON) is None
    assert find_festival(garbage) is None


def test_parse_number():
    assert [parse_number(t) for t in ("15", "十五", "两", "二十一", "二〇二五", "二零二四")] == [
        15, 15, 2, 21, 2025, 2024]
    with pytest.raises(ValueError):
        parse_number("十十")


def test_fast_enough():
    questions = ["明天北京天气", "下周三去杭州", "6月1号上海", "中秋节成都", "三天后", "15号呢", "最近天气",
                 "2025年国庆", "我们3个人去北京", "这个周末适合爬山吗"] * 100
    start = time.perf_counter()
    for q in questions:
        find_date(q, today=MON)
    assert time.perf_counter() - start < 1.0


def test_da_suan_is_no_verb_before_a_week_word():
    """打算下周末 is next weekend (打算 "plan to" is a word, not 算下 "work out")."""
    from sft.task import find_date

    assert find_date("打算下周末去青岛", today=dt.date(2029, 11, 30)) == "2029-12-08"  # a Friday
    assert find_date("打算下礼拜天去霸州", today=dt.date(2030, 2, 27)) == "2030-03-10"  # a Wednesday


@pytest.mark.parametrize("question, expected", [
    # pinyin typed for the date words (WILD.md, eighth sitting)
    ("chongqing mingtian re bu re", "2026-03-03"), ("chengdu houtian qiwen", "2026-03-04"),
    ("taiyuan xia zhou san xia xue ma", "2026-03-11"), ("beijing zhoumo", "2026-03-07"),
    ("kunming 3 yue 15 hao xia yu ma", "03-15"), ("zhengzhou 2026 nian 1 yue 20 hao", "2026-01-20"),
    ("jintan 天气", None),  # a city's pinyin (金坛), no day word
    # English dates with a year; a span of days; 六一 inside 周六一早
    ("weather Paris March 8 2027", "2027-03-08"), ("Dec 3, 2026 北京", "2026-12-03"), ("3 May 2025 上海", "2025-05-03"),
    ("包裹预计3-5天到", None), ("6-1天气", "06-01"), ("04-02天儿咋样", "04-02"),
    ("周六一早出发 会下雨吗", "2026-03-07"), ("六一去公园", "06-01"),
])
def test_pinyin_day_words_english_years_spans_and_weekday_numerals(question, expected):
    assert find_date(question, today=MON) == expected


@pytest.mark.parametrize("question, expected", [
    # Cantonese and Minnan day words (WILD.md, eleventh sitting); not inside 今后日子, 三天后日本, 目前日程
    ("后日去深圳 会唔会好热", "2026-03-04"), ("大后日去澳门", "2026-03-05"), ("听朝早天津几多度", "2026-03-03"),
    ("明仔載臺南會落雨無", "2026-03-03"), ("今后日子 明天呢", "2026-03-03"), ("三天后日本冷吗", "2026-03-05"),
    # a statement about one day, then a question about another: the asked one (no word says it otherwise)
    ("寻日佛山好大风，今日仲系咁大风咩", "2026-03-02"), ("今儿个哈尔滨贼冷 后儿个能暖和点不", "2026-03-04"),
    ("前日东莞落大雨 今日仲落唔落", "2026-03-02"), ("明天还是后天去好 天气怎么样", "2026-03-03"),
    # ... also when the statement holds 十几 (no question word) or the question is a closing 能X不 / 还X不 before more
    ("前儿个长春零下二十几度 今儿个咋样", "2026-03-02"), ("夜来下了一宿 今儿还下不 俺在乡下", "2026-03-02"),
    ("夜儿个刮了一天 今儿能晴不 想晒被子", "2026-03-02"),
    # each date's words are read between its neighbours: 原定 gives up 这周六 only, 改到 asks 下周日
    ("原定这周六，改到下周日，西安下雨吗", "2026-03-15"), ("3月8号，其实是3月9号", "03-09"),
    ("3月3号哦不是3月5号", "03-05"), ("河池市不是，南宁市5月4日至7日", "05-04"),  # 不是 gives up the city there
    ("周五 sorry 我是说周六 有雨吗", "2026-03-07"), ("明天 我说的是后天", "2026-03-04"),  # I mean ...
    # a written date given up yields to the relative day asked
    ("1月19号就算了，后天南京天气", "2026-03-04"), ("原定2/4，现在改明天了", "2026-03-03"),
])
def test_dialect_days_the_asked_one_of_two_and_given_up_written_dates(question, expected):
    assert find_date(question, today=MON) == expected


@pytest.mark.parametrize("question, expected", [
    ("Harbin next Tue snow?", "2026-03-10"), ("Seattle next Thurs rain", "2026-03-12"), ("on Sat 北京", "2026-03-07"),
    # a short weekday alone, capitalised, before Chinese or "or" (WILD.md, 31st sitting); not "sunny", "the Sun is"
    ("Sun 北京", "2026-03-08"), ("sunny in Beijing?", None), ("the Sun is out in Beijing", None),
    ("Guangzhou on the 5th?", "2026-03-05"), ("Singapore the day after tomorrow", "2026-03-04"),
    ("哈尔滨1O月1日下雪吗", "10-01"), ("温州8。12台风会来吗", "08-12"),  # a letter O for 0; a Chinese full stop
    # a quoted caption's or pasted forecast's day yields to the question's own
    ('"今日北京：晴" 那沈阳呢？明天', "2026-03-03"), ("“冬至的北京”——今天北京有雾霾吗", "2026-03-02"),
])
def test_english_short_weekdays_ordinal_days_typed_digits_and_quoted_text(question, expected):
    assert find_date(question, today=MON) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("腊八 那天 天津 冷吗", "2027-01-02", "2027-01-15"),  # the lunar year before today's calendar year
    ("年货大街 腊月廿八 去逛", "2027-01-10", "2027-02-04"), ("大大后天去扬州玩", "2026-03-30", "2026-04-03"),
    ("澳門 八號風球 今日 會唔會掛", "2026-08-20", "2026-08-20"),  # a typhoon signal's number is no day
    ("周六呃周日吧 去爬山会下雨吗", "2026-10-14", "2026-10-18"),  # a spoken correction
    ("霜冻预警 26.10.25 寿光", None, "2026-10-25"), ("北京 10.25", None, "10-25"),
])
def test_lunar_days_across_years_spoken_corrections_and_dotted_two_digit_years(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("元旦前一天 广州天气", None, "12-31"), ("情人节前一天在厦门拍照", None, "02-13"),
    ("国庆前两天 北京", None, "09-29"),
    ("中秋节后一天 杭州下雨吗", "2026-08-30", "2026-09-26"), ("元宵节后第三天 洛阳", "2027-01-05", "2027-02-23"),
    ("五一调休要上周日的班，那天会下雨吗", None, None), ("国庆节后第一个工作日 上海", None, None),  # the schedule's day
    ("春节初三回娘家 赣州天气", "2027-01-15", "2027-02-08"), ("釜山 10월 3일 날씨", None, "10-03"),
    ("过关到香港元朗 10/2 元朗那边天气", None, "10-02"),  # 元朗 is a place, not 元 (yuan) after a number
])
def test_days_before_and_after_festivals_schedule_days_and_korean_dates(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # the week before last and the month after next (WILD.md, eighteenth sitting: until then no dates here)
    ("上上周三", "2026-03-02", "2026-02-18"), ("上上周六 南京下冰雹了吗", "2026-06-17", "2026-06-06"),
    ("下下个月5号", "2026-03-02", "2026-05-05"), ("本月最后一个周五 苏州团建", "2026-10-08", "2026-10-30"),
    ("下个月第一个周一开学", "2026-08-12", "2026-09-07"), ("下个月最后一天 深圳", "2026-08-25", "2026-09-30"),
    ("去年同一天 苏州 下没下雪", "2027-01-26", "2026-01-26"), ("天津明田风大吗", "2026-10-26", "2026-10-27"),
    ("27.2.5 除夕 回潮州", None, "2027-02-05"), ("元月十八号 哈尔滨", None, "01-18"),
    ("12/6/2026 Boston snow?", None, "2026-12-06"),
])
def test_weeks_and_months_two_away_ordinal_weekdays_and_more_written_forms(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, expected", [
    ("杭州十一中今天下午运动会", None), ("六一班的春游", None), ("圣诞树摆在阳台上", None),  # no festival days
    ("提前祝元旦快乐！北京冷吗", None), ("降雨概率7/10是啥意思", None), ("晚上10.30落地厦门", None),
    ("都江堰5·12纪念馆今天开门吗", None), ("5·12那天去北川", "05-12"), ("圣诞节哈尔滨冷吗", "12-25"),
])
def test_festival_words_inside_names_and_numbers_that_are_no_dates(question, expected):
    assert find_date(question) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("寒露去北京香山看红叶", "2026-09-20", "2026-10-08"), ("小雪节气那天 包头会下雪吗", "2026-11-10", "2026-11-22"),
    ("明天有大雪吗 西宁", "2026-12-05", "2026-12-06"),  # 大雪 alone is weather
    ("今明后三天 阜阳 最高温多少", "2026-08-01", "2026-08-01"), ("双休日 去黄冈 热不热", "2026-07-08", "2026-07-11"),
])
def test_the_other_solar_terms_and_more_day_words(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("Beijing这个weekend temperature多少", "2026-03-25", "2026-03-28"),
    ("下个Friday去Tokyo出差", "2026-02-04", "2026-02-13"),
    ("黑龙江漠河 大后儿 零下四十度", "2027-01-02", "2027-01-05"), ("天光日梅州会落水冇", "2026-11-02", "2026-11-03"),
    ("外后天宝鸡刮风不", "2027-03-01", "2027-03-04"),  # northern 外后天: 大后天
    ("出了点意外后天才能走 冷不冷", "2027-03-01", "2027-03-03"),  # 意外 + 后天
])
def test_chinese_before_english_week_words_and_more_dialect_days(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("520当天想去拍照 青岛会下雨吗", None, "05-20"), ("明年520 去领证", "2026-11-03", "2027-05-20"),
    ("618那天 仓库 热不热", None, "06-18"), ("618囤的风扇到了 这两天热吗", None, None),  # a purchase's day
    ("房号520 今晚冷吗", None, None), ("花了520块 明天呢", None, None),
    ("Will it be cold in Boston on New Year's Eve?", None, "12-31"), ("christmas day 下雪吗", None, "12-25"),
    ("中秋之前 桂林 还热吗", None, None), ("双11前 发货 会不会下雨", None, None),  # before a day: vague
    ("中秋前一天 回家", "2027-09-01", "2027-09-14"),  # the festival's own shift
    ("解放路15号 今天有雨吗", "2026-05-02", "2026-05-02"), ("中山街8号 明天", "2026-05-02", "2026-05-03"),
    ("音乐节 2027 7月4号 下雨吗", None, "2027-07-04"), ("28年冬奥 2月6号 冷吗", None, "2028-02-06"),
    ("结婚纪念 5月20号 冷吗", None, "05-20"),
    ("演唱会倒计时12天 到时候会下雨吗", "2026-06-01", "2026-06-13"),
    ("还剩3天就开学了 那天冷不冷", "2026-08-29", "2026-09-01"),
    ("备考倒计时30天 今天好冷", "2026-11-20", "2026-11-20"),  # the countdown is not what is asked
    ("3月2号去武汉 3月6号回来 回来那天下雨吗", None, "03-06"),
])
def test_internet_days_english_festivals_addresses_year_leads_countdowns_and_returns(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, asked, expected", [
    ("4月1号到西宁 次日去湖边 那天冷吗", None, (1, "次日")),
    ("8月3号出发 次日 隔天 那天热吗", None, (2, "隔天")),  # each day after the one before
    ("6月1号从兰州走，第二天武威，第三天张掖，第四天酒泉。张掖那天风大吗", "张掖", (2, "第三天")),
    ("婚礼定在5月5号 前一天布置场地 布置的前一天下雨吗", None, (-1, "前一天")),
    ("Land in Rome on May 2, Florence the day after, will it rain that day", None, (1, "the day after")),
    ("今晚到次日凌晨 会下雨吗", None, (0, None)),  # a range, not a day counted
    ("国庆第二天 人多吗", None, (0, None)), ("元旦前一天 冷吗", None, (0, None)),  # the festival's own
    ("6号到 第二天走", None, (0, None)),  # nothing asks about the counted day
    ("D1 3月1日 D2 3月2日 D3 3月3日 第三天下雨吗", None, (0, None)),  # the plan dates its days itself
])
def test_days_counted_from_the_day_named(question, asked, expected):
    from sft.dates import anchored_days

    days, where = anchored_days(question, asked)
    assert (days, question[where:where + len(expected[1])] if where >= 0 else None) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("今夜 苏州 有雾吗", "2026-03-03", "2026-03-03"), ("今夕何夕 可有雨", "2026-03-03", "2026-03-03"),
    ("二〇二八年元日 冷否", None, "2028-01-01"), ("岁除 回乡 冷吗", "2026-12-01", "2027-02-05"),
    ("上元节 看灯 下雨吗", "2027-01-10", "2027-02-20"),
    ("2027 中秋 赏月", None, "2027-09-15"), ("行程/2026国庆/攻略.txt", None, "2026-10-01"),
    ("春节之后 去旅游", "2026-12-01", None), ("国庆以后 北京冷吗", None, None), ("元旦 后面几天 下雪吗", None, None),
    ("中秋 前后 会下雨吗", None, None),  # 前后 keeps the day: today below ↓ would resolve it
    ("周三 不对 周四 会下雨吗", "2026-03-02", "2026-03-05"),  # a day given up by 不对
    ("/logs/20261203.log 那天下雨了吗", None, "2026-12-03"), ("8.5折 3yue8 下雨吗", None, "03-08"),
])
def test_literary_day_words_years_apart_vague_festival_spans_and_odd_forms(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("昨天下了一天 今天会比昨天好吗", "2026-04-08", "2026-04-08"),  # the asking clause's first day
    ("上周冷 这周会比上周暖和吗", "2026-04-08", None),  # (这周 is vague: nothing resolves in the asking clause)
])
def test_the_asking_clauses_first_day(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("明填 南京 下雨吗", "2026-05-06", "2026-05-07"), ("星其三 长沙", "2026-05-06", "2026-05-06"),
    ("下周溜 苏州", "2026-05-06", "2026-05-16"), ("十一约五号 冷吗", None, "11-05"), ("周未 去爬山", "2026-05-06",
                                                                                   "2026-05-09"),
    ("一个星期以后 北京", "2026-05-06", "2026-05-13"),  # 以后 after 星期 is no 星期一
    ("五月低温 多吗", None, None), ("最后填表 明天", "2026-05-06", "2026-05-07"),
    ("Fri 去青岛", "2026-05-06", "2026-05-08"), ("nxt Sat 雨吗", "2026-05-06", "2026-05-16"),
    ("The Sun is hot", "2026-05-06", None), ("this wknd 冷吗", "2026-05-06", "2026-05-09"),
    ("the train gets in Thu evening", "2026-05-06", "2026-05-07"),  # a short weekday before a time of day
    ("Sun night in Wuhan, rain?", "2026-05-06", "2026-05-10"), ("The Sun rises early", "2026-05-06", None),
    ("Hanoi Fri 3pm ok for a walk?", "2026-05-06", "2026-05-08"), ("Sun 5 degrees in Harbin?", "2026-05-06", None),
    ("Xmas 下雪吗", None, "12-25"), ("CNY 回家", "2026-05-06", "2027-02-06"),
    ("三月三 歌圩", "2027-03-10", "2027-04-09"), ("三月三号 北京", None, "03-03"),
    ("秋夕 首尔", "2026-09-01", "2026-09-25"), ("月末那天 下雨吗", "2026-09-14", "2026-09-30"),
    ("5月第二个周日 母亲节", "2026-04-01", "2026-05-10"), ("本月最后一个周末", "2026-10-12", "2026-10-31"),
    ("听说下周末降温", "2026-11-18", "2026-11-28"), ("下周三 下周四 青岛 哪天有雨", "2026-10-20", "2026-10-28"),
    ("2. 3.15 去嘉兴", None, "03-15"), ("6月最后一天 毕业", None, "06-30"), ("2028年2月最后一天", None, "2028-02-29"),
    ("圣诞灯饰 好看吗", None, None), ("二二八 连假", None, "02-28"),
    ("2028年正月初九 去庙会", None, "2028-02-03"), ("二〇二六年农历七月初七 约会", None, "2026-08-19"),  # lunar, a year
    ("2026年冬月初十 办酒", None, "2026-12-18"),  # that lunar year's eleventh month
    ("2027年九月廿二 晴吗", None, "2027-09-22"),  # a numeral month and 廿: Gregorian, as written
    ("今年定在5月20号 开业 天气", "2026-03-01", "2026-05-20"),  # 今年 apart before the date names its year
    ("今年定在5月20号 开业 天气", None, "05-20"), ("明年今年都行 5月20号", "2026-03-01", "05-20"),  # two years named
    ("今年3月1号就算了，五月二十日去", "2026-02-01", "05-20"),  # the 今年 of another date
    ("下周的周五 开会", "2026-05-06", "2026-05-15"),  # 下周 + 的 + its day with 周 again
    ("白露那天 冷吗", "2026-08-01", "2026-09-07"), ("今天下霜降温了", "2026-08-01", "2026-08-01"),  # 那天 makes a day
    ("拗九节 回娘家", "2027-02-01", "2027-03-06"), ("今旦 风大无", "2027-05-02", "2027-05-02"),  # Fuzhou words
    ("昨天预报说今天有雪 结果没下", "2026-05-06", "2026-05-06"),  # the forecast's day gives way to the day it named
    ("明天预报说有雨吗", "2026-05-06", "2026-05-07"),  # the only day: asked
    ("去海口过年 除夕那天热不热", "2026-12-01", "2027-02-05"),  # 过年 before a festival is no year named
    ("2026年 除夕", None, "2026-02-16"), ("明年的中秋", "2026-12-01", "2027-09-15"),  # a year named: its festival
    ("婚期 5.2→5.9 那天热吗", None, "05-09"), ("10月1号 -> 10月3号 改签了", None, "10-03"),  # moved by an arrow
    ("婚期 6.6 → 6.16 写错了 热吗", None, "06-16"),  # the arrow's day, though a word after it explains the slip
    ("今年三月三 柳州下雨吗", "2027-02-01", "2027-04-09"), ("今年三月三号 柳州", "2027-02-01", "2027-03-03"),  # lunar
    ("白露那几天 会凉快吗", "2026-08-20", "2026-09-07"),  # a weather-word term named as days: its day
    ("山上这礼拜天冷不冷", "2026-05-06", "2026-05-10"), ("楼下这周末吵不吵", "2026-05-06", "2026-05-09"),  # 上/下 + 这
    ("前天说今天有大风 结果没有 哈尔滨", "2026-05-06", "2026-05-06"),  # the day something was said gives way
    ("昨天说的准吗 今天晴 明天呢", "2026-05-06", "2026-05-07"),  # 昨天说的 (what was said) is no narration
])
def test_typed_day_words_chat_english_lists_and_month_days(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("国庆最后一天 返程", None, "10-07"), ("五一假期最后一天 下雨吗", None, "05-05"),
    ("聽晚 會唔會落雨", "2026-07-01", "2026-07-02"), ("Dragon Boat Festival 下雨吗", "2027-05-20", "2027-06-09"),
    ("下洲三 周陆 明夭", None, None), ("下洲三 下雨吗", "2026-12-02", "2026-12-09"),
    ("过庆节 回家", None, "10-01"), ("12约24好 下雪吗", None, "12-24"),
    ("万一10月2号下雨", None, "10-02"), ("拉萨...2026.10.2...紫外线", None, "2026-10-02"),
    ("3月2号那天下暴雨 3月9号还会吗", None, "03-09"),  # a statement's day, then the asking clause's
    ("10.7 呃 应该是 10.8", None, "10-08"), ("明天 呃 不是 是后天", "2026-12-30", "2027-01-01"),
    ("周五去 哦不 行程推到下周五了", "2026-08-04", "2026-08-14"), ("不要今天的 要后天的", "2026-11-11", "2026-11-13"),
])
def test_holiday_last_days_more_typed_words_and_corrections(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 289th-296th sittings: a hesitation or 错了 / no wait between two dates corrects the first
    ("九月五号 呃 六号 去爬山", None, "09-06"), ("9月5号 呃 6号", None, "09-06"),
    ("下周四 哦 下周五 出差", "2026-03-02", "2026-03-13"), ("两天后 错了 三天后", "2026-03-02", "2026-03-05"),
    ("周二 no wait 周三 开会", "2026-03-02", "2026-03-04"), ("明天哦 好冷", "2026-03-02", "2026-03-03"),
    ("那是前天的吧 我要明天的", "2026-03-02", "2026-03-03"),  # the day asked for after the one given
    ("星期似 下雨吗", "2026-03-02", "2026-03-05"), ("礼拜似乎 没下雨", "2026-03-02", None),  # 四 typed by sound
    ("霜降前后 柿子能摘了吗", "2026-09-01", "2026-10-23"), ("白露 那天 凉快吗", "2026-08-01", "2026-09-07"),
    ("大雪前后 路好走吗", "2026-09-01", None),  # heavy snow, not the term
    ("连着下雨2-4天 苗会烂吗", None, None), ("3.5天气 怎么样", None, "03-05"),  # a span of days; a date
    ("夜个下了冰雹", "2026-06-10", "2026-06-09"),  # Henan 夜个: yesterday
])
def test_hesitation_corrections_typed_weekdays_farm_terms_and_day_spans(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 297th-304th sittings: Xiang 咯只 (这个), 备选 gives way, a change only if it rains, 妈祖诞, stray and numeral dots
    ("咯只礼拜天 晴不晴", "2026-03-08", "2026-03-08"), ("咯只礼拜三 落雨冒", "2026-03-08", "2026-03-04"),
    ("开业定在6月8号 备选6月9号", None, "06-08"), ("周五露营 如果下雨改到周六", "2026-03-02", "2026-03-06"),
    ("妈祖诞 出海", "2026-03-02", "2026-05-09"), ("7月。9日 去爬山", None, "07-09"),
    ("十.五 去露营", None, "10-05"), ("第三.五 条", None, None),  # a month-day in numerals alone; a list's number
])
def test_xiang_this_week_fallback_days_conditional_changes_mazu_and_dotted_numerals(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 305th-312th sittings: 寒衣节, 冥天 and 元担 typed by sound, 哦 是 corrects a date, the 改 of 改签 asks nothing
    ("寒衣节 上坟 冷吗", "2026-10-01", "2026-11-09"), ("冥天 下雨吗", "2026-03-02", "2026-03-03"),
    ("元担 出去玩", None, "01-01"), ("3月8号 哦 是3月9号 冷吗", None, "03-09"),
    ("车票改签了 从5号改到7号", "2026-03-02", "2026-03-07"), ("绍兴 10.5→10.6 改签了", None, "10-06"),
    ("7.1 北京→7.3 天津→7.5 回北京 天津那天", None, "07-03"),  # an itinerary's arrows move nothing
])
def test_winter_clothes_day_sound_typos_oh_corrections_and_rebookings(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 361st-376th sittings: a choice the speaker settles after 来着 asks the day settled on
    ("9月7号还是8号来着 对 8号 郑州", None, "09-08"), ("4.1还是4.2来着 哦 4.2 带伞吗", None, "04-02"),
    ("11月20号 嗯 20还是21来着 21吧", None, "11-21"), ("6月2号还是3号来着 嗯 3号 热吗", None, "06-03"),
    ("9月7号还是8号来着 郑州", None, "09-07"),  # not settled: a choice asks the first
    ("原定9月7号 改到8号", None, "09-08"),  # a change, as before
])
def test_a_choice_settled_after_laizhe(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    # 361st-376th sittings: a year given or corrected after the date is its year
    ("杭州 6.18 哦 年份是2027", None, "2027-06-18"), ("4月3号 年份为2028 武汉", None, "2028-04-03"),
    ("2026年9月9号 …年份写错了 是2027年 重庆", None, "2027-09-09"),
    ("6.18 年份", None, "06-18"),  # no year given
])
def test_a_year_given_after_the_date(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("二月二 理发", "2027-02-20", "2027-03-09"), ("二月二号 开会", None, "02-02"),  # the festival; February 2nd
    ("九月九 登高", "2026-09-01", "2026-10-18"), ("九月九日 开学", None, "09-09"),
    ("七月半 那天", "2026-08-10", "2026-08-27"), ("打春那天", "2026-12-20", "2027-02-04"),
    ("年初二 回娘家", "2027-01-20", "2027-02-07"), ("今年农历六月初一", "2026-07-25", "2026-07-14"),
    ("HR说下下周三面试", "2026-06-17", "2026-07-01"),  # 说 + 下下周三, not 说下 + 下周三
    ("圣诞市集 12月19号", None, "12-19"),  # a market named after a festival gives no date
])
def test_lunar_days_by_name_this_years_lunar_day_and_said_days(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, today, expected", [
    ("上个月的今天 发大水了", "2026-07-15", "2026-06-15"),
    ("五一的前两天 开封", None, "04-29"), ("春节后第三天 冷不冷", "2027-01-08", "2027-02-09"),
    ("元旦后回来吗", None, None), ("双十一买的棉被还没到 这几天降温吗", None, None),
    ("双十一买的东西会不会送不到", None, "11-11"), ("今明 都 是 夜班", "2026-05-14", "2026-05-14"),
    ("下周的周末 去泰山", "2026-10-28", "2026-11-07"), ("工单#20261103 雷达图", None, None),
    ("6-9月 天气分析", None, None), ("比分1-1 下暴雨了", None, None), ("中超 2-1 主场 大雨", None, None),
    ("今夜到后天 累积降雪 —— 后天还能飞吗", "2026-12-14", "2026-12-16"),
    # 47th-50th sittings: dialect day words, typed festivals, pinyin festivals, bare lunar days, years back, chains
    ("今仔日会落雨无", "2026-05-20", "2026-05-20"), ("夜来 下雪了没", "2027-01-14", "2027-01-13"),
    ("后个 阿有雾", "2026-11-22", "2026-11-24"), ("夜来香 开了", "2027-01-14", None),
    ("最后个 问题", "2027-01-14", None),
    ("礼拜留 去鼓浪屿", "2025-07-09", "2025-07-12"), ("元蛋 冰雕节", None, "01-01"), ("平按夜 下雪不", None, "12-24"),
    ("beijing 2027 chun jie weather", None, "2027-02-06"), ("初一 去拜老爷", "2026-12-20", "2027-01-08"),
    ("初三大潮 赶海", "2026-10-05", "2026-10-12"), ("初三学生 放学", "2026-10-05", None),
    ("三年前的今天 下了大雪", "2027-02-03", "2024-02-03"), ("历史上的今天 最冷", "2027-01-15", None),
    ("周六下雨吗 周日呢", "2026-04-08", "2026-04-11"), ("明天能洗车吗？后天呢？", "2026-02-25", "2026-02-26"),
    ("今天28度 明天呢", "2026-02-25", "2026-02-26"), ("请问下周六无锡会下雨吗", "2026-05-11", "2026-05-23"),
    ("问下周六无锡", "2026-05-11", "2026-05-16"),
    # 51st-54th sittings
    ("重庆8月一直这么热吗", None, None), ("咱六月一下不下雨", None, "06-01"), ("徐州天气 26-12-06", None, "2026-12-06"),
    ("武当山 三月三 真武大帝圣诞 会下雨吗", "2027-03-01", "2027-04-09"), ("圣诞节 北京", None, "12-25"),
    ("浴佛节 灵隐寺 下雨吗", "2027-04-20", "2027-05-13"), ("世界湿地日 观鸟", None, "02-02"),
    ("618 大促 派件 那天 热不热", None, "06-18"), ("추석 연휴 会下雨吗", "2027-09-01", "2027-09-15"),
    # 55th-58th sittings: typed day words, financial numerals, Cantonese 琴晚/今個禮拜, 下元节, 农历十五, units
    ("眀天长沙会下雨吗", "2026-04-08", "2026-04-09"), ("做天晚上南宁下冰雹了", "2026-04-20", "2026-04-19"),
    ("做天文观测", "2026-04-20", None), ("周默去厦门", "2026-07-01", "2026-07-04"),
    ("这周无 深圳", "2026-09-14", "2026-09-18"),
    ("这周无锡适合出门吗", "2026-09-14", None), ("周山 宁波 下雨吗", "2026-11-30", "2026-12-02"),
    ("下舟三 绵阳", "2026-12-15", "2026-12-23"), ("周3 海边风大不", "2026-09-01", "2026-09-02"),
    ("青明回老家上坟", "2027-03-15", "2027-04-05"), ("圣旦节 广州", None, "12-25"),
    ("今個禮拜六 香港", "2026-08-04", "2026-08-08"), ("琴晚 打咗成晚雷", "2026-07-15", "2026-07-14"),
    ("下元节 温州冷吗", "2026-11-01", "2026-11-23"), ("日照 农历十五几点退潮", "2026-06-10", "2026-06-29"),
    ("贰零贰柒年叁月捌日 杭州", None, "2027-03-08"), ("贰拾号 去无锡", "2026-03-05", "2026-03-20"),
    ("队伍2026年3月28日去植物园", None, "2026-03-28"), ("十一月三陆家嘴", None, "11-03"),
    ("风速超过10.8m/s禁止 明早", None, None),
    # 59th-62nd sittings: Japanese day words, 下周的这个时候, 我看错了 是X, 설날
    ("東京 来週の土曜日 晴れる？", "2027-04-07", "2027-04-17"), ("あさって 雨降る？", "2026-01-01", "2026-01-03"),
    ("今週の金曜日 雨？", "2026-05-11", "2026-05-15"), ("下周的这个时候 那时候冷吗", "2026-10-19", "2026-10-26"),
    ("周四 会下雨吗……等一下 我看错了 是周五的会", "2027-03-16", "2027-03-19"),
    ("首尔 설날 会下雪吗", "2027-01-10", "2027-02-06"),
    # 63rd-66th sittings: English spans, 女王节, Boxing Day, an event's 那天
    ("Will Edinburgh still be rainy in a fortnight?", "2026-06-10", "2026-06-24"),
    ("temperature in Seoul 3 days from now?", "2026-02-25", "2026-02-28"), ("in 5 days", None, None),
    ("三八女王节 会下雨吗", None, "03-08"), ("boxing day 冷不冷", None, "12-26"),
    ("1月8号出生的宝宝 1月22号出院 那天零下多少度", None, "01-22"),
    ("休渔期5月1日至9月16日 开海那天 风浪大吗", None, "09-16"),
    # 67th-70th sittings
    ("深圳 星期路 会落雨吗", "2026-06-03", "2026-06-06"), ("新期五 扬州 有雨吗", "2026-05-13", "2026-05-15"),
    ("明天的明天的明天 下雨吗", "2027-03-02", "2027-03-05"), ("去年的这个时候 下雪了吗", "2026-10-25", "2025-10-25"),
    ("去年这时候 下大雪 今年呢", "2026-10-25", None), ("请问 农历 八月 十五 晚上 能 看到 月亮 吗", None, None),
    ("1月10日的航班延误到1月11日了 11号会下雪吗", None, "01-11"),
    ("四月四号 还是 十月十号 我说的 是 十月十号 天气", None, "10-10"),
    ("1/30 到 2/2 要不要带伞", None, "01-30"), ("“这是2019年8月10日台风登陆时的画面” 现在还会有吗", None, None),
    ("“3月15日有扬沙天气” 这是去年的预报吗", None, "03-15"),
    ("取车时间:12/28 10:00 还车时间:01/02 10:00 取车当天晒不晒", None, "12-28"),
    ("预算2000块 6月6号 出门", None, "06-06"),
    ("2030年三八节前海天气", None, "2030-03-08"),
    ("2026款的车 5月3号提车", None, "05-03"), ("农历十一月十一 出殡", "2026-12-05", "2026-12-19"),
    # 71st-72nd sittings: 尽天, 元单, a weekday typed apart
    ("尽天 下雪没", "2027-01-05", "2027-01-05"), ("无穷尽天地", "2027-01-05", None), ("元单 放假 去哪", None, "01-01"),
    ("礼拜 六 去湖边", "2026-06-01", "2026-06-06"), ("星期 三亚 冷吗", "2026-06-01", None),
    # 73rd-76th sittings: 廿 in a written day, two-digit year with slashes, 圣诞夜, 下周同一天, あした, 礼拜无,
    # tenths (8.5成), a leading-zero MMDD typed alone (not a code, not a clock time), 周 一 typed apart
    ("三月廿号 去爬山", None, "03-20"), ("11月廿八号 下雪吗", None, "11-28"), ("27/1/9 去滑雪", None, "2027-01-09"),
    ("圣诞夜 外滩 冷吗", None, "12-24"), ("下周同一天 复查", "2026-06-03", "2026-06-10"),
    ("あした 晴れ？", "2026-06-03", "2026-06-04"), ("礼拜无 打球", "2026-06-03", "2026-06-05"),
    ("降雨概率 6.5成 吗", None, None), ("0718 漳州 天气", None, "07-18"), ("取件码 0718 明天去拿", None, None),
    ("明早 0730 出发 冷吗", "2026-06-03", "2026-06-04"), ("下周 四 开会", "2026-06-03", "2026-06-11"),
    # 77th-80th sittings: 五1 六1, Cantonese 呢個禮拜, 后天的后天, Xmas eve, an English festival before its year,
    # festivals typed with a sound-alike (datasets/festival_typos.tsv)
    ("六1 带娃出去", None, "06-01"), ("十五1号", None, None), ("呢個禮拜日 行山", "2026-06-03", "2026-06-07"),
    ("后天的后天 冷不冷", "2026-06-03", "2026-06-07"), ("xmas eve 冷吗", None, "12-24"),
    ("Christmas 2027 去哪", None, "2027-12-25"), ("情仁节 下雨吗", None, "02-14"),
    ("户士节 值班 冷不冷", None, "05-12"), ("重阳节", "2026-06-03", "2026-10-18"),
    ("元宵节 去看灯", "2026-06-03", "2027-02-20"), ("元消节 去看灯", "2026-06-03", "2027-02-20"),
    # 81st-84th sittings: Minnan 拜X, 侯天 / 大厚天 / 金天 / 州末 / 明犬 / 圆蛋, 加上周末, Weekend alone, a holiday's
    # length before its nth day, an English month's day range
    ("拜三 会落雨无", "2026-06-03", "2026-06-03"), ("团拜六点开始", "2026-06-03", None),
    ("侯天 出差", "2026-06-03", "2026-06-05"), ("大厚天 晴吗", "2026-06-03", "2026-06-06"),
    ("州末 去爬山", "2026-06-03", "2026-06-06"), ("圆蛋 放假", None, "01-01"),
    ("周五 加上周末 去露营", "2026-06-03", "2026-06-05"), ("Weekend 去海边", "2026-06-03", "2026-06-06"),
    ("last weekend 下雨了吗", "2026-06-03", None), ("国庆七天假的第二天 回家", None, "10-02"),
    ("Trip to Sanya, Jun 3-7", None, "06-03"),
    # 85th-88th sittings: Hakka 今晡日 and N日後, Wu 格个礼拜X, a year's first day, a boarding pass's 15NOV, and a
    # festival's day named by a relative date too (its year with it)
    ("今晡日 会落水冇", "2026-06-03", "2026-06-03"), ("五日後 去广州", "2026-06-03", "2026-06-08"),
    ("5月三日后 出发", None, "05-03"), ("格个礼拜天 去白相", "2026-06-03", "2026-06-07"),
    ("2028年的第一天 下雪吗", None, "2028-01-01"), ("SEAT 12C 23DEC 到达", None, "12-23"),
    ("明天就是国庆 人多吗", "2026-09-30", "2026-10-01"), ("国庆 人多吗", "2026-09-30", "10-01"),
    # 89th-92nd sittings: 下州三, 礼拜流, weekend before English words, a month word apart from a dot date
    ("下州五 开会", "2026-06-03", "2026-06-12"), ("礼拜流 爬山", "2026-06-03", "2026-06-06"),
    ("weekend BBQ 在 公园", "2026-06-03", "2026-06-06"), ("烟花三月 4.2 去扬州", None, "04-02"),
    # 93rd-96th sittings: a festival's own lunar day beside it, N天 后 typed apart, 连上周末
    ("农历八月十五 中秋 看月亮", "2026-06-03", "2026-09-25"), ("端午节 五月初五 划船", None, None),
    ("八月十五 去 看海", None, "08-15"), ("五天 后 出发", "2026-06-03", "2026-06-08"),
    ("周五 连上周末 去露营", "2026-06-03", "2026-06-05"),
    # 97th-100th sittings: 元旦跨年 is the countdown night, a bare day moved to keeps the month, eight digits after a
    # code word and a body reading are no dates
    ("元旦跨年 去外滩", None, "12-31"), ("原定3月5号 改到9号了 天气", None, "03-09"),
    ("运单号20270214 到了吗", None, None), ("取件码 20251108", None, None), ("血糖6.8 明天复查", None, None),
    ("Spring Festival 2028 去哪", None, "2028-01-26"),  # an English lunar festival before its year (101st sitting)
    # 105th-108th sittings: a month's 初N day is lunar, 春节第N天, Korean day words, 礼拜4, 12约25 without 号
    ("八月初三 出门", "2026-08-01", "2026-09-13"), ("春节第三天 走亲戚", "2027-01-10", "2027-02-08"),
    # 217th-224th sittings: 中秋 / 端午 + 第N天 count from the festival's day, as 春节第N天 does; none without a day
    ("中秋第二天 去爬山", "2027-09-01", "2027-09-16"), ("端午节第三天 回家", "2027-05-01", "2027-06-11"),
    ("中秋节假期的第1天", "2026-08-01", "2026-09-25"), ("中秋第二天 去爬山", None, None),
    ("내일 부산 비", "2026-06-03", "2026-06-04"), ("礼拜4 开会", "2026-06-03", "2026-06-04"),
    ("12约25 下雪吗", None, "12-25"),
    # 109th-112th sittings: 下周伍, 下个 星期 二 typed apart, 今黑儿 (tonight), a fraction before 概率, spoken
    # corrections (哦不, 不对 + a bare day), a choice between two days (the first), 那么 is no question
    ("下周伍 晒麦", "2026-05-29", "2026-06-05"), ("下个 星期 二 有雨吗", "2026-02-11", "2026-02-17"),
    ("今黑儿 下不下", "2026-08-27", "2026-08-27"), ("2/5 的概率 后天下雨", "2026-06-01", "2026-06-03"),
    ("周三 哦不 周四 开会", "2026-06-01", "2026-06-04"), ("9月3号 不对 5号 去爬山", None, "09-05"),
    ("周六 还是 周日 去爬山好", "2026-06-01", "2026-06-06"),
    ("前天冷得那么厉害 今天好点没", "2026-06-01", "2026-06-01"),
    # 113th-120th sittings: 打后天, 两周后的周五 (下下周五), a stuttered month, 雙十 連假, 礼拜寺, a festival then its
    # year apart, a choice with "or", a correction outranks 查一下, 说错了 / 啊不是 give up the first date, a range's
    # first day
    ("打后天 下雨吗", "2026-05-04", "2026-05-07"), ("两周后的周五 开会", "2026-07-02", "2026-07-17"),
    ("嗯 五月 五月三号 出门", None, "05-03"), ("雙十 連假 出遊", None, "10-10"),
    ("礼拜寺 有雨吗", "2026-06-01", "2026-06-04"), ("中秋 2027 杭州", None, "2027-09-15"),
    ("周五 or 周六 爬山", "2026-06-01", "2026-06-05"), ("查一下周二天气，打错了是周三", "2026-06-01", "2026-06-03"),
    ("9月8号 说错了 9月9号", None, "09-09"), ("5月3号 啊不是 4号", None, "05-04"),
    # 121st-128th sittings: look-alike and sound-alike day words, 520领证, an ellipsis before 算了, 不是X 是Y, a
    # duration's 个月 (not 上个月), 作天 but not 工作天数
    ("南京明夫有雨吗", "2026-02-03", "2026-02-04"), ("6月l号 出门", None, "06-01"),
    ("大候天 降温吗", "2026-09-28", "2026-10-01"), ("6悦8号 下雨吗", None, "06-08"),
    ("斤天 热吗", "2027-07-20", "2027-07-20"), ("周沫 去哪", "2026-04-15", "2026-04-18"),
    ("作天 下雨了吗", "2026-01-10", "2026-01-09"), ("李拜三 开会", "2026-06-01", "2026-06-03"),
    ("520领证 天气", None, "05-20"), ("今天……算了还是问后天的", "2026-06-01", "2026-06-03"),
    ("查下周五的天气 不是周五 是周日", "2026-06-01", "2026-06-07"), ("娃3个月 十一 出门", None, "10-01"),
    ("上个月 28 号 下雨了吗", "2026-07-10", "2026-06-28"), ("工作天数 明天", "2026-06-01", "2026-06-02"),
    # 129th-136th sittings: 下周思, 明尔, 左天, 周儿, 6曰8号, 搭后天, 星期吴; a corrected weekday keeps its week; 呃是
    # corrects; 雙十 alone; a return's day with a space before 那天
    ("下周思 开会", "2026-03-03", "2026-03-12"), ("明尔 冷吗", "2027-01-25", "2027-01-26"),
    ("左天 下雨了吗", "2026-05-06", "2026-05-05"), ("周儿 有雨吗", "2028-02-17", "2028-02-22"),
    ("6曰8号 出海", None, "06-08"), ("搭后天 下雪吗", "2027-11-08", "2027-11-11"),
    ("星期吴 热不热", "2027-08-18", "2027-08-20"), ("查一下下周六呃周日的天气", "2028-02-22", "2028-03-05"),
    ("明天冷不冷呃是后天", "2026-04-15", "2026-04-17"), ("雙十 去看煙火", None, "10-10"),
    ("国庆回老家 10月3号返程 那天下雨吗", None, "10-03"), ("周思想课 明天", "2026-03-03", "2026-03-04"),
    # 137th-144th sittings: 周曰; a check-out day is given up
    ("周曰 爬山", "2027-03-31", "2027-04-04"), ("入住 12/24 退房 12/26 冷吗", None, "12-24"),
    # 145th-152nd sittings: the check-out day when it is the day asked, 放假第N天, 错了 是, 初二(3)班
    ("入住3月2日 退房3月5日 退房那天下雨吗", None, "03-05"), ("国庆放假第三天 出门", None, "10-03"),
    ("9.10 错了 是9.12", None, "09-12"), ("初二(3)班 今天体育课", "2026-05-26", "2026-05-26"),
    # 153rd-160th sittings: the departure's day when it is the day asked, a festival's nth day in a named year, 1月l0号
    ("周五出发 周日回来 出发那天冷吗", "2027-03-01", "2027-03-05"), ("2026年国庆第二天 出游", None, "2026-10-02"),
    ("1月l5号 天气", None, "01-15"),
    ("白菜1.5一斤 明天下雨吗", "2026-11-08", "2026-11-09"), ("本来周五去 推迟两天", "2028-06-22", "2028-06-23"),
    ("来周六 东京", "2028-06-22", "2028-07-01"), ("7阅3号 天气", None, "07-03"),
    ("大猴天 冷吗", "2026-01-29", "2026-02-01"),
    # 169th-176th sittings: National Day and Mid-Autumn written in English
    ("National Day 去哪 冷吗", None, "10-01"), ("Mid-Autumn 赏月 下雨吗", "2027-08-01", "2027-09-15"),
    # 177th-184th sittings: 夜儿个, Fuzhou 明旦, 护士节, an English day range before its month, a plate, 明 天 apart
    ("夜儿个 下了多大的雨", "2027-07-12", "2027-07-11"), ("明旦 出门 会下雨吗", "2026-07-22", "2026-07-23"),
    ("额夜儿个冻成狗 今天还冷不", "2026-12-27", "2026-12-27"),  # northwest 额 (我): a speaker's own yesterday
    ("黎明旦 出发", "2026-03-01", None), ("护士节 去公园", None, "05-12"),
    ("Shanghai, 10th to 12th of March, rain?", None, "03-10"), ("车牌 苏E 0503 明天限行吗", "2026-03-01", "2026-03-02"),
    ("那个 明 天 去爬山", "2026-03-01", "2026-03-02"), ("然后 天气 怎么样", "2026-03-01", None),
    # 185th-192nd sittings: 茗天, 今黑夜, 原计划 given up, 民國 years, an aperture, a price, a climbing grade
    ("茗天 出门 冷不冷", "2026-02-03", "2026-02-04"), ("今黑夜 冷不冷", "2027-12-05", "2027-12-05"),
    ("原计划5月20号 提前到5月18号 出发", None, "05-18"), ("民國117年3月1日 天氣", None, "2028-03-01"),
    ("f2.8 快门 今晚拍星空", "2026-03-01", "2026-03-01"), ("买了9.9的雨衣 明天用得上吗", "2026-03-01", "2026-03-02"),
    ("刷一条5.11a 周六", "2028-05-17", "2028-05-20"),
    # 193rd-200th sittings: English `to` between dates, a zoom factor, 啊错了, 不好意思 是, a bare 不 correcting a day
    ("3/18 to 3/22 带什么衣服", None, "03-18"), ("1.4x增倍镜 这周", None, None),
    ("3月2号 啊错了 3月4号", None, "03-04"),
    ("明天... 不好意思 是后天 下雨吗", "2027-11-02", "2027-11-04"), ("三天后 不 四天后", "2026-03-27", "2026-03-31"),
    ("明天 不 冷 吧", "2026-03-01", "2026-03-02"),
    # 201st-208th sittings: 哦不 correcting a written day, 查的是 given up and 要的是 asked, a pH reading, an English
    # festival with one capital, the lunar 六月六 (六月六号 stays June 6th)
    ("成都5月2号 哦不 5月3号 天气", None, "05-03"), ("之前查的是下周五 我要的是这周五", "2026-03-02", "2026-03-06"),
    ("鱼缸 pH6.8 明天换水", "2026-03-01", "2026-03-02"), ("Valentine's day 约会 下雨吗", None, "02-14"),
    ("六月六 晒衣服", None, None), ("六月六 晒衣服", "2026-06-01", "2026-07-19"), ("六月六号 晒衣服", None, "06-06"),
    # 225th-232nd sittings: Taiwan's year written first with slashes (民國), Japan's era years; not other slashes
    ("台中 117/3/5 天氣", None, "2028-03-05"), ("平成30年7月1日 大阪", None, "2018-07-01"),
    ("令和元年10月1日 下雨吗", None, "2019-10-01"), ("编号 116/13/40", None, None),
    # 241st-248th sittings: volumes and thicknesses are no dates; a flag raising and a warming after a date are
    ("每桶2.5升 明天", "2026-03-01", "2026-03-02"), ("4.5壁厚的管子", None, None), ("10.1升旗 天安门", None, "10-01"),
    ("5-17升温了没", None, "05-17"),
])
def test_shifts_and_numbers_that_are_no_dates(question, today, expected):
    assert find_date(question, today=today) == expected


@pytest.mark.parametrize("question, expected", [
    # a year's 年 right before a month and day written with a dot or a slash: that day of that year
    ("2028年10.1 去北京 冷吗", "2028-10-01"), ("29年3.15 成都 天气", "2029-03-15"), ("出发 28年7/2 厦门", "2028-07-02"),
    ("民國118年2/14 台北 下雨嗎", "2029-02-14"), ("2027年 6.18 杭州", "2027-06-18"),
    # not a span of years (结婚20年), a measure after it, a two-digit number inside a word, nor no day
    ("结婚20年5.20 去三亚", None), ("10年3.5倍", None), ("2026年3.5%的增长", None), ("第25年2.5米", None),
    ("2027年13.1", None),
])
def test_a_year_before_a_dotted_month_and_day(question, expected):
    assert find_date(question) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a word that ends in 年 but names no year (过年, 新年, 跨年, 拜年, 周年) does not hide the date written after it
    ("过年 2月3日 北京 冷吗", None, "02-03"), ("新年1月1号上海下雪吗", None, "01-01"),
    ("拜年 2月1号 天气", None, "02-01"),
    ("十周年 3月5号 庆典 杭州", None, "03-05"), ("台中跨年 1月1日 會冷嗎", None, "01-01"),
    # a year's own 年 still makes its relative or numbered day (今年, 明年, 十年 is no year)
    ("今年 5月3日 北京", "2026-04-01", "2026-05-03"), ("明年5月3日 北京", "2026-04-01", "2027-05-03"),
    ("十年 3月5号", None, None),
])
def test_a_date_after_a_word_that_ends_in_year(question, today, expected):
    assert find_date(question, today=dt.date.fromisoformat(today) if today else None) == expected


@pytest.mark.parametrize("question, today, expected", [
    # datasets/day_typos.tsv: a day word with one character typed as a plain homophone (145th-152nd sittings)
    ("南宁 后田 有雨吗", "2027-03-01", "2027-03-03"), ("礼拜死 去爬山", "2027-03-01", "2027-03-04"),
    ("下周而 出差 冷不冷", "2027-03-01", "2027-03-09"), ("这周莫 去露营", "2027-03-01", "2027-03-06"),
    # not where the sound-alike makes a word with what follows, nor inside a word (先苦后甜)
    ("下周以后再去 天气咋样", "2027-03-01", None), ("先苦后甜 明天呢", "2027-03-01", "2027-03-02"),
])
def test_day_words_typed_with_a_homophone(question, today, expected):
    assert find_date(question, today=today) == expected


def test_day_typos_are_one_character_away_from_a_day_word_the_dates_read():
    from sft.task import day_typos

    pattern, table = day_typos()
    assert pattern is not None and len(table) > 1000
    for typo, word in table.items():
        diff = [i for i, (a, b) in enumerate(zip(typo, word, strict=True)) if a != b]
        # only the last character typed wrong, or 后/前 of 大后天/大前天 (大猴天), or 期/拜 of 星期X/礼拜X (星奇一)
        assert len(diff) == 1 and (diff[0] == len(word) - 1 or word in ("大后天", "大前天")
                                   or word[diff[0]] in "期拜" and diff[0] == len(word) - 2), (typo, word)
        assert find_date(f"{word} 天气", today="2027-03-01") is not None, word  # a day word the dates read


def test_festival_typos_are_one_sound_alike_away_from_a_festival_the_dates_read():
    from sft.dates import FIXED_FESTIVALS, LUNAR_FESTIVALS
    from sft.task import festival_typos

    pattern, table = festival_typos()
    assert pattern is not None and len(table) > 500
    for typo, name in table.items():
        assert name in FIXED_FESTIVALS or name in LUNAR_FESTIVALS, (typo, name)
        assert len(typo) == len(name) and typo != name, (typo, name)
        diff = [i for i, (a, b) in enumerate(zip(typo, name, strict=True)) if a != b]
        assert len(diff) == 1 and name[diff[0]] != "节", (typo, name)


def test_a_bare_lunar_day_two_months_away_resolves_and_never_raises():
    """农历三十 said on 2026-01-19: the next lunar 30th is 正月三十 (2026-03-18), 58 days on, since the month that
    starts that day has 29. The search once stopped after 31 days and raised StopIteration from the resolver (a GPU
    bench crashed on a fine-tune's phrase). No lunar day of a bare 初N / 农历N form may raise, on any reference day."""
    assert find_date("农历三十 下雨吗", dt.date(2026, 1, 19)) == "2026-03-18"
    for k in range(0, 800, 3):
        today = dt.date(2026, 1, 1) + dt.timedelta(days=k)
        for phrase in ("农历三十", "农历廿九", "初十", "农历十五"):
            assert find_date(phrase, today) is not None


def test_no_string_of_date_words_makes_the_date_rule_raise():
    """The resolver reads whatever a fine-tune writes in its date field (``resolve_phrase``), so no string may make it
    raise. 20,000 seeded strings of one to six date-word pieces (numerals, 农历/初/廿, weekday and relative words,
    festival names, separators), each read with no reference day and with one from 2025-2029. With the bare-lunar-day
    search of 85131c5 (31 days, no default) this finds the StopIteration twice; it finds nothing now."""
    import random

    from sft.dates import FIXED_FESTIVALS, LUNAR_FESTIVALS
    from sft.task import Answer, resolve_phrase

    rng = random.Random(0)
    pieces = ("农历|阴历|初|廿|三十|二十九|十|一|二|五|九|月|号|日|正|腊|冬|下|上|这|本|周"
              "|星期|礼拜|天|日|末|后|前|之后|以后"
              "|年|今年|明年|去年|月底|月初|第|个|大后天|后天|明天|今天|昨天|31|30|29|2|12|0|00|13|32|2026|27|1999|2099"
              "|.|/|-| |的|到|还是|中旬|两|半|周年|闰").split("|")
    pieces += list(FIXED_FESTIVALS)[:40] + list(LUNAR_FESTIVALS)[:30]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        today = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 5 * 365))
        for day in (None, today):
            find_date(text, day)
            resolve_phrase(Answer("北京", text), day)


@pytest.mark.parametrize("text, today, expected", [
    ("凯里四月八 跳花节 下雨吗", dt.date(2027, 3, 1), "2027-05-13"),  # lunar 四月初八, 2027
    ("四月八 苗年 过节冷不冷", dt.date(2027, 6, 1), "2028-05-02"),  # past this year: the next one
    ("四月八号 苗圃 天气", dt.date(2027, 3, 1), "04-08"),  # with 号: April 8th
    ("四月八日 开会 下雨吗", dt.date(2027, 3, 1), "04-08"),
    ("四月八 跳花节 冷不冷", None, None),  # a lunar festival needs a reference day
])
def test_si_yue_ba_alone_is_the_lunar_festival(text, today, expected):
    assert find_date(text, today=today) == expected


@pytest.mark.parametrize("question, expected", [
    # an English correction between two dates: the later one, English dates or Chinese ones
    ("Chengdu Oct 2, no wait, Oct 3", "10-03"), ("Xi'an on April 5th - sorry, April 6th", "04-06"),
    ("Busan Nov 8 I mean Nov 9, rain?", "11-09"), ("厦门 12月24号, no wait, 12月25号", "12-25"),
    # no correction between them: the first, as before
    ("Oct 2 and Oct 3 in Chengdu", "10-02"), ("Busan Nov 8, back Nov 12, sorry to bother, rain?", "11-08"),
])
def test_an_english_correction_between_two_dates(question, expected):
    assert find_date(question) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a departure's day asked by 走那天 / 离开那天, an arrival's by 到的那天 (the day written before 走 / 到)
    ("明天到 后天走 走那天南宁天气", "2026-01-12", "2026-01-14"), ("下周二到 下周五离开 离开那天冷吗", "2026-01-12",
                                                                 "2026-01-23"),
    ("大后天到桂林 下周一就走 到的那天会下雨吗", "2026-01-12", "2026-01-15"),
    # one day named again last, the other once: the day asked (not in a comparison)
    ("周三到绵阳 周五走 周五天气", "2026-01-12", "2026-01-16"), ("周六去露营 下雨就挪到周日 周六会下雨吗", "2026-01-12",
                                                              "2026-01-17"),
    ("昨天下了80毫米 今天会比昨天少吗", "2026-01-12", "2026-01-12"),  # a comparison: as before
    # a fallback day named again in the asking clause: asked, though 备用 gives up its first naming
    ("运动会定在周三 备用日周四 郑州周四下雨吗", "2026-01-12", "2026-01-15"),
    ("运动会定在周三 备用日周四 周三郑州下雨吗", "2026-01-12", "2026-01-14"),  # the planned day asked again
])
def test_departure_and_arrival_days_and_a_day_named_again(question, today, expected):
    assert find_date(question, today=dt.date.fromisoformat(today)) == expected


@pytest.mark.parametrize("question, today, expected", [
    # a day into a holiday after 今年/明年/去年, as after a numeric year (2027年国庆第三天)
    ("今年国庆第二天 西安", "2026-09-20", "2026-10-02"), ("明年五一最后一天 青岛", "2026-09-20", "2027-05-05"),
    # an English date with its year written first
    ("Boston Marathon 2027 April 19 rain?", None, "2027-04-19"),
    # a return's, departure's or arrival's day labelled before its date (with 是 or a colon), then asked
    ("出发日期是3月3号 返程日期是3月8号 返程那天冷吗", None, "03-08"),
    ("出发：3月3号 回程：3月8号 出发那天下雨吗", None, "03-03"),
    # days stated one after another with a reading each, unbroken, then a question about another: that one
    ("前天20度昨天25度 今天会更热吗", "2026-06-10", "2026-06-10"),
    # a fallback day asked as such (备用那天, 顺延那天, 备用的…), though 备用 alone gives it up
    ("开业定在8月8号 备用日8月9号 备用那天下雨吗", None, "08-09"),
    ("开业定在8月8号 备用日8月9号 下雨吗", None, "08-08"),
    ("周六开业 雨天顺延到周日 顺延那天冷吗", "2026-06-10", "2026-06-14"),
])
def test_holiday_days_after_year_words_years_first_and_labelled_days(question, today, expected):
    assert find_date(question, today=dt.date.fromisoformat(today) if today else None) == expected


def test_question_clause_with_no_days_gives_no_scores():
    """sft.dates.question_clause once raised IndexError when given no spans (no caller passes none; it is public)."""
    from sft.dates import question_clause

    assert question_clause("德阳这个星期六出不出太阳哦", []) == []
    text = "今儿个哈尔滨贼冷 后儿个能暖和点不"
    assert question_clause(text, [(0, 3), (9, 12)]) == [0, 1]
