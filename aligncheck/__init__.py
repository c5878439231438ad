"""aligncheck: translation consistency checker for parallel texts."""

__version__ = "0.1.0"
