"""Audit summaries of custody (storerooms, shelves, boxes, the ledger, stocktakes, the climate log),
and the words of a storeroom's climate limits.

Each is what the History reads, in the window's language; the event's before/after keep the values.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # locations
    "audit.storeroom.created": ("storeroom {code} added", "新建库房 {code}"),
    "audit.storeroom.renamed": ("storeroom {code} renamed {name}", "库房 {code} 更名为“{name}”"),
    "audit.storeroom.limits": (
        "climate limits of {code}: {temp_min}–{temp_max} °C, {rh_min}–{rh_max} % RH, "
        "daily swing ±{temp_swing} °C / ±{rh_swing} % RH",
        "库房 {code} 温湿度限值：{temp_min}–{temp_max} °C，相对湿度 {rh_min}–{rh_max}%，"
        "日变化 ±{temp_swing} °C / ±{rh_swing}%",
    ),
    "audit.location.shelving": (
        "{count} shelves added in {storeroom} ({first} … {last})",
        "库房 {storeroom} 新建架层 {count} 个（{first} … {last}）",
    ),
    "audit.location.renamed": ("location {code} renamed {name}", "库位 {code} 更名为“{name}”"),
    "audit.location.capacity": ("capacity of {code}: {capacity} boxes", "库位 {code} 容量：{capacity} 盒"),
    "audit.location.capacity_cleared": ("capacity of {code}: no limit", "库位 {code} 容量：不限"),
    "audit.location.retired": ("location {code} retired", "库位 {code} 停用"),
    "audit.location.deleted": ("location {code} deleted", "删除库位 {code}"),
    # boxes
    "audit.box.put": ("{count} records put in box {box}", "{count} 件档案装入档案盒 {box}"),
    "audit.box.moved": ("{count} boxes moved to {location}", "{count} 盒移至 {location}"),
    "audit.box.barcode": ("barcode of box {box}: {barcode}", "档案盒 {box} 条码：{barcode}"),
    "audit.box.note": ("note (备考表) of box {box}", "档案盒 {box} 的备考表"),
    # the ledger
    "audit.movement.row": ("{direction}: {reason}", "{direction}：{reason}"),
    "audit.demo.ledger": ("{rows} demo ledger rows", "{rows} 条示例出入库登记"),
    # stocktake
    "audit.stocktake.started": ("stocktake of {locations} started", "开始盘点 {locations}"),
    "audit.stocktake.paused": ("stocktake of {locations} paused", "盘点 {locations} 暂停"),
    "audit.stocktake.resumed": ("stocktake of {locations} resumed", "盘点 {locations} 继续"),
    "audit.stocktake.finished": (
        "stocktake of {locations} finished: {missing} missing, {unexpected} unexpected, "
        "{misplaced} misplaced, {on_loan} on loan",
        "盘点 {locations} 结束：缺失 {missing}，多出 {unexpected}，错架 {misplaced}，出借 {on_loan}",
    ),
    # climate
    "audit.climate.imported": (
        "{count} climate readings imported for {storeroom}",
        "库房 {storeroom} 导入温湿度记录 {count} 条",
    ),
    "audit.climate.typed": ("climate reading of {storeroom} at {time}", "库房 {storeroom} {time} 温湿度记录"),
    "audit.inspection.planned": (
        "{kind} inspection of {storeroom} due {due}",
        "库房 {storeroom} {kind}检查，应于 {due} 前完成",
    ),
    "audit.inspection.done": (
        "{kind} inspection of {storeroom} done {done}",
        "库房 {storeroom} {kind}检查已于 {done} 完成",
    ),
    # a storeroom's climate limits as the dock's dialog and the CLI read and check them
    "custody.limit_not_number": ("not a number: {value}", "不是数字：{value}"),
    "custody.limit_not_range": (
        "not a range: {value}; write it as MIN-MAX, e.g. 14-24",
        "不是范围：{value}；请写成“下限-上限”，如 14-24",
    ),
    "custody.limit_out_of_bounds": ("{value} is outside {low} … {high}", "{value} 超出 {low} … {high} 的范围"),
    "custody.limits_shown": (
        "{code}: {temp_min}–{temp_max} °C, {rh_min}–{rh_max} % RH, daily swing ±{temp_swing} °C / ±{rh_swing} % RH",
        "{code}：温度 {temp_min}–{temp_max} °C，相对湿度 {rh_min}–{rh_max}%，日变化 ±{temp_swing} °C / ±{rh_swing}%",
    ),
    "term.custody.temp_swing_limit": ("Daily temperature swing", "温度日变化"),
    "term.custody.rh_swing_limit": ("Daily humidity swing", "湿度日变化"),
    # the actions' words
    "audit.action.movement": ("movement", "出入库"),
    "audit.action.box": ("box", "装盒"),
    "audit.action.move": ("move", "移架"),
    "audit.action.rename": ("rename", "更名"),
    "audit.action.retire": ("retire", "停用"),
    "audit.action.restore": ("restore", "恢复启用"),
    "audit.action.start": ("start", "开始"),
    "audit.action.pause": ("pause", "暂停"),
    "audit.action.resume": ("resume", "继续"),
    "audit.action.finish": ("finish", "结束"),
}
