"""Language knowledge: identification, transliteration, morphology, CLDR data."""
