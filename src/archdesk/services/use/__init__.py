"""Use (利用): borrowers, requests and approval, lending, renewal, return, overdue.

``borrowers`` (借阅人), ``rules`` (what may be lent, what needs approval: ``LEND_RULES``), ``lending``
(request, approve, refuse, hand over), ``returns`` (return, renew, use effect), ``queries`` (what the
dock, CLI and forms read). Every mutating function takes ``*, uow=None``.
"""
