"""Volumes (案卷) and their printed forms: why a volume register is empty."""

MESSAGES: dict[str, tuple[str, str]] = {
    "volumes.item_arranged": (
        "No files (volumes) in this series: {category} records are arranged by item",
        "本类无案卷：{category}按件整理",
    ),
    "volumes.none_in_archive": (
        "No files (volumes) in this archive: every series is arranged by item",
        "本档案室无案卷：各门类均按件整理",
    ),
    "volumes.none_in_scope": (
        "No files (volumes) match the selection",
        "所选范围内无案卷",
    ),
}
