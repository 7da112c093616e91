"""Printed words of the standard forms, in Chinese and English.

A document's language is a parameter of the document (a register printed in English for a
visitor), so these labels live with the reports rather than in the Qt translations.
"""

from __future__ import annotations

from archdesk.messages import catalogue as _glossary

LABELS: dict[str, tuple[str, str]] = {
    # titles
    "register": ("归档文件目录", "Catalogue of archived records"),
    "volume_catalogue": ("案卷目录", "Catalogue of files (volumes)"),
    "volume_contents": ("卷内文件目录", "List of items in file"),
    "inventory": ("库存档案清册", "Inventory register"),
    "box_spine": ("档案盒盒脊", "Box spines"),
    "box_note": ("备考表", "Box note"),
    "statistics": ("馆藏档案统计", "Holdings statistics"),
    # columns
    "seq": ("序号", "No."),
    "reference_code": ("档号", "Reference code"),
    "document_number": ("文号", "Doc. number"),
    "responsible_party": ("责任者", "Creator"),
    "title": ("题名", "Title"),
    "date": ("日期", "Date"),
    "security": ("密级", "Security"),
    "pages": ("页数", "Pages"),
    "notes": ("备注", "Notes"),
    "volume_number": ("案卷号", "File no."),
    "volume_title": ("案卷题名", "File title"),
    "date_range": ("起止日期", "Dates"),
    "item_count": ("卷内件数", "Items"),
    "items": ("件数", "Items"),
    "boxes": ("盒数", "Boxes"),
    "retention": ("保管期限", "Retention"),
    "location": ("库位号", "Location"),
    "storeroom": ("库房", "Storeroom"),
    "box": ("盒号", "Box"),
    "search_text": ("检索词", "Search"),
    "category": ("门类", "Series"),
    "year": ("年度", "Year"),
    "department": ("机构(问题)", "Department"),
    "item_range": ("起止件号", "Items from–to"),
    "start_item": ("起件号", "First item"),
    "end_item": ("止件号", "Last item"),
    "fonds": ("全宗号", "Fonds"),
    "fonds_name": ("全宗名称", "Fonds name"),
    "code": ("代码", "Code"),
    "name": ("名称", "Name"),
    # fields and lines
    "organisation": ("单位", "Organisation"),
    "printed_on": ("打印日期", "Printed"),
    "page_of": ("第 {page} 页 共 ", "Page {page} of "),
    "page_total": ("{total} 页", "{total}"),
    "compiled_by": ("编制人", "Compiled by"),
    "checked_by": ("审核人", "Checked by"),
    "sign_date": ("日期", "Date"),
    "total": ("合计", "Total"),
    "unshelved": ("未上架", "Not shelved"),
    "no_box": ("未装盒", "Not boxed"),
    "destroyed": ("已销毁", "destroyed"),
    "transferred": ("已移出", "transferred"),
    "on_loan": ("出借中", "on loan"),
    "box_contents": ("盒内文件情况说明", "Notes on the contents of this box"),
    "arranged_by": ("整理人", "Arranged by"),
    "arranged_on": ("整理日期", "Arranged on"),
    "inspected_by": ("检查人", "Checked by"),
    "inspected_on": ("检查日期", "Checked on"),
    "volume": ("案卷", "File"),
    # statistics
    "by_category": ("按门类", "By series"),
    "by_year": ("按年度", "By year"),
    "by_retention": ("按保管期限", "By retention period"),
    "by_security": ("按密级", "By security level"),
    "accessions": ("各年接收", "Accessions per year"),
    "batches": ("移交批次", "Batches"),
    "none": ("（无）", "(none)"),
}


#: Column words that are terms of the one glossary (``messages/glossary.py``): a form prints what the
#: screen shows (门类 is "Series" on both, 责任者 "Creator").
GLOSSARY_TERMS = {
    "reference_code": "reference_code",
    "document_number": "document_number",
    "responsible_party": "responsible_party",
    "title": "title",
    "date": "date",
    "security": "security_level",
    "pages": "pages",
    "notes": "notes",
    "retention": "retention",
    "category": "category",
    "year": "year",
    "department": "department",
    "fonds": "fonds_code",
    "fonds_name": "fonds_name",
    "item_number": "item_number",
}
for _key, _term in GLOSSARY_TERMS.items():
    _english, _chinese = _glossary()[f"term.{_term}"]
    LABELS[_key] = (_chinese, _english)
LABELS["by_security"] = ("按密级", "By " + LABELS["security"][1].lower())


def label(key: str, language: str) -> str:
    """The label in ``language`` ("zh_CN" or "en"); anything but "en" prints Chinese."""
    zh, en = LABELS[key]
    return en if language == "en" else zh
