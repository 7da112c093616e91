"""Messages of appraisal and disposition (鉴定与处置): batches, decisions, holds, destruction lists."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Batches and decisions
    "appraisal.batch_not_found": ("appraisal batch {batch} not found", "未找到鉴定批次 {batch}"),
    "appraisal.batch_closed": ("appraisal batch {batch} is closed", "鉴定批次 {batch} 已结束"),
    "appraisal.batch_title_required": ("an appraisal batch needs a title", "鉴定批次须有名称"),
    "appraisal.members_required": (
        "an appraisal needs at least two committee members",
        "鉴定须有至少两名鉴定小组成员",
    ),
    "appraisal.opinion_required": ("a decision needs the committee's opinion", "鉴定结论须附鉴定意见"),
    "appraisal.unknown_decision": (
        "unknown decision {decision!r}: keep, extend, destroy or transfer",
        "未知的鉴定结论 {decision!r}：应为 keep、extend、destroy 或 transfer",
    ),
    "appraisal.retention_required": (
        "an extension needs the new retention period (--retention)",
        "延长保管期限须给出新的保管期限（--retention）",
    ),
    "appraisal.retention_not_limited": (
        "{code} is not a fixed period; to keep a record for ever decide keep",
        "{code} 不是定期保管期限；永久保存请选择“继续保存”",
    ),
    "appraisal.unknown_retention": ("unknown retention period {code!r}", "未知的保管期限 {code!r}"),
    "appraisal.unknown_reference": (
        "no record has the reference code {reference_code}",
        "没有档号为 {reference_code} 的档案",
    ),
    "appraisal.not_appraisable": (
        "{reference_code} is {status} and cannot be appraised",
        "{reference_code} 状态为{status}，不能鉴定",
    ),
    "appraisal.permanent": (
        "{reference_code} is kept permanently and is never destroyed",
        "{reference_code} 为永久保管，不得销毁",
    ),
    "appraisal.too_early": (
        "{reference_code}: its retention runs until {until}; it cannot be destroyed before {due}",
        "{reference_code}：保管期限至 {until} 届满，{due} 前不得销毁",
    ),
    "appraisal.in_other_batch": (
        "{reference_code} is already in the open appraisal batch {batch}",
        "{reference_code} 已在未结束的鉴定批次 {batch} 中",
    ),
    "appraisal.decision_listed": (
        "{reference_code} is on destruction list {number}; its decision cannot change",
        "{reference_code} 已列入销毁清册 {number}，鉴定结论不能更改",
    ),
    "appraisal.undecided": (
        "{count} records of batch {batch} have no decision yet",
        "鉴定批次 {batch} 尚有 {count} 件档案未作结论",
    ),
    # Holds
    "appraisal.hold_reason_required": ("a hold needs a reason", "冻结须说明原因"),
    "appraisal.unhold_reason_required": ("lifting a hold needs a reason", "解除冻结须说明原因"),
    "appraisal.already_held": ("{reference_code} is already on hold: {reason}", "{reference_code} 已被冻结：{reason}"),
    "appraisal.not_held": ("{reference_code} is not on hold", "{reference_code} 未被冻结"),
    "appraisal.unsettled_claims_accounting_only": (
        "{reference_code} is not an accounting record; an unsettled-claims hold is for accounting vouchers",
        "{reference_code} 不是会计档案；未结清债权债务的冻结仅用于会计凭证",
    ),
    "appraisal.unsettled_claims": (
        "{reference_code} is an accounting record with unsettled claims (未结清的债权债务) and is never destroyed",
        "{reference_code} 为涉及未结清债权债务的会计档案，不得销毁",
    ),
    # Blocks other actions read (lending, moving out)
    "appraisal.blocked_hold": ("{reference_code} is on hold: {reason}", "{reference_code} 已被冻结：{reason}"),
    "appraisal.blocked_in_batch": (
        "{reference_code} is being appraised (batch {batch}) and cannot be lent or moved out",
        "{reference_code} 正在鉴定（批次 {batch}），不能借出或移出",
    ),
    "appraisal.blocked_on_list": (
        "{reference_code} is on destruction list {number} and cannot be lent or moved out",
        "{reference_code} 已列入销毁清册 {number}，不能借出或移出",
    ),
    # Destruction lists
    "appraisal.list_not_found": ("destruction list {list} not found", "未找到销毁清册 {list}"),
    "appraisal.nothing_to_list": (
        "batch {batch} has no destroy decisions that are not on a list",
        "鉴定批次 {batch} 没有尚未列入清册的销毁结论",
    ),
    "appraisal.on_two_lists": (
        "{reference_code} is already on the open destruction list {number}",
        "{reference_code} 已列入未执行的销毁清册 {number}",
    ),
    "appraisal.approver_required": ("the approval needs the approver's name (批准人)", "批准须填写批准人"),
    "appraisal.two_witnesses": (
        "at least two witnesses (监销人) are needed; {count} given",
        "监销人至少两名，现为 {count} 名",
    ),
    "appraisal.witness_is_applicant": (
        "{name} applied for this destruction and cannot witness it",
        "{name} 是销毁申请人，不能担任监销人",
    ),
    "appraisal.witness_is_approver": (
        "{name} approves this destruction and cannot witness it",
        "{name} 是批准人，不能担任监销人",
    ),
    "appraisal.list_not_draft": (
        "destruction list {number} is {status}; only a list awaiting approval can be approved",
        "销毁清册 {number} 状态为{status}，只有待批准的清册可以批准",
    ),
    "appraisal.list_not_approved": (
        "destruction list {number} has not been approved; record the approval first",
        "销毁清册 {number} 尚未批准，须先登记批准",
    ),
    "appraisal.list_executed": (
        "destruction list {number} was executed on {date}; a destruction is never repeated or undone",
        "销毁清册 {number} 已于 {date} 执行；销毁不能重复，也不能撤销",
    ),
    "appraisal.list_cancelled": ("destruction list {number} was cancelled", "销毁清册 {number} 已作废"),
    "appraisal.lent_since": (
        "{reference_code} was lent on {lent_on}, after the decision of {decided_on}; appraise it again",
        "{reference_code} 在鉴定（{decided_on}）之后于 {lent_on} 借出，须重新鉴定",
    ),
    "appraisal.on_loan": ("{reference_code} is on loan and cannot be destroyed", "{reference_code} 尚未归还，不能销毁"),
    "appraisal.held_since": (
        "{reference_code} is on hold ({reason}) and cannot be destroyed",
        "{reference_code} 已被冻结（{reason}），不能销毁",
    ),
    "appraisal.not_in_custody": (
        "{reference_code} is {status} and cannot be destroyed",
        "{reference_code} 状态为{status}，不能销毁",
    ),
    # Audit summaries
    "appraisal.audit_destroyed": (
        "destroyed under destruction list {number}",
        "依销毁清册 {number} 销毁",
    ),
    # Glossary
    "term.appraisal.batch": ("appraisal batch", "鉴定批次"),
    "term.appraisal.decision.keep": ("Keep permanently", "继续保存（永久）"),
    "term.appraisal.decision.extend": ("Extend retention", "延长保管期限"),
    "term.appraisal.decision.destroy": ("Destroy", "销毁"),
    "term.appraisal.decision.transfer": ("Transfer", "移交"),
    "term.appraisal.decision.none": ("Not decided", "未定"),
    "term.appraisal.hold.legal": ("Legal hold", "诉讼冻结"),
    "term.appraisal.hold.audit": ("Audit hold", "审计冻结"),
    "term.appraisal.hold.business": ("Business hold", "业务冻结"),
    "term.appraisal.hold.unsettled_claims": ("Unsettled claims", "未结清债权债务"),
    "term.appraisal.list.draft": ("Awaiting approval", "待批准"),
    "term.appraisal.list.approved": ("Approved", "已批准"),
    "term.appraisal.list.executed": ("Executed", "已销毁"),
    "term.appraisal.list.cancelled": ("Cancelled", "已作废"),
    "term.appraisal.batch.open": ("Open", "进行中"),
    "term.appraisal.batch.closed": ("Closed", "已结束"),
    # The History tab's rows of appraisal (审计记录).
    "appraisal.audit.batch_opened": ("appraisal batch {title}", "鉴定批次 {title}"),
    "appraisal.audit.decided": ("batch {batch}: {decision}: {opinion}", "鉴定批次 {batch}：{decision}：{opinion}"),
    "appraisal.audit.added": ("{count} records added to the batch", "{count} 件档案加入鉴定批次"),
    "appraisal.audit.transferred": ("transferred (appraisal batch {batch})", "已移交（鉴定批次 {batch}）"),
    "appraisal.audit.closed": ("closed; {count} transferred", "已结束；移交 {count} 件"),
    "appraisal.audit.list_made": ("destruction list {number}: {count} records", "销毁清册 {number}：{count} 件"),
    "appraisal.audit.approved": (
        "approved by {approver}; witnesses {witnesses}",
        "批准人 {approver}；监销人 {witnesses}",
    ),
    "appraisal.audit.executed": ("executed: {count} records destroyed", "已执行：销毁 {count} 件"),
    "appraisal.audit.cancelled": ("cancelled: {reason}", "已作废：{reason}"),
    "appraisal.audit.held": ("hold ({kind}): {reason}", "冻结（{kind}）：{reason}"),
    "appraisal.audit.hold_lifted": ("hold lifted: {reason}", "解除冻结：{reason}"),
    "audit.action.appraise": ("appraise", "鉴定"),
    "audit.action.hold": ("hold", "冻结"),
    "audit.action.unhold": ("lift hold", "解除冻结"),
    "audit.action.destroy": ("destroy", "销毁"),
    "audit.action.execute": ("execute", "执行"),
    "audit.action.approve": ("approve", "批准"),
    "audit.action.cancel": ("cancel", "作废"),
    "audit.action.close": ("close", "结束"),
}
