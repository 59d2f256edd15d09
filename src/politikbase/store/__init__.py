"""The register: originals kept content-addressed, documents and their facts in SQL."""

from politikbase.store.records import DocumentRecord, NewDocument, SourceRecord
from politikbase.store.register import FilingResult, Register

__all__ = ["DocumentRecord", "FilingResult", "NewDocument", "Register", "SourceRecord"]
