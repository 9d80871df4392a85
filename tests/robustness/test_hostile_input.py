"""Bad and hostile input: a clear answer, no crash, no pathological time, nothing half-written."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from dutygraph.build import build
from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.limits import time_limit
from dutygraph.namespace import DG
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource
from dutygraph.validate import validate

SENTENCE = "Freedonia should release all detainees. "
HOSTILE: dict[str, bytes] = {
    "control characters": ("Freedonia\x07 should\x1b release\x0b detainees.\x0c " * 50).encode(),
    "lone surrogate bytes": b"Freedonia should \xed\xa0\x80 release detainees.",
    "ten-thousand-character line": (SENTENCE * 250).encode(),
    "nested parentheses": ("(" * 5000 + "Freedonia should act" + ")" * 5000).encode(),
    "nested quotes": ('"' * 4000 + "Freedonia should act" + '"' * 4000).encode(),
    "modal storm": ("should shall must not " * 2500).encode(),
    "digits glued to words": ("Article1,2.3;4 No.5 " * 1000).encode(),
    "slashes like symbols": ("A/" * 5000 + " should act").encode(),
    "html with script": b"<html><body><p>Freedonia should <script>alert(1)</script> act.</p>",
}
DECODINGS: dict[str, tuple[bytes, str]] = {
    "utf-16 with BOM": (
        "Freedonia should release \u201cdetainees\u201d.".encode("utf-16"),
        "\u201c",
    ),
    "cp1252 smart quotes": (
        "Freedonia should release \u201cdetainees\u201d.".encode("cp1252"),
        "\u201c",
    ),
    "latin-1": ("Freedonia should r\u00e9lease d\u00e9tainees.".encode("latin-1"), "\u00e9"),
    "mixed line endings": (
        b"To Freedonia:\r\n\r\n- Release detainees.\r- Allow monitors.\n",
        "Allow",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_builds_within_two_seconds_and_conforms(name: str, tmp_path: Path) -> None:
    source = tmp_path / "hostile.txt"
    source.write_bytes(HOSTILE[name])
    with time_limit(2.0):
        built = build([source])
    assert validate(built.dataset).conforms


@pytest.mark.parametrize("name", sorted(DECODINGS))
def test_encodings_decode_and_offsets_count_code_points(name: str, tmp_path: Path) -> None:
    data, expected = DECODINGS[name]
    source = tmp_path / "encoded.txt"
    source.write_bytes(data)
    built = build([source])
    document = built.extractions[0].document
    assert expected in document.text
    assert "\r" not in document.text.replace("\r\n", "\n")  # CRLF kept, a lone CR read as LF
    for statement in built.extractions[0].statements:
        assert document.text[statement.span.start : statement.span.end]


def test_the_decoding_is_recorded_on_the_document_node(tmp_path: Path) -> None:
    source = tmp_path / "smart.txt"
    source.write_bytes("Freedonia should act \u201cnow\u201d.".encode("cp1252"))
    built = build([source])
    formats = [str(o) for o in built.dataset.objects(None, _dcterms_format())]
    assert any("cp1252" in value for value in formats)


def _dcterms_format() -> object:
    from rdflib.namespace import DCTERMS

    return DCTERMS.format


SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def test_a_query_that_runs_too_long_is_stopped(tmp_path: Path) -> None:
    # In a process of its own: the engine's thread cannot be cancelled, only ended with it.
    query = tmp_path / "slow.rq"
    query.write_text(SLOW_QUERY)
    command = [sys.executable, "-c", "from dutygraph.cli import main; main()"]
    started = time.monotonic()
    done = subprocess.run(
        [*command, "query", str(query), "--timeout", "0.5"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "dutygraph: query stopped after 0.5 s (raise --timeout to wait longer)"
    ]
    assert time.monotonic() - started < 30


def test_the_reference_engine_is_stopped_too(tmp_path: Path) -> None:
    graph = Graph()
    for index in range(200):
        graph.add((URIRef(f"urn:example:{index}"), RDFS.label, Literal(str(index))))
    query = tmp_path / "slow.rq"
    query.write_text(SLOW_QUERY)
    with pytest.raises(DutygraphError, match=r"stopped after 0\.3 s"), time_limit(0.3):
        run(MemorySource(graph, engine="rdflib"), str(query))


@pytest.mark.parametrize(
    "args",
    [
        ["buidl"],
        ["build", "--format", "xx"],
        ["build", "--no-such-option"],
        ["validate"],
        ["validate", "--level", "extreme", "x.ttl"],
        ["query", "duties", "--format", "yaml"],
        ["duties", "--kind", "sacred"],
        ["explain"],
        ["query", "duties", "--timeout", "soon"],
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("dutygraph:")
    assert "Traceback" not in result.output


def test_turtle_breaking_text_survives_a_round_trip(tmp_path: Path) -> None:
    source = tmp_path / "quotes.txt"
    source.write_text(
        'Norway should publish """all""" records of the "A \\ B" register.\n\n'
        "Sweden should release <script>alert(1)</script> detainees.\n"
    )
    out = tmp_path / "g.trig"
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    parsed = Dataset(default_union=True)
    parsed.parse(out, format="trig")
    actions = {str(o) for o in parsed.objects(None, DG.action)}
    assert any('"""all"""' in a and "\\" in a for a in actions), actions
    assert any("<script>" in a for a in actions), actions


def test_a_full_disk_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle: int, mode: str) -> None:
            self.stream = real_fdopen(handle, mode)

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("dutygraph.rdfio.os.fdopen", FullDisk)
    out = tmp_path / "graph.ttl"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 2
    assert "No space left on device" in result.output
    assert list(tmp_path.iterdir()) == []
