from __future__ import annotations

from aligncheck.checks.name.common import MissingNameRule


class NA02(MissingNameRule):
    """An acronym of the source is neither kept, transliterated nor localised in the target.

    A localised form counts when a glossary (or the built-in list of common ones: UN = ООН)
    gives it, or when the target has an upper-case word in other letters (FBI = ФБР). A
    warning when the version renders the acronym in most other places; otherwise (it may
    be spelled out) an info for acronyms of three letters or more.

    **Anti-pattern**
    source: The plan is backed by UNEP.
    target: План поддерживает ПРООН.

    **Best practice**
    source: The plan is backed by UNEP.
    target: План поддерживает ЮНЕП.
    """

    code = "NA02"
    name = "acronym-missing"
    kinds = ("acronym",)
    what = "acronym"

    def hint_when_unsure(self, mention) -> bool:
        return sum(c.isalpha() for c in mention.text) >= 3
