"""Where ``ListDock`` lived before the one dock pattern (``archdesk.ui.dock``); kept so imports of it work."""

from archdesk.ui.dock import ATTENTION, ListDock

__all__ = ["ATTENTION", "ListDock"]
