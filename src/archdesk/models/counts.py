"""Record counts by classification (fonds → category → year → retention), for the Catalogue tree.

One row per combination that has records. On SQLite it is kept by triggers on ``record``
(``services/tree_counts.py``, created by revision 0003_tree_counts), so every way of adding,
changing or deleting a record keeps it right in the same transaction, whoever writes the code.
"""

from __future__ import annotations

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from archdesk.models.base import Base


class RecordCount(Base):
    __tablename__ = "record_count"
    __table_args__ = {"sqlite_with_rowid": False}
    fonds_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    retention_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    records: Mapped[int] = mapped_column(Integer)


class BoxRecordCount(Base):
    """How many records a box holds (one row per box that holds any), for the Shelf locations dock's
    record counts. On SQLite kept by triggers on ``record`` (``services/custody/box_counts.py``,
    revision 0017_box_record_counts)."""

    __tablename__ = "box_record_count"
    box_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    records: Mapped[int] = mapped_column(Integer)
