"""The rule-based contender ``rule``: what a user tries before reaching for an LLM.

No model: a regular-expression date rule, a Chinese-numeral library and a city gazetteer. ``extract`` maps
questions to canonical answer lines (``Answer(city, date).to_json()``), ~700 questions in well under a second.

Dates
    ``sft.task.find_date`` (the project's one date rule; it reads Chinese numerals with ``cn2an``).
    Nothing here adds to it. Library choice: ``jionlp`` (1.5.31) installs from PyPI, but its time parser
    is not worth it here: it is a 16.5 MB wheel plus ``jiojio`` and takes ~1 s to import; it always fills
    in a year from ``time_base``, so it cannot tell ``3月15号`` (answer ``03-15``) from ``2026年3月15号``;
    and it reads ``3-15号`` as a span from the 3rd to the 15th of the current month, where the task says
    March 15. ``cn2an`` (already a dependency) plus the regexes of ``sft.task`` cover the spec.

Cities, rule by rule
    (The reading of names, rules 1-4b, 5c and 5d, is :mod:`sft.mentions`, shared with the place hints of
    :mod:`sft.hints`; which name is asked, rules 5-9, is here.)
    1. Gazetteer: every city of ``sft.cities.load_cities()`` and every ``city`` of ``sft.places`` (county-level
       cities, Hong Kong, Macau, Taiwan, foreign cities; all splits: a gazetteer is what a rule-based user
       has), under its full name (``攀枝花市``) and its short name ``sft.cities.short_name`` (``攀枝花``).
    1a. Cities whose short form means something else are read only in full (``datasets/full_names.tsv``:
        ``吉林市``, ``石狮市``, ``都江堰市``; 吉林 alone is the province).
    1b. Blockers: the other places of ``sft.places`` (provinces, regions, countries, districts, counties,
       sights) are matched too, longest first, and then dropped: a city name inside one is no city.
    2. Mentions: at every position of the question the longest gazetteer name that starts there; the
       mentions are then kept longest first, dropping any that overlaps a kept one (so ``张家口`` is not
       read as ``张家``, ``上海口音`` is ``上海``).
    3. As written: a mention is output exactly as it appears (``攀枝花`` or ``攀枝花市``). One exception:
       a full name whose 市 starts a word (``北京市区``, ``北京市民``, ``北京市中心``) is output short.
    4. Not inside a word: a mention inside a common word that merely contains a city name
       (``三明治``, ``来宾``, ``日照时间``, ``大同小异``, see ``_NOT_CITY_WORDS``) is dropped, and so is a street
       named after a city (``南京路``, ``北京东路``, ``中山大道``: ``_STREET``).
    4b. A weekday's numeral is no city's first character when a word follows the weekday or another name
        starts after the numeral: ``下周四会下雨`` is 周四 + 会 (not the city 四会), ``星期六安庆`` is 安庆
        (``_weekday_numeral``); ``下周四平天气`` keeps 四平.
    5. One mention: it is the city. None: ``null`` (regions such as 东北 and 江南 are not in the
       gazetteer, so ``一起去东北看冰雕么`` gives ``null``).
    5b. No mention: a city written in Latin letters (``datasets/romanized.tsv``: the pinyin of every city of
       cities.tsv and of the mainland's county-level cities, English names of the foreign and Hong Kong / Macau /
       Taiwan cities people ask about most), case-insensitive between non-letters, output exactly as written
       (``shenzhen``, ``Xi'an``, ``Hong Kong``, ``Yiwu``); when none is, a word of seven letters or more one edit
       from exactly one spelling of six or more (``Shenzen``, ``Hangzhuo``, ``Harbinn``), or of six letters with two
       neighbours swapped or one dropped (``xiamne``, ``nanjng``), never a county-level city's (changing: no
       changning).
    5c. No mention and no Latin-letter city: a city typed with one wrong character that sounds the same
       (``datasets/homophones.tsv``: a pinyin input method's sound-alikes, fuzzy z/zh, n/l, en/eng, ...; never an
       everyday word that sounds like one, ``datasets/sound_alike_words.tsv``: 苹果, 长江, 阳光, nor a county or
       district of China that does, ``datasets/sound_alike_places.tsv``: 富顺, 青阳):
       ``杭洲`` for 杭州, ``邯单`` for 邯郸, output exactly as written (the task rule copies the city as written);
       also characters typed by shape (``datasets/look_alikes.tsv``: ``沉阳``, ``广卅``, ``昆眀``, ``重床``, ``曰照``).
       Only when nothing else names a city: a sound-alike of a two-character name is an everyday word too
       often (``西岸``, ``太远``) to outrank a real mention. A two-character one must start a phrase (after
       punctuation, a space, 去/到/在…, a time word or a wake word: ``明天城都``, ``今晚广洲``, ``这周末城都``,
       ``小度小度清岛``); a longer one
       may stand anywhere (voice input: ``五月三号石家装``, ``早上哈儿滨``).
    5e. One mention that is where a trip starts (``从成都``, ``成都出发``) while the trip goes (去/到/进…) to a known
        place that is no city and lies outside that city (``从成都出发进川西``: a region; ``长沙出发到婺源``: a county
        of another city): ``null``, the weather is asked for that place (WILD.md); a sight of the origin city
        itself (``从杭州出发去西湖``) keeps the city.
    5f. One mention named only to be left out (``除了哈尔滨，东北还有哪里明天下雪``): ``null``. One mention that is
        an origin (``from 上海``, ``从上海``), or not a destination while a city in Latin letters is
        (``伦敦这边…去Brighton``), yields to the Latin one (``Paris … flying in from 上海``).
    5g. One mention that is where the writer works, lives or sets off (``在A上班``, ``从A开车回…``), never asked
        itself (no date, weather word or 呢 right after it), while the home (老家) is named by a place that is no
        city or asked about (``老家是X的``, ``回X老家``, ``老家那边``): ``null``, the weather is asked at home
        (WILD.md).
    5d. (Tried before 5c.) A city read only with 市 (``datasets/full_names.tsv``) typed short, as written, at a
       phrase start right before a date or a weather word (``中山明天天气``, ``石狮3月5号``); never a province,
       district or sight (``_SHORT_NEVER``), never inside a word (``中山路``).
    5d'. Those whose other sense seldom starts a phrase of a weather question (``_SHORT_ANYWHERE``: 洪湖, 英德, 石狮 …)
       need no cue right after them, only a weather or date word somewhere in the question (``洪湖 钓鱼 这几天冷不冷``),
       unless a place or the other sense follows (``大同小异``, ``普洱茶``, ``安宁区``). Any of them, ``_SHORT_NEVER``'s
       too, right after its own prefecture is the county-level city (``清远英德``, ``延边龙井``), as ``泉州晋江`` is;
       not a mountain (``九江庐山``: 九江). A sound-alike of 市 that starts the next word (``中山石岐``,
       ``中山是不是``) is no typed 市: the short form.
    5h. One mention not asked itself (no date, weather word or 呢 right after it), and after it, past a way there or
        a home (去, 回, 到, 在, 家, 问下 …), a county of the mainland that starts a phrase with a date or a weather
        word right after it (``从怀化南站坐车回溆浦 溆浦后天么子天``, ``在吉首读书 周末想回龙山 龙山冷不冷``): ``null``,
        the county is asked. Not a county written with its city (``运城平陆``) or as a correction to it
        (``桂林 呃 阳朔``), nor places listed after the city (``龙岩 培田古村 连城``).
    6. Two or more: each mention gets a score from its context, the highest wins, a tie goes to the
       mention named last (the destination of ``A到B``, the correction in ``A…不对，B``):
         +3  a weather word (天气, 下雨, 气温, 冷, …; ``_WEATHER``) follows before the next mention;
         +2  right after 去/到/前往/飞往/抵达/回/城市是/地点是 (``_TO``; 的, 市, 那边 and a date
             may sit between);
         +1  right after 在/来/住 (``_AT``);
         -3  right after 从/离开/自/由/离 (``_FROM``), or followed by 出发/起飞/到/去/飞/人 (``_FROM_AFTER``).
    6b. Cities asked together (``A和B``, ``A还是B``, ``A、B``, ``A热还是B热``, ``A B 哪个冷``, ``A比B冷``): the first
        named wins (README's task rule).
        One city named twice (``爬黄山，黄山市的天气``) is no pair: the scores of rule 6 pick the form.
    6c. Corrections and follow-ups outweigh every other word: +4 after ``我说的是``/``应该是``/``换成``… or before
        ``呢`` (``那咸阳呢``), -4 after ``不是`` (not ``哦不是``, a speaker correcting themself) or ``你说的是``/
        ``刚才问的是`` (``_ASKED_CITY``, ``_GIVEN_UP_CITY``).
    6e. A statement about one city, then a question about another, or about the same one in another form (``看到新闻说
        北京下冰雹了，天津今天会不会也下``; ``深圳市全市…。现在深圳还在下吗``): +4 to the asking mention
        (:func:`_question_clause_bonus`); a list (``北京，上海天气怎么样``, ``A和B哪个冷``) is no statement.
    6f. A city named again at the end, after other cities (a list or a plan, then ``香格里拉最后两天…``): +4.
    6d. A prefecture right before its own county-level city (``泉州晋江``, ``苏州 昆山``) or in brackets after it
        (``东港（丹东的）``) is no second city (``datasets/county_cities.tsv``).
    7. Anything that is not a non-empty string gives ``{"city": null, "date": null}``; an error in this
       module or the date rule is a bug and raises (it is not hidden as a wrong answer).
    8. The date is read by ``find_date`` with the chosen city blanked out, so no date word is read across
       the city's edge (``乐清明天``: 明天, not 清明; ``过两天昆明天气``: 过两天, not 明天; ``25号台州``: the 25th).
    9. Two or more dates and no word that says which is asked (:func:`_city_date`): the one written beside the
       asked city, after it first (``丽江8.23号天气``) unless the plan writes its dates first (``10.1 婺源 10.3 杭州``:
       before it first).
    9b. Two days offered as a choice, ``A还是B`` (``中秋还是国庆回老家``, ``端午还是6月20号``), and no other day named:
       the first, as for two cities asked together; null where it is no day of its own (``九月底还是国庆``) or a
       lunar festival without a reference day.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from collections import Counter

from sft.cities import short_name
from sft.counting import stays_before  # a trip's stays, shared with the resolver (sft.task)
from sft.dates import (
    EN_CORRECTION,
    FIXED_FESTIVALS,
    HOLIDAY_DAYS,
    IF_RAIN_MOVED,
    INTERJECTIONS,
    ISSUED_AFTER,
    PAST_ASKED,
    QUESTION,
    REQUEST_VERBS,
    SLIP_VERBS,
    after_event_days,
    anchored_days,
    as_date,
    find_festival,
    names_the_asked_date,
    postponed_days,
    relative_day_marked,
    shift_date,
    shift_from_written_today,
    written_today_days,
)
from sft.mentions import (  # the reading of place names, shared with the place hints (sft.hints)
    _SHORT_CUE,
    _WEATHER,
    RIDE,
    Gazetteer,
    Mention,
    _county_names,
    _phrase_starts,
    _place_cities,
    _trip_places,
    correction_after,
    default_gazetteer,
    find_city_not_written_whole,
    find_mentions,
    find_short_full_name,
    name_at,
    place_at,
    short_form_after,
)
from sft.places import romanized_rows
from sft.task import (
    EMOJI,
    QUOTED,
    QUOTED_MESSAGE,
    Answer,
    asks_a_later_clause,
    date_mentions,
    festival_lunar_day,
    find_date,
)

_NULL = Answer(None, None).to_json()


_GAP = r"(?:的|市|那边|那里|这边|这里|\s|[\d〇零一二两三四五六七八九十]{1,4}(?:年|月|日|号|-|/|\.))*"
_TO = re.compile(
    r"(?:去|到|前往|飞往|飞到|抵达|回|至|城市是|城市为|城市：|城市:|地点是|地点在)" + _GAP + r"$"
)
_AT = re.compile(r"(?:在|来|住)" + _GAP + r"$")
# (转机在成都，最终到稻城亚丁: the change of planes written before the city, 54th round of batches)
_FROM = re.compile(r"(?:从|离开|自|由|离|(?:转机|中转|转车|换乘)在|(?<![A-Za-z])from|(?:^|[\s，,])[人我]在"
                   # 人在钦州，…去鼓楼区; 坐标南京 周末想去周庄 (101st-116th hand-written batches)
                   r"|(?:^|[\s，,])(?:坐标[:：]?|楼主人?在))" + _GAP + r"$")
# 重庆北到万州, 济南西站出发: a station written as the city + a direction is the city (WILD.md, 6th and 78th sittings)
# 上饶高铁站到婺源, 阿勒泰市区到红墩乡, 拉萨转车去…: the city's station or town centre, a ride taken there (257th-264th)
#: Not a day or a weather word next (吉隆坡转机 明天下雨吗: the change is the question's only place).
#: The arrows written between a trip's stops (成都→康定, 广州->阳江); a dash is one too, where each rule says so.
_ARROW = r"→|->|—>|=>|➡️?"
_NO_DAY_OR_WEATHER = r"(?![今明后昨前]|大后|[这下上本]?(?:周|星期|礼拜)|天气|气温|温度|会|冷|热|下|回|有|的|要|能|\d)"
_FROM_AFTER = re.compile(r"^(?:市区|市里|城区|市)?"
                         # (到成都东转高铁去峨眉山: 40th round of batches)
                         r"(?:高铁站|火车站|汽车站|客运站|[东南西北]?站|[东南西北](?=[到去出飞转]))?"
                         # 新加坡转机 到巴厘岛: a space after the change (45th-48th hand-written batches)
                         # 舟山坐轮渡去普陀山, 重庆转高铁去万州 (285th-292nd sittings), 三亚坐快艇去西岛 (31st round)
                         # (宿务转船去薄荷岛: 40th round of batches)
                         r"(?:(?:转机|中转|换乘|过海|" + RIDE + r")\s*)?(?:出发|起飞|到|去|飞|人)"
                         # 成都 到 九寨沟: typed apart (159th sitting); not a form's next field (出发日期: 206th batch)
                         r"|^\s+(?:到|出发)(?![了过啦日地时])"
                         r"|^\s+(?:飞|去)\s"  # 宁波 飞 济州岛 (181st hand-written batch)
                         r"|^\s+(?:转机|转车|中转)\s*(?:去|到|飞)"  # 内罗毕 转机 去马赛马拉 (192nd)
                         r"|^(?:转机|转车|中转)[\s，,]+" + _NO_DAY_OR_WEATHER  # 吉隆坡转机 兰卡威 (101st-108th)
                         + r"|^\s*(?:" + _ARROW + r")\s*")  # 自驾杭州→千岛湖 (269th-276th sittings)


_LATIN_LETTER = re.compile(r"[A-Za-z]")
#: Full-width Latin letters and digits (ｓｈａｎｇｈａｉ) read as ASCII, one for one (the city is copied as written).
_FULL_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
#: Accented Latin letters read as plain ones, one for one (positions stay): Zürich, Montréal, São Paulo.
_ACCENTS = str.maketrans("àáâãäåèéêëìíîïòóôõöùúûüýÿñçÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜÝÑÇ",
                         "aaaaaaeeeeiiiiooooouuuuyyncAAAAAAEEEEIIIIOOOOOUUUUYNC")
#: English words before a Latin city: where it is asked (to, in, for, at) or where a trip starts (from, leaving).
_EN_TO = re.compile(r"(?:\bto|\bin|\bfor|\bat|去|到|飞)\s*$", re.IGNORECASE)
_EN_FROM = re.compile(r"(?:\bfrom|\bleaving|从)\s*$", re.IGNORECASE)
#: Where the speaker is (I'm in Kunming) and what an app shows (the widget shows Singapore): not asked first.
_EN_HERE = re.compile(r"(?:\bI'?m|\bI\s+am)\s+(?:in|at|staying\s+in)\s*$|(?:\bcurrently|\bI\s+(?:live|work))\s+in\s*$"
                      r"|[我俺](?:人|现在)?在\s*$", re.IGNORECASE)  # 我在 Nanchang，想知道 Jingdezhen…
_EN_SHOWN = re.compile(r"\b(?:shows|showing|displays)\s*$", re.IGNORECASE)
#: The city asked after another (I'm in Kunming, what about Lijiang: 113th sitting).
_EN_WHAT_ABOUT = re.compile(r"\b(?:what|how)\s+about\s*$", re.IGNORECASE)
#: A correction before a Latin city (Shenzhen tomorrow, sorry I mean Dongguan: 111th sitting): the one asked.
_EN_CORRECTED = re.compile(r"(?:(?:" + EN_CORRECTION + r")(?:[,\s]*(?:I\s+meant?|make\s+(?:that|it))\b)?"
                           r"|不[对對][,，\s]*是?)[,\s]*$",  # sorry, make that Taichung; sorry I mean Dongguan
                           re.IGNORECASE)


def _latin_city(question: str, gazetteer: Gazetteer) -> Mention | None:
    """Rule 5b: the city written in Latin letters, as written: the only one, else the one after to/in/for (not
    from/leaving), else the first."""
    text = question.translate(_FULL_WIDTH).translate(_ACCENTS)  # Zürich as Zurich, copied as written (91st sitting)
    if gazetteer.romanized is None or not _LATIN_LETTER.search(text):
        return None  # no letters, no Latin name: the big pattern is not run (most questions)
    found = list(gazetteer.romanized.finditer(text))
    if not found:
        return _latin_city_typed_wrong(question, text)
    best = found[0]
    if len(found) > 1:
        named = Counter(m.group(0).lower() for m in found)
        again = [k for k, n in named.items() if n > 1]

        def score(m: re.Match) -> int:
            before = question[max(0, m.start() - 16) : m.start()]  # 16: "actually nah, " fits
            return (2 * bool(_EN_TO.search(before)) - 3 * bool(_EN_FROM.search(before) or _EN_SHOWN.search(before))
                    - 3 * bool(_EN_HERE.search(before))  # I live in X (its "in" no destination)
                    + 4 * bool(_EN_CORRECTED.search(before) or _EN_WHAT_ABOUT.search(before)
                               # shenzhen 明天 打错了 是 dongguan: corrected in Chinese (44th round of batches)
                               or re.search(_ASKED_CITY.pattern + r"\s*$", before))
                    # one city named again, the others once (hanoi → da nang by train, da nang weather tmr?)
                    + 3 * (again == [m.group(0).lower()] and len(named) > 1))
        best = max(found, key=lambda m: (score(m), -m.start()))
    return Mention(best.start(), best.end(), question[best.start() : best.end()], best.group(0))


#: A Latin word that may be a city's spelling typed wrong: six letters or more (shorter ones are words too often); one
#: of six only with two neighbours swapped or a letter dropped (a letter replaced or added makes words: spring).
_LATIN_WORD = re.compile(r"(?<![A-Za-z'’])[A-Za-z]{6,}(?![A-Za-z'’])")


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


@functools.lru_cache(maxsize=1)
def _typed_wrong_index() -> dict[str, frozenset[str]]:
    """Each spelling of six letters or more of datasets/romanized.tsv (one word) and its one-letter deletions -> the
    spellings: two words one edit apart (a letter dropped, added, replaced or two swapped) share an entry. A typed
    word of seven letters or more may be any edit away (``Harbinn``, ``Guillin``: a letter added to a six-letter
    spelling), one of six only a swap or a dropped letter (:func:`_latin_city_typed_wrong`)."""
    index: dict[str, set[str]] = {}
    # a county-level city's pinyin is read as written only (changning is one letter from changing: 273rd-280th)
    exact_only = {spelling.lower().replace(" ", "") for spelling, _, source in romanized_rows()
                  if source == "pinyin-county"}
    for spelling in romanized_cities():
        if len(spelling) >= 6 and spelling.isalpha() and spelling not in exact_only:
            for variant in _deletions(spelling):
                index.setdefault(variant, set()).add(spelling)
    return {k: frozenset(v) for k, v in index.items()}


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one letter dropped, added or replaced, or two neighbours swapped (a shared
    one-letter deletion also pairs words two edits apart: shanghia and shangzhi both lose a letter to shanghi)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _latin_city_typed_wrong(question: str, text: str) -> Mention | None:
    """Rule 5b, when no Latin word is a known spelling: a word of seven letters or more one edit from exactly one
    spelling of six letters or more (``Shenzen``, ``Hangzhuo``: 137th, 161st sittings), or of six letters with two
    neighbours swapped or one letter dropped (``xiamne``, ``nanjng``: 37th-44th hand-written batches), copied as
    written; not a word that another spelling of the gazetteer or an English word list would know
    (``_EN_NOT_CITY``)."""
    index = _typed_wrong_index()
    for m in _LATIN_WORD.finditer(text):
        word = m.group(0).lower()
        if word in _EN_NOT_CITY or word in latin_non_cities():
            continue  # Xinjiang is the province (romanized_places.tsv), no Jinjiang typed wrong (241st-248th sittings)
        close = {s for s in set().union(*(index.get(v, frozenset()) for v in _deletions(word))) if _one_edit(word, s)
                 and (len(word) > 6 or len(s) == 7 or sorted(s) == sorted(word))}
        if len(close) == 1:
            return Mention(m.start(), m.end(), question[m.start() : m.end()], next(iter(close)))
    return None


#: Words one edit from a city's spelling that are no city (every question of datasets/ and 20,000 generated ones
#: checked): English, the pinyin of a word (春天) or of a district (崇明).
# joining … shouter: English words one letter from a six-letter spelling (jining, peking, siping, samara, shouer,
# indore), found by checking the 234,450 words of the web2 list (english-words 2.0.2, not a dependency)
# change … waning: six-letter English words two swapped letters or one dropped from a spelling (changde, seattle), same
# check; changi: Singapore's airport and district, a letter from changji
_EN_NOT_CITY = frozenset({"leaping", "chuntian", "chongming", "joining", "peaking", "perking", "sniping", "samsara",
                          "shouter", "indorse", "change", "boding", "gaping", "lining", "settle", "taxing", "tiling",
                          "waning", "longan", "nankin", "tanger", "calaba", "anagua", "kamala", "changi"})


@functools.lru_cache(maxsize=1)
def latin_non_cities() -> frozenset[str]:
    """Latin names of places that are no city (datasets/romanized_places.tsv: provinces and regions in pinyin,
    countries in English), lowercased."""
    from sft.paths import DATA, read_tsv

    return frozenset(f[0] for _, f in read_tsv(DATA / "romanized_places.tsv", ("romanized", "kind", "source")))


@functools.lru_cache(maxsize=1)
def romanized_cities() -> dict[str, str]:
    """Each Latin-letter spelling of datasets/romanized.tsv (lower case, no spaces) and the city it spells."""
    return {spelling.lower().replace(" ", ""): city for spelling, city, _ in romanized_rows()}


@functools.lru_cache(maxsize=1)
def _spelled_keys() -> dict[str, str]:
    """A city's name -> one spelling shared by its names in other scripts: the Latin spelling of romanized.tsv
    for the Chinese names it lists (釜山 -> busan), the GeoNames name for the names of world_cities.tsv
    (부산 -> busan; none for a name of jionlp's world list that GeoNames lacks: 卢克索)."""
    from sft.places import world_cities

    keys = {short_name(city): latin for latin, city in sorted(romanized_cities().items(), reverse=True)}
    keys.update({name: geonames.lower().replace(" ", "") for name, geonames in world_cities().items() if geonames})
    return keys


def same_city(a: str, b: str) -> bool:
    """Two names of one city (黄山 and 黄山市; 釜山 and 부산)."""
    a, b, keys = short_name(a), short_name(b), _spelled_keys()
    return a == b or (a in keys and keys.get(a) == keys.get(b))


#: Rule 5f: a city named only to be left out (除了哈尔滨，东北还有哪里明天下雪): no city is asked.
_EXCEPT = re.compile(r"(?:除了|除去|除开|排除)" + _GAP + "$")
_EN_EXCEPT = re.compile(r"(?<![A-Za-z])(?:except(?:\s+for)?|apart\s+from|other\s+than)\s*$", re.IGNORECASE)
#: Where the speaker is (我在厦门, 我人在…, 我现在在…): a city asked about is another one, when one is named.
# 偶/俺: 我 as typed online and in dialect; Cantonese 喺 (我喺澳門: 118th sitting)
# 我们在九江, 咱在…, 我这儿是阳泉, 坐标遵义: the speaker's side too (37th-44th hand-written batches)
# (我在 泰州 朋友在 盐城: typed apart, 158th hand-written batch)
# (人在合肥市，我妈在芜湖市; 我在老家商丘，孩子们在上海: 35th round of batches)
# (我这周末在昆山: a time between, 42nd round of batches)
# (Minnan 阮佇晋江, Hakka 𠊎在深圳, 俺家在齐齐哈尔: 44th-45th rounds of batches)
_I_AM_AT = re.compile(r"[我偶俺咱阮𠊎]们?(?:(?:人|家|现在|目前|这边|这|就|这周末|周末|明天|后天|下周|这几天)?"
                      r"(?:住在|在|住|喺|佇|搁)"  # northeastern 我搁抚顺呢 (48th round of batches)
                      r"|(?:这边|这儿|这里)是)"
                      r"(?:老家)?\s*$|(?:^|[\s，,])人在\s*$|坐标[:：]?\s*$"
                      # (搬到昆山了 老公还在苏州上班 我这边…: moved there, 47th round of batches)
                      r"|(?:^|[\s，,])(?:[我俺咱]们?)?(?:已经|刚)?搬到\s*$")
#: Rule 6c: a correction or a follow-up names the city asked (我说的是福州不是广州, 应该是昆山不是昆明, 那咸阳呢)
#: and the one given up (你说的是澳门, 不是广州, 刚才问的是北京): +4 / -4, more than any other word. ``哦不是`` is
#: a speaker correcting themself (A哦不是B: B), not a city given up.
_ASKED_CITY = re.compile(
    # 定成了江门 其实我在中山 (47th round of batches)
    r"(?:其实我?人?在|更正[:：]?\s*是?|我(?:问|说|要|查|要去|想去)的是|不对[，,\s]*(?:问|查|说)的是|我是(?:想|要)?(?:问|查|说)|我?(?:想问|想查|想看|要看|要查|要问)的是|应该是|其实是?(?:(?:想|要)(?:问|查|看))?|换成|改成|改为|改查|而是|最[后终](?:还是)?(?:定了?|决定|选了?)(?:去|在)?"
    # （打错了 是株洲）, 打错了 赣州; 搞错了 我想问石家庄 (125th-132nd hand-written batches)
    r"|" + SLIP_VERBS + r"错了?[，,\s]*(?:是|我?(?:想问|要问|想查|要查)(?:的是)?)?"
    # 啊 手滑了 是巴彦淖尔, 西安就算了 改去西宁 (85th-92nd hand-written batches; not 要是…下雨 我们就改去日照)
    r"|手滑了?[，,\s]*是?|(?<![就再])改去"
    r"|唔[係系係][，,\s]*[係系]"  # Cantonese 唔係 係澳門 (not…, it is…)
    # Cantonese 唔系，我讲紧河源 (I am talking of), Minnan 我讲毋着，是福清 (I said it wrong: 38th round of batches)
    r"|(?:唔[係系係]|不是)[，,\s]*我[讲講]紧|[讲講]毋着[，,\s]*[是係系]?"
    # sorry 我是说西宁, 不好意思打错 是中山 (305th-312th sittings)
    r"|我是说|(?:不好意思|抱歉)[，,\s]*(?:" + SLIP_VERBS + r"错了?)?[，,\s]*是"
    # a correction said aloud (北京明天下雨吗 不对 是天津; …哦不 是…; sorry 是…: 111th sitting)
    r"|不[对對][，,\s]*(?:是|应该是)?|" + INTERJECTIONS + r"\s*不(?:是|对)?[，,\s]*是?"
    r"|(?i:sorry)[，,\s]*(?:是|(?i:i\s+mean))"
    r"|(?i:i\s+mean)"  # 去贵阳 sorry I mean 遵义 (116th sitting)
    r"|算了[，,\s]*还是(?:问|查|看|去)?)" + _GAP + "$")  # 珠海天气…算了还是问中山吧 (61st-68th hand-written batches)
#: A date corrected to another (5月2号 不对 5月3号): the correction is the date's, whatever city follows.
_DATE_SLIP = re.compile(r"(?:[号日號]|\d)\s*(?:不对|不對|[哦噢]不|不是)[，,\s]*(?:是\s*)?"
                        r"[\d〇零一二两三四五六七八九十]{1,4}\s*(?:年|月|日|号|-|/|\.)")
_GIVEN_UP_CITY = re.compile(
    r"(?:(?<![哦噢喔呃额啊阿诶欸。.…])(?<![哦噢喔呃额啊阿诶欸。.…]\s)不是|你(?:刚才?)?(?:说|回答|答|查)的是|(?:刚才|刚刚|之前|前面|上面)(?:你)?(?:问|说|查)的是"
    # 不去大连了, 不在上海 也不在苏州, 要镇江的 不要南京 (150th sitting): given up
    # 没去成镰仓: a trip that did not happen (45th-52nd hand-written batches)
    # 查鄂尔多斯不查包头了, 不想去哈尔滨了 (61st-68th hand-written batches)
    r"|(?:别|不用|不要)(?:给我|帮我)?(?:查|看)?|不查|不想去|不去了?|唔去|不在|没去成?|去不成|没能去)"
    + _GAP + "$")
#: The only city named, given up (不去曼谷了, 金华那个不用查了, 哈尔滨不去了): no city is asked (the sittings label it
#: none; 93rd-100th hand-written batches).
# (not 上不去/回不去: can't get up or back; not a plan only if the weather turns: 要是…我就不去秦皇岛了; not 我不去三亚
# 是我朋友去: no 了, someone else goes)
_ONLY_CITY_DROPPED_BEFORE = re.compile(r"(?<![上回进出过下])(?:不去|不想去|别去)\s*$")
_ONLY_CITY_UNCHECKED_BEFORE = re.compile(r"(?:不用查|不查)\s*$")
# 那嘉峪关我就不去了, 广州就不考虑了, 首尔行程取消了 (117th-124th hand-written batches)
_ONLY_CITY_DROPPED_AFTER = re.compile(r"(?:那个|这个)?\s*(?:我?就?(?:不去了|不考虑了)|不用查了?|不查了|的?行程取消了)")
_IF = re.compile(r"要是|如果|假如|的话")
#: Living, working or studying right after a city (在鹤岗上班, 在温哥华留学).
_LIVES = re.compile(r"\s*(?:上班|工作|读书|上学|留学|打工|生活|住)")


def _writer_is_at(folded: str, m: Mention) -> bool:
    """Where the writer is (我在厦门, 坐标遵义), or where they work or study, written first (在朔州上班…: 45th-52nd
    hand-written batches): another place named is the one asked."""
    return bool(_I_AM_AT.search(folded, 0, m.start)
                or (re.fullmatch(r"\s*在\s*", folded[: m.start])
                    and (_LIVES.match(folded, m.end) or re.match(r"\s*呢\s", folded[m.end:]))))  # 在昆明呢 大理…
#: The speaker's own side asked after the other cities (我这边, 我这儿, 我这里): where the speaker said they are.
# (Cantonese 我呢邊, 我呢度: 161st hand-written batch)
_MY_SIDE = re.compile(r"[我俺偶咱]们?(?:这边|这儿|这里|这块|这)(?![个些样么种次回])|我哋?呢[邊边度]")
#: A city an app or a widget shows (显示北京, 定位在北京), when the question names another.
# 定位一直是北京 (113th); 定位老是跳到佛山 (61st-76th hand-written batches)
_SHOWN = re.compile(r"(?:显示|定位)(?:一直|总是|老是|又)?(?:的是|成了?|到|在|是|跳到|跳成|变成)?\s*$")
#: A city given up right after it (昆明不用查 我就在昆明; 大连不去了).
# 南昌不去 景德镇去; 西安就算了; 西宁的天气不用查了 (58th round of batches)
_GIVEN_UP_AFTER = re.compile(r"\s*(?:的天气\s*)?(?:不用查|不查了|不去了?(?![哪那])|唔去|就算了)")


#: A dialogue's turns written out (Q: … A: … Q: 那咸阳呢): a later 呢 is a follow-up turn, not a chained question.
_TURN = re.compile(r"(?<![A-Za-z])[QAB]\s*[:：]|[问答]\s*[:：]")


#: What may follow a short form asked (中山，这周日; 中山的; 中山明天), not a word it starts (中山路, 中山陵).
_SHORT_ASKED_END = re.compile(r"[的市呢吧啊呀哈\s，,。？?！!那这今明后下本周星礼\d]|天气|$")


def _short_asked_after(text: str, start: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """The position and key of the short form of a city read only with 市 (中山) written after ``start`` right after
    words that say it is the one asked (我要问的是, 其实是: :data:`_ASKED_CITY`), or None."""
    for short in sorted(s for s in gazetteer.short_forms if s in text[start:] and s not in gazetteer.blockers):
        at = text.find(short, start)
        while at >= 0:
            if _ASKED_CITY.search(text, start, at) and _SHORT_ASKED_END.match(text, at + len(short)):
                return at, short
            at = text.find(short, at + 1)
    return None


def _taken_back(question: str, mentions: list[Mention], i: int) -> bool:
    """Whether mention ``i`` is a slip taken back (呃/哦 不是 right before it), the next city said right after it."""
    if i + 1 >= len(mentions):
        return False
    before = question[mentions[i - 1].end if i else 0 : mentions[i].start]
    after = question[mentions[i].end : mentions[i + 1].start]
    return bool(re.search(r"[呃额哦噢诶欸]\s*不是\s*$", before) and re.fullmatch(r"[\s，,]+", after))


#: A city denied, then the one meant (石家庄 呃 不是石家庄 是邢台; 不是曼谷 是普吉岛): 不是 right before it, 是
#: after it.
_DENIED = re.compile(r"不是\s*$")
_IS_BEFORE = re.compile(r"(?:^|[\s，,])(?:我说的|我问的|说的|问的)?是\s*$")
_THEN_IS = re.compile(r"[\s，,]*(?:是|而是)\s*")


def _denied_then(text: str, m: Mention) -> re.Match | None:
    """The words after a city denied (不是 right before it) that lead to what is meant (是, 而是), or None."""
    return _THEN_IS.match(text, m.end) if _DENIED.search(text, 0, m.start) else None


def _denied_then_is(question: str, mentions: list[Mention], i: int) -> bool:
    """Mention ``i`` is denied (不是 right before it) and another city follows it after 是 (不是石家庄 是邢台)."""
    if i + 1 >= len(mentions):
        return False
    m = mentions[i]
    return bool(_DENIED.search(question, mentions[i - 1].end if i else 0, m.start)
                and _THEN_IS.match(question[m.end : mentions[i + 1].start]))


def _score(question: str, mentions: list[Mention], i: int) -> int:
    m = mentions[i]
    before = question[mentions[i - 1].end if i else 0 : m.start]
    after = question[m.end : mentions[i + 1].start if i + 1 < len(mentions) else len(question)]
    if _GIVEN_UP_CITY.search(before) or _GIVEN_UP_AFTER.match(after):
        return -4
    if _denied_then_is(question, mentions, i):
        return -4  # 石家庄 呃 不是石家庄 是邢台: the city after 不是 gives way to the one after 是 (241st-248th)
    if any(mentions[j].key == m.key and _denied_then_is(question, mentions, j) for j in range(i + 1, len(mentions))):
        return -4  # 查一下湖州的天气 不是湖州是福州: the city asked first, then denied (277th-284th)
    if i and _DENIED.search(before) and _IS_BEFORE.search(question, 0, mentions[i - 1].start):
        return -4  # 是常州啊 不是郑州: the city said first, the one after 不是 denied (238th hand-written batch)
    # 南宁 呃 不是南宁 柳州: a slip taken back gives way to the city said right after it (361st-376th sittings)
    if _taken_back(question, mentions, i):
        return -4
    if i > 1 and _taken_back(question, mentions, i - 1):
        return 4
    # (顺便也看看深圳冷不冷: 也 too, 49th round of batches)
    by_the_way = re.search(rf"(?:顺便|另外)(?:也|再)?(?:{REQUEST_VERBS})?\s*$", before) if i else None
    head = question[: mentions[i - 1].end + by_the_way.start()] if by_the_way else ""
    if by_the_way and (_WEATHER.search(head) or QUESTION.search(head) or re.search(REQUEST_VERBS, head)):
        # 帮我看看北京这几天的天气吧，顺便看看广州的: the city asked by the way is not the one asked (171st);
        # 帮我查下金华天气 另外义乌…: a second request, the first answered (190th hand-written batch); not after no
        # request at all (仁川机场转机，顺便问一下首尔周日天气: 58th round of batches)
        return -2
    if i and re.search(r"(?:之前|以前|上次|上回|去年)(?:也|曾)?在\s*$", before) \
            and re.match(r"[^，,。！!？?]{0,6}过", after):
        return -2  # 想知道那天早上厦门的气温…之前在杭州跑过一次: a place of the past, not asked (49th round of batches)
    if _SHOWN.search(before):
        return -3  # widget一直显示北京 我人在天津: the city an app shows is not the one asked (44th, 55th sittings)
    # 在朔州上班 周末回大同 那边…: where the writer works or studies, at the start, as 我在 (45th-52nd batches)
    if _writer_is_at(question, m) if i == 0 else _I_AM_AT.search(before):
        if re.search(r"不对|不是|错了", before):
            return 4  # 太原天气 不对 我人在晋中: a correction to where the speaker is (114th, 140th sittings)
        return -2  # 我在厦门 (where the speaker is): another city named is the one asked (他那边, 漳州)
    # 那咸阳呢: a follow-up names the city asked, unless the first city's own clause asked already
    # (北京明天冷吗？上海呢？广州呢？: questions chained in one message, the first; WILD.md, 50th sitting)
    # (Cantonese 咁 for 那: 澳門聽日會唔會落雨？咁香港呢, 62nd round of batches)
    chained = (i > 0 and not before.rstrip().endswith(("那", "咁")) and not _TURN.search(question)
               and QUESTION.search(question, mentions[0].end, mentions[1].start) is not None)
    asked = _ASKED_CITY.search(before)
    slip = _DATE_SLIP.search(before)
    if asked and slip and asked.start() >= slip.start():
        asked = None  # 5月2号 不对 5月3号 兰州到敦煌: the date corrected, not the city (40th round of batches)
    if asked or (after.lstrip().startswith("呢") and not chained):
        return 4
    if before.rstrip().endswith(("那", "咁")) and re.match(r"[^，,。！!？?；;\s]{1,8}呢", after.lstrip()):
        return 4  # …我：那泰安明天呢: a follow-up with its day before 呢 names the city asked
    score = 0
    if _WEATHER.search(after):
        score += 3
    if _TO.search(before):
        score += 2
    elif _AT.search(before):
        score += 1
    if _FROM.search(before) or _FROM_AFTER.match(after):
        score -= 3
    return score


#: A station or airport written right after a city (杭州西站, 深圳北, 成都天府机场).
_STATION = re.compile(r"\s*(?:[东南西北]站?|站|火车站|高铁站|机场|[^\s，,。]{2}机场)\s*")
_MUNICIPALITIES = frozenset({"北京", "上海", "天津", "重庆"})
# Rule 5e: where a trip from the only city goes (从成都出发进川西, 从杭州去婺源): a known place right after the word.
# (从康定往理塘走: 166th sitting; 从西宁出发环青海湖: 191st hand-written batch)
_TRIP_TO = re.compile(r"(?:去|到|进|走|往|前往|飞往|飞到|抵达|至|飞(?![机行])|环(?=[\u4e00-\u9fff])|" + _ARROW + r")"
                      r"(?:了|到)?\s*")


@functools.lru_cache(maxsize=1)
def _districts() -> frozenset[str]:
    """The districts of places.tsv."""
    from sft.places import load_places

    return frozenset(p.name for p in load_places() if p.kind == "district")


#: A named route or tour (北疆环线, 318自驾, 秦岭徒步): the trip a city it sets off from is asked for.
_ROUTE = re.compile(r"[\u4e00-\u9fff\d]{2}(?:大环线|小环线|环线|环湖|环岛|自驾|徒步|穿越|骑行)")


def _origin_of_trip_to_place(folded: str, m: Mention, gazetteer: Gazetteer) -> bool:
    """Rule 5e: the only city is where a trip starts (从A, A出发) and the trip goes to a known place that is no
    city and not in that city (a region, province, county, another city's sight): the weather is asked there."""
    if not (_FROM.search(folded, 0, m.start) or _FROM_AFTER.match(folded[m.end:])):
        return False
    places = _trip_places()
    # 环太湖骑行 无锡出发, 去千岛湖骑行 杭州出发: the trip's place written before the city it sets off from
    # (101st-116th hand-written batches)
    if re.match(r"(?:市|市区)?(?:租车|包车|自驾|开车)?出发", folded[m.end:]) and (any(
            name in places or name in gazetteer.blockers
            for i in range(m.start) for n in range(2, 5) for name in [folded[i : i + n]]
            if i + n <= m.start and name not in gazetteer.names) or _ROUTE.search(folded, 0, m.start)):
        return True
    # 成都出发 新都桥 理塘 巴塘: the places of the trip listed right after 出发, no verb (80th sitting)
    listed = _SET_OFF_THEN.match(folded, m.end)
    # where each trip word's destination starts, and the station written between the city and the word, if any
    stops = [(to.end(), _STATION.fullmatch(folded, m.end, to.start()))
             for to in _TRIP_TO.finditer(folded, m.end, min(len(folded), m.end + 8))]
    if listed:
        stops.append((listed.end(), None))
    for start, station in stops:
        name = name_at(folded, start, gazetteer, places)
        if name is not None:  # a trip to a place, even one of the city's own (从杭州去千岛湖): that place is asked
            # but a ride from the city's station to one of its districts keeps it (杭州西站到萧山: 145th, 173rd
            # sittings); not in a municipality, whose districts were cities of their own (重庆北到万州)
            city = places[name]
            return not (station and name in _districts() and city == short_name(m.key)
                        and city not in _MUNICIPALITIES)
        if _TOWN.match(folded, start):
            return True  # a town or township named with its 镇/乡 (到红墩乡, 去五夫镇): no city either
        if _unlisted_island_at(folded, start, gazetteer):
            return True  # 温州去南麂岛的船: an island the lists lack (193rd hand-written batch)
    # 雷克雅未克出发去瓦特纳冰川, 伊斯坦布尔转机去格雷梅: set off or change at the only city for a place the lists
    # lack (a sight, a town abroad): the weather is asked there, no city
    if re.match(r"\s*(?:市区)?出发\s*(?:自驾|骑行|开车)?\s*进[藏疆]", folded[m.end :]):
        return True  # 从成都出发进藏: into Tibet, a region (57th round of batches)
    setoff = _SET_OFF_OR_CHANGE.match(folded, m.end)
    if setoff is None and _FROM_ONLY.search(folded, 0, m.start):
        setoff = _FROM_GOING.match(folded, m.end)  # 从林芝去米堆冰川: from the city, going there (no 出发)
    if setoff is None:
        setoff = _RIDE_GOING.match(folded, m.end)  # 厦门坐船去金门: a way of going there written
    dest = _UNLISTED_DEST.match(folded, setoff.end()) if setoff else None
    return dest is not None and not any(dest.group(0)[:k] in gazetteer.names for k in (2, 3, 4))


#: A ride from the only city, by its way of going (坐船, 坐车, 转机, 从…走): 去济州岛 从釜山坐船, 去涠洲岛 北海坐船,
#: 珠海九洲港坐船去桂山岛, 仁川转机…目的地济州岛 (33rd-34th rounds of batches).
# (在仁川机场等转机 去济州岛: 46th round of batches)
_RIDE_AFTER = re.compile(r"\s*(?:那边|那儿|[\u4e00-\u9fff]{0,3}(?:港|码头)|机场等?)?\s*"
                         # not a taxi or a bike, taken in town (在伦敦打车好贵…走路去大英博物馆: 382nd batch)
                         r"(?:(?!打车|骑车)(?:" + RIDE + r")|转机|中转|出发|走(?!走|路))")
#: A trip word right before a place (去涠洲岛, 到南澳岛, 目的地济州岛).
_TRIP_WORD = re.compile(r"(?:去|到|前往|飞往|目的地(?:是|[:：])?)\s*")


def _ride_from_only_city_to_place(folded: str, m: Mention, gazetteer: Gazetteer) -> bool:
    """Rule 5e: the only city is where a ride starts (从釜山坐船, 北海坐船, 仁川转机) and the question names the ride's
    place, no city, after a trip word, before the city or after it (去济州岛 从釜山坐船, 坐船去桂山岛): the weather is
    asked there, no city; not where the city is named again after it (北海坐船去涠洲岛 北海明天…: the city asked)."""
    if not _RIDE_AFTER.match(folded, m.end) or m.key in folded[m.end :] or _TO.search(folded, 0, m.start):
        return False  # (芙蓉到吉隆坡开车: the city is where the drive goes)
    places = _trip_places()
    # (济州岛三天后天气怎么样 我们从上海坐邮轮过去: the place opening the question, the city set off from with 从 or
    # 出发, 56th round of batches; not 东极岛 舟山 坐船 or 台湾 高雄 租车: the city's own ride)
    setting_off = _FROM_ONLY.search(folded, 0, m.start) or re.match(r"(?:市区)?出发", folded[m.end :])
    opening = [len(folded) - len(folded.lstrip())] if m.start > 0 and setting_off else []
    for start in opening + [to.end() for to in _TRIP_WORD.finditer(folded) if not m.start <= to.start() < m.end]:
        name = name_at(folded, start, gazetteer, places)
        if name is not None and places[name] != short_name(m.key):
            return True
        if _unlisted_island_at(folded, start, gazetteer):
            return True
    return False


#: A pier or a district of the only city, then a boat or a trip word (舟山朱家尖码头到, 香港中环码头去, 烟台蓬莱坐船去,
#: 珠海香洲港到, 宁波象山石浦到: 60th round of batches).
_PIER_TO = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:码头|港)?\s*(?:(?:坐|乘|搭)(?:船|轮渡|快艇|渡轮))?\s*(?:到|去|至)\s*")


def _boat_to_place(folded: str, m: Mention, gazetteer: Gazetteer) -> bool:
    """Rule 5e: from a pier or a district of the only city by boat to an island or a place that is no city
    (舟山朱家尖码头到普陀山的船, 宁波象山石浦到渔山岛): the crossing's place is asked, no city."""
    way = _PIER_TO.match(folded, m.end)
    # (not a choice, 周末去黄山还是去千岛湖; not the way's district asked again, 宁波象山石浦坐船去渔山岛 象山…)
    if way is None or re.search(r"还是|或者|和", way.group(0)) \
            or (way.end() - m.end > 2 and folded.find(folded[m.end : m.end + 2], way.end()) >= 0):
        return False
    start = way.end()
    places = _trip_places()
    place = name_at(folded, start, gazetteer, places)
    boat = re.search(r"码头|港|船|轮渡|快艇|渡轮", folded[m.end : start + 12]) is not None
    if place is None:
        return _unlisted_island_at(folded, start, gazetteer)
    if place.endswith("岛"):
        return True  # 青岛轮渡去黄岛: an island, even one of the city's districts
    # (武汉江汉关到武昌 轮渡: a ferry inside the city, to one of its districts, keeps the city)
    return boat and not (place in _districts() and places[place] == short_name(m.key))


#: A boat from the only city to a place that is no city (厦门到金门的船, 龙口到旅顺的船: WILD.md; 215th, 222nd, 231st
#: hand-written batches): the crossing's weather is asked, no city.
_BOAT = r"(?:船|轮渡|渡轮|邮轮|客轮|船票|船班|航班船|快艇)"
_FERRY_TO = re.compile(r"\s*(?:港|码头)?\s*(?:到|去|至|[-—→])\s*[\u4e00-\u9fff]{2,5}?\s*的?\s*" + _BOAT)
_FERRY_BEFORE = re.compile(_BOAT + r"\s*[:：]?\s*$")
_DASH_TO = re.compile(r"\s*[-—→]\s*[\u4e00-\u9fff]{2,5}")
#: ``从`` right before the only city, and a way of going right after it (从林芝去…, 从台州坐船去…).
_FROM_ONLY = re.compile(r"从\s*$")
#: Not a day or a pronoun next (去 明天, 去那边): a way of going's destination must follow it.
_NO_DAY_NEXT = (r"(?![家了的哪那这某别其外]|[今明后]天|[今明][早晚儿日]|大后天|[这下]?(?:周|星期|礼拜)"
                r"|[早晚上下]午?[上\s]|\d)")
# (从保定打车去雄安: 40th round of batches)
# (从凯恩斯飞乌鲁鲁: flown there, 41st round of batches)
_FROM_GOING = re.compile(r"\s*(?:(?:" + RIDE + r")?\s*(?:去|前往)|飞(?:往|去|到)?(?![机行回来一]))\s*" + _NO_DAY_NEXT)
#: The same without 从, a way of going written (厦门坐船去金门: 40th round of batches).
_RIDE_GOING = re.compile(r"\s*(?:" + RIDE + r")\s*(?:去|前往)\s*" + _NO_DAY_NEXT)
#: Set off or change right after the city, then where to (出发去, 转机去, 转车到, 出发 去).
# (从西宁出发自驾青海湖环线: the way of going between, 37th round of batches)
# (伊斯坦布尔转机 然后去卡帕多奇亚: 然后/再 between, 36th round of batches)
_SET_OFF_OR_CHANGE = re.compile(r"\s*(?:市区)?\s*(?:出发|转机|转车|中转|换乘)[\s，,]*(?:然后|再)?\s*"
                                # (重庆出发走川藏线, 墨尔本出发跑大洋路: 40th round of batches)
                                r"(?:(?:自驾|骑行|徒步|开车|走(?![走路一个])|跑(?!步))(?:去|到|前往)?(?=[\u4e00-\u9fff])"
                                + _NO_DAY_NEXT
                                # (从西宁出发绕青海湖骑一圈: 46th round of batches)
                                # (厦门中转 坐船去金门: a way of going between, 56th round of batches)
                                + r"|(?:(?:" + RIDE + r")\s*)?(?:去|到|前往)|飞往|绕)\s*")
# (not an errand or a leisure word: 出发去旅游, 去出差, 去机场, 去玩玩)
_UNLISTED_DEST = re.compile(_NO_DAY_NEXT
                            + r"(?!玩|旅|游|出差|上班|上学|开会|参加|看|逛|爬|吃|买|办|打|拍|度假|自驾|露营"
                            r"|徒步|滑雪|接|送|机场|车站|火车站|高铁站|那边|那里|外地|外面|哪)[\u4e00-\u9fff]{2,}")


#: A trip's next leg right after a day word (后天去, 周三再到): that day is the leg's.
_NEXT_LEG = re.compile(r"[天日早晚号號]?\s*(?:再|就|又|然后)?(?:去|到|回|飞)")
#: Rule 5h: between the city and the county, a way there or a home (去, 回, 到, 出发, 转车, 在, 家, 问下 …).
_TRIP_OR_HOME = re.compile(r"[去回到往问在家过车人班工住]|出发")
#: Counties named like an everyday word (温泉 a hot spring, 通道 a passage): never read by rule 5h.
_COUNTY_WORDS = frozenset({"温泉", "大方", "同心", "通道", "清水", "兴业", "石门"})


def _place_asked_after(folded: str, m: Mention, gazetteer: Gazetteer) -> bool:
    """Rule 5h: after the only city, not asked itself (no date, weather word or 呢 right after it), a county of the
    mainland (datasets/counties.tsv) starts a phrase of its own and is asked about (a date or a weather word right
    after it): the weather is asked there, no city (高铁到岳阳东再打车去平江 平江明天冷不; 在吉首读书 周末想回龙山 龙山
    冷不冷). Not a county written right after its city or a correction to it (桂林 呃 阳朔, 运城平陆 … 平陆明天), nor
    a sight or district (西安 那个 大雁塔那边 今儿下午: the city's)."""
    cue = _SHORT_CUE.match(folded, m.end)
    # (明天到桂林 后天去阳朔 阳朔后天…: the day after the city is the next leg's, not the city asked: 215th batch)
    if (cue and not _NEXT_LEG.match(folded, cue.end())) or re.match(r"\s*呢", folded[m.end:]):
        return False
    counties = _county_names()
    city = short_name(m.key)
    for start in range(m.end + 1, len(folded) - 2):
        # (or right after 过了/到了: 成都出发 过了理塘下雪没, 231st batch)
        if not (_phrase_starts(folded, start) or folded[start - 1] == "问"
                or folded[start - 2 : start] in ("过了", "到了")):
            continue
        gap = folded[m.end : start]
        if len(re.sub(r"[\s，,。、呃嗯额哦啊]|那个|不对|不是|说错了", "", gap)) < 2 or not _TRIP_OR_HOME.search(gap):
            continue  # 桂林 呃 阳朔, 龙岩 培田古村 连城: a correction, or places listed, keep the city
        for n in (4, 3, 2):
            name = folded[start : start + n]
            if name in counties and name not in gazetteer.names and name not in _COUNTY_WORDS \
                    and _PLACE_ASKED.match(folded, start + n) \
                    and not re.search(re.escape(city) + r"[市\s]?" + re.escape(name[:2]), folded):
                return True  # (not 在运城平陆县城住 … 平陆明天: the county written with its city gives the city)
    return False


# A town or township written with its suffix right after a trip word (红墩乡, 五夫镇), not a word ending so (家乡).
_TOWN = re.compile(r"(?!家乡|老乡|故乡|他乡|城乡|下乡|回乡|重镇|古镇|小镇)[\u4e00-\u9fff]{1,3}?[镇乡](?![下亲村里])")


#: An island named with its 岛 (南麂岛, 桑给巴尔岛), not 岛 as a word of its own (岛上, 岛内).
_ISLAND = re.compile(r"(?![岛半])[\u4e00-\u9fff]{1,4}?岛(?![上内外民])")
_SET_OFF_THEN = re.compile(r"(?:市)?出发[\s，,、]+")


def _unlisted_island_at(folded: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether an island named with its 岛 starts at ``start`` and no city of the lists starts its name (南麂岛, not
    a 岛 read inside a city's name)."""
    island = _ISLAND.match(folded, start)
    return island is not None and not any(folded[start : start + k] in gazetteer.names
                                          for k in range(2, island.end() - start + 1))

#: A short form (大同, 中山) written right before the first city read, joined to it as a list (和, 或者, 还是, 、).
_LISTED_BEFORE = re.compile(r"\s*(?:和|或者|还是|跟|与|、)\s*$")


def _short_form_listed_before(question: str, first: Mention, gazetteer: Gazetteer) -> Mention | None:
    """Rule 5d with rule 6b: a city read only with 市 typed short, at a phrase's start, listed right before the first
    city read (``大同和太原 3月17号 哪个冷``, ``中山或者珠海``): the two are asked together, and the short form, named
    first, is the answer (117th-132nd hand-written batches). None where no such short form stands there."""
    folded = gazetteer.fold(question)
    gap = _LISTED_BEFORE.search(folded, 0, first.start)
    spaced = re.search(r"\s+$", folded[: first.start])
    if gap is None and spaced and _spaced_list_goes_on(folded, first.end, gazetteer):
        gap = spaced  # 安康 安庆 安阳 下雪了吗, 安康 安阳 都…: a row apart by spaces (186th hand-written batch)
    if gap is None:
        return None
    end = gap.start()
    for start in range(max(0, end - gazetteer.max_len), end - 1):  # the longest first
        short = folded[start:end]
        if short in gazetteer.short_forms and short not in gazetteer.blockers and _phrase_starts(folded, start):
            return Mention(start, end, question[start:end], short)
    return None

def _spaced_list_goes_on(folded: str, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the city ending at ``end`` is followed by 都 or a comparison (asked together), or by a space and
    another city of the gazetteer: the city is inside a list typed apart by spaces."""
    if _ALL_OF.match(folded, end) or _WHICH.match(folded, end):
        return True  # 中山 珠海 哪个热
    gap = re.match(r"\s+", folded[end:])
    return gap is not None and name_at(folded, end + gap.end(), gazetteer, gazetteer.names) is not None


#: A trip's next stop right after a city (→, ->, 到, 再到, 然后去, 飞).
_NEXT_STOP = re.compile(r"\s*(?:" + _ARROW + r"|[-—–](?=[\u4e00-\u9fff])"  # 成都-康定-理塘 (117th-124th batches)
                        r"|[，,\s]*(?:再|然后|又)?(?:直接)?(?:到|去|飞))\s*")
#: A county named with 县 that the lists may lack (塔县, 稻城县).
_ANY_COUNTY = re.compile(r"[\u4e00-\u9fff]{1,3}?县")


def _itinerary_ends_at_place(folded: str, last: Mention, gazetteer: Gazetteer) -> bool:
    """Rule 5e for several cities: the last city named is a stop of a trip whose next stop, right after it, is a
    known place that is no city (a sight, a county, a town: 昆明→大理→丽江→泸沽湖, 乌鲁木齐飞喀什 再到塔县), and
    that place is named again after it, where its weather is asked (…泸沽湖会很冷吗, 塔县晚上多冷): no city."""
    step = _NEXT_STOP.match(folded, last.end)
    if step is None:
        return False
    start = step.end()
    name = name_at(folded, start, gazetteer, _trip_places(), gazetteer.blockers)
    if name is None:
        town = _TOWN.match(folded, start) or _ANY_COUNTY.match(folded, start)
        name = town.group(0) if town else None
    if name is None or name in gazetteer.names:
        return False
    return folded.find(name[:2], start + len(name)) >= 0

# Rule 5g: the only city is where the writer works, lives or sets off (在郴州上班, 从株洲开车回…), never asked itself,
# and the question is about the home (老家) named by a place that is no city: 在郴州上班 老家江永的 想问下江永…;
# 从株洲开车回衡东老家; 老家武乡的 在晋城打工 想问问老家那边 (WILD.md: 老家 + city asks that city; a county asks none).
_HOME_ASKED = re.compile(r"(?:是|在|就在|就是)?\s*(?:那边|那儿|那里|那旮|那块|那头)")
_HOME_NOT_NAME = re.compile(r"[那这的呢话人也都就了吗啊过回有要想去在是还和跟我你他她俺咱今明后昨前这每]"
                            r"|上(?:周|个|礼拜|星期|午|面|边|次|回)|下(?:周|个|礼拜|星期|午|面|边|次|回|雨|雪)")
_HOME_BEFORE = re.compile(r"回\s*([\u4e00-\u9fff]{2,4})\s*$")
_HOME_NOT_BEFORE = ("自己", "咱们", "我们", "俺们", "他们", "她们", "咱", "俺")
_AWAY_AT = re.compile(r"(?:在|从)" + _GAP + r"$")
# Xiang 屋里在茶陵: home (265th-272nd sittings); Sichuan 屋头在德昌 (329th-336th)
_HOME = re.compile("老家|屋里(?=在|是)|屋头(?=在|是)")


def _home_named(folded: str) -> bool:
    """The question names the writer's home (老家) by a place, or asks about the home itself (老家那边)."""
    for home in _HOME.finditer(folded):
        after = re.sub(r"^(?:是|在|就在|就是)?\s*", "", folded[home.end():])
        if _HOME_ASKED.match(folded, home.end()):
            return True
        if re.match(r"[\u4e00-\u9fff]{2}", after) and not (_HOME_NOT_NAME.match(after) or _WEATHER.match(after)
                                                           or _SHORT_CUE.match(after)):
            return True  # 老家江永的, 老家是蒙城的, 老家 扶沟
        before = _HOME_BEFORE.search(folded, 0, home.start())
        if before and not before.group(1).startswith(("到", "趟", "了", "去")) \
                and not before.group(1).startswith(_HOME_NOT_BEFORE):
            return True  # 回衡东老家, 回花垣老家
    return False


def _away_from_named_home(folded: str, m: Mention) -> bool:
    """Rule 5g: the only city is where the writer is or sets off from, not asked itself (no date, weather word or
    呢 right after it), and the home (老家) asked about is a place that is no city."""
    if not _HOME.search(folded) or not _AWAY_AT.search(folded, 0, m.start):
        return False
    if _SHORT_CUE.match(folded, m.end) or re.match(r"\s*呢", folded[m.end:]):
        return False  # 在郑州明天下雪吗: the city is asked
    if re.match(r"\s*的?老家", folded[m.end:]) \
            or re.search(r"(?:老家|屋里|屋头)\s*(?:是|在|就在|就是)?\s*$", folded[: m.start]):
        return False  # 老家在信阳, 衡阳老家: the city is the home
    return _home_named(folded)


# A weather word may sit before the conjunction: 武汉热还是长沙热 asks about both, like 武汉还是长沙; so may a
# judgement (三亚好还是海口好: 45th-48th hand-written batches)
# 遵义明天跟贵阳比 (369th-376th sittings)
_AND = re.compile(rf"^[\s？?」』”]*的?(?:{_WEATHER.pattern}|[春夏秋冬]天|今天|明天|后天"
                  r"|(?:更|比较)?(?:好|合适)|感觉|觉得)?\s*"  # 哈尔滨感觉没有北京冷 (45th-52nd batches)
                  # 同: the Cantonese "and" (珠海同澳門: 105th sitting); 搭: the Wu one (常州搭镇江: 269th-276th)
                  # 还有: 查一下苏州 还有无锡 (361st-368th sittings); 定: the Cantonese "or" (香港定澳门: 31st round)
                  # 一个在天津一个在石家庄 (57th-60th hand-written batches)
                  # 佮: the Minnan one (台中佮彰化: 40th round of batches)
                  # 还系: the Cantonese "or" (惠州 还系 河源: 41st round of batches)
                  r"(?:和|与|跟|及|同|搭仔|搭|佮|还有|(?:还是|还系|或者|或|定)(?:去|到)?|(?:会|要)?比|没有|一个在|、|,|，|/|and|or|vs\.?|VS\.?"
                  r"|(?:[A-Za-z]+er|more\s+[A-Za-z]+)\s+than"  # is 成都 colder than 重庆 (79th sitting)
                  # list markers: 1.苏州 2.无锡, • 郑州 • 开封
                  r"|\d{1,2}\s*[.、)）]|[（(]\d{1,2}[)）]|[①-⑩⒈-⒑•·]|(?<=\n)[-*+]"  # - 株洲 (a new line's bullet)
                  # 「珠海」还是「澳门」, 珠海？还是澳门？: quotes and question marks around (101st-116th batches)
                  # 临沧、普洱、西双版纳: a name no list reads as a city, between
                  r"|、[\u4e00-\u9fff]{2,4}、)[\s「『“]*$")
#: Only a written date or range before two cities (3月20日—3月25日 大理 丽江; 八月二十号 拉萨 林芝: 50th round).
_DATE_ONLY = re.compile(r"[\d〇零一二两三四五六七八九十廿\s月日号號./\-—–~～至到]*")
# 泰州 台州 6月3号 哪个会下雨: a comparison later in the question also makes two cities side by side a list.
#: A written date right after the second of two cities apart by a space (大阪 京都 2027年4月2号): a list, asked
#: together.
_DATE_AFTER = re.compile(r"\s+(?:(?:\d{2,4}\s*年\s*)?[\d〇零一二两三四五六七八九十]{1,3}\s*(?:月|/|\.)\s*"
                         r"[\d〇零一二两三四五六七八九十]{1,3}"
                         # or a day word (佛山 广州 明后天 有雷雨吗: 158th sitting)
                         # or a span of days (贵阳 六盘水 这两天: 369th-376th sittings)
                         # or a festival, a week's day with 个, then 那天 or 都 too (苏州 无锡 国庆那天, 首尔 釜山
                         # 下个礼拜六, 洛阳 开封 周六都要跑: 157th-164th hand-written batches)
                         r"|(?:今明两天|明后天|今天|明天|后天|大后天|这周末|周末|这两天|这几天|元旦|国庆节?|五一|中秋节?|春节"
                         r"|(?:这|下)?个?(?:周|星期|礼拜)[一二三四五六日天])(?=\s|那天|当天|都))")
# 曼谷 清迈 春节 哪里更暖和 (110th sitting); Cantonese 香港 澳門 聽日邊度涼啲 (153rd hand-written batch)
_COMPARED = re.compile(r"哪个|哪边|比较|对比|相比|哪里更|哪儿更|哪更|邊度|边度|温差"  # 沈阳 大连 温差 (159th)
                       # 广州 深圳 明天谁更热, 乌鲁木齐 拉萨 紫外线谁强 (43rd round of batches)
                       r"|谁(?=更|最|比较|[强弱高低大小多少冷热暖凉干湿])"
                       # 伊斯兰堡 拉合尔 明天哪里有雨 (49th round of batches)
                       r"|哪[里儿](?=有|会|下|最|[冷热暖凉])")
#: A correction's last word before the name corrected to: 是 (not 不是, a denial: 廊坊 不是燕郊; not 还是) or 改成.
_CORRECTED_TO = re.compile(r"(?:(?<![不还])是|改成)\s*$")
#: A day word at the end of a question, after the weather asked (珠海 澳门 天气 明天).
_TAIL_DAY = re.compile(r"\s+(?:今天|明天|后天|大后天|这周末|周末)\s*$")
#: A comparison said right before two cities apart by a space (对比 沈阳 大连 一周天气: 50th round of batches).
# (比较一下明天温度：北京 上海: a few words and a colon between, 55th round)
_COMPARED_BEFORE = re.compile(r"(?:对比|比较|比一比|比一下)(?:一下|[一下])?\s*"
                              r"(?:[^\s，,。？?！!:：]{1,8}[:：])?\s*[:：]?\s*$")
#: Two cities apart by a space, then 都 (成都 重庆 都 下雨吗, 安康 安阳 都 下雪了吗: 186th hand-written batch): asked
#: together.
_ALL_OF = re.compile(r"\s*都(?=\s|[下会冷热是有要在很能挺])")
# Two cities side by side, nothing between them but spaces, then a comparison (满洲里 二连浩特 哪个冷): asked together.
_WHICH = re.compile(r"\s*(?:哪个|哪边|哪里|哪儿|哪|谁|比较|对比|相比|邊度|边度)")


#: Rule 5h: what asks about a place right after its name (平江明天冷不, 渠县那边过两天冷不冷, 溆浦后天么子天).
_PLACE_ASKED = re.compile(r"(?:那边|那里|那儿|这边|县城|县里)?\s?(?:明个|后个|么子天|啥天|咋样|怎么样|"
                          + _SHORT_CUE.pattern + ")")


#: A clause's run of words up to its break, its question marks kept (rules 6g, 6c's places followed up last; not
#: :data:`_CLAUSE_RUN`, which drops them and breaks at ~ too).
_CLAUSE_WITH_MARK = re.compile(r"[^\s，,。；;！!？?]+[！!？?]*")
#: A clause that asks (a question word, a weather word, 那天).
_ASKING = re.compile(QUESTION.pattern + "|" + _WEATHER.pattern + r"|那天|当天")


#: The characters a date may open a clause with (明天, 下周六, 7月10号): only there is :func:`_date_lead` asked.
_DATE_OPENERS = frozenset("今明后大这下本上周星礼0123456789一二三四五六七八九十")
#: A name right after it that is no day (南京 不对 是明天: what opens a date, :data:`_DATE_OPENERS`, or a day word,
#: a festival), no description (北海 … 是广西的) and no part of the city (不是问景区，是市里).
_UNLISTED_NAME = re.compile("(?![" + "".join(sorted(_DATE_OPENERS | set("昨前每〇零两初元国中端清春除"))) + "])"
                            r"(?![\u4e00-\u9fff]{2,3}的|市里|市区|城里|城区)[\u4e00-\u9fff]{2,5}")


def _date_lead(clause: str) -> int:
    """How many characters of ``clause`` a date opening it takes (明天, 周六, 7月10号: the date rule's words, and the
    spaces after them); 0 where none opens it."""
    found = date_mentions(clause)
    words = found[0][0] if found else ""
    if not words or not clause.startswith(words):
        return 0
    return len(words) + len(clause[len(words) :]) - len(clause[len(words) :].lstrip())


def _place_asked_again(question: str, mentions: list[Mention], gazetteer: Gazetteer) -> str | None:
    """Rule 6g: the known place that is no city (a county, a sight, a district) opening the last asking clause (or
    the last clause, a day right after the place), that the trip before it reaches too, or None
    (从长沙坐火车去怀化 再转车去芷江 芷江明天, 贵阳→荔波→黔东南 荔波周五天气, 第2天 重庆→武隆 … 武隆那天有雾吗: 43rd
    round of batches): that place is asked, no city."""
    if not mentions:
        return None
    folded = gazetteer.fold(question)
    clauses = list(_CLAUSE_WITH_MARK.finditer(folded))
    asking = [c for c in clauses if _ASKING.search(c.group(0))]
    for clause in ([asking[-1]] if asking else []) + clauses[-1:]:
        # (…直接去乌镇 明天乌镇下雨吗: a day word before the place, 46th round of batches)
        start = clause.start()
        if start < mentions[-1].end:
            continue  # a city named in the clause or after it
        if clause.group(0)[0] in _DATE_OPENERS:
            start += _date_lead(clause.group(0))
        name = name_at(folded, start, gazetteer, gazetteer.blockers, _county_names())
        first = folded.find(name) if name else -1
        if name is None or first >= start or not (clause in asking or _SHORT_CUE.match(folded, start + len(name))):
            continue
        if any(m.text == name for m in mentions):
            continue  # a city's own name
        if any(m.end <= first and re.fullmatch(r"市?\s?", folded[m.end : first]) for m in mentions):
            return None  # 宁波象山石浦 … 象山周末浪高吗, 南京江宁区 江宁明天: a place written after its city, that city
        return name
    return None


def locate_city(question: str, gazetteer: Gazetteer | None = None,
                mentions: list[Mention] | None = None) -> Mention | None:
    """The weather city of a question and where it is written (rules 1-6), or None; ``mentions``: the question's
    :func:`find_mentions`, when the caller has them already."""
    gazetteer = gazetteer or default_gazetteer()
    mentions = find_mentions(question, gazetteer) if mentions is None else mentions
    return _city_and_place(question, gazetteer, mentions)[0]


def _city_and_place(question: str, gazetteer: Gazetteer, mentions: list[Mention]) -> tuple[Mention | None, str | None]:
    """The weather city (rules 1-6) and, where there is none, the place asked instead (rule 6g), read once."""
    found = _locate_city(question, gazetteer, mentions)
    place = _place_asked_again(question, mentions, gazetteer)
    if found is not None and (place is None or found.text == place):
        return found, None
    return None, place  # (去都江堰，都江堰…: the place read as a city gives way to it)


def _locate_city(question: str, gazetteer: Gazetteer, mentions: list[Mention]) -> Mention | None:
    from sft.cities import short_name

    if not mentions:
        # Rule 5b: no city in Chinese characters: a city written in Latin letters, as written (shenzhen, Xi'an);
        # of several, the one the English asks about (from Osaka to Kyoto; Leaving Shenzhen for Hong Kong)
        match = _latin_city(question, gazetteer)
        if match and _EN_EXCEPT.search(question, 0, match.start):
            return None  # except Shanghai, which city…: the one city named is left out (101st-116th batches)
        if match:
            return match
        return find_city_not_written_whole(question, gazetteer)  # rules 5d, then 5c
    listed = _short_form_listed_before(question, mentions[0], gazetteer)
    if listed is not None:
        return listed  # 大同和太原 3月17号 哪个冷: a short form listed with a city, asked together: the first
    ahead = short_form_after(question, gazetteer, mentions[-1]) if len(mentions) > 1 else None
    if ahead is not None and gazetteer.fold(question).find(ahead.key, ahead.end) >= 0:
        return ahead  # 北京→张家口→大同 大同那几天: a short form the trip goes on to, asked again (46th round)
    if len(mentions) > 1 and len({short_name(x.key) for x in mentions}) == 1:
        text = gazetteer.fold(question)
        denied = _denied_then(text, mentions[-1])
        if denied and place_at(text, denied.end(), gazetteer):
            return None  # 看看杭州后天…算了不是杭州，是千岛湖那边: the one city named again and denied (52nd round)
    if len(mentions) == 1:
        m, text = mentions[0], gazetteer.fold(question)
        if _EXCEPT.search(text, 0, m.start) or (re.search(r"不(?:去|算|包括)\s*$", text[: m.start])
                                                and re.match(r"\s*的话", text[m.end :])) \
                or re.match(r"市?(?:以外|之外)(?!的?(?:郊区|郊县|周边|附近))", text[m.end :]):
            # 除了哈尔滨，东北还有哪里…, 不去乌鲁木齐的话 哪里暖和, 不算昆明的话 (37th-38th rounds of batches), 三亚以外
            # 海南别的地方 (55th round): the one city named is the one left out
            return None
        corrected = short_form_after(question, gazetteer, m)
        if corrected is not None:
            return corrected  # 珠海，改成中山; 不去珠海了 改去中山; 太原到大同 12.15: the short form asked
        fixed = correction_after(text, m.end)
        at = fixed.end() + text.startswith(("去", "到"), fixed.end()) if fixed else 0  # (是去武隆: 58th round)
        if fixed and _CORRECTED_TO.search(text, 0, fixed.end()) and _UNLISTED_NAME.match(text, at) \
                and name_at(text, at, gazetteer, gazetteer.names, gazetteer.short_forms) is None:
            # 坎昆 不对 是图卢姆 下周一, 大连 改成旅顺: corrected to a place the lists lack (57th round of batches)
            return None
        latin = _latin_city(question, gazetteer)
        spelt = romanized_cities().get(latin.text.lower().replace(" ", ""), "") if latin else ""
        if latin and latin.start < m.start and spelt and short_name(spelt) == short_name(m.key) \
                and not text[latin.end : m.start].strip(" ,，/()（）"):
            return latin  # Toronto 多伦多: one city written twice side by side, the first as written (48th sitting)
        if latin and latin.start < m.start and QUESTION.search(text, latin.end, m.start) \
                and re.match(r"\s*呢", text[m.end :]) and not text[: m.start].rstrip().endswith("那"):
            return latin  # Bangkok rain tomorrow? 清迈呢?: questions chained, the first asked (44th round of batches)
        given_up = _GIVEN_UP_CITY.search(text, 0, m.start) is not None  # 没去成镰仓: the Latin city asked
        # 我在 Melbourne 我妈在广州 我这边明天…: the speaker's own side asked, where they are (101st-108th batches)
        mine = latin and _I_AM_AT.search(text[: latin.start].rstrip()) is not None \
            and _MY_SIDE.search(text, m.end) is not None and not _I_AM_AT.search(text, latin.end, m.start)
        if latin and (given_up or _FROM.search(text, 0, m.start) or _writer_is_at(text, m) or mine
                      or (_TO.search(text, 0, latin.start) and not _TO.search(text, 0, m.start))):
            # Paris … flying in from 上海; 伦敦这边 rain again… 下周末去Brighton: the Latin city is asked
            return latin
        if (_ONLY_CITY_DROPPED_BEFORE.search(text, 0, m.start) and re.match(r"\s*了", text[m.end:])
                or _ONLY_CITY_UNCHECKED_BEFORE.search(text, 0, m.start)
                or _ONLY_CITY_DROPPED_AFTER.match(text, m.end)) and not _IF.search(text):
            return None  # 哈尔滨不去了 票退了 不用查了, 不去曼谷了: the only city given up, none asked (WILD.md)
        if _corrected_to_place(text, m.end, gazetteer) or _followed_up_to_place(text, m.end, gazetteer) \
                or _place_followed_up_last(text, m.end, gazetteer):
            return None  # 哈尔滨不对中山陵, 成都冷吗 那九寨沟呢: corrected or followed up to a place that is no city
        denied = _denied_then(text, m)
        if denied and place_at(text, denied.end(), gazetteer):
            return None  # 纠正一下 不是曼谷 是普吉岛: the city denied, a place that is no city asked (206th batch)
        short = name_at(text, denied.end(), gazetteer, gazetteer.short_forms) if denied else None
        if short is not None and short not in gazetteer.blockers:  # 要的不是肇庆 是中山的: a city read only with 市,
            at = denied.end()  # typed short, asked instead (46th round of batches)
            return Mention(at, at + len(short), question[at : at + len(short)], short)
        asked = _short_asked_after(text, m.end, gazetteer)
        if asked is not None:  # 刚才那个是珠海的，我要问的是中山: a city read only with 市, typed short, asked after
            at, short = asked  # (49th round)
            return Mention(at, at + len(short), question[at : at + len(short)], short)
        if _COMPARED_WITH.search(text, 0, m.start):
            return None  # 陵川是不是比晋城凉快: A比B asks about A, here no city (289th-296th sittings)
        # 我喺澳門讀書 中山…; 从太原…回大同; not both asked (在珠海上班 住中山 … 两边都下雨么: the first)
        if (_writer_is_at(text, m) or _FROM.search(text, 0, m.start)) and not _BOTH_PLACES.search(text):
            short = find_short_full_name(question, gazetteer)  # read only with 市 asked after it (rule 5d; 118th)
            # (我在悉尼 我妈在达尔文 我这边明天下雨吗: the speaker's own side asked, where they are)
            if short is not None and short.start >= m.end and not _MY_SIDE.search(text, short.end):
                return short
        if (_I_AM_AT.search(text, 0, m.start) or re.search(r"我(?:已经|刚|这边?|这里)?到?$", text[: m.start])) \
                and (_YOUR_SIDE.search(text) or _THEIR_SIDE.search(text, m.end)):
            # 听说你们那边下雪了？我在广州还穿短袖呢: the side asked about is unnamed (53rd sitting);
            # 我在哈尔滨 爷爷奶奶在农村 他们那里…: the other's side, no city
            return None
        if _away_from_named_home(text, m):
            return None  # 在郴州上班 老家江永的 想问下江永…: the home asked is no city (rule 5g)
        if _place_asked_after(text, m, gazetteer):
            return None  # 高铁到岳阳东再打车去平江 平江明天冷不: the county asked is no city (rule 5h)
        if _FERRY_TO.match(text, m.end) or (_FERRY_BEFORE.search(text, 0, m.start) and _DASH_TO.match(text, m.end)):
            return None  # 厦门到金门的船, 船票：厦门-金门: a crossing from the only city to no city, the sea's weather
        if _itinerary_ends_at_place(text, m, gazetteer):
            return None  # 后天到达乌鲁木齐 然后直接去喀纳斯 想问喀纳斯…: the next stop asked again (101st-116th)
        if _ride_from_only_city_to_place(text, m, gazetteer) or _boat_to_place(text, m, gazetteer):
            return None  # 去济州岛 从釜山坐船: a ride from the only city to a place that is no city (rule 5e)
        return None if _origin_of_trip_to_place(text, m, gazetteer) else m
    text = gazetteer.fold(question)  # 天氣 as 天气
    if _EXCEPT.search(text, 0, mentions[0].start) and all(
            re.fullmatch(r"\s*(?:和|、|跟|与|及)\s*", text[a.end : b.start])
            for a, b in itertools.pairwise(mentions)):
        return None  # 除了北京和天津 华北哪个城市…: every city named is left out (61st-76th hand-written batches)
    if _itinerary_ends_at_place(text, mentions[-1], gazetteer):
        return None  # 贵阳到凯里再到镇远古镇 镇远那边…: the trip's last stop, no city, asked again (rule 5e)
    if _HOME_SIDE_ASKED.search(text, mentions[-1].end):
        homes = [m for m in mentions if _HOME_BEFORE_CITY.search(text, max(0, m.start - 6), m.start)]
        if len({short_name(m.key) for m in homes}) == 1:
            return homes[0]  # 老家邵阳 现在在长沙上班 老家那边冷吗: home, named by its city, asked as such
    worded = _stop_asked_by_word(text, mentions)
    if worded is not None:
        return worded  # 第一轮 3月21日 绵阳 第二轮 3月28日 德阳 第二轮那天: the stop its label word names
    marks = _stop_marks(text, mentions)
    if _stops_listed(text, mentions, marks):
        return mentions[0]  # Day1 大阪 Day2 京都, 周三：南充 周四：达州: a pasted plan, nothing asked: the first
    labelled = _stop_asked_by_label(text, mentions, marks)
    if labelled is not None:
        return labelled  # 第一站厦门 第二站泉州 第三站漳州 第二站天气: the stop its label names (199th batch)
    if _chained_follow_ups(text, mentions):
        return mentions[0]  # 香港周五会打风吗 澳门呢, 北海能游泳吗 防城港呢 钦州呢: questions chained, the first asked
    scores = [_score(text, mentions, i) for i in range(len(mentions))]
    # Rule 6b: cities asked together (A和B, A还是B) share the question; the first named is the answer.
    for i in range(len(mentions) - 2, -1, -1):
        same = same_city(mentions[i].key, mentions[i + 1].key)  # 黄山，黄山市: one city
        gap = _without_places(text[mentions[i].end : mentions[i + 1].start], gazetteer)  # 长沙和湖北武汉
        inner = re.fullmatch(r"\s+([\u4e00-\u9fff]{2,3})\s+", gap)
        if inner and inner.group(1) in gazetteer.short_forms:
            gap = " "  # 惠州 中山 江门 明天哪里下雨: a short form inside a row apart by spaces (55th round)
        # a list, asked together: written side by side (广州深圳东莞), or apart by spaces only when compared
        # (A B 哪个暖和) or three or more in a row (天津 石家庄 保定 后天); two apart by a space can be two clauses
        spaced = bool(gap) and (not gap.strip() or re.fullmatch(r"\s*[—–\-~～|｜]{2,}\s*", gap) is not None)
        row = any(0 <= j < len(mentions) - 1 and not text[mentions[j].end : mentions[j + 1].start].strip()
                  for j in (i - 1, i + 1))
        # two alone, or after a written date or range only (3月20日—3月25日 大理 丽江: 167th sitting)
        # (5.20-5.23 大理 丽江 几度: a weather word alone after them asks both, 289th-296th sittings)
        # (珠海 澳门 天气 明天: a day word after the weather word too, 56th round of batches)
        tail = _TAIL_DAY.sub("", text[mentions[1].end :]).strip()
        alone = len(mentions) == 2 and (not tail or (len(tail) <= 4 and _WEATHER.search(tail) is not None)) \
            and _DATE_ONLY.fullmatch(text, 0, mentions[0].start) is not None
        dated = i + 2 == len(mentions) and _DATE_AFTER.match(text, mentions[i + 1].end)  # 大阪 京都 4月2号 (135th)
        listed = not gap or (spaced and (_WHICH.match(text, mentions[i + 1].end) or row or alone or dated  # 合肥 芜湖
                                         or _COMPARED.search(text, mentions[i + 1].end)
                                         or _COMPARED_BEFORE.search(text, 0, mentions[i].start)
                                         or _ALL_OF.match(text, mentions[i + 1].end)))
        # a comma after a trip's destination ends its clause (否则去长沙，桂林国庆天气怎么样): no list
        lead = (mentions[i - 1].end if i else 0, mentions[i].start)  # 我在台北，高雄…: where one is, then a city
        clause = gap.strip() in ("，", ",") and bool(_TO.search(text, *lead) or _AT.search(text, *lead))
        # A比B冷: compared, so asked together (西安明天比宝鸡冷吗: 273rd-280th sittings); A后日同B哪个较热: Cantonese
        # and Hakka 同 (and), a comparison after the pair (59th round of batches)
        compared = re.fullmatch(r"[^，,。；;！!？?]{0,8}比\s*", gap) is not None or (
            re.fullmatch(r"[^，,。；;！!？?\s]{0,4}同\s*", gap) is not None
            and _WHICH.match(text, mentions[i + 1].end) is not None)
        # A凉快还是B凉快, A下雨还是B下雨: one word after each, a choice between them (43rd round of batches)
        word = re.fullmatch(r"\s*([\u4e00-\u9fff]{1,3}?)\s*(?:还是|或者)\s*", gap)
        compared = compared or (word is not None and text.startswith(word.group(1), mentions[i + 1].end))
        if not same and ((_AND.match(gap) and not clause) or listed or compared):
            scores[i] = max(scores[i], scores[i + 1] + 1)
    _question_clause_bonus(text, mentions, scores)
    # Rule 6f: a city named again at the end, after other cities (昆明 大理 丽江 香格里拉 一共十天 香格里拉最后两天…;
    # …圣诞在维也纳，维也纳圣诞节冷吗): the one asked
    last = short_name(mentions[-1].key)
    if sum(short_name(m.key) == last for m in mentions) > 1 and any(short_name(m.key) != last for m in mentions):
        scores[-1] += 4
    both = _BOTH_PLACES.search(text)
    if both:  # 我在重庆 你在上海 今天两边都下雨吗: asked together, the first named
        before = {short_name(m.key) for m in mentions if m.end <= both.start()}
        again = [m for m in mentions if m.start >= both.end() and short_name(m.key) in before]
        if len({short_name(m.key) for m in again}) == 1:
            return again[0]  # 每天深圳香港两头跑 明天香港下雨吗: one of them named again after, and asked (183rd batch)
        return mentions[0]
    yours = _YOUR_SIDE.search(text, mentions[0].end)
    named = yours and next((m for m in mentions if m.start >= yours.end()
                            and re.fullmatch(r"\s*呢?[\s，,]*", text[yours.end() : m.start])), None)
    if named:  # 我这边厦门下好大雨 你那边呢 贵阳: the other side, named right after it, is asked (222nd batch)
        return named
    side = _MY_SIDE.search(text, mentions[-1].end)
    # 我在常德 我哥在张家界 我这边明天下雨吗: the speaker's own side, unless the other's is asked after it
    # (我这边今天巨闷 你那边呢: 45th-48th hand-written batches)
    other = side and (_YOUR_SIDE.search(text, side.end()) or _THEIR_SIDE.search(text, side.end())
                      or _THERE_THEN.search(text, side.end()))  # 我这边晴 那边呢 (191st hand-written batch)
    # (我这儿现在比她那儿冷吗: compared with the other's, the speaker's side is asked: 57th-60th hand-written batches)
    if side and (not other or "比" in text[side.end() : other.start()]):
        # (在厦门上班 老家龙岩 我这边…: where the speaker works, written first: 117th-124th hand-written batches)
        mine = [m for j, m in enumerate(mentions)
                if _I_AM_AT.search(text, mentions[j - 1].end if j else 0, m.start)
                or (j == 0 and _writer_is_at(text, m))]
        if mine and len({short_name(m.key) for m in mine}) == 1:
            return mine[0]
    # (…肇庆周末天气，定系去清远好？: a choice closed by 好, 45th round of batches)
    if (_WHICH_ONE.search(text) or re.search(r"好\s*[？?吗呢啊]?\s*$", text)) \
            and _OR.search(text, mentions[0].end, mentions[1].start) \
            and short_name(mentions[0].key) != short_name(mentions[1].key):
        return mentions[0]  # 这周六去无锡 还是下周六去常州 哪次…; 广州那个还是珠海那个: a choice, the first named
    if _out_and_back(text, mentions):
        return mentions[0]  # 7月10号去长沙 7月14号回武汉 带伞吗: out and back, the trip's destination (223rd batch)
    best = max(range(len(mentions)), key=lambda i: (scores[i], i))  # tie: the one named last
    if best == len(mentions) - 1 and (_corrected_to_place(text, mentions[best].end, gazetteer)
                                      or _followed_up_to_place(text, mentions[best].end, gazetteer)):
        return None
    # one city in two forms side by side and nothing else named (台北 臺北 傻傻分不清 … 後天會冷嗎): the first form
    if all(same_city(m.key, mentions[0].key) for m in mentions) and not text[mentions[0].end : mentions[1].start].strip(
            " \t（）()"):
        return mentions[0]
    return mentions[best]


#: A trip there, then back home (去长沙 … 回武汉, 去趟天津再回北京): the first city after a trip word, the second
#: after 回.
_THERE = re.compile(r"(?:去|到|飞|去趟|去一趟)" + _GAP + r"$")
_BACK = re.compile(r"^[^，,。；;！!？?]{0,12}?(?:再|又|然后|就)?(?:回|返回)(?:到)?" + _GAP + r"$")
#: What after the city gone back to asks about it or its day (回武汉那天, 回北京呢, 回成都的时候).
_BACK_ASKED = re.compile(r"\s*(?:的?(?:那天|当天|那日|时候)|呢|那边|这边|以后|之后|后)")


def _out_and_back(text: str, mentions: list[Mention]) -> bool:
    """Two cities, a trip to the first and back to the second, nothing asked of the second as such: the guide's
    destination of a trip (its first day: 8月16号出发8月20号回来 …)."""
    if len(mentions) != 2 or same_city(mentions[0].key, mentions[1].key):
        return False
    first, second = mentions
    return bool(_THERE.search(text, 0, first.start) and _BACK.match(text[first.end : second.start])
                and not _BACK_ASKED.match(text, second.end))


#: Home asked as such after every city (老家那边冷吗), and home named by a city (老家邵阳, 老家是邵阳的): that city
#: (117th-124th and 133rd-140th hand-written batches).
# 老家下雪没 (199th batch); 老家周末冷不冷 (42nd round of batches)
_HOME_SIDE_ASKED = re.compile(r"老家(?:那边|那儿|那里|那头|那块"
                              r"|(?=(?:这周末|周末|明天|后天|下周|这几天)?(?:[下冷热]|天气)))")
_HOME_BEFORE_CITY = re.compile(r"老家(?:是|在|就在)?\s*$")


#: The one city named is what another place is compared with (陵川是不是比晋城凉快, 山上会不会比十堰市区冷): A比B asks
#: about A (rule 6b), not 对比/相比 (compare these) or 好比 (as if).
_COMPARED_WITH = re.compile(r"(?<![对相好勒])比$")  # 加勒比 (the Caribbean): no comparison
#: A choice between the first two cities (还是, Cantonese 定) that the question asks to make (哪, 邊度).
_OR = re.compile(r"还是|或者|定系|(?<=[\u4e00-\u9fff])定(?=[\u4e00-\u9fff])")  # Cantonese 定系 (45th round)
_WHICH_ONE = re.compile(r"哪|邊度|边度")
#: Two places asked about at once (两边, 两地): the first named (WILD.md, 23rd and 39th sittings).
_BOTH_PLACES = re.compile(r"两边|两地|俩地|两个地方|两个城市|两座城市|两头")  # 大连 沈阳 两个城市 … 哪里 (297th-304th)
#: The listener's side asked about while the speaker says where they are (你们那边下雪了？我在广州…; 你们那下雪没 我这
#: 石家庄…, 182nd sitting): no city.
_YOUR_SIDE = re.compile(r"你们?(?:那边|那儿|那里|那头|那块|那(?=下雪|下雨|冷|热|降温|刮风|天气))")
#: A stop's label right before its city in a pasted plan (Day1, D2, 第三站, 第2天, 周四：).
_STOP_LABEL = re.compile(r"(?i:day)\s*\d{1,2}|(?<![A-Za-z])D\d{1,2}|第[一二三四五六七八九十\d]{1,2}[天站]"
                         r"|(?:周|星期|礼拜)[一二三四五六日天]")
#: ... or a date (10.2上海 10.4南京: 199th hand-written batch), right before the stop.
_STOP_MARK = re.compile(r"(?:" + _STOP_LABEL.pattern + r"|(?<![\d.])\d{1,2}[./]\d{1,2}|\d{1,2}月\d{1,2}[日号])"
                        r"\s*[:：]?\s*$")


def _stop_marks(text: str, mentions: list[Mention]) -> list[re.Match | None]:
    """Each city's stop label (:data:`_STOP_MARK`) between it and the city before it, or None."""
    return [_STOP_MARK.search(text, mentions[i - 1].end if i else 0, m.start) for i, m in enumerate(mentions)]


def _stops_listed(text: str, mentions: list[Mention], marks: list[re.Match | None]) -> bool:
    """Whether every city is a stop of a pasted plan, labelled right before it (``Day1 大阪 Day2 京都``, ``第一站 敦煌
    第二站 张掖``, ``周三：南充 周四：达州``), each named once: a plan pasted with no stop asked about (the first,
    as cities asked together; 190th hand-written batch)."""
    keys = [short_name(m.key) for m in mentions]
    if len(set(keys)) < 2 or len(set(keys)) != len(keys) or _STOP_LABEL.search(text, mentions[-1].end) \
            or re.search(r"最后|那站|终点", text[mentions[-1].end :]):
        return False  # (… 周四保定 周四天气咋样, … D3 峨眉 第二天天气, … 最后那站天气: a stop asked after the plan)
    return all(marks)


def _stop_asked_by_label(text: str, mentions: list[Mention], marks: list[re.Match | None]) -> Mention | None:
    """The stop of a pasted plan whose label (``第二站``, ``Day2``, ``周四``) the question repeats after the plan, once,
    as written before that stop alone; None where no label is repeated so."""
    if len(mentions) < 2 or not all(marks):
        return None
    words = ["".join(mark.group(0).split()).rstrip(":：").lower() for mark in marks]
    asked = {"".join(t.group(0).split()).lower() for t in _STOP_LABEL.finditer(text, mentions[-1].end)}
    hits = [m for m, w in zip(mentions, words, strict=True) if w in asked and words.count(w) == 1]
    return hits[0] if len(hits) == 1 and len(asked) == 1 else None


#: A day asked by the word that labels it (第二轮那天, 面试那天): the word, up to four characters, right before 那天.
_LABEL_ASKED = re.compile(r"(?P<w>[\u4e00-\u9fff]{2,4})(?:那天|当天|那日)")
_LABELLED_DAY = (r"\s*[:：]?\s*(?:\d{1,2}[./]\d{1,2}|\d{1,2}月\d{1,2}[日号]|(?:周|星期|礼拜)[一二三四五六日天])?"
                 r"\s*[:：]?\s*$")


def _stop_asked_by_word(text: str, mentions: list[Mention]) -> Mention | None:
    """The stop of a schedule whose own label word (a round, an exam, an event: ``第一轮 3月21日 绵阳 第二轮 3月28日
    德阳``, ``笔试 3月1日 北京 面试 3月8日 上海``) the question asks after the schedule with 那天 (``第二轮那天``): the
    one city written right after that word and its day; None where no such word names exactly one (43rd round of
    batches)."""
    if len(mentions) < 2:
        return None
    for match in _LABEL_ASKED.finditer(text, mentions[-1].end):
        word = match["w"]
        for k in range(len(word), 1, -1):
            pattern = re.compile(re.escape(word[-k:]) + _LABELLED_DAY)
            hits = [m for i, m in enumerate(mentions) if pattern.search(text, mentions[i - 1].end if i else 0, m.start)]
            if len(hits) == 1 and len({short_name(m.key) for m in mentions}) > 1:
                return hits[0]
    return None


#: The other side asked after the speaker's own, no one named (我在昆明 明天飞去海口 我这边晴 那边呢).
_THERE_THEN = re.compile(r"(?<![你他她我这们])那边\s*呢")
#: A third person's side asked after the speaker's city (我在金华 我爸在磐安 他那边…): the other's place.
_THEIR_SIDE = re.compile(r"[他她](?:们)?(?:那边|那儿|那里|那头|那块)")
def _corrected_to_place(folded: str, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the city ending at ``end`` is corrected to a known place that is no city (its weather is asked): a
    place of the gazetteer's blockers or a county (张家口 额 不是 是张北: 273rd-280th sittings), right after the city
    or after a few words of its clause (南京天气 不对 是中山陵)."""
    match = correction_after(folded, end)
    if match is None:
        return False
    whole = re.match(r"整个|全", folded[match.end() :])  # 哦不对 我想问的是整个河北 (43rd round of batches)
    return place_at(folded, match.end() + (whole.end() if whole else 0), gazetteer)


#: A follow-up after the last city's clause (成都冷吗 那X呢; 那X明天呢): where X, a place that is no city, is asked.
# (not without 那: 重庆热吗 武隆呢 chains two questions, the first asked, as 北京明天冷吗？上海呢？; tried for
# 桂林这周末要带伞吗 阳朔呢 in the 213th-228th batches, undone in the 237th-244th)
# (重庆热吗那武隆呢: the question closed by 吗 with no mark after it, 46th round of batches)
_THAT_ONE_THEN = re.compile(r"[^，,。！!？?；;\s]{0,12}?(?:[，,。！!？?；;\s]+|(?<=吗))那\s*(?=\S{2,14}?呢)")


def _followed_up_to_place(folded: str, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the city ending at ``end`` is followed by ``那X呢`` with X a known place that is no city (a sight, a
    county, a province of the gazetteer's blockers): X is asked, as ``那Y呢`` with Y a city asks Y (rule 6c)."""
    match = _THAT_ONE_THEN.match(folded, end)
    return match is not None and place_at(folded, match.end(), gazetteer)


def _place_followed_up_last(folded: str, end: int, gazetteer: Gazetteer) -> bool:
    """Whether the last clause, after the city ending at ``end`` and its own clause, follows up to a known place that
    is no city (``周六去桂林玩，你说会下雨，那阳朔呢``; ``厦门的我看过了 鼓浪屿呢``: 45th round of batches): with 那, or
    with nothing asked before it (``重庆热吗 武隆呢`` chains two questions: the first)."""
    clauses = list(_CLAUSE_WITH_MARK.finditer(folded))
    last = clauses[-1] if clauses else None
    if last is None or last.start() <= end or not re.search(r"呢[！!？?]*$", last.group(0)):
        return False
    that = re.match(r"那\s*", last.group(0))
    if (that is None and QUESTION.search(folded, end, last.start())) or _TURN.search(folded):
        return False  # (Q：桂林周六下雨吗 A：有中雨 那阳朔呢: a dialogue's turn, the city written: WILD.md)
    return place_at(folded, last.start() + (that.end() if that else 0), gazetteer)


def _without_places(gap: str, gazetteer: Gazetteer) -> str:
    """``gap`` without the names of non-city places in it (a province before the second city: 和湖北武汉) and
    without emoji (🐼成都 vs 🔥重庆)."""
    gap = EMOJI.sub("", gap)
    for name in sorted((b for b in gazetteer.blockers if b in gap), key=len, reverse=True):
        gap = gap.replace(name, "")
    return gap


#: A quoted exchange or a correction before a mention: its question follows an answer (Q: … A: … Q: 那咸阳呢).
_FOLLOW_UP = re.compile(r"A[:：]|答[:：]|不对|算了|其实|应该是|我说的是|我问的是|换成|改成")
#: Where a mention's clause ends (rule 6e).
_CLAUSE_BREAK = re.compile(r"[，,。！!？?；;\s]")


#: Where the first city's sentence ends, for rule 6c's chained questions (a question mark belongs to the sentence).
_SENTENCE_END = re.compile(r"[。！!；;\n]")


def _chained_follow_ups(text: str, mentions: list[Mention]) -> bool:
    """Rule 6c: the first city's clause asks and every later city is only followed by 呢, without 那 (Cantonese 咁)
    before it and with no turn, correction or date of its own (香港周五会打风吗 澳门呢; 北海能游泳吗 防城港呢 钦州呢):
    questions chained in one message, the first asked (WILD.md: 北京冷吗？上海呢？; 293rd-300th sittings)."""
    # (not a reply after a question: 你那边下雪了吗 ——我这边嘉兴就飘了几片。你们合肥呢, the other's side asked)
    if len(mentions) < 2 or _TURN.search(text) or _FOLLOW_UP.search(text) \
            or QUESTION.search(text, 0, mentions[0].start):
        return False
    stop = _SENTENCE_END.search(text, mentions[0].end, mentions[1].start)
    first = text[mentions[0].end : stop.start() if stop else mentions[1].start]
    if not (QUESTION.search(first) or first.rstrip().endswith("吧")):  # (三亚元旦挺暖和的吧 海口呢: 58th round)
        return False
    asked = first.strip(" ，,。？?！!")
    for i in range(1, len(mentions)):
        end = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        before = text[mentions[i - 1].end : mentions[i].start]
        # (the last one's 呢 may have a clause of its own after it, naming no city: 三亚热不热 海口呢 要带防晒霜吗,
        # 57th round of batches; a later one asked the very same words as the first: 苏州冷不冷 无锡冷不冷 常州呢, 58th)
        own = text[mentions[i].end : end].strip(" ，,。？?！!")
        chained = re.fullmatch(r"\s*呢[\s？?。，,！!]*", text[mentions[i].end : end]) or (
            i + 1 == len(mentions) and re.match(r"\s*呢[\s？?。，,！!]+", text[mentions[i].end :])) or (
            i + 1 < len(mentions) and own and own == asked)
        if not chained \
                or re.search(r"[那你咁]\S{0,2}$", before) or short_name(mentions[i].key) == short_name(mentions[0].key):
            return False
    return True


def _question_clause_bonus(text: str, mentions: list[Mention], scores: list[int]) -> None:
    """Rule 6e: the clause after one city's mentions asks (吗, 会不会, 冷不冷, ？) and every other mention's states
    (看到新闻说北京下冰雹了，天津今天会不会也下; 在奥克兰待久了怕冷 跨年夜广州冷不冷): +4 to the asking mention, as
    much as a correction."""
    asks, ended = [], []
    for i, m in enumerate(mentions):
        stop = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        brk = _CLAUSE_BREAK.search(text, m.end, stop)
        clause = text[m.end : brk.start() + 1 if brk and brk.group(0) in "？?" else (brk.start() if brk else stop)]
        asks.append(bool(QUESTION.search(clause)))
        # a statement says something: 北京，上海天气怎么样 and 深圳 和 香港… are lists, not a statement and a question
        ended.append((brk is not None or i + 1 == len(mentions)) and len(clause.strip()) >= 2)
    cities = {short_name(m.key) for m, a in zip(mentions, asks, strict=True) if a}
    # a city corrected to after the asking one (儋州最近天气咋样 打错了 赣州): the correction decides (rule 6c)
    first_ask = asks.index(True) if True in asks else len(mentions)
    corrected = any(_ASKED_CITY.search(text, mentions[i - 1].end, mentions[i].start)
                    for i in range(first_ask + 1, len(mentions)))
    # the asking clause sets off from its city to a destination named before (去上海看病，…从苏州开车过去会不会遇到大雨:
    # 44th round of batches): no bonus, the trip's destination by the scores
    starts = [mentions[i - 1].end if i else 0 for i in range(len(mentions))]
    pairs = list(enumerate(zip(mentions, asks, strict=True)))
    sets_off = any(a and _FROM.search(text, starts[i], m.start) for i, (m, a) in pairs)
    to_other = any(not a and _TO.search(text, starts[i], m.start) for i, (m, a) in pairs)
    # only between clauses: a stating mention's clause ends before the next mention (A和B哪个冷 is one clause)
    if len(cities) == 1 and not all(asks) and all(e for e, a in zip(ended, asks, strict=True) if not a) \
            and not corrected and not (sets_off and to_other):
        for i, ask in enumerate(asks):
            if ask:  # that mention: its form is the one asked (深圳市全市…。现在深圳还在下吗 → 深圳)
                scores[i] += 4
    elif (len(cities) > 1 and all(asks) and all(ended)
          and not any(_FOLLOW_UP.search(text, 0, m.start) for m in mentions)):
        # two questions in one message, each with its own city (兰州现在多少度 天水明天会下雨吗): the first is answered
        scores[0] += 8


def find_city(question: str, gazetteer: Gazetteer | None = None) -> str | None:
    """The weather city of a question, as written, or None (rules 1-6)."""
    found = locate_city(question, gazetteer)
    return found.text if found else None


#: Today named (今天, 今儿个, 今日, Cantonese 今日, Hakka 今晡日): where a past day written by the city gives way to it.
_TODAY_WORD = re.compile(r"今[天日儿个早晚]|今晡日|今黑夜")


def _past_by_city_then_today(question: str, near: str | None, date: str | None, today) -> bool:
    """Whether today (or one of the next three days) is asked though the day written by the city (``near``) is
    yesterday or the day before: the resolver read that day from the whole question (``date``), and no question
    closes about the past before today is named (昨天焦作下了多少雨 今天还能…, 酒泉夜来刮了一天风 今儿个还刮不: today;
    昨天沈阳下雪了吗 今天抚顺呢: the past)."""
    today = as_date(today)
    # (or a day of the next three: 揭阳昨晡日落了成日水，天光日还会落么, 37th round of batches; not a week on:
    # 预报说周六晴 … 合肥这周六的预报谁做的, the past Saturday's)
    if today is None or near is None or len(near) != 10 or date is None or len(date) != 10 \
            or not 0 <= (dt.date.fromisoformat(date) - today).days <= 3:
        return False
    named = _TODAY_WORD.search(question)
    return (1 <= (today - dt.date.fromisoformat(near)).days <= 2
            and not PAST_ASKED.search(question, 0, named.start() if named else len(question)))


def extract_one(question: object, gazetteer: Gazetteer | None = None, today=None, quotes: bool = True) -> str:
    """One canonical answer line; null for a non-string (rule 7). ``today`` resolves relative dates.

    Rule 8: the date is read with the chosen city blanked out, so no date word is read across the city's
    edge: ``乐清明天`` is 乐清 + 明天 (not 清明), ``过两天昆明天气`` is 过两天 (vague; not the 明天 of 昆明天气),
    ``25号台州`` is the 25th (not a platform number), ``下周三亚`` is 下周 + 三亚. ``quotes``: a message quoted in the
    question is read apart first (:data:`sft.task.QUOTED_MESSAGE`); False for that reading's own fallback."""
    if not isinstance(question, str) or not question.strip():
        return _NULL
    # a title in 《》 names a work, not a place or a day (循环了一晚上《成都》, 《赛博朋克2077》), and an @handle is
    # decoration (@成都发布, WILD.md, 25th and 30th sittings): hidden, same length
    question = _TITLE.sub(lambda m: "《" + "＊" * (len(m.group(0)) - 2) + "》", question)
    question = _HANDLE.sub(lambda m: "@" + "＊" * (len(m.group(0)) - 1), question)
    # classical 翌日 with no day named before it counts from none: the day after today, 明日 (翌日洛阳晴雨若何, 敢问杭州
    # 翌日晴雨若何: 55th and 59th rounds of batches)
    next_day = question.find("翌日")
    if next_day >= 0 and not re.search(r"[\d日号號天周]|星期|礼拜|禮拜", question[:next_day]):
        question = f"{question[:next_day]}明日{question[next_day + 2 :]}"
    url_free = _URL.sub(lambda m: "＊" * len(m.group(0)), question)
    if url_free != question:
        answer = extract_one(url_free, gazetteer, today)
        if json.loads(answer)["city"] is not None:
            return answer
        # a city named only in the web address (www.tianqi.com/xiamen/ 明天的准吗): read with it (WILD.md)
    # no blanket except: a bug here must fail loudly, not show up as lower accuracy
    gazetteer = gazetteer or default_gazetteer()
    unquoted = QUOTED_MESSAGE.sub(lambda m: "＊" * len(m.group(0)), question) if quotes else question
    if unquoted != question and unquoted.strip("＊ ，,。:：") and find_mentions(unquoted, gazetteer):
        # 「大连市气象台…发布大风预警」大连明天还能出海吗, 转给你看 ‘…6月9日-10日荆州有冰雹’ 那我们6月10号去荆州: a
        # message quoted is what was read, the words outside it ask (55th round of batches); they name a city themselves
        answer = json.loads(extract_one(unquoted, gazetteer, today))
        if answer["city"] is not None:  # with no day of their own, the quoted one goes on (「汕头周六…」 潮州也这样？)
            date = answer["date"] or json.loads(extract_one(question, gazetteer, today, quotes=False))["date"]
            return Answer(answer["city"], date).to_json()
    elif unquoted != question and unquoted.strip("＊ ，,。:："):
        # 转:气象台发布道路结冰橙色预警 长春市 今天夜间到明天 出门注意。明天送孩子上学路滑吗: the words outside name no
        # city but a day of their own, which is asked; the city is the message's (61st round of batches)
        outside = find_date(unquoted, today=today)
        if outside is not None:
            whole = json.loads(extract_one(question, gazetteer, today, quotes=False))
            if whole["city"] is not None:
                return Answer(whole["city"], outside).to_json()
    mentions = find_mentions(question, gazetteer)  # read once: rules 1-6 and rule 9 both use them
    city, place = _city_and_place(question, gazetteer, mentions)
    dated = question if city is None else f"{question[:city.start]},{question[city.end:]}"
    date = find_date(dated, today=today)
    if city is not None:
        near = _city_date(question, city, mentions, today)
        date = date if _past_by_city_then_today(question, near, date, today) else near or date
        whole = find_date(question, today=today)  # 2026无锡马拉松 3月22日: the year written before the blanked city
        if date is not None and len(date) == 5 and whole is not None and len(whole) == 10 and whole[5:] == date:
            date = whole
    # a place asked instead of a city (rule 6g): its first mention, a trip's stop as a city's would be
    at = gazetteer.fold(question).find(place) if place else -1
    stop = city if place is None else Mention(at, at + len(place), place, place)
    if place is not None:
        date = _city_date(question, stop, mentions, today) or date  # 1.12 哈尔滨 1.14 雪乡 … 雪乡那几天: 01-14
    spaced = _spaced_out(question) if city is None else None
    if spaced is not None:  # 大 后 天 去 汕 头 …: no city read as typed; read without the spaces, copied with them
        found = json.loads(extract_one(spaced, gazetteer, today))["city"]
        written = re.search(r"\s*".join(map(re.escape, found)), question) if found else None
        if written is not None:
            return Answer(written.group(0), date).to_json()
    if city is None and spaced is None:  # 问一下 深 圳 明天 下雨吗: one city spaced out, copied as written
        run = _spaced_city(question, gazetteer)
        if run is not None:
            return Answer(run, date).to_json()
    named = _named_stop_day(question, city, today)
    if named is not None and find_date(question, today=today) is not None:  # 周六到平遥 平遥那天: 周六
        date = named
    choice = _day_choice(dated, today)
    if choice is not None:  # 中秋还是国庆回老家: the first day offered (rule 9b)
        date = choice[0]
    # 原定10月8号 推迟两天: the day moved to (116th-140th sittings); in traditional characters too, read one for one
    # (8月20號 推遲兩天: 59th round of batches)
    simple = gazetteer.fold(question)
    moved, words = postponed_days(simple)
    words_at = simple.find(words)
    # (unless the day moved to is written after the move: 本来后天走，现在提前一天，明天就去南昌了: 37th round of
    # batches)
    if not moved or find_date(question[words_at + len(words) :], today=today) != date:
        date = shift_date(date, moved)
    counted, at = after_event_days(question)  # 出院后两周 … 出院是9月3号: the event's day counted on (53rd round)
    if counted and date is not None and find_date(question[at:], today=today) == date:
        date = shift_date(date, counted)
    # 今天是12月3号 后天 太原 下雪吗: the day after the written today (12-05)
    date = shift_from_written_today(date, written_today_days(question, date), today)
    # (a place asked instead of a city, rule 6g: the day counted to that place: 第2天 重庆→武隆 … 武隆那天)
    asked = short_name(city.key) if city is not None else place
    days, where = anchored_days(question, asked)
    if moved and 0 <= words_at <= where < words_at + len(words):
        days = 0  # 原定下周一出发，提前一天，周日那天: the move's 前一天 counted once, as the move (51st round)
    # (a place asked, rule 6g: 1月20号到哈尔滨 玩三天 然后去雪乡 雪乡天气, the stays before its first mention)
    if not days and date is not None and stop is not None:  # 南京2天→苏州2天…苏州那两天: a later stop's first day
        date = shift_date(date, stays_before(question, stop, mentions, date, today))
    if days and date is not None:  # 5月3号飞成都，第二天去乐山…乐山那天: the day counted to (WILD.md, 26th sitting)
        date = shift_date(date, days)
    if days and city is not None and city.start < where and all(m.start < where for m in mentions) \
            and _goes_to_place(gazetteer.fold(question), where):
        # 12.30到哈尔滨 次日去亚布力滑雪 那天…: that day's place is no city, with no start day written too (第一天到
        # 乌鲁木齐 第二天去喀纳斯 喀纳斯那天…: 45th-48th hand-written batches)
        city = None
    return Answer(city.text if city else None, date).to_json()


#: Rule 9b: two days offered as a choice, ``A还是B`` (中秋还是国庆回老家, 清明还是五一 去婺源, 端午还是6月20号).
_DAY_CHOICE = re.compile(r"(?P<a>[^\s，,。！!？?；;]{1,12}?)\s*(?:去|回|走|来|出发)?\s*还是\s*(?:去|回|在)?\s*"
                     r"(?P<b>[^\s，,。！!？?；;]{1,12})")
#: A part of a month (九月底, 10月初, 下旬): a day offered, though no day of its own.
_MONTH_PART = re.compile(r"(?:[\d一二三四五六七八九十]{1,2}月)?(?:底|初|中旬|上旬|下旬)")
_ANY_DAY = dt.date(2026, 1, 1)  # only to ask whether a piece is a day at all


def _is_day(piece: str) -> bool:
    return find_date(piece, today=_ANY_DAY) is not None or _MONTH_PART.search(piece) is not None


def _day_choice(text: str, today) -> tuple[str | None] | None:
    """Rule 9b: two days offered as a choice (``A还是B``) ask the first, as two cities asked together do (README's
    task rule); its date, or null where it is no day of its own (``九月底还是国庆``) or a lunar festival without a
    reference day (``中秋还是国庆``). None when the question offers no such choice (``今天还是很冷``), names another
    day besides (``8月8号 周六还是周日来着``, ``…我说的是十月十号``) or gives the first up (``今天……算了还是问明天
    的``)."""
    for m in _DAY_CHOICE.finditer(text):
        # (周四还是周五来着…算了就周五吧: the choice settled after it, the date rule's reading: 42nd round of batches)
        if _is_day(m["b"]) and _is_day(m["a"]) and not _GIVEN_UP.search(m["a"]) \
                and not re.search(r"来着.*算了", m["b"]) \
                and find_date(text[: m.start()] + "，" + text[m.end() :], today=_ANY_DAY) is None:
            return (find_date(m["a"], today=today),)
    return None


#: Single characters apart by single spaces, a word of their own (深 圳 in 问一下 深 圳 明天): a name typed spaced out.
_SPACED_RUN = re.compile(r"(?<!\S)[\u4e00-\u9fff](?: [\u4e00-\u9fff])+(?!\S)")


def _spaced_city(question: str, gazetteer: Gazetteer) -> str | None:
    """The first city name, longest first, that a run of spaced-out characters spells (深 圳 的: 深 圳), as written."""
    for match in _SPACED_RUN.finditer(question):
        written = match.group(0).split(" ")
        chars = gazetteer.fold(match.group(0)).split(" ")
        for length in range(len(chars), 1, -1):
            for i in range(len(chars) - length + 1):
                if "".join(chars[i : i + length]) in gazetteer.names:
                    return " ".join(written[i : i + length])
    return None


def _spaced_out(question: str) -> str | None:
    """A question typed with a space after every character (``西 宁 明 天``), without those spaces; None for any
    other question (the test of :func:`sft.task.find_date`'s reading: four words or more, 60 % of one character)."""
    words = question.split()
    if len(words) < 4 or sum(len(w) == 1 for w in words) < 0.6 * len(words):
        return None
    joined = re.sub(r"(?<=[^\sA-Za-z0-9])\s+(?=[^\sA-Za-z0-9])", "", question)
    return None if joined == question or _spaced_out(joined) is not None else joined


def _goes_to_place(folded: str, start: int) -> bool:
    """Whether the clause from ``start`` goes to a known place that is no city (次日去亚布力, 第三天去天池)."""
    end = _EDGE.search(folded, start + 1)
    places = _place_cities()
    stop = end.start() if end else len(folded)
    for to in _TRIP_TO.finditer(folded, start, stop):
        for length in range(min(8, stop - to.end()), 1, -1):
            if folded[to.end() : to.end() + length] in places:
                return True
    return False


#: A title between book-title marks (WILD.md, 26th sitting): a song's, film's or book's name.
_TITLE = re.compile(r"《[^《》]{1,30}》")
#: An @handle (a social account's name, up to a space or punctuation), not an e-mail address.
_HANDLE = re.compile(r"(?<![A-Za-z0-9._%+-])@[^\s@，,。：:！!？?]{1,20}")
#: A web address (www.tianqi.com/jiujiang/ 九江…, https://…/2026/0612/…): its words and numbers name no city or day
#: of the question's while the question names a city itself (61st-68th hand-written batches).
_URL = re.compile(r"(?i:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
#: Rule 9: a day written alone just before another day (7.4 7.5 高雄, 周六 周日 嘉兴): the two are a list.
# (not a separator alone: 4.18 武汉 / 4.25 长沙 / 5.2 南昌, 40th round of batches)
_LISTED_DAY = re.compile(r"(?![.．/\-]+$)[\d０-９〇零一二两三四五六七八九十.．/\-月日号號]+"
                         r"|(?:这|下|本)?(?:周|星期|礼拜)[一二三四五六日天末]"
                         # 10.2~10.5 舟山, 8/10 到 8/15 在新加坡: a range's first day, then its last
                         r"|.*[~～至—-]|到")
#: Rule 9: days compared or chosen between (哪天, 哪个, vs): the date rule's first, not a stop's.
# 周六 or 周日; 先定8月10号 不行就8月17号 (a fallback: 207th sitting)
_CHOICE = re.compile(r"哪天|哪一天|哪个|(?<![A-Za-z])(?:[Vv][Ss]|[Oo][Rr])(?![A-Za-z])|还是|不行(?:就|的话)")
#: Rule 9: a month and day written out (十月十號, 10/10), which wins over a festival named beside the city.
_WRITTEN_DAY = re.compile(r"[\d０-９〇零一二两三四五六七八九十]{1,3}\s*(?:月|/|\.)\s*"
                          r"[\d０-９〇零一二两三四五六七八九十]{1,3}")
#: Rule 9: a date given up (4月1号就算了) keeps its year to itself.
_GIVEN_UP = re.compile(r"不行|算了|取消|原定|原来|本来")
#: Rule 9: a day an alert was issued on (…1月10日发布, 8月3日10时发布), no stop's day.
_ISSUED = re.compile(r"[日号號]" + ISSUED_AFTER)
#: Rule 9: what may stand between a stop's date and its city (6月13日 去苏州, 12月1日 飞首尔).
_TRIP_VERB_END = re.compile(r"\s*(?:去|到|飞往|飞|回|在|转|抵达|到达|前往)?\s*$")
#: Rule 9: a leg's arrow between its origin and its destination (广州→阳江, 广州 - 阳江).
_LEG = re.compile(r"\s*(?:" + _ARROW + r"|[-—–])\s*")
#: Rule 9's window edges: punctuation and spaces end the words that belong to a mention.
_EDGE = re.compile(r"[\s，,。；;！!？?、：:→>~～（）()【】\[\]「」｜|]")


def _holiday_day(window: str, found: str, rest: str) -> bool:
    """Whether ``found`` is only a holiday's name (国庆, 五一) in ``window`` and ``rest``, written out elsewhere in the
    question, is one of that holiday's days off (:data:`sft.dates.HOLIDAY_DAYS`)."""
    if _WRITTEN_DAY.search(window) or len(found) != 5 or len(rest) not in (5, 10):
        return False
    name = next((n for n in HOLIDAY_DAYS if n in window), None)
    if name is None:
        return False
    first = dt.date(2001, *FIXED_FESTIVALS[name])
    if found != f"{first.month:02d}-{first.day:02d}":
        return False  # 国庆最后一天: a day of the holiday named already
    day = dt.date(2001, int(rest[-5:-3]), int(rest[-2:]))
    return 0 < (day - first).days < HOLIDAY_DAYS[name]




#: A clause between marks and spaces (the follow-ups of :func:`_day_then_follow_up`).
_CLAUSE_RUN = re.compile(r"[^\s，,。？?！!；;~～]+")


#: Weather stated about a day (景德镇有雨, 今天28度, 下了一天雨): a statement a follow-up's 呢 moves on from.
_STATED = re.compile(r"有[雨雪雾]|下了?[雨雪]|暴雨|大[雨雪]|高温|零下|\d+\s*(?:度|℃)|降温|大风|晴|多云")


def _day_then_follow_up(question: str) -> bool:
    """Whether a clause of only a day and ``呢`` follows an earlier clause with a day: questions chained in one
    message (``1月3号冷不冷 1月4号呢``: the first, README's task rule) or a statement then a follow-up (``10月2号景德镇
    有雨 10月3号呢``: the follow-up's day); the date rule tells which, not the day written by the city."""
    for run in _CLAUSE_RUN.finditer(question):
        clause = run.group(0)
        day = clause.removesuffix("呢")  # 那周日呢: a follow-up that moves on (sft.dates.asked_score), no chain
        if clause.endswith("呢") and not clause.startswith("那") and 0 < len(day) <= 8 \
                and find_date(day, today=_ANY_DAY) is not None:
            before = question[: run.start()]
            if find_date(before, today=_ANY_DAY) is not None and (QUESTION.search(before) or _STATED.search(before)):
                return True
    return False


def _city_date(question: str, city: Mention, mentions: list[Mention], today) -> str | None:
    """Rule 9: in a question with two or more dates and nothing that says which is asked (no 改到, 原定…: then
    the date rule decides), the date written right after a mention of the chosen city (``丽江8.23号天气``,
    ``天津周五冷不冷``), else right before one (``7月12号去西安``, ``5/4釜山``, ``1月4日 长春``): an itinerary asks
    for one stop's day. Without a year of its own it takes the year the question names. None: no such date."""
    if names_the_asked_date(question):
        return None  # words say which date is asked (改到, 原定): the date rule decides
    if _CHOICE.search(question):
        return None  # 去年国庆 vs 今年国庆 厦门 哪个热: days compared or chosen between, not a plan's stops (the first)
    if festival_lunar_day(question):
        return None  # 中秋节 八月十五 苏州: the festival's own lunar day, one date (93rd sitting)
    if IF_RAIN_MOVED.search(question):
        return None  # 周三运动会 如遇雨顺延至周四 成都: moved only if it rains, the plan's day (the date rule's)
    if len(mentions) == 1 and asks_a_later_clause(question):
        return None  # 1月5号哈尔滨零下30度 1月12号会不会更冷: one city, a past day stated, a later one asked
    if len(mentions) == 1 and _day_then_follow_up(question):
        # 1月3号冷不冷 1月4号呢 哈尔滨: questions chained (the first); 10月2号景德镇有雨 10月3号呢: a statement, then
        # a follow-up's own day (the date rule reads which: sft.dates.asked_score)
        return None
    key = short_name(city.key)
    quoted = [q.span() for q in QUOTED.finditer(question)]  # a quoted forecast's day is not the question's own
    # a stop's own day asked by X那天 after the stop was written (下周一到西宁 下周三到茶卡 西宁那天…): the stop's
    # mention first (61st-76th hand-written batches)
    asked_that_day = [m for m in mentions if re.match(r"\s*的?(?:那天|当天|那日)", question[m.end :])]
    own = sorted((m for m in mentions if short_name(m.key) == key and not any(a <= m.start < b for a, b in quoted)),
                 key=lambda m: (m in asked_that_day, m.start != city.start, m.start))
    bounds = sorted({m.start for m in mentions if short_name(m.key) != key} | {len(question)})
    ends = sorted({m.end for m in mentions if short_name(m.key) != key} | {0})
    windows = []  # (spaces between, before?, order, start, stop): adjacent words first, then across a space
    for order, m in enumerate(own):  # right after: up to the next edge or the next other city
        start = m.end + len(question[m.end:]) - len(question[m.end:].lstrip())
        start += question.startswith(("(", "（"), start)  # 洛阳(10.4): the day in brackets after its stop
        stop = min([b for b in bounds if b >= start] + [e.start() for e in _EDGE.finditer(question, start)])
        windows.append((start > m.end, False, order, start, stop))
    for order, m in enumerate(own):  # right before (a trip's verb skipped: 6月13日 去苏州): back to an edge or a city
        # (a label's colon too: 周三：南充 周四：达州, the day labels its stop: 190th hand-written batch)
        # a leg's destination has the leg's day, written before its origin (10.2 广州→阳江: 阳江's day is 10.2)
        leg = [o for o in mentions if short_name(o.key) != key and _LEG.fullmatch(question[o.end : m.start])]
        head = leg[-1].start if leg else m.start
        stop = len(_TRIP_VERB_END.sub("", question[:head]).rstrip().rstrip(":：").rstrip())
        edges = [e.end() for e in _EDGE.finditer(question, 0, stop)]
        windows.append((stop < m.start, True, order, max([e for e in ends if e <= stop] + edges + [0]), stop))
    # a plan written date first (10.1 婺源 10.3 杭州 10.5 上海): a stop's day is the one before it, at equal distance
    lead = find_date(question[: min([m.start for m in mentions] + [city.start])], today=today) is not None
    # a day right after the city that runs into the next city is that city's (周五去绍兴周日回杭州, 10月4号到大理
    # 10月6号昆明: 周日 is 杭州's, 10月6号 昆明's): tried after every other window
    others = {m.start for m in mentions if short_name(m.key) != key}
    windows = [(not before and stop in others, gap, before != lead, order, start, stop)
               for gap, before, order, start, stop in windows]
    for _, gap, after_first, _, start, stop in sorted(windows):
        before = after_first != lead
        # (a stop's dash before its day: 11.12昆明-11.14大理-11.17丽江: 197th hand-written batch)
        found = find_date(question[start:stop].lstrip("-—–~→> "), today=today) if stop > start else None
        if found is None:
            continue
        previous = question[:start].rstrip().rsplit(None, 1)[-1] if question[:start].strip() else ""
        if gap and before and _LISTED_DAY.fullmatch(previous):
            continue  # 7.4 7.5 高雄, 周六 周日 嘉兴: a list of days before the city, not one stop's day
        if _ISSUED.search(question, start, stop):
            continue  # 洛阳市气象台2027年1月10日发布…预警 请问后天洛阳…: an alert's day of issue (40th round)
        rest = find_date(f"{question[:start]},{question[stop:]}", today=today)
        if rest is None or rest == found:
            return None  # one date in the question: the date rule's reading stands
        if find_festival(default_gazetteer().fold(question[start:stop])) is not None \
                and (_WRITTEN_DAY.match(question[stop:].lstrip())
                     or (not before and "跨年" in question[start:stop]
                         and (written := list(_WRITTEN_DAY.finditer(question, 0, city.start)))
                         and not any(short_name(o.key) != key and written[-1].end() <= o.start < city.start
                                     for o in mentions))):
            # 高雄國慶煙火 十月十號: the festival's day written right after it wins (128th sitting); before a 跨年
            # written after the city, so does one written before it, no other city between (2027年1月1日 台北101跨年:
            # the night's written day, as 台中跨年 1月1日; not 10月8号才回来 三亚国庆期间: 42nd round of batches)
            return None
        if _holiday_day(question[start:stop], found, rest):
            return None  # 国庆去西安 10月2号: a day of the holiday written out is the day asked (148th, 166th sittings)
        # words say which relative day is asked (今天深圳28度 明天呢): the date rule decides; not where the city's own
        # day is asked (明天到泉州 后天去厦门 大后天漳州 厦门那天…: 53rd-56th hand-written batches)
        # nor the day of the trip to it where the other day is going back to another city (下周五去青岛，周日回济南，
        # 青岛那两天: 40th-41st rounds of batches)
        # (only the two days: 周五到杭州 周六去乌镇 周日回上海 has a stop between)
        back_elsewhere = before and len(date_mentions(question)) == 2 \
            and any(short_name(o.key) != key and re.search(r"回\s*$", question[: o.start]) for o in mentions)
        if relative_day_marked(default_gazetteer().fold(question)) \
                and not any(m in asked_that_day for m in own) and not back_elsewhere:  # 禮拜六 as 礼拜六
            return None
        named = find_date(question)
        if len(found) == 5 and named is not None and len(named) == 10 and not _GIVEN_UP.search(question):
            found = f"{named[:4]}-{found}"  # 2027年1月2日 哈尔滨；1月4日 长春: the plan's year
        return found
    return None


#: A stop asked by its name and 那天 (平遥那天): the name, tried from four characters down to two.
_NAMED_DAY = re.compile(r"([\u4e00-\u9fff]{2,4})(?=的?(?:那天|当天|那日|那两天|那几天))")
_CLAUSE_END = re.compile(r"[，,。；;！!？?：:\n]")


def _named_stop_day(question: str, city: Mention | None, today) -> str | None:
    """The day of a trip to a place that is no city, asked by its name and 那天 (``周二到大同 周四到太原
    周六到平遥 平遥那天``: 周六), written right before the trip's verb; None: no such day."""
    for asked in _NAMED_DAY.finditer(question):
        piece = asked.group(1)
        for cut in range(len(piece) - 1):
            name = piece[cut:]
            if city is not None and name in city.text:
                return None  # the city's own stop: rule 9 reads it
            earlier = question.rfind(name, 0, asked.start() + cut)
            if earlier <= 0 or _is_day(name):  # 周一到周三在绍兴 周三那天: a day, no place
                continue
            # a trip to it, the day right before the verb (周六到平遥), the stop's own: no event's (退房1月23日)
            went = re.search(r"(\S+?)(?:到|去|飞|抵达|前往)$", _CLAUSE_END.split(question[:earlier])[-1])
            return find_date(went.group(1), today=today) if went else None
    return None


def extract(queries: list[str], gazetteer: Gazetteer | None = None, todays=None) -> list[str]:
    """The contender: one ``{"city": ..., "date": ...}`` line per question (``todays``: reference days)."""
    if gazetteer is None:
        gazetteer = default_gazetteer()
    todays = todays if todays is not None else [None] * len(queries)
    return [extract_one(q, gazetteer, t) for q, t in zip(queries, todays, strict=True)]
