"""Shared fixtures: the real seed material, and builders for PDF and Word files."""

from __future__ import annotations

import hashlib
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from politikbase.settings import shared_dir
from politikbase.store import register as register_module

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"

# The tests that touch the register run on SQLite and on PostgreSQL (a local server,
# as in CI; $POLITIKBASE_TEST_POSTGRESQL names another).
REGISTER_BACKENDS = ("sqlite", "postgresql")
REGISTER_TESTS = (
    "tests/store/", "tests/cli/", "tests/test_ingest.py", "tests/test_indexing.py",
    "tests/test_backup.py", "tests/test_check.py", "tests/test_hostile_input.py",
    "tests/link/test_calendar.py", "tests/link/test_relations.py",
)
TEST_POSTGRESQL = "postgresql+psycopg://root@/test?host=/var/run/postgresql"

PdfBuilder = Callable[..., bytes]
DocxBuilder = Callable[..., bytes]


def build_pdf(
    pages: Sequence[str],
    *,
    title: str | None = None,
    author: str | None = None,
    heading: str | None = None,
    password: str | None = None,
) -> bytes:
    """A text-layer PDF with one page per string (core font, so Latin-1 text only).

    `heading` is set in large type at the top of the first page.
    """
    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    if title is not None:
        pdf.set_title(title)
    if author is not None:
        pdf.set_author(author)
    for number, text in enumerate(pages):
        pdf.add_page()
        if number == 0 and heading:
            pdf.set_font("Helvetica", "B", 24)
            pdf.multi_cell(0, 11, heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font("Helvetica", "", 11)
        for line in text.split("\n"):
            pdf.cell(0, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if password is not None:
        pdf.set_encryption(owner_password="ejer-" + password, user_password=password)
    return bytes(pdf.output())


def build_scanned_pdf(pages: int | Sequence[str], dpi: int = 200) -> bytes:
    """A PDF whose pages are images only, like a scan without OCR.

    A number of pages gives pages of grey bars (no text to read); page texts give
    one A4 page each with the text drawn in 11 pt DejaVu Sans at `dpi`, one line
    per line of the text (a blank text gives a blank scan).
    """
    from PIL import Image, ImageDraw, ImageFont

    pdf = FPDF()
    pdf.set_creation_date(datetime(2024, 1, 1, tzinfo=UTC))
    if isinstance(pages, int):
        for _ in range(pages):
            image = Image.new("L", (400, 560), color=255)
            draw = ImageDraw.Draw(image)
            for row in range(40, 520, 16):
                draw.rectangle((40, row, 360, row + 6), fill=60)
            pdf.add_page()
            pdf.image(image, x=10, y=10, w=190)
        return bytes(pdf.output())
    font = ImageFont.truetype("DejaVuSans.ttf", round(11 * dpi / 72))
    for text in pages:
        image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), color=255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(text.split("\n")):
            draw.text((dpi, dpi + number * round(17 * dpi / 72)), line, font=font, fill=0)
        pdf.add_page()
        pdf.image(image, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def build_docx(
    blocks: Sequence[tuple[str, str]],
    *,
    core_title: str = "",
    table: Sequence[Sequence[str]] | None = None,
) -> bytes:
    """A Word file of (style, text) paragraphs; a style of "" is Normal.

    A style that the default template lacks is created as a paragraph style with
    that name (how Danish Word names its headings: "Overskrift 1").
    """
    document = docx.Document()
    document.core_properties.title = core_title
    existing = {style.name for style in document.styles}
    for style, text in blocks:
        if style and style not in existing:
            document.styles.add_style(style, WD_STYLE_TYPE.PARAGRAPH)
            existing.add(style)
        document.add_paragraph(text, style=style or None)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def make_pdf() -> PdfBuilder:
    return build_pdf


@pytest.fixture
def make_scanned_pdf() -> Callable[..., bytes]:
    return build_scanned_pdf


@pytest.fixture
def make_docx() -> DocxBuilder:
    return build_docx


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


@pytest.fixture(scope="session")
def sample_builder() -> Callable[[Path], list]:
    """The sample corpus build function (samples/build_samples.py)."""
    sys.path.insert(0, str(SAMPLES_DIR))
    try:
        import build_samples
    finally:
        sys.path.remove(str(SAMPLES_DIR))
    return build_samples.build_samples


@pytest.fixture(scope="session")
def sample_files(
    sample_builder: Callable[[Path], list], tmp_path_factory: pytest.TempPathFactory
) -> list:
    """The sample corpus, built once into a temporary folder (see samples/README.md).

    Each item has the built file's `path` and the `documents` it should yield.
    """
    return sample_builder(tmp_path_factory.mktemp("samples"))


def _touches_register(path: Path) -> bool:
    relative = path.resolve().relative_to(Path(__file__).resolve().parents[1]).as_posix()
    return relative.startswith(REGISTER_TESTS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # A module that names its databases itself (BACKENDS_CHOSEN_HERE) runs once.
    chosen_here = getattr(metafunc.module, "BACKENDS_CHOSEN_HERE", False)
    if _touches_register(metafunc.definition.path) and not chosen_here:
        metafunc.parametrize("register_backend", REGISTER_BACKENDS, indirect=True, scope="module")


class PostgresqlSchemas:
    """A schema of its own for every data directory, so each register starts empty and
    the registers of one test (an original and its restored copy) stay apart."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        self.url = register_module.database_url(Path("."), url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def url_for(self, data_dir: Path) -> str:
        from sqlalchemy import text

        key = f"{os.getpid()}:{data_dir.resolve()}"
        schema = "test_" + hashlib.sha256(key.encode()).hexdigest()[:20]
        if schema not in self.created:
            with self.admin.connect() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {schema}"))
            self.created.append(schema)
        separator = "&" if "?" in self.url else "?"
        return f"{self.url}{separator}options=-csearch_path%3D{schema}"

    def drop(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            for schema in self.created:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        self.admin.dispose()


def _postgresql_schemas() -> PostgresqlSchemas:
    """The test server, reached (a server that cannot be reached fails the test)."""
    from sqlalchemy.exc import OperationalError

    url = os.environ.get("POLITIKBASE_TEST_POSTGRESQL", TEST_POSTGRESQL)
    try:
        schemas = PostgresqlSchemas(url)
        with schemas.admin.connect():
            pass
    except OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {url} (set POLITIKBASE_TEST_POSTGRESQL, or start "
            f"the server: .ci/run does): {error}",
            pytrace=False,
        )
    return schemas


@contextmanager
def _empty_schema(data_dir: Path) -> Iterator[str]:
    """The URL of an empty schema on the test server, dropped afterwards."""
    schemas = _postgresql_schemas()
    try:
        yield schemas.url_for(data_dir)
    finally:
        schemas.drop()


@pytest.fixture
def postgresql_url(tmp_path: Path) -> Iterator[str]:
    """The URL of an empty schema on the test server, for a test that names its database."""
    with _empty_schema(tmp_path / "postgresql") as url:
        yield url


@pytest.fixture(scope="session", params=REGISTER_BACKENDS)
def session_database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str | None]:
    """For registers built once a session (the portal's): None (SQLite in the data
    directory), then the URL of an empty PostgreSQL schema, dropped at the end."""
    if request.param == "sqlite":
        yield None
        return
    with _empty_schema(tmp_path_factory.mktemp("session-postgresql")) as url:
        yield url


@pytest.fixture(params=REGISTER_BACKENDS)
def database(request: pytest.FixtureRequest) -> str | None:
    """For a test whose registers other processes open, where the module-wide switch of
    `register_backend` cannot reach: None (SQLite in the data directory), then the URL
    of an empty PostgreSQL schema, to pass on as --database."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgresql_url")
    return url


@pytest.fixture(scope="module", autouse=True)
def register_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """The database the module's registers use ("sqlite" unless parametrised).

    On PostgreSQL every register opened without an explicit URL gets its own schema,
    dropped when the module is done; a server that cannot be reached fails the tests.
    """
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield backend
        return
    schemas = _postgresql_schemas()
    plain_url = register_module.database_url
    patch = pytest.MonkeyPatch()

    def url_for(data_dir: Path, explicit: str | None = None) -> str:
        return plain_url(data_dir, explicit) if explicit else schemas.url_for(data_dir)

    patch.setattr(register_module, "database_url", url_for)
    try:
        yield backend
    finally:
        patch.undo()
        schemas.drop()
