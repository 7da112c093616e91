"""Reference codes (档号): patterns, groups, and item numbers (件号) that run in sequence per group,
are never reused and stay unique when several writers add records at once."""

from __future__ import annotations

import multiprocessing
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from archdesk.models import DAT13_PATTERN, DAT22_PATTERN, Record
from archdesk.services.archive import open_archive
from archdesk.services.catalogue import RecordInput, create_record, delete_record, preview_reference_code
from archdesk.services.codes import set_category_rules
from archdesk.services.errors import ValidationError
from archdesk.services.refcode import (
    DAT22_REGEX,
    CodeParts,
    allocate_item_numbers,
    group_key,
    normalise_separators,
    render_reference_code,
    validate_pattern,
)
from archdesk.services.uow import UnitOfWork

OFFICE = CodeParts("Z109", "WS", 2011, "Y", "BGS", "办公室")


def _office_record(title: str = "关于召开年度工作会议的通知", **overrides) -> RecordInput:
    values = dict(title=title, category="WS", year=2023, retention="D30", department="BGS")
    values.update(overrides)
    return RecordInput(**values)


def test_the_default_pattern_writes_the_da_t_22_code_and_leaves_out_a_missing_department():
    assert render_reference_code(DAT22_PATTERN, OFFICE, 1) == "Z109-WS·2011-Y-BGS-0001"
    no_department = CodeParts("Z109", "SW·JB", 2011, "D10")
    assert render_reference_code(DAT22_PATTERN, no_department, 27) == "Z109-SW·JB·2011-D10-0027"
    assert DAT22_REGEX.match("Z109-WS·2011-Y-BGS-0001") and DAT22_REGEX.match("Z109-SW·JB·2011-D10-0027")


def test_the_da_t_13_pattern_joins_year_period_and_department_name_into_one_class_number():
    assert render_reference_code(DAT13_PATTERN, OFFICE, 1) == "Z109-WS·2011·Y·办公室-0001"
    assert render_reference_code(DAT13_PATTERN, CodeParts("Z109", "WS", 2011, "Y"), 1) == "Z109-WS·2011·Y-0001"


def test_the_group_is_the_code_without_its_item_number():
    assert group_key(DAT22_PATTERN, OFFICE) == "Z109-WS·2011-Y-BGS-#"
    assert group_key(DAT22_PATTERN, OFFICE) != group_key(DAT22_PATTERN, CodeParts("Z109", "WS", 2011, "Y", "RSC"))


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{fonds}-{category}·{year}", "exactly once"),
        ("{fonds}-{item}-{item}", "exactly once"),
        ("{fonds}-{colour}-{item}", "unknown placeholder {colour}"),
        ("{fonds}[-{item}]", "optional"),
        ("{fonds}[-{department}-{item}", "unbalanced"),
    ],
)
def test_a_pattern_that_cannot_number_items_is_refused_naming_the_field(pattern, message):
    with pytest.raises(ValidationError) as caught:
        validate_pattern(pattern)
    assert caught.value.field == "refcode_pattern"
    assert message in caught.value.message


def test_other_dots_typed_between_codes_become_the_standard_middle_dot():
    assert normalise_separators(" Z109-WS.2011•Y．BGS-0001 ") == "Z109-WS·2011·Y·BGS-0001"


def test_item_numbers_run_in_sequence_within_each_group(archive):
    made = [
        create_record(archive, _office_record(department=department)).reference_code
        for department in ["BGS", "BGS", "RSC", "BGS", "RSC"]
    ]
    assert made == [
        "Z001-WS·2023-D30-BGS-0001",
        "Z001-WS·2023-D30-BGS-0002",
        "Z001-WS·2023-D30-RSC-0001",
        "Z001-WS·2023-D30-BGS-0003",
        "Z001-WS·2023-D30-RSC-0002",
    ]
    assert create_record(archive, _office_record(year=2022)).reference_code == "Z001-WS·2022-D30-BGS-0001"


def test_a_preview_allocates_nothing(archive):
    assert preview_reference_code(archive, _office_record()) == "Z001-WS·2023-D30-BGS-0001"
    assert preview_reference_code(archive, _office_record()) == "Z001-WS·2023-D30-BGS-0001"
    assert create_record(archive, _office_record()).reference_code == "Z001-WS·2023-D30-BGS-0001"


def test_a_block_of_numbers_is_reserved_at_once(archive):
    with UnitOfWork(archive) as uow:
        assert allocate_item_numbers(uow.session, "Z001-WS·2023-D30-BGS-#", 100) == 1
        assert allocate_item_numbers(uow.session, "Z001-WS·2023-D30-BGS-#", 1) == 101
        uow.commit()
    assert create_record(archive, _office_record()).item_number == 102


def test_the_number_of_a_deleted_record_is_not_given_out_again(archive):
    first = create_record(archive, _office_record())
    second = create_record(archive, _office_record())
    delete_record(archive, second.id)
    delete_record(archive, first.id)
    assert create_record(archive, _office_record()).reference_code == "Z001-WS·2023-D30-BGS-0003"


def test_the_number_of_a_destroyed_record_is_not_given_out_again(archive):
    record = create_record(archive, _office_record(), accept=True)
    with UnitOfWork(archive) as uow:  # destruction is its own service; here only its effect matters
        uow.session.get(Record, record.id).status = "destroyed"
        uow.commit()
    assert create_record(archive, _office_record()).item_number == 2


def test_a_category_using_the_da_t_13_pattern_numbers_its_records_with_the_department_name(archive):
    set_category_rules(archive, "WS", refcode_pattern=DAT13_PATTERN, default_retention="D30")
    assert create_record(archive, _office_record()).reference_code == "Z001-WS·2023·D30·办公室-0001"
    assert create_record(archive, _office_record(department="")).reference_code == "Z001-WS·2023·D30-0001"


def _create_many(path: str, count: int, worker: int) -> list[str]:
    db = open_archive(path, actor=f"worker{worker}")
    try:
        return [
            create_record(db, _office_record(title=f"第{worker}组第{n}份文件")).reference_code for n in range(count)
        ]
    finally:
        db.dispose()


def _assert_one_unbroken_sequence(path: Path, codes: list[str], expected: int) -> None:
    assert len(codes) == len(set(codes)) == expected
    db = open_archive(path)
    with db.reading() as session:
        numbers = sorted(session.scalars(select(Record.item_number)))
    db.dispose()
    assert numbers == list(range(1, expected + 1))
    assert sorted(codes) == [f"Z001-WS·2023-D30-BGS-{n:04d}" for n in numbers]


@pytest.mark.sqlite_only  # opens the archive file in other threads/processes
def test_threads_adding_records_to_one_group_at_once_get_distinct_numbers_without_gaps(archive):
    results: list[list[str]] = [[] for _ in range(4)]
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            results[worker] = _create_many(str(archive.file), 15, worker)
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    _assert_one_unbroken_sequence(archive.file, [c for codes in results for c in codes], 60)


@pytest.mark.sqlite_only  # opens the archive file in other threads/processes
def test_processes_adding_records_to_one_group_at_once_get_distinct_numbers_without_gaps(archive):
    path = str(archive.file)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        results = pool.starmap(_create_many, [(path, 10, n) for n in range(3)])
    _assert_one_unbroken_sequence(archive.file, [c for codes in results for c in codes], 30)
