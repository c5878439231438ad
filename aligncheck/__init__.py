"""aligncheck: translation consistency checker for parallel texts."""

import os as _os

__version__ = "0.1.0"

if _os.environ.get("ALIGNCHECK_BYTECODE_CACHE") == "1":  # opt-in: see _runtime/bytecode.py
    from aligncheck._runtime import bytecode as _bytecode

    if _bytecode.needed(__file__):
        _bytecode.install(__file__)
