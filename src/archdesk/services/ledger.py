"""The movement ledger (出入库登记): one append-only row for every change of place of a box or a record.

Custody (shelving, moving), use (lending, returning) and disposition (withdrawal for destruction or
transfer) all write their rows through :func:`write_movement`, inside the unit of work of the action
that moved the thing, so the ledger and the catalogue never disagree.
"""

from __future__ import annotations

from archdesk.models import Movement
from archdesk.services.uow import UnitOfWork
from archdesk.statuses import MovementDirection


def write_movement(
    uow: UnitOfWork,
    direction: MovementDirection,
    *,
    record_id: int | None = None,
    box_id: int | None = None,
    from_location_id: int | None = None,
    to_location_id: int | None = None,
    reason: str = "",
    notes: str = "",
) -> Movement:
    """Add one ledger row in ``uow`` (flushed, so it has its id); the operator is the unit of work's actor.

    ``reason`` is a short code (``shelved``, ``moved``, ``loan``, ``return``, ``destruction``,
    ``transfer`` …) that the screens and forms translate through ``term.movement.<reason>``.
    """
    if record_id is None and box_id is None:
        raise ValueError("a movement moves a record or a box")
    movement = Movement(
        record_id=record_id,
        box_id=box_id,
        from_location_id=from_location_id,
        to_location_id=to_location_id,
        direction=str(direction),
        reason=reason,
        operator=uow.actor,
        notes=notes,
    )
    uow.session.add(movement)
    uow.session.flush()
    return movement
