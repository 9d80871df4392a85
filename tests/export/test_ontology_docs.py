"""docs/ontology.html is pyLODE's page of ontology/dutygraph.ttl, up to date.

pyLODE lists the members of an owl:unionOf in no fixed order, so the page is compared as the
sorted list of its lines (any changed label, comment or term still changes a line).
Regenerate with ``python tests/export/test_ontology_docs.py`` (needs the docs extra).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph

from dutygraph.namespace import DG

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology" / "dutygraph.ttl"
PAGE = ROOT / "docs" / "ontology.html"
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?")


def ontology_page() -> str:
    try:
        from pylode import OntPub
    except ImportError:
        pytest.fail("pyLODE is missing: pip install -e '.[docs]'")
    return str(OntPub(ontology=str(ONTOLOGY), sort_subjects=True).make_html())


def normalised(page: str) -> list[str]:
    lines = (TIMESTAMP.sub("<time>", line).rstrip() for line in page.splitlines())
    return sorted(line for line in lines if line.strip())


def test_ontology_page_is_up_to_date() -> None:
    assert PAGE.is_file(), "docs/ontology.html is missing: see docs/README.md"
    fresh = ontology_page()
    assert normalised(PAGE.read_text(encoding="utf-8")) == normalised(fresh), (
        "docs/ontology.html is out of date: python tests/export/test_ontology_docs.py"
    )


def test_ontology_page_documents_every_term() -> None:
    ontology = Graph().parse(ONTOLOGY)
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {
        str(term).removeprefix(str(DG))
        for kind in kinds
        for term in ontology.subjects(RDF.type, kind)
        if str(term).startswith(str(DG))
    }
    anchors = {a.casefold() for a in re.findall(r'id="([^"]+)"', PAGE.read_text(encoding="utf-8"))}
    assert terms and not {t for t in terms if t.casefold() not in anchors}


if __name__ == "__main__":
    PAGE.write_text(ontology_page(), encoding="utf-8")
    sys.stdout.write(f"wrote {PAGE}\n")
