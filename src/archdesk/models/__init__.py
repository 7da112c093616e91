"""ORM models. Importing this package registers every table on ``Base.metadata``."""

from archdesk.models.appraisal import Appraisal, DestructionList, DestructionListItem
from archdesk.models.audit import AuditEvent
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
from archdesk.models.custody import Box, Location, Movement
from archdesk.models.records import Attachment, ItemSequence, Record, TransferBatch, Volume
from archdesk.models.use import Borrower, Loan

__all__ = [
    "DAT13_PATTERN",
    "DAT22_PATTERN",
    "Appraisal",
    "Attachment",
    "AuditEvent",
    "Base",
    "Borrower",
    "Box",
    "Carrier",
    "Category",
    "Department",
    "DestructionList",
    "DestructionListItem",
    "Fonds",
    "ItemSequence",
    "Loan",
    "Location",
    "Movement",
    "Record",
    "RetentionPeriod",
    "SecurityLevel",
    "TransferBatch",
    "Volume",
]
