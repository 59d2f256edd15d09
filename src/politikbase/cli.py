"""The `politikbase` command line."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from politikbase import settings
from politikbase.ingest import FileOutcome, Ingester, iter_files, reindex
from politikbase.repair import repair_text
from politikbase.segment import segment_text
from politikbase.service import SearchResult, Service

app = typer.Typer(
    help="Register and search engine for the policies of Danish municipalities.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
errors = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir", help="Data directory (default ./politikbase-data or $POLITIKBASE_DATA).",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _service(data_dir: Path | None) -> Service:
    return Service(settings.data_dir(data_dir))


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _read_input(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    from politikbase.extract import extract_file

    documents = extract_file(Path(file))
    return "\n\n".join("\n".join(d.pages) for d in documents)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    data_dir: DataDir = None,
    jobs: Annotated[int, typer.Option(help="Worker processes for extraction.")] = 1,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Try again files that failed before.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Ingest PDF, HTML, DOCX, TXT/Markdown and JSONL files into the register."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        errors.print(f"[red]No such file or folder:[/red] {', '.join(missing)}")
        raise typer.Exit(2)
    service = _service(data_dir)
    total = sum(1 for _ in iter_files(paths))
    ingester = Ingester(service.register, service.index)
    with Progress(
        TextColumn("[bold]Indlæser"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=errors, disable=json_output,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)

        def advance(outcome: FileOutcome) -> None:
            progress.update(task, advance=1, description=escape(Path(outcome.path).name))

        summary = ingester.ingest(paths, jobs=jobs, retry_failed=retry_failed, on_file=advance)
    if json_output:
        _print_json([asdict(outcome) for outcome in summary.outcomes])
        return
    console.print(
        f"[bold]{len(summary.outcomes)} files:[/bold] "
        f"[green]{summary.count('new')} new[/green], "
        f"{summary.count('updated')} updated, "
        f"{summary.count('unchanged')} unchanged, "
        f"[red]{summary.count('failed')} failed[/red]"
    )
    documents = sum(o.documents for o in summary.outcomes if o.status in {"new", "updated"})
    held = service.register.count_documents()
    console.print(f"{documents} documents filed; the register holds {held}.")
    for failure in summary.failures:
        console.print(f"  [red]failed[/red] {escape(failure.path)}: {escape(failure.error or '')}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Search words (Danish).")],
    data_dir: DataDir = None,
    limit: Annotated[int, typer.Option(help="Number of results.")] = 10,
    municipality: Annotated[str | None, typer.Option(help="Only this organisation.")] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="Only this kind (politik, strategi, ...).")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Search the register, best passages first."""
    results = _service(data_dir).search(
        query, limit=limit, municipality=municipality, doc_type=doc_type
    )
    if json_output:
        _print_json([result.as_json() for result in results])
        return
    _print_results(results)


def _print_results(results: list[SearchResult]) -> None:
    if not results:
        console.print("[dim]Ingen resultater.[/dim]")
        return
    for rank, result in enumerate(results, 1):
        place = f" · {result.municipality}" if result.municipality else ""
        page = f" · side {result.page}" if result.page else ""
        console.print(
            f"[bold]{rank}. {escape(result.title)}[/bold] [dim]({escape(result.id)} · "
            f"{result.doc_type}{escape(place)}{page} · {result.score:.2f})[/dim]"
        )
        console.print("   " + result.snippet_markup())


@app.command("list")
def list_documents(
    data_dir: DataDir = None,
    municipality: Annotated[str | None, typer.Option(help="Only this organisation.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Only this kind.")] = None,
    json_output: JsonFlag = False,
) -> None:
    """List the documents in the register."""
    records = _service(data_dir).register.documents(municipality=municipality, doc_type=doc_type)
    if json_output:
        _print_json([Service.summary_json(record) for record in records])
        return
    table = Table(title=f"Registeret: {len(records)} dokumenter")
    table.add_column("id", no_wrap=True)
    table.add_column("titel", ratio=3)
    table.add_column("type", no_wrap=True)
    table.add_column("organisation", ratio=1)
    table.add_column("kilde", ratio=1, overflow="ellipsis", no_wrap=True)
    for record in records:
        table.add_row(
            escape(record.public_id), escape(record.title), record.doc_type,
            escape(record.municipality or "–"), escape(record.source_name),
        )
    console.print(table)


@app.command()
def show(
    identifier: Annotated[str, typer.Argument(metavar="ID", help="Document id or external id.")],
    data_dir: DataDir = None,
    json_output: JsonFlag = False,
    text: Annotated[bool, typer.Option("--text", help="Print the full repaired text.")] = False,
) -> None:
    """Show one document: its facts, source and text."""
    record = _service(data_dir).register.document(identifier)
    if record is None:
        errors.print(f"[red]No document with id {escape(identifier)!s}.[/red]")
        raise typer.Exit(1)
    if json_output:
        _print_json(Service.detail_json(record))
        return
    console.print(f"[bold]{escape(record.title)}[/bold]")
    for label, value in (
        ("id", record.public_id), ("type", record.doc_type),
        ("organisation", record.municipality or "–"), ("kilde", record.source_name),
        ("format", record.format), ("del", record.kind), ("url", record.url or "–"),
        ("sider", str(len(record.page_starts) or "–")), ("tegn", f"{len(record.text):,}"),
        ("reparationer", str(len(record.repair_log))),
    ):
        console.print(f"  [dim]{label:>13}[/dim]  {escape(value)}")
    body = record.text if text else record.text[:1200] + ("…" if len(record.text) > 1200 else "")
    console.print()
    console.print(escape(body), highlight=False)


@app.command()
def export(
    data_dir: DataDir = None,
    output_format: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(help="File to write (default stdout).")] = None,
) -> None:
    """Export the register (one row per document)."""
    if output_format not in {"jsonl", "csv"}:
        errors.print("[red]--format must be jsonl or csv[/red]")
        raise typer.Exit(2)
    service = _service(data_dir)
    handle = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if output_format == "jsonl":
            for record in service.register.iter_documents():
                handle.write(json.dumps(Service.detail_json(record), ensure_ascii=False) + "\n")
        else:
            writer = csv.DictWriter(handle, fieldnames=Service.CSV_FIELDS)
            writer.writeheader()
            for record in service.register.iter_documents():
                writer.writerow(Service.summary_json(record))
    finally:
        if output:
            handle.close()


@app.command()
def repair(
    file: Annotated[str, typer.Argument(help="A file, or - for standard input.")] = "-",
) -> None:
    """Print the repaired text of a file (PDF damage, hyphenation, page furniture)."""
    sys.stdout.write(repair_text(_read_input(file)).text)
    sys.stdout.write("\n")


@app.command()
def segment(
    file: Annotated[str, typer.Argument(help="A file, or - for standard input.")],
    json_output: JsonFlag = False,
) -> None:
    """The documents or entries found in one file, with exact character offsets."""
    text = repair_text(_read_input(file)).text
    segments = segment_text(text)
    if json_output:
        _print_json([asdict(s) | {"text": text[s.start : s.end]} for s in segments])
        return
    table = Table(title=f"{len(segments)} dele")
    for column in ("#", "type", "titel", "start", "slut", "begynder"):
        table.add_column(column, overflow="fold")
    for number, part in enumerate(segments, 1):
        opening = text[part.start : part.end][:60].replace("\n", " ")
        table.add_row(
            str(number), part.kind, escape(part.title), str(part.start), str(part.end),
            escape(opening),
        )
    console.print(table)


@app.command()
def failures(data_dir: DataDir = None, json_output: JsonFlag = False) -> None:
    """Files that could not be read, with the reason (originals are kept)."""
    failed = _service(data_dir).register.sources(status="failed")
    if json_output:
        _print_json([asdict(source) for source in failed])
        return
    if not failed:
        console.print("Ingen fejlede filer.")
    for source in failed:
        reason = escape(source.error or "")
        console.print(f"[red]{escape(source.name)}[/red] ({source.sha256[:12]}): {reason}")


@app.command("reindex")
def reindex_command(data_dir: DataDir = None) -> None:
    """Rebuild the search index from the register."""
    service = _service(data_dir)
    count = reindex(service.register, service.index)
    console.print(f"Indexed {count} documents.")


@app.command()
def demo(data_dir: DataDir = None) -> None:
    """Print the register and a few example searches."""
    service = _service(data_dir)
    list_documents(data_dir=data_dir)
    for query in service.DEMO_QUERIES:
        console.rule(f"[bold]søg: {escape(query)}")
        _print_results(service.search(query, limit=3))


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
