from __future__ import annotations

from pathlib import Path

import pytest

from politikbase.settings import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder with the real seed documents and the dev labels."""
    path = shared_dir()
    if not (path / "corpus" / "seeds").is_dir():
        pytest.fail(f"shared material not found at {path}; set POLITIKBASE_SHARED")
    return path


@pytest.fixture(scope="session")
def seeds(shared: Path) -> dict[str, str]:
    """The real seed documents by their three-digit prefix ("000" ... "004")."""
    return {
        path.name[:3]: path.read_text(encoding="utf-8")
        for path in sorted((shared / "corpus" / "seeds").glob("*.txt"))
    }
