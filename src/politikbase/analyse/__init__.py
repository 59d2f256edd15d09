"""Analysis: what a document is, for filing and filtering it in the register."""

from politikbase.analyse.basic import basic_facts

__all__ = ["basic_facts"]
