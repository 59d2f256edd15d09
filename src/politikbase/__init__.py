"""politikbase: a register and search engine for Danish municipal policies."""

__version__ = "0.1.0"
