"""Original files, kept byte for byte under their SHA-256 (content-addressed).

The original is written before anything is parsed, so a file that later fails is
never lost, and the same bytes are stored once whatever their file names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from politikbase.files import write_atomically


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes, sha256: str | None = None) -> str:
        """Store the bytes (atomically: a crash leaves the old state or the whole file)."""
        digest = sha256 or sha256_of(data)
        target = self.path_for(digest)
        if target.exists():
            return digest
        write_atomically(target, data)
        return digest

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def __contains__(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()
