"""The catalogue's filter "has scans / no scans": records with attached files, or with none,
combined with the other filters and the search text, counted and paged alike."""

from __future__ import annotations

from digitisation_files import add_record, make_image, make_pdf

from archdesk.services.digitisation.attachments import attach_files
from archdesk.services.listing import SCANS_WITH, SCANS_WITHOUT, RecordFilter, SortOrder
from archdesk.services.records_query import count_and_page, count_records, search_records


def test_has_scans_and_no_scans_split_the_catalogue(archive, tmp_path):
    scanned, scanned_code = add_record(archive, title="已扫描的通知")
    also, also_code = add_record(archive, title="已扫描的纪要")
    _, bare_code = add_record(archive, title="未扫描的通知")
    attach_files(archive, scanned, [make_pdf(tmp_path / "a.pdf", "Budget"), make_image(tmp_path / "b.png", "PNG")])
    attach_files(archive, also, [make_image(tmp_path / "c.png", "PNG", shade=90)])

    total, rows = count_and_page(archive, RecordFilter(scans=SCANS_WITH), SortOrder())
    assert total == 2 and {r.reference_code for r in rows} == {scanned_code, also_code}
    total, rows = count_and_page(archive, RecordFilter(scans=SCANS_WITHOUT), SortOrder())
    assert total == 1 and [r.reference_code for r in rows] == [bare_code]
    assert count_records(archive, RecordFilter()) == 3

    notices = RecordFilter(text="通知", scans=SCANS_WITH)
    assert [r.reference_code for r in search_records(archive, "通知", notices).records] == [scanned_code]
    assert count_records(archive, RecordFilter(text="通知", scans=SCANS_WITHOUT)) == 1
    assert count_records(archive, RecordFilter(year=2023, scans=SCANS_WITH)) == 2
    assert count_records(archive, RecordFilter(year=1999, scans=SCANS_WITH)) == 0
