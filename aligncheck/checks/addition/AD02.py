from __future__ import annotations

from aligncheck.checks.omission.OM02 import OM02


class AD02(OM02):
    """A sentence of a translated paragraph has no counterpart in its aligned source.

    **Anti-pattern**
    source: The bridge opened on Monday. Traffic fell by half.
    target: Мост открылся в понедельник. Мэр назвал его лучшим в стране. Движение сократилось вдвое.

    **Best practice**
    source: The bridge opened on Monday. Traffic fell by half.
    target: Мост открылся в понедельник. Движение сократилось вдвое.
    """

    code = "AD02"
    name = "sentence-added"
    category = "addition"
    side = "target"
