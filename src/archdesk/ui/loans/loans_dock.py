"""Loans (借阅) dock: open loans, requests waiting for approval, loans out, overdue, each with its actions.

A tab bar chooses the view (Open · Waiting for approval · Out · Overdue, with counts); the toolbar acts
on the selected rows: approve, refuse, hand over, renew, return, print the slip (档案借阅单) or the
reminder (催还单). Lend… opens one request for one borrower; a reference code typed or scanned in
"Return" finds its loan. ``overdue_counted(n)`` tells the main window's status bar at start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLineEdit, QTabBar, QToolBar, QWidget

from archdesk.services.database import Database
from archdesk.ui.dock import ListDock, OpenRecord
from archdesk.ui.ops import Changes, Concern

if TYPE_CHECKING:
    from archdesk.services.reports import Document
    from archdesk.services.use.queries import LoanSummary
    from archdesk.ui.settings import Settings

LOAN_STATUS = {
    "requested": QT_TRANSLATE_NOOP("LoansDock", "Waiting for approval"),
    "approved": QT_TRANSLATE_NOOP("LoansDock", "Approved"),
    "lent": QT_TRANSLATE_NOOP("LoansDock", "Lent"),
    "returned": QT_TRANSLATE_NOOP("LoansDock", "Returned"),
    "rejected": QT_TRANSLATE_NOOP("LoansDock", "Refused"),
    "cancelled": QT_TRANSLATE_NOOP("LoansDock", "Cancelled"),
}
OPEN, WAITING, OUT, OVERDUE = range(4)


def status_text(status: str) -> str:
    return QCoreApplication.translate("LoansDock", LOAN_STATUS.get(status, status))


@dataclass(frozen=True)
class LoansView:
    """What one load brings: the rows of the chosen tab and the count of each tab."""

    rows: list[Any]
    counts: tuple[int, int, int, int]


def fetch_view(db: Database, tab: int, today: date) -> LoansView:
    """Worker thread: the rows of ``tab`` and the four counts (one small count query each)."""
    from archdesk.services.use.queries import list_loans, open_loan_counts, overdue_count

    options = {
        OPEN: {},
        WAITING: {"statuses": ("requested", "approved")},
        OUT: {"statuses": ("lent",)},
        OVERDUE: {"statuses": ("lent",), "due_before": today},
    }[tab]
    rows = list_loans(db, **options)
    by_status = open_loan_counts(db)
    waiting = by_status.get("requested", 0) + by_status.get("approved", 0)
    counts = (sum(by_status.values()), waiting, by_status.get("lent", 0), overdue_count(db, today=today))
    return LoansView(rows, counts)


class LoansDock(ListDock):
    concerns = Concern.LOANS | Concern.RECORDS
    load_when_hidden = True  # the status bar shows the overdue count whichever dock is on top
    overdue_counted = Signal(int)

    def __init__(self, ops, parent=None, *, settings: Settings | None = None) -> None:  # noqa: ANN001
        super().__init__(ops, "loansDock", parent)
        self.settings = settings
        self._today = date.today()
        self.counts = (0, 0, 0, 0)
        self.tabs = QTabBar()
        self.tabs.setObjectName("loansTabs")
        for _ in range(4):
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(lambda _i: self.reload())
        self.actions_bar = QToolBar(self)
        self.actions_bar.setObjectName("loansActionBar")
        self.lend_action = self.actions_bar.addAction("", lambda: self.lend([]))
        self.approve_action = self.actions_bar.addAction("", self.approve)
        self.refuse_action = self.actions_bar.addAction("", self.refuse)
        self.hand_over_action = self.actions_bar.addAction("", self.hand_over)
        self.renew_action = self.actions_bar.addAction("", self.renew)
        self.return_action = self.actions_bar.addAction("", self.return_selected)
        self.slip_action = self.actions_bar.addAction("", self.print_slip)
        self.reminder_action = self.actions_bar.addAction("", self.print_reminder)
        self.effect_action = self.actions_bar.addAction("", self.record_effect)
        self.borrowers_action = self.actions_bar.addAction("", self.show_borrowers)
        self.scan = QLineEdit()
        self.scan.setObjectName("loansScan")
        self.scan.returnPressed.connect(self.return_scanned)
        row = QHBoxLayout()
        row.addWidget(self.tabs, 1)
        row.addWidget(self.scan)
        layout = self.widget().layout()
        layout.insertWidget(0, self.actions_bar)
        layout.insertLayout(0, row)
        self.list.setSelectionMode(self.list.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._enable)
        self.add_exports(self.list, name="loans", rows=lambda: self.items, document=_document)
        self.dialog: QWidget | None = None  # the Lend, Return or Borrowers dialog open now (tests reach it here)
        self.retranslate_ui()
        self._enable()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Loans"))
        texts = {
            self.lend_action: self.tr("Lend…"), self.approve_action: self.tr("Approve…"),
            self.refuse_action: self.tr("Refuse…"), self.hand_over_action: self.tr("Hand over"),
            self.renew_action: self.tr("Renew…"), self.return_action: self.tr("Return…"),
            self.slip_action: self.tr("Print slip"), self.reminder_action: self.tr("Print reminder"),
            self.borrowers_action: self.tr("Borrowers…"), self.effect_action: self.tr("Use effect…"),
        }  # fmt: skip
        for action, text in texts.items():
            action.setText(text)
        self.scan.setPlaceholderText(self.tr("Return: scan or type a reference code"))
        self._name_tabs()
        super().retranslate_ui()

    def _name_tabs(self) -> None:
        names = (self.tr("Open ({n})"), self.tr("Waiting for approval ({n})"), self.tr("Out ({n})"),
                 self.tr("Overdue ({n})"))  # fmt: skip
        for index, (name, count) in enumerate(zip(names, self.counts, strict=True)):
            self.tabs.setTabText(index, name.format(n=count))

    # -- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        from archdesk.ui.ops import BACKGROUND

        tab, today = self.tabs.currentIndex(), date.today()
        self._today = today  # the day the list is read for: its overdue days, once for all rows
        self.ops.query(self, lambda db: fetch_view(db, tab, today), self._view_in, priority=BACKGROUND)

    def _view_in(self, view: LoansView) -> None:
        self.counts = view.counts
        self._name_tabs()
        self._show(view.rows)
        self._enable()
        self.overdue_counted.emit(view.counts[OVERDUE])

    def fetch(self, db: Database) -> list[LoanSummary]:
        return fetch_view(db, OPEN, date.today()).rows

    def headers(self) -> list[str]:
        return [self.tr("Due"), self.tr("Reference code"), self.tr("Borrower"), self.tr("Status"), self.tr("Title")]

    def row(self, item: LoanSummary) -> list[str]:
        due = item.due_on.isoformat() if item.due_on else ""
        status = status_text(item.status)
        if item.overdue(self._today):
            status = self.tr("Overdue {days} days").format(days=item.days_overdue(self._today))
        if item.renewals:  # 续借 shown on the loan
            status = self.tr("{status}, renewed {count}×").format(status=status, count=item.renewals)
        borrower = item.borrower
        if self.tabs.currentIndex() == OVERDUE and item.contact:  # whom to call
            borrower = f"{borrower} ({item.contact})"
        return [due, item.reference_code, borrower, status, item.title]

    def target(self, item: LoanSummary) -> OpenRecord | None:
        """A loan opens its record in the record editor."""
        return OpenRecord(item.record_id) if item.record_id is not None else None

    def needs_attention(self, item: LoanSummary) -> bool:
        return item.overdue(self._today)

    def empty_text(self) -> str:
        return self.tr("No records are out on loan.")

    # -- selection --------------------------------------------------------------------------------

    def selected(self) -> list[LoanSummary]:
        rows = {self.list.indexOfTopLevelItem(item) for item in self.list.selectedItems()}
        return [self.items[r] for r in sorted(rows) if 0 <= r < len(self.items)]

    def _enable(self) -> None:
        chosen = self.selected()
        statuses = {loan.status for loan in chosen}
        requests = {loan.request_id for loan in chosen}
        self.approve_action.setEnabled(bool(chosen) and statuses == {"requested"})
        self.refuse_action.setEnabled(bool(chosen) and statuses == {"requested"})
        self.hand_over_action.setEnabled(bool(chosen) and statuses == {"approved"})
        self.renew_action.setEnabled(len(chosen) == 1 and statuses == {"lent"})
        self.return_action.setEnabled(bool(chosen) and statuses == {"lent"})
        self.slip_action.setEnabled(len(requests) == 1 and None not in requests)
        self.reminder_action.setEnabled(len({loan.borrower_id for loan in chosen}) == 1)
        self.effect_action.setEnabled(len(requests) == 1 and None not in requests)

    # -- actions ----------------------------------------------------------------------------------

    def _default_days(self) -> int:
        return self.settings.default_loan_days if self.settings is not None else 14

    def lend(self, reference_codes: list[str]) -> None:
        """Open the Lend dialog for these records (the table's selection, or none: typed there)."""
        from archdesk.ui.loans import actions

        actions.open_lend_dialog(dock=self, reference_codes=reference_codes, default_days=self._default_days())

    def approve(self) -> None:
        from archdesk.ui.loans import actions

        actions.decide(dock=self, loans=self.selected(), approve=True)

    def refuse(self) -> None:
        from archdesk.ui.loans import actions

        actions.decide(dock=self, loans=self.selected(), approve=False)

    def hand_over(self) -> None:
        from archdesk.ui.loans import actions

        actions.hand_over(dock=self, loans=self.selected(), default_days=self._default_days())

    def renew(self) -> None:
        from archdesk.ui.loans import actions

        limit = self.settings.renewal_limit if self.settings is not None else 1
        actions.renew(dock=self, loan=self.selected()[0], limit=limit, default_days=self._default_days())

    def return_selected(self) -> None:
        from archdesk.ui.loans import actions

        actions.open_return_dialog(dock=self, loans=self.selected())

    def return_scanned(self) -> None:
        from archdesk.ui.loans import actions

        code = self.scan.text().strip()
        if code:
            actions.return_by_code(dock=self, reference_code=code)

    def print_slip(self) -> None:
        from archdesk.ui.loans import actions

        actions.print_slip(dock=self, request_id=self.selected()[0].request_id)

    def print_reminder(self) -> None:
        from archdesk.ui.loans import actions

        actions.print_reminder(dock=self, borrower_id=self.selected()[0].borrower_id)

    def record_effect(self) -> None:
        from archdesk.ui.loans import actions

        actions.record_effect(dock=self, request_id=self.selected()[0].request_id)

    def show_borrowers(self) -> None:
        from archdesk.ui.loans.borrowers_dialog import BorrowersDialog

        self.dialog = BorrowersDialog(self.ops, self)
        self.dialog.open()

    def announce(self) -> Changes:
        return Changes(loans=True, records=True)

    def ask(self, title: str, label: str) -> str | None:
        """One line of text from the archivist (an approver's name, a reason); None when cancelled."""
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok and text.strip() else None


def _document(rows: list[LoanSummary], language: str, **options: object) -> Document:  # worker thread
    from archdesk.services.reports.lists import loans_document

    return loans_document(rows, language, **options)
