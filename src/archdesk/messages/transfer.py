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
    # The file cannot be read as a transfer sheet at all (services/collection/guards.py, reader.py).
    "import.file.empty": ("the file is empty", "文件是空的"),
    "import.file.missing": ("no such file", "文件不存在"),
    "import.file.encrypted": (
        "the workbook is encrypted (password-protected); save it without a password",
        "工作簿已加密（设有密码）；请去掉密码后另存",
    ),
    "import.file.old_format_named_xlsx": (
        "the file is an old-format or encrypted workbook with an .xlsx name",
        "文件是旧格式或加密的工作簿，却以 .xlsx 命名",
    ),
    "import.file.not_a_spreadsheet": (
        "not a {suffix} spreadsheet (the file is damaged, truncated or of another kind)",
        "不是 {suffix} 电子表格（文件已损坏、不完整或是其他类型）",
    ),
    "import.file.unsupported_type": (
        "unsupported file type {suffix}; use .xlsx, .xls, .ods or .csv",
        "不支持的文件类型 {suffix}；请使用 .xlsx、.xls、.ods 或 .csv",
    ),
    "import.file.no_worksheet": ("the workbook has no worksheet", "工作簿中没有工作表"),
    "import.file.sheet_empty": ("the sheet is empty", "工作表是空的"),
    "import.file.sheet_too_large": (
        "the worksheet is too large to import (split the file)",
        "工作表太大，无法导入（请拆分文件）",
    ),
    "import.file.text_too_large": (
        "the workbook's text is {megabytes} MB, more than one import reads",
        "工作簿的文字有 {megabytes} MB，超过一次导入可读取的量",
    ),
    "import.file.damaged": ("the file is damaged or truncated ({detail})", "文件已损坏或不完整（{detail}）"),
    "import.file.unreadable": ("not a readable spreadsheet ({detail})", "不是可读取的电子表格（{detail}）"),
    "import.file.sheet_unreadable": ("the sheet cannot be read ({detail})", "无法读取工作表（{detail}）"),
    "import.file.repeated_columns": (
        "a row repeats a value across {columns} columns; at most {limit} are read",
        "有一行把一个值重复到 {columns} 列；最多读取 {limit} 列",
    ),
    "import.file.too_wide": (
        "the sheet is {columns} columns wide; at most {limit} are read",
        "工作表宽 {columns} 列；最多读取 {limit} 列",
    ),
    "import.file.too_wide_stray": (
        "the sheet has values out to column {column}; at most {limit} columns are read "
        "(delete the stray cells to the right of the table)",
        "工作表第 {column} 列仍有内容；最多读取 {limit} 列（请删除表格右侧多余的单元格）",
    ),
    "import.file.too_many_cells": (
        "the sheet spans {rows} rows × {columns} columns, more than one import reads (split the file)",
        "工作表有 {rows} 行 × {columns} 列，超过一次导入可读取的量（请拆分文件）",
    ),
    "import.file.no_table": ("no sheet has a table ({details})", "没有一个工作表含有目录表格（{details}）"),
    "import.file.no_header": (
        "no header row found (expected headings such as 题名, 日期, 保管期限 or Title, Date)",
        "找不到表头行（应有 题名、日期、保管期限 等列名，或 Title、Date）",
    ),
    "import.file.csv_malformed": (
        "the CSV text is malformed near line {line} ({detail})",
        "CSV 文本在第 {line} 行附近格式错误（{detail}）",
    ),
    "import.file.csv_binary": (
        "not a text (CSV) file: it contains binary data",
        "不是文本（CSV）文件：其中含有二进制数据",
    ),
    "import.file.csv_encoding": (
        "cannot tell the text encoding of the CSV file; save it as UTF-8",
        "无法识别 CSV 文件的文字编码；请另存为 UTF-8",
    ),
    "import.file.xml_doctype": (
        "the XML spreadsheet declares a DOCTYPE; save it again as .xlsx",
        "XML 电子表格声明了 DOCTYPE；请另存为 .xlsx",
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
    # A transfer batch's notes (the Transfers dock's tooltip, the batch list)
    "import.note.review_retention": (
        "{count} legacy retention values to review",
        "{count} 个旧保管期限值待复核",
    ),
    "import.note.withdrawn": ("withdrawn ({count} pending records removed)", "已撤回（删除暂存档案 {count} 件）"),
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
