"""Messages of `archdesk init` (a new, empty archive)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "init.db_required": ("init needs --db PATH (the new archive file)", "init 需要 --db 路径（新档案库文件）"),
    "init.fonds_required": ("give --fonds-code and --fonds-name", "请给出 --fonds-code 和 --fonds-name"),
    "init.exists": (
        "{path} already holds an archive; init never changes one",
        "{path} 已是档案库；init 不会修改已有档案库",
    ),
    "init.created": (
        "created {db}: fonds {code} {name}, with the code tables",
        "已创建 {db}：全宗 {code} {name}，含代码表",
    ),
}
