"""Date rules: dates must survive translation with the same day, month and year."""
