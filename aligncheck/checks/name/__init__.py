"""Names and acronyms: NA rules."""
