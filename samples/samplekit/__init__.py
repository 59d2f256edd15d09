"""Builders for the sample corpus: source parsing, typesetting and one writer per format."""
