from __future__ import annotations

from aligncheck.checks.sentence_gaps import ADDITION_MIN_SCORE, SentenceGapRule


class AD02(SentenceGapRule):
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
    threshold_key = "addition_min_z"
    score_key = "addition_min_score"
    config_keys = {
        "addition_min_z": (
            1.5,
            "without embeddings: how many standard deviations longer than expected "
            "(calibrated length ratio) the target must be before an unmatched sentence "
            "is reported; stricter than OM02 because translators add explanations",
        ),
        "addition_min_score": (
            ADDITION_MIN_SCORE,
            "with embeddings: the evidence score (alignment margin + length sd + "
            "match shortfall + numbers absent from the source - how much it raises "
            "a neighbouring sentence pair's match, as where one source sentence is "
            "translated as several - a penalty where it and an unmatched source "
            "neighbour match each other best) above which an unmatched target sentence is "
            "reported; stricter than OM02 because translators add explanations "
            "(~0.1 false alarms per 50 NTREX-dev paragraphs)",
        ),
    }
