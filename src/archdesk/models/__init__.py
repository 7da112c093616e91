"""ORM models. Importing this package registers every table on ``Base.metadata``."""

from archdesk.models.appraisal import (
    Appraisal,
    AppraisalBatch,
    DestroyedAttachment,
    DestructionList,
    DestructionListItem,
    Hold,
)
from archdesk.models.audit import AuditEvent, AuditSeal
from archdesk.models.base import Base
from archdesk.models.codes import (
    DAT13_PATTERN,
    DAT22_PATTERN,
    Carrier,
    Category,
    Department,
    Fonds,
    RetentionPeriod,
    SecurityLevel,
)
from archdesk.models.counts import BoxRecordCount, RecordCount
from archdesk.models.custody import (
    Box,
    ClimateReading,
    Inspection,
    Location,
    Movement,
    Stocktake,
    StocktakeExpected,
    StocktakeScan,
    Storeroom,
)
from archdesk.models.records import Attachment, ItemSequence, Record, TransferBatch, Volume
from archdesk.models.use import Borrower, Loan, LoanRenewal, LoanRequest, UseRestriction

__all__ = [
    "DAT13_PATTERN",
    "DAT22_PATTERN",
    "Appraisal",
    "AppraisalBatch",
    "Attachment",
    "AuditEvent",
    "AuditSeal",
    "Base",
    "Borrower",
    "Box",
    "BoxRecordCount",
    "Carrier",
    "Category",
    "ClimateReading",
    "Department",
    "DestroyedAttachment",
    "DestructionList",
    "DestructionListItem",
    "Fonds",
    "Hold",
    "Inspection",
    "ItemSequence",
    "Loan",
    "LoanRenewal",
    "LoanRequest",
    "Location",
    "Movement",
    "Record",
    "RecordCount",
    "RetentionPeriod",
    "SecurityLevel",
    "Stocktake",
    "StocktakeExpected",
    "StocktakeScan",
    "Storeroom",
    "TransferBatch",
    "UseRestriction",
    "Volume",
]
