from politikbase.danish.organisations import (
    MUNICIPALITIES,
    REGIONS,
    find_organisations,
    main_organisation,
    organisation_by_name,
)


def test_all_municipalities_and_regions_are_known() -> None:
    assert len(MUNICIPALITIES) == 98
    assert len(REGIONS) == 5
    assert len({m.name for m in MUNICIPALITIES}) == 98


def test_mentions_in_real_listing_page(seeds: dict[str, str]) -> None:
    assert main_organisation(seeds["000"]) == "Glostrup Kommune"


def test_spelling_variants_and_genitive() -> None:
    counts = find_organisations(
        "Århus Kommune og Lyngby Taarbæk Kommunes plan; Københavns Kommune; "
        "Bornholms Regionskommune; Region Midtjylland."
    )
    assert set(counts) == {
        "Aarhus Kommune", "Lyngby-Taarbæk Kommune", "Københavns Kommune",
        "Bornholms Regionskommune", "Region Midtjylland",
    }


def test_lookup_by_place_name() -> None:
    found = organisation_by_name("høje taastrup")
    assert found is not None and found.name == "Høje-Taastrup Kommune"
    assert organisation_by_name("Atlantis") is None


def test_unknown_municipality_named_repeatedly_is_kept() -> None:
    text = "Fjordby Kommune vil styrke frivilligheden. I Fjordby Kommune samarbejder vi."
    assert main_organisation(text) == "Fjordby Kommune"
    assert main_organisation("Den enkelte kommune bestemmer selv.") is None
