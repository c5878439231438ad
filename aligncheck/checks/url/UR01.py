"""UR01's policy: which URL differences are findings.

in-page link #name in the target, a heading or id of the target is named so -> fine
  (the slug of a translated heading is translated too: #установка for #installation)
target URL = the source URL through a configured `url_map` prefix -> fine
target URL = the source URL with its language code swapped (/en/ -> /ru/) -> fine
target URL = the source URL with the target's language added (/ru/..., ru.host) -> info
anything else changed, missing or added -> error
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from urllib.parse import unquote

from aligncheck.checks.base import PairContext
from aligncheck.checks.helpers import ValueRule
from aligncheck.extract.links import Value, compare, find_urls, pairs_by_key, url_key
from aligncheck.model import Finding, Link, Severity, Span


def _unmapped(url: str, url_map: Mapping[str, str], lang: str) -> str:
    """`url` with a target prefix of `url_map` ({lang}: the target's language) turned back
    into its source prefix, so that mapped URLs compare equal."""
    for source, target in sorted(url_map.items(), key=lambda item: -len(item[1])):
        localised = target.replace("{lang}", lang)
        if url.startswith(localised):
            return source + url[len(localised) :]
    return url


class UR01(ValueRule):
    """URLs (with or without scheme, Markdown link targets too) must survive translation.

    An in-page link `#name` may name one of the target's own headings instead (their slugs
    are translated with them); a URL may be localised by the `url_map` of the configuration
    (`{"https://example.org/" = "https://example.org/{lang}/"}`) or by the target's language
    code (a language segment swapped silently, one added noted at info level).

    **Anti-pattern**
    source: Read more: www.example.org/en/report.
    target: Подробнее: www.example.com/en/report.

    **Best practice**
    source: Read more: www.example.org/en/report.
    target: Подробнее: www.example.org/ru/report.
    """

    code = "UR01"
    name = "url-mismatch"
    category = "url"
    kind = "URL"
    groups = ("all", "default", "values")
    config_keys = {
        "url_localised_paths": (
            "lang",
            'what may differ between source and target URLs: "lang" (a path segment or '
            'subdomain equal to the language code, /en/ -> /ru/), "host" (any path on the '
            'same host), "none", or a list of regexes whose matches are ignored',
        ),
    }

    def values(self, text: str) -> list[Value]:
        return find_urls(text)

    def key(self, ctx: PairContext):
        return self._keys(ctx)[1]

    def _keys(self, ctx: PairContext):
        """(exact key, key that allows the configured localisation) of a URL."""
        unmap = partial(_unmapped, url_map=ctx.options.get("url_map") or {}, lang=ctx.lang)
        localised = self.opt(ctx, "url_localised_paths")
        langs = (ctx.source.lang, ctx.lang)
        return (
            lambda url: url_key(unmap(url), "none"),
            lambda url: url_key(unmap(url), localised, langs),
        )

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        if not link.source or not link.target:
            return
        src, tgt = self.values_of(ctx, link)
        if not src and not tgt:
            return
        where = {id(v): i for i, v in src + tgt}
        ours, theirs = [v for _, v in src], [v for _, v in tgt]
        exact, localised = self._keys(ctx)
        left = compare(ours, theirs, exact)
        missing = [d.source for d in left if d.source]
        extra = [d.target for d in left if d.target]
        paired = pairs_by_key(missing, extra, localised)
        for s, t in paired:
            if self.opt(ctx, "url_localised_paths") == "lang" and _added_language(s, t, ctx):
                yield self._noted(ctx, link, s, t, where)
        done = {id(v) for pair in paired for v in pair}
        missing = [s for s in missing if id(s) not in done]
        extra = [t for t in extra if id(t) not in done]
        anchors = _anchors(ctx)
        resolved = {id(t) for t in extra if t.text.startswith("#") and _in_page(t) in anchors}
        extra = [t for t in extra if id(t) not in resolved]
        in_page = [id(s) for s in missing if s.text.startswith("#")][: len(resolved)]
        missing = [s for s in missing if id(s) not in in_page]
        for d in compare(missing, extra, localised):
            yield self._finding(ctx, link, d.source, d.target, where)

    def _noted(
        self, ctx: PairContext, link: Link, s: Value, t: Value, where: dict[int, int]
    ) -> Finding:
        return self.finding(
            ctx,
            link,
            f"URL localised from {s.text} to {t.text} (the {ctx.lang} language added; "
            "accepted: check that the page exists, or list the prefix in url_map)",
            source_text=s.text,
            target_text=t.text,
            source_span=Span(where[id(s)], s.start, s.end),
            target_span=Span(where[id(t)], t.start, t.end),
            severity=Severity.INFO,
        )


def _added_language(s: Value, t: Value, ctx: PairContext) -> bool:
    """Whether the target URL adds its language where the source URL names none (/docs ->
    /ru/docs), rather than swapping the one the source names (/en/docs -> /ru/docs)."""
    source_lang = ctx.source.lang.split("-")[0].lower()
    return url_key(s.text, "lang", (source_lang,)) == url_key(s.text, "none")


def _in_page(value: Value) -> str:
    """The name an in-page link `#name` points to (percent-escapes decoded, case folded)."""
    return unquote(value.text[1:]).lower()


def _anchors(ctx: PairContext) -> frozenset[str]:
    """The names an in-page link of the target may point to: its headings' slugs and ids."""
    return ctx.remember(
        ("anchors", id(ctx.target)),
        lambda: frozenset(s.anchor.lower() for s in ctx.target.segments if s.anchor),
    )
