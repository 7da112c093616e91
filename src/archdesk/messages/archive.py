"""Messages of opening, creating and upgrading an archive file, and of the audit events of that."""

MESSAGES: dict[str, tuple[str, str]] = {
    "archive.no_such_file": ("{path}: no such archive file", "{path}：档案库文件不存在"),
    "archive.cannot_create": ("{path}: cannot create the archive ({detail})", "{path}：无法创建档案库（{detail}）"),
    "archive.cannot_open": ("{path}: cannot open the archive ({detail})", "{path}：无法打开档案库（{detail}）"),
    "archive.is_folder": ("{path}: is a folder, not an archive file", "{path}：这是文件夹，不是档案库文件"),
    "archive.cannot_read": (
        "{path}: cannot read the archive file ({detail})",
        "{path}：无法读取档案库文件（{detail}）",
    ),
    "archive.not_sqlite": (
        "{path}: not an ArchDesk archive (not an SQLite database)",
        "{path}：不是 ArchDesk 档案库（不是 SQLite 数据库）",
    ),
    "archive.foreign_database": (
        "{path}: not an ArchDesk archive (it has {count} table(s), e.g. '{table}', but no ArchDesk schema version)",
        "{path}：不是 ArchDesk 档案库（有 {count} 个数据表，如“{table}”，但没有 ArchDesk 结构版本）",
    ),
    "archive.backup_failed": (
        "{path}: cannot make a backup copy before upgrading ({detail}); nothing was changed",
        "{path}：升级前无法备份（{detail}），未做任何更改",
    ),
    "archive.newer_schema": (
        "{path}: the archive's schema revision '{revision}' is newer than this ArchDesk knows (latest "
        "'{head}'); use a newer version of ArchDesk",
        "{path}：档案库的结构版本“{revision}”比本程序所知的更新（最新为“{head}”），请使用更新版本的 ArchDesk",
    ),
    "archive.unknown_revision": ("{path}: unknown schema revision '{revision}'", "{path}：未知的结构版本“{revision}”"),
    "archive.cannot_migrate": ("{path}: cannot migrate the archive: {detail}", "{path}：无法升级档案库：{detail}"),
    "archive.broken_references": (
        "{path}: the upgrade would leave {count} broken reference(s), e.g. {table} row {rowid} refers to a "
        "missing {parent}; nothing was changed",
        "{path}：升级将留下 {count} 处失效引用（如 {table} 第 {rowid} 行引用了不存在的 {parent}），未做任何更改",
    ),
    "audit.code_tables.seeded": ("code tables seeded for a new archive", "新档案库已写入代码表"),
    # Reference-code patterns (settings) and the code tables.
    "codes.unknown_placeholder": ("unknown placeholder {{{name}}}", "未知的占位符 {{{name}}}"),
    "codes.item_once": ("the pattern must contain {{item}} exactly once", "格式中须有且仅有一个 {{item}}"),
    "codes.item_optional": ("{{item}} cannot be inside an optional [ ] part", "{{item}} 不能放在可省略的 [ ] 部分中"),
    "codes.unbalanced": ("unbalanced [ ]: every [ must be closed by a ]", "[ ] 不配对：每个 [ 都须有对应的 ]"),
    "audit.category.rules": ("rules of series {code}", "门类 {code} 的规则"),
    "audit.fonds.changed": ("fonds {code}", "全宗 {code}"),
    # Demo data, listings and exports.
    "demo.not_empty": (
        "the archive already has {count} records; demo data goes only into an empty archive",
        "档案库中已有 {count} 件档案；示例数据只能加入空档案库",
    ),
    "demo.force_hint": ("{problem} (--force adds it anyway)", "{problem}（使用 --force 仍可加入）"),
    "audit.demo.added": ("added {records} demo records", "加入 {records} 件示例档案"),
    "listing.cannot_sort": ("cannot sort by '{column}'", "不能按“{column}”排序"),
    "reports.export_cancelled": ("export cancelled; nothing was written", "导出已取消，未写入任何内容"),
    "reports.preview_cancelled": ("print preview cancelled", "打印预览已取消"),
    "reports.unknown_format": (
        "cannot tell the format of {path}: use --format pdf or --format xlsx",
        "无法判断 {path} 的格式：请使用 --format pdf 或 --format xlsx",
    ),
    "reports.pdf_only": ("{document} is printed as PDF only", "{document} 只能输出为 PDF"),
}
