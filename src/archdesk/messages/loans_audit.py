"""Audit summaries of use (利用): borrowers, loan requests, loans, returns and restrictions."""

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.borrower.added": ("borrower {name} added", "新增借阅人 {name}"),
    "audit.borrower.changed": ("borrower {name} changed", "修改借阅人 {name}"),
    "audit.loan_request.made": ("request {request}: {count} record(s)", "借阅申请 {request}：{count} 件"),
    "audit.loan_request.approved": (
        "request {request} approved by {approver}",
        "借阅申请 {request} 经 {approver} 批准",
    ),
    "audit.loan_request.refused": ("request {request} refused by {approver}", "借阅申请 {request} 被 {approver} 拒绝"),
    "audit.loan_request.use_effect": (
        "use effect of request {request} recorded",
        "已登记借阅申请 {request} 的利用效果",
    ),
    "audit.loan.returned": ("loan {loan} returned ({condition})", "借阅 {loan} 已归还（{condition}）"),
    "audit.loan.renewed": ("loan {loan} renewed to {due}", "借阅 {loan} 续借至 {due}"),
    "audit.record.restricted": ("use restricted: {reason}", "限制利用：{reason}"),
    "audit.record.unrestricted": ("restriction lifted", "解除限制利用"),
    "audit.action.return": ("return", "归还"),
    "audit.action.renew": ("renew", "续借"),
    "audit.action.use_effect": ("use effect", "利用效果"),
    "audit.action.restrict": ("restrict", "限制利用"),
    "audit.action.unrestrict": ("lift restriction", "解除限制"),
    "audit.action.request": ("request", "申请"),
    "audit.action.refuse": ("refuse", "拒绝"),
    "audit.action.lend": ("lend", "借出"),
}
