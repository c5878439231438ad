from __future__ import annotations

from aligncheck.checks.name.common import MissingNameRule


class NA01(MissingNameRule):
    """A personal name, brand or letter-digit code of the source is missing from the target.

    Names are matched across scripts and through inflection (Aliyev = Алиеву = Әлиевтің);
    places and organisations are only checked when a glossary lists them.

    **Anti-pattern**
    source: Ms. Dana Ospanova opened the meeting.
    target: Встречу открыла вице-министр.

    **Best practice**
    source: Ms. Dana Ospanova opened the meeting.
    target: Встречу открыла г-жа Дана Оспанова.
    """

    code = "NA01"
    name = "name-missing"
    kinds = ("person", "name", "brand", "code")
