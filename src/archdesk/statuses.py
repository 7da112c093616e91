"""Every status set of the archive, each defined once as a ``StrEnum``.

Models use them for their CHECK constraints, services for their rules, the UI and CLI for their
choices; the glossary (``messages/glossary.py``) has each value's words as ``term.status.<value>``
for records (other sets add their own ``term.<set>.<value>`` entries). Plain Python, no SQLAlchemy,
so the UI can import it before the database layer loads.
"""

from __future__ import annotations

from enum import StrEnum


class RecordStatus(StrEnum):
    """件 status: 暂存 → 在档 ⇄ 出借, 移出, 销毁."""

    PENDING = "pending"
    IN_CUSTODY = "in_custody"
    ON_LOAN = "on_loan"
    TRANSFERRED = "transferred"
    DESTROYED = "destroyed"


class BatchStatus(StrEnum):
    """移交批次 status."""

    OPEN = "open"
    ACCEPTED = "accepted"
    PARTLY_RETURNED = "partly_returned"
    RETURNED = "returned"


class LoanStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    LENT = "lent"
    RETURNED = "returned"
    CANCELLED = "cancelled"


class RequestStatus(StrEnum):
    """借阅申请 status: waiting for approval → approved (or refused) → lent → closed (all back)."""

    WAITING = "waiting"
    APPROVED = "approved"
    REFUSED = "refused"
    LENT = "lent"
    CLOSED = "closed"


class ReturnCondition(StrEnum):
    """归还检查: 完好 or 缺损."""

    INTACT = "intact"
    DAMAGED = "damaged"


class LoanMode(StrEnum):
    """利用方式."""

    READING_ROOM = "reading_room"
    TAKE_OUT = "take_out"
    COPY = "copy"
    EXCERPT = "excerpt"
    PHOTOGRAPH = "photograph"


class AppraisalDecision(StrEnum):
    KEEP = "keep"
    EXTEND = "extend"
    DESTROY = "destroy"
    TRANSFER = "transfer"


class AppraisalBatchStatus(StrEnum):
    """鉴定批次 status: records in an open batch are on hold (not lent, not moved out)."""

    OPEN = "open"
    CLOSED = "closed"


class HoldKind(StrEnum):
    """冻结 kinds: a dispute, an audit, a business reason, or 未结清的债权债务 on an accounting voucher."""

    LEGAL = "legal"
    AUDIT = "audit"
    BUSINESS = "business"
    UNSETTLED_CLAIMS = "unsettled_claims"


class DestructionListStatus(StrEnum):
    """销毁清册 status: draft (awaiting approval) → approved → executed; cancelled before execution."""

    DRAFT = "draft"
    APPROVED = "approved"
    EXECUTED = "executed"
    CANCELLED = "cancelled"


class MovementDirection(StrEnum):
    OUT = "out"
    IN = "in"
    RELOCATE = "relocate"


def check_constraint(column: str, values: type[StrEnum]) -> str:
    """The SQL of a CHECK constraint allowing exactly the enum's values: ``status IN ('a', 'b')``."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


class StocktakeStatus(StrEnum):
    """盘点 status: open (scanning), paused, finished."""

    OPEN = "open"
    PAUSED = "paused"
    FINISHED = "finished"


class InspectionKind(StrEnum):
    """库房检查 kinds."""

    FIRE = "fire"
    SECURITY = "security"
    PESTS = "pests"
