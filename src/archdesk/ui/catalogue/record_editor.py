"""The record pane: create or edit one record, see its reference code before saving, and its history.

Saving goes through the catalogue service on the worker thread. Undo re-applies the values the last
save replaced, through ``update_record`` again, so the undo is in the audit log like any edit.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archdesk.services.errors import ValidationError, ValidationErrors
from archdesk.services.views import AuditEntry, CodeTables, RecordInput, RecordView, record_input
from archdesk.statuses import RecordStatus
from archdesk.ui.catalogue.attachments_panel import AttachmentsPanel
from archdesk.ui.catalogue.record_form import RecordForm
from archdesk.ui.catalogue.records_model import status_label
from archdesk.ui.i18n import Retranslatable, current_language
from archdesk.ui.ops import Changes, Ops


class RecordEditor(Retranslatable, QWidget):
    """Shows one record (or a new one) with Save, Revert and Undo, and a History tab."""

    record_saved = Signal(int)  # record id
    #: Another record was asked for but the archivist kept this one (Cancel on unsaved changes): the
    #: table selects it again, so the selection and the editor never show two different records.
    record_kept = Signal(int)
    history_loaded = Signal()

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self._loading: int | None = None  # the op reading the record asked for last
        self.record: RecordView | None = None  # None: a new record (or nothing shown)
        self.loaded_input: RecordInput | None = None
        self.undo_step: tuple[int, dict[str, Any]] | None = None  # record id, values before the last save
        self.dirty = False
        self._history: list[AuditEntry] = []  # kept to show again in another language
        self._saving = False  # our own save announces a change too; it reloads by itself
        self.form = RecordForm()
        self.code = QLabel()
        self.code.setObjectName("referenceCode")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.code.setFont(font)
        self.code_caption = QLabel()
        self.state = QLabel()
        self.state.setObjectName("recordState")
        self.place = QLabel()  # the record's box and shelf (custody)
        self.place.setObjectName("recordPlace")
        self.place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setAlternatingRowColors(True)
        self.history.setColumnCount(4)
        style = self.style()
        self.save_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton), "")
        self.revert_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_DialogResetButton), "")
        self.undo_button = QPushButton(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack), "")
        buttons = QDialogButtonBox()
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.undo_button.clicked.connect(self.undo_last_edit)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        header = QHBoxLayout()
        header.addWidget(self.code_caption)
        header.addWidget(self.code, 1)
        header.addWidget(self.state)
        details_layout.addLayout(header)
        details_layout.addWidget(self.place)
        details_layout.addWidget(scroll, 1)
        details_layout.addWidget(buttons)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(details, "")
        self.tabs.addTab(self.history, "")
        self.attachments = AttachmentsPanel(ops)
        self.tabs.addTab(self.attachments, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

        self._preview_timer = QTimer(self, singleShot=True, interval=250)
        self._preview_timer.timeout.connect(self._preview)
        self.form.edited.connect(self._edited)
        self.form.classification_edited.connect(self._preview_timer.start)
        ops.hub.changed.connect(self._on_changes)
        self.retranslate_ui()
        self._update_buttons()
        self.setEnabled(False)

    def retranslate_ui(self) -> None:
        self.code_caption.setText(self.tr("Reference code:"))
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("History"))
        self.tabs.setTabText(2, self.tr("Files"))
        self.history.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("What")])
        self.save_button.setText(self.tr("&Save"))
        self.revert_button.setText(self.tr("Re&vert"))
        self.undo_button.setText(self.tr("&Undo last edit"))
        self.save_button.setToolTip(self.tr("Save the record (Ctrl+S)"))
        if self.record is not None:
            self.state.setText(status_label(self.record.status))
        elif self.isEnabled():
            self.state.setText(self.tr("New record"))
        self._fill_history(self._history)

    def set_code_tables(self, tables: CodeTables, *, english: bool = False) -> None:
        self.form.set_code_tables(tables, english=english)

    # -- what is shown ----------------------------------------------------------------------------

    def show_record(self, record_id: int | None) -> None:
        """Load a record (in the background) and its history; None clears the pane."""
        if record_id is None:
            if self.dirty and self.isEnabled():
                return  # unsaved edits stay on screen until saved or discarded
            self._clear()
            return
        if self.record is not None and self.record.id == record_id:
            return
        if not self.confirm_discard():
            if self.record is not None:
                self.record_kept.emit(self.record.id)
            return

        def load(db) -> tuple[RecordView, list[AuditEntry]]:  # noqa: ANN001 - worker thread
            catalogue = _catalogue()
            return catalogue.get_record(db, record_id), catalogue.record_history(db, record_id)

        self._cancel_loading()
        self._loading = self.ops.query(self, load, self._loaded)

    def _cancel_loading(self) -> None:
        """A record asked for before is not shown any more (Page Down held: one load a row): its read is
        dropped or interrupted, and its result never fills the form."""
        if self._loading is not None:
            self.ops.cancel(self._loading)
            self._loading = None

    def _clear(self) -> None:
        """Nothing selected: an empty, disabled pane (never the last record, greyed)."""
        self._cancel_loading()
        self.record, self.loaded_input = None, None
        self.form.clear()
        self.attachments.set_record(None)
        self.code.clear()
        self.state.clear()
        self._fill_history([])
        self._set_dirty(False)
        self.setEnabled(False)

    def new_record(self, defaults: RecordInput | None = None) -> None:
        """An empty form for a new record (pending until accepted)."""
        if not self.confirm_discard():
            return
        self._cancel_loading()
        self.record = None
        self.loaded_input = defaults or self.form.value(strict=False)
        if self.loaded_input is not None:
            self.loaded_input = RecordInput(
                title="",
                category=self.loaded_input.category,
                year=self.loaded_input.year,
                retention=self.loaded_input.retention,
                department=self.loaded_input.department,
                fonds=self.loaded_input.fonds,
            )
            self.form.set_value(self.loaded_input)
            if defaults is None:  # the category's default retention, not the last record's (WS → D30)
                self.form.propose_default_retention()
                self.loaded_input = self.form.value(strict=False)
        self.form.set_classification_editable(True)
        self._fill_history([])
        self.state.setText(self.tr("New record"))
        self.dirty = False
        self.setEnabled(True)
        self.tabs.setCurrentIndex(0)
        self.form.title.setFocus()
        self._update_buttons()
        self._preview()

    def confirm_discard(self) -> bool:
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The record has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    # -- actions ----------------------------------------------------------------------------------

    def save(self) -> None:
        """Create or update the record; rejected fields get their message underneath."""
        try:
            data = self.form.value()
        except ValidationErrors as unreadable:
            self._show_every_problem(unreadable.errors)
            return
        if data is None:
            return
        self._saving = True
        if self.record is None:
            self.ops.mutate(
                self,
                lambda db: _catalogue().create_record(db, data),
                changes=lambda view: Changes(records=True, record_ids=(view.id,)),
                success=self._created,
                failure=self._failed,
            )
            return
        record_id, before = self.record.id, self.loaded_input
        changed = {
            f.name: getattr(data, f.name)
            for f in fields(RecordInput)
            if getattr(data, f.name) != getattr(before, f.name)
        }
        if not changed:
            self._saving = False
            self._set_dirty(False)
            return
        previous = {name: getattr(before, name) for name in changed}
        self.ops.mutate(
            self,
            lambda db: _catalogue().update_record(db, record_id, **changed),
            changes=Changes(records=True, record_ids=(record_id,)),
            success=lambda view: self._updated(view, (record_id, previous)),
            failure=self._failed,
        )

    def _show_every_problem(self, unreadable: list[ValidationError]) -> None:
        """The form could not read some fields: show those with whatever else the catalogue finds, at once."""
        rest = self.form.value(strict=False)
        self.form.show_errors(unreadable)
        if rest is None:
            return
        named = {error.field for error in unreadable}
        self.ops.query(
            self,
            lambda db: _catalogue().check_record(db, rest),
            lambda found: self.form.show_errors(unreadable + [e for e in found if e.field not in named]),
        )

    def revert(self) -> None:
        if self.loaded_input is not None:
            self.form.set_value(self.loaded_input)
        if self.record is not None:
            self.code.setText(self.record.reference_code)
        self._set_dirty(False)

    def undo_last_edit(self) -> None:
        """Put back the values the last save replaced (an audited edit of its own)."""
        if self.undo_step is None:
            return
        record_id, previous = self.undo_step
        self._saving = True
        self.ops.mutate(
            self,
            lambda db: _catalogue().update_record(db, record_id, **previous),
            changes=Changes(records=True, record_ids=(record_id,)),
            success=lambda view: self._updated(view, None),
            failure=self._failed,
        )

    # -- results ----------------------------------------------------------------------------------

    def _loaded(self, result: tuple[RecordView, list[AuditEntry]]) -> None:
        self._loading = None
        view, history = result
        self.record = view
        self.loaded_input = record_input(view)
        self.form.set_value(self.loaded_input)
        self.form.set_classification_editable(view.status == RecordStatus.PENDING)
        self.code.setText(view.reference_code)
        self.state.setText(status_label(view.status))
        self.place.setText(
            self.tr("Box {box} on {location}").format(
                box=view.box_code, location=view.location_code or self.tr("no shelf")
            )
            if view.box_code
            else self.tr("Not in a box")
        )
        self._fill_history(history)
        self.attachments.set_record(
            view.id, editable=view.status not in (RecordStatus.DESTROYED, RecordStatus.TRANSFERRED)
        )
        self.setEnabled(view.status != RecordStatus.DESTROYED)
        self._set_dirty(False)

    def _fill_history(self, history: list[AuditEntry]) -> None:
        """The record's audit events, newest first, each in the window's language."""
        self._history = history
        self.history.clear()
        language = current_language()
        for entry in reversed(history):
            when = entry.occurred_at.strftime("%Y-%m-%d %H:%M:%S")
            summary = entry.summary_text(language)
            item = QTreeWidgetItem([when, entry.actor, entry.action_text(language), summary])
            item.setToolTip(3, summary)
            self.history.addTopLevelItem(item)
        for column in range(3):
            self.history.resizeColumnToContents(column)
        self.history_loaded.emit()

    def _created(self, view: RecordView) -> None:
        self._saving = False
        self.undo_step = None
        self._set_dirty(False)
        self.record_saved.emit(view.id)
        self.show_record(view.id)

    def _updated(self, view: RecordView, undo_step: tuple[int, dict[str, Any]] | None) -> None:
        self._saving = False
        self.undo_step = undo_step
        self._set_dirty(False)
        self.record_saved.emit(view.id)
        self.record = None  # force the reload below (it also brings the new audit entry)
        self.show_record(view.id)

    def _failed(self, error: BaseException) -> bool:
        self._saving = False
        if isinstance(error, ValidationErrors):
            self.form.show_errors(error.errors)
            return True
        if isinstance(error, ValidationError):
            self.form.show_errors([error])
            return True
        return False

    def _preview(self) -> None:
        """Show the reference code a new (or reclassified pending) record will get."""
        data = self.form.value(strict=False)
        if data is None or (self.record is not None and self._same_classification(data)):
            if self.record is not None:
                self.code.setText(self.record.reference_code)
            return
        # The code does not depend on the title; a form without one yet still shows its code.
        data = replace(data, title=data.title.strip() or "-", date=None, pages=None)
        self.ops.query(
            self, lambda db: _catalogue().preview_reference_code(db, data), self.code.setText, failure=self._no_preview
        )

    def _no_preview(self, _error: BaseException) -> bool:
        self.code.setText("—")
        return True

    def _same_classification(self, data: RecordInput) -> bool:
        before = self.loaded_input
        names = ("fonds", "category", "year", "retention", "department")
        return before is not None and all(getattr(data, n) == getattr(before, n) for n in names)

    def _on_changes(self, changes: Changes) -> None:
        """Someone else changed the record shown (e.g. accepted it from the table): show it anew."""
        record_id = self.loaded_record_id
        if record_id is not None and record_id in changes.record_ids and not self.dirty and not self._saving:
            self.record = None
            self.show_record(record_id)

    @property
    def loaded_record_id(self) -> int | None:
        return self.record.id if self.record is not None else None

    def _edited(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.dirty)
        self.revert_button.setEnabled(self.dirty)
        self.undo_button.setEnabled(self.undo_step is not None and not self.dirty)


def _catalogue():  # noqa: ANN202
    """The catalogue services, imported by the worker thread that calls them (not at start-up)."""
    from archdesk.services import catalogue

    return catalogue
