"""Hypothesis profiles for the property suites (tests/test_properties_*.py).

"ci" (the default) replays the same examples on every run, so a failure is reproducible and the
suite's time is steady; "explore" draws fresh random examples: HYPOTHESIS_PROFILE=explore pytest ...
No deadline: two shared cores make single-example timings noise, and speed is measured in
benchmarks/. too_slow is suppressed because a few strategies build whole RunResults.
"""

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
settings.register_profile("ci", derandomize=True, print_blob=True, **_COMMON)
settings.register_profile("explore", derandomize=False, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
