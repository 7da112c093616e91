"""Use (利用): borrowers, requests and approval, lending, renewal, return, overdue, and the printed forms
(借阅单, 借阅登记簿, 催还单). ``term.loans.*`` are the words of this topic (statuses, uses, purposes,
form labels)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Borrowers
    "loans.borrower_name_required": ("a borrower needs a name", "借阅人须填写姓名"),
    "loans.borrower_inactive": ("borrower {name} is no longer active", "借阅人 {name} 已停用"),
    "loans.unknown_clearance": ("unknown security classification {code!r}", "未知密级：{code}"),
    "loans.unknown_department": ("unknown department {code!r}", "未知机构（问题）代码：{code}"),
    # What makes a record unlendable (LEND_RULES)
    "loans.record_out": ("{reference_code} is out on loan already", "{reference_code} 已借出"),
    "loans.record_destroyed": ("{reference_code} has been destroyed", "{reference_code} 已销毁"),
    "loans.record_transferred": ("{reference_code} has been transferred out", "{reference_code} 已移出"),
    "loans.record_pending": ("{reference_code} is not yet accepted into custody", "{reference_code} 尚未接收入档"),
    "loans.record_unknown": ("no record with reference code {reference_code}", "没有档号为 {reference_code} 的档案"),
    "loans.no_records": ("a request lists at least one record", "借阅申请至少包含一件档案"),
    # Approval
    "loans.needs_approval": (
        "{reference_code} needs an approver ({why})",
        "{reference_code} 须经审批（{why}）",
    ),
    "loans.above_clearance": (
        "classified {level}, above the borrower's clearance",
        "密级为{level}，高于借阅人可阅密级",
    ),
    "loans.restricted": ("restricted", "控制使用"),
    "loans.approver_is_borrower": (
        "the approver cannot be the borrower ({name})",
        "批准人不能是借阅人本人（{name}）",
    ),
    "loans.approver_required": ("an approval needs the approver's name", "审批须填写批准人"),
    "loans.refusal_reason_required": ("a refusal needs a reason", "不予批准须说明理由"),
    "loans.request_not_waiting": (
        "request {request} is not waiting for approval ({status})",
        "借阅申请 {request} 不在待审批状态（{status}）",
    ),
    "loans.request_not_approved": (
        "request {request} cannot be handed over ({status})",
        "借阅申请 {request} 不能借出（{status}）",
    ),
    "loans.bad_days": ("the loan period must be 1 to 365 days, not {days}", "借阅期限须为 1–365 天，而非 {days}"),
    "loans.unknown_mode": ("unknown use {mode!r}", "未知利用方式：{mode}"),
    # Renewal and return
    "loans.not_lent": ("loan {loan} is not out ({status})", "借阅 {loan} 不在借出状态（{status}）"),
    "loans.renew_limit": (
        "loan {loan} has been renewed {renewals} time(s); the limit is {limit}",
        "借阅 {loan} 已续借 {renewals} 次，最多 {limit} 次",
    ),
    "loans.renew_overdue": (
        "loan {loan} is {days} day(s) overdue; renewing it needs a reason",
        "借阅 {loan} 已逾期 {days} 天，续借须说明理由",
    ),
    "loans.renew_reading_room": (
        "loan {loan} is reading-room use, due back the same day",
        "借阅 {loan} 为馆内查阅，当日归还，不能续借",
    ),
    "loans.no_open_loan": ("{reference_code} is not out on loan", "{reference_code} 未借出"),
    "loans.bad_pages": ("pages counted must be 0 or more, not {pages}", "清点页数须不小于 0，而非 {pages}"),
    "loans.missing_pages": ("{pages} of {expected} pages returned", "归还 {pages} 页，原有 {expected} 页"),
    # Summaries written to the audit log
    "loans.audit_lent": ("lent {count} record(s) on request {request}", "借阅申请 {request} 借出 {count} 件"),
    # Integrity check (archdesk check)
    "loans.status_without_loan": ("status on loan but no loan is out", "状态为出借，但没有借出登记"),
    "loans.loan_without_status": (
        "lent (loan {loan}) but status is {status}",
        "已借出（借阅 {loan}），但状态为{status}",
    ),
    # Words
    "term.loans.request": ("Request", "借阅申请"),
    "term.loans.request_number": ("Request no.", "申请编号"),
    "term.loans.borrower": ("Borrower", "借阅人"),
    "term.loans.department": ("Department / organisation", "单位/部门"),
    "term.loans.contact": ("Contact", "联系方式"),
    "term.loans.identity_number": ("ID number", "证件号码"),
    "term.loans.clearance": ("Clearance", "可阅密级"),
    "term.loans.purpose": ("Purpose", "利用目的"),
    "term.loans.mode": ("Use", "利用方式"),
    "term.loans.lent_on": ("Lent on", "借阅日期"),
    "term.loans.due_on": ("Due", "应还日期"),
    "term.loans.returned_on": ("Returned on", "归还日期"),
    "term.loans.days_overdue": ("Days overdue", "逾期天数"),
    "term.loans.approver": ("Approver", "批准人"),
    "term.loans.approved_on": ("Approved on", "批准日期"),
    "term.loans.archivist": ("Archivist", "经办人"),
    "term.loans.location": ("Location", "存放位置"),
    "term.loans.condition": ("Return check", "归还检查"),
    "term.loans.renewals": ("Renewals", "续借次数"),
    "term.loans.register_number": ("Reg. no.", "登记号"),
    "term.loans.slip": ("Borrowing slip", "档案借阅单"),
    "term.loans.register": ("Loan register", "借阅登记簿"),
    "term.loans.reminder": ("Overdue reminder", "催还单"),
    "term.loans.sign_date": ("Date", "日期"),
    "term.loans.slip_note": (
        "Records lent may not be passed on, copied or marked; renewals at the archive office only.",
        "借阅档案不得转借、擅自复制或涂改；续借须到档案室办理。",
    ),
    "term.loans.reminder_note": (
        "The records below are overdue. Please return them to the archive office, or come to renew them.",
        "下列档案已逾期未还，请尽快归还档案室，或到档案室办理续借手续。",
    ),
    "term.loans.overdue_count": ("Records overdue", "逾期件数"),
    "term.loans.slip_totals": ("{count} record(s)", "共 {count} 件"),
    "term.loans.register_totals": ("{count} loan(s)", "共 {count} 笔"),
    "term.loans.overdue_days": ("{days} days overdue", "已逾期 {days} 天"),
    # Use statistics (利用统计)
    "term.loans.use_statistics": ("Use statistics", "档案利用统计"),
    "term.loans.persons": ("Visits (persons)", "利用人次"),
    "term.loans.items": ("Records used", "利用卷/件次"),
    "term.loans.period": ("Period", "统计期间"),
    "term.loans.by_month": ("By month", "按月份"),
    "term.loans.by_department": ("By department", "按部门"),
    "term.loans.by_category": ("By series", "按门类"),
    "term.loans.by_purpose": ("By purpose", "按利用目的"),
    "term.loans.by_mode": ("By use", "按利用方式"),
    "term.loans.most_used": ("Most used records", "利用最多的档案"),
    "term.loans.no_department": ("(no department)", "（未注明部门）"),
    # 利用目的 (domain notes §6); the list is editable, these are the defaults.
    "term.loans.purpose.work": ("Work reference", "工作查考"),
    "term.loans.purpose.history": ("History and chronicles", "编史修志"),
    "term.loans.purpose.research": ("Academic research", "学术研究"),
    "term.loans.purpose.economy": ("Economic development", "经济建设"),
    "term.loans.purpose.education": ("Publicity and education", "宣传教育"),
    "term.loans.purpose.other": ("Other", "其他"),
    # 利用方式 (statuses.LoanMode)
    "term.loans.mode.reading_room": ("Reading room", "查阅"),
    "term.loans.mode.take_out": ("Take out", "借出"),
    "term.loans.mode.copy": ("Copy", "复制"),
    "term.loans.mode.excerpt": ("Extract", "摘录"),
    "term.loans.mode.photograph": ("Photograph", "拍照"),
    # Loan statuses (statuses.LoanStatus)
    "term.loans.status.requested": ("Requested", "已申请"),
    "term.loans.status.approved": ("Approved", "已批准"),
    "term.loans.status.rejected": ("Refused", "不予批准"),
    "term.loans.status.lent": ("Lent", "已借出"),
    "term.loans.status.returned": ("Returned", "已归还"),
    "term.loans.status.cancelled": ("Cancelled", "已取消"),
    # Request statuses (statuses.RequestStatus)
    "term.loans.request.waiting": ("Waiting for approval", "待审批"),
    "term.loans.request.approved": ("Approved", "已批准"),
    "term.loans.request.refused": ("Refused", "不予批准"),
    "term.loans.request.lent": ("Lent", "已借出"),
    "term.loans.request.closed": ("Returned", "已归还"),
    # Return check (statuses.ReturnCondition)
    "term.loans.condition.intact": ("Intact", "完好"),
    "term.loans.condition.damaged": ("Damaged or incomplete", "缺损"),
}
