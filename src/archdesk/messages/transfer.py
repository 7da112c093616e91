"""Messages of the import (收集): the problems a transfer spreadsheet's rows can have, and where a value
for a whole file came from. The CLI's ``--json`` keeps the English rendering in ``message``; the
rejection sheet, the 移交验收单 and the wizard render them in their own language."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Cell values
    "import.no_such_date": ("no such date: {date}", "日期不存在：{date}"),
    "import.not_a_date": (
        "not a date: {value} (write it as 20230315, 2023-03-15, 2023年3月15日, 19970700 or 1997.7)",
        "不是日期：{value}（请写作 20230315、2023-03-15、2023年3月15日、19970700 或 1997.7）",
    ),
    "import.not_a_year": ("not a year: {value}", "不是年度：{value}"),
    "import.pages_not_whole": ("not a whole number of pages: {value}", "页数不是整数：{value}"),
    "import.not_pages": ("not a page count: {value}", "不是页数：{value}"),
    "import.pages_negative": ("the page count cannot be negative ({value})", "页数不能为负数（{value}）"),
    "import.pages_implausible": ("implausible page count: {value}", "页数不合理：{value}"),
    "import.not_item_number": ("not an item number: {value}", "不是件号：{value}"),
    "import.unknown_retention": (
        "unknown retention period: {value} (use 永久, 定期30年 or 定期10年)",
        "未知的保管期限：{value}（请用 永久、定期30年 或 定期10年）",
    ),
    "import.unknown_security": (
        "unknown security level: {value} (use 公开, 内部, 秘密, 机密 or 绝密)",
        "未知的密级：{value}（请用 公开、内部、秘密、机密 或 绝密）",
    ),
    "import.too_long": (
        "too long: {length:,} characters (at most {limit:,})",
        "内容过长：{length:,} 个字符（最多 {limit:,} 个）",
    ),
    # Rows
    "import.title_missing": ("the title is missing", "缺少题名"),
    "import.year_missing": ("no year, and no date to take it from", "缺少年度，也没有可推算年度的日期"),
    "import.year_implausible": ("implausible year {year}", "年度不合理：{year}"),
    "import.retention_missing": ("the retention period is missing", "缺少保管期限"),
    "import.unknown_department": ("unknown department: {value}", "未知的机构（问题）：{value}"),
    "import.unknown_category": ("unknown category: {value}", "未知的门类：{value}"),
    "import.no_default_category": (
        "the archive has no category {code}; choose one",
        "档案库中没有门类 {code}，请选择门类",
    ),
    "import.unknown_medium": ("unknown medium: {value}", "未知的载体：{value}"),
    "import.same_code_as_row": ("the same reference code as row {row}", "档号与第 {row} 行相同"),
    "import.same_code_as_sheet_row": (
        "the same reference code as row {row} of sheet {sheet}",
        "档号与工作表 {sheet} 第 {row} 行相同",
    ),
    "import.duplicate_row": ("duplicate of row {row}", "与第 {row} 行重复"),
    "import.code_in_catalogue": ("reference code {code} is already in the catalogue", "档号 {code} 已在目录中"),
    "import.code_not_parsed": (
        "reference code {code} does not follow the pattern of category {category} ({pattern})",
        "档号 {code} 不符合门类 {category} 的档号格式（{pattern}）",
    ),
    "import.code_mismatch": (
        "reference code {code} does not match the row's values (they give {expected})",
        "档号 {code} 与本行的著录项不符（按著录项应为 {expected}）",
    ),
    "import.code_missing": (
        "no reference code or item number to keep",
        "没有可保留的档号或件号",
    ),
    # The file
    "import.column_not_mapped": ("no column is mapped to {field}", "没有列对应到{field}"),
    "import.date_or_year_not_mapped": (
        "no column is mapped to the date or the year",
        "没有列对应到日期或年度",
    ),
    "import.no_column_for": (
        "no column is mapped to {field} and no value is given for every row (--set {name}=…)",
        "没有列对应到{field}，也没有为所有条目给出取值（--set {name}=…）",
    ),
    "import.unknown_field": (
        "unknown field {name} (use one of {fields})",
        "未知的字段 {name}（可用：{fields}）",
    ),
    "import.bad_option": ("{option}: write it as {form}", "{option}：应写作 {form}"),
    "import.no_such_sheet": (
        "no sheet named {name} (the workbook has {names})",
        "没有名为 {name} 的工作表（工作簿中有 {names}）",
    ),
    "import.bad_value_for_every_row": (
        "{field} for every row ({source}): {problem}",
        "所有条目的{field}（{source}）：{problem}",
    ),
    "import.cancelled": ("import cancelled; nothing was kept", "导入已取消，未保留任何内容"),
    "import.cancelled_checking": (
        "import cancelled while checking rows; nothing was kept",
        "检查行时导入已取消，未保留任何内容",
    ),
    "import.already_imported": (
        "{file} was already imported (batch {batches}); import it again only with --force",
        "{file} 已导入过（批次 {batches}）；如需再次导入，请使用 --force",
    ),
    "import.withdraw_refused": (
        "batch {batch} cannot be withdrawn: {count} of its records are no longer pending (accepted, boxed) or it has none",
        "批次 {batch} 不能撤回：其中 {count} 件已不是暂存状态（已接收或已装盒），或批次中没有档案",
    ),
    "import.is_folder": ("is a folder, not a spreadsheet", "是文件夹，不是电子表格"),
    # Where a value for the whole file came from
    "import.from_option": ("given once for every row", "为所有条目统一给出"),
    "import.from_title_rows": ("the sheet's title rows", "表头说明行"),
    "import.from_sheet_name": ("the sheet's name {sheet}", "工作表名称 {sheet}"),
    "import.from_category_default": ("the category's default", "门类的默认值"),
    "import.from_reference_code": ("each row's reference code", "各条目的档号"),
    "import.value_from": ("{field}: {value} (from {source})", "{field}：{value}（取自{source}）"),
    "import.sheets_not_read": (
        "the workbook has {count} sheets; read: {read}; not read: {unread} (use --sheet NAME or --sheet all)",
        "工作簿共有 {count} 个工作表；已读取：{read}；未读取：{unread}（可用 --sheet 名称 或 --sheet all）",
    ),
    "import.sheet_skipped": ("sheet {sheet} skipped: {reason}", "已跳过工作表 {sheet}：{reason}"),
    # Glossary words of the import
    "term.sequence": ("No.", "序号"),
    "term.mapping": ("Column mapping", "列对应"),
    "term.sheet": ("Sheet", "工作表"),
}
