"""Original files, kept byte for byte under their SHA-256 (content-addressed).

The original is written before anything is parsed, so a file that later fails is
never lost, and the same bytes are stored once whatever their file names.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from politikbase.files import write_atomically


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


COPY_CHUNK_BYTES = 1024 * 1024


class TooLarge(ValueError):
    """A stream held more bytes than the store was told to accept."""


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

    def put_stream(self, stream: BinaryIO, max_bytes: int) -> tuple[str, int]:
        """Store what a stream holds, hashed as it is copied, without holding it all in
        memory (an upload); returns its SHA-256 and size. More than `max_bytes` raises
        `TooLarge` and keeps nothing."""
        self.root.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
        digest, size = hashlib.sha256(), 0
        try:
            with os.fdopen(handle, "wb") as out:
                while chunk := stream.read(COPY_CHUNK_BYTES):
                    size += len(chunk)
                    if size > max_bytes:
                        raise TooLarge(f"more than {max_bytes:,} bytes")
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            target = self.path_for(digest.hexdigest())
            if target.exists():
                Path(temporary).unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return digest.hexdigest(), size

    def get(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def __contains__(self, sha256: str) -> bool:
        return self.path_for(sha256).exists()
