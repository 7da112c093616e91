"""Data safety: failures of the disk, the database file and the files read, named by their kind;
backups and restore; the audit trail."""

MESSAGES: dict[str, tuple[str, str]] = {
    "safety.disk_full": (
        "{where}: the disk is full; nothing was saved (free some space and try again)",
        "{where}：磁盘已满，未保存任何内容（请腾出空间后重试）",
    ),
    "safety.locked": (
        "{where}: the archive is busy in another program and stayed locked; nothing was saved (try again later)",
        "{where}：档案库正被其他程序使用并一直处于锁定状态，未保存任何内容（请稍后重试）",
    ),
    "safety.read_only": (
        "{where}: the archive file or its folder is read-only; nothing was saved",
        "{where}：档案库文件或其所在文件夹为只读，未保存任何内容",
    ),
    "safety.corrupt": (
        "{where}: the archive file is damaged ({detail}); nothing was changed — restore it from a backup",
        "{where}：档案库文件已损坏（{detail}），未做任何更改——请从备份恢复",
    ),
    "safety.cannot_open": ("{where}: the archive file cannot be opened", "{where}：无法打开档案库文件"),
    "safety.unreadable": ("{where}: cannot be read ({detail})", "{where}：无法读取（{detail}）"),
    "safety.no_permission": ("{where}: permission denied", "{where}：没有访问权限"),
    "safety.not_text": (
        "{where}: not readable as text ({detail})",
        "{where}：无法作为文本读取（{detail}）",
    ),
    "safety.unwritable_folder": (
        "{where}: cannot write into this folder ({detail}); nothing was imported",
        "{where}：无法写入此文件夹（{detail}），未导入任何内容",
    ),
    "safety.bad_argument": (
        "command-line argument {position} is not valid UTF-8 text",
        "第 {position} 个命令行参数不是有效的 UTF-8 文本",
    ),
    "safety.schema_versions": (
        "{where}: the archive names {count} schema versions at once; it was changed outside ArchDesk",
        "{where}：档案库同时记录了 {count} 个结构版本，已在 ArchDesk 之外被修改",
    ),
    "safety.not_an_archive": (
        "{where}: not an ArchDesk archive (an empty file); nothing was created",
        "{where}：不是 ArchDesk 档案库（空文件），未创建任何内容",
    ),
    "safety.backup_sqlite_only": (
        "backups are made of an archive file; back up a PostgreSQL archive with pg_dump",
        "备份针对档案库文件；PostgreSQL 档案库请用 pg_dump 备份",
    ),
    "safety.backup_unsound": (
        "{where}: not restored, the backup failed its verification ({problem}); nothing was changed",
        "{where}：未恢复，备份未通过校验（{problem}），未做任何更改",
    ),
    "safety.backup_written": (
        "backed up to {path} ({size} MB, {events} audit events)",
        "已备份到 {path}（{size} MB，{events} 条审计记录）",
    ),
    "safety.restored": (
        "restored {archive} from {backup}; the archive as it was is kept as {kept}",
        "已从 {backup} 恢复 {archive}；原档案库保留为 {kept}",
    ),
    "safety.restored_new": ("restored {archive} from {backup}", "已从 {backup} 恢复 {archive}"),
    "safety.migrate_from_sqlite": (
        "migrate-to copies an SQLite archive file; give it with --db FILE",
        "migrate-to 复制的是 SQLite 档案库文件，请用 --db FILE 指定",
    ),
    "safety.migrate_not_empty": (
        "{where}: the database is not empty ({tables} tables); migrate-to copies only into an empty one",
        "{where}：数据库不是空的（{tables} 张表），migrate-to 只复制到空数据库",
    ),
    "safety.migrate_unverified": (
        "{where}: the copy failed its verification ({problem}); the database was emptied again",
        "{where}：副本未通过校验（{problem}），已重新清空该数据库",
    ),
    "safety.migrated": (
        "copied {archive} to {where}: {records} records, {events} audit events, {tables} tables; counts and audit chain verified",
        "已将 {archive} 复制到 {where}：{records} 条记录、{events} 条审计记录、{tables} 张表；数量与审计链已校验",
    ),
    "safety.read_only_mode": (
        "the archive is open read-only ({operator} on {host} has it open for writing); nothing was saved",
        "档案库以只读方式打开（{operator} 在 {host} 上正以可写方式使用），未保存任何内容",
    ),
    "safety.held_by": (
        "{where}: open in ArchDesk for {operator} on {host} since {since}; close it there first",
        "{where}：{operator} 自 {since} 起在 {host} 上用 ArchDesk 打开了它，请先在那里关闭",
    ),
    "term.safety.archive": ("the archive", "档案库"),
    "safety.database": ("{where}: database error: {detail}", "{where}：数据库错误：{detail}"),
    # archdesk check: the audit trail, the records against it, the search index's text.
    "safety.check.no_search_text": ("this archive keeps no search text to compare", "此档案库没有可比对的检索文本"),
    "safety.check.triggers_missing": (
        "the append-only triggers are missing ({triggers}): the trail can be rewritten",
        "缺少只追加触发器（{triggers}）：审计记录可被改写",
    ),
    "safety.check.seals_of_event": ("audit seals of event #{event}", "审计事件 #{event} 的记录封印"),
    "safety.check.seals_orphaned": (
        "belong to no audit event: the event was removed",
        "不属于任何审计事件：该事件已被删除",
    ),
    "safety.check.chain_breaks": ("{problem}: the chain breaks here", "{problem}：哈希链在此断开"),
    "safety.check.not_following": (
        "it does not follow the event before it (an event was removed or changed)",
        "与前一事件不相接（有事件被删除或改动）",
    ),
    "safety.check.after_image_changed": ("its after-image was changed", "其变更后内容被改动"),
    "safety.check.content_changed": ("its content or its record seals were changed", "其内容或记录封印被改动"),
    "safety.check.head_unreadable": (
        "the chain head kept beside the archive cannot be read",
        "档案库旁保存的链头无法读取",
    ),
    "safety.check.head_missing": (
        "missing: the newest audit events cannot be confirmed (restore the file from a backup)",
        "缺失：无法确认最新的审计事件（请从备份恢复文件）",
    ),
    "safety.check.newest_is": ("the newest is #{event}", "最新的是 #{event}"),
    "safety.check.none_left": ("there are none", "已无事件"),
    "safety.check.head_event_gone": (
        "names audit event #{event}, which is gone ({newest}): the newest events were removed",
        "指向的审计事件 #{event} 已不存在（{newest}）：最新的事件被删除",
    ),
    "safety.check.head_rewritten": (
        "audit event #{event} is not the one the chain head names: events were rewritten",
        "审计事件 #{event} 与链头记载的不符：事件被改写",
    ),
    "safety.check.added_outside": (
        "is not in the audit trail: it was added outside ArchDesk",
        "不在审计记录中：是在 ArchDesk 之外添加的",
    ),
    "safety.check.back_outside": (
        "was deleted (audit event #{event}) but is back: restored outside ArchDesk",
        "已删除（审计事件 #{event}）却又出现：是在 ArchDesk 之外恢复的",
    ),
    "safety.check.changed_outside": (
        "{fields} changed outside ArchDesk since its last audited state (audit event #{event})",
        "自最后一次审计（审计事件 #{event}）以来，{fields} 在 ArchDesk 之外被改动",
    ),
    "safety.check.record_number": ("record #{id}", "档案 #{id}"),
    "safety.check.deleted_outside": (
        "was deleted outside ArchDesk (last audited in event #{event})",
        "在 ArchDesk 之外被删除（最后审计于事件 #{event}）",
    ),
    "safety.check.index_differs": (
        "the search index holds another {fields}: rebuild the search index",
        "检索索引中的{fields}与目录不同：请重建检索索引",
    ),
    "safety.check.text_compared": ("text compared", "已比对文本"),
    "safety.check.events": ("{count} events", "{count} 个事件"),
    "safety.import.hidden_removed": (
        "{source} row {row}, {column}: control, bidi-override or zero-width characters were removed",
        "{source} 第 {row} 行，{column}：已删除控制字符、双向覆盖字符或零宽字符",
    ),
}
