"""One glossary of the archive's terms, used on screen and on paper alike (domain notes §9).

``term.<name>`` where ``<name>`` is the model attribute or concept; a field named in a
``ValidationError`` is rendered through ``term.<field>`` when the glossary has it.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "term.fonds": ("Fonds", "全宗"),
    "term.fonds_code": ("Fonds number", "全宗号"),
    "term.fonds_name": ("Fonds name", "全宗名称"),
    "term.category": ("Series", "门类"),
    "term.year": ("Year", "年度"),
    "term.retention": ("Retention period", "保管期限"),
    "term.department": ("Department", "机构（问题）"),
    "term.item_number": ("Item number", "件号"),
    "term.reference_code": ("Reference code", "档号"),
    "term.document_number": ("Document number", "文号"),
    "term.responsible_party": ("Creator", "责任者"),
    "term.title": ("Title", "题名"),
    "term.date": ("Date", "日期"),
    "term.pages": ("Pages", "页数"),
    "term.security": ("Security classification", "密级"),
    "term.security_level": ("Security classification", "密级"),
    "term.carrier": ("Medium", "载体"),
    "term.notes": ("Notes", "备注"),
    "term.title_supplied": ("Supplied title", "自拟题名"),
    "term.original_retention": ("Original retention period", "原保管期限"),
    "term.reason": ("Reason", "原因"),
    "term.accepted_at": ("Accepted", "接收时间"),
    "term.status": ("Status", "状态"),
    "term.record": ("Record", "档案"),
    "term.box": ("Box", "档案盒"),
    "term.volume": ("File", "案卷"),
    "term.location": ("Location", "存放位置"),
    "term.transfer_batch": ("Transfer batch", "移交批次"),
    "term.borrower": ("Borrower", "借阅人"),
    "term.loan": ("Loan", "借阅"),
    "term.destruction_list": ("Destruction register", "销毁清册"),
    # Record statuses (statuses.RecordStatus).
    "term.status.pending": ("Pending", "暂存"),
    "term.status.in_custody": ("In custody", "在档"),
    "term.status.on_loan": ("On loan", "出借"),
    "term.status.transferred": ("Transferred", "移出"),
    "term.status.destroyed": ("Destroyed", "销毁"),
}
