"""``archdesk climate limits``: a storeroom's limits shown, changed, refused on one line in the user's language."""

from __future__ import annotations

import json

import pytest

from archdesk.cli import main
from archdesk.services.archive import open_archive
from archdesk.services.audit_history import entity_history
from archdesk.services.custody.locations import add_shelving, list_storerooms


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.db"
    archive = open_archive(path)
    add_shelving(archive, "K01", rows=1, sections=1, levels=2)
    archive.dispose()
    return str(path)


def test_limits_are_shown_without_options_and_changed_with_them(db, capsys):
    code, out, _ = _run(capsys, "climate", "limits", "--storeroom", "K01", "--db", db)
    assert (code, out) == (0, "K01: 14–24 °C, 45–60 % RH, daily swing ±2 °C / ±5 % RH\n")
    code, out, _ = _run(
        capsys, "--lang", "zh_CN", "climate", "limits", "--storeroom", "k01", "--temperature", "16-22",
        "--humidity", "45~55", "--db", db,
    )  # fmt: skip
    assert (code, out) == (0, "K01：温度 16–22 °C，相对湿度 45–55%，日变化 ±2 °C / ±5%\n")
    code, out, _ = _run(capsys, "climate", "limits", "--storeroom", "K01", "--temperature-swing", "1.5", "--json",
                        "--db", db)  # fmt: skip
    assert json.loads(out) == {
        "storeroom": "K01",
        "name": "",
        "temperature": {"min": 16.0, "max": 22.0},
        "humidity": {"min": 45.0, "max": 55.0},
        "daily_swing": {"temperature": 1.5, "humidity": 5.0},
    }
    archive = open_archive(db)
    try:
        history = [e.summary_text("zh_CN") for e in entity_history(archive, "storeroom")]
    finally:
        archive.dispose()
    assert history[-2:] == [
        "库房 K01 温湿度限值：16–22 °C，相对湿度 45–55%，日变化 ±2 °C / ±5%",
        "库房 K01 温湿度限值：16–22 °C，相对湿度 45–55%，日变化 ±1.5 °C / ±5%",
    ]


@pytest.mark.parametrize(
    ("options", "english", "chinese"),
    [
        (
            ("--temperature", "24-14"),
            "Temperature: the lower limit must be below the upper limit",
            "温度：下限须低于上限",
        ),
        (("--humidity", "40-120"), "Relative humidity: 120 is outside 0 … 100", "相对湿度：120 超出 0 … 100 的范围"),
        (
            ("--temperature", "warm"),
            "Temperature: not a range: warm; write it as MIN-MAX, e.g. 14-24",
            "温度：不是范围：warm；请写成“下限-上限”，如 14-24",
        ),
        (("--humidity-swing", "x"), "Daily humidity swing: not a number: x", "湿度日变化：不是数字：x"),
    ],
)
def test_a_bad_limit_is_one_line_in_the_users_language_and_changes_nothing(db, capsys, options, english, chinese):
    for language, expected in (("en", english), ("zh_CN", chinese)):
        code, out, err = _run(capsys, "--lang", language, "climate", "limits", "--storeroom", "K01", *options,
                              "--db", db)  # fmt: skip
        assert (code, out, err) == (1, "", f"archdesk: {expected}\n")
    archive = open_archive(db)
    try:
        room = list_storerooms(archive)[0]
    finally:
        archive.dispose()
    assert (room.temp_min, room.temp_max, room.rh_min, room.rh_max, room.rh_swing) == (14, 24, 45, 60, 5)


def test_an_unknown_storeroom_is_refused_not_made(db, capsys):
    code, _, err = _run(capsys, "--lang", "zh_CN", "climate", "limits", "--storeroom", "K09", "--temperature",
                        "16-22", "--db", db)  # fmt: skip
    assert code == 1 and err.startswith("archdesk: ") and "K09" in err and len(err.splitlines()) == 1
    archive = open_archive(db)
    try:
        assert [r.code for r in list_storerooms(archive)] == ["K01"]
    finally:
        archive.dispose()
