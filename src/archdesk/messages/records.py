"""Messages of the catalogue (著录): a record's fields refused, actions on records refused, and the
audit summaries of record events (what the History tab shows)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # A field of the record form.
    "record.title_required": ("a title is required", "题名不能为空"),
    "record.too_long": ("at most {limit} characters", "最多 {limit} 个字符"),
    "record.year_range": ("the year must be between {first} and {last}", "年度须在 {first} 至 {last} 之间"),
    "record.date_future": ("the date {date} is in the future", "日期 {date} 晚于今天"),
    "record.date_after_year": (
        "a record of {year} cannot be dated {date}",
        "{year} 年度的文件不能标注日期 {date}",
    ),
    "record.no_such_date": ("no such date: {text}", "没有这一天：{text}"),
    "record.date_format": (
        "not a date: {text} (write it as YYYY-MM-DD or YYYYMMDD)",
        "不是日期：{text}（请写作 YYYY-MM-DD 或 YYYYMMDD）",
    ),
    "record.pages_negative": ("the page count cannot be negative", "页数不能为负数"),
    "record.pages_not_number": (
        "the page count must be a whole number: {text}",
        "页数须为整数：{text}",
    ),
    "record.value_required": ("a value is required", "必须填写"),
    "record.unknown_code": ("unknown code '{code}'", "没有代码“{code}”"),
    "record.unknown_fonds": ("unknown fonds '{code}'", "没有全宗“{code}”"),
    "record.no_fonds": ("the archive has no fonds yet", "档案库中还没有全宗"),
    "record.not_a_field": ("not a field of a record", "不是档案的著录项"),
    "record.reason_required": ("a reason is required", "必须填写原因"),
    # An action refused.
    "record.accepted_keeps_code": (
        "{reference_code} is accepted: its fonds, category, year, retention and department make its "
        "reference code and cannot change",
        "{reference_code} 已归档：全宗、门类、年度、保管期限和机构（问题）构成档号，不能更改",
    ),
    "record.destroyed_kept": (
        "{reference_code} is destroyed: its catalogue entry is kept as it was",
        "{reference_code} 已销毁：其目录条目保持原样",
    ),
    "record.accepted_not_deleted": (
        "{reference_code} is {status}: a record accepted into the archive is never deleted; nothing was "
        "deleted (transfer it out, or destroy it through appraisal)",
        "{reference_code} 为“{status}”：已归档的档案不能删除，未删除任何档案（可移出，或经鉴定销毁）",
    ),
    "record.not_pending": (
        "{reference_code} is {status}, no longer pending: nothing was accepted",
        "{reference_code} 为“{status}”，已不是暂存：未接收任何档案",
    ),
    "record.bad_transition": (
        "{reference_code} is {before} and cannot be made {after} here: nothing was changed",
        "{reference_code} 为“{before}”，此处不能改为“{after}”：未做任何更改",
    ),
    # Audit summaries (History tab).
    "audit.record.created": ("created {reference_code}", "新建 {reference_code}"),
    "audit.record.edited": ("edited {reference_code}: {fields}", "修改 {reference_code}：{fields}"),
    "audit.record.deleted": ("deleted pending record {reference_code}", "删除暂存档案 {reference_code}"),
    "audit.record.accepted": ("accepted {reference_code} into custody", "{reference_code} 接收入库（在档）"),
    "audit.record.status": (
        "{reference_code}: {before} → {after}: {reason}",
        "{reference_code}：{before} → {after}：{reason}",
    ),
    # Audit actions (the History tab's Action column).
    "audit.action.create": ("create", "新建"),
    "audit.action.update": ("update", "修改"),
    "audit.action.delete": ("delete", "删除"),
    "audit.action.accept": ("accept", "接收"),
    "audit.action.status": ("status", "状态变更"),
    "audit.action.seed": ("seed", "初始化"),
    "audit.action.demo": ("demo", "示例数据"),
    "audit.action.import": ("import", "导入"),
}
