"""Use (利用): the loans lists, kept here for the modules that read them; the topic lives in ``services/use``."""

from archdesk.services.use.queries import OPEN_STATUSES, LoanSummary, list_loans

__all__ = ["OPEN_STATUSES", "LoanSummary", "list_loans"]
