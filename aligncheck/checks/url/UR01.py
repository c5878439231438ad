from __future__ import annotations

from functools import partial

from aligncheck.checks.base import PairContext
from aligncheck.checks.helpers import ValueRule
from aligncheck.extract.links import Value, find_urls, url_key


class UR01(ValueRule):
    """URLs (with or without scheme, Markdown link targets too) must survive translation.

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
        return partial(
            url_key,
            localised=self.opt(ctx, "url_localised_paths"),
            langs=(ctx.source.lang, ctx.lang),
        )
