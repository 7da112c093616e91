"""The borrowing slip, the overdue reminder and the loan register, read back from the PDF and workbook."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from archdesk.services.reports import render_pdf, render_xlsx
from archdesk.services.reports.use_forms import borrowing_slip, loan_register, overdue_reminders
from archdesk.services.use.lending import lend
from archdesk.services.use.queries import overdue_loans, request_detail
from archdesk.services.use.returns import ReturnCheck, return_loans


def _pages(path) -> list[str]:
    return ["".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def test_the_slip_prints_the_request_its_records_and_three_signature_lines_on_one_page(archive, shelf, tmp_path):
    ids = [shelf.records[n] for n in ("plain", "plain2", "secret")]
    result = lend(archive, shelf.borrowers["li"], ids, approver="孙主任", purpose="history", today=date(2026, 3, 2))

    for language, words in (
        ("zh_CN", ("档案借阅单", "申请编号", "编史修志", "借出", "2026-03-16", "批准人", "孙主任", "经办人", "秘密", "K01-A-01-A-01-1")),
        ("en", ("Borrowingslip", "Historyandchronicles", "Takeout", "Approver", "Archivist", "Secret")),
    ):  # fmt: skip
        out = tmp_path / f"slip-{language}.pdf"
        render_pdf(borrowing_slip(request_detail(archive, result.request), language), out)
        pages = _pages(out)
        assert len(pages) == 1
        assert all(w in pages[0] for w in words), language
        assert all(shelf.codes[n] in pages[0] for n in ("plain", "plain2", "secret"))


def test_a_slip_of_twenty_records_still_fits_one_a4_page(archive, shelf, tmp_path):
    from archdesk.services.catalogue import accept_records, create_record
    from archdesk.services.views import RecordInput

    long_title = "关于印发《档案室档案借阅利用管理办法（修订）》及其配套实施细则的通知"
    ids = [
        create_record(archive, RecordInput(title=f"{long_title}{n}", category="WS", year=2021, retention="Y")).id
        for n in range(20)
    ]
    accept_records(archive, ids)
    result = lend(archive, shelf.borrowers["li"], ids)

    assert render_pdf(borrowing_slip(request_detail(archive, result.request), "zh_CN"), tmp_path / "s.pdf") == 1


def test_the_reminder_gives_each_borrower_a_page_with_all_their_overdue_records(archive, shelf, tmp_path):
    lend(
        archive,
        shelf.borrowers["li"],
        [shelf.records["plain"], shelf.records["plain2"]],
        today=date(2026, 1, 1),
        days=10,
    )
    lend(archive, shelf.borrowers["zhao"], [shelf.records["plain3"]], today=date(2026, 1, 5), days=10)
    overdue = overdue_loans(archive, today=date(2026, 2, 1))
    out = tmp_path / "reminder.pdf"

    render_pdf(overdue_reminders(overdue, "zh_CN", today=date(2026, 2, 1)), out)

    first, second = _pages(out)
    assert "催还单" in first and "李明" in first and "6021" in first and "赵强" not in first
    assert shelf.codes["plain"] in first and shelf.codes["plain2"] in first and "21" in first  # due 11 Jan
    assert "赵强" in second and shelf.codes["plain3"] in second
    render_xlsx(overdue_reminders(overdue, "en"), tmp_path / "reminder.xlsx")
    cells = [c for row in load_workbook(tmp_path / "reminder.xlsx").active.iter_rows(values_only=True) for c in row]
    assert shelf.codes["plain3"] in cells


def test_the_register_lists_each_loan_with_its_return_check(archive, shelf, tmp_path):
    result = lend(archive, shelf.borrowers["li"], [shelf.records["plain"]], today=date(2026, 3, 2))
    return_loans(archive, [ReturnCheck(result.loans[0], damaged=True)], today=date(2026, 3, 4))
    out = tmp_path / "register.pdf"

    render_pdf(loan_register(archive, "zh_CN"), out)

    text = _pages(out)[0]
    assert "借阅登记簿" in text and shelf.codes["plain"] in text and "缺损" in text and "2026-03-04" in text
