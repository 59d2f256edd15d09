"""Grouping by policy, facet counts and filters, on passages of real policy text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from politikbase.index import IndexDocument, SearchIndex
from politikbase.index.models import DRAFT, REPLACED, SearchFilters


@pytest.fixture(scope="module")
def index(seeds: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    health, disability = seeds["002"], seeds["003"]
    documents = [
        # One policy in three versions: the adopted 2019 text replaced the 2015 one;
        # a 2023 hearing draft is not yet in force.
        IndexDocument("health-2015", "Sundhedspolitik 2015-2018", health, "Glostrup Kommune",
                      "politik", policy_id="health", is_current=False, lifecycle=REPLACED,
                      due_date=date(2018, 12, 31), adopted_year=2015, subjects=["sundhed"]),
        IndexDocument("health-2019", "Sundhedspolitik 2019-2023", health, "Glostrup Kommune",
                      "politik", policy_id="health", is_current=True,
                      due_date=date(2023, 12, 31), adopted_year=2019, subjects=["sundhed"]),
        IndexDocument("health-draft", "Sundhedspolitik - høringsudkast", health,
                      "Glostrup Kommune", "politik", policy_id="health", is_current=False,
                      lifecycle=DRAFT, subjects=["sundhed"]),
        IndexDocument("disability", "Handicappolitik", disability, "Glostrup Kommune",
                      "politik", due_date=date(2027, 6, 30), adopted_year=2023,
                      subjects=["handicap", "sundhed"]),
        IndexDocument("strategy", "Forvaltningens strategiplan", seeds["001"],
                      "Lyngby-Taarbæk Kommune", "strategi", due_date=date(2026, 9, 1),
                      adopted_year=2013),
    ]
    built = SearchIndex(tmp_path_factory.mktemp("facets"))
    for document in documents:
        built.add(document)
    built.commit()
    return built


AS_OF = date(2026, 6, 1)


def counts(index: SearchIndex, query: str, facet: str, **filters: object) -> dict[str, int]:
    page = index.search_page(query, filters=SearchFilters(**filters), facets=True, as_of=AS_OF)
    return {count.value: count.count for count in page.facets[facet]}


def test_versions_are_one_hit_shown_by_the_current_version(index: SearchIndex) -> None:
    hits = index.search("sundhed", limit=10)
    health = [hit for hit in hits if hit.record_id.startswith("health")]
    assert len(health) == 1
    assert health[0].record_id == "health-2019" and health[0].is_current
    assert set(health[0].other_versions) == {"health-2015", "health-draft"}


def test_facets_count_policies_not_passages_or_versions(index: SearchIndex) -> None:
    page = index.search_page("sundhed", facets=True, as_of=AS_OF)
    assert page.total == 3  # health (three versions), disability, strategy
    organisations = {facet.value: facet.count for facet in page.facets["organisation"]}
    assert organisations == {"Glostrup Kommune": 2, "Lyngby-Taarbæk Kommune": 1}
    assert counts(index, "sundhed", "subject")["sundhed"] == 2
    assert counts(index, "sundhed", "type") == {"politik": 2, "strategi": 1}


def test_status_is_computed_as_of_the_day_asked(index: SearchIndex) -> None:
    statuses = counts(index, "sundhed", "status")
    # health-2019 overdue (due 2023), its 2015 version replaced, its hearing draft a
    # draft; the strategy is due within six months; the disability policy current.
    assert statuses == {"overdue": 1, "replaced": 1, "draft": 1, "due_soon": 1, "current": 1}
    earlier = index.search_page("sundhed", facets=True, as_of=date(2020, 1, 1))
    assert {f.value: f.count for f in earlier.facets["status"]}["current"] == 3


def test_status_and_year_filters(index: SearchIndex) -> None:
    overdue = index.search_page("sundhed", filters=SearchFilters(statuses=("overdue",)),
                                as_of=AS_OF)
    assert [hit.record_id for hit in overdue.hits] == ["health-2019"]
    soon = index.search_page("sundhed", filters=SearchFilters(statuses=("due_soon", "current")),
                             as_of=AS_OF)
    assert {hit.record_id for hit in soon.hits} == {"strategy", "disability"}
    recent = index.search("sundhed", filters=SearchFilters(adopted_from=2019))
    assert {hit.record_id for hit in recent} == {"health-2019", "disability"}
    exact = index.search("sundhed", filters=SearchFilters(years=(2013,)))
    assert [hit.record_id for hit in exact] == ["strategy"]


def test_a_filter_alone_lists_what_it_selects(index: SearchIndex) -> None:
    page = index.search_page("", filters=SearchFilters(municipalities=("Lyngby-Taarbæk Kommune",)))
    assert [hit.record_id for hit in page.hits] == ["strategy"]


def test_similar_leaves_out_the_policy_itself(index: SearchIndex, seeds: dict[str, str]) -> None:
    described = IndexDocument("health-2019", "Sundhedspolitik 2019-2023", seeds["002"],
                              "Glostrup Kommune", "politik", policy_id="health")
    similar = index.similar(described, other_organisations=False)
    assert similar and not any(hit.record_id.startswith("health") for hit in similar)
    elsewhere = index.similar(described, other_organisations=True)
    assert [hit.record_id for hit in elsewhere] == ["strategy"]


def test_paging(index: SearchIndex) -> None:
    first = index.search_page("sundhed", limit=2, as_of=AS_OF)
    second = index.search_page("sundhed", limit=2, offset=2, as_of=AS_OF)
    assert len(first.hits) == 2 and len(second.hits) == 1
    seen = [hit.record_id for hit in first.hits + second.hits]
    assert len(set(seen)) == 3


def test_synonyms_typing_errors_and_headings(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path)
    index.add(IndexDocument("mind", "Temaplan for psykisk sundhed",
                            "Planen handler om psykisk sundhed og trivsel for alle borgere."))
    index.add(IndexDocument("food", "Mad- og måltidspolitik",
                            "Politikken handler om sunde måltider i kommunens institutioner."))
    index.add(IndexDocument("sport", "Idrætspolitik", "Idræt og bevægelse for alle borgere."))
    index.add(IndexDocument(
        "plan", "Plan for kultur",
        "Indledning\nPlanen samler kulturlivet.\n\nBevægelse\nKultur og bevægelse hører sammen.",
        headings=["Indledning", "Bevægelse"],
    ))
    index.commit()
    assert index.search("mental sundhed")[0].record_id == "mind"
    assert index.search("kostpolitik")[0].record_id == "food"
    assert index.search("idrætspolitk")[0].record_id == "sport"  # a letter missing
    assert index.search("bevægelse")[0].record_id in {"sport", "plan"}
    assert "plan" in [hit.record_id for hit in index.search("bevægelse")]
