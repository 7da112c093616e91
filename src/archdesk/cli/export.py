"""`archdesk export register|annual-report|volumes|volume-contents|volume-cover|volume-spine|volume-note|inventory|spines|box-notes|stats|labels|ledger|slip|overdue|loan-register|use-stats|destruction-list|appraisal-report`:
registers, box forms, barcode labels, the movement ledger and the forms of use and appraisal to PDF or Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archdesk.cli import add_db_argument, archive_from_args
from archdesk.messages import msg
from archdesk.services.errors import ValidationError


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="print registers, box forms and statistics to PDF or Excel")
    kinds = export.add_subparsers(dest="document", metavar="DOCUMENT", required=True)
    documents = [
        (
            "register",
            "catalogue register (归档文件目录), bound per year and period",
            _register_options,
            _export_register,
        ),
        ("volumes", "volume catalogue (案卷目录)", _record_filters, _export_register),
        ("volume-contents", "in-volume catalogue (卷内文件目录)", _record_filters, _export_register),
        ("inventory", "inventory register by storeroom, shelf and box", _inventory_filters, _export_inventory),
        ("volume-cover", "file covers (案卷封面), PDF only", _record_filters, _export_volume_form),
        ("volume-spine", "file spine labels (卷脊), PDF only", _record_filters, _export_volume_form),
        ("volume-note", "file notes (卷内备考表), PDF only", _record_filters, _export_volume_form),
        ("spines", "box spine labels (盒脊), PDF only", _record_filters, _export_boxes),
        ("box-notes", "box notes (备考表), PDF only", _record_filters, _export_boxes),
        ("stats", "holdings statistics with charts", None, _export_stats),
        ("labels", "barcode labels of boxes or shelves (Code128 or QR), PDF only", _label_options, _export_labels),
        ("ledger", "the movement ledger (出入库登记)", _ledger_options, _export_ledger),
        ("slip", "borrowing slip (档案借阅单) of a loan's request", _slip_options, _export_use_form),
        ("overdue", "overdue reminders (催还单), a page per borrower", None, _export_use_form),
        ("loan-register", "loan register (借阅登记簿)", None, _export_use_form),
        ("use-stats", "use statistics (利用统计): visits and records used", None, _export_use_form),
        ("destruction-list", "destruction list (档案销毁清册)", _list_option, _export_destruction_list),
        ("appraisal-report", "appraisal report: decisions per batch (鉴定报告)", _batch_option, _export_appraisal),
        ("annual-report", "annual statistics report (档案室基本情况统计年报)", *_annual()),
        ("package", "hand-over package: records' files and metadata as a zipped BagIt bag", *_package()),
    ]
    for name, help_text, add_filters, func in documents:
        parser = kinds.add_parser(name, help=help_text)
        add_db_argument(parser)
        parser.add_argument("--format", choices=["pdf", "xlsx"], help="file format (default: from --out)")
        parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
        parser.add_argument(
            "--lang",
            choices=["zh_CN", "en"],
            default=argparse.SUPPRESS,  # the top-level --lang when given there; documents default to Chinese
            help="language of the document and of messages (default: zh_CN for the document)",
        )
        parser.add_argument("--font", metavar="FILE.ttf", help="TrueType font to embed (default: system, then bundled)")
        if add_filters:
            add_filters(parser)
        parser.set_defaults(func=_reporting_file_errors(func))


def _annual():  # noqa: ANN202 - the annual report's own options and handler (cli/annual.py)
    from archdesk.cli.annual import annual_options, export_annual_report

    return annual_options, export_annual_report


def _package():  # noqa: ANN202 - the digitisation command's own options and handler (cli/digitisation.py)
    from archdesk.cli.digitisation import export_package, package_options

    return package_options, export_package


def _document_language(args: argparse.Namespace) -> str:
    return getattr(args, "lang", None) or "zh_CN"


def _reporting_file_errors(func):  # noqa: ANN001, ANN202
    # A file that cannot be written is the user's to fix: one line, no traceback.
    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except OSError as exc:
            from archdesk.cli import message_language
            from archdesk.messages import render

            problem = msg("reports.cannot_write", path=str(args.out), detail=exc.strerror or str(exc))
            print(f"archdesk: {render(problem, message_language(args))}", file=sys.stderr)
            return 1

    return run


def _record_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--category", metavar="CODE", help="category (门类) code; includes sub-categories")
    parser.add_argument("--year", type=int, metavar="Y", help="year (年度)")
    parser.add_argument("--retention", metavar="CODE", help="retention period code (Y, D30, D10)")
    parser.add_argument("--department", metavar="CODE", help="department (机构/问题) code")
    parser.add_argument("--box", metavar="B", help="box code, or box number")
    parser.add_argument("--fonds", metavar="CODE", help="fonds (全宗) code")


def _register_options(parser: argparse.ArgumentParser) -> None:
    _record_filters(parser)
    parser.add_argument(
        "--volumes",
        choices=["per-year-period", "continuous"],
        default="per-year-period",
        help="per-year-period: one volume per 门类, 年度 and 保管期限 (and 机构 when the reference code has it), "
        "each with its cover and 序号 from 1 (Excel: a sheet per volume); continuous: one list (default per-year-period)",
    )


def _list_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", type=int, required=True, metavar="ID", help="the destruction list")


def _batch_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch", type=int, metavar="ID", help="one appraisal batch (default: all)")


def _export_destruction_list(args: argparse.Namespace) -> int:
    from archdesk.services.reports.destruction import destruction_list_document

    fmt = _file_format(args)
    with archive_from_args(args) as db:
        print(f"{args.out}: {_write(destruction_list_document(db, args.list, _document_language(args)), args, fmt)}")
    return 0


def _export_appraisal(args: argparse.Namespace) -> int:
    from archdesk.services.reports.destruction import appraisal_report_document

    fmt = _file_format(args)
    with archive_from_args(args) as db:
        document = appraisal_report_document(db, _document_language(args), batch_id=args.batch)
        print(f"{args.out}: {_write(document, args, fmt)}")
    return 0


def _inventory_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--storeroom", metavar="CODE", help="storeroom (库房), e.g. K01")
    parser.add_argument("--location", metavar="PREFIX", help="shelf address prefix, e.g. K01-A-03")
    parser.add_argument("--box", metavar="CODE", help="box code")
    parser.add_argument("--category", metavar="CODE", help="category (门类) code")
    parser.add_argument("--year", type=int, metavar="Y", help="year (年度)")


#: The label sheets and barcodes of services/reports/labels_sheet.py, named here so that building
#: the parser does not import ReportLab (the GUI starts through this parser).
LABEL_SHEETS, LABEL_SYMBOLOGIES = ("a4-2x7", "a4-3x8", "spine"), ("code128", "qr")


def _label_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--boxes", nargs="+", default=["all"], metavar="all|CODE", help="boxes (default: all)")
    parser.add_argument(
        "--shelves", metavar="PREFIX", help="shelf labels of the addresses starting so, instead of boxes"
    )
    parser.add_argument("--sheet", choices=LABEL_SHEETS, default="a4-3x8", help="label sheet (default a4-3x8)")
    parser.add_argument("--symbology", choices=LABEL_SYMBOLOGIES, default="code128", help="barcode (default code128)")


def _ledger_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reason", default="", help="only this reason (shelved, moved, boxed, loan, return, …)")
    parser.add_argument("--code", default="", metavar="CODE", help="a box, a reference code or a shelf prefix")


def _file_format(args: argparse.Namespace, *, pdf_only: bool = False) -> str:
    fmt = args.format or Path(args.out).suffix.lower().lstrip(".")
    if fmt not in ("pdf", "xlsx"):
        raise ValidationError("format", msg("reports.unknown_format", path=str(args.out)))
    if pdf_only and fmt != "pdf":
        raise ValidationError("format", msg("reports.pdf_only", document=args.document))
    return fmt


def _record_filter(args: argparse.Namespace):  # noqa: ANN202
    from archdesk.services.reports import RecordFilter

    return RecordFilter(
        fonds=args.fonds or "", category=args.category or "", year=args.year, retention=args.retention or "",
        department=args.department or "", box=args.box or "",
    )  # fmt: skip


def _write(document, args: argparse.Namespace, fmt: str) -> str:  # noqa: ANN001
    from archdesk.services.reports import render_pdf, render_xlsx

    if fmt == "pdf":
        pages = render_pdf(document, args.out, font_path=args.font)
        return f"{pages} pages"
    rows = render_xlsx(document, args.out)
    return f"{rows} rows"


def _export_register(args: argparse.Namespace) -> int:
    from archdesk.services.reports import catalogue_register, volume_catalogue, volume_contents

    fmt = _file_format(args)
    build = {"register": catalogue_register, "volumes": volume_catalogue, "volume-contents": volume_contents}
    with archive_from_args(args, create=False) as db:
        options = {"volumes": args.volumes} if args.document == "register" else {}
        document = build[args.document](db, _record_filter(args), language=_document_language(args), **options)
        print(f"{args.out}: {_write(document, args, fmt)}")
    return 0


def _export_inventory(args: argparse.Namespace) -> int:
    from archdesk.services.reports import InventoryFilter, inventory_register

    fmt = _file_format(args)
    with archive_from_args(args, create=False) as db:
        flt = InventoryFilter(
            storeroom=args.storeroom, location=args.location, box=args.box, category=args.category, year=args.year
        )
        print(f"{args.out}: {_write(inventory_register(db, flt, language=_document_language(args)), args, fmt)}")
    return 0


def _export_volume_form(args: argparse.Namespace) -> int:
    from archdesk.services.reports.volume_forms import volume_forms_pdf

    _file_format(args, pdf_only=True)
    with archive_from_args(args, create=False) as db:
        key = args.document.replace("-", "_")
        volumes, pages = volume_forms_pdf(
            key, db, _record_filter(args), args.out, language=_document_language(args), font_path=args.font
        )
        print(f"{args.out}: {volumes} volumes, {pages} pages")
    return 0


def _export_boxes(args: argparse.Namespace) -> int:
    from archdesk.services.reports.boxes import box_labels, render_box_notes, render_box_spines

    _file_format(args, pdf_only=True)
    with archive_from_args(args, create=False) as db:
        boxes = box_labels(
            db, _record_filter(args), language=_document_language(args), with_drafts=args.document == "box-notes"
        )
        render = render_box_spines if args.document == "spines" else render_box_notes
        pages = render(boxes, args.out, language=_document_language(args), font_path=args.font)
        print(f"{args.out}: {len(boxes)} boxes, {pages} pages")
    return 0


def _export_labels(args: argparse.Namespace) -> int:
    from archdesk.services.reports.boxes import box_labels
    from archdesk.services.reports.labels_sheet import box_label_items, render_labels, shelf_label_items

    _file_format(args, pdf_only=True)
    language = _document_language(args)
    with archive_from_args(args) as db:
        if args.shelves is not None:
            from archdesk.services.custody.locations import location_tree

            items = shelf_label_items(location_tree(db, prefix=args.shelves), language)
        else:
            boxes = box_labels(db, language=language)
            if args.boxes != ["all"]:
                from archdesk.services.errors import NotFound

                by_code = {key: box for box in boxes for key in (box.code, box.scan_code)}
                unknown = next((code for code in args.boxes if code not in by_code), None)
                if unknown is not None:
                    raise NotFound("box", unknown)
                boxes = [by_code[code] for code in args.boxes]
            items = box_label_items(boxes, language)
        pages = render_labels(items, args.out, sheet=args.sheet, symbology=args.symbology, font_path=args.font)
    print(f"{args.out}: {len(items)} labels, {pages} pages")
    return 0


def _export_ledger(args: argparse.Namespace) -> int:
    from archdesk.services.ledger import LedgerFilter, ledger_entries
    from archdesk.services.reports.ledger import ledger_document
    from archdesk.services.reports.lists import organisation_name

    fmt = _file_format(args)
    with archive_from_args(args) as db:
        entries = ledger_entries(db, LedgerFilter(reason=args.reason, code=args.code, limit=None))
        document = ledger_document(entries, _document_language(args), organisation=organisation_name(db))
        print(f"{args.out}: {_write(document, args, fmt)}")
    return 0


def _export_stats(args: argparse.Namespace) -> int:
    from archdesk.services.reports import render_xlsx
    from archdesk.services.reports.queries import first_fonds
    from archdesk.services.reports.statistics import holdings_statistics, render_statistics_pdf, statistics_document

    fmt = _file_format(args)
    with archive_from_args(args, create=False) as db:
        stats = holdings_statistics(db, language=_document_language(args))
        organisation = first_fonds(db, None)[1]
        if fmt == "pdf":
            pages = render_statistics_pdf(stats, args.out, organisation=organisation, font_path=args.font)
            print(f"{args.out}: {pages} pages")
        else:
            render_xlsx(statistics_document(stats, organisation=organisation), args.out)
            print(f"{args.out}: {stats.items} items")
    return 0


def _slip_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--loan", type=int, required=True, metavar="ID", help="a loan of the request to print")


def _export_use_form(args: argparse.Namespace) -> int:
    from archdesk.services.reports.lists import organisation_name
    from archdesk.services.reports.use_forms import borrowing_slip, loan_register, overdue_reminders
    from archdesk.services.use.queries import overdue_loans, request_detail, request_of_loan

    fmt = _file_format(args)
    language = _document_language(args)
    with archive_from_args(args, create=False) as db:
        organisation = organisation_name(db)
        if args.document == "slip":
            detail = request_detail(db, request_of_loan(db, args.loan))
            document = borrowing_slip(detail, language, organisation=organisation)
        elif args.document == "use-stats":
            from archdesk.services.reports.use_statistics import use_statistics, use_statistics_document

            document = use_statistics_document(use_statistics(db, language=language), organisation=organisation)
        elif args.document == "overdue":
            document = overdue_reminders(overdue_loans(db), language, organisation=organisation)
        else:
            document = loan_register(db, language, organisation=organisation)
        print(f"{args.out}: {_write(document, args, fmt)}")
    return 0
