"""Small numbers for facet values, kept beside the index (`facet_codes.json`).

A passage carries its organisation, type and subject areas as numbers in columns, so
facets are counted from columns (`politikbase.index.facets`). Small numbers pack
into a few bits each, where 64-bit hashes of the names would take eight bytes a
passage a column. The numbers are given out in order of first use and never change;
the file is written before the index commits, so every number the index holds is in
it. A reader reloads the file when the index has changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from politikbase.files import write_atomically

CODES_FILE = "facet_codes.json"
NO_VALUE = 0


class FacetCodes:
    def __init__(self, folder: Path) -> None:
        self.path = folder / CODES_FILE
        self._codes: dict[str, dict[str, int]] = {}
        self._dirty = False
        self.reload()

    def reload(self) -> None:
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        if isinstance(loaded, dict):
            self._codes = {
                str(facet): {str(value): int(code) for value, code in values.items()}
                for facet, values in loaded.items() if isinstance(values, dict)
            }

    def code(self, facet: str, value: str | None) -> int:
        """The value's number, given out now if it has none yet (NO_VALUE for none)."""
        if not value:
            return NO_VALUE
        values = self._codes.setdefault(facet, {})
        code = values.get(value)
        if code is None:
            code = len(values) + 1
            values[value] = code
            self._dirty = True
        return code

    def names(self, facet: str) -> dict[int, str]:
        return {code: value for value, code in self._codes.get(facet, {}).items()}

    def save(self) -> None:
        if not self._dirty:
            return
        encoded = json.dumps(self._codes, ensure_ascii=False, sort_keys=True)
        write_atomically(self.path, encoded.encode("utf-8"))
        self._dirty = False
