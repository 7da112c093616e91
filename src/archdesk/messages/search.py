"""Messages of the command line's search, export and demo results."""

MESSAGES: dict[str, tuple[str, str]] = {
    "search.summary": ("{total} record(s) match '{query}'", "共 {total} 件档案符合“{query}”"),
    "search.summary_partial": (
        "showing {shown} of {total} record(s) that match '{query}'",
        "显示 {shown} 件，共 {total} 件档案符合“{query}”",
    ),
    "reports.cannot_write": ("{path}: cannot write ({detail})", "{path}：无法写入（{detail}）"),
    "demo.added": (
        "{where}: added {records} records in {boxes} boxes on {locations} new shelves",
        "{where}：加入 {records} 件档案，装入 {boxes} 盒，上架于 {locations} 个新架位",
    ),
}
