"""The Loans dock's actions, each a keyword-only function that asks what it must and runs one op.

Services are imported inside the jobs, on the worker thread (nothing of SQLAlchemy or ReportLab before
the first paint). A refusal (a record out, an approver missing, the renewal limit …) comes back as the
service's message in the one error dialog; nothing of the action is kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from archdesk.services.database import Database
from archdesk.ui.i18n import current_language

if TYPE_CHECKING:
    from archdesk.services.use.queries import LoanSummary
    from archdesk.ui.loans.loans_dock import LoansDock


def _status(dock: LoansDock, text: str) -> None:
    window = dock.window()
    if hasattr(window, "statusBar"):
        window.statusBar().showMessage(text, 10_000)


def open_lend_dialog(*, dock: LoansDock, reference_codes: list[str], default_days: int) -> None:
    """Load the active borrowers, then open the Lend dialog with these records filled in."""

    def borrowers(db: Database) -> list:
        from archdesk.services.use.borrowers import find_borrowers

        return find_borrowers(db, active_only=True, limit=5000)

    def show(found: list) -> None:
        from archdesk.ui.loans.lend_dialog import LendDialog

        dialog = LendDialog(found, reference_codes, default_days=default_days, parent=dock)
        dialog.lend_requested.connect(lambda options: lend(dock=dock, options=options, default_days=default_days))
        dock.dialog = dialog
        dialog.open()

    dock.ops.query(dock, borrowers, show)


def lend(*, dock: LoansDock, options: dict, default_days: int) -> None:
    """One request: lent at once (then its slip is previewed, to be signed), or left waiting for approval."""
    codes = list(options["reference_codes"])

    def run(db: Database):  # noqa: ANN202
        from archdesk.services.use.lending import record_ids_for_codes, submit_request

        ids = record_ids_for_codes(db, codes)
        return submit_request(
            db, options["borrower_id"], ids, purpose=options["purpose"], mode=options["mode"], days=options["days"],
            approver=options["approver"], default_days=default_days,
        )  # fmt: skip

    def done(result) -> None:  # noqa: ANN001
        if result.status == "waiting":
            _status(dock, QCoreApplication.translate("LoanActions", "Request {request} waits for approval: {records}").format(
                request=result.request, records=", ".join(result.needs_approval)))  # fmt: skip
            return
        _status(dock, QCoreApplication.translate("LoanActions", "Request {request}: {count} record(s) lent, due {due}").format(
            request=result.request, count=len(result.loans), due=result.due_on.isoformat()))  # fmt: skip
        print_slip(dock=dock, request_id=result.request)

    dock.ops.mutate(dock, run, changes=dock.announce(), success=done)


def decide(*, dock: LoansDock, loans: list[LoanSummary], approve: bool) -> None:
    """Approve or refuse the requests of the selected loans; the approver (never the borrower) signs."""
    requests = sorted({loan.request_id for loan in loans if loan.request_id is not None})
    if not requests:
        return
    title = (
        QCoreApplication.translate("LoanActions", "Approve request")
        if approve
        else QCoreApplication.translate("LoanActions", "Refuse request")
    )
    approver = dock.ask(title, QCoreApplication.translate("LoanActions", "Approver:"))
    if approver is None:
        return
    reason = "" if approve else dock.ask(title, QCoreApplication.translate("LoanActions", "Reason for the refusal:"))
    if reason is None:
        return

    def run(db: Database) -> None:
        from archdesk.services.uow import UnitOfWork
        from archdesk.services.use.lending import approve_request, refuse_request

        with UnitOfWork(db) as uow:  # several requests: all decided or none
            for request_id in requests:
                if approve:
                    approve_request(db, request_id, approver, uow=uow)
                else:
                    refuse_request(db, request_id, approver, reason, uow=uow)
            uow.commit()

    dock.ops.mutate(dock, run, changes=dock.announce())


def hand_over(*, dock: LoansDock, loans: list[LoanSummary], default_days: int) -> None:
    """Lend the records of approved requests, then preview the slip of the first."""
    requests = sorted({loan.request_id for loan in loans if loan.request_id is not None})

    def run(db: Database) -> list:
        from archdesk.services.uow import UnitOfWork
        from archdesk.services.use.lending import hand_over as hand

        with UnitOfWork(db) as uow:
            results = [hand(db, request_id, default_days=default_days, uow=uow) for request_id in requests]
            uow.commit()
        return results

    def done(results: list) -> None:
        if results:
            print_slip(dock=dock, request_id=results[0].request)

    dock.ops.mutate(dock, run, changes=dock.announce(), success=done)


def renew(*, dock: LoansDock, loan: LoanSummary, limit: int, default_days: int) -> None:
    """续借 within the limit; an overdue loan needs the archivist's reason (asked here)."""
    from datetime import date

    reason = ""
    if loan.overdue(date.today()):
        reason = dock.ask(
            QCoreApplication.translate("LoanActions", "Renew an overdue loan"),
            QCoreApplication.translate("LoanActions", "Reason to renew although overdue:"),
        )
        if reason is None:
            return

    def run(db: Database):  # noqa: ANN202
        from archdesk.services.use.returns import renew_loan

        return renew_loan(db, loan.id, reason=reason, limit=limit, default_days=default_days)

    def done(due) -> None:  # noqa: ANN001
        _status(
            dock,
            QCoreApplication.translate("LoanActions", "{code} renewed, due {due}").format(
                code=loan.reference_code, due=due.isoformat()
            ),
        )

    dock.ops.mutate(dock, run, changes=dock.announce(), success=done)


def open_return_dialog(*, dock: LoansDock, loans: list[LoanSummary]) -> None:
    from archdesk.ui.loans.return_dialog import ReturnDialog

    if not loans:
        return
    described = "\n".join(f"{loan.reference_code}  {loan.title}" for loan in loans[:8])
    if len(loans) > 8:
        described += "\n" + QCoreApplication.translate("LoanActions", "… and {count} more").format(count=len(loans) - 8)
    dialog = ReturnDialog(described, parent=dock)
    ids = [loan.id for loan in loans]
    dialog.pages.setEnabled(len(ids) == 1)  # pages are counted record by record
    dialog.return_requested.connect(lambda damaged, pages, notes: take_back(dock=dock, loan_ids=ids, damaged=damaged,
                                                                            pages=pages, notes=notes))  # fmt: skip
    dock.dialog = dialog
    dialog.open()


def take_back(*, dock: LoansDock, loan_ids: list[int], damaged: bool, pages: int | None, notes: str) -> None:
    def run(db: Database) -> list[int]:
        from archdesk.services.use.returns import ReturnCheck, return_loans

        return return_loans(db, [ReturnCheck(i, damaged=damaged, pages=pages, notes=notes) for i in loan_ids])

    def done(_closed: list[int]) -> None:
        _status(
            dock, QCoreApplication.translate("LoanActions", "{count} record(s) returned").format(count=len(loan_ids))
        )

    dock.ops.mutate(dock, run, changes=dock.announce(), success=done)


def return_by_code(*, dock: LoansDock, reference_code: str) -> None:
    """A scanned or typed 档号: find its loan, then the Return dialog for it."""

    def find(db: Database):  # noqa: ANN202
        from archdesk.services.use.queries import get_loan
        from archdesk.services.use.returns import open_loan_for

        return get_loan(db, open_loan_for(db, reference_code))

    def found(loan) -> None:  # noqa: ANN001
        dock.scan.clear()
        open_return_dialog(dock=dock, loans=[loan])

    dock.ops.query(dock, find, found)


def record_effect(*, dock: LoansDock, request_id: int | None) -> None:
    """利用效果: what the use achieved, written on the request (any time after the use)."""
    if request_id is None:
        return
    text = dock.ask(
        QCoreApplication.translate("LoanActions", "Use effect"),
        QCoreApplication.translate("LoanActions", "What the use achieved:"),
    )
    if text is None:
        return

    def run(db: Database) -> None:
        from archdesk.services.use.returns import record_use_effect

        record_use_effect(db, request_id, text)

    def done(_result: None) -> None:
        _status(dock, QCoreApplication.translate("LoanActions", "Use effect recorded"))

    dock.ops.mutate(dock, run, changes=dock.announce(), success=done)


def print_slip(*, dock: LoansDock, request_id: int | None) -> None:
    """The borrowing slip (档案借阅单) of a request, in the window's language, in the print preview."""
    if request_id is None:
        return
    from archdesk.ui.reports.preview import preview_document

    language = current_language()

    def build(db: Database):  # noqa: ANN202
        from archdesk.services.reports.lists import organisation_name
        from archdesk.services.reports.use_forms import borrowing_slip
        from archdesk.services.use.queries import request_detail

        return borrowing_slip(request_detail(db, request_id), language, organisation=organisation_name(db))

    preview_document(dock, dock.ops, build, font_path=dock.exports.font_source())


def print_reminder(*, dock: LoansDock, borrower_id: int | None) -> None:
    """The overdue reminder (催还单) of one borrower, all their overdue records on one page."""
    from archdesk.ui.reports.preview import preview_document

    language = current_language()

    def build(db: Database):  # noqa: ANN202
        from archdesk.services.reports.lists import organisation_name
        from archdesk.services.reports.use_forms import overdue_reminders
        from archdesk.services.use.queries import overdue_loans

        rows = overdue_loans(db, borrower_id=borrower_id)
        return overdue_reminders(rows, language, organisation=organisation_name(db))

    preview_document(dock, dock.ops, build, font_path=dock.exports.font_source())
