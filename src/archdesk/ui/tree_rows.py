"""Fill a list-like QTreeWidget again after a reload, keeping the row the user had chosen.

The appraisal batches, their records and the destruction lists all reload from the ChangeHub: each
reload replaces every row, and without care the chosen row jumps back to the first (and the details
beside it with it). Rows are given with a key (the batch's or list's id) for that.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem


def fill_tree(
    tree: QTreeWidget,
    rows: Iterable[tuple[Hashable, Sequence[str]]],
    *,
    keep: Hashable | None = None,
    resize: int = 0,
    choose_first: bool = True,
) -> None:
    """Replace the rows by ``rows`` (``(key, texts)``); the row whose key is ``keep`` is chosen again,
    else the first when ``choose_first``; the first ``resize`` columns are fitted to their text."""
    tree.clear()
    for key, texts in rows:
        item = QTreeWidgetItem(list(texts))
        tree.addTopLevelItem(item)
        if keep is not None and key == keep:
            tree.setCurrentItem(item)
    if choose_first and tree.currentItem() is None and tree.topLevelItemCount():
        tree.setCurrentItem(tree.topLevelItem(0))
    for column in range(resize):
        tree.resizeColumnToContents(column)
