"""Words for demo records: titles, document numbers (文号), responsible parties (责任者), notes.

Plain vocabulary for ``services.demo``; every choice comes from the caller's seeded ``Random``.
"""

from __future__ import annotations

import random
from datetime import date
from math import log
from typing import NamedTuple

SURNAMES = "张王李赵刘陈杨黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英",
         "华", "平", "刚", "桂英", "建国", "志强", "海燕", "晓东", "红梅", "文博", "思远", "雨萱", "浩然")  # fmt: skip
TOPICS = ("档案管理", "安全生产", "财务预算", "人才引进", "信息化建设", "节能减排", "保密", "党风廉政建设",
          "乡村振兴", "优化营商环境", "文明单位创建", "消防安全", "应急管理", "政务公开", "普法宣传", "绩效考核",
          "固定资产清查", "内部审计", "数据安全", "职工培训", "扶贫协作", "垃圾分类", "网络安全", "科技创新",
          "防汛抗旱", "安全保卫", "干部选拔任用", "精神文明建设", "公务用车管理", "办公用房调整")  # fmt: skip
HOLIDAYS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
RULES = ("档案管理办法", "公文处理实施细则", "财务报销管理规定", "会议制度", "保密管理制度", "考勤管理办法",
         "车辆管理办法", "合同管理办法", "印章使用管理规定", "值班工作制度")  # fmt: skip
THINGS = ("办公设备", "档案密集架", "服务器", "消防器材", "公务用车", "会议室音视频系统", "空调机组", "扫描仪")
BUILDINGS = ("综合办公楼", "档案库房", "职工食堂", "实验楼", "地下车库", "科研中心", "培训中心", "配电房")
EVENTS = ("五四青年节", "七一建党", "职工运动会", "新春团拜会", "先进表彰大会", "知识竞赛", "志愿服务", "开放日")
ISSUERS = (
    # (责任者, 文号 prefix)
    ("本单位办公室", "办发"), ("本单位", "发"), ("本单位人事处", "人字"), ("本单位财务处", "财发"),
    ("本单位科研处", "科发"), ("本单位基建处", "基建函"), ("中共本单位委员会", "党发"),
    ("市人民政府办公室", "市政办发"), ("市档案局", "档发"), ("市财政局", "财预"), ("省档案馆", "省档函"),
    ("市应急管理局", "应急发"), ("市科学技术局", "科技发"), ("市人力资源和社会保障局", "人社发"),
    ("国家档案局", "档函"), ("市住房和城乡建设局", "建发"), ("市审计局", "审发"),
)  # fmt: skip
NOTES = ("复印件", "原件存财务处", "附件另存", "含电子版", "字迹褪色，已修裱", "缺附件", "彩色", "手写稿")
WS_KINDS = ("通知", "通知", "通知", "请示", "报告", "批复", "会议纪要", "函", "意见", "总结", "计划")


class RecordText(NamedTuple):  # a tuple: built a million times for the benchmark archive
    title: str
    document_number: str
    responsible_party: str
    notes: str
    pages: int
    carrier: str
    supplied: bool = False


# Every draw is ``seq[int(random() * len(seq))]`` (services.demo's fast ``choice``), written out
# inline below: a million records make about six million draws, and a method call per draw was a
# fifth of the generator's time. Draws happen in a fixed order, so a seed always gives the same data.
_NO_NUMBER = frozenset(("会议纪要", "总结", "计划"))
_PAGES_RATE = 1 / 6


def _below(rng: random.Random, n: int) -> int:
    """``rng.randrange(n)`` exactly as the standard library draws it (same bits, same result)."""
    bits = n.bit_length()
    r = rng.getrandbits(bits)
    while r >= n:
        r = rng.getrandbits(bits)
    return r


def person(rng: random.Random) -> str:
    r = rng.random
    return SURNAMES[int(r() * len(SURNAMES))] + GIVEN[int(r() * len(GIVEN))]


def _ws_title(rng: random.Random, year: int, kind: str, issuer: str) -> str:
    r = rng.random
    topic = TOPICS[int(r() * len(TOPICS))]
    if kind == "通知":
        # The six bodies are drawn as if all were written out: the holiday, then the rule, then which.
        holiday = HOLIDAYS[int(r() * len(HOLIDAYS))]
        rule = RULES[int(r() * len(RULES))]
        which = int(r() * 6)
        if which == 0:
            body = f"召开{year}年度{topic}工作会议"
        elif which == 1:
            body = f"做好{year}年{holiday}期间{topic}工作"
        elif which == 2:
            body = f"印发《{rule}》"
        elif which == 3:
            body = f"开展{topic}专项检查"
        elif which == 4:
            body = f"调整{topic}领导小组成员"
        else:
            body = f"组织{topic}业务培训"
        return f"关于{body}的通知"
    if kind == "请示":
        thing = THINGS[int(r() * len(THINGS))]
        building = BUILDINGS[int(r() * len(BUILDINGS))]
        body = (f"申请{topic}专项经费", f"购置{thing}", f"维修{building}")[int(r() * 3)]
        return f"关于{body}的请示"
    if kind == "报告":
        return f"关于{year}年{topic}工作情况的报告"
    if kind == "批复":
        thing = THINGS[int(r() * len(THINGS))]
        return f"关于同意{('购置' + thing, '开展' + topic + '试点', '调整机构设置')[int(r() * 3)]}的批复"
    if kind == "会议纪要":
        number = 1 + _below(rng, 24)
        return f"{year}年第{number}次{('局长办公会议', '党委会议', '专题会议')[int(r() * 3)]}纪要"
    if kind == "函":
        return f"关于商请协助{topic}工作的函"
    if kind == "意见":
        return f"关于加强{topic}工作的实施意见"
    return f"{issuer}{year}年{topic}工作{kind}"


def _other_title(rng: random.Random, category: str, year: int, day: date) -> tuple[str, str]:
    """(title, carrier) for categories other than 文书."""
    if category == "KJ·KY":
        return f"{rng.choice(TOPICS)}研究课题{rng.choice(('立项申请书', '中期检查报告', '结题验收材料'))}", "ZZ"
    if category == "KJ·JJ":
        stage = rng.choice(("施工合同", "竣工验收报告", f"施工图（第{rng.randint(1, 9)}册）", "监理日志"))
        return f"{rng.choice(BUILDINGS)}工程{stage}", "ZZ"
    if category == "KJ·SB":
        return f"{rng.choice(THINGS)}{rng.choice(('采购合同', '安装调试记录', '维修保养记录'))}", "ZZ"
    if category == "KU·01":
        return f"{year}年{day.month}月记账凭证（第{rng.randint(1, 12)}册）", "ZZ"
    if category == "KU·02":
        return f"{year}年{rng.choice(('总账', '明细账', '现金日记账', '银行存款日记账'))}", "ZZ"
    if category == "KU·03":
        return rng.choice((f"{year}年度财务会计报告", f"{year}年第{(day.month + 2) // 3}季度财务报表")), "ZZ"
    if category == "KU·04":
        return f"{year}年{day.month}月{rng.choice(('银行对账单', '纳税申报表', '银行存款余额调节表'))}", "ZZ"
    if category == "RS":
        return rng.choice(
            (
                f"关于{person(rng)}同志职务任免的通知",
                f"关于{year}年公开招聘工作人员的报告",
                f"{person(rng)}职称评审材料",
            )
        ), "ZZ"
    if category == "ZP":
        return f"{year}年{rng.choice(EVENTS)}活动照片", rng.choice(("ZP", "DZ"))
    return f"{year}年{rng.choice(EVENTS)}获奖奖杯", "SW"


def record_text(rng: random.Random, category: str, year: int, day: date, department: str) -> RecordText:
    """The descriptive fields of one demo record."""
    r = rng.random
    notes = NOTES[int(r() * len(NOTES))] if r() < 0.08 else ""
    pages = max(1, int(-log(1.0 - r()) / _PAGES_RATE))  # rng.expovariate(1 / 6), written out
    if category == "WS":
        issuer, prefix = ISSUERS[int(r() * len(ISSUERS))]
        kind = WS_KINDS[int(r() * len(WS_KINDS))]
        number = "" if kind in _NO_NUMBER else f"{prefix}〔{year}〕{1 + _below(rng, 180)}号"
        if kind == "总结" or kind == "计划":
            issuer = f"本单位{department}"
        title = _ws_title(rng, year, kind, issuer)
        carrier = "DZ" if year >= 2020 and r() < 0.25 else "ZZ"
        return RecordText(title, number, issuer, notes, pages, carrier)
    title, carrier = _other_title(rng, category, year, day)
    party = {"KJ·KY": "本单位科研处", "KJ·JJ": "本单位基建处", "RS": "本单位人事处"}.get(category, "本单位")
    if category.startswith("KU"):
        party = "本单位财务处"
    return RecordText(title, "", party, notes, pages, carrier, supplied=category in ("ZP", "SW·JB"))
