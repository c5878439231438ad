"""aligncheck: translation consistency checker for parallel texts."""

__version__ = "0.1.0"

from aligncheck._runtime import bytecode as _bytecode  # noqa: E402

if _bytecode.needed(__file__):
    _bytecode.install(__file__)
