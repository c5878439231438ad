"""Rule registry: every Rule subclass in a module under this package, by code."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from aligncheck.checks.base import PairContext, ReleaseContext, Rule

__all__ = ["PairContext", "ReleaseContext", "Rule", "all_rules", "rule_by_code"]


@cache  # static: the rule classes of this package
def all_rules() -> tuple[type[Rule], ...]:
    for info in pkgutil.walk_packages(__path__, prefix=__name__ + "."):
        importlib.import_module(info.name)
    found: dict[str, type[Rule]] = {}
    stack = list(Rule.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        code = cls.__dict__.get("code")
        if code:
            if code in found and found[code] is not cls:
                raise RuntimeError(f"rule code {code} defined twice")
            found[code] = cls
    return tuple(found[c] for c in sorted(found))


def rule_by_code(code: str) -> type[Rule] | None:
    return {r.code: r for r in all_rules()}.get(code.upper())
