"""Language facts as data files, read with `aligncheck.lang.data.load`."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files


@cache
def load(name: str):
    """The parsed JSON file `name` of this package (keys starting with "_" are comments).

    Cached: one read per file and process; callers must not change what it returns."""
    found = json.loads(files(__name__).joinpath(name).read_text(encoding="utf-8"))
    if not isinstance(found, dict):
        return found
    return {key: value for key, value in found.items() if not key.startswith("_")}
