"""The extractor depends only on the small core of the package, never on the glue around it.

`extract/` is shipped inside `dutygraph` (as `dutygraph.extract`), and the glue (`build`, the
query layer, the CLI) imports it. If the extractor imported the glue back, the two would grow into
one knot; this test reads every import statement of `extract/` and allows only the core modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = ROOT / "extract"
CORE = frozenset(
    {"dutygraph.namespace", "dutygraph.resources", "dutygraph.vocabulary", "dutygraph.errors"}
)


def imported_modules(source: str) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module != "dutygraph":
                modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def outside_core(modules: set[str]) -> set[str]:
    """The `dutygraph` modules a file imports that are neither the extractor nor the core."""
    ours = {m for m in modules if m == "dutygraph" or m.startswith("dutygraph.")}
    allowed = {m for m in ours if m.startswith("dutygraph.extract")}
    allowed |= {m for m in ours if any(m == c or m.startswith(c + ".") for c in CORE)}
    return ours - allowed


def test_the_extractor_imports_only_the_core() -> None:
    offenders = {
        path.relative_to(ROOT).as_posix(): sorted(found)
        for path in sorted(EXTRACT.rglob("*.py"))
        if (found := outside_core(imported_modules(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}


def test_the_contract_catches_an_import_of_the_glue() -> None:
    source = (
        "from dutygraph.sparql.run import run\nimport dutygraph.cli\nfrom dutygraph import build\n"
    )
    assert outside_core(imported_modules(source)) == {
        "dutygraph.sparql.run",
        "dutygraph.sparql.run.run",
        "dutygraph.cli",
        "dutygraph.build",
    }


def test_the_contract_allows_the_core_and_the_extractor() -> None:
    source = (
        "from dutygraph.namespace import DG\nfrom dutygraph.resources import extract_data\n"
        "from dutygraph.extract.ir import Span\nfrom dutygraph import errors\nimport re\n"
    )
    assert outside_core(imported_modules(source)) == set()
