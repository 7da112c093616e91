"""Records to shelve: accepted items of two years and two retention periods, and an empty shelving unit."""

from __future__ import annotations

import pytest

from archdesk.services.catalogue import RecordInput, create_record
from archdesk.services.custody.locations import add_shelving


@pytest.fixture
def shelved(archive):
    """``(archive, records)``: ``records[key]`` are lists of record ids, keys "2020-D30", "2021-D30", "2020-Y"."""
    records: dict[str, list[int]] = {}
    for year, retention, count in ((2020, "D30", 4), (2021, "D30", 2), (2020, "Y", 2)):
        records[f"{year}-{retention}"] = [
            create_record(
                archive,
                RecordInput(title=f"文件{n}", category="WS", year=year, retention=retention, pages=10),
                accept=True,
            ).id
            for n in range(count)
        ]
    add_shelving(archive, "K01", rows=2, sections=2, levels=3, sides=("A", "B"), capacity=2)
    return archive, records
