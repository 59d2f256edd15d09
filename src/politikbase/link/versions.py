"""Which documents are versions of one policy, or one document filed twice.

Two signals, each from a real measure:

* near-duplicate text: MinHash signatures of word 3-shingles, candidates found by
  locality-sensitive hashing (datasketch's MinHashLSH), so the work grows with the
  number of documents, not with its square;
* the policy's name: the same title key (draft markers and dates removed, words
  in base form) in the same organisation.

Documents of two different known organisations are never grouped: a policy
copied from a neighbour is the neighbour's policy, not a version of one's own.
Where an organisation is unknown on one side, the name alone is not enough and
the texts must also resemble each other.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from hashlib import sha1

import numpy as np
from datasketch import MinHash, MinHashLSH

from politikbase.link.names import title_key

NUM_PERM = 64
SHINGLE_WORDS = 3
# Enough text to tell documents apart; the signature of a long document needs no more.
SIGNATURE_CHARS = 20_000
# The same document twice (a repeated entry, a re-published file).
DUPLICATE_SIMILARITY = 0.6
# Same name, one organisation unknown: the texts must share this much.
SAME_NAME_SIMILARITY = 0.15
# At most this many documents of one name are compared text by text.
MAX_COMPARED = 50
# The bands and rows datasketch's MinHashLSH derives for DUPLICATE_SIMILARITY and
# NUM_PERM (by numerical integration, several milliseconds on every construction).
LSH_PARAMS = (10, 6)
_WORD = re.compile(r"\w+")
_SEED = 1
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
# datasketch's "affine32" scheme: each shingle's 32-bit SHA-1 prefix, mixed by the
# MurmurHash3 finalizer, then a * h + b (mod 2**32) per permutation. Computed here for
# all shingles at once in numpy; the values are datasketch's own.
_MULTIPLIERS = _PERMUTATIONS[0].astype(np.uint32)
_OFFSETS = _PERMUTATIONS[1].astype(np.uint32)
_FMIX_SHIFTS = (np.uint32(16), np.uint32(13), np.uint32(16))
_FMIX_MULTIPLIERS = (np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35))


@dataclass(slots=True)
class LinkDocument:
    """What linking needs to know of a register document."""

    id: str
    title: str
    municipality: str | None
    text: str
    # The stored signature (`signature_bytes` of the text), when the register has it.
    signature: bytes | None = None


def signature(text: str) -> MinHash:
    """The MinHash of the text's word 3-shingles (lower case)."""
    words = _WORD.findall(text[:SIGNATURE_CHARS].lower())
    if len(words) < SHINGLE_WORDS:
        shingles = {" ".join(words)}
    else:
        # The shifted lists run out together: one shingle per run of SHINGLE_WORDS words.
        shifted = (words[i:] for i in range(SHINGLE_WORDS))
        shingles = set(map(" ".join, zip(*shifted, strict=False)))
    # Shingles hold word characters and single spaces only, so they are encoded in one
    # call, parted at line breaks.
    encoded = "\n".join(shingles).encode("utf-8").split(b"\n")
    prefixes = b"".join([sha1(shingle).digest()[:4] for shingle in encoded])
    hashes = np.frombuffer(prefixes, dtype="<u4").astype(np.uint32)
    hashes = _fmix32(hashes)
    values = (hashes[:, np.newaxis] * _MULTIPLIERS + _OFFSETS).min(axis=0)
    return MinHash(
        seed=_SEED, hashvalues=values, permutations=_PERMUTATIONS, scheme=_SCHEME
    )


def signature_bytes(text: str) -> bytes:
    """The signature of a text in the compact form the register stores."""
    return signature(text).hashvalues.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return MinHash(seed=_SEED, hashvalues=values, permutations=_PERMUTATIONS, scheme=_SCHEME)


def _fmix32(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (arithmetic wraps modulo 2**32)."""
    first, second, third = _FMIX_SHIFTS
    hashes = (hashes ^ (hashes >> first)) * _FMIX_MULTIPLIERS[0]
    hashes = (hashes ^ (hashes >> second)) * _FMIX_MULTIPLIERS[1]
    return hashes ^ (hashes >> third)


class _Groups:
    """Union-find over document ids."""

    def __init__(self, ids: list[str]) -> None:
        self.parent = {identifier: identifier for identifier in ids}

    def find(self, identifier: str) -> str:
        root = identifier
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[identifier] != root:
            self.parent[identifier], identifier = root, self.parent[identifier]
        return root

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _compatible(first: LinkDocument, second: LinkDocument) -> bool:
    return (
        first.municipality is None
        or second.municipality is None
        or first.municipality == second.municipality
    )


def policy_groups(documents: list[LinkDocument]) -> dict[str, str]:
    """Each document id → the id of its policy (the smallest id in its group)."""
    by_id = {document.id: document for document in documents}
    groups = _Groups(list(by_id))
    signatures = {
        document.id: signature_from_bytes(document.signature)
        if document.signature is not None else signature(document.text)
        for document in documents
    }
    lsh = MinHashLSH(threshold=DUPLICATE_SIMILARITY, num_perm=NUM_PERM, params=LSH_PARAMS)
    for identifier, minhash in signatures.items():
        lsh.insert(identifier, minhash)
    for identifier, minhash in signatures.items():
        for other in lsh.query(minhash):
            if other == identifier or not _compatible(by_id[identifier], by_id[other]):
                continue
            if minhash.jaccard(signatures[other]) >= DUPLICATE_SIMILARITY:
                groups.union(identifier, other)
    by_name: dict[str, list[LinkDocument]] = defaultdict(list)
    for document in documents:
        key = title_key(document.title)
        if key:
            by_name[key].append(document)
    for named in by_name.values():
        _group_same_name(named, signatures, groups)
    return {identifier: groups.find(identifier) for identifier in by_id}


def _group_same_name(
    named: list[LinkDocument], signatures: dict[str, MinHash], groups: _Groups
) -> None:
    """Same name and organisation: one policy; organisation unknown: only if texts agree."""
    known: dict[str, list[LinkDocument]] = defaultdict(list)
    unknown: list[LinkDocument] = []
    for document in named:
        if document.municipality is None:
            unknown.append(document)
        else:
            known[document.municipality].append(document)
    for members in known.values():
        for member in members[1:]:
            groups.union(members[0].id, member.id)
    # A generic name ("Politik") can be shared by very many: compare a bounded number.
    others = [d for members in known.values() for d in members[:MAX_COMPARED]] + unknown
    for first in unknown[:MAX_COMPARED]:
        for second in others[: MAX_COMPARED * 4]:
            if second is first:
                continue
            if signatures[first.id].jaccard(signatures[second.id]) >= SAME_NAME_SIMILARITY:
                groups.union(first.id, second.id)
