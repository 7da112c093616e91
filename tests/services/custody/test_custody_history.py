"""Custody's audit events read in the window's language: shelves, boxes, the ledger, stocktakes, climate."""

from __future__ import annotations

from datetime import date, datetime

from archdesk.services.audit_history import entity_history
from archdesk.services.custody.boxes import move_boxes, put_in_box, set_barcode
from archdesk.services.custody.climate import add_reading, plan_inspection, record_inspection
from archdesk.services.custody.locations import rename_storeroom, set_climate_limits
from archdesk.services.custody.stocktake import finish_stocktake, set_paused, start_stocktake


def _texts(archive, entity, language):
    return [entry.summary_text(language) for entry in entity_history(archive, entity)]


def test_shelving_and_a_storeroom_read_in_chinese_and_in_english(shelved):
    archive, _ = shelved
    rename_storeroom(archive, "K01", "一号库房")
    set_climate_limits(archive, "K01", temperature=(16, 22), humidity=(45, 55))
    assert _texts(archive, "location", "zh_CN") == ["库房 K01 新建架层 24 个（K01-01-A-1-1 … K01-02-B-2-3）"]
    assert _texts(archive, "location", "en") == ["24 shelves added in K01 (K01-01-A-1-1 … K01-02-B-2-3)"]
    zh = _texts(archive, "storeroom", "zh_CN")
    assert zh[-2:] == [
        "库房 K01 更名为“一号库房”",
        "库房 K01 温湿度限值：16–22 °C，相对湿度 45–55%，日变化 ±2 °C / ±5%",
    ]
    assert _texts(archive, "storeroom", "en")[-1] == (
        "climate limits of K01: 16–22 °C, 45–55 % RH, daily swing ±2 °C / ±5 % RH"
    )
    assert [e.action_text("zh_CN") for e in entity_history(archive, "storeroom")][-2:] == ["更名", "修改"]


def test_boxing_moving_and_the_ledger_read_in_chinese_and_in_english(shelved):
    archive, records = shelved
    put = put_in_box(archive, records["2020-D30"], new=True)
    set_barcode(archive, put.box_id, "BX-0001")
    move_boxes(archive, [put.box_id], "K01-01-A-1-1")
    assert _texts(archive, "box", "zh_CN") == [
        f"4 件档案装入档案盒 {put.box_code}",
        f"档案盒 {put.box_code} 条码：BX-0001",
        "1 盒移至 K01-01-A-1-1",
    ]
    assert _texts(archive, "box", "en")[0] == f"4 records put in box {put.box_code}"
    ledger = entity_history(archive, "movement")
    assert {e.summary_text("zh_CN") for e in ledger} == {"入库：装盒", "入库：上架"}
    assert {e.summary_text("en") for e in ledger} == {"In: Boxed", "In: Shelved"}
    assert {e.action_text("zh_CN") for e in ledger} == {"出入库"}


def test_a_stocktake_and_the_climate_log_read_in_chinese_and_in_english(shelved):
    archive, _ = shelved
    started = start_stocktake(archive, "K01-01")
    set_paused(archive, started.id, True)
    set_paused(archive, started.id, False)
    finish_stocktake(archive, started.id)
    assert _texts(archive, "stocktake", "zh_CN") == [
        "开始盘点 K01-01",
        "盘点 K01-01 暂停",
        "盘点 K01-01 继续",
        "盘点 K01-01 结束：缺失 0，多出 0，错架 0，出借 0",
    ]
    assert _texts(archive, "stocktake", "en")[-1] == (
        "stocktake of K01-01 finished: 0 missing, 0 unexpected, 0 misplaced, 0 on loan"
    )
    assert [e.action_text("zh_CN") for e in entity_history(archive, "stocktake")] == ["开始", "暂停", "继续", "结束"]

    add_reading(archive, "K01", datetime(2026, 5, 4, 9, 30), 25.5, 58)
    inspection = plan_inspection(archive, "K01", "pests", date(2026, 6, 1))
    record_inspection(archive, inspection, date(2026, 5, 30))
    assert _texts(archive, "climate_reading", "zh_CN") == ["库房 K01 2026-05-04 09:30 温湿度记录"]
    assert _texts(archive, "climate_reading", "en") == ["climate reading of K01 at 2026-05-04 09:30"]
    assert _texts(archive, "inspection", "zh_CN") == [
        "库房 K01 防虫检查，应于 2026-06-01 前完成",
        "库房 K01 防虫检查已于 2026-05-30 完成",
    ]
    assert _texts(archive, "inspection", "en")[0] == "Pests inspection of K01 due 2026-06-01"
