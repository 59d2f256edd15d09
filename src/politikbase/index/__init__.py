"""Full-text search over the register's documents, at passage level, in Danish.

`SearchIndex` keeps a tantivy index in a folder; `IndexDocument` is what goes in and
`SearchHit` what comes out (one per document, with its best passage as a snippet
whose matches are marked "[[…]]"). The Danish analysis is `politikbase.danish.analyzer`.
"""

from politikbase.index.models import HIGHLIGHT_END, HIGHLIGHT_START, IndexDocument, SearchHit
from politikbase.index.search_index import IndexLocked, IndexSchemaMismatch, SearchIndex

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "IndexDocument",
    "IndexLocked",
    "IndexSchemaMismatch",
    "SearchHit",
    "SearchIndex",
]
