from __future__ import annotations

from aligncheck.checks.base import PairContext
from aligncheck.checks.helpers import ValueRule
from aligncheck.extract.links import Value, email_key, find_emails


class EM01(ValueRule):
    """Emails of a source segment must appear unchanged in its aligned target.

    **Anti-pattern**
    source: Write to press@example.org for details.
    target: Подробности: press@exampel.org.

    **Best practice**
    source: Write to press@example.org for details.
    target: Подробности: press@example.org.
    """

    code = "EM01"
    name = "email-mismatch"
    category = "email"
    kind = "email"
    groups = ("all", "default", "values")

    def values(self, text: str) -> list[Value]:
        return find_emails(text)

    def key(self, ctx: PairContext):
        return email_key
