"""`archdesk appraisal due|batch|decide|close`, `archdesk hold|unhold`, `archdesk destruction-list
create|approve|execute`: appraisal and disposition from the command line.

Flags and JSON keys are a contract (issue 14): ``appraisal due --json`` prints ``{"records": [...]}``,
``appraisal batch --json`` and ``destruction-list create --json`` print ``{"id": ...}``. A refusal is
one line on stderr and exit status 1 (``cli.main``).
"""

from __future__ import annotations

import argparse
import json

from archdesk.cli import add_db_argument, archive_from_args

DECISIONS = ("keep", "extend", "destroy", "transfer")
HOLD_KINDS = ("legal", "audit", "business", "unsettled-claims")


def register(subparsers: argparse._SubParsersAction) -> None:
    appraisal = subparsers.add_parser("appraisal", help="records due for appraisal, appraisal batches and decisions")
    commands = appraisal.add_subparsers(dest="appraisal_command", metavar="ACTION", required=True)

    due = commands.add_parser("due", help="records whose retention period has run out")
    add_db_argument(due)
    due.add_argument("--year", type=int, metavar="Y", help="only records of year Y (年度)")
    due.add_argument("--category", metavar="CODE", help="only this category (门类) and its sub-categories")
    due.add_argument("--limit", type=int, default=100_000, metavar="N", help="at most N records (default 100000)")
    due.add_argument("--json", action="store_true", help='print {"records": [...]}')
    due.set_defaults(func=_due)

    batch = commands.add_parser("batch", help="open an appraisal batch (鉴定)")
    add_db_argument(batch)
    batch.add_argument("--title", required=True, help="what is appraised, e.g. 2026年到期文书档案鉴定")
    batch.add_argument("--members", required=True, help='the committee, comma separated: "A,B,C"')
    batch.add_argument("--scope", default="", help="the scope of the appraisal")
    batch.add_argument("--json", action="store_true", help='print {"id": ...}')
    batch.set_defaults(func=_batch)

    decide = commands.add_parser("decide", help="record the committee's decision on records of a batch")
    add_db_argument(decide)
    decide.add_argument("batch", type=int, metavar="BATCH")
    decide.add_argument("references", nargs="+", metavar="REF", help="reference codes (档号)")
    decide.add_argument("--decision", required=True, choices=DECISIONS)
    decide.add_argument("--retention", metavar="CODE", help="the new period of an extension, e.g. D10")
    decide.add_argument("--opinion", required=True, help="the committee's opinion (鉴定意见)")
    decide.add_argument("--transfer-to", default="", metavar="ARCHIVE", help="the receiving archive of a transfer")
    decide.set_defaults(func=_decide)

    close = commands.add_parser("close", help="close a batch whose records are all decided (carries out transfers)")
    add_db_argument(close)
    close.add_argument("batch", type=int, metavar="BATCH")
    close.set_defaults(func=_close)

    for name, func, help_text in (("hold", _hold, "put a record on hold"), ("unhold", _unhold, "lift a hold")):
        parser = subparsers.add_parser(name, help=f"{help_text} (冻结 / 解除冻结)")
        add_db_argument(parser)
        parser.add_argument("reference", metavar="REF", help="reference code (档号)")
        parser.add_argument("--reason", required=True, help="why")
        if name == "hold":
            parser.add_argument("--kind", choices=HOLD_KINDS, default="legal", help="kind of hold (default legal)")
        parser.set_defaults(func=func)

    lists = subparsers.add_parser("destruction-list", help="destruction lists (销毁清册): create, approve, execute")
    actions = lists.add_subparsers(dest="list_command", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="a numbered list of a batch's destroy decisions")
    add_db_argument(create)
    create.add_argument("--batch", type=int, required=True, metavar="ID")
    create.add_argument("--applicant", default="", metavar="NAME", help="who applies (default: the current user)")
    create.add_argument("--json", action="store_true", help='print {"id": ...}')
    create.set_defaults(func=_create_list)

    approve = actions.add_parser("approve", help="record the approval and the witnesses (监销人)")
    add_db_argument(approve)
    approve.add_argument("list", type=int, metavar="ID")
    approve.add_argument("--approver", required=True, metavar="NAME", help="批准人")
    approve.add_argument("--witnesses", required=True, metavar='"A,B"', help="监销人, at least two")
    approve.add_argument("--applicant", metavar="NAME", help="申请人 (default: the one recorded on the list)")
    approve.add_argument("--place", default="", help="销毁地点")
    approve.add_argument("--method", default="", help="销毁方式, e.g. 粉碎")
    approve.set_defaults(func=_approve)

    execute = actions.add_parser("execute", help="destroy the records of an approved list (once, all or nothing)")
    add_db_argument(execute)
    execute.add_argument("list", type=int, metavar="ID")
    execute.add_argument("--remove-attachments", action="store_true", help="also delete their files (hashes kept)")
    execute.add_argument("--json", action="store_true", help="print the outcome as JSON")
    execute.set_defaults(func=_execute)


def _print(payload: dict, as_json: bool, text: str) -> None:
    print(json.dumps(payload, ensure_ascii=False) if as_json else text)


def _due(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import due_for_appraisal

    with archive_from_args(args) as db:
        due = due_for_appraisal(db, year=args.year, category=args.category, limit=max(args.limit, 0))
    if args.json:
        records = [
            {"id": d.id, "reference_code": d.reference_code, "title": d.title, "year": d.year,
             "category": d.category_code, "retention": d.retention_code, "eligible_on": d.eligible_on.isoformat(),
             "extended": d.extended}
            for d in due
        ]  # fmt: skip
        print(json.dumps({"records": records}, ensure_ascii=False))
    else:
        for d in due:
            print(f"{d.eligible_on}  {d.reference_code}  {d.title}")
    return 0


def _batch(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import create_batch

    with archive_from_args(args) as db:
        batch_id = create_batch(db, args.title, args.members, scope=args.scope)
    _print({"id": batch_id}, args.json, f"appraisal batch {batch_id}")
    return 0


def _decide(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import decide

    with archive_from_args(args) as db:
        done = decide(db, args.batch, args.references, args.decision, args.opinion, retention=args.retention,
                      transfer_to=args.transfer_to)  # fmt: skip
    print(f"batch {args.batch}: {len(done)} records: {args.decision}")
    return 0


def _close(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import close_batch

    with archive_from_args(args) as db:
        transferred = close_batch(db, args.batch)
    print(f"batch {args.batch} closed; {transferred} records transferred")
    return 0


def _hold(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import place_hold

    with archive_from_args(args) as db:
        place_hold(db, args.reference, args.reason, kind=args.kind.replace("-", "_"))
    print(f"{args.reference}: on hold")
    return 0


def _unhold(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import lift_hold

    with archive_from_args(args) as db:
        lift_hold(db, args.reference, args.reason)
    print(f"{args.reference}: hold lifted")
    return 0


def _create_list(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import create_destruction_list, list_destruction_lists

    with archive_from_args(args) as db:
        list_id = create_destruction_list(db, args.batch, applicant=args.applicant)
        number = next(s.number for s in list_destruction_lists(db) if s.id == list_id)
    _print({"id": list_id, "number": number}, args.json, f"destruction list {list_id} ({number})")
    return 0


def _approve(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import approve_destruction_list

    with archive_from_args(args) as db:
        approve_destruction_list(db, args.list, args.approver, args.witnesses, applicant=args.applicant,
                                 place=args.place, method=args.method)  # fmt: skip
    print(f"destruction list {args.list} approved")
    return 0


def _execute(args: argparse.Namespace) -> int:
    from archdesk.services.appraisal import execute_destruction_list

    with archive_from_args(args) as db:
        done = execute_destruction_list(db, args.list, remove_attachments=args.remove_attachments)
    payload = {"id": done.list_id, "number": done.number, "records": done.records,
               "attachments_removed": done.attachments_removed, "executed_on": done.executed_on.isoformat()}  # fmt: skip
    _print(payload, args.json, f"destruction list {done.number}: {done.records} records destroyed")
    return 0
