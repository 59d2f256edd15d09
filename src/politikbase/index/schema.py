"""The layout of the passage index: one tantivy document per passage.

Text fields come in pairs: `title`/`body` hold the words (with positions, for
phrases), `title_expanded`/`body_expanded` their compound parts and base forms
(frequencies only), so a query can weigh an exact word above a part of one. The
original title and passage text are stored as bytes, because what is indexed is the
spelling-folded text (`politikbase.danish.analyzer.fold_spelling`), while a snippet must
show, and point into, the text as written.
"""

from __future__ import annotations

import hashlib

import tantivy

from politikbase.danish.analyzer import TOKENIZER_NAME

RECORD_ID = "record_id"
RECORD_KEY = "record_key"  # a 64-bit hash of the record id, to group hits by document
TITLE = "title"
TITLE_EXPANDED = "title_expanded"
BODY = "body"
BODY_EXPANDED = "body_expanded"
MUNICIPALITY = "municipality"
DOC_TYPE = "doc_type"
START = "start"
END = "end"
PAGE = "page"  # 0 when the document has no pages
TITLE_STORED = "title_stored"
TEXT_STORED = "text_stored"

TEXT_FIELDS = (TITLE, BODY, TITLE_EXPANDED, BODY_EXPANDED)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(RECORD_ID, stored=True, tokenizer_name="raw")
    builder.add_unsigned_field(RECORD_KEY, fast=True)
    builder.add_text_field(TITLE, tokenizer_name=TOKENIZER_NAME)
    builder.add_text_field(BODY, tokenizer_name=TOKENIZER_NAME)
    builder.add_text_field(TITLE_EXPANDED, tokenizer_name=TOKENIZER_NAME, index_option="freq")
    builder.add_text_field(BODY_EXPANDED, tokenizer_name=TOKENIZER_NAME, index_option="freq")
    builder.add_text_field(MUNICIPALITY, stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field(DOC_TYPE, stored=True, tokenizer_name="raw", fast=True)
    builder.add_unsigned_field(START, stored=True)
    builder.add_unsigned_field(END, stored=True)
    builder.add_unsigned_field(PAGE, stored=True)
    builder.add_bytes_field(TITLE_STORED, stored=True)
    builder.add_bytes_field(TEXT_STORED, stored=True)
    return builder.build()


def record_key(record_id: str) -> int:
    """A stable 64-bit key for a record id (collisions are astronomically unlikely)."""
    digest = hashlib.blake2b(record_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")
