"""What every check is: a Rule subclass in its own module, one stable code each.

A rule's class docstring holds a one-line summary, then **Anti-pattern** and
**Best practice** sections with a bad/good parallel example; `aligncheck rules`
prints them. `config_keys` maps each configuration threshold the rule reads to (default, help).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from aligncheck.model import Finding, Link, Location, Segmentation, Severity, Span


@dataclass(frozen=True)
class PairContext:
    """What a pair rule sees: one source version, one target version, their links."""

    release: str
    source: Segmentation
    target: Segmentation
    links: tuple[Link, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    resources: Mapping[str, Any] = field(default_factory=dict)
    memo: dict = field(default_factory=dict, compare=False, repr=False)  # see ReleaseContext

    @property
    def lang(self) -> str:
        return self.target.lang

    def option(self, key: str, default: Any) -> Any:
        return self.options.get(key, default)

    def remember(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """memo[key], made by `make()` the first time this release asks for it."""
        return _remember(self.memo, key, make)


@dataclass(frozen=True)
class ReleaseContext:
    """What a release rule sees: the source and every target of one release.

    `memo` holds what rules compute once per release and ask for again (in `prepare` and in
    the checks, or in two rules): the pipeline gives the release and its pairs one mapping, so
    it lives as long as the release and no longer."""

    release: str
    source: Segmentation
    pairs: tuple[PairContext, ...]
    options: Mapping[str, Any] = field(default_factory=dict)
    resources: Mapping[str, Any] = field(default_factory=dict)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def remember(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """memo[key], made by `make()` the first time this release asks for it."""
        return _remember(self.memo, key, make)


def _remember(memo: dict, key: Hashable, make: Callable[[], Any]) -> Any:
    if key not in memo:
        memo[key] = make()
    return memo[key]


def _location(seg: Segmentation, span: Span | None, indices: tuple[int, ...]) -> Location | None:
    if span is not None:
        segment = seg.segments[span.segment]
        line, column = segment.locate(span.start)
    elif indices:
        segment = seg.segments[indices[0]]
        line, column = segment.line, segment.column
    else:
        return None
    return Location(seg.path, line, column)


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    groups: ClassVar[tuple[str, ...]] = ("all",)
    config_keys: ClassVar[Mapping[str, tuple[Any, str]]] = {}  # key -> (default, help)
    scope: ClassVar[str] = "pair"  # "pair" or "release"

    def opt(self, ctx: PairContext | ReleaseContext, key: str) -> Any:
        """The configured value of one of this rule's `config_keys`."""
        return ctx.options.get(key, self.config_keys[key][0])

    def prepare(self, ctx: ReleaseContext) -> None:
        """Work worth batching over the whole release before any check runs (e.g. embedding
        every sentence in one call); the checks then find it in the embedder's memory."""

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """The findings of one target version: by default `check_link` on each link in turn."""
        for link in ctx.links:
            yield from self.check_link(ctx, link)

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        """The findings of one link, for a rule that judges each link on its own."""
        return ()

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        return ()

    def finding(
        self,
        ctx: PairContext,
        link: Link,
        message: str,
        *,
        source_text: str | None = None,
        target_text: str | None = None,
        source_span: Span | None = None,
        target_span: Span | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding on `link`, located at the spans (or the link's first segments)."""
        return Finding(
            rule=self.code,
            category=self.category,
            severity=severity or self.severity,
            lang=ctx.lang,
            source_segments=link.source,
            target_segments=link.target,
            source_text=source_text,
            target_text=target_text,
            message=message,
            source_location=_location(ctx.source, source_span, link.source),
            target_location=_location(ctx.target, target_span, link.target),
            source_span=source_span,
            target_span=target_span,
        )

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0] if cls.__doc__ else ""


class VersionsRule(Rule):
    """A rule that compares the target versions with one another (what most of them write at
    a place is evidence): it sees all of a release's versions at once, or one alone."""

    scope: ClassVar[str] = "release"

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """One target version alone: no other version to compare with."""
        return self.check_versions([ctx])

    def check_release(self, ctx: ReleaseContext) -> Iterable[Finding]:
        return self.check_versions(list(ctx.pairs))

    def check_versions(self, pairs: list[PairContext]) -> Iterable[Finding]:
        """The findings of these versions of one release, each weighed against the others."""
        return ()
