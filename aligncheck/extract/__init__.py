"""Values found in a text: numbers and dates, per language."""

from aligncheck.extract.dates import DateMention, extract_dates
from aligncheck.extract.numbers import NumberMention, extract_numbers

__all__ = ["DateMention", "NumberMention", "extract_dates", "extract_numbers"]
