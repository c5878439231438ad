"""Where aligncheck keeps built models and the embedding cache."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "ALIGNCHECK_CACHE_DIR"


def cache_dir() -> Path:
    """$ALIGNCHECK_CACHE_DIR, else the platform's user cache dir for aligncheck."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("aligncheck"))
