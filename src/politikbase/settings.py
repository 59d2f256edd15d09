"""Where things live: the data directory and the shared evaluation material."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DATA_DIR = "politikbase-data"


def data_dir(explicit: str | Path | None = None) -> Path:
    """The data directory: an explicit choice, else $POLITIKBASE_DATA, else ./politikbase-data."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("POLITIKBASE_DATA", DEFAULT_DATA_DIR))


def shared_dir() -> Path:
    """The shared corpus and evaluation folder: $POLITIKBASE_SHARED, else ../shared."""
    configured = os.environ.get("POLITIKBASE_SHARED")
    if configured:
        return Path(configured)
    repo_root = Path(__file__).resolve().parents[2]
    return repo_root.parent / "shared"
