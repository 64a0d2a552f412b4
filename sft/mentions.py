"""Where a question names places: the rule contender's reading of place names, shared with the place hints.

The rule contender (:mod:`bench.rule`, whose docstring numbers the rules) and the ``places-rule`` prompt's hints
(:mod:`sft.hints`) read a question's place names with the same code, so that what the rule knows of a name is what the
fine-tune is told:

- :func:`find_mentions` (rules 1-4b): every city of the gazetteer written in the question, longest first, no
  overlaps, in text order; none inside a common word (三明治, 凤城河), a street (南京路), a product (兰州拉面), a county
  or a town named like a city (长沙县, 三沙镇), a weekday's numeral (周六安排); ``北京市区`` read as 北京.
- :func:`find_short_full_name` (rule 5d): a city read only with 市 typed short, where a date or a weather word says
  it is asked (``中山明天天气``).
- :func:`find_typo` (rule 5c): a city typed with one sound-alike character (``杭洲``, ``哈蜜``).
- :func:`find_city_not_written_whole`: the two above in the rule's order, where no city is written in full.

Which of the names is the city asked stays the rule's (:func:`bench.rule.locate_city`) or the model's.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sft.cities import county_prefectures, load_full_names, nickname_cities, short_name
from sft.dates import INTERJECTIONS, SLIP_VERBS, WEEKDAYS
from sft.places import districts, romanized_pattern, romanized_rows, world_city_names, world_short_names
from sft.task import day_typos, traditional_table

#: Common words that contain a city name but do not mean the city (rule 4).
#: Each is longer than the name it contains, so the bare name (安康, 来宾) still matches.
_NOT_CITY_WORDS = (
    "三明治", "各位来宾", "来宾们", "日照时间", "日照时长", "日照充足", "日照强", "大同小异", "长治久安",
    "四平八稳", "普洱茶", "白银价", "黄山毛峰", "祝您安康", "祝你安康", "中山装", "中山路", "北海道",
    "吉林省", "海南省", "明白城",
    "日照金山",  # the sunlit peaks at dawn (a photographers' word), not the city 日照
    # lakes and gates of mountains that hold a city's name (257th-264th sittings): 东平湖 and 太平湖 are no 平湖, the
    # gates of 泰山 and 武当山 (南天门, 中天门) no 天门
    "东平湖", "太平湖", "南天门", "中天门",
    "出海安全",  # is going to sea safe: no 海安 (345th-352nd sittings)
    # an underground garage's cars (地库车辆: no 库车), a theme town of outlaws (好汉城: no 汉城), a sunshine recorder
    # (日照计: no 日照) (265th-272nd sittings)
    "地库车", "好汉城", "日照计",
    # orchards, not the city 桃园: cherry (153rd-160th sittings), walnut (281st-288th), star fruit, flat peach, yellow
    # peach and honey peach (297th-304th), kiwi (313th-320th)
    "樱桃园", "核桃园", "杨桃园", "蟠桃园", "黄桃园", "蜜桃园", "猕猴桃园",
    "蚕沙",  # silkworm droppings, no 三沙 typed by sound (281st-288th sittings)
    # a forest (共青森林公园: no 青森), 青岛's bay (胶州湾: no 胶州, as 杭州湾) (313th-320th sittings)
    "青森林", "胶州湾",
    # a marathon's date (马拉松原定…: no 松原), the plain north of the Huai (淮北平原: a region) (321st-328th sittings)
    "马拉松原", "淮北平原",
    "伊犁河谷",  # the Ili valley, a region (305th-312th sittings)
    # a river of 宣城 (水阳江: no 阳江), a hill of Osaka (天保山: no 保山), a mountain of 岚皋 (南宫山: no 南宫), the
    # Ussuri river (乌苏里江: no 乌苏), a wetland of 建湖 (九龙口: no 龙口) (329th-336th sittings)
    "水阳江", "天保山", "南宫山", "乌苏里江", "九龙口",
    # 下雨天门口积水: 天 ends 雨天, 门口 a doorway (45th-52nd hand-written batches; 天门口罩厂 stays 天门)
    "雨天门口", "晴天门口", "阴天门口", "雪天门口", "今天门口", "白天门口", "每天门口",
    # marble (大理石), a parcel not yet opened (没开封), 北京's 北海公园 (45th-56th hand-written batches)
    "大理石", "没开封", "未开封", "已开封", "北海公园",
    "回县城",  # back to the county town: no 辉县 typed by sound (52nd round of batches)
    "交作业",  # no 焦作 typed by sound (57th-60th hand-written batches)
    # a mountain of 新安 (黛眉山: no 眉山), a mountain of 通道 (万佛山: no 佛山), 洪泽湖's sluice (三河闸: no 三河), the
    # two banners of 阿拉善盟, each a county (阿拉善左旗: no 阿拉善) (337th-344th sittings)
    "黛眉山", "万佛山", "三河闸", "阿拉善左旗", "阿拉善右旗",
    # a mountain of 辉县 (万仙山), the source of the Wei in 渭源 (渭河源: no 河源), 莱州's bay (莱州湾, as
    # 胶州湾), 益阳's district 资阳区 (no 资阳, the city in Sichuan) (345th-352nd sittings)
    "万仙山", "渭河源", "莱州湾", "资阳区",
    # 平顶山's lake (昭平湖: no 平湖), 通辽's valley (大青沟), 石棉's town (安顺场: no 安顺), the source of the 钱江
    # (钱江源) (353rd-360th sittings)
    "昭平湖", "大青沟", "安顺场", "钱江源",
    # 确山's mountain (老乐山: no 乐山), 大丰's port (川东港: no 东港), 政和's opera (四平戏: no 四平), the 吕梁 range
    # (吕梁山), 黄山市's district 黄山区 (no 黄山 alone) (361st-368th sittings)
    "老乐山", "川东港", "四平戏", "吕梁山", "黄山区",
    # a shopping mall chain (万象城: no 万象), the river of 九江 (浔阳江: no 阳江), 泰州's moat (凤城河: no 凤城),
    # a temple on 宝华山 (隆昌寺: no 隆昌) (289th-296th sittings)
    "万象城", "浔阳江", "凤城河", "隆昌寺",
    # an everyday word that sounds like a city and names none, so no city typed by sound either (rule 5c): 阿爸 (dad),
    # no 阿坝 (257th-272nd sittings)
    "阿爸",
    "朝天门",  # 重庆's old city gate and quay, not the city 天门 (WILD.md, 86th sitting)
    "大沙河",  # a river and park in 深圳 (and elsewhere), not the city 沙河 (WILD.md, 93rd sitting)
    "天台山",  # the mountain of 天台 county, not the city 台山 (WILD.md, 105th sitting)
    "八台山",  # a mountain of 万源 (WILD.md, 122nd sitting)
    "黄石寨",  # a peak of 张家界, not the city 黄石
    "三台山",  # a mountain of 芒市 (and of other places), not the city 台山 (161st sitting)
    "三河古镇",  # a town of 肥西 (合肥), not the city 三河 (183rd sitting)
    "护林",  # 护林员, 护林站: forest rangers and their post, not 虎林 typed by sound (187th, 249th-256th sittings)
    "东台吉乃尔",  # a salt lake of 格尔木, not the city 东台 (188th sitting)
    "都匀毛尖", "信阳毛尖",  # teas named after their cities (169th sitting)
    "马赛克",  # a mosaic (tiles, a blurred photo), not Marseille 马赛
    # idioms and words around a city's name (WILD.md, twentieth sitting)
    "夸下海口", "大吉安康", "仁者乐山", "美丽江南", "便宜", "混合肥", "连帽", "刚开封", "已开封", "未开封", "白城墙",
    "入海口",  # an estuary (黄河入海口: 42nd round of batches)
    "婚礼来宾", "来宾席", "蚌埠住", "几天水", "两天水",  # 蚌埠住了 (a meme), 这几天水大 (no 天水)
    "多哈哈",  # 单子多不多哈哈: laughter, not Doha
    "今天水", "明天水", "后天水", "昨天水", "每天水",  # 明天水温: a day word, then 水 (no 天水)
    # idioms and poem lines that name a city without asking about it (WILD.md, 39th sitting); 香港仔 is an area
    "洛阳纸贵", "邯郸学步", "桂林山水甲天下", "山水甲桂林", "烟花三月下扬州", "香港仔",
    "姑苏城外",  # 姑苏城外寒山寺, a poem line (77th-84th hand-written batches)
    "太仓促", "平安顺",  # 太仓促了 (too hasty: no 太仓), 一路平安顺利 (no 安顺) (77th-84th hand-written batches)
    "亚运城",  # 广州's Asian Games town (no 运城) (93rd-100th hand-written batches)
    "马赛马拉",  # Kenya's Maasai Mara reserve (no 马赛, Marseille) (101st-116th hand-written batches)
    "日内瓦湖",  # Lake Geneva, no city (152nd hand-written batch)
    "华北平原", "东北平原",  # plains, no 北平 (157th hand-written batch)
    "苏州河",  # 上海's river; 竹海, a bamboo forest (no 珠海 typed by sound) (117th-124th hand-written batches)
    "竹海",
    "贵平台",  # 贵平台 (your platform: no 贵平) (133rd-140th hand-written batches)
    # a hotel's name, sunshine hours, a bay between cities (WILD.md, 51st-53rd sittings)
    "威尼斯人", "年日照", "日照时数", "杭州湾", "黄石公园", "金佛山",
    # an old phone (一个旧手机: no 个旧), guests asked to sit (来宾请入座), porcelain from 景德镇 sent by post, a
    # hotpot named after 重庆, eaten or sold elsewhere (not 重庆火锅节, held in 重庆) (61st-68th hand-written batches;
    # not 长沙发 for a long sofa: 长沙发布暴雨预警)
    "一个旧", "这个旧", "那个旧", "来宾请", "景德镇瓷器", "吃重庆火锅", "家重庆火锅", "重庆火锅店",
    # a flower (periwinkle), 上海's hospital (瑞金's own is 瑞金市人民医院) (56th round of batches)
    "长春花", "瑞金医院",
    "会安排",  # 运动会安排 (an arrangement), no 会安 (Hoi An) (59th round of batches)
)


#: Everyday words one character away from a city that jieba's dictionary lacks (Cantonese 行山, hiking: not 新山).
# 打卡: to check in (not 达卡); 同城: the same city; 万县: 万州's old name (a district), not 万象 typed wrong;
# 吉隆 (a county in Tibet), 海陵 (a district): no 基隆, 海宁 typed wrong
_EVERYDAY_MORE = frozenset({"行山", "打卡", "同城", "万县", "吉隆", "海陵",
                            "邛海", "金鞭",  # 西昌's lake, 张家界's 金鞭溪: no 琼海, no 金边 (329th-336th sittings)
                            "池水",  # a pool's water, no 池州 typed by sound (345th-352nd sittings)
                            "开园",  # an orchard's opening day, no 开原 typed by sound (353rd-360th sittings)
                            "会礼",  # the Eid prayer (开斋节…会礼), no 会理 typed by sound (361st-368th sittings)
                            "新城市"})  # a new city (搬到新城市), no 新X市 typed by sound (207th hand-written batch)


#: What makes a city's name a product's or a company's (兰州拉面, 金华火腿, 上海银行, 深圳航空): no city (rule 4).
# 乌鲁木齐啤酒厂: a brewery in the city, which gives it (321st-328th sittings)
_PRODUCT = re.compile(r"(?:拉面|牛肉面|牛肉汤|螺蛳粉|火腿|大米|烤鸭|啤酒(?!厂)|米粉|米线|炒饭|扒鸡|红肠|盐水鸭|小吃"
                      r"|玉(?![龙门树林泉山环屏])|麻辣烫|豆酱"  # 和田玉, 天水麻辣烫, 普宁豆酱 (273rd-288th sittings)
                      r"|麻辣拌|烧豆腐|马蹄"  # 抚顺麻辣拌, 高平烧豆腐, 荔浦马蹄 (a water chestnut) (289th-296th)
                      r"|香梨|白姜"  # 库尔勒香梨, 铜陵白姜 (305th-312th sittings)
                      r"|辣子鸡|牛肉馍|南湖菱"  # 枣庄辣子鸡, 亳州牛肉馍, 嘉兴南湖菱 (a water caltrop) (337th-344th)
                      # 武冈卤菜, 玉林牛巴, 衢州烤饼, 孝感米酒, 赤峰对夹 (353rd-360th sittings)
                      r"|卤菜|牛巴|烤饼|米酒|对夹"
                      r"|驴肉火烧"  # 保定驴肉火烧 (361st-368th sittings)
                      # 瓜洲: 扬州's old ferry town, no melon (289th-296th); 瓜州: 酒泉's county (313th-320th sittings)
                      r"|瓜(?![分洲州])|银行"
                      # 柳州螺蛳粉节, 青岛啤酒节: an event held in the city; 北京卫视: a TV channel
                      r"|航空(?!港)|现代(?!化)|卫视|电视台"
                      r"|汽车(?![站南北东西客总城影])"  # 长安汽车 (a carmaker; 长安 西安's classical name: 61st round)
                      r")(?!节)")


#: A street named after a city (rule 4): 南京路, 北京东路, 长沙街 (not 路过, 路上).
# a campus, a peninsula, a plain (成都平原; 平原新区 is 新乡's); 街子 is a town's name (崇州街子古镇, 122nd sitting);
# 沈阳中街 is the city's own street (161st); 街上 and 街头 are "in the street" (漯河街上: 313th-320th sittings)
_STREET = re.compile(r"[东西南北中]?(?:路(?![过上途程线费边况面段桥演])|大街|大道)|[东西南北]?街(?![道子上头])"
                     r"|校区|半岛|平原(?![县新])")  # (兰州路演: a roadshow, 190th hand-written batch)


#: 长沙县: a county named after its prefecture is a county (县城 after a county-level city is that city).
_COUNTY_AFTER = re.compile(r"县(?!城)")


#: 三沙镇, 四坪村: a town or village named like a city (265th-272nd sittings), read as the town (none).
# 镇 only at a word's end: 镇宁, 镇康, 镇北堡 and 镇海湾 are places of their own after a city (安顺镇宁 is 安顺)
_TOWN_AFTER = re.compile(r"[乡村](?![下里上子民])|镇(?=[\s，,。！!？?的]|$)")


#: Words after 市 that make it the start of a word (rule 3): 北京市区 is 北京 + 市区.
_SHI_WORDS = ("市区", "市民", "市中心", "市内", "市场", "市郊", "市里", "市立",  # 青岛市立医院: 青岛
              "市南区", "市北区", "市中区")  # 青岛市南区 (118th sitting): 青岛 + the district 市南区


_SOLAR_TERMS_LI = ("市立春", "市立夏", "市立秋", "市立冬")


#: 攀枝花市中心医院, 荆门市中心医院: the city's central hospital (X市 + 中心医院), copied with its 市 as the guide
#: labels it (329th-344th sittings), not X + 市中心
_SHI_KEPT = _SOLAR_TERMS_LI + ("市中心医院",)


_WEATHER = re.compile(
    r"天气|气温|温度|下雨|下雪|降雨|降雪|有雨|有雪|雨|雪|晴|阴天|多云|刮风|大风|台风|雾|霾|冷|热|凉|暖|"
    r"度|预报|穿什么|带伞|空气质量|湿度|紫外线|降温|升温|回暖|风大|风力|沙尘|冰雹|打雷|霜|寒流|寒潮|(?<=[会足真好很])寒(?!假)"
    r"|(?<=[会好咁几唔])冻(?![结肉品疮])"
)  # (寒: Minnan and Hakka cold, 石狮这阵仔敢有寒流, 明仔载敢会寒: 40th-41st rounds of batches; Cantonese 好冻: 51st)


@dataclass(frozen=True)
class Gazetteer:
    """Surface forms (full and short names) of all cities, and the longest one for the scan.

    ``blockers`` are places that are not cities (provinces, regions, countries, districts, counties,
    sights): they take part in the longest-match scan, so ``长白山`` is not read as the city ``白山`` and
    ``北海道`` not as ``北海``, and are then dropped (rule 1b).
    """

    names: frozenset[str]
    max_len: int
    blockers: frozenset[str] = frozenset()
    romanized: re.Pattern | None = None  # Latin-letter city names (rule 5b), matched case-insensitively
    # traditional character -> simplified (datasets/traditional.tsv): 臺北 is read as 台北, copied as written
    simplified: dict[int, str] | None = None
    # rule 5c: a name with one character replaced by "?" -> (name, position); a name's character -> its
    # sound-alikes (datasets/homophones.tsv)
    typo_index: dict[str, tuple[tuple[str, int], ...]] | None = None
    sound_alikes: dict[str, str] | None = None
    short_forms: frozenset[str] = frozenset()  # rule 5d: cities read only with 市, typed short (石狮, 中山)
    everyday: frozenset[str] = frozenset()  # rule 5c: words that sound like a name (苹果, 长江): never a typo

    def fold(self, text: str) -> str:
        """``text`` as the names are looked up: traditional characters as simplified, one for one."""
        return text.translate(self.simplified) if self.simplified else text

    @classmethod
    def from_names(cls, names: Iterable[str], blockers: Iterable[str] = (),
                   full_only: Iterable[str] = ()) -> Gazetteer:
        """``full_only``: names read only as written, never by their short form (``吉林市``)."""
        from sft.cities import short_name

        surfaces: set[str] = {n for n in (x.strip() for x in full_only) if len(n) >= 2}
        for name in names:
            name = (name or "").strip()
            if not name:
                continue
            surfaces.add(name)
            short = short_name(name)
            if short:
                surfaces.add(short)
        surfaces = {s for s in surfaces if len(s) >= 2}  # one character is never a safe match
        blocked = frozenset(b for b in (x.strip() for x in blockers) if len(b) >= 2 and b not in surfaces)
        return cls(frozenset(surfaces), max((len(s) for s in surfaces | blocked), default=0), blocked)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """All cities of ``datasets/cities.tsv`` and the cities of ``datasets/places.tsv`` (county-level,
    Hong Kong, Macau, Taiwan, foreign), both splits, and the names of ``datasets/world_cities.tsv`` (as written:
    their short forms are in the file when kept); the other places of ``places.tsv`` as blockers."""
    from sft.cities import load_nicknames
    from sft.places import city_names, load_places, world_city_names

    places = load_places()
    cities = list(city_names())  # cities.tsv, places.tsv's cities, RULE_ONLY_CITIES, 克孜勒苏州 (sft.places)
    world = world_city_names() - {p.name for p in places}  # GeoNames' names of the world's cities
    full_names, nicknames = load_full_names(), load_nicknames()
    # a city's nickname (魔都, 羊城) names the city and is copied as written (full only: no short form)
    gazetteer = Gazetteer.from_names(cities, blockers=[p.name for p in places if p.kind != "city"],
                                     full_only=[*full_names, *nicknames, *world])
    return dataclasses.replace(gazetteer, romanized=romanized_pattern(load_romanized()),
                               simplified=traditional_table(),
                               # never a sound-alike's source: nicknames, and the world's cities (a typo of 旭川
                               # is rarer than an everyday word one character away from one of 1,700 names)
                               typo_index=typo_index(gazetteer.names - set(nicknames) - world),
                               sound_alikes=load_homophones(),
                               # (and the world's two-character city names, read the same way: rule 5d)
                               short_forms=short_full_names(full_names) | world_short_names(),
                               everyday=load_sound_alike_words() | load_sound_alike_places() | _EVERYDAY_MORE)


def typo_index(names: Iterable[str]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Rule 5c's lookup: every name of 2-4 Chinese characters under each one-character wildcard
    (``杭州`` under ``?州`` and ``杭?``)."""
    index: dict[str, list[tuple[str, int]]] = {}
    for name in sorted(names):
        if 2 <= len(name) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in name):
            for i in range(len(name)):
                index.setdefault(name[:i] + "?" + name[i + 1:], []).append((name, i))
    return {k: tuple(v) for k, v in index.items()}


def load_homophones() -> dict[str, str]:
    """datasets/homophones.tsv: a name's character (or ``name:i``, a character a name reads otherwise: 乐清:0) -> the
    common characters that sound like it; plus datasets/look_alikes.tsv, the characters typed by shape instead
    (沉阳, 广卅, 昆眀, 重床: the blind sittings' recurring misses; 曰照, 夭津, 酉安: classic look-alike pairs, the
    213th-228th batches), a ``name:i`` key of it only for that name."""
    from sft.paths import DATA, read_tsv

    alikes = {c: alike for _, (c, alike) in read_tsv(DATA / "homophones.tsv", ("char", "homophones"))}
    shaped: dict[str, str] = {}
    for _, (key, shapes) in read_tsv(DATA / "look_alikes.tsv", ("char", "look_alikes")):
        name, _, i = key.partition(":")
        alikes[key] = alikes.get(key, alikes.get(name[int(i)] if i else key, "")) + shapes
        shaped[key] = shapes
    # a character's shapes hold too where one name reads it otherwise (成都:1 sounds du, not dou: 成部, 277th-284th)
    for key in [k for k in alikes if ":" in k and k not in shaped]:
        name, _, i = key.partition(":")
        alikes[key] += shaped.get(name[int(i)], "")
    return alikes


def load_sound_alike_words() -> frozenset[str]:
    """datasets/sound_alike_words.tsv: everyday words that sound like a name (苹果 like 平果, 长江 like 湛江; jieba)."""
    from sft.paths import DATA, read_tsv

    return frozenset(f[0] for _, f in read_tsv(DATA / "sound_alike_words.tsv", ("word", "sounds_like", "jieba_freq")))


def load_sound_alike_places() -> frozenset[str]:
    """datasets/sound_alike_places.tsv: the mainland's counties and districts that sound like a city (富顺 like 抚顺,
    青阳 like 庆阳; jionlp): real places, never a city typed wrong."""
    from sft.paths import DATA, read_tsv

    return frozenset(f[0] for _, f in read_tsv(DATA / "sound_alike_places.tsv", ("place", "sounds_like", "county")))


@functools.lru_cache(maxsize=1)
def _typed_days() -> tuple[str, ...]:
    """The day words typed by sound of ``datasets/day_typos.tsv`` (明添, 今甜, 后田 …)."""
    return tuple(day_typos()[1])


def find_typo(question: str, gazetteer: Gazetteer) -> Mention | None:
    """Rule 5c: the first span (longest at a position) that is a known name with exactly one character
    replaced by a sound-alike; ``None`` without the tables. The span overlaps no known name or place
    (``石景山`` is no typo of 井山's sound), starts a phrase (at the start, after a space, punctuation or an
    emoji, or right after 去/到/在/回/飞/住/来: ``12月阳西``, 月阳 is no 岳阳) and is no part of a date
    (``_NOT_PHRASE_END``)."""
    if not gazetteer.typo_index or not gazetteer.sound_alikes:
        return None
    folded = gazetteer.fold(question)
    taken = [False] * len(folded)  # characters of any name or place of the gazetteer
    for begin, end in _scan(folded, gazetteer):
        taken[begin:end] = [True] * (end - begin)
    for word in _NOT_CITY_WORD_AT.finditer(folded):  # 护林员 is no 虎林 typed by sound (187th sitting)
        taken[word.start() : word.start() + len(word[1])] = [True] * len(word[1])
    # 去靖边: 靖边 is a county, no 曲靖 typed by sound (273rd-280th sittings); 达川 a district, no 达州 by shape
    counties = _county_and_district_names()
    for start in range(len(folded)):
        for length in (4, 3, 2):
            piece = folded[start : start + length]
            if piece in counties and not (piece[-1] in "今明后昨前" and folded[start + length : start + length + 1]
                                          in ("天", "日", "晚", "早", "儿")):  # 难宁明天: 明天, no 宁明县
                taken[start : start + length] = [True] * length
                break
    for start in range(len(folded)):
        # or after a day word typed by sound (明添杭洲, 今甜武汗: 257th-264th) or a province written whole
        phrase_start = _phrase_starts(folded, start) or folded[max(0, start - 3) : start].endswith(_typed_days()) \
            or any(folded[max(0, start - n) : start] in _place_names("province")
                   for n in (2, 3, 4))  # 浙江湖卅 (277th-284th)
        for length in range(min(5, len(folded) - start), 1, -1):  # 伊斯坦布而 (56th sitting)
            # (那郑洲呢: a follow-up's 那 before it, 呢 right after: 46th round of batches)
            if length < 3 and not (phrase_start or (folded[start - 1 : start] == "那"
                                                    and re.match(r"\s*呢", folded[start + length :]))):
                continue
            if any(taken[start : start + length]) or _NOT_PHRASE_END.match(folded, start + length):
                continue
            piece = folded[start : start + length]
            if piece.endswith("周") and _WEEKDAY_REST.match(folded, start + length):
                continue  # 本来定周六: 周 starts a weekday (周六), no 定州 typed wrong (233rd-240th sittings)
            if piece in gazetteer.everyday:
                continue  # an everyday word that sounds like a name (苹果套袋: no 平果)
            # a name of four or more typed with a numeral by sound (乌鲁木七: 40th round) is no number
            never = _NEVER_TYPED_FOR if length < 3 else _NUMERALS if length < 4 else frozenset()
            for i in range(length):
                for name, _ in gazetteer.typo_index.get(piece[:i] + "?" + piece[i + 1:], ()):
                    alike = gazetteer.sound_alikes.get(f"{name}:{i}") or gazetteer.sound_alikes.get(name[i], "")
                    if piece[i] not in never and piece[i] in alike:
                        if piece.endswith("市") and folded.startswith(_SHI_WORDS, start + length - 1):
                            length -= 1  # rule 3: 尊义市区 -> 尊义 (158th sitting)
                        elif i == length - 1 and length > 2 and name.endswith("市") \
                                and "\u4e00" <= folded[start + length : start + length + 1] <= "\u9fff" \
                                and not _SHORT_CUE.match(folded, start + length):
                            # the sound-alike of 市 starts the next word (中山石岐, 中山是不是): the name typed short
                            return Mention(start, start + length - 1, question[start : start + length - 1], name[:-1])
                        return Mention(start, start + length, question[start : start + length], name)
    return None


#: What after a piece ending in 周 makes that 周 a weekday's (周六, 周末), not a 州 typed wrong (rule 5c).
_WEEKDAY_REST = re.compile(r"[一二三四五六日天末]")


#: What may not follow a typed-wrong city (rule 5c): the rest of a date (大年初三 is no 大连, 阳历年 no 阳春).
#: nor a town's, village's or lake's name (四坪村, 新州镇; 骆马湖: 273rd-280th sittings)
# 龙羊峡, 山海广场 (297th-304th sittings), 大亮子河 (305th-312th)
_NOT_PHRASE_END = re.compile(r"[初年月日号號点點镇乡村庄屯湖峡]|广场|子?河")


#: Characters that are what they say, never a sound-alike typed by mistake: numerals (阿拉二〇二〇年 is
#: Shanghainese 我们 + a year, not 阿拉尔) in a name of two or three characters and, in a two-character name, 儿
#: (儿童节); a longer name may be typed with 儿 (哈儿滨 for 哈尔滨, by voice input).
_NUMERALS = frozenset("〇零一二两三四五六七八九十百千")


_NEVER_TYPED_FOR = _NUMERALS | {"儿"}


#: What may stand before a typed-wrong city (rule 5c): not a letter, digit or Chinese character, a verb
#: of going or being somewhere, or 查 (查徐洲). Not 看 or 是: 去看林海, 都是大晴天 (273rd-280th sittings' round).
# 查询昆名 (369th-376th sittings); 佇: Minnan 在 (阮阿嬷佇石狮: 41st round of batches; not Cantonese 喺, which read
# 喺阳春打工 老家郁南 … as 阳春, the county asked)
_PHRASE_START = re.compile(r"[^\w]|[_去到在回飞住来查询佇]")


#: Voice input has no spaces or punctuation: a two-character typo may also start right after a time word
#: (明天苏洲, 那天贵扬, 礼拜三X, 早上X, 这边X) or a wake word (小度小度X). A name of three or more characters
#: typed with one sound-alike (鄂尔多丝) is rarely an everyday word, so it needs no phrase start.
#: Looked for in the 4 characters before a position only (its longest word has 3): a scan from the start
#: made rule 5c quadratic in the question's length (a 5,000-character garbage question took minutes).
# (金天, 侯天, 大厚天, 明犬, 州末: day words typed wrong, 81st-84th sittings; 令天 by shape, 46th round of batches)
# (明夭沉阳, 后夭北亰: 夭 for 天 by shape before a city typed wrong; 今晩, the Japanese form of 晚: 53rd round)
_TIME_BEFORE = re.compile(r"(?:[今明后昨前那当每金侯厚名茗令]天|[今明后昨前]夭|[今明]犬|州末|"
                          r"[今明昨][晚早儿个晩睌]|[号號日]|[早晚]上|[上中下]午|[这那]边|周末"
                          r"|[以之][后前]|(?:周|礼拜|星期)[一二三四五六日天陆]|月[底抵敌]|小度|同学|那个|[呃嗯]|就是|一下|[问查看]下"
                          # 请问淄搏 (90th sitting); 未来三天X, 中秋节X; 帮我看看徐洲 (34th round of batches)
                          # 明朝杭洲 (Wu 明朝), 想知道厦们 (35th round of batches); 明年元旦厦们 (41st round; not
                          # 中秋, 端午 or 五一: 端午安康 is a wish, not 安康)
                          r"|请问|[一二两三四五六七八九十几]天|节|看看|[今明]朝|知道|元旦)$")


def _phrase_starts(folded: str, start: int) -> bool:
    """A phrase starts at ``start``: the question's start, after :data:`_PHRASE_START` or right after a time word
    (:data:`_TIME_BEFORE`); rules 5c, 5d, 5d' and 5h."""
    return start == 0 or bool(_PHRASE_START.match(folded[start - 1])
                              or _TIME_BEFORE.search(folded, max(0, start - 4), start))


def _scan(folded: str, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Rule 2's scan: at every position the longest name or place of the gazetteer (cities and blockers
    alike) that starts there, as ``(start, end)``; overlaps are resolved by the caller."""
    found = []
    for start in range(len(folded)):
        for length in range(min(gazetteer.max_len, len(folded) - start), 1, -1):
            piece = folded[start : start + length]
            if piece in gazetteer.names or piece in gazetteer.blockers:
                found.append((start, start + length))
                break
    return found


def load_romanized() -> list[str]:
    """The Latin-letter spellings of datasets/romanized.tsv (pinyin and English city names)."""
    return [spelling for spelling, _, _ in romanized_rows()]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str  # as written in the question
    key: str  # as looked up (Gazetteer.fold: traditional characters as simplified)


def find_mentions(question: str, gazetteer: Gazetteer) -> list[Mention]:
    """Rules 2-4: gazetteer names in the question, longest first, no overlaps, in text order. Traditional
    characters are read as their simplified form (one for one: the mention keeps the text as written)."""
    folded = gazetteer.fold(question)
    found = [Mention(start, end, question[start:end], folded[start:end]) for start, end in _scan(folded, gazetteer)]
    starts = {m.start for m in found}
    found = [m for m in found
             if not _weekday_numeral(folded, m, starts) and not _DAY_WORD_END.search(folded, 0, m.start + 1)
             and not _after_province_letter(found, m) and not _ends_in_guoji(folded, m)]
    kept: list[Mention] = []
    taken = [False] * len(question)
    # longest first; at equal length a city before a blocker (大后天河池: 河池, not the district 天河), and a name
    # begun by the particle 那 after one that starts past it (那曲靖呢: 那 + 曲靖, not 那曲: 182nd hand-written batch)
    for m in sorted(found, key=lambda m: (-(m.end - m.start), m.key in gazetteer.blockers,
                                          m.key[0] == "那" and m.start + 1 in starts, m.start)):
        if not any(taken[m.start : m.end]):
            kept.append(m)
            for i in range(m.start, m.end):
                taken[i] = True
    result = []
    nick = nickname_cities()
    for m in sorted(kept, key=lambda m: m.start):
        if m.key in nick and folded.startswith("区", m.end):
            continue  # 榕城区 is 揭阳's district, no 福州 by its nickname (273rd-280th sittings)
        if folded.startswith("岛", m.end) and m.key in world_city_names():
            continue  # 桑给巴尔岛: the island a city of the world is named after (192nd hand-written batch)
        if (m.key in gazetteer.blockers or _inside_word(folded, m) or _STREET.match(folded, m.end)
                or _PRODUCT.match(folded, m.end) or _COUNTY_AFTER.match(folded, m.end)
                or (_TOWN_AFTER.match(folded, m.end) and not m.key.endswith(("镇", "市")))):
            continue
        if (m.key.endswith("市") and folded.startswith(_SHI_WORDS, m.end - 1)
                and not folded.startswith(_SHI_KEPT, m.end - 1)):  # 昆山市立夏: the solar term 立夏
            m = Mention(m.start, m.end - 1, m.text[:-1], m.key[:-1])  # rule 3: 北京市区 -> 北京
            if m.key not in gazetteer.names:
                continue
        elif (folded.startswith("市", m.end) and m.key + "市" not in gazetteer.names
              and not folded.startswith(_SHI_WORDS + _SOLAR_TERMS_LI, m.end)):
            m = Mention(m.start, m.end + 1, question[m.start : m.end + 1], m.key + "市")  # 济州市, 首尔市: as written
        result.append(m)
    # a nickname right before its own city (魔都上海, 春城 昆明) is no second city: the city is written; nor is a
    # prefecture right before a county-level city of its own (泉州晋江, 苏州 昆山): the county-level city is asked
    prefectures = county_prefectures()

    def names_next(i: int) -> bool:
        m = result[i]
        if i + 1 >= len(result) or folded[m.end:result[i + 1].start].strip(" 的"):
            return False
        nxt = short_name(result[i + 1].key)
        return (m.key in nick and nxt == short_name(nick[m.key])) or m.key in prefectures.get(nxt, ())

    def glosses_previous(i: int) -> bool:  # 东港（丹东的）: the county-level city's prefecture as a gloss after it
        if i == 0:
            return False
        m = result[i]
        gap = folded[result[i - 1].end:m.start]
        # (a province before the prefecture in the brackets: 海宁（浙江嘉兴）, 52nd round of batches)
        stripped = gap.strip(" ")
        bracket, inside = stripped[:1], stripped[1:].strip(" ")
        in_brackets = bracket in ("（", "(") and (not inside or inside in _place_names("province"))
        # (or spaced, with 的 or 那个 after it: 海阳 烟台的, 晋江 泉州的: 140th and 234th batches)
        spaced = bool(gap) and not gap.strip(" ") and folded.startswith(("的", "那个"), m.end)
        return (in_brackets or spaced) and m.key in prefectures.get(short_name(result[i - 1].key), ())

    def nickname_of_named(i: int) -> bool:  # 昆明被称为春城: the city is written; its nickname is no second city
        m = result[i]
        return m.key in nick and any(short_name(o.key) == short_name(nick[m.key]) for o in result if o is not m)

    kept = [m for i, m in enumerate(result)
            if not names_next(i) and not glosses_previous(i) and not nickname_of_named(i)]
    # the same for a county-level city read only with 市, typed short right after its prefecture (清远英德, 荆州洪湖,
    # 延边龙井, 白山 临江): the prefecture says a place of its own follows; not a mountain (九江庐山, 吉安 井冈山:
    # the sight, in the prefecture asked) nor 凤翔 (a county until 2021, 宝鸡 凤翔 泥塑)
    # (泉州的石狮: 的 between them too, as rule 6d reads 泉州的晋江: 54th round of batches)
    for i, m in enumerate(kept):
        start = len(folded) - len(folded[m.end :].lstrip(" ").removeprefix("的").lstrip(" "))
        for short in _full_short_forms():
            if short in _SIGHT_SHORT_FORMS:
                continue
            if folded.startswith(short, start) and m.key in prefectures.get(short, ()) \
                    and not _SHORT_ANYWHERE_NOT.match(folded, start + len(short)):
                kept[i] = Mention(start, start + len(short), question[start : start + len(short)], short)
                break
    return kept


@functools.lru_cache(maxsize=1)
def _full_short_forms() -> tuple[str, ...]:
    """The short forms of every city of full_names.tsv (``_SHORT_NEVER`` included), longest first, then in a fixed
    order."""
    return tuple(sorted({s for s in (short_name(n) for n in load_full_names()) if s and len(s) >= 2},
                        key=lambda s: (-len(s), s)))


@functools.cache
def _place_names(kind: str) -> frozenset[str]:
    """The names of one kind of places.tsv: ``province`` (陕西省, 陕西: full and short), ``country`` (沙特, 斐济)."""
    from sft.places import load_places

    return frozenset(p.name for p in load_places() if p.kind == kind)


def _ends_in_guoji(folded: str, m: Mention) -> bool:
    """Rule 4e: a name whose last character 国 starts the word 国际 (international) is no city: 深圳宝安国际机场 is
    宝安 + 国际机场, no 安国 (51st round of batches)."""
    return m.key.endswith("国") and folded.startswith("际", m.end)


def _after_province_letter(found: list[Mention], m: Mention) -> bool:
    """Rule 4d: a name that starts with the last character of a province written whole right before it is no city:
    陕西安康 is 陕西 + 安康 (no 西安), 湖北京山 湖北 + 京山 (no 北京), 广东阳江 广东 + 阳江 (no 东阳). Not when the
    province is itself read inside another name (镇江西…: 镇江)."""
    provinces = _place_names("province")
    for p in found:
        if p.end == m.start + 1 and p.key in provinces:
            return not any(o is not p and o.start < p.start < o.end for o in found)
    return False


#: Rule 4b: what follows a weekday (周四, 星期六) as a word of its own: 周四会下雨 is 周四 + 会, not the city
#: 四会; 周六安排 is no 六安, 周日照常 no 日照, 周三河边 no 三河.
# on the folded text: 禮拜 reads as 礼拜, 會 as 会; 李拜四会不会下雨 (124th sitting): no 四会
_WEEKDAY = re.compile(r"(?:周|星期|[礼李]?拜)$")


# (周三沙尘: no 三沙)
_AFTER_WEEKDAY = ("会", "安排", "照常", "照样", "照旧", "照片", "河边", "亚运", "平均", "明显", "沙尘")


#: Rule 4c: a name that starts with the last character of a day word written right before it is no city: 今天门机 is
#: 今天 + 门机 (no 天门), 第三天水大 no 天水, 今日子长沙 is 今日子 + 长沙 (no 子长) (201st-216th sittings).
# (not a weekday's numeral, 周五天津, nor 后 of 两天后, 2天后天门: those end no day word at 天)
_DAY_WORD_END = re.compile(r"(?:(?<!天)[今明后昨前]天|(?<![周期拜])[一二两三四五六七八九十\d]天"
                           r"|(?:[今明后昨]日|[今明后昨]儿)[子个])$")


def _weekday_numeral(folded: str, m: Mention, starts: set[int]) -> bool:
    """Rule 4b: the mention starts with the numeral of a weekday written before it (下周四会…, 星期六安庆) and
    the rest is no city: a word follows the weekday (``_AFTER_WEEKDAY``), or another name starts right after
    the numeral (星期六安庆 is 星期六 + 安庆, 周六安徽 is 周六 + the province)."""
    if m.key[0] not in WEEKDAYS or not _WEEKDAY.search(folded, 0, m.start):
        return False
    return folded.startswith(_AFTER_WEEKDAY, m.start + 1) or (m.start + 1) in starts


#: Every word of ``_NOT_CITY_WORDS`` that starts at a position, the longest first (a zero-width look-ahead, so that
#: words overlapping each other are all seen): one search instead of a loop over words and positions.
_NOT_CITY_WORD_AT = re.compile("(?=(" + "|".join(map(re.escape, sorted(_NOT_CITY_WORDS, key=len, reverse=True)))
                               + "))")


_NOT_CITY_WORD_MAX = max(map(len, _NOT_CITY_WORDS))


#: The idioms and poem lines of ``_NOT_CITY_WORDS`` (39th sitting): quoted, they ask nothing of the city, unless a
#: visit follows (桂林山水甲天下 明天去看: 桂林; not 国庆去阳朔, another place).
_IDIOM_WORDS = frozenset({"洛阳纸贵", "邯郸学步", "桂林山水甲天下", "山水甲桂林", "烟花三月下扬州"})


_VISIT_AFTER = re.compile(r"[^。！!？?]{0,8}?去(?:看看?|玩玩?|逛逛?|耍|旅游|旅行|打卡)(?![\u4e00-\u9fff])")


def _inside_word(question: str, m: Mention) -> bool:
    """A common word that overlaps the mention starts at one of these positions."""
    for w in _NOT_CITY_WORD_AT.finditer(question, max(0, m.start - _NOT_CITY_WORD_MAX + 1)):
        if w.start() >= m.end:
            return False
        if w.start() < m.start and _DAY_WORD_END.search(question, 0, w.start() + 1):
            continue  # 昨天保山下了…: the word's first character ends a day word (昨天), no 天保山 (45th-48th batches)
        if w.start() + len(w.group(1)) > m.start:
            return w.group(1) not in _IDIOM_WORDS or not _VISIT_AFTER.match(question, w.start() + len(w.group(1)))
    return False


@functools.lru_cache(maxsize=1)
def _place_cities() -> dict[str, str]:
    """Each non-city place of places.tsv -> the short name of its city ('' when none: regions, provinces)."""
    from sft.places import load_places

    return {p.name: short_name(p.city) if p.city else "" for p in load_places() if p.kind != "city"}


@functools.lru_cache(maxsize=1)
def _county_names() -> frozenset[str]:
    """The names of datasets/counties.tsv of two to four characters, full and short (靖边县, 靖边): real places,
    never a city typed wrong (rule 5c)."""
    from sft.places import counties

    return frozenset(name for name in counties() if 2 <= len(name) <= 4)


@functools.lru_cache(maxsize=1)
def _county_and_district_names() -> frozenset[str]:
    """:func:`_county_names` and the names of datasets/districts.tsv of two to four characters, full and short
    (达川区, 达川): real places, never a city typed wrong (rule 5c: 达川 is no 达州 typed by shape)."""
    from sft.places import districts

    return _county_names() | frozenset(name for name in districts() if 2 <= len(name) <= 4)


@functools.lru_cache(maxsize=1)
def _trip_places() -> dict[str, str]:
    """:func:`_place_cities` and every county of datasets/counties.tsv (the short name of its prefecture): where a
    trip from the only city may go (rule 5e: 从临沂市里去郯城, 257th-264th sittings)."""
    from sft.places import counties

    places = {name: short_name(prefecture) for name, prefecture in counties().items()}
    places.update(_place_cities())
    return places


# Rule 5d's cue: a date or a weather word right after the name (石狮3月5号, 中山明天天气, 大同 下周冷吗).
_SHORT_CUE = re.compile(
    r"[ 的]?(?:[0-9０-９]|[一二三四五六七八九十两]{1,3}月|今天|今晚|今早|今儿|今日|明天|明早|明晚|明儿|明日|明后|后天|"
    r"大后天|下下周|下周|下个|下星期|下礼拜|这周|这个周|本周|周[一二三四五六日天末]|星期|礼拜|元旦|国庆|春节|五一|十一|"
    r"圣诞|中秋|端午|元宵|除夕|冬至|清明|"  # 中山聖誕節凍唔凍 (45th-52nd hand-written batches)
    # Cantonese days (中山听日会唔会落雨), other festivals, 到底 (中山到底下不下) (61st-76th hand-written batches)
    r"听日|听朝|琴日|寻日|大后日|后日|而家|平安夜|跨年|情人节|七夕|重阳|到底|"  # 中山大後日 (101st-108th)
    r"回南天|那天|"  # 中山 回南天, …推到6月20号 中山那天热吗 (77th-84th hand-written batches)
    r"天气|气温|温度|下雨|下雪|会不会|会唔会|冷|热|刮|有雨|有雪|雾霾|台风|降温|几度|多少度|大风|暴雨|大雨|下了|"
    r"古城|下不下|过年|落雨|呢排|这两天|这几天|明添|明填|明甜|风大|温泉|[春夏秋冬]天|供暖|"
    r"昨天|昨晚|昨儿|前天|夜来|夜儿|"  # 大同夜来刮了一天黄风 (345th-352nd sittings)
    r"[一二三四五六七八九十两几]{1,2}天[后内以])")  # 蔚山三天后降温吗 (40th round of batches)
# (中山刮了一整天大风: 45th-48th hand-written batches)


#: A trip to a place for a stay: 去中山出差, 到石狮开会 (rule 5d, the short form travelled to).
_TRAVELLED_TO = re.compile(r"(?:去|到|飞|前往|飞往)\s*$")
# (到廷布，天气咋样; 去麦加朝觐; 去中山行街: the clause ends, or a pilgrimage or shopping: 51st round of batches)
_TRIP_AFTER = re.compile(r"\s*(?:出差|开会|参会|玩|旅游|旅行|探亲|办事|培训|考试|看展|看望"
                         r"|朝觐|朝圣|行街|逛街|购物|[，,])")

# 大同古城 (80th sitting), 中山下不下雨 and 石狮 过年 (81st-82nd), 怀仁这两天 and 孝义明添 (170th), 玉门风大吗 (177th),
# 弥勒温泉 (192nd), 大同冬天 and 大同供暖 (206th)
# Short forms never read this way: a province (吉林), a district people mean more often (大安, 沙湾), a
# sight (the mountains, 都江堰), words a weather question starts with (东方, 合作, 同仁, 安宁, 新星 …).
_SHORT_NEVER = frozenset({"吉林", "大安", "沙湾", "东方", "合作", "同仁", "安宁", "新星", "新民", "天长",
                          "江山", "灯塔", "明光", "阳春", "井冈山", "峨眉山", "庐山", "武夷山", "都江堰",
                          "龙井", "玉树"})


# 龙井: the tea and Hangzhou's tea village more often than the city in Jilin; 玉树: read only with 市 or 州 (277th)
#: Rule 5d': of the short forms above, those whose other sense seldom starts a phrase of a weather question (洪湖 the
#: lake lies in the city, 英德, 石狮, 弥勒, 普洱 the tea is named with 茶): read as the city at a phrase start in a
#: question with a weather or date word anywhere, not only right after the name (英德茶园下周三采茶 会下雨吗, 洪湖挖藕
#: 这几天冻不冻, 安宁温泉 周末 天气; WILD.md's label guide reads them so), unless a place or the other sense follows
#: (安宁区, 大同镇, 江山半岛, 弥勒佛, 大同小异, 玉门关, 阳春面, 普洱茶, 白银首饰, 江山如此多娇, 江山如画).
#: Not 中山 (streets, 中山陵), 朝阳 (Beijing's district) nor the names of ``_SHORT_NEVER`` but these.
_SHORT_ANYWHERE = tuple(sorted({"洪湖", "英德", "弥勒", "石狮", "大同", "五常", "玉门", "明光", "安康", "临江",
                                 "磐石", "榆树", "怀仁", "孝义", "普洱", "白银", "都江堰", "阳春", "江山", "安宁"},
                                key=lambda s: (-len(s), s)))  # longest first


_SHORT_ANYWHERE_NOT = re.compile(r"\s*(?:[镇乡村区县路街关面佛堂价子被倒]|大道|半岛|小异|三月|白雪|首饰|饰品|期货"
                                 r"|行情|走势|如[此画]|今天又?[跌涨]|两国|法国)|(?<=普洱)茶")


#: The short forms that name a mountain or sight more than the city around it, and 凤翔 (a county until 2021).
_SIGHT_SHORT_FORMS = frozenset({"井冈山", "峨眉山", "庐山", "武夷山", "五大连池", "凤翔"})


#: Of those, the cities read short right after a province written whole (广东阳春 这周末冷不冷, 云南安宁明天, 浙江江山):
#: the province says a place follows. Not the mountains (江西庐山: the sight), 吉林, 龙井, nor the districts.
_AFTER_PROVINCE_ONLY = frozenset({"东方", "合作", "同仁", "安宁", "新星", "新民", "天长", "江山", "灯塔", "明光",
                                  "阳春", "玉树"})
# 朝阳 left this list (329th-336th sittings): the guide reads a bare name shared by a city and another city's district
# as the city, and with a date or a weather word right after it the label was 朝阳 every time (6 fixed, none lost)


def short_full_names(full_names: Iterable[str]) -> frozenset[str]:
    """Rule 5d's names: the short forms of the cities read only with 市, but those of ``_SHORT_NEVER``."""
    from sft.cities import short_name

    return frozenset(s for s in (short_name(n) for n in full_names) if s and len(s) >= 2 and s not in _SHORT_NEVER)


def find_short_full_name(question: str, gazetteer: Gazetteer) -> Mention | None:
    """Rule 5d: a city read only with 市 (``datasets/full_names.tsv``) typed short, as written, when nothing
    else names a city, the short form starts a phrase and a date or a weather word follows it at once
    (``石狮3月5号会回南天吗``, ``中山明天天气``); ``去中山路`` or ``普洱茶`` stay no city."""
    folded = gazetteer.fold(question)
    provinces = _place_names("province")
    world = world_short_names()  # a world city's short name right after its country (斐济苏瓦) as after a province
    # longest first, then the one written first (吉达 麦加 热吗: 吉达), then by name: never the set's hash order
    written = [s for s in gazetteer.short_forms | _AFTER_PROVINCE_ONLY if s in folded]
    for short in sorted(written, key=lambda s: (-len(s), folded.find(s), s)):
        if short in gazetteer.blockers:
            continue
        start = folded.find(short)
        while start >= 0:
            end = start + len(short)
            # right after a province written whole (陕西安康明天, 广东阳春 这周末): the province starts the phrase
            after_province = any(folded.endswith(p, 0, start) for p in provinces) \
                or (short in world  # 沙特吉达 (49th)
                    and any(folded.endswith(c, 0, start) for c in _place_names("country")))
            if short in _AFTER_PROVINCE_ONLY and not after_province:
                start = folded.find(short, start + 1)
                continue
            # a cue right after it, or the name standing as a word of its own in a weather question (石狮 服装城 …
            # 落雨不; … 下了一下午 中山: WILD.md, 48th, 59th and 61st sittings)
            # (after a province no cue is needed: 广东阳春那边 天气)
            alone = (after_province or end == len(folded) or folded[end].isspace()) \
                and _WEATHER.search(folded) is not None
            # a phrase starts there, or right after a time word, as for rule 5c (后天中山下不下雨: 82nd sitting)
            begins = after_province or _phrase_starts(folded, start)
            # travelled to for a stay (月初 去中山出差 下雨吗: the guide reads a short form travelled to; 185th batch)
            trip = _TRAVELLED_TO.search(folded, max(0, start - 3), start) and _TRIP_AFTER.match(folded, end) \
                and _WEATHER.search(folded) is not None
            cued = _SHORT_CUE.match(folded, end) or alone or _own_county_after(folded, end, short)
            if (trip or (begins and cued)) and not _inside_word(folded, Mention(start, end, short, short)):
                return Mention(start, end, question[start:end], short)
            start = folded.find(short, start + 1)
    seen = _WEATHER.search(folded) is not None or _SHORT_CUE.search(folded) is not None
    for short in _SHORT_ANYWHERE if seen else ():  # rule 5d': no cue right after it
        for m in re.finditer(re.escape(short), folded):
            start, end = m.start(), m.end()
            begins = _phrase_starts(folded, start) or any(folded.endswith(p, 0, start) for p in provinces)
            if begins and not _SHORT_ANYWHERE_NOT.match(folded, end) \
                    and not _inside_word(folded, Mention(start, end, short, short)):
                return Mention(start, end, question[start:end], short)
    for short, before_town_centre in _town_centre_patterns():  # 江山市区: even a short form never read alone
        for m in before_town_centre.finditer(folded):
            if m.start() == 0 or _PHRASE_START.match(folded[m.start() - 1]):
                return Mention(m.start(), m.end(), question[m.start():m.end()], short)
    return None


@functools.lru_cache(maxsize=1)
def _town_centre_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """The short form of every city of full_names.tsv (``_SHORT_NEVER`` included), longest first, each with its
    pattern before 市区, 市里, 城区 or 市中心 (compiled once, not per question)."""
    return tuple((short, re.compile(re.escape(short) + r"(?=市区|市里|城区|市中心)")) for short in _full_short_forms())


def _own_county_after(folded: str, end: int, short: str) -> bool:
    """One of the city's own counties written right after its short form (普洱西盟, 普洱江城县: 297th-304th sittings):
    the prefecture named, as 张家口张北 is."""
    places = _trip_places()
    return any(places.get(folded[end : end + n]) == short for n in (4, 3, 2))


def find_city_not_written_whole(question: str, gazetteer: Gazetteer) -> Mention | None:
    """Where no city is written in full (no mention, no Latin-letter city): a city read only with 市 typed short where
    the weather is asked (rule 5d), else one typed with a sound-alike (rule 5c), in the rule's order; the rule
    (:func:`bench.rule.locate_city`) and the ``places-rule`` hints (:mod:`sft.hints`) both ask this."""
    return find_short_full_name(question, gazetteer) or find_typo(question, gazetteer)


def name_at(folded: str, start: int, gazetteer: Gazetteer, *names) -> str | None:
    """The longest name of any of ``names`` (collections of place names) written at ``start``, two characters or
    more and no longer than the gazetteer's longest name, or None."""
    for length in range(min(gazetteer.max_len, len(folded) - start), 1, -1):
        name = folded[start : start + length]
        if any(name in group for group in names):
            return name
    return None


def place_at(folded: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether a known place that is no city starts at ``start``: a name of the gazetteer's blockers (sights,
    districts, provinces) or a county, longest first."""
    return name_at(folded, start, gazetteer, gazetteer.blockers, _county_names()) is not None


#: A correction or a change of plan right after the last city (贵阳市，哦不对是内蒙古; 哈尔滨不对中山陵;
#: 长春不要了 换成长白山): what follows is asked instead.
# (绵阳 不对不对 我要查的是九寨沟: 174th hand-written batch)
# (南宁天气 不对 我要看的是涠洲岛: 285th-292nd; 泉州天气…不对是石狮: 293rd-300th)
_CORRECTION_AFTER = re.compile(r"[\s，,…]*(?:" + INTERJECTIONS + r"\s*)?(?:不对|不是)(?:\s*不对)?"
                               # (杭州明天下雨吗 不对 我是问千岛湖: 38th round of batches)
                               r"[\s，,]*(?:是|应该是|去|到|我?(?:要|想)?(?:看|查|问|去|说)的是|我是(?:想|要)?(?:问|查|说)"
                               r"|[查问](?:一下|下)?)?\s*"  # (查下珠海的，哦不是，查中山: 63rd round of batches)
                               # 不去张家界了 改去凤凰古城, 长春不要了 换成长白山 (172nd sitting): a plan changed
                               # (江门 后来改去中山了: 39th round of batches)
                               r"|[\s，,]*(?:了|不要了|去不成了|去不了了|不去了)?[\s，,]*(?:后来|现在|最后)?"
                               r"(?:改去|改成去?|换成|换去|改到)\s*"
                               # 你说的是江门，我问的是中山; 本来想查江门的，算了查中山吧 (33rd-34th rounds of batches)
                               # 刚才查的是珠海 其实我要去的是中山 (41st round of batches)
                               r"|[\s，,…]*(?:其实)?(?:我(?:问|说|要|查|要去|想去)的是|算了[\s，,]*(?:还是)?我?改?(?:问|查|看)(?:的是|一下|下)?)"
                               # (定位错了 定成了江门 其实我在中山: 47th round of batches)
                               r"|[\s，,…]*其实我?人?在"
                               r"\s*")


#: A slip owned right after the city (南京 sorry 是中山陵, 南京 哦不 改成中山陵): what follows is asked instead.
_SLIP_AFTER = re.compile(r"[\s，,…]*(?:" + INTERJECTIONS + r"\s*不|sorry|抱歉|不好意思|(?:[啊哦呃额]\s*)?" + SLIP_VERBS
                         + r"错了?|[啊哦]\s*错了|更正一下|更正)[:：]?"  # 上海… 打错 是崇明岛 (40th round of batches)
                         # 上海 哦不 我要看的是崇明岛; 重庆 更正一下 是永川区 (214th batch); 嘉兴…sorry 是嘉善
                         # (285th-292nd)
                         # (西安天气…噢不，我想问华山上面: 46th round of batches)
                         r"[\s，,]*(?:是|应该是|改成|换成|我?(?:要|想)?(?:看|查|问)的是|我?(?:想|要)(?:问|查|看)(?:一下|下)?)?\s*"
                         # 西安 啊说错了 兵马俑那边; 泸州 应该是泸沽湖 (190th hand-written batch)
                         r"|[\s，,]+应该是\s*"
                         # 查下洛阳……噢我其实是想问龙门石窟那块 (31st round of batches)
                         # 大连的天气……等下，我其实想问金石滩那边 (35th round of batches)
                         r"|[\s，,…]*(?:" + INTERJECTIONS + r"\s*|等(?:一)?下[\s，,]*|等等[\s，,]*)?"
                         r"我?其实是?(?:想|要)(?:问|查|看)(?:的是)?\s*",
                         re.IGNORECASE)
#: A few words of the city's own clause before its correction (南京天气 不对 是中山陵; 南京明天冷吗？不对 是…).
# (上饶明天→改成婺源明天: an arrow before the correction, 42nd round of batches)
_BEFORE_CORRECTION = re.compile(r"[^\s，,。！!？?…→]{1,8}[\s，,。！!？?…→]+")


def correction_after(folded: str, end: int) -> re.Match | None:
    """A correction of the city ending at ``end``, right after it or after a few words of its clause (南京天气 不对
    是…): its match ends where the name corrected to starts."""
    if re.search(r"(?<!你说的)(?<!你问的)(?<!你查的)是\s*\S{2,4}\s*$", folded[:end]) \
            and not re.search(r"(?:刚才|刚刚|之前|上次)[问查看说]的是\s*\S{2,4}\s*$", folded[:end]):
        # 是太原 不是大同, 我问的是 吉林市 不是吉林省: the city said first, the other denied (157th-164th); not what was
        # asked before (刚才查的是珠海 其实我要去的是中山: 41st round of batches)
        return None
    gap = _BEFORE_CORRECTION.match(folded, end)
    return next((m for at in (end, gap.end() if gap else None) if at is not None
                 for m in (_CORRECTION_AFTER.match(folded, at), _SLIP_AFTER.match(folded, at)) if m), None)


#: A way of going, one list for every rule that reads one (坐船, 转高铁, 开车, 打车;
#: 坐邮轮去西沙: 44th round of batches).
RIDE = (r"(?:坐|乘|搭|转)(?:轮渡|渡轮|快艇|游艇|游船|邮轮|游轮|船|高铁|动车|火车|大巴|客车|飞机|车)"
       r"|开车|自驾|骑车|打车|包车|租车")

#: A trip word right after the only city read (太原到大同, 广州去中山): where the trip goes follows it.
# 佛山再去中山; 太原坐高铁去大同 (41st round of batches); 晋江欲去石狮 (42nd)
_TRIP_STEP = re.compile(r"\s*(?:再|然后|又|欲|要|想)?\s*(?:到|去|飞|飞往|飞到|前往"
                        r"|(?:" + RIDE + r")[去到]|→|->)\s*")  # (太原坐高铁到大同: 63rd round of batches)


def _short_form_after_trip(question: str, folded: str, m: Mention, gazetteer: Gazetteer) -> Mention | None:
    """Rule 5d with rule 6: a city read only with 市 typed short, right after a trip word after the only city read,
    with a date, a weather word, a space or the end right after it (太原到大同 12.15 结冰吗, 广州去中山 明天下雨吗:
    141st hand-written batch): the trip's destination, as written."""
    step = _TRIP_STEP.match(folded, m.end)
    found = _short_form_at(question, folded, step.end(), gazetteer) if step else None
    prefecture = districts().get(found.key, districts().get(found.key + "区", "")) if found else ""
    if found is None or short_name(prefecture) == short_name(m.key):
        return None  # 北京去朝阳: the city's own district (朝阳区), not the city 朝阳
    end = found.end
    return found if end == len(folded) or folded[end] in " \t，," or _SHORT_CUE.match(folded, end) else None


def _corrected_to_short_form(question: str, folded: str, end: int, gazetteer: Gazetteer) -> Mention | None:
    """Rule 5d with rule 6c: the city ending at ``end`` corrected to a city read only with 市 typed short
    (珠海，改成中山; 珠海呃不对是中山 明天…: 141st-143rd hand-written batches): the correction is its cue, the short
    form as written."""
    match = correction_after(folded, end)
    if match is None or place_at(folded, match.end(), gazetteer):
        return None  # 南京 不对 是中山陵: the place
    return _short_form_at(question, folded, match.end(), gazetteer)


def _short_form_at(question: str, folded: str, start: int, gazetteer: Gazetteer) -> Mention | None:
    """The longest short form of a city read only with 市 written at ``start`` (not a known place that is no city,
    not inside a common word: 中山路), as written, or None."""
    short = name_at(folded, start, gazetteer, gazetteer.short_forms)
    if short is None or short in gazetteer.blockers:
        return None
    found = Mention(start, start + len(short), question[start : start + len(short)], short)
    return None if _inside_word(folded, found) else found


def short_form_after(question: str, gazetteer: Gazetteer, m: Mention) -> Mention | None:
    """A city read only with 市 typed short that the city read at ``m`` is corrected or travelled to (珠海，改成中山;
    太原到大同 12.15), as written, or None: the rule contender's answer where ``m`` is the only city it reads
    (``bench.rule``), and the ``rule`` hints' city (:mod:`sft.hints`)."""
    folded = gazetteer.fold(question)
    return (_corrected_to_short_form(question, folded, m.end, gazetteer)
            or _short_form_after_trip(question, folded, m, gazetteer))
