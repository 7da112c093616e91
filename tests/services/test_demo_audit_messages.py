"""Every audit event a full demo archive writes is a message id: none reads English in a Chinese window."""

from __future__ import annotations

import re

from sqlalchemy import select

from archdesk.messages import CHINESE, catalogue
from archdesk.messages.stored import message_from_json
from archdesk.models import AuditEvent
from archdesk.services.demo import add_demo_data

# Two English words in a row: a sentence, not a code (Z001-WS·2020-Y-BGS-0001) or a name.
ENGLISH_WORDS = re.compile(r"[A-Za-z]{3,} [A-Za-z]{2,}")


def test_every_audit_event_of_the_demo_has_a_message_that_reads_in_chinese(archive):
    add_demo_data(archive, 600)
    with archive.reading() as session:
        events = session.execute(select(AuditEvent.entity, AuditEvent.action, AuditEvent.message)).all()
    assert {entity for entity, _, _ in events} >= {"record", "movement", "appraisal_batch"}
    without = sorted({(entity, action) for entity, action, message in events if message_from_json(message) is None})
    assert without == []
    untranslated = set()
    for entity, action, stored in events:
        message = message_from_json(stored)
        text = message.render(CHINESE)
        if message.id not in catalogue() or "term." in text or "audit." in text or ENGLISH_WORDS.search(text):
            untranslated.add((entity, message.id, text))
        if f"audit.action.{action}" not in catalogue():
            untranslated.add((entity, f"audit.action.{action}", action))
    assert untranslated == set()
