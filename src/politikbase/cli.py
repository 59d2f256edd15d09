"""The `politikbase` command line."""

from __future__ import annotations

import csv
import getpass
import json
import os
import sys
import threading
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from politikbase import pipeline, settings
from politikbase.analyse import DocumentFacts, analyse_document
from politikbase.analyse.revision import DEFAULT_MAX_AGE_YEARS
from politikbase.backup import ArchiveError, TargetNotEmpty, restore_data_dir, write_backup
from politikbase.check import CheckReport, check_register, repair_index
from politikbase.danish.subjects import SUBJECT_AREAS
from politikbase.extract import extract_file
from politikbase.ingest import FileOutcome, Ingester, default_jobs, iter_files, reindex
from politikbase.repair import repair_text
from politikbase.segment import segment_text
from politikbase.segment.sections import Section, document_outline
from politikbase.service import (
    FacetFilterError,
    SearchOutcome,
    SearchResult,
    Service,
    parse_facet_filters,
)
from politikbase.store import Register
from politikbase.store.corrections import CORRECTABLE_FIELDS, parse_correction_value
from politikbase.store.records import DocumentRecord
from politikbase.store.register import DATABASE_VARIABLE, register_exists
from politikbase.web.server import serve as serve_portal

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
Database = Annotated[
    str | None,
    typer.Option(
        "--database", help="Database URL for the register's tables, e.g. postgresql://host/db "
        "(default $POLITIKBASE_DATABASE, else SQLite in the data directory).",
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]
RetryFailed = Annotated[
    bool, typer.Option("--retry-failed", help="Try again files that failed before.")
]


def _service(data_dir: Path | None, database: str | None = None) -> Service:
    return Service(settings.data_dir(data_dir), database)


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def _require_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        errors.print(f"[red]No such file or folder:[/red] {', '.join(missing)}")
        raise typer.Exit(2)


def _read_input(file: str) -> str:
    if file == "-":
        return sys.stdin.read()
    documents = extract_file(Path(file))
    return "\n\n".join("\n".join(d.pages) for d in documents)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    data_dir: DataDir = None,
    database: Database = None,
    jobs: Annotated[
        int,
        typer.Option(help="Worker processes for extraction and analysis (0: one per core "
                     "for large batches, none for small ones)."),
    ] = 0,
    retry_failed: RetryFailed = False,
    cluster: Annotated[
        str | None,
        typer.Option(help="Address of a Dask scheduler (tcp://HOST:PORT) whose workers "
                     "extract and analyse the files; filing stays here."),
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Ingest PDF, HTML, DOCX, TXT/Markdown and JSONL files into the register."""
    _require_paths(paths)
    service = _service(data_dir, database)
    total = sum(1 for _ in iter_files(paths))
    client = None
    if cluster:
        from distributed import Client

        try:
            client = Client(cluster, timeout=30, set_as_default=False)
        except OSError as error:
            errors.print(f"[red]Cannot reach the cluster at {escape(cluster)}:[/red] {error}")
            raise typer.Exit(2) from error
        if jobs <= 0:
            jobs = max(1, sum(client.nthreads().values()))
    if jobs <= 0:
        jobs = default_jobs(total)
    ingester = Ingester(service.register, service.index)
    with Progress(
        TextColumn("[bold]Indlæser"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=errors, disable=json_output,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)

        def advance(outcome: FileOutcome) -> None:
            progress.update(task, advance=1, description=escape(Path(outcome.path).name))

        try:
            summary = ingester.ingest(
                paths, jobs=jobs, retry_failed=retry_failed, on_file=advance,
                executor=client.get_executor(pure=False) if client else None,
            )
        finally:
            if client:
                client.close()
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
    database: Database = None,
    limit: Annotated[int, typer.Option(help="Number of results.")] = 10,
    offset: Annotated[int, typer.Option(help="Skip this many results (paging).")] = 0,
    municipality: Annotated[str | None, typer.Option(help="Only this organisation.")] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="Only this kind (politik, strategi, ...).")
    ] = None,
    facet_filter: Annotated[
        list[str] | None,
        typer.Option(
            "--facet-filter",
            help="FACET=VALUE, repeatable: organisation, type, subject, status "
            "(current, due_soon, overdue, unknown, draft, replaced) or year (2019, 2015..2020).",
        ),
    ] = None,
    literal: Annotated[
        bool, typer.Option("--literal", help="Don't read organisations or years from the query.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Search the register: one result per policy, best first, with facets."""
    try:
        filters = parse_facet_filters(facet_filter or [])
    except FacetFilterError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from error
    if municipality:
        filters = replace(filters, municipalities=(*filters.municipalities, municipality))
    if doc_type:
        filters = replace(filters, doc_types=(*filters.doc_types, doc_type))
    outcome = _service(data_dir, database).search_page(
        query, limit=limit, offset=offset, filters=filters, facets=True,
        understand=not literal, exact_total=True,
    )
    if json_output:
        _print_json(outcome.as_json())
        return
    _print_understood(outcome)
    _print_results(outcome.results, first_rank=offset + 1)
    if outcome.results:
        _print_facets(outcome)


def _print_understood(outcome: SearchOutcome) -> None:
    understood = outcome.understood
    notes = [f"kun {escape(name)}" for name in understood.organisations]
    if understood.adopted_from is not None:
        notes.append(f"vedtaget fra {understood.adopted_from}")
    if understood.adopted_to is not None:
        notes.append(f"vedtaget til og med {understood.adopted_to}")
    if notes:
        console.print(f"[dim]Søgningen er forstået som: {escape(understood.text) or '(alt)'}; "
                      f"{', '.join(notes)}.[/dim]")


SUBJECT_LABELS = {area.slug: area.label for area in SUBJECT_AREAS}
FACET_TITLES = {
    "organisation": "Organisation", "type": "Type", "subject": "Emne", "status": "Status",
    "year": "Vedtaget",
}


def _print_facets(outcome: SearchOutcome) -> None:
    console.print(f"[dim]{outcome.total} politikker i alt"
                  f"{'' if outcome.facets_exact else '; emnerne tæller de bedste resultater'}."
                  "[/dim]")
    for name, counts in outcome.facets.items():
        if counts:
            shown = ", ".join(
                f"{escape(SUBJECT_LABELS.get(facet.value, facet.value))} ({facet.count})"
                for facet in counts[:8]
            )
            console.print(f"[dim]{FACET_TITLES.get(name, name)}: {shown}[/dim]")


def _print_results(results: list[SearchResult], first_rank: int = 1) -> None:
    if not results:
        console.print("[dim]Ingen resultater.[/dim]")
        return
    for rank, result in enumerate(results, first_rank):
        place = f" · {result.municipality}" if result.municipality else ""
        page = f" · side {result.page}" if result.page else ""
        console.print(
            f"[bold]{rank}. {escape(result.title)}[/bold] [dim]({escape(result.id)} · "
            f"{result.doc_type}{escape(place)}{page} · {result.score:.2f})[/dim]"
        )
        console.print("   " + result.snippet_markup())
        if not result.is_current:
            console.print("   [dim]Fundet i en version, der ikke er politikkens aktuelle.[/dim]")
        if result.other_versions:
            console.print(f"   [dim]Også i versionerne: {escape(', '.join(result.other_versions))}"
                          "[/dim]")


@app.command("list")
def list_documents(
    data_dir: DataDir = None,
    database: Database = None,
    municipality: Annotated[str | None, typer.Option(help="Only this organisation.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Only this kind.")] = None,
    json_output: JsonFlag = False,
) -> None:
    """List the documents in the register."""
    records = _service(data_dir, database).register.documents(
        municipality=municipality, doc_type=doc_type
    )
    if json_output:
        _print_json([Service.summary_json(record) for record in records])
        return
    table = Table(title=f"Registeret: {len(records)} dokumenter")
    table.add_column("id", no_wrap=True)
    table.add_column("titel", min_width=24, ratio=3)
    table.add_column("type", no_wrap=True)
    table.add_column("organisation", min_width=16, ratio=2)
    table.add_column("kilde", max_width=28, overflow="ellipsis", no_wrap=True)
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
    database: Database = None,
    json_output: JsonFlag = False,
    text: Annotated[bool, typer.Option("--text", help="Print the full repaired text.")] = False,
    sections: Annotated[
        bool, typer.Option("--sections", help="Print the document's section tree.")
    ] = False,
) -> None:
    """Show one document: its facts with evidence, versions, relations, source and text."""
    service = _service(data_dir, database)
    record = service.register.document(identifier)
    if record is None:
        errors.print(f"[red]No document with id {escape(identifier)!s}.[/red]")
        raise typer.Exit(1)
    if sections:
        _print_sections(record, json_output)
        return
    if json_output:
        _print_json(service.show_json(record))
        return
    shown = service.show_json(record)
    console.print(f"[bold]{escape(record.title)}[/bold]")
    for label, value in (
        ("id", record.public_id), ("type", record.doc_type),
        ("organisation", record.municipality or "–"), ("kilde", record.source_name),
        ("format", record.format), ("del", record.kind), ("url", record.url or "–"),
        ("sider", str(len(record.page_starts) or "–")), ("tegn", f"{len(record.text):,}"),
        ("reparationer", str(len(record.repair_log))),
    ):
        console.print(f"  [dim]{label:>13}[/dim]  {escape(value)}")
    _print_facts(shown["facts"])
    _print_versions(shown["versions"])
    _print_relations(shown["relations"])
    body = record.text if text else record.text[:1200] + ("…" if len(record.text) > 1200 else "")
    console.print()
    console.print(escape(body), highlight=False)


def _shown_value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    return str(value)


def _print_facts(facts: list[dict[str, Any]]) -> None:
    stated = [fact for fact in facts if fact["value"] not in (None, [], "")]
    if not stated:
        return
    console.print("\n[bold]Fakta[/bold]")
    for fact in stated:
        if fact["source"] == "corrected":
            correction = fact["correction"]
            note = f", {correction['note']}" if correction["note"] else ""
            where = f"rettet af {correction['author']} {correction['created_at'][:10]}{note}"
        else:
            where = " · ".join(f"»{item['text']}«" for item in fact["evidence"][:2])
        console.print(
            f"  [dim]{fact['field']:>13}[/dim]  {escape(_shown_value(fact['value']))}"
            + (f"  [dim]{escape(where)}[/dim]" if where else "")
        )


def _print_versions(versions: list[dict[str, Any]]) -> None:
    if len(versions) < 2:
        return
    console.print("\n[bold]Versioner[/bold]")
    for version in versions:
        marker = "→" if version["this"] else " "
        console.print(
            f"  {marker} {escape(version['title'])} [dim]({escape(version['id'])} · "
            f"{version['status'] or '–'} · {version['adopted_date'] or 'udateret'})[/dim]"
        )


def _print_relations(relations: list[dict[str, Any]]) -> None:
    if not relations:
        return
    labels = {"replaces": "erstatter", "based_on": "bygger på", "related_to": "ses med"}
    console.print("\n[bold]Relationer[/bold]")
    for relation in relations:
        target = (
            f" → {escape(relation['target_title'])} ({escape(relation['target_public_id'])})"
            if relation["target_id"] else " [dim](ikke i registeret)[/dim]"
        )
        console.print(
            f"  {labels.get(relation['kind'], relation['kind']):>10}  "
            f"{escape(relation['name'])}{target}"
        )


def _section_json(section: Section) -> dict[str, Any]:
    return {
        "kind": section.kind, "title": section.title, "number": section.number,
        "level": section.level, "start": section.start, "end": section.end,
        "children": [_section_json(child) for child in section.children],
    }


def _print_sections(record: DocumentRecord, json_output: bool) -> None:
    outline = document_outline(record.text, record.headings or None)
    if json_output:
        _print_json({
            "id": record.public_id,
            "sections": [_section_json(section) for section in outline.sections],
            "enumerations": [
                {
                    "kind": enumeration.kind, "stated_count": enumeration.stated_count,
                    "announcement": enumeration.announcement,
                    "items": [item.title for item in enumeration.items],
                }
                for enumeration in outline.enumerations
            ],
        })
        return
    console.print(f"[bold]{escape(record.title)}[/bold]")

    def walk(items: list[Section], depth: int) -> None:
        for section in items:
            number = f"{section.number} " if section.number else ""
            kind = "" if section.kind == "heading" else f" [dim]({section.kind})[/dim]"
            console.print("  " * depth + f"• {escape(number + section.title)}{kind}")
            walk(section.children, depth + 1)

    walk(outline.sections, 1)
    for enumeration in outline.enumerations:
        count = f"{enumeration.stated_count} " if enumeration.stated_count else ""
        console.print(f"\n[bold]{count}{escape(enumeration.kind)}[/bold]")
        for number, item in enumerate(enumeration.items, 1):
            console.print(f"  {number}. {escape(item.title)}")


@app.command()
def correct(
    identifier: Annotated[str, typer.Argument(metavar="ID", help="Document id or external id.")],
    field_name: Annotated[
        str, typer.Argument(metavar="FIELD", help=f"One of: {', '.join(CORRECTABLE_FIELDS)}.")
    ],
    value: Annotated[
        str, typer.Argument(help='The right value; lists separated by ";", "-" for none.')
    ],
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction).")] = None,
    author: Annotated[
        str | None, typer.Option("--by", help="Who corrects (default: the user name).")
    ] = None,
    data_dir: DataDir = None,
    database: Database = None,
    json_output: JsonFlag = False,
) -> None:
    """Correct one fact of a document; the correction wins and survives re-ingest."""
    service = _service(data_dir, database)
    try:
        record = service.correct(
            identifier, field_name, parse_correction_value(field_name, value),
            author=author or getpass.getuser(), note=note,
        )
    except KeyError:
        errors.print(f"[red]No document with id {escape(identifier)!s}.[/red]")
        raise typer.Exit(1) from None
    except ValueError as error:
        errors.print(f"[red]{escape(str(error))}[/red]")
        raise typer.Exit(2) from None
    if json_output:
        _print_json(service.detail_json(record) | {"text": None})
        return
    console.print(
        f"{escape(record.public_id)}: {field_name} = "
        f"{escape(_shown_value(record.fact(field_name)))} [dim](rettet)[/dim]"
    )


def _as_of_day(as_of: str | None) -> date:
    try:
        return date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        errors.print("[red]--as-of must be a date as YYYY-MM-DD[/red]")
        raise typer.Exit(2) from None


@app.command()
def due(
    data_dir: DataDir = None,
    database: Database = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The day to judge by, YYYY-MM-DD (default today).")
    ] = None,
    default_max_age: Annotated[
        int, typer.Option("--default-max-age", help="Years a policy with no rule may run.")
    ] = DEFAULT_MAX_AGE_YEARS,
    json_output: JsonFlag = False,
) -> None:
    """The revision calendar: what is due, oldest first, with its status."""
    day = _as_of_day(as_of)
    entries = _service(data_dir, database).due(day, default_max_age_years=default_max_age)
    if json_output:
        _print_json([entry.as_json() for entry in entries])
        return
    table = Table(title=f"Revisionskalender pr. {day.isoformat()}")
    for column in ("forfalder", "status", "titel", "organisation", "vedtaget", "grundlag"):
        table.add_column(column, overflow="fold")
    styles = {"overdue": "red", "due_soon": "yellow", "current": "green"}
    for entry in entries:
        style = styles.get(entry.status, "dim")
        table.add_row(
            entry.due.due_date.isoformat() if entry.due else "–",
            f"[{style}]{entry.status}[/{style}]", escape(entry.title),
            escape(entry.municipality or "–"), entry.adopted_date or "–",
            entry.due.basis if entry.due else "–",
        )
    console.print(table)


@app.command()
def export(
    data_dir: DataDir = None,
    database: Database = None,
    output_format: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(help="File to write (default stdout).")] = None,
) -> None:
    """Export the register (one row per document)."""
    if output_format not in {"jsonl", "csv"}:
        errors.print("[red]--format must be jsonl or csv[/red]")
        raise typer.Exit(2)
    service = _service(data_dir, database)
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


def _analyse_record(line: str) -> dict[str, Any]:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("a JSONL line must be an object")
    text = repair_text(str(record.get("text") or "")).text
    facts = analyse_document(
        text, title=record.get("title") or None, id=record.get("id"),
        municipality_hint=record.get("municipality") or None,
    )
    return facts.as_json()


def _analyse_file(file: str) -> list[DocumentFacts]:
    if file == "-":
        text = repair_text(sys.stdin.read()).text
        return [analyse_document(text)]
    found: list[DocumentFacts] = []
    for extracted in extract_file(Path(file)):
        found.append(
            analyse_document(
                pipeline.repair(extracted).text, title=extracted.title, id=extracted.external_id,
                municipality_hint=extracted.municipality,
            )
        )
    return found


def _print_analysis(facts: dict[str, Any]) -> None:
    console.print(f"[bold]{escape(facts['title'] or '(uden titel)')}[/bold]")
    for name, value in facts.items():
        if name in {"title", "evidence"} or value in (None, []):
            continue
        evidence = facts["evidence"].get(name, [])
        where = " · ".join(f"»{item['text']}«" for item in evidence[:2])
        console.print(
            f"  [dim]{name:>13}[/dim]  {escape(_shown_value(value))}"
            + (f"  [dim]{escape(where)}[/dim]" if where and where != f"»{value}«" else "")
        )


@app.command()
def analyse(
    file: Annotated[str, typer.Argument(help="A file, or - for standard input.")] = "-",
    jsonl: Annotated[
        Path | None,
        typer.Option("--jsonl", help="Analyse each line of a JSONL file (id, title, text, …)."),
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """The facts of a document with their evidence (date, body, period, rules, relations)."""
    if jsonl is not None:
        with jsonl.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    result = _analyse_record(line)
                except (ValueError, TypeError) as error:
                    errors.print(f"[red]line {number}: {escape(str(error))}[/red]")
                    result = {"id": None, "error": str(error)}
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        return
    if file != "-" and not Path(file).exists():
        errors.print(f"[red]No such file:[/red] {escape(file)}")
        raise typer.Exit(2)
    analysed = [facts.as_json() for facts in _analyse_file(file)]
    if json_output:
        _print_json(analysed[0] if len(analysed) == 1 else analysed)
        return
    for facts in analysed:
        _print_analysis(facts)


@app.command()
def similar(
    identifier: Annotated[str, typer.Argument(help="Document id.")],
    data_dir: DataDir = None,
    database: Database = None,
    limit: Annotated[int, typer.Option(help="Number of similar policies.")] = 10,
    json_output: JsonFlag = False,
) -> None:
    """Policies like this one in other organisations ("Læs mere"), and its versions
    and near-duplicates."""
    outcome = _service(data_dir, database).similar(identifier, limit=limit)
    if outcome is None:
        errors.print(f"[red]No document with id {escape(identifier)!r}.[/red]")
        raise typer.Exit(1)
    if json_output:
        _print_json(outcome.as_json())
        return
    console.print(f"[bold]{escape(outcome.record.title)}[/bold] "
                  f"[dim]({escape(outcome.record.municipality or '-')})[/dim]")
    labels = {"version": "version", "near_duplicate": "næsten ens", "similar": "ligner"}
    if not outcome.entries:
        console.print("[dim]Intet lignende fundet.[/dim]")
    for entry in outcome.entries:
        console.print(
            f"  {escape('[' + labels[entry.relation] + ']')} {escape(entry.record.title)} [dim]"
            f"({escape(entry.record.public_id)} · {escape(entry.record.municipality or '-')} · "
            f"{entry.score:.2f})[/dim]"
        )


@app.command()
def compare(
    subject_or_type: Annotated[
        str, typer.Argument(help="A type (strategi), subject area or policy name.")
    ],
    data_dir: DataDir = None,
    database: Database = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Day for ages and status (YYYY-MM-DD).")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """One row per organisation that has such a policy: title, adopted, age, status."""
    day = _as_of_day(as_of)
    outcome = _service(data_dir, database).compare(subject_or_type, as_of=day)
    if json_output:
        _print_json(outcome.as_json())
        return
    if not outcome.rows:
        console.print(f"[dim]Ingen organisationer har {escape(subject_or_type)}.[/dim]")
        return
    table = Table("Organisation", "Titel", "Vedtaget", "Alder (år)", "Status", "Revideres",
                  "Antal", title=f"{escape(subject_or_type)} ({outcome.matched_by})")
    for row in outcome.rows:
        table.add_row(
            escape(row.organisation), escape(row.title), row.adopted_date or "-",
            f"{row.age_years:.1f}" if row.age_years is not None else "-", row.status,
            row.due_date or "-", str(row.policies),
        )
    console.print(table)


@app.command()
def suggest(
    prefix: Annotated[str, typer.Argument(help="The start of a title.")],
    data_dir: DataDir = None,
    database: Database = None,
    limit: Annotated[int, typer.Option(help="Number of suggestions.")] = 10,
    json_output: JsonFlag = False,
) -> None:
    """Policy titles that complete what was typed."""
    records = _service(data_dir, database).suggest(prefix, limit=limit)
    if json_output:
        _print_json([Service.summary_json(record) for record in records])
        return
    for record in records:
        console.print(f"{escape(record.title)} [dim]({escape(record.public_id)})[/dim]")


@app.command()
def failures(
    data_dir: DataDir = None, database: Database = None, json_output: JsonFlag = False
) -> None:
    """Files that could not be read, with the reason (originals are kept)."""
    failed = _service(data_dir, database).register.sources(status="failed")
    if json_output:
        _print_json([asdict(source) for source in failed])
        return
    if not failed:
        console.print("Ingen fejlede filer.")
    for source in failed:
        reason = escape(source.error or "")
        console.print(f"[red]{escape(source.name)}[/red] ({source.sha256[:12]}): {reason}")


@app.command("reindex")
def reindex_command(data_dir: DataDir = None, database: Database = None) -> None:
    """Rebuild the search index from the register."""
    service = _service(data_dir, database)
    count = reindex(service.register, service.index)
    console.print(f"Indexed {count} documents.")


@app.command()
def demo(data_dir: DataDir = None, database: Database = None) -> None:
    """Print the register and a few example searches."""
    service = _service(data_dir, database)
    list_documents(data_dir=data_dir)
    for query in service.DEMO_QUERIES:
        console.rule(f"[bold]søg: {escape(query)}")
        _print_results(service.search(query, limit=3))


def _existing_register(data_dir: Path | None, database: str | None) -> Path:
    """The data directory, which must hold a register (commands that only read it).

    """
    folder = settings.data_dir(data_dir)
    if not register_exists(folder, database):
        errors.print(f"[red]No register in[/red] {escape(str(folder))}")
        raise typer.Exit(2)
    return folder


@app.command("backup")
def backup_command(
    file: Annotated[Path, typer.Argument(help="The archive to write (a zip file).")],
    data_dir: DataDir = None,
    database: Database = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    json_output: JsonFlag = False,
) -> None:
    """Write the whole register, originals and corrections included, as one archive."""
    folder = _existing_register(data_dir, database)
    if file.exists() and not force:
        errors.print(f"[red]{escape(str(file))} exists;[/red] use --force to replace it")
        raise typer.Exit(2)
    register = Register(folder, database)
    try:
        summary = write_backup(register, file)
    finally:
        register.close()
    if json_output:
        _print_json(summary.as_json())
    else:
        rows = ", ".join(f"{count} {table}" for table, count in summary.rows.items())
        console.print(
            f"Backup written to {escape(str(file))}: {rows}; {summary.originals} originals "
            f"({summary.archive_bytes:,} bytes)."
        )
    problems = summary.missing_originals + summary.damaged_originals
    if problems:
        errors.print(
            f"[yellow]{len(summary.missing_originals)} originals missing and "
            f"{len(summary.damaged_originals)} damaged in the data directory[/yellow] "
            "(named in the archive's manifest; see `politikbase check`)"
        )
        raise typer.Exit(1)


@app.command("restore")
def restore_command(
    file: Annotated[Path, typer.Argument(help="An archive written by `politikbase backup`.")],
    data_dir: DataDir = None,
    database: Database = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the register a non-empty data directory "
                           "holds.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Build the register and its index from a backup (every checksum verified first)."""
    folder = settings.data_dir(data_dir)
    try:
        summary = restore_data_dir(file, folder, force=force, database_url=database)
    except (ArchiveError, TargetNotEmpty) as error:
        errors.print(f"[red]Not restored:[/red] {escape(str(error))}")
        raise typer.Exit(1) from error
    if json_output:
        _print_json(summary.as_json())
        return
    rows = ", ".join(f"{count} {table}" for table, count in summary.rows.items())
    console.print(
        f"Restored into {escape(str(folder))}: {rows}; {summary.originals} originals; "
        f"{summary.indexed} documents indexed."
    )


@app.command("check")
def check_command(
    data_dir: DataDir = None,
    database: Database = None,
    repair_index_: Annotated[
        bool, typer.Option("--repair", help="Index what the index lacks, delete what the "
                           "register no longer holds.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Verify that the index agrees with the register, and the originals and database are
    sound. Exit code 1 when something was found (repaired or not)."""
    service = Service(_existing_register(data_dir, database), database)
    report = check_register(service.register, service.index)
    if repair_index_ and not report.index_agrees:
        repair_index(service.register, service.index, report)
    service.index.close()
    if json_output:
        _print_json(report.as_json())
    else:
        _print_check(report)
    if not report.ok:
        raise typer.Exit(1)


def _print_check(report: CheckReport) -> None:
    console.print(
        f"{report.documents} documents in the register; {report.indexed} in the index "
        f"({report.passages} passages); {report.originals} originals checked."
    )
    found = (
        ("in the register but not in the index", report.missing_from_index),
        ("in the index but not in the register", report.orphaned_in_index),
        ("originals missing", report.missing_originals),
        ("originals whose bytes do not match their SHA-256", report.damaged_originals),
        ("database problems", report.database_problems),
    )
    for label, items in found:
        if items:
            shown = ", ".join(escape(item) for item in items[:10])
            more = f" … and {len(items) - 10} more" if len(items) > 10 else ""
            console.print(f"[red]{len(items)} {label}:[/red] {shown}{more}")
    if report.ok:
        console.print("[green]The index agrees with the register.[/green]")
    elif report.repaired:
        console.print("[green]The index was repaired from the register.[/green]")


@app.command()
def serve(
    data_dir: DataDir = None,
    database: Database = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    ingest_jobs: Annotated[
        int,
        typer.Option(help="Worker processes of the background ingest (0: no background "
                     "ingest in this service)."),
    ] = 1,
) -> None:
    """Serve the web portal and the JSON API, and run background ingest jobs."""
    folder = settings.data_dir(data_dir)
    if database:
        # The portal's workers open the register themselves, and inherit the environment.
        os.environ[DATABASE_VARIABLE] = database
    console.print(
        f"politikbase: http://{host}:{port}/  (data: {escape(str(folder))}; Ctrl-C stops)"
    )
    serve_portal(folder, host=host, port=port, workers=workers, ingest_jobs=ingest_jobs,
                 database_url=database)


jobs_app = typer.Typer(help="Background ingest jobs (run by `serve`, or by `jobs run`).",
                       no_args_is_help=True)
app.add_typer(jobs_app, name="jobs")


@jobs_app.command("add")
def jobs_add(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    data_dir: DataDir = None,
    database: Database = None,
    retry_failed: RetryFailed = False,
    json_output: JsonFlag = False,
) -> None:
    """Queue files on this machine for the background ingest."""
    _require_paths(paths)
    files = list(dict.fromkeys(str(path.resolve()) for path in iter_files(paths)))
    if not files:
        errors.print("[red]No files to ingest.[/red]")
        raise typer.Exit(2)
    register = Register(settings.data_dir(data_dir), database)
    job = register.jobs.add_paths(files, retry_failed=retry_failed)
    if json_output:
        _print_json(job.as_json())
        return
    console.print(f"Job {job.id}: {job.file_count} files queued.")


@jobs_app.command("list")
def jobs_list(
    data_dir: DataDir = None,
    database: Database = None,
    state: Annotated[str | None, typer.Option(help="queued, running, done or failed.")] = None,
    limit: Annotated[int, typer.Option(help="Number of jobs.")] = 20,
    json_output: JsonFlag = False,
) -> None:
    """Jobs, newest first."""
    register = Register(_existing_register(data_dir, database), database)
    shown = register.jobs.jobs(limit=limit, state=state)
    if json_output:
        _print_json([job.as_json() for job in shown])
        return
    table = Table("state", "files", "new", "unchanged", "failed", "created")
    table.add_column("id", no_wrap=True, min_width=32)
    for job in shown:
        table.add_row(
            job.state, f"{job.files_done}/{job.file_count}",
            str(job.counts.get("new", 0) + job.counts.get("updated", 0)),
            str(job.counts.get("unchanged", 0)), str(job.counts.get("failed", 0)),
            job.created_at.strftime("%Y-%m-%d %H:%M"), job.id,
        )
    console.print(table)


@jobs_app.command("show")
def jobs_show(
    job_id: Annotated[str, typer.Argument(help="The job's id.")],
    data_dir: DataDir = None,
    database: Database = None,
    json_output: JsonFlag = False,
) -> None:
    """One job and what became of each of its files."""
    register = Register(_existing_register(data_dir, database), database)
    job = register.jobs.job(job_id)
    if job is None:
        errors.print(f"[red]No job[/red] {escape(job_id)}")
        raise typer.Exit(1)
    if json_output:
        _print_json(job.as_json(with_files=True))
        return
    console.print(f"[bold]{job.id}[/bold] {job.state}: {job.files_done} of {job.file_count} "
                  f"files done")
    if job.error:
        console.print(f"[red]{escape(job.error)}[/red]")
    for item in job.files:
        reason = f": {escape(item.error)}" if item.error else ""
        console.print(f"  {item.status or 'waiting':10} {escape(item.name)}{reason}")


@jobs_app.command("cancel")
def jobs_cancel(
    job_id: Annotated[str, typer.Argument(help="The job's id.")],
    data_dir: DataDir = None,
    database: Database = None,
) -> None:
    """Stop a job: a waiting one never starts, a running one stops after its current file."""
    register = Register(_existing_register(data_dir, database), database)
    job = register.jobs.cancel(job_id)
    if job is None:
        errors.print(f"[red]No job[/red] {escape(job_id)}")
        raise typer.Exit(1)
    console.print(f"Job {job.id}: {job.state} ({job.files_done} of {job.file_count} files done).")


@jobs_app.command("run")
def jobs_run(
    data_dir: DataDir = None,
    database: Database = None,
    jobs: Annotated[int, typer.Option(help="Worker processes for each job.")] = 1,
    until_idle: Annotated[
        bool, typer.Option("--until-idle", help="Stop when no job is waiting.")
    ] = False,
) -> None:
    """Run background ingest jobs in the foreground (Ctrl-C stops; a job stopped
    half-way is taken up again where it was)."""
    from politikbase.jobs import JobRunner

    runner = JobRunner(_service(data_dir, database), jobs=max(1, jobs))
    finished = runner.run(threading.Event(), until_idle=until_idle)
    console.print(f"{finished} jobs run.")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
