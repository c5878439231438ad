"""Meta rules: findings about aligncheck's own directives, not about the translation."""
