"""Digitisation (档案数字化): attached files, fixity, full text. ``term.digitisation.*`` are the
words of this topic."""

MESSAGES: dict[str, tuple[str, str]] = {
    "digitisation.no_folder": (
        "this archive keeps no files beside it: set {variable} to the shared folder for attached files",
        "此档案库旁没有文件夹：请将 {variable} 设为存放附件的共享文件夹",
    ),
    "digitisation.bad_stored_name": (
        "stored file name {name!r} is not one ArchDesk writes; it was not opened",
        "存储文件名 {name!r} 不是 ArchDesk 生成的，未打开",
    ),
    "digitisation.unreadable": ("cannot read the file: {reason}", "无法读取文件：{reason}"),
    "digitisation.unknown_type": (
        "not a PDF, TIFF, JPEG, PNG or Office document (by its content)",
        "不是 PDF、TIFF、JPEG、PNG 或 Office 文档（按文件内容判断）",
    ),
    "digitisation.record_closed": (
        "{reference_code} is destroyed or transferred: no files can be attached",
        "{reference_code} 已销毁或移出，不能再添加附件",
    ),
    "digitisation.no_such_folder": ("no folder {folder}", "文件夹 {folder} 不存在"),
    "digitisation.audit_attached": (
        "attached {file_name} to {reference_code}",
        "为 {reference_code} 添加附件 {file_name}",
    ),
    "digitisation.audit_removed": (
        "removed {file_name} with pending record {reference_code}",
        "随暂存档案 {reference_code} 删除附件 {file_name}",
    ),
    "digitisation.fixity_missing": ("stored file is missing", "存储文件缺失"),
    "digitisation.fixity_altered": (
        "stored file no longer matches its SHA-256",
        "存储文件与其 SHA-256 不符（已被改动）",
    ),
    "audit.action.attach": ("attach", "添加附件"),
    "audit.action.ocr": ("OCR", "文字识别"),
    "digitisation.ocr_missing": (
        "text recognition (OCR) is not installed: run {command}",
        "未安装文字识别（OCR）组件：请运行 {command}",
    ),
    "audit.digitisation.ocr_read": (
        "read the text of {file_name} of {reference_code} by OCR ({pages} pages)",
        "对 {reference_code} 的附件 {file_name} 做了文字识别（{pages} 页）",
    ),
    "term.digitisation.last_verified": ("last verified", "最近校验"),
    "term.digitisation.has_scans": ("has scans", "有扫描件"),
    "term.digitisation.no_scans": ("no scans", "无扫描件"),
    "term.digitisation.attachment": ("attachment", "附件"),
    "term.digitisation.file": ("file", "文件"),
}
