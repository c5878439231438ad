"""Consistency rules: CO01 one term or name spelled several ways in a version, CO02 titles."""
