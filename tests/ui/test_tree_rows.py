"""fill_tree: a reload replaces the rows and keeps the chosen one, else chooses the first."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget

from archdesk.ui.tree_rows import fill_tree


def test_a_reload_keeps_the_chosen_row_or_chooses_the_first(qtbot):
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setColumnCount(2)
    fill_tree(tree, [(1, ["1", "甲"]), (2, ["2", "乙"])], resize=2)
    assert tree.currentItem().text(0) == "1"
    fill_tree(tree, [(3, ["3", "丙"]), (1, ["1", "甲"]), (2, ["2", "乙"])], keep=2, resize=2)
    assert tree.topLevelItemCount() == 3 and tree.currentItem().text(1) == "乙"
    fill_tree(tree, [(3, ["3", "丙"])], keep=2)
    assert tree.currentItem().text(0) == "3"  # the chosen row is gone: the first
    fill_tree(tree, [(4, ["4", "丁"])], choose_first=False)
    assert tree.currentItem() is None
