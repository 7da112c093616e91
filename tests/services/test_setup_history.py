"""The archive set-up's audit events read in the window's language."""

from __future__ import annotations

from archdesk.services.audit_history import entity_history
from archdesk.services.setup import (
    add_category,
    add_department,
    add_fonds,
    set_category_active,
    set_department_active,
    update_department,
)


def _texts(archive, entity, language):
    return [entry.summary_text(language) for entry in entity_history(archive, entity)]


def test_fonds_series_and_departments_added_changed_and_retired_read_in_both_languages(archive):
    add_fonds(archive, "Z002", "二分厂")
    category = add_category(archive, "HT", "合同")
    set_category_active(archive, category, False)
    department = add_department(archive, "XXB", "信息办")
    update_department(archive, department, code="XXB", name="信息中心")
    set_department_active(archive, department, False)
    assert _texts(archive, "fonds", "zh_CN")[-1] == "新增全宗 Z002（二分厂）"
    assert _texts(archive, "fonds", "en")[-1] == "fonds Z002 (二分厂) added"
    assert _texts(archive, "category", "zh_CN")[-2:] == ["新增门类 HT（合同）", "门类 HT 停用"]
    assert _texts(archive, "category", "en")[-2:] == ["series HT (合同) added", "series HT retired"]
    assert _texts(archive, "department", "zh_CN")[-3:] == [
        "新增机构（问题）XXB（信息办）",
        "修改机构（问题）XXB",
        "机构（问题）XXB 停用",
    ]
    assert _texts(archive, "department", "en")[-1] == "department XXB retired"
    assert [e.action_text("zh_CN") for e in entity_history(archive, "department")][-3:] == ["新建", "修改", "停用"]
