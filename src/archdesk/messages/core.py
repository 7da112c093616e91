"""Messages every part of the program uses: lookups that found nothing, refusals, the file and row a
problem is in."""

MESSAGES: dict[str, tuple[str, str]] = {
    "core.not_found": ("{what} {key!r} not found", "未找到{what}：{key}"),
    "core.cancelled": ("cancelled; nothing was changed", "已取消，未做任何更改"),
    "core.interrupted": ("interrupted", "已中断"),
    # Where a problem is: "{source}: row {row}: {field}: {problem}".
    "core.at_source": ("{source}: {problem}", "{source}：{problem}"),
    "core.at_row": ("row {row}: {problem}", "第 {row} 行：{problem}"),
    "core.at_field": ("{field}: {problem}", "{field}：{problem}"),
    "core.unexpected": ("unexpected error: {kind}: {detail}", "意外错误：{kind}：{detail}"),
    # Text that came from outside (a library's message, a file name) and is shown as it is.
    "core.text": ("{text}", "{text}"),
}
