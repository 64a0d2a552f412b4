import pytest

from sft.task import Answer, find_date, format_date, parse_output, strip_city_suffix


@pytest.mark.parametrize("args, expected", [
    ((6, 1), "06-01"), ((12, 30, 2023), "2023-12-30"), ((5, 1, 23), "2023-05-01"), ((2, 29), "02-29"),
])
def test_format_date(args, expected):
    assert format_date(*args) == expected


@pytest.mark.parametrize("args", [(2, 30), (13, 1), (2, 29, 2023), (0, 5)])
def test_format_date_rejects_days_that_do_not_exist(args):
    with pytest.raises(ValueError):
        format_date(*args)


@pytest.mark.parametrize("question, expected", [
    ("我打算6月1号去北京旅游，请问天气怎么样？", "06-01"),
    ("2020年4月16号三亚下雨吗？", "2020-04-16"),
    ("青岛3-15号天气预报", "03-15"),
    ("3/15北京", "03-15"),
    ("3.15北京", "03-15"),
    ("十二月三十号九江下雪吗", "12-30"),
    ("二〇二三年十二月三十日", "2023-12-30"),
    ("二零二四年一月二号", "2024-01-02"),
    ("23年5月1号", "2023-05-01"),
    ("2023/12/30 上海", "2023-12-30"),
    ("霸州市 8 月 23 号 会不会很冷", "08-23"),
    ("８月２３号", "08-23"),
    ("一起去东北看冰雕么，大概是1月15号左右，我们3个人一起", "01-15"),
    ("明天北京天气", None),
    ("我们3个人去北京", None),
    ("2月30号", None),
    ("", None),
    ("6月1去北京", "06-01"),
    ("06-01北京", "06-01"),
    ("2025/6/1 北京", "2025-06-01"),
    ("２０２５年６月１号", "2025-06-01"),
    ("６.１号", "06-01"),
    ("6月1号周六去北京", "06-01"),
    ("6月1号到3号北京", "06-01"),
    ("6.1号北京", "06-01"),
    ("6月份5号", "06-05"),
    ("2025年的6月1号", "2025-06-01"),
    ("国庆去北京", "10-01"),
    ("2025年国庆", "2025-10-01"),
    ("10月份", None),
    ("15号", None),
    ("中秋", None),
    ("今年6月1号", None),
    ("查一下衢州大概3月🤔23号", "03-23"),
    ("能告诉我2.22-2.23汉中方便跑步吗", "02-22"),
    ("适合出门吗，2024-10-08...", "2024-10-08"),
    ("灵武市7-10...", "07-10"),
    ("3.15.5", None),
    ("5·20 天气", "05-20"), ("12・12", "12-12"), ("5 · 1", "05-01"),  # a middle dot between numbers is a dot
    ("PM2·5", None), ("3·5毫米", None),
])
def test_find_date(question, expected):
    assert find_date(question) == expected


def test_relative_dates_resolve_against_a_reference_day():
    import datetime as dt

    # resolved relative dates name their year (sft/dates.py; tests/test_dates.py has the conventions)
    assert find_date("明天北京天气", today=dt.date(2026, 12, 31)) == "2027-01-01"
    assert find_date("后天", today=dt.date(2026, 3, 1)) == "2026-03-03"
    # an absolute month-day keeps %m-%d with a reference day, and wins over a relative word
    assert find_date("6月1号", today=dt.date(2026, 3, 1)) == "06-01"
    assert find_date("明天6月1号", today=dt.date(2026, 3, 1)) == "06-01"
    assert find_date("国庆", today=dt.date(2026, 3, 1)) == "10-01"


@pytest.mark.parametrize("garbage", [None, 42, "{" * 5000, "号" * 1000])
def test_find_date_never_raises(garbage):
    import datetime as dt

    assert find_date(garbage) is None
    assert find_date(garbage, today=dt.date(2026, 3, 1)) is None


@pytest.mark.parametrize("text, answer, strict", [
    ('{"city": "北京", "date": "06-01"}', Answer("北京", "06-01"), True),
    (' {"city": null, "date": "06-01"}\n', Answer(None, "06-01"), True),
    ('这个JSON字符串是：\n```json\n{\n  "city": "北京",\n  "date": "06/01"\n}\n```', Answer("北京", "06/01"), False),
    ("{'city': '北京', 'date': None}", Answer("北京", None), False),
    ("{'city': '北京', 'date': '06-01'}", Answer("北京", "06-01"), False),
    ('{"city": "上海","date": "1月3日"} 请记住', Answer("上海", "1月3日"), False),
    ('{"x": 1} {"city": "青岛", "date": "03-15"}', Answer("青岛", "03-15"), False),
    ('{"city": "北京", "date": "06-01", "extra": 1}', Answer("北京", "06-01"), False),
])
def test_parse_output(text, answer, strict):
    parsed = parse_output(text)
    assert parsed.answer == answer
    assert parsed.strict is strict


@pytest.mark.parametrize("garbage", ["", "好的", "{", "}{", '{"city": [1]}', "{" * 5000, None, 42, '{"city": "a"}'])
def test_parse_output_never_raises_on_garbage(garbage):
    parsed = parse_output(garbage)
    assert parsed.answer is None and parsed.strict is False


def test_answer_json_is_the_tutorial_spelling():
    assert Answer("北京", "06-01").to_json() == '{"city": "北京", "date": "06-01"}'
    assert Answer(None, None).to_json() == '{"city": null, "date": null}'


def test_strip_city_suffix():
    assert strip_city_suffix("攀枝花市") == "攀枝花"
    assert strip_city_suffix("芒市") == "芒市"
    assert strip_city_suffix(None) is None


@pytest.mark.parametrize("date, today, expected", [
    ("下周五", "2026-11-30", "2026-12-11"),  # a Monday: next week's Friday, not this week's (12-04)
    ("明天", "2024-02-28", "2024-02-29"),  # leap day
    ("明天", "2025-12-31", "2026-01-01"),  # year end
    ("15号那天", "2026-11-30", "2026-12-15"),  # the 15th is past this month: next month's
    ("6月1号", "2026-11-30", "06-01"),  # an absolute form the model left unformatted: the date rule's format
    ("下周五", None, None),  # no reference day: null, as the task rule says
    ("next Monday", "2026-11-30", "2026-12-07"),  # English keeps its spaces (joined it read as no date)
    ("the day after tomorrow", "2026-11-30", "2026-12-02"),
    ("in 5 days", "2026-11-30", "2026-12-05"),
    ("下个月 5号", "2026-11-30", "2026-12-05"),  # a space beside a CJK word is dropped
    ("明 天", "2026-11-30", "2026-12-01"),
    ("霜降", "2026-09-01", "2026-10-23"),  # a solar term copied alone is its day (as 霜降那天 is)
    ("今年白露", "2026-08-01", "2026-09-07"),
    ("还有12天", "2026-11-30", "2026-12-12"),
    ("这几天", "2026-11-30", None),  # still vague
    ("霜降前", "2026-09-01", None),  # not the day itself
    ("这几天", "2026-11-30", None),  # vague: null even with a reference day
    ("06-01", "2026-11-30", "06-01"),  # a date stays as the model wrote it
    (None, "2026-11-30", None),
])
def test_resolve_phrase_reads_a_copied_date_against_the_reference_day(date, today, expected):
    import datetime as dt

    from sft.task import resolve_phrase

    day = dt.date.fromisoformat(today) if today else None
    assert resolve_phrase(Answer("杭州", date), day) == Answer("杭州", expected)


@pytest.mark.parametrize("phrase, question, expected", [
    ("个月5号", "象州养蚕 问下个月5号天气", "2026-12-05"),  # 下 left out of the copy
    ("拜天", "給我查一下台中 禮拜天的天氣", "2026-12-06"),
    ("3号", "12月3号 杭州", None),  # never extended over a number: 12月3号 is not 2月3号
    ("3号", "杭州 12月 3号", None),
    ("号", "出差，5号", None),  # nor over a clause mark
    ("下周五", "杭州下周五", "2026-12-11"),  # a phrase that reads is not touched
    ("夜儿", "邯郸 夜儿个风大不大", "2026-11-29"),  # cut short at its end: 个 left out (夜儿个, yesterday)
    ("廿八", "婚礼定在廿八号 苏州", "2026-12-28"),
    ("今年", "不是去年的 要今年中秋 杭州", "2026-09-25"),  # two characters after it at most
    ("5月", "5月20号 杭州", None),  # never extended over a number after it either: 5月2 is not 5月20号
    ("夜儿", "夜儿，杭州", None),  # nor over a clause mark
    ("", "明天杭州", None), (" ", "杭州 明天", None),  # an empty phrase reads as nothing of its question
    ("下周", "茶园 下周三 最低几度", "2026-12-09"),  # over a number only for the weekday after a week word
    ("星期", "杭州 星期5 下雨吗", "2026-12-04"),
    ("下周", "杭州 下周12号的航班", None),  # a number that goes on is never a weekday
    ("下周有雾", "张家界 下周六有雾吗", "2026-12-12"),  # not in it whole: read from the start that is (下周), on
    ("明年1日", "明年元旦 哈尔滨 冰雕", "2027-01-01"),
    ("十一后", "海岛 十一过后 还能下水不", None),  # but not without words that make it vague
    ("不是晴天吧", "后天是不是晴天 杭州", None),  # and never with what comes before it (后天是不是晴天)
    ("12月3日", "杭州 12月30号", "12-03"),  # a phrase that reads is read as written
])
def test_resolve_phrase_reads_a_phrase_copied_cut_short_in_its_question(phrase, question, expected):
    import datetime as dt

    from sft.task import resolve_phrase

    today = None if expected is None and "号" in phrase else dt.date(2026, 11, 30)
    assert resolve_phrase(Answer("杭州", phrase), today, question) == Answer("杭州", expected)
    if expected is not None and phrase not in ("下周五", "12月3日"):  # (those two read alone)
        assert resolve_phrase(Answer("杭州", phrase), today) == Answer("杭州", None)  # alone it reads as none


def test_resolve_output_rewrites_only_a_copied_phrase():
    import datetime as dt

    from sft.task import resolve_output

    today = dt.date(2026, 11, 30)
    assert resolve_output('{"city": "北京", "date": "后天"}', today) == '{"city": "北京", "date": "2026-12-02"}'
    for unchanged in ('{"city":"北京","date":"06-01"}', '{"city": null, "date": null}', "不知道", ""):
        assert resolve_output(unchanged, today) == unchanged


@pytest.mark.parametrize(("question", "copied", "expected"), [
    # a plan moved: the day the plan had, copied, is moved; the day moved to, written by the model, stays
    ("本来定的3月2号去苏州 推迟两天 那天冷不冷", "03-02", "03-04"),
    ("本来定的3月2号去苏州 推迟两天 那天冷不冷", "03-04", "03-04"),
    ("原计划下周一出发 提前一周 成都天气", "下周一", "2026-11-30"),  # read against the reference day, then moved
    ("原计划下周一出发 提前一周 成都天气", "2026-12-07", "2026-11-30"),
    ("往后挪了两天 本来是8月1号 哈尔滨那天下雨吗", "08-01", "08-03"),  # the plan's day written after the move
    # today written out: that today, copied, is counted on to the day named after it
    ("今天是6月8号吧 大后天 长沙下雨吗", "06-08", "06-11"),
    ("今天是6月8号吧 大后天 长沙下雨吗", "06-11", "06-11"),
    # a day counted from the one day written
    ("9月9号体检 前一天合肥会下雨吗", "09-09", "09-08"),
    ("9月9号体检 9月12号复查 前一天合肥会下雨吗", "09-09", "09-09"),  # two days written: which one is counted from?
    ("9月9号体检 前一天合肥会下雨吗", "09-05", "09-05"),  # a day of the model's own
    # nothing counted on
    ("5月6号 合肥 下雨吗", "05-06", "05-06"),
])
def test_resolve_output_counts_on_from_the_day_the_model_copied(question, copied, expected):
    """A model trained to copy the day as written copies the day a plan had, the today a question writes, or the day a
    count starts from; the resolver counts on from it by the date rule's arithmetic, and only from that day."""
    import datetime as dt

    from sft.task import resolve_output

    today = dt.date(2026, 11, 30)  # a Monday
    out = parse_output(resolve_output(Answer("合肥", copied).to_json(), today, question)).answer
    assert out == Answer("合肥", expected)


@pytest.mark.parametrize(("city", "copied", "expected"), [
    ("宁波", "10-03", "10-05"),  # the stop after two nights elsewhere
    ("宁波", "10-05", "10-05"),  # counted by the model already
    ("杭州", "10-03", "10-03"),  # the first stop
    ("余姚", "10-03", "10-03"),  # no place name of the question's: nothing to count to
])
def test_resolve_output_counts_a_trips_stays_before_the_city_the_model_copied(city, copied, expected):
    from bench.rule import extract_one
    from sft.task import resolve_output

    question = "10月3号到杭州 住两晚 然后去宁波 宁波那天下雨吗"
    assert parse_output(extract_one(question)).answer == Answer("宁波", "10-05")  # the rule counts the same
    out = resolve_output(Answer(city, copied).to_json(), None, question)
    assert parse_output(out).answer == Answer(city, expected)
    if copied == expected:  # nothing counted: the model's text as it wrote it, not re-written
        text = f'{{"city":"{city}","date":"{copied}"}}'
        assert resolve_output(text, None, question) == text


@pytest.mark.parametrize(("question", "copied", "expected"), [
    ("今年5月3号 武汉 下雨吗", "05-03", "2026-05-03"),  # 今年 against the reference day
    ("Wuhan Dec 24 2027 snow?", "12-24", "2027-12-24"),
    ("2027 马拉松 3月28号 武汉冷不冷", "03-28", "2027-03-28"),  # the year written apart
    ("5月3号 武汉 下雨吗", "05-03", "05-03"),  # no year named
    ("今年5月3号 武汉 下雨吗", "05-04", "05-04"),  # another day than the one the year is named for
    ("2027年5月3号还是2028年5月3号 武汉", "05-03", "05-03"),  # two years for the day: which one?
    ("今年5月3号 武汉 下雨吗", "2026-05-03", "2026-05-03"),
])
def test_resolve_output_gives_a_copied_day_the_year_its_question_names(question, copied, expected):
    import datetime as dt

    from sft.task import resolve_output

    out = resolve_output(Answer("武汉", copied).to_json(), dt.date(2026, 11, 30), question)
    assert parse_output(out).answer == Answer("武汉", expected)


@pytest.mark.parametrize(("question", "copied", "expected"), [
    ("今天是4月8号 明天 南京 下雨吗", "明天", "04-09"),  # today written out, a day counted from it
    ("今天是2027年4月8日 后天 南京", "后天", "2027-04-10"),
    ("今天是4月8号 今天 南京 冷吗", "今天", "04-08"),
    ("原来订的3月12号 改到14号 南京冷吗", "14号", "03-14"),  # a day alone in the month written before it
    ("今年元旦 南京 冷吗", "今年元旦", "01-01"),  # this year's fixed festival: the day needs no reference day
    ("南京 今年3月12号 冷吗", "今年3月12号", "03-12"),
    ("今天是4月8号 下周三 南京", "下周三", None),  # a weekday: the year decides the day
    ("南京 14号 冷吗", "14号", None),  # no month written
    ("3月12号 4月2号 南京 14号", "14号", None),  # two months: which one?
    ("南京 14号 冷吗 3月12号呢", "14号", None),  # the month written after it
    ("今年元旦前 南京 冷吗", "今年元旦", None),  # 元旦前: no day
    ("南京今年冬天冷吗", "今年冬天", None),
    ("南京今年冷吗", "今年2月29日", None),  # a day the question does not write
])
def test_resolve_output_reads_what_a_copied_phrase_needs_in_its_question(question, copied, expected):
    """No reference day given: a phrase the model copied is read against what the question writes instead (today
    written out, the month of a day written alone, a festival's fixed day); with a reference day, as before."""
    import datetime as dt

    from sft.task import resolve_output

    answer = parse_output(resolve_output(Answer("南京", copied).to_json(), None, question)).answer
    assert answer == Answer("南京", expected)
    if expected is not None and copied in ("明天", "14号"):
        today = dt.date(2026, 11, 30)
        reread = parse_output(resolve_output(Answer("南京", copied).to_json(), today, question)).answer
        # (14号 after 3月12号 改到: the day the rule reads there, 3月14号, with or without a reference day: the copied
        # phrase is looked up in the question as the rule reads it, 49th round of batches)
        assert reread.date == ("2026-12-01" if copied == "明天" else "03-14")


@pytest.mark.parametrize(("question", "expected"), [
    ("下周四 也就是5月7号 西安 下雨吗", "05-07"),  # the day said again as written: no year unless written
    ("西安下周四，就是2027年5月7号 冷吗", "2027-05-07"),
    ("下周四 也就是说 西安 会下雨吗", "2026-12-03"),  # no day said again: the weekday against the reference day
    ("下周四 也就是后天 西安", "2026-12-03"),  # said again by a day that needs a reference day itself
])
def test_resolve_output_answers_the_day_a_copied_phrase_is_said_again_as(question, expected):
    import datetime as dt

    from sft.task import resolve_output

    out = resolve_output(Answer("西安", "下周四").to_json(), dt.date(2026, 11, 24), question)
    assert parse_output(out).answer == Answer("西安", expected)


@pytest.mark.parametrize(("question", "copied", "whole"), [
    ("南京今年冬至冷不冷", "冬至", "今年冬至"),  # the copy cut short: the date written around it is read
    ("Nanjing next Saturday rain?", "next", "next Saturday"),
    ("后天到大后天 南京 下雨吗", "后天", "后天"),  # written twice (后天, 大后天): as copied
    ("去年今天南京下雪 今天呢", "今天", "今天"),
    ("南京 冬至 冷吗", "冬至", "冬至"),  # no longer date around it
    # looked up as the rule reads both (候天 of 大候天 is 后天 of 大后天; 下 of 下 周 三 typed apart: 49th round)
    ("南京 大候天 下雨吗", "候天", "大后天"),
    ("南京 下 周 三 冷 不 冷", "下", "下周三"),
])
def test_resolve_output_reads_the_date_written_around_a_phrase_copied_cut_short(question, copied, whole):
    import datetime as dt

    from sft.task import resolve_output

    today = dt.date(2026, 12, 30)
    out = resolve_output(Answer("南京", copied).to_json(), today, question)
    assert parse_output(out).answer == Answer("南京", find_date(whole, today))
    assert find_date(whole, today) is not None


def test_postponed_days_reads_how_far_a_plan_moved():
    from sft.dates import postponed_days

    assert postponed_days("原定10月8号 推迟两天 杭州") == (2, "原定10月8号 推迟两天")
    assert postponed_days("本来是下周五 提前一周") == (-7, "本来是下周五 提前一周")
    assert postponed_days("往后挪了三天 本来是8月1号 那天呢") == (3, "往后挪了三天 本来是8月1号")
    assert postponed_days("无锡 11月1号 推迟两天 那天") == (2, "11月1号 推迟两天")  # a day right before its move
    assert postponed_days("定在11.20 哦不 推迟三天") == (3, "11.20 哦不 推迟三天")
    assert postponed_days("得提前三天搭 12月28号装台") == (0, "")  # 提前 before a day: no move of it
    assert postponed_days("推迟两天再说") == (0, "")
    assert postponed_days(None) == (0, "")


def test_resolve_output_keeps_a_phrase_the_resolver_fails_on(monkeypatch):
    """A bug in the date resolver costs one answer (kept as written, so scored wrong) and a warning, not the run."""
    import datetime as dt

    from sft import task

    def broken(question, today=None):
        raise StopIteration("no such lunar day")

    monkeypatch.setattr(task, "find_date", broken)
    text = '{"city": "北京", "date": "农历三十"}'
    with pytest.warns(RuntimeWarning, match="农历三十"):
        assert task.resolve_output(text, dt.date(2026, 11, 30)) == text
    assert task.resolve_output('{"city": "北京", "date": "06-01"}') == '{"city": "北京", "date": "06-01"}'


@pytest.mark.parametrize(("question", "expected"), [
    ("湖 州 明 天 下 雨 吗", "2026-03-03"),  # a space after every character
    ("北京 明天 天气 怎么样", "2026-03-03"),
    ("两千零二十五年七月一日", "2025-07-01"), ("二千零三十年元旦", "2030-01-01"),
    ("weather Dec 3", "12-03"), ("3rd of March", "03-03"), ("Sept. 10th", "09-10"),
    ("5 月 1 号", "05-01"),
    # the digits typed apart too: one number (the 18th, not the 1st; the year 2028, not none)
    ("温 州 6 月 1 8 号 下 雨 吗", "06-18"), ("2 0 2 8 年 4 月 9 号 天 气 如 何", "2028-04-09"),
])
def test_spaced_spelled_out_and_english_dates(question, expected):
    import datetime as dt

    assert find_date(question, today=dt.date(2026, 3, 2)) == expected


@pytest.mark.parametrize("question", ["北京PM2.5多少", "今天pm 2.5高吗", "降雨量3.5毫米", "风力2.5级", "体温37.5度",
                                      "气温1.5℃"])
def test_a_measure_is_no_month_and_day(question):
    from sft.task import find_date

    assert find_date(question) is None


def test_a_date_beside_a_measure_is_still_read():
    from sft.task import find_date

    assert find_date("pm2.5 6.1 北京") == "06-01" and find_date("6.1度假") == "06-01"
