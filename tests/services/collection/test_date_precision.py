"""A date known only to the month or the year keeps that precision everywhere it is shown: the register
prints DA/T 22's eight digits with 00 (PDF and Excel), `--json` and search JSON give ISO reduced
precision, sorting and filtering keep working, and the migration gives existing records "day"."""

from __future__ import annotations

import json
from datetime import date

import openpyxl
from sqlalchemy import select, text

from archdesk.cli import main
from archdesk.models import Record
from archdesk.services import migrate
from archdesk.services.archive import open_archive
from archdesk.services.collection.transfer import import_transfer
from archdesk.services.dates import PartialDate, date8, iso_date, with_precision
from archdesk.services.records_query import RecordFilter, count_records
from archdesk.services.reports import catalogue_register, render_xlsx
from archdesk.services.reports.document import Kind, format_cell


def _import(archive, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["题名", "日期", "保管期限"])
    for row in (["按月的通知", "19970700", "永久"], ["按年的总结", "1997", "永久"], ["按日的纪要", "19970315", "永久"]):
        sheet.append(row)
    workbook.save(tmp_path / "t.xlsx")
    assert import_transfer(archive, tmp_path / "t.xlsx", department="BGS").invalid == 0


def test_the_helpers_print_eight_digits_and_iso_reduced_precision():
    assert [date8(d) for d in (PartialDate(1997, 7), PartialDate(1997), date(1997, 7, 15))] == [
        "19970700", "19970000", "19970715",
    ]  # fmt: skip
    assert [iso_date(d) for d in (PartialDate(1997, 7), PartialDate(1997), date(1997, 7, 15))] == [
        "1997-07", "1997", "1997-07-15",
    ]  # fmt: skip
    assert with_precision(date(1997, 7, 1), "month") == date(1997, 7, 1) and iso_date(
        with_precision(date(1997, 7, 1), "month")
    ) == "1997-07"  # fmt: skip


def test_the_register_prints_00_for_what_is_unknown_in_pdf_and_excel(archive, tmp_path):
    _import(archive, tmp_path)
    document = catalogue_register(archive)
    printed = {row[4]: format_cell(row[5], Kind.DATE8) for section in document.sections for row in section.rows}
    assert printed == {"按月的通知": "19970700", "按年的总结": "19970000", "按日的纪要": "19970315"}
    render_xlsx(catalogue_register(archive), tmp_path / "register.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "register.xlsx").active
    cells = {row[4]: row[5] for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)}
    assert cells["按月的通知"] == "19970700" and cells["按年的总结"] == "19970000"
    assert cells["按日的纪要"].date() == date(1997, 3, 15)  # a real Excel date where the day is known


def test_search_json_gives_iso_reduced_precision_and_filters_and_sorting_still_work(archive, tmp_path, capsys):
    _import(archive, tmp_path)
    assert main(["search", "按", "--db", str(archive.file or archive.url), "--json"]) == 0
    dates = {r["title"]: r["date"] for r in json.loads(capsys.readouterr().out)["results"]}
    assert dates == {"按月的通知": "1997-07", "按年的总结": "1997", "按日的纪要": "1997-03-15"}
    assert count_records(archive, RecordFilter(year=1997)) == 3
    with archive.reading() as session:
        ordered = session.execute(text("SELECT title FROM record ORDER BY date")).scalars().all()
    assert ordered == ["按年的总结", "按日的纪要", "按月的通知"]


def test_the_migration_gives_existing_records_day_precision(tmp_path):
    path = tmp_path / "old.db"
    archive = open_archive(path)
    _import(archive, tmp_path)
    migrate.downgrade(archive.engine, "0002_search_index")
    with archive.engine.connect() as connection:
        columns = [row[1] for row in connection.execute(text("PRAGMA table_info(record)"))]
    assert "date_precision" not in columns
    archive.dispose()
    upgraded = open_archive(path)
    with upgraded.reading() as session:
        assert set(session.execute(text("SELECT date_precision FROM record")).scalars()) == {"day"}
        assert session.execute(text("SELECT count(*) FROM record")).scalar() == 3
    upgraded.dispose()


def test_a_record_entered_or_edited_with_a_month_keeps_that_precision(archive):
    from archdesk.services import catalogue
    from archdesk.ui.catalogue.record_form import parse_date as typed

    record = catalogue.create_record(
        archive,
        catalogue.RecordInput(title="按月的记录", category="WS", year=1997, retention="Y", date=typed("1997-07")),
    )
    with archive.reading() as session:
        assert session.execute(text("SELECT date_precision FROM record")).scalar() == "month"
    catalogue.update_record(archive, record.id, date=typed("19970715"))
    with archive.reading() as session:  # through the model: SQLite keeps the text, PostgreSQL a date
        assert session.execute(select(Record.date, Record.date_precision)).one() == (date(1997, 7, 15), "day")
    assert typed("20240305") == date(2024, 3, 5) and iso_date(typed("1997")) == "1997"
