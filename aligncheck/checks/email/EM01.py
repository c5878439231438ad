from __future__ import annotations

from collections.abc import Iterable

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.links import Value, compare, email_key, find_emails, located
from aligncheck.model import Finding, Link, Severity, Span


class ValueRule(Rule):
    """Base of EM01/UR01: values that must reappear unchanged in the aligned target."""

    kind = ""
    severity = Severity.ERROR

    def values(self, text: str) -> list[Value]:
        raise NotImplementedError

    def key(self, ctx: PairContext):
        raise NotImplementedError

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        key = self.key(ctx)
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            src = located([(i, ctx.source.segments[i].text) for i in link.source], self.values)
            tgt = located([(i, ctx.target.segments[i].text) for i in link.target], self.values)
            if not src and not tgt:
                continue
            where = {id(v): i for i, v in src + tgt}
            diffs = compare([v for _, v in src], [v for _, v in tgt], key)
            for d in diffs:
                yield self._finding(ctx, link, d.source, d.target, where)

    def _finding(self, ctx: PairContext, link: Link, s: Value | None, t: Value | None,
                 where: dict[int, int]) -> Finding:
        span = lambda v: Span(where[id(v)], v.start, v.end) if v else None  # noqa: E731
        if s and t:
            message = f"{self.kind} changed from {s.text} to {t.text}"
        elif s:
            message = f"{self.kind} {s.text} is missing in the target"
        else:
            message = f"{self.kind} {t.text} is not in the source"
        return self.finding(ctx, link, message, source_text=s.text if s else None,
                            target_text=t.text if t else None,
                            source_span=span(s), target_span=span(t))


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
