"""The demo's custody part: storerooms, boxes with barcodes on shelves, a ledger, a month of climate readings."""

from __future__ import annotations

from datetime import date

from archdesk.services.custody.climate import climate_alerts, inspections
from archdesk.services.custody.finding import find_code
from archdesk.services.custody.locations import list_storerooms, location_tree
from archdesk.services.demo import add_demo_data
from archdesk.services.demo_custody import MISSING_DAY
from archdesk.services.ledger import LedgerFilter, ledger_entries
from archdesk.services.reports.boxes import box_labels


def test_the_demo_has_storerooms_shelved_boxes_a_ledger_and_a_month_of_climate_with_gaps(archive):
    add_demo_data(archive, 600)
    assert [room.code for room in list_storerooms(archive)] == ["K01"]
    assert sum(shelf.boxes for shelf in location_tree(archive)) == len(box_labels(archive))
    box = box_labels(archive)[0]
    assert find_code(archive, box.scan_code).code == box.code  # the barcode on its label is found
    shelved = ledger_entries(archive, LedgerFilter(reason="shelved", limit=None))
    assert len(shelved) == len(box_labels(archive))
    assert ledger_entries(archive, LedgerFilter(reason="loan", limit=None))  # records out on loan left the shelf
    alerts = climate_alerts(archive, days=31)
    kinds = {a.kind for a in alerts}
    assert {"too_warm", "too_humid", "no_reading"} <= kinds
    missing = [a.day for a in alerts if a.kind == "no_reading"]
    assert [d.day for d in missing] == [MISSING_DAY] or date.today().day == MISSING_DAY
    assert any(i.overdue(date.today()) for i in inspections(archive, open_only=True))
