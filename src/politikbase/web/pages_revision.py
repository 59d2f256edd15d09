"""The revision dashboard (`/revision`): what is overdue and due soon, when policies were
adopted, and how old they are per type."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request, Response

from politikbase.web.charts import column_chart, stacked_bar_chart
from politikbase.web.pages_register import filter_rows, sort_rows
from politikbase.web.portal import portal_of
from politikbase.web.snapshot import PolicyRow

router = APIRouter(include_in_schema=False)

# Age bands in months: [low, high)
AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("Under 2 år", 0, 24), ("2–4 år", 24, 48), ("4–8 år", 48, 96), ("8 år og derover", 96, None),
)


def adoption_years(rows: list[PolicyRow]) -> list[tuple[str, int]]:
    """Policies adopted each year, every year from the first to the last (zeros kept)."""
    years = Counter(int(row.adopted_date[:4]) for row in rows if row.adopted_date)
    if not years:
        return []
    return [(str(year), years.get(year, 0)) for year in range(min(years), max(years) + 1)]


def age_bands_by_type(rows: list[PolicyRow]) -> list[tuple[str, list[int]]]:
    by_type: dict[str, list[int]] = {}
    for row in rows:
        if row.age_months is None or row.status in ("replaced", "draft"):
            continue
        counts = by_type.setdefault(row.doc_type, [0] * len(AGE_BANDS))
        for number, (_, low, high) in enumerate(AGE_BANDS):
            if row.age_months >= low and (high is None or row.age_months < high):
                counts[number] += 1
    return sorted(by_type.items())


@router.get("/revision")
def revision_page(request: Request, organisation: str = "") -> Response:
    portal = portal_of(request)
    snapshot = portal.snapshot()
    rows = filter_rows(snapshot.rows, organisation=organisation)
    years = adoption_years(rows)
    ages = age_bands_by_type(rows)
    where = f" i {organisation}" if organisation else ""
    years_chart = column_chart(
        "vedtagelsesaar", f"Vedtagne politikker pr. år{where}",
        "Søjlediagram over antal politikker vedtaget hvert år: "
        + ", ".join(f"{year}: {count}" for year, count in years if count) + ".",
        years,
    ) if years else None
    ages_chart = stacked_bar_chart(
        "alder", f"Gældende politikkers alder pr. type{where}",
        "Liggende søjler, en for hver type, delt efter alder: "
        + "; ".join(
            f"{doc_type}: " + ", ".join(
                f"{band[0].lower()} {count}" for band, count in zip(AGE_BANDS, counts, strict=True)
                if count)
            for doc_type, counts in ages
        ) + ".",
        ages, [band[0] for band in AGE_BANDS],
    ) if ages else None
    return portal.page(
        request, "revision.html", snapshot=snapshot, organisation=organisation,
        organisations=[(name, name) for name in snapshot.organisations()],
        overdue=sort_rows([row for row in rows if row.status == "overdue"], "revision"),
        due_soon=sort_rows([row for row in rows if row.status == "due_soon"], "revision"),
        undated=[row for row in rows if row.status == "unknown"],
        years=years, ages=ages, age_bands=[band[0] for band in AGE_BANDS],
        years_chart=years_chart, ages_chart=ages_chart,
    )
