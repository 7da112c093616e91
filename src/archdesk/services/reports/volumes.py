"""What the volume registers and forms share: their words, the kind of a series, why a register
is empty, and the 页号 column of the 卷内文件目录.

GB/T 9705-2008 (文书, and the series without a standard of their own) lists each item's 页号, its
page range in the volume (1-3, 4-10 …, from the pages of the items in order); GB/T 11822-2008
(科技) changed that column to 页数 and keeps the count.
"""

from __future__ import annotations

from typing import Any

from archdesk.messages import msg, render
from archdesk.services.database import Database
from archdesk.services.reports.labels import label
from archdesk.services.reports.queries import RecordFilter

WORDS: dict[str, tuple[str, str]] = {
    "volume_cover": ("案卷封面", "File cover"),
    "volume_spine": ("卷脊", "File spine"),
    "volume_note": ("卷内备考表", "File note"),
    "cover_ws": ("文书档案", "Administrative records"),
    "cover_kj": ("科技档案", "Science and technology records"),
    "cover_ku": ("会计档案", "Accounting records"),
    "page_range": ("页号", "Page no."),
    "page_range_or_count": ("页号/页数", "Page no./pages"),
    "filing_unit": ("立卷单位", "Filed by (unit)"),
    "unit_name": ("单位名称", "Organisation"),
    "class_name": ("类目名称", "Class"),
    "time": ("时间", "Dates"),
    "situation": ("本卷情况说明", "Notes on this file"),
    "volume_arranged_by": ("立卷人", "Filed by"),
    "volume_arranged_on": ("立卷日期", "Filed on"),
    "cross_reference": ("互见号", "Cross-reference"),
}


def word(key: str, language: str) -> str:
    """A printed word of the volume forms, else of the reports' labels."""
    if key in WORDS:
        zh, en = WORDS[key]
        return en if language == "en" else zh
    return label(key, language)


def series_kind(category: str) -> str:
    """KJ (科技, GB/T 11822), KU (会计) or WS (GB/T 9705: 文书 and every other series)."""
    root = category.split("·", 1)[0]
    return root if root in ("KJ", "KU") else "WS"


def empty_reason(db: Database, flt: RecordFilter, language: str) -> str:
    """Why a volume register of ``flt`` has no volume, as a line for the page."""
    from sqlalchemy import func, or_, select

    from archdesk.models import Category, Volume

    with db.reading() as session:
        if flt.category:
            series = session.execute(
                select(Category.name, Category.name_en, Category.arrangement).where(Category.code == flt.category)
            ).first()
            below = session.scalar(
                select(func.count())
                .select_from(Category)
                .where(
                    or_(Category.code == flt.category, Category.code.like(f"{flt.category}·%")),
                    Category.arrangement == "volume",
                )
            )
            if series is not None and not below:
                name = (series.name_en or series.name) if language == "en" else series.name
                return render(msg("volumes.item_arranged", category=name), language)
        if not session.scalar(select(func.count()).select_from(Volume)):
            return render(msg("volumes.none_in_archive"), language)
    return render(msg("volumes.none_in_scope"), language)


def page_column(kinds: set[str]) -> str:
    """The 卷内文件目录's page column for volumes of these kinds: 页数 (科技), 页号, or both words."""
    if kinds == {"KJ"}:
        return "pages"
    return "page_range" if "KJ" not in kinds else "page_range_or_count"


def paged_rows(row: Any, kinds_of: dict[int, str], volume_id: int, page_index: int) -> Any:
    """Wrap a 卷内文件目录 row builder so that, for a GB/T 9705 volume, the pages cell becomes the
    item's 页号 (its range counted from the first item of the volume); 科技 volumes keep 页数."""
    if kinds_of.get(volume_id) == "KJ":
        return row
    state = {"last": 0}

    def numbered(number: int, r: Any) -> tuple[Any, ...]:
        if number == 1:  # each iteration (each rendering) counts from the volume's first page
            state["last"] = 0
        cells = list(row(number, r))
        pages = int(r.pages or 0)
        if pages > 0:
            first = state["last"] + 1
            state["last"] += pages
            cells[page_index] = str(first) if pages == 1 else f"{first}-{state['last']}"
        else:
            cells[page_index] = ""
        return tuple(cells)

    return numbered


def volume_kinds(db: Database, volume_ids: list[int]) -> dict[int, str]:
    """Each volume's kind of series (``series_kind`` of its category)."""
    from sqlalchemy import select

    from archdesk.models import Category, Volume

    found: dict[int, str] = {}
    with db.reading() as session:
        for start in range(0, len(volume_ids), 500):
            chunk = volume_ids[start : start + 500]
            for vid, code in session.execute(
                select(Volume.id, Category.code)
                .join(Category, Category.id == Volume.category_id)
                .where(Volume.id.in_(chunk))
            ):
                found[vid] = series_kind(code)
    return found
