"""Climate log: limits per storeroom, the daily swing, days without a reading, a logger's CSV in either language."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from archdesk.services.custody.climate import (
    add_reading,
    climate_alerts,
    import_readings,
    inspections,
    plan_inspection,
    readings,
    record_inspection,
)
from archdesk.services.custody.locations import set_climate_limits
from archdesk.services.errors import ValidationError


def _kinds(alerts):
    return [(a.day.day, a.kind) for a in alerts]


def test_readings_outside_the_paper_limits_are_listed(archive):
    for hour, temperature, humidity in ((8, 18.0, 50.0), (12, 25.5, 50.0), (16, 18.0, 62.0)):
        add_reading(archive, "K01", datetime(2026, 5, 1, hour), temperature, humidity)
    add_reading(archive, "K01", datetime(2026, 5, 2, 8), 13.0, 40.0)
    alerts = climate_alerts(archive, days=2, today=date(2026, 5, 2))
    out_of_range = [(a.day.day, a.kind, a.value, a.limit) for a in alerts if not a.kind.endswith("swing")]
    assert out_of_range == [
        (1, "too_warm", 25.5, 24.0),
        (1, "too_humid", 62.0, 60.0),
        (2, "too_cold", 13.0, 14.0),
        (2, "too_dry", 40.0, 45.0),
    ]


def test_a_swing_beyond_2_degrees_or_5_percent_around_the_days_mean_is_listed_and_limits_are_per_storeroom(archive):
    add_reading(archive, "K01", datetime(2026, 5, 1, 8), 16.0, 50.0)
    add_reading(archive, "K01", datetime(2026, 5, 1, 16), 21.0, 54.0)  # mean 18.5: ±2.5 ℃, ±2 % RH
    assert _kinds(climate_alerts(archive, days=1, today=date(2026, 5, 1))) == [(1, "temp_swing")]
    set_climate_limits(archive, "K01", temperature=(14, 20), temp_swing=3)
    assert _kinds(climate_alerts(archive, days=1, today=date(2026, 5, 1))) == [(1, "too_warm")]


def test_a_day_without_a_reading_is_listed(archive):
    for day in (1, 2, 4):
        add_reading(archive, "K01", datetime(2026, 5, day, 9), 18.0, 50.0)
    alerts = climate_alerts(archive, days=10, today=date(2026, 5, 5))
    assert _kinds(alerts) == [(3, "no_reading")]  # from the first reading; today (the 5th) is not over yet
    later = climate_alerts(archive, days=10, today=date(2026, 5, 6))
    assert _kinds(later) == [(3, "no_reading"), (5, "no_reading")]
    assert alerts[0].text("zh_CN") == "无记录"


def test_a_chinese_logger_csv_is_imported_once_and_a_bad_cell_names_file_row_and_column(archive, tmp_path):
    add_reading(archive, "K01", datetime(2026, 5, 1, 8), 18.0, 50.0)
    good = tmp_path / "logger.csv"
    good.write_bytes(
        "设备: HT-01\n时间,温度(℃),相对湿度(%)\n2026-05-01 12:00,19.5,52\n2026/05/01 16:00,20.0,55\n".encode("gb18030")
    )
    assert import_readings(archive, good, "K01") == 2
    assert import_readings(archive, good, "K01") == 0
    assert [r.temperature for r in readings(archive, "K01")] == [18.0, 19.5, 20.0]
    english = tmp_path / "english.csv"
    english.write_text("Time;Temperature;RH\n2026-05-02 08:00;18;50\n", encoding="utf-8")
    assert import_readings(archive, english, "K01") == 1

    bad = tmp_path / "bad.csv"
    bad.write_text("time,temperature,humidity\n2026-05-03 08:00,18,50\n2026-05-03 12:00,warm,50\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        import_readings(archive, bad, "K01")
    assert refused.value.render("zh_CN") == "bad.csv：第 3 行：温度：不是数字：warm"
    assert len(readings(archive, "K01")) == 4  # nothing of the refused file


def test_a_file_without_the_three_columns_is_refused(archive, tmp_path):
    add_reading(archive, "K01", datetime(2026, 5, 1, 8), 18.0, 50.0)
    odd = tmp_path / "odd.csv"
    odd.write_text("when,value\n2026-05-01,3\n", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        import_readings(archive, odd, "K01")
    assert "no time, temperature and humidity columns" in str(refused.value)


def test_inspections_come_due_and_doing_one_plans_the_next(archive):
    add_reading(archive, "K01", datetime(2026, 5, 1, 8), 18.0, 50.0)
    fire = plan_inspection(archive, "K01", "fire", date(2026, 5, 1))
    plan_inspection(archive, "K01", "pests", date(2026, 6, 1))
    due = inspections(archive, open_only=True)
    assert [(i.kind, i.overdue(date(2026, 5, 10))) for i in due] == [("fire", True), ("pests", False)]
    record_inspection(archive, fire, date(2026, 5, 10), notes="灭火器正常", next_due=date(2026, 8, 10))
    assert [(i.kind, i.due_on) for i in inspections(archive, open_only=True)] == [
        ("pests", date(2026, 6, 1)),
        ("fire", date(2026, 8, 10)),
    ]
