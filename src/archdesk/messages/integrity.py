"""Messages of the integrity check (``archdesk check``): what each check found, and its notes."""

MESSAGES: dict[str, tuple[str, str]] = {
    "integrity.could_not_run": ("the check could not run: {detail}", "无法执行此项检查：{detail}"),
    "integrity.sqlite_only": (
        "SQLite only; this database enforces it itself",
        "仅适用于 SQLite；此数据库自行保证",
    ),
    "integrity.not_archdesk": ("not an ArchDesk schema", "不是 ArchDesk 数据结构"),
    "integrity.file_problem": ("{line}", "{line}"),
    "integrity.database_file": ("database file", "数据库文件"),
    "integrity.row_of": ("{table} row {rowid}", "{table} 第 {rowid} 行"),
    "integrity.missing_parent": ("refers to a {parent} that does not exist", "引用了不存在的 {parent}"),
    "integrity.no_schema": (
        "no ArchDesk schema version: this is not an ArchDesk archive",
        "没有 ArchDesk 结构版本：这不是 ArchDesk 档案库",
    ),
    "integrity.old_revision": (
        "schema revision {current}, not the latest {head}",
        "结构版本为 {current}，不是最新的 {head}",
    ),
    "integrity.revision": ("revision {revision}", "版本 {revision}"),
    "integrity.schema_differs": ("differs from the models: {difference}", "与数据模型不一致：{difference}"),
    "integrity.code_mismatch": (
        "does not match its parts: the series' pattern gives {expected}",
        "与其组成部分不符：按门类的档号格式应为 {expected}",
    ),
    "integrity.no_sequence": (
        "no item-number sequence for this group, though {code} has item {item}",
        "此组没有件号序列，但 {code} 的件号为 {item}",
    ),
    "integrity.above_sequence": (
        "{code} has item {item}, above the sequence's last number {last}",
        "{code} 的件号 {item} 大于序列的最后号 {last}",
    ),
    "integrity.duplicate_records": (
        "used by {count} records; a reference code must be unique",
        "被 {count} 件档案使用；档号必须唯一",
    ),
    "integrity.duplicate_volumes": (
        "used by {count} volumes; a reference code must be unique",
        "被 {count} 个案卷使用；档号必须唯一",
    ),
    "integrity.box_mixes": (
        "holds {code} with {differences}; a box never mixes them",
        "装有 {code}，但{differences}；同一盒不得混装",
    ),
    "integrity.differs_year": ("year {year} (box: {box})", "年度 {year}（盒：{box}）"),
    "integrity.differs_retention": ("retention {value} (box: {box})", "保管期限 {value}（盒：{box}）"),
    "integrity.differs_department": ("department {value} (box: {box})", "机构（问题） {value}（盒：{box}）"),
    "integrity.differs_fonds": ("another fonds", "全宗不同"),
    "integrity.differs_category": ("another category", "门类不同"),
    "integrity.none": ("none", "无"),
    "integrity.search_index": ("search index", "检索索引"),
    "integrity.no_search_index": ("this archive has no search index", "此档案库没有检索索引"),
    "integrity.index_count": (
        "{count} indexed rows for {records} records; rebuild the search index",
        "索引 {count} 行，档案 {records} 件；请重建检索索引",
    ),
    "integrity.content_gram_index": (
        "attached-text index of one- and two-character words",
        "附件全文单字、双字索引",
    ),
    "integrity.content_gram_rows": (
        "{missing} records with indexed attached text are missing from it and {stale} of its rows have no such "
        "text; rebuild the search index",
        "{missing} 件已索引附件全文的档案不在其中，{stale} 行没有对应的附件全文；请重建检索索引",
    ),
    "integrity.token_frequencies": ("search index's token counts", "检索索引的字词计数"),
    "integrity.token_frequency_rows": (
        "{count} tokens are counted wrongly (e.g. {token}: {kept} kept, {counted} counted); rebuild the search index",
        "{count} 个字词计数有误（如 {token}：记为 {kept}，实为 {counted}）；请重建检索索引",
    ),
    "integrity.records": ("{count} records", "{count} 件档案"),
    # The report as `archdesk check` prints it.
    "integrity.checking": ("Checking {database} ({count} records)", "正在检查 {database}（{count} 件档案）"),
    "integrity.status.ok": ("ok", "正常"),
    "integrity.status.problems": ("PROBLEM", "有问题"),
    "integrity.status.skipped": ("skipped", "跳过"),
    "integrity.problem_count": (": {count} problem(s)", "：{count} 个问题"),
    "integrity.more": ("… and {count} more", "……另有 {count} 个"),
    "integrity.clean": ("No problems found.", "未发现问题。"),
    "integrity.found": ("{count} problem(s) found.", "发现 {count} 个问题。"),
    "integrity.counted_in_full": ("counted in full on this database", "此数据库上完整计数"),
    "integrity.tree_counts_compared": ("record_count against a full count", "分类计数表与完整计数比对"),
    "integrity.tree_count_trigger_missing": (
        "trigger {trigger} is missing; the tree counts are not kept",
        "触发器 {trigger} 缺失，分类计数未能维护",
    ),
    "integrity.tree_count_group": (
        "fonds {fonds}, category {category}, year {year}, retention {retention}",
        "全宗 {fonds}，门类 {category}，年度 {year}，保管期限 {retention}",
    ),
    "integrity.tree_count_wrong": ("tree count {kept}, {counted} records", "分类计数记为 {kept}，实有 {counted} 件"),
    "integrity.box_counts_compared": ("box_record_count against each box's records", "盒内件数表与各盒档案计数比对"),
    "integrity.box_count_wrong": (
        "box count {kept}, {counted} records in the box",
        "盒内件数记为 {kept}，盒内实有 {counted} 件",
    ),
    "integrity.box_count_trigger_missing": (
        "trigger {trigger} is missing; the records per box are not kept",
        "触发器 {trigger} 缺失，盒内件数未能维护",
    ),
    "integrity.destroyed_unaccounted": (
        "is marked destroyed but no executed destruction list accounts for it",
        "标为已销毁，但没有已执行的销毁清册记载",
    ),
}
