from __future__ import annotations

from aligncheck.checks.base import Rule
from aligncheck.model import Severity


class UnusedSuppression(Rule):
    """An inline `aligncheck: ignore` directive silences nothing (or names no known rule).

    Raised by aligncheck.suppress after the checks ran, never by `check`: a directive
    that no longer matches a finding hides nothing today but would hide a real
    discrepancy introduced later, so remove it or correct its rule code.

    **Anti-pattern**

        source (en.md):  The bridge is 120 m long.
        target (ru.md):  <!-- aligncheck: ignore NU01 -->
                         Длина моста 120 м.

    The numbers agree, so the directive silences nothing.

    **Best practice**

        source (en.md):  The bridge is 120 m long.
        target (ru.md):  Длина моста 120 м.
    """

    code = "AC100"
    name = "unused-suppression"
    category = "markup"
    severity = Severity.WARNING
