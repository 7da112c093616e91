"""Settings › OK saves the fonds and the categories' rules as one action: all of it, or none of it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from archdesk.models import DAT13_PATTERN, AuditEvent
from archdesk.services.codes import code_tables, save_archive_settings
from archdesk.services.errors import NotFound, ValidationError


def _state(db):
    tables = code_tables(db)
    ws = next(c for c in tables.categories if c.code == "WS")
    with db.reading() as session:
        audits = session.scalars(select(AuditEvent.summary).where(AuditEvent.action == "update")).all()
    return (tables.fonds[0].code, tables.fonds[0].name), (ws.refcode_pattern, ws.default_retention), audits


def test_the_fonds_and_the_rules_are_saved_together_with_their_audit_entries(archive):
    save_archive_settings(archive, fonds=("Z109", "某某局"), category_rules={"WS": (DAT13_PATTERN, "D30")})
    fonds, ws, audits = _state(archive)
    assert fonds == ("Z109", "某某局") and ws == (DAT13_PATTERN, "D30")
    assert sorted(audits) == ["fonds Z109", "rules of series WS"]


@pytest.mark.parametrize(
    ("rules", "error"),
    [
        ({"WS": (DAT13_PATTERN, "D30"), "KJ·JJ": (DAT13_PATTERN, "NO-SUCH")}, NotFound),  # found while saving
        ({"WS": (DAT13_PATTERN, "D30"), "KJ·JJ": ("{year}", "Y")}, ValidationError),  # found before
    ],
    ids=["unknown retention", "bad pattern"],
)
def test_one_refused_rule_saves_nothing(archive, rules, error):
    before = _state(archive)
    with pytest.raises(error):
        save_archive_settings(archive, fonds=("Z109", "某某局"), category_rules=rules)
    assert _state(archive) == before


def test_the_fonds_code_cannot_change_once_records_carry_it_but_its_name_can(archive):
    from archdesk.services.catalogue import create_record
    from archdesk.services.errors import NotAllowed
    from archdesk.services.views import RecordInput

    fonds = code_tables(archive).fonds[0]
    create_record(archive, RecordInput(title="通知", category="WS", year=2023, retention="D30"))
    with pytest.raises(NotAllowed) as refused:
        save_archive_settings(archive, fonds=("Z999", fonds.name))
    assert fonds.code in refused.value.render("zh_CN") and "不能修改" in refused.value.render("zh_CN")
    save_archive_settings(archive, fonds=(fonds.code, "新的单位名称"))
    assert [(f.code, f.name) for f in code_tables(archive).fonds] == [(fonds.code, "新的单位名称")]
