"""Audit summaries of the archive's set-up (fonds, categories, departments), of transfer batches and of the
audit chain's own seal event."""

MESSAGES: dict[str, tuple[str, str]] = {
    "audit.fonds.added": ("fonds {code} ({name}) added", "新增全宗 {code}（{name}）"),
    "audit.category.added": ("series {code} ({name}) added", "新增门类 {code}（{name}）"),
    "audit.category.changed": ("series {code} changed", "修改门类 {code}"),
    "audit.category.retired": ("series {code} retired", "门类 {code} 停用"),
    "audit.category.restored": ("series {code} restored", "门类 {code} 恢复启用"),
    "audit.department.added": ("department {code} ({name}) added", "新增机构（问题）{code}（{name}）"),
    "audit.department.changed": ("department {code} changed", "修改机构（问题）{code}"),
    "audit.department.retired": ("department {code} retired", "机构（问题）{code} 停用"),
    "audit.department.restored": ("department {code} restored", "机构（问题）{code} 恢复启用"),
    "audit.department.mapping": (
        "import column and value map remembered for department {department}",
        "已为机构（问题）{department} 记住导入的列与取值对照",
    ),
    "audit.transfer.accepted": (
        "transfer batch {batch} from {file}: {count} records accepted, {returned} rows returned",
        "移交批次 {batch}（{file}）：接收 {count} 件，退回 {returned} 行",
    ),
    "audit.transfer.withdrawn": (
        "transfer batch {batch} withdrawn: {count} pending records removed",
        "移交批次 {batch} 已撤回：删除暂存档案 {count} 件",
    ),
    "audit.action.withdraw": ("withdraw", "撤回"),
    # the audit chain's own event when records changed without one (services/audit_chain.py)
    "audit.seal.records": ("{count} records", "{count} 件档案"),
    "audit.action.seal": ("seal", "封签"),
}
