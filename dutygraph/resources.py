"""Where the shipped data files live: the one module that knows.

The Turtle, SPARQL and corpus files sit in the card's top-level folders of a checkout and are
mapped into the package, so ``importlib.resources`` finds them the same way from a checkout,
an editable install and an installed wheel. The picture's page (HTML, CSS, JS) sits beside
its code in ``dutygraph/picture``.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

PACKAGE = "dutygraph"
DEFAULT_REPORT = "hrw-2002-invisible-exodus-summary.txt"


def _folder(name: str) -> Traversable:
    return files(f"{PACKAGE}.{name}")


def ontology_file() -> Traversable:
    return _folder("ontology") / "dutygraph.ttl"


def jsonld_context_file() -> Traversable:
    return _folder("ontology") / "context.jsonld"


def vocabulary_files() -> list[Traversable]:
    vocab = _folder("ontology") / "vocab"
    return sorted((f for f in vocab.iterdir() if f.name.endswith(".ttl")), key=lambda f: f.name)


def shape_file(level: str) -> Traversable:
    return _folder("shapes") / f"{level}.ttl"


def query_file(name: str) -> Traversable:
    return _folder("queries") / f"{name}.rq"


def query_files() -> list[Traversable]:
    folder = _folder("queries")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)


def rule_files() -> list[Traversable]:
    folder = _folder("queries") / "rules"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".ru")), key=lambda f: f.name)


def extract_data(name: str) -> Traversable:
    return _folder("extract") / "data" / name


def picture_file(name: str) -> Traversable:
    return _folder("picture") / name


def default_report() -> Traversable:
    return _folder("bundled") / DEFAULT_REPORT


def package_files(suffixes: tuple[str, ...]) -> list[Traversable]:
    """Every file of the package and its data folders with one of ``suffixes``, in name order."""
    found: list[Traversable] = []
    pending = [files(PACKAGE)]
    while pending:
        folder = pending.pop()
        for entry in folder.iterdir():
            if entry.is_dir() and entry.name != "__pycache__":
                pending.append(entry)
            elif entry.name.endswith(suffixes):
                found.append(entry)
    return sorted(found, key=lambda f: str(f))
