"""The import's problem messages in the department's language.

Validation writes each problem in plain English (the CLI's JSON and the logs keep that form).
The rejection slip and the 移交验收单 go back to a Chinese department, so their issue column is
rendered in Chinese from the same message: each form the validator writes has a pattern here,
and a test checks that every message a messy sheet produces has one.
"""

from __future__ import annotations

import re

_VALUE = r"(?P<v>.*)"

#: English message form → Chinese template (named groups carry the values over).
_ZH: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(f"^{pattern}$", re.DOTALL), template)
    for pattern, template in (
        (r"no such date: (?P<d>[\d-]+)", "日期不存在：{d}"),
        (rf"not a date: {_VALUE} \(write it as .*\)", "不是日期：{v}（请写作 20230315、2023-03-15 或 2023年3月15日）"),
        (rf"not a date: {_VALUE}", "不是日期：{v}"),
        (rf"not a year: {_VALUE}", "不是年度：{v}"),
        (rf"not a whole number of pages: {_VALUE}", "页数不是整数：{v}"),
        (rf"not a page count: {_VALUE}", "不是页数：{v}"),
        (r"the page count cannot be negative \((?P<v>-?\d+)\)", "页数不能为负数（{v}）"),
        (r"implausible page count: (?P<v>\d+)", "页数不合理：{v}"),
        (rf"unknown retention period: {_VALUE} \(use .*\)", "未知的保管期限：{v}（请用 永久、定期30年 或 定期10年）"),
        (rf"unknown security level: {_VALUE} \(use .*\)", "未知的密级：{v}（请用 公开、内部、秘密、机密 或 绝密）"),
        (r"too long: (?P<n>[\d,]+) characters \(at most (?P<m>[\d,]+)\)", "内容过长：{n} 个字符（最多 {m} 个）"),
        (r"the title is missing", "缺少题名"),
        (r"no year, and no date to take it from", "缺少年度，也没有可推算年度的日期"),
        (r"implausible year (?P<v>-?\d+)", "年度不合理：{v}"),
        (r"the retention period is missing", "缺少保管期限"),
        (rf"unknown department: {_VALUE}", "未知的机构（问题）：{v}"),
        (rf"unknown category: {_VALUE}", "未知的门类：{v}"),
        (r"the archive has no category (?P<v>\S+); choose one", "档案库中没有门类 {v}，请选择门类"),
        (rf"unknown medium: {_VALUE}", "未知的载体：{v}"),
        (r"the same reference code as row (?P<v>\d+)", "档号与第 {v} 行相同"),
        (r"duplicate of row (?P<v>\d+)", "与第 {v} 行重复"),
        (r"reference code (?P<v>.+) is already in the catalogue", "档号 {v} 已在目录中"),
    )
)


def localised(message: str, language: str) -> str:
    """The message in ``language`` ("zh_CN" or "en"); an unknown form is returned as it is."""
    if language == "en":
        return message
    for pattern, template in _ZH:
        match = pattern.match(message)
        if match:
            return template.format(**match.groupdict())
    return message


def has_translation(message: str) -> bool:
    return any(pattern.match(message) for pattern, _ in _ZH)
