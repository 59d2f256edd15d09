"""The layout of the passage index: one tantivy document per passage.

Text fields come in pairs: `title`/`body` hold the words (with positions, for
phrases), `title_expanded`/`body_expanded` their compound parts and base forms
(frequencies only), so a query can weigh an exact word above a part of one.

The index stores no text. Snippets are cut from the document text that the
register holds (the index is told where a passage starts and ends); storing every
passage again would more than double the index for nothing.

Filters and facets are fast fields. A document's policy (`policy_key`) groups its
versions so a search shows one hit per policy, and facet counts count policies.
"""

from __future__ import annotations

import hashlib
from datetime import date

import tantivy

from politikbase.danish.analyzer import TOKENIZER_NAME

RECORD_ID = "record_id"
RECORD_KEY = "record_key"  # a 64-bit hash of the record id, to group hits by document
POLICY_KEY = "policy_key"  # the same of the policy id, to group versions
IS_CURRENT = "is_current"  # 1 for the version a search shows first
TITLE = "title"
TITLE_EXPANDED = "title_expanded"
BODY = "body"
BODY_EXPANDED = "body_expanded"
HEADING = "heading"  # the heading line a passage opens with
MUNICIPALITY = "municipality"
DOC_TYPE = "doc_type"
SUBJECT = "subject"
LIFECYCLE = "lifecycle"
DUE_DAY = "due_day"  # days since 1970-01-01 of the next revision; 0 when unknown
ADOPTED_YEAR = "adopted_year"  # 0 when unknown
# The same values as 64-bit keys, which a search reads column-wise to count facets
# (tantivy hands out only numeric columns): `record_key` of the value, 0 for none.
MUNICIPALITY_KEY = "municipality_key"
DOC_TYPE_KEY = "doc_type_key"
SUBJECT_KEYS = ("subject_key_1", "subject_key_2", "subject_key_3", "subject_key_4")
LIFECYCLE_CODE = "lifecycle_code"
START = "start"
END = "end"
PAGE = "page"  # 0 when the document has no pages

TEXT_FIELDS = (TITLE, BODY, TITLE_EXPANDED, BODY_EXPANDED, HEADING)
EPOCH = date(1970, 1, 1)


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field(RECORD_ID, stored=True, tokenizer_name="raw")
    builder.add_unsigned_field(RECORD_KEY, fast=True)
    builder.add_unsigned_field(POLICY_KEY, fast=True, indexed=True)
    builder.add_unsigned_field(IS_CURRENT, fast=True)
    builder.add_text_field(TITLE, tokenizer_name=TOKENIZER_NAME)
    builder.add_text_field(BODY, tokenizer_name=TOKENIZER_NAME)
    builder.add_text_field(TITLE_EXPANDED, tokenizer_name=TOKENIZER_NAME, index_option="freq")
    builder.add_text_field(BODY_EXPANDED, tokenizer_name=TOKENIZER_NAME, index_option="freq")
    builder.add_text_field(HEADING, tokenizer_name=TOKENIZER_NAME, index_option="freq")
    for facet_field in (MUNICIPALITY, DOC_TYPE, SUBJECT, LIFECYCLE):
        builder.add_text_field(facet_field, tokenizer_name="raw", fast=True, index_option="basic")
    builder.add_unsigned_field(DUE_DAY, fast=True, indexed=True)
    builder.add_unsigned_field(ADOPTED_YEAR, fast=True, indexed=True)
    for column in (MUNICIPALITY_KEY, DOC_TYPE_KEY, *SUBJECT_KEYS, LIFECYCLE_CODE):
        builder.add_unsigned_field(column, fast=True)
    for position_field in (START, END, PAGE):
        builder.add_unsigned_field(position_field, fast=True)
    return builder.build()


def record_key(record_id: str) -> int:
    """A stable 64-bit key for an id or value (collisions are astronomically unlikely)."""
    digest = hashlib.blake2b(record_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def day_number(day: date | None) -> int:
    return (day - EPOCH).days if day is not None and day > EPOCH else 0
