"""Where the index finds the text of a document it has found.

The index keeps no text (see `politikbase.index.schema`); to cut a snippet it asks
a text source for the documents by record id. The service's source is the register.
`MemoryTexts` keeps the documents given to one index object in memory, for an index
that lives no longer than its process (tests, benchmarks).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from politikbase.index.models import IndexDocument

TextSource = Callable[[Sequence[str]], Mapping[str, IndexDocument]]


class MemoryTexts:
    def __init__(self) -> None:
        self._documents: dict[str, IndexDocument] = {}

    def remember(self, document: IndexDocument) -> None:
        self._documents[document.record_id] = document

    def forget(self, record_id: str | None = None) -> None:
        """Forget one document, or all when no id is given."""
        if record_id is None:
            self._documents.clear()
        else:
            self._documents.pop(record_id, None)

    def __call__(self, record_ids: Sequence[str]) -> Mapping[str, IndexDocument]:
        return {
            record_id: self._documents[record_id]
            for record_id in record_ids
            if record_id in self._documents
        }
