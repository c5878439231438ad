"""Rules on the alignment itself (AL)."""
