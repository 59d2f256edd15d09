"""Which revision rule a document states, when more than one sentence has one."""

from politikbase.analyse import analyse_document


def test_revising_the_policy_wins_over_updating_figures() -> None:
    text = (
        "Klimaplan 2021-2025\n"
        "Tallene er opgjort med energiregnskabet og opdateres hvert år.\n"
        "Klimaplanen er vedtaget af Byrådet den 23. februar 2021. "
        "Planen revideres i 2025, hvor målene for den næste periode fastsættes.\n"
    )
    facts = analyse_document(text)
    assert facts.revision_rule == "revideres i 2025"
    [evidence] = facts.evidence["revision_rule"]
    assert text[evidence.start : evidence.end] == "revideres i 2025"


def test_an_update_rule_still_counts_when_it_is_the_only_one() -> None:
    text = (
        "Frivillighedsstrategi\n"
        "Strategien er vedtaget af Kommunalbestyrelsen den 11. marts 2015 "
        "og opdateres hvert andet år.\n"
    )
    assert analyse_document(text).revision_rule == "hvert andet år"
