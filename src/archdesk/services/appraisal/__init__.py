"""Appraisal and disposition (鉴定与处置): due lists, batches and decisions, holds, destruction lists.

``due`` — which records have reached the end of their retention, and the arithmetic of it;
``batches`` — appraisal batches and their decisions; ``holds`` — holds and the rule other actions
ask (:func:`appraisal_blocks`); ``destruction`` — destruction lists, approval and execution.
Every mutating function takes ``*, uow=None`` and is one unit of work; all run on the calling thread.
"""

from archdesk.services.appraisal.batches import (
    BatchRecord,
    BatchSummary,
    add_to_batch,
    batch_records,
    close_batch,
    create_batch,
    decide,
    list_batches,
)
from archdesk.services.appraisal.destruction import (
    Execution,
    ListSummary,
    approve_destruction_list,
    cancel_destruction_list,
    create_destruction_list,
    execute_destruction_list,
    list_destruction_lists,
)
from archdesk.services.appraisal.due import (
    APPRAISABLE,
    DueRecord,
    count_due,
    due_for_appraisal,
    eligible_from,
    extended_due,
    retention_ends,
    years_kept,
)
from archdesk.services.appraisal.holds import HoldView, appraisal_blocks, lift_hold, list_holds, place_hold

__all__ = [
    "APPRAISABLE",
    "BatchRecord",
    "BatchSummary",
    "DueRecord",
    "Execution",
    "HoldView",
    "ListSummary",
    "add_to_batch",
    "appraisal_blocks",
    "batch_records",
    "approve_destruction_list",
    "cancel_destruction_list",
    "close_batch",
    "count_due",
    "create_batch",
    "create_destruction_list",
    "decide",
    "due_for_appraisal",
    "eligible_from",
    "execute_destruction_list",
    "extended_due",
    "lift_hold",
    "list_batches",
    "list_destruction_lists",
    "list_holds",
    "place_hold",
    "retention_ends",
    "years_kept",
]
