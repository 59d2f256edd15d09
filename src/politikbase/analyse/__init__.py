"""Analysis: what a document is and what it states, each fact with its evidence.

`analyse_document` gives the analyse contract (`DocumentFacts.as_json()`);
`basic_facts` is the quick subset the ingest pipeline files every document under.
"""

from politikbase.analyse.basic import basic_facts
from politikbase.analyse.document import analyse_document
from politikbase.analyse.facts import DocumentFacts, Evidence

__all__ = ["DocumentFacts", "Evidence", "analyse_document", "basic_facts"]
