from __future__ import annotations

from aligncheck.checks.name.common import MissingNameRule


class NA02(MissingNameRule):
    """An acronym of the source is neither kept, transliterated nor localised in the target.

    Kept and transliterated forms count with a suffix (NATO'ya, НАТО-ның), also spelled by
    letter names (CNN = Си-эн-эн) or part by part (JAY-Z = Джей-Зи). A localised form counts
    when a glossary (or the built-in list of common ones: UN = ООН) gives it, also the
    built-in list's form for a neighbour language in the same script (AB, the Turkish EU,
    in Azerbaijani) unless a project glossary rules, or, when no glossary lists the
    acronym, an upper-case word of about its length in other letters that no other acronym
    of the paragraph claims (FBI = ФБР, AI = YZ) and, if Latin, that the source document
    does not write itself (nor, in other letters, transliterates: АМЛО is AMLO's). A localised
    form the version uses elsewhere counts written out too (ФТБ there, Федералды тергеу бюросы
    here), and so does a neighbour language's listed expansion in the target's spelling
    (Avropa Birliyi for the Turkish Avrupa Birliği).

    A warning, also where the paragraph names it more often than the target renders it
    (counting its capitalised expansion when a glossary renders both: European Union ... EU
    = Евросоюз ... ЕС), unless the target defines it in brackets. An info instead (nothing
    for two-letter acronyms) when the other target versions leave it out there too, when the
    version never writes it (or leaves it out more often than it keeps it, and the document
    spells it out in lower-case words: artificial intelligence), when the source paragraph
    spells it out beside it (Global Environment Facility (GEF)) and the target has no
    emptied or refilled bracket in its place, or when the target writes its capitalised
    expansion once more than the source does (Johnny English for JE), or when the document
    spells it out (here or earlier) or it is a commonly translated one (CEO, LED, FBI) and the
    target writes a word of its expansion that the source paragraph does not (Parlamenti,
    светодиодными, Federal), unless another acronym of the source stands in its place.

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
