"""Render the benchmark results as docs/benchmarks.md."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

COMMAND = "make bench   # = .venv/bin/python benchmarks/run_all.py"

# How to read the figures that need it; kept with the renderer so the page stays whole.
READING = [
    "Ingest is measured on 1,000 text-layer pages laid out from the real seed documents",
    "(50 PDFs; their text includes the damaged paragraphs of `002`/`003`, so repair works).",
    "The raw figure is pypdfium2 text extraction alone on one core. The pipeline figure",
    "includes everything `politikbase ingest` does: extraction, repair, segmentation,",
    "analysis with evidence, filing in SQLite (originals fsynced), the passage index and",
    "version linking, up to the index's last merge. The stage split times one more ingest",
    "of the same files in one process, cold, with a timer on each stage. Repair figures",
    "marked *cold* clear the word and chain caches before each text; the others repeat",
    "texts, as a long ingest of one municipality does.",
]


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Scalar leaves of nested results as dotted keys; long lists are left out."""
    if isinstance(value, dict):
        rows: list[tuple[str, Any]] = []
        for key, inner in value.items():
            if key.startswith("_"):
                continue
            rows.extend(_flatten(inner, f"{prefix}{key}."))
        return rows
    if isinstance(value, list):
        if len(value) <= 6 and all(not isinstance(v, dict | list) for v in value):
            return [(prefix.rstrip("."), ", ".join(map(str, value)) or "–")]
        return []
    return [(prefix.rstrip("."), value)]


def _get(results: dict[str, Any], path: str, default: Any = None) -> Any:
    value: Any = results
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return default
        value = value[part]
    return value


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.2f} %"


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else ("yes" if ok else "**no**")


def _headline(results: dict[str, Any]) -> list[str]:
    repair = results.get("eval_repair", {})
    segment = results.get("eval_segment", {})
    search = results.get("eval_search", {})
    ingest = results.get("bench_ingest", {})
    scale = results.get("bench_search", {})
    wer_raw, wer_fixed = repair.get("wer_raw"), repair.get("wer_repaired")
    ours = _get(search, "ours.ndcg@10")
    baseline = _get(search, "baseline_classic_danish.ndcg@10")
    ratio = ingest.get("pipeline_vs_raw")
    p99 = scale.get("latency_ms_p99")
    listing = segment.get("listing_000", {})
    transcripts = segment.get("transcripts_001_004", {})
    rows = [
        ("Repair: word error rate of `002` vs. gold, raw → repaired",
         f"{_percent(wer_raw)} → {_percent(wer_fixed)}", "≤ 0.5 %",
         _verdict(None if wer_fixed is None else wer_fixed <= 0.005)),
        ("Repair of the clean gold changes nothing", str(repair.get("gold_unchanged")), "True",
         _verdict(repair.get("gold_unchanged"))),
        ("Segmentation `000`: entries with exact boundaries",
         f"{listing.get('exact_boundaries')} / {listing.get('entries_gold')}", "all",
         _verdict(listing.get("exact_boundaries") == listing.get("entries_gold"))),
        ("Segmentation `001`+`004`: related entries, exact boundaries",
         f"{transcripts.get('related_exact_boundaries')} / {transcripts.get('related_gold')}",
         "all",
         _verdict(transcripts.get("related_exact_boundaries") == transcripts.get("related_gold"))),
        ("Segmentation `001`+`004`: main documents with the right title",
         f"{transcripts.get('main_found_with_gold_title')} / {transcripts.get('main_gold')}",
         "all",
         _verdict(transcripts.get("main_found_with_gold_title") == transcripts.get("main_gold"))),
        ("Search nDCG@10 (dev queries): ours vs. classic Danish analyzer",
         f"{ours} vs. {baseline} (+{_get(search, 'difference.ndcg@10')})",
         "≥ +0.10 (spine), ≥ +0.15 (search)",
         _verdict(None if ours is None or baseline is None else ours - baseline >= 0.15)),
        ("Ingest, text-layer PDFs (`--jobs 1`: one limited parsing worker beside the filing "
         "process) vs. raw pypdfium2 (pages/s)",
         f"{ingest.get('pipeline_pages_per_s')} vs. {ingest.get('raw_pypdfium2_pages_per_s')}"
         f" = {ratio}", "≥ 0.5", _verdict(None if ratio is None else ratio >= 0.5)),
        ("Ingest as above, 2 parsing workers (`--jobs 2`)",
         f"{ingest.get('pipeline_jobs2_pages_per_s')} pages/s = "
         f"{ingest.get('pipeline_jobs2_vs_raw')} of raw", "≥ 0.5",
         _verdict(None if ingest.get("pipeline_jobs2_vs_raw") is None
                  else ingest["pipeline_jobs2_vs_raw"] >= 0.5)),
        ("Ingest benchmark: peak memory", f"{ingest.get('peak_rss_mb')} MB", "–", "–"),
        ("Ingest, where the time goes: seconds per 1,000 pages by stage (one process, cold)",
         ", ".join(f"{stage} {value}" for stage, value in
                   (ingest.get("stage_seconds_per_1000_pages") or {}).items())
         + f"; raw pypdfium2 alone {ingest.get('raw_seconds_per_1000_pages')}", "–", "–"),
        ("Repair of the sample PDFs with lost ligatures (single-space gaps), WER raw → repaired",
         f"{_percent(_get(repair, 'samples_lost_ligatures.wer_raw'))} → "
         f"{_percent(_get(repair, 'samples_lost_ligatures.wer_repaired'))}", "–", "–"),
        ("Bad input: a single-line text of ~50 MB, repair time",
         f"{repair.get('single_line_seconds')} s for {repair.get('single_line_mb')} MB", "bounded",
         _verdict(None if repair.get("single_line_seconds") is None else True)),
        (f"Index build, one core: {scale.get('passages', 0):,} passages "
         f"({scale.get('raw_text_mb')} MB of text)",
         f"{scale.get('build_seconds')} s = {scale.get('passages_per_second')} passages/s "
         f"({scale.get('raw_mb_per_second')} MB/s); peak {scale.get('build_peak_rss_mb')} MB",
         "–", "–"),
        ("Index size as a share of the raw text (UTF-8)",
         f"{scale.get('index_mb')} MB = {scale.get('index_vs_raw_text')}", "≤ 0.5",
         _verdict(None if scale.get("index_vs_raw_text") is None
                  else scale["index_vs_raw_text"] <= 0.5)),
        (f"Search latency, {scale.get('queries')} mixed queries over "
         f"{scale.get('passages', 0):,} passages, p50 / p99",
         f"{scale.get('latency_ms_p50')} ms / {p99} ms", "p50 ≤ 5 ms, p99 ≤ 50 ms",
         _verdict(None if p99 is None else p99 <= 50 and scale["latency_ms_p50"] <= 5)),
        ("Raw tantivy on the same compiled queries (top 10 passages), p50 / p99",
         f"{scale.get('raw_tantivy_ms_p50')} ms / {scale.get('raw_tantivy_ms_p99')} ms; "
         f"ours/raw at p50 = {scale.get('ours_vs_raw_p50')}", "–", "–"),
        ("Search benchmark: peak memory (index build and queries, texts held for snippets)",
         f"{scale.get('peak_rss_mb')} MB", "–", "–"),
    ]
    rows += _understanding_rows(results)
    rows += _portal_rows(results)
    lines = ["| what | measured | goal | met |", "|---|---|---|---|"]
    lines += [f"| {what} | {measured} | {goal} | {met} |" for what, measured, goal, met in rows]
    return lines


def _portal_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    subjects = results.get("eval_subjects", {})
    web = results.get("bench_web", {})
    portal = results.get("eval_portal", {})
    rows: list[tuple[str, str, str, str]] = []
    if subjects:
        rows.append((
            "Subject areas: dev documents with an area; hand-labelled titles, main area right / F1",
            f"{_get(subjects, 'coverage.dev_docs')}; "
            f"{_get(subjects, 'agreement_title_only.primary')} / "
            f"{_get(subjects, 'agreement_title_only.f1')} "
            f"(n = {_get(subjects, 'agreement_title_only.n')})", "–", "–"))
    workers = sorted(key for key in web if key.startswith("workers_"))
    if workers:
        best = web[workers[-1]]
        cached = ", ".join(
            f"{name} {best[name]['latency_ms_p95']} ms" for name in ("register", "policy", "search")
            if name in best
        )
        rows.append((
            f"Portal under load ({web.get('connections')} connections, "
            f"{workers[-1].removeprefix('workers_')} workers): p95 of register, policy, search",
            cached, "p95 ≤ 100 ms", _verdict(web.get("goal_met"))))
        if "search_uncached" in best:
            uncached = best["search_uncached"]
            rows.append((
                "Portal: searches never seen before (no response cache), p50 / p95, requests/s",
                f"{uncached['latency_ms_p50']} ms / {uncached['latency_ms_p95']} ms, "
                f"{uncached['requests_per_second']}/s", "–", "–"))
    ocr = results.get("bench_ocr", {})
    if ocr.get("tesseract-300dpi"):
        direct = ocr["tesseract-300dpi"]
        compared = ocr.get("ocrmypdf-sidecar")
        versus = (
            f"; OCRmyPDF {compared['speed_vs_tesseract_300dpi']}× the speed" if compared else ""
        )
        rows.append((
            f"OCR of scanned pages (Tesseract, Danish, 300 dpi, one core, "
            f"{ocr.get('pages')} pages)",
            f"{direct['pages_per_cpu_s']} pages per CPU-second, "
            f"word recall {direct['word_recall']}{versus}",
            "–", "–"))
    if portal:
        rows.append((
            "Portal: axe-core WCAG 2.1 A/AA violations over every page type",
            f"{portal.get('axe_violations')} on {portal.get('axe_page_types')} page types",
            "0", _verdict(portal.get("axe_violations") == 0)))
        rows.append((
            "Portal: key journeys in Chromium without JavaScript (Playwright)",
            f"{portal.get('journeys_passed')} / {portal.get('journeys')} pass",
            "all", _verdict(portal.get("journeys_passed") == portal.get("journeys"))))
    rows += _cluster_rows(results)
    rows += _fault_rows(results)
    return rows


def _fault_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    faults = results.get("bench_faults", {})
    rows: list[tuple[str, str, str, str]] = []
    for backend, run in (faults.get("kill_ingest") or {}).items():
        rows.append((
            f"`ingest` killed with SIGKILL at a random moment, then run again ({backend}, "
            f"{faults.get('files')} files)",
            f"{run['whole_afterwards']} / {run['trials']} registers whole and equal to a "
            f"never-killed run ({run['killed_mid_run']} cut off mid-run); the finishing run "
            f"{run['finishing_run_median_s']} s vs. {run['clean_run_s']} s clean",
            "all", _verdict(run["whole_afterwards"] == run["trials"])))
    for backend, run in (faults.get("kill_serve") or {}).items():
        rows.append((
            f"`serve` killed with SIGKILL during a background job, then restarted ({backend})",
            f"{run['whole_afterwards']} / {run['trials']} jobs finished whole after the "
            f"restart; restart to done {run['restart_to_done_median_s']} s (of which the "
            f"service's start {run['of_which_service_start_s']} s) vs. "
            f"{run['uninterrupted_job_s']} s for a job never cut off",
            "all", _verdict(run["whole_afterwards"] == run["trials"])))
    hostile = faults.get("hostile") or {}
    limits = hostile.get("limits") or {}
    cases = {name: case for name, case in hostile.items() if isinstance(case, dict)
             and "status" in case}
    if cases:
        shown = "; ".join(
            f"{name}: {case['status']} in {case['seconds']} s" for name, case in cases.items()
        )
        kept_going = all(case["good_files_filed"] == 2 for case in cases.values())
        rows.append((
            f"Hostile files, each with two good files after it (limits "
            f"{limits.get('memory')}, {limits.get('seconds')} s per file)",
            f"{shown}; the good files filed every time: {_verdict(kept_going)}",
            "batch goes on", _verdict(kept_going)))
    fuzz = results.get("fuzz_pipeline") or {}
    if fuzz:
        runs = "; ".join(
            f"{target}: {run['runs']} inputs in {run['seconds']} s, {run['findings']} findings"
            for target, run in fuzz.items() if isinstance(run, dict) and "runs" in run
        )
        clean = all(run.get("findings") == 0 for run in fuzz.values() if isinstance(run, dict))
        rows.append((
            "Coverage-guided fuzzing (atheris) of the pipeline on files of every format, and "
            "of repair, segmentation and analysis on text; findings are kept in "
            "`tests/fuzz_cases/`", runs, "0 findings", _verdict(clean)))
    return rows


def _cluster_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    cluster = results.get("bench_cluster", {})
    rows: list[tuple[str, str, str, str]] = []
    for kind, label in (("text", "text-layer PDFs"), ("scanned", "scanned PDFs (OCR)")):
        runs = cluster.get(kind) or {}
        if not runs:
            continue
        measured = "; ".join(
            f"{workers}: {run['pages_per_second']} pages/s, efficiency {run['efficiency']} "
            f"({run.get('pages_per_worker_cpu_second')} pages per worker CPU-s)"
            for workers, run in sorted(runs.items(), key=lambda item: int(item[0]))
        )
        # With scans the filing process mostly waits; its rate means something for text.
        filing = runs.get("1", {}).get("pages_per_filing_cpu_second")
        if kind == "text" and filing is not None:
            measured += f"; the filing process: {filing} pages per CPU-s"
        rows.append((
            f"Ingest on a Dask LocalCluster, {label}, by worker processes "
            f"({cluster.get(f'{kind}_pages')} pages, {cluster.get('cores')} cores)",
            measured, "–", "–"))
    return rows


# (label, key in eval_analyse's dev_figures, goal as a fraction, "accuracy" or "F1")
_ANALYSE_GOALS = (
    ("adoption date", "adopted_date_f1", 0.98, "F1"),
    ("adopting body", "adopted_by_f1", 0.98, "F1"),
    ("document type", "doc_type_accuracy", 0.98, "accuracy"),
    ("title", "title_f1", 0.95, "F1"),
    ("legal references", "law_refs_f1", 0.9, "F1"),
    ("replaces", "replaces_f1", 0.9, "F1"),
    ("based on", "based_on_f1", 0.9, "F1"),
    ("read with (related_to)", "related_to_f1", 0.9, "F1"),
)


def _understanding_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    figures = _get(results, "eval_analyse.dev_figures", {}) or {}
    rows = []
    for label, key, goal, measure in _ANALYSE_GOALS:
        figure = figures.get(key) or {}
        ours, baseline = figure.get("ours"), figure.get("baseline_dateparser")
        shown = f"{ours}" + (f" (dateparser baseline {baseline})" if baseline != "–" else "")
        rows.append((f"Analyse, dev labels: {label} {measure}", shown, f"≥ {goal}",
                     _verdict(None if ours is None else ours >= goal)))
    headings = _get(results, "eval_sections.headings", {}) or {}
    enumerations = _get(results, "eval_sections.enumerations", {}) or {}
    rows.append((
        "Sections, dev: heading precision / recall; enumerations found exactly",
        f"{headings.get('precision')} / {headings.get('recall')}; "
        f"{enumerations.get('found_exact')} / {enumerations.get('gold_lists')}",
        "–", "–",
    ))
    return rows


def render(results: dict[str, Any], machine: str, quick: bool) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks",
        "",
        f"Produced by `{COMMAND}` on {stamp} ({machine}).",
        "All figures of one table come from one run; timings are medians over the",
        "repetitions the benchmark states. The machine is shared, so expect ±10 % between",
        "runs; ratios measured in one run are the figures to compare.",
    ]
    if quick:
        lines += ["", "**Quick run (reduced sizes): not the reference figures.**"]
    lines += ["", "## Summary", "", *_headline(results), "", *READING]
    for name, result in results.items():
        when = f", {result['_ran_at']}" if "_ran_at" in result else ""
        lines += ["", f"## {name}", "", f"`benchmarks/{name}.py` "
                  f"(ran {result.get('_wall_seconds', '?')} s{when})", "", "| figure | value |",
                  "|---|---|"]
        lines += [f"| {key} | {value} |" for key, value in _flatten(result)]
    return "\n".join(lines) + "\n"
