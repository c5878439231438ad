"""Glossary rules: GL01 required renderings, GL02 forbidden variants."""
