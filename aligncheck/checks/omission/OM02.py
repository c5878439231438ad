from __future__ import annotations

from aligncheck.checks.sentence_gaps import OMISSION_MIN_SCORE, SentenceGapRule


class OM02(SentenceGapRule):
    """A sentence of an aligned source paragraph has no counterpart in its translation.

    **Anti-pattern**
    source: The bridge opened on Monday. It cost 40 million. Traffic fell by half.
    target: Мост открылся в понедельник. Движение сократилось вдвое.

    **Best practice**
    source: The bridge opened on Monday. It cost 40 million. Traffic fell by half.
    target: Мост открылся в понедельник. Он стоил 40 миллионов. Движение сократилось вдвое.
    """

    code = "OM02"
    name = "sentence-omitted"
    category = "omission"
    config_keys = {
        "omission_min_z": (
            1.0,
            "without embeddings: how many standard deviations shorter than expected "
            "(calibrated length ratio) the target must be before an unmatched sentence "
            "is reported",
        ),
        "omission_min_score": (
            OMISSION_MIN_SCORE,
            "with embeddings: the evidence score (alignment margin + length sd + "
            "match shortfall + missing numbers - a penalty where it and an unmatched target "
            "neighbour match each other best) above which an unmatched source "
            "sentence is reported; calibrated on the tuning half of NTREX-dev (no clean "
            "warning there at 1.0)",
        ),
    }
    side = "source"
    threshold_key = "omission_min_z"
    score_key = "omission_min_score"
