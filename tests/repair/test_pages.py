"""Page furniture: page numbers, running headers and footers, with and without pages."""

from __future__ import annotations

from politikbase.repair import repair_pages, repair_text

BODY = [
    (
        "Kommunen vil sikre, at alle borgere har lige muligheder for at deltage i\n"
        "fællesskabet, og at de tilbud, som kommunen giver, er til at finde og\n"
        "forstå. Derfor samarbejder forvaltningerne på tværs, og de frivillige\n"
        "foreninger inddrages tidligt i arbejdet med nye indsatser og tilbud.\n"
    ),
    (
        "Politikken gælder for alle fagområder og bliver fulgt op hvert år, så\n"
        "kommunalbestyrelsen kan se, om målene nås, og om der skal ændres på\n"
        "indsatserne. Opfølgningen sker i samarbejde med Handicaprådet, som\n"
        "giver sine råd og bemærkninger til de handleplaner, der laves.\n"
    ),
    (
        "Handleplanerne beskriver de konkrete aktiviteter, hvem der har ansvaret\n"
        "for dem, og hvornår de skal være gennemført. De offentliggøres på\n"
        "kommunens hjemmeside, så alle kan følge med i, hvordan det går med\n"
        "arbejdet, og hvad der er sket siden sidste opfølgning.\n"
    ),
]


def _pages() -> list[str]:
    return [
        f"Handicappolitik 2016-2020\n\n{body}\n\nSide {number} af 3\n"
        for number, body in enumerate(BODY, start=1)
    ]


def test_running_headers_and_page_numbers_are_removed_per_page() -> None:
    result = repair_pages(_pages())
    assert "Handicappolitik 2016-2020" not in result.text
    assert "Side" not in result.text
    kinds = sorted(change.kind for change in result.changes if change.after == "")
    assert kinds == ["page-number"] * 3 + ["running-header"] * 3
    assert result.text.startswith("Kommunen vil sikre")
    assert result.text.count("\n\n") == 2  # three paragraphs


def test_page_starts_point_at_each_page_text() -> None:
    result = repair_pages(_pages())
    assert len(result.page_starts) == 3
    starts = [result.text[start : start + 20] for start in result.page_starts]
    assert starts == ["Kommunen vil sikre, ", "Politikken gælder fo", "Handleplanerne beskr"]


def test_a_paragraph_and_a_word_run_on_across_pages() -> None:
    pages = [
        "Rapport om trivsel\n\nKommunen vil gøre en særlig indsats for de borgere, der har\n"
        "behov for hjælp, og den vil sikre, at hjælpen gives i tide og på en måde, der\n"
        "passer til den enkelte og til familien, og som tager udgangspunkt i sundheds-\n"
        "\n7\n",
        "Rapport om trivsel\n\nområdets erfaringer med forebyggelse og tidlig indsats i\n"
        "hele kommunen, så alle får de samme muligheder for at leve et godt liv.\n"
        "\n8\n",
    ]
    result = repair_pages(pages)
    assert "tager udgangspunkt i sundhedsområdets erfaringer" in result.text
    assert "\n" not in result.text.strip()
    second = result.page_starts[1]
    assert result.text[second:].startswith("områdets erfaringer")


def test_change_positions_refer_to_the_pages_joined_by_newlines() -> None:
    pages = _pages()
    joined = "\n".join(pages)
    for change in repair_pages(pages).changes:
        assert joined[change.position : change.position + len(change.before)] == change.before


def test_pages_of_clean_text_keep_their_lines() -> None:
    pages = ["Forord\nDet første afsnit.\nDet andet afsnit.", "Bilag\nEn liste.\n2"]
    result = repair_pages(pages)
    assert result.text == "Forord\nDet første afsnit.\nDet andet afsnit.\nBilag\nEn liste."
    assert result.page_starts == [0, len("Forord\nDet første afsnit.\nDet andet afsnit.\n")]


def test_without_pages_a_lone_number_between_blank_lines_is_a_page_number() -> None:
    text = "".join(
        f"{body}\nSundhedspolitik for Glostrup Kommune\n\n\n\n{number}\n\n"
        for number, body in enumerate(BODY, start=4)
    )
    result = repair_text(text)
    assert "Sundhedspolitik for Glostrup Kommune" not in result.text
    assert not any(line.strip().isdigit() for line in result.text.split("\n"))
    assert result.page_starts == []


def test_a_repeated_heading_inside_the_text_is_not_a_footer(seeds: dict[str, str]) -> None:
    # Seed 003 repeats "Derfor" and "Det er vores mål, at" under every principle.
    lines = repair_text(seeds["003"]).text.split("\n")
    assert lines.count("Derfor") >= 8
    assert lines.count("Det er vores mål, at") >= 8
