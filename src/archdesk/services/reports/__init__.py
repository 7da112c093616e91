"""Reports: documents described once (``Document``) and rendered to PDF or Excel. Qt-free.

Typical use::

    doc = catalogue_register(db, RecordFilter(category="WS", year=2023))
    render_pdf(doc, "register.pdf", progress=callback)
    render_xlsx(doc, "register.xlsx")

Other features build their own ``Document`` (columns, rows, signature lines) and call the
same renderers; forms that are not tables (box spines, box notes) have their own renderers.
"""

from archdesk.services.reports.document import (
    Align,
    Cell,
    Column,
    Document,
    Field,
    Kind,
    Orientation,
    Progress,
    Section,
    single_section,
)
from archdesk.services.reports.fonts import ReportFont, resolve_font
from archdesk.services.reports.pdf import render_pdf
from archdesk.services.reports.queries import ARCHIVED_STATUSES, InventoryFilter, QueryRows, RecordFilter
from archdesk.services.reports.registers import (
    catalogue_register,
    inventory_register,
    volume_catalogue,
    volume_contents,
)
from archdesk.services.reports.xlsx import render_xlsx

__all__ = [
    "ARCHIVED_STATUSES",
    "Align",
    "Cell",
    "Column",
    "Document",
    "Field",
    "InventoryFilter",
    "Kind",
    "Orientation",
    "Progress",
    "QueryRows",
    "RecordFilter",
    "ReportFont",
    "Section",
    "catalogue_register",
    "inventory_register",
    "render_pdf",
    "render_xlsx",
    "resolve_font",
    "single_section",
    "volume_catalogue",
    "volume_contents",
]
