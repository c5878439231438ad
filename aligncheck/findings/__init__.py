"""After the checks: fingerprints, selection, inline suppressions, baselines."""
