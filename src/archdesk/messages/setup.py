"""Messages of the archive set-up (档案室设置): fonds, categories, departments, the first-run checklist."""

MESSAGES: dict[str, tuple[str, str]] = {
    "setup.code_required": ("enter a code", "请输入代码"),
    "setup.name_required": ("enter a name", "请输入名称"),
    "setup.bad_code": ("{code!r} is not a code of this kind: {rule}", "“{code}”不是有效的代码：{rule}"),
    "setup.fonds_code_form": (
        "3 or 4 capital letters or digits, e.g. Z109",
        "3 至 4 位大写字母或数字，如 Z109",
    ),
    "setup.category_code_form": (
        "1 to 4 capital letters or digits, e.g. WS or 01",
        "1 至 4 位大写字母或数字，如 WS、01",
    ),
    "setup.department_code_form": (
        "1 to 8 capital letters or digits, e.g. BGS",
        "1 至 8 位大写字母或数字，如 BGS",
    ),
    "setup.code_taken": ("the code {code} is used already", "代码 {code} 已被使用"),
    "setup.code_in_use": (
        "{records} records carry the code {code} in their reference codes; it cannot change",
        "已有 {records} 件档案的档号含代码 {code}，不能修改",
    ),
    "setup.parent_retired": (
        "{code} cannot come back while its parent category {parent} is retired",
        "上级门类 {parent} 已停用，{code} 不能恢复",
    ),
    "setup.bad_arrangement": ("arrangement {value!r}: use item or volume", "整理方式“{value}”无效：应为按件或按卷"),
    "setup.qt_libraries_missing": (
        "Qt cannot open a window: this system lacks {libraries}. Install them with: {apt} (Debian, Ubuntu)"
        " or: {dnf} (Fedora)",
        "Qt 无法打开窗口：系统缺少 {libraries}。请安装：{apt}（Debian、Ubuntu）或 {dnf}（Fedora）",
    ),
    "term.setup.category_name": ("Category name", "门类名称"),
    "term.setup.department_name": ("Department name", "机构（问题）名称"),
    "term.setup.arrangement": ("Arrangement", "整理方式"),
}
