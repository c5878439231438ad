from __future__ import annotations

from aligncheck.checks.name.common import MissingNameRule
from aligncheck.model import Severity


class NA01(MissingNameRule):
    """A name of the source (person, place, organisation, brand, code) is missing from the target.

    Names are matched across scripts and through inflection (Aliyev = Алиеву = Әлиевтің);
    a full name needs more than a surname the paragraph repeats later (a dropped first name
    is accepted when the surname is written as often as in the source), and a surname the
    paragraph writes twice (Ari Fleischer ... Fleischer wrote) must be rendered twice: the
    later mention is missing otherwise. The common last word of a coined name is no surname:
    'Arena' alone does not render Wesbanco Arena.

    A warning for a titled person (Mr/Dr/President ...), a brand or a code, for any name the
    version renders in most other places, and for any name (a single place or organisation
    word too) that more of the other versions render than leave out, or that CLDR names (a
    country, language, currency or city); the message says what the target wrote where the
    name's words are aligned ("rendered as 'Линдквистом'"). An info when the other versions
    leave it out too, when a looser transliteration is there (Merriweather = Мерриуэзер), or
    for other capitalised word groups; nothing for a single word the version translates
    (aligned to lower-case words, with no other name beside them), never writes (Caspian as
    Xəzər) or leaves out as the other version in its non-Latin script does (Silicon as
    Кремниевая and Кремний), nor for a capital the target names by its country (Madrid as
    Испании). A single place or group word that no target word is aligned to is an info
    when its source sentence is no closer to the target without it (the target says it in
    words of its own: Robotics Challenge as Robot Mücadelesi).

    **Anti-pattern**
    source: Ms. Dana Ospanova opened the meeting.
    target: Встречу открыла вице-министр.

    **Best practice**
    source: Ms. Dana Ospanova opened the meeting.
    target: Встречу открыла г-жа Дана Оспанова.
    """

    code = "NA01"
    name = "name-missing"
    kinds = ("person", "name", "brand", "code", "proper")

    config_keys = {
        **MissingNameRule.config_keys,
        "name_untitled_as_warning": (
            False,
            (
                "report missing untitled multi-word names as warnings, not infos "
                "(catches more dropped names; more false alarms on translated place names)"
            ),
        ),
    }

    def hint_when_unsure(self, mention) -> bool:
        return True

    def unsure_severity(self, ctx) -> Severity:
        return Severity.WARNING if self.opt(ctx, "name_untitled_as_warning") else Severity.INFO
