"""Use's audit events read in the window's language: a loan lent, renewed and returned, a restriction."""

from __future__ import annotations

from datetime import date

from archdesk.services.audit_history import entity_history
from archdesk.services.catalogue import record_history
from archdesk.services.use.lending import lend
from archdesk.services.use.returns import ReturnCheck, lift_restriction, renew_loan, restrict_record, return_loans


def test_a_loan_lent_renewed_and_returned_reads_in_chinese_and_in_english(archive, shelf):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], today=date(2026, 3, 2), days=14)
    (loan,) = result.loans
    renew_loan(archive, loan, reason="still needed", today=date(2026, 3, 10))
    return_loans(archive, [ReturnCheck(loan, pages=10)], today=date(2026, 3, 20))
    loans = entity_history(archive, "loan", loan)
    assert [e.summary_text("zh_CN") for e in loans] == [f"借阅 {loan} 续借至 2026-03-30", f"借阅 {loan} 已归还（完好）"]
    assert [e.summary_text("en") for e in loans] == [
        f"loan {loan} renewed to 2026-03-30",
        f"loan {loan} returned (Intact)",
    ]
    assert [e.action_text("zh_CN") for e in loans] == ["续借", "归还"]
    request = [e.summary_text("zh_CN") for e in entity_history(archive, "loan_request", result.request)]
    assert f"借阅申请 {result.request} 借出 1 件" in request
    assert f"借阅申请 {result.request}：1 件" in request
    borrowers = entity_history(archive, "borrower", shelf.borrowers["li"])
    assert borrowers[0].summary_text("zh_CN") == "新增借阅人 李明"


def test_a_restriction_on_the_records_history_tab_reads_in_both_languages(archive, shelf):
    record = shelf.records["plain"]
    restrict_record(archive, record, "涉及个人隐私")
    lift_restriction(archive, record)
    history = [e for e in record_history(archive, record) if e.action in ("restrict", "unrestrict")]
    assert [e.summary_text("zh_CN") for e in history] == ["限制利用：涉及个人隐私", "解除限制利用"]
    assert [e.summary_text("en") for e in history] == ["use restricted: 涉及个人隐私", "restriction lifted"]
    assert [e.action_text("zh_CN") for e in history] == ["限制利用", "解除限制"]
