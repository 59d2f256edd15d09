"""Versions and near-duplicates: the related-document lists of the real transcripts."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from datasketch import MinHash, MinHashLSH

from politikbase.link import LinkDocument, policy_groups
from politikbase.link.names import name_keys, title_key
from politikbase.link.versions import (
    DUPLICATE_SIMILARITY,
    LSH_PARAMS,
    NUM_PERM,
    SIGNATURE_CHARS,
    signature,
    signature_bytes,
    signature_from_bytes,
)


@pytest.fixture(scope="module")
def related(shared: Path) -> tuple[list[LinkDocument], dict[str, str]]:
    """The related-document entries of 001 and 004 as documents, and their groups."""
    dev = shared / "eval" / "dev"
    documents = [
        LinkDocument(row["id"], row["title"] or "", row.get("municipality"), row["text"])
        for row in map(json.loads, (dev / "docs.jsonl").read_text(encoding="utf-8").splitlines())
        if row["id"].startswith(("s001-r", "s004-r"))
    ]
    return documents, policy_groups(documents)


def test_the_same_entry_twice_is_one_document(
    related: tuple[list[LinkDocument], dict[str, str]],
) -> None:
    documents, groups = related
    by_text: dict[tuple[str, str], list[str]] = defaultdict(list)
    for document in documents:
        by_text[(document.title, " ".join(document.text.split()[:40]))].append(document.id)
    repeated = [ids for ids in by_text.values() if len(ids) > 1]
    assert len(repeated) >= 5
    for ids in repeated:
        assert len({groups[identifier] for identifier in ids}) == 1, ids


def test_draft_and_adopted_versions_are_one_policy(
    related: tuple[list[LinkDocument], dict[str, str]],
) -> None:
    documents, groups = related
    drafts = [d for d in documents if d.title.lower().startswith("udkast") and d.municipality]
    assert drafts
    for draft in drafts:
        key = title_key(draft.title)
        adopted = [
            d for d in documents
            if d is not draft and d.municipality == draft.municipality
            and title_key(d.title) == key
        ]
        for other in adopted:
            assert groups[other.id] == groups[draft.id], (draft.title, other.title)
    grouped = defaultdict(set)
    for document in documents:
        grouped[groups[document.id]].add(document.municipality)
    # Two known organisations never share a policy.
    assert all(len(places - {None}) <= 1 for places in grouped.values())


def test_different_organisations_keep_their_own_policy() -> None:
    text = "Børne- og ungepolitikken sætter mål for trivsel, læring og sundhed for alle børn."
    documents = [
        LinkDocument("a", "Børne- og Ungepolitik", "Aalborg Kommune", text),
        LinkDocument("b", "BØRNE- OG UNGEPOLITIK", "Varde Kommune", text),
        LinkDocument("c", "Udkast til Børne- og ungepolitik 2019", "Aalborg Kommune", "Andet."),
    ]
    groups = policy_groups(documents)
    assert groups["a"] == groups["c"] != groups["b"]


def test_name_keys_are_inflection_and_case_blind() -> None:
    assert name_keys("indkøbspolitikken") & name_keys("Indkøbspolitik")
    assert name_keys("Børne- og ungepolitikken") & name_keys("BØRNE- OG UNGEPOLITIK")
    assert title_key("UDKAST: Frederiksbergs Frivillighedsstrategi") == title_key(
        "Frederiksbergs Frivillighedsstrategi april 2013"
    )


def test_signature_is_datasketchs_minhash(seeds: dict[str, str]) -> None:
    for text in (seeds["002"], "to ord", ""):
        words = re.findall(r"\w+", text[:SIGNATURE_CHARS].lower())
        shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
        expected = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
        expected.update_batch([shingle.encode("utf-8") for shingle in shingles])
        assert (signature(text).hashvalues == expected.hashvalues).all()


def test_lsh_params_are_datasketchs_own() -> None:
    lsh = MinHashLSH(threshold=DUPLICATE_SIMILARITY, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == LSH_PARAMS


def test_stored_signature_stands_for_the_text() -> None:
    text = "Handicappolitikken gælder for alle borgere med handicap og revideres hvert år."
    stored = signature_from_bytes(signature_bytes(text))
    assert stored == signature(text)
    assert stored.jaccard(signature(text + " Tilføjet sætning om tilgængelighed.")) < 1.0
