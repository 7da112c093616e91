"""`archdesk borrowers add|list` and `archdesk loans lend|approve|refuse|renew|return|list|overdue`: use (利用).

JSON keys are a contract: ``borrowers add --json`` → ``{"id"}``; ``loans lend --json`` →
``{"request", "loans": [ids], "due_on"}``; ``loans overdue --json`` → a list of ``{"loan_id",
"borrower", "reference_code", "due_on", "days_overdue"}``. A refusal (a record out, unlendable, needing
an approver …) is one line on stderr and exit code 1, with nothing written.
"""

from __future__ import annotations

import argparse
import json
from datetime import date

from archdesk.cli import add_db_argument, archive_from_args
from archdesk.statuses import LoanMode

MODES = [str(mode) for mode in LoanMode if mode != LoanMode.PHOTOGRAPH]


def register(subparsers: argparse._SubParsersAction) -> None:
    borrowers = subparsers.add_parser("borrowers", help="borrowers (借阅人): add, list")
    commands = borrowers.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = _command(commands, "add", "register a borrower", _borrowers_add)
    add.add_argument("--name", required=True, help="the borrower's name")
    add.add_argument("--department", default="", metavar="CODE", help="department (机构) code, e.g. BGS")
    add.add_argument("--organisation", default="", help="outside organisation, for users from outside")
    add.add_argument("--contact", default="", help="telephone or e-mail")
    add.add_argument("--identity-number", default="", help="ID card or staff number (optional)")
    add.add_argument(
        "--clearance", default="", metavar="LEVEL", help="highest 密级 seen without approval: code or name"
    )
    listing = _command(commands, "list", "find borrowers by name, department or contact", _borrowers_list)
    listing.add_argument("text", nargs="?", default="", help="words to find")

    loans = subparsers.add_parser("loans", help="lend, renew and return records; overdue loans")
    commands = loans.add_subparsers(dest="action", metavar="ACTION", required=True)
    lend = _command(commands, "lend", "lend records to a borrower (one request, all or nothing)", _lend)
    lend.add_argument("--borrower", type=int, required=True, metavar="ID", help="borrower id")
    lend.add_argument("references", nargs="+", metavar="REF", help="reference codes (档号) of the records")
    lend.add_argument("--approver", default="", metavar="NAME", help="who approved (needed above the clearance)")
    lend.add_argument("--mode", choices=MODES, default="take_out", help="use (利用方式), default take_out")
    lend.add_argument("--days", type=int, metavar="N", help="loan period in days (default 14; reading room: same day)")
    lend.add_argument("--purpose", default="work", help="purpose (利用目的): work, history, research, economy, …")
    approve = _command(commands, "approve", "approve a request waiting for approval", _approve)
    approve.add_argument("request", type=int, metavar="REQUEST")
    approve.add_argument("--approver", required=True, metavar="NAME")
    refuse = _command(commands, "refuse", "refuse a request waiting for approval", _refuse)
    refuse.add_argument("request", type=int, metavar="REQUEST")
    refuse.add_argument("--approver", required=True, metavar="NAME")
    refuse.add_argument("--reason", required=True)
    renew = _command(commands, "renew", "renew a loan (续借)", _renew)
    renew.add_argument("loan", type=int, metavar="LOAN")
    renew.add_argument("--reason", default="", metavar="R", help="the archivist's reason to renew an overdue loan")
    renew.add_argument("--days", type=int, metavar="N", help="renewal period in days (default 14)")
    renew.add_argument("--limit", type=int, default=1, metavar="N", help="renewals allowed (default 1)")
    back = _command(commands, "return", "take back a loan (by loan id or the record's reference code)", _return)
    back.add_argument("loan", metavar="LOAN", help="loan id, or the reference code scanned from the record")
    back.add_argument(
        "--condition", default="", metavar="TEXT", help="intact (完好, default), damaged (缺损), or a note"
    )
    back.add_argument("--pages", type=int, metavar="N", help="pages counted on return")
    effect = _command(commands, "effect", "record the use's effect (利用效果) on a loan's request", _effect)
    effect.add_argument("loan", type=int, metavar="LOAN")
    effect.add_argument("text", metavar="TEXT")
    restrict = _command(commands, "restrict", "mark records restricted: any use needs an approver", _restrict)
    restrict.add_argument("references", nargs="+", metavar="REF")
    restrict.add_argument("--reason", default="")
    restrict.add_argument("--lift", action="store_true", help="lift the restriction instead")
    listing = _command(commands, "list", "loans, the soonest due first", _list)
    listing.add_argument("--open", action="store_true", help="only loans still out or asked for")
    _command(commands, "overdue", "loans past their due date, the longest overdue first", _overdue)


def _command(commands: argparse._SubParsersAction, name: str, help_text: str, func) -> argparse.ArgumentParser:  # noqa: ANN001
    parser = commands.add_parser(name, help=help_text)
    add_db_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=func)
    return parser


def _print(args: argparse.Namespace, payload: object, text: str) -> int:
    print(json.dumps(payload, ensure_ascii=False) if args.json else text)
    return 0


def _borrowers_add(args: argparse.Namespace) -> int:
    from archdesk.services.use.borrowers import BorrowerInput, add_borrower

    data = BorrowerInput(
        name=args.name, department=args.department, organisation=args.organisation, contact=args.contact,
        identity_number=args.identity_number, clearance=args.clearance,
    )  # fmt: skip
    with archive_from_args(args) as db:
        borrower_id = add_borrower(db, data)
    return _print(args, {"id": borrower_id}, f"borrower {borrower_id}: {args.name}")


def _borrowers_list(args: argparse.Namespace) -> int:
    from archdesk.services.use.borrowers import find_borrowers

    with archive_from_args(args, create=False) as db:
        found = find_borrowers(db, args.text)
    payload = [
        {"id": b.id, "name": b.name, "department": b.department, "contact": b.contact, "clearance": b.clearance_code,
         "active": b.active}
        for b in found
    ]  # fmt: skip
    return _print(
        args, payload, "\n".join(f"{b.id}\t{b.name}\t{b.department}\t{b.contact}\t{b.clearance}" for b in found)
    )


def _lend(args: argparse.Namespace) -> int:
    from archdesk.services.use.lending import lend, record_ids_for_codes

    with archive_from_args(args, create=False) as db:
        ids = record_ids_for_codes(db, args.references)
        result = lend(
            db, args.borrower, ids, approver=args.approver, mode=args.mode, days=args.days, purpose=args.purpose
        )
    due = result.due_on.isoformat() if result.due_on else None
    payload = {"request": result.request, "loans": list(result.loans), "due_on": due}
    return _print(args, payload, f"request {result.request}: {len(result.loans)} record(s) lent, due {due}")


def _approve(args: argparse.Namespace) -> int:
    from archdesk.services.use.lending import approve_request

    with archive_from_args(args, create=False) as db:
        approve_request(db, args.request, args.approver)
    return _print(args, {"request": args.request, "status": "approved"}, f"request {args.request} approved")


def _refuse(args: argparse.Namespace) -> int:
    from archdesk.services.use.lending import refuse_request

    with archive_from_args(args, create=False) as db:
        refuse_request(db, args.request, args.approver, args.reason)
    return _print(args, {"request": args.request, "status": "refused"}, f"request {args.request} refused")


def _renew(args: argparse.Namespace) -> int:
    from archdesk.services.use.returns import renew_loan

    with archive_from_args(args, create=False) as db:
        due = renew_loan(db, args.loan, reason=args.reason, days=args.days, limit=args.limit)
    return _print(
        args, {"loan": args.loan, "due_on": due.isoformat()}, f"loan {args.loan} renewed, due {due.isoformat()}"
    )


def _return(args: argparse.Namespace) -> int:
    from archdesk.services.use.returns import ReturnCheck, condition_from_text, open_loan_for, return_loans

    damaged, notes = condition_from_text(args.condition)
    with archive_from_args(args, create=False) as db:
        loan_id = int(args.loan) if args.loan.isdigit() else open_loan_for(db, args.loan)
        closed = return_loans(db, [ReturnCheck(loan_id, damaged=damaged, pages=args.pages, notes=notes)])
    payload = {"loan": loan_id, "condition": "damaged" if damaged else "intact", "closed_requests": closed}
    return _print(args, payload, f"loan {loan_id} returned ({payload['condition']})")


def _effect(args: argparse.Namespace) -> int:
    from archdesk.services.use.queries import request_of_loan
    from archdesk.services.use.returns import record_use_effect

    with archive_from_args(args, create=False) as db:
        request = request_of_loan(db, args.loan)
        record_use_effect(db, request, args.text)
    return _print(args, {"request": request}, f"request {request}: use effect recorded")


def _restrict(args: argparse.Namespace) -> int:
    from archdesk.services.uow import UnitOfWork
    from archdesk.services.use.lending import record_ids_for_codes
    from archdesk.services.use.returns import lift_restriction, restrict_record

    with archive_from_args(args, create=False) as db:
        ids = record_ids_for_codes(db, args.references)
        with UnitOfWork(db) as uow:
            for record_id in ids:
                if args.lift:
                    lift_restriction(db, record_id, uow=uow)
                else:
                    restrict_record(db, record_id, args.reason, uow=uow)
            uow.commit()
    state = "lifted" if args.lift else "restricted"
    return _print(args, {"records": ids, "restricted": not args.lift}, f"{len(ids)} record(s) {state}")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _list(args: argparse.Namespace) -> int:
    from archdesk.services.use.queries import list_loans

    with archive_from_args(args, create=False) as db:
        loans = list_loans(db, open_only=args.open, limit=1_000_000)
    payload = [
        {"loan_id": x.id, "request": x.request_id, "reference_code": x.reference_code, "title": x.title,
         "borrower": x.borrower, "mode": x.mode, "status": x.status, "lent_on": _iso(x.lent_on), "due_on": _iso(x.due_on),
         "returned_on": _iso(x.returned_on), "renewals": x.renewals}
        for x in loans
    ]  # fmt: skip
    text = "\n".join(f"{x.id}\t{x.reference_code}\t{x.borrower}\t{x.status}\t{_iso(x.due_on) or ''}" for x in loans)
    return _print(args, payload, text)


def _overdue(args: argparse.Namespace) -> int:
    from archdesk.services.use.queries import overdue_loans

    with archive_from_args(args, create=False) as db:
        overdue = overdue_loans(db)
    payload = [
        {"loan_id": x.loan_id, "borrower": x.borrower, "reference_code": x.reference_code, "due_on": x.due_on.isoformat(),
         "days_overdue": x.days_overdue}
        for x in overdue
    ]  # fmt: skip
    text = "\n".join(
        f"{x.loan_id}\t{x.borrower}\t{x.contact}\t{x.reference_code}\t{x.due_on}\t{x.days_overdue}" for x in overdue
    )
    return _print(args, payload, text)
