"""The citations stage: the data file proves its own examples, then table-driven cases."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dutygraph.extract.citations import (
    Pattern,
    find_citations,
    load_patterns,
    normalise_number,
)
from dutygraph.extract.ir import Citation
from dutygraph.resources import extract_data

PATTERNS = load_patterns()
EXPECTED_KINDS = {
    "treaty_series",
    "un_symbol",
    "resolution",
    "conclusion",
    "general_comment",
    "provision",
    "provision_paragraph",
    "section",
}


def _examples() -> list[tuple[Pattern, str]]:
    return [(p, example) for p in PATTERNS for example in p.examples]


def _non_examples() -> list[tuple[Pattern, str]]:
    return [(p, text) for p in PATTERNS for text in p.non_examples]


def _id(case: tuple[Pattern, str]) -> str:
    return f"{case[0].name}:{case[1][:30]}"


# ---------------------------------------------------------------- the data file


def test_data_file_lists_every_kind() -> None:
    assert {p.kind for p in PATTERNS} == EXPECTED_KINDS


def test_data_file_entries_have_the_schema_keys() -> None:
    raw = json.loads(extract_data("citations.json").read_text(encoding="utf-8"))
    for entry in raw["patterns"]:
        assert {"name", "kind", "regex", "flags", "description", "examples", "non_examples"} <= set(
            entry
        ), entry["name"]


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda p: p.name)
def test_pattern_has_examples_and_non_examples(pattern: Pattern) -> None:
    assert len(pattern.examples) >= 2
    assert len(pattern.non_examples) >= 1
    assert pattern.description


@pytest.mark.parametrize("case", _examples(), ids=_id)
def test_pattern_matches_its_example(case: tuple[Pattern, str]) -> None:
    pattern, example = case
    assert pattern.regex.search(example), example


@pytest.mark.parametrize("case", _non_examples(), ids=_id)
def test_pattern_does_not_match_its_non_example(case: tuple[Pattern, str]) -> None:
    pattern, text = case
    match = pattern.regex.search(text)
    assert match is None, match.group() if match else ""


@pytest.mark.parametrize("case", _examples(), ids=_id)
def test_example_is_found_by_its_own_pattern(case: tuple[Pattern, str]) -> None:
    pattern, example = case
    found = find_citations(example)
    assert any(c.pattern == pattern.name for c in found), found


def test_un_symbol_prefixes_match_the_regex() -> None:
    raw = json.loads(extract_data("citations.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in raw["patterns"] if e["name"] == "un_symbol"]
    regex = next(p.regex for p in PATTERNS if p.name == "un_symbol")
    for prefix in entry["prefixes"]:
        assert regex.fullmatch(f"{prefix}/X/1"), prefix


# ---------------------------------------------------------------- table-driven cases

Row = tuple[str, list[tuple[str, str, dict[str, str]]]]

ROWS: list[Row] = [
    # treaty series
    (
        "The Lake Fishing Convention,412 UNTS 77, entered into force in 1960.",
        [("treaty_series", "412 UNTS 77", {"volume": "412", "series": "UNTS", "page": "77"})],
    ),
    (
        "Its Protocol, 31 UST 4402, 812 U.N.T.S. 19, 1970.",
        [
            ("treaty_series", "31 UST 4402", {"volume": "31", "series": "UST", "page": "4402"}),
            ("treaty_series", "812 U.N.T.S. 19", {"volume": "812", "page": "19"}),
        ],
    ),
    ("The accord (19 U.S.T. 6223) binds.", [("treaty_series", "19 U.S.T. 6223", {})]),
    (
        "See 1144 U.N.T.S. 123 and 999 UNTS 171.",
        [
            ("treaty_series", "1144 U.N.T.S. 123", {"page": "123"}),
            ("treaty_series", "999 UNTS 171", {"volume": "999"}),
        ],
    ),
    (
        "The regional charter, ETS No. 5, and E.T.S. No. 9.",
        [
            ("treaty_series", "ETS No. 5", {"series": "ETS", "number": "5"}),
            ("treaty_series", "E.T.S. No. 9", {"number": "9"}),
        ],
    ),
    # UN symbols, including ones that end a sentence or precede a comma
    (
        "Committee, CCPR/C/VRN/2000/2, 4 May 2000.",
        [("un_symbol", "CCPR/C/VRN/2000/2", {"symbol": "CCPR/C/VRN/2000/2"})],
    ),
    ("It was noted in CCPR/CO/72/VRN.", [("un_symbol", "CCPR/CO/72/VRN", {})]),
    (
        "Agenda item 6 E/CN.4/Sub.2/2002/L.19.",
        [
            ("un_symbol", "E/CN.4/Sub.2/2002/L.19", {"symbol": "E/CN.4/Sub.2/2002/L.19"}),
        ],
    ),
    ("Draft E/CN.4/2003/L.11, adopted.", [("un_symbol", "E/CN.4/2003/L.11", {})]),
    ("Adopted as A/RES/60/251.", [("un_symbol", "A/RES/60/251", {"symbol": "A/RES/60/251"})]),
    (
        "Report A/HRC/25/63; see also A/56/10.",
        [
            ("un_symbol", "A/HRC/25/63", {}),
            ("un_symbol", "A/56/10", {}),
        ],
    ),
    (
        "Council text S/RES/1325 (2000) applies.",
        [
            ("un_symbol", "S/RES/1325 (2000)", {"symbol": "S/RES/1325 (2000)"}),
        ],
    ),
    ("(CRC/C/15/Add.88)", [("un_symbol", "CRC/C/15/Add.88", {})]),
    (
        "CAT/C/VRN/CO/4 and CEDAW/C/VRN/CO/2.",
        [
            ("un_symbol", "CAT/C/VRN/CO/4", {}),
            ("un_symbol", "CEDAW/C/VRN/CO/2", {}),
        ],
    ),
    (
        "E/C.12/1/Add.95, HCR/GIP/02/01 and EC/GC/01/8/Rev.1.",
        [
            ("un_symbol", "E/C.12/1/Add.95", {}),
            ("un_symbol", "HCR/GIP/02/01", {}),
            ("un_symbol", "EC/GC/01/8/Rev.1", {}),
        ],
    ),
    # resolutions
    (
        "Sub-Commission resolution 2001/16, 16 August 2001.",
        [
            ("resolution", "resolution 2001/16", {"number": "2001/16"}),
        ],
    ),
    (
        "by adopting Resolution 2003/10 and Resolution 2004/13 on",
        [
            ("resolution", "Resolution 2003/10", {"number": "2003/10"}),
            ("resolution", "Resolution 2004/13", {"number": "2004/13"}),
        ],
    ),
    (
        "recalling its resolutions 2003/10 and 2004/13, the body",
        [
            ("resolution", "resolutions 2003/10", {"number": "2003/10"}),
            ("resolution", "2004/13", {"number": "2004/13"}),
        ],
    ),
    (
        "Assembly resolution 217 A (III) and resolution 428 (V).",
        [
            ("resolution", "resolution 217 A (III)", {"number": "217 A (III)"}),
            ("resolution", "resolution 428 (V)", {"number": "428 (V)"}),
        ],
    ),
    (
        "Council resolution 1325 (2000) calls on parties.",
        [
            ("resolution", "resolution 1325 (2000)", {"number": "1325 (2000)"}),
        ],
    ),
    # conclusions, with the elliptical continuation
    (
        "Conclusion No. 22 covers mass arrivals, as does No. 85; No. 81 restates the mandate"
        " and the duty of hosts to admit people; and No. 91 stresses registration.",
        [
            ("conclusion", "Conclusion No. 22", {"number": "22"}),
            ("conclusion", "No. 85", {"number": "85"}),
            ("conclusion", "No. 81", {"number": "81"}),
            ("conclusion", "No. 91", {"number": "91"}),
        ],
    ),
    (
        "Conclusions No. 22 and No. 85 apply.",
        [
            ("conclusion", "Conclusions No. 22", {"number": "22"}),
            ("conclusion", "No. 85", {"number": "85"}),
        ],
    ),
    (
        "Conclusion No. 7 (XXVIII) applies. No. 3 of the agenda is next.",
        [
            ("conclusion", "Conclusion No. 7 (XXVIII)", {"number": "7", "session": "XXVIII"}),
        ],
    ),
    (
        "Conclusion No. 7 applies." + " x" * 150 + " and No. 9 too",
        [
            ("conclusion", "Conclusion No. 7", {"number": "7"}),
        ],
    ),
    (
        "General Comment No. 31 and General Recommendation No. 19.",
        [
            ("general_comment", "General Comment No. 31", {"number": "31"}),
            ("general_comment", "General Recommendation No. 19", {"number": "19"}),
        ],
    ),
    (
        "Conclusion No. 4 and General Comment No. 31, as does No. 6.",
        [
            ("conclusion", "Conclusion No. 4", {"number": "4"}),
            ("general_comment", "General Comment No. 31", {"number": "31"}),
            ("conclusion", "No. 6", {"number": "6"}),
        ],
    ),
    # provisions
    (
        "set out in Article 33 of the Lake Convention",
        [
            ("provision", "Article 33", {"article": "33"}),
        ],
    ),
    (
        "the Declaration of Oskar, article 13(2): everyone",
        [
            ("provision", "article 13(2)", {"article": "13(2)"}),
        ],
    ),
    (
        "Art. 33(1) and art. 13(2).",
        [
            ("provision", "Art. 33(1)", {"article": "33(1)"}),
            ("provision", "art. 13(2)", {"article": "13(2)"}),
        ],
    ),
    (
        "particularly Articles 31, 32, and 33 of such Convention;",
        [
            ("provision", "Articles 31", {"article": "31"}),
            ("provision", "32", {"article": "32"}),
            ("provision", "33", {"article": "33"}),
        ],
    ),
    ("Arts. 31-33 deal with presence.", [("provision", "Arts. 31-33", {"article": "31-33"})]),
    (
        "Article III, paragraph 5 of the Hosting Agreement",
        [
            ("provision", "Article III, paragraph 5", {"article": "III(5)"}),
        ],
    ),
    (
        "a refugee under Article 1A(2) or article 1, section A, of it",
        [
            ("provision", "Article 1A(2)", {"article": "1A(2)"}),
            ("provision", "article 1, section A", {"article": "1A"}),
        ],
    ),
    (
        "The benefit of paragraph 1 of this article lapses.",
        [
            ("provision_paragraph", "paragraph 1 of this article", {"paragraph": "1"}),
        ],
    ),
    (
        "to carry out section 7843 of this title; § 7843.",
        [
            ("section", "section 7843", {"section": "7843"}),
            ("section", "§ 7843", {"section": "7843"}),
        ],
    ),
    (
        "codified at sections 7841-7846 and section 101(a)(42).",
        [
            ("section", "sections 7841-7846", {"section": "7841-7846"}),
            ("section", "section 101(a)(42)", {"section": "101(a)(42)"}),
        ],
    ),
    # negatives
    ("This is our No. 1 priority.", []),
    ("The treaty of 1951 still stands.", []),
    ("Output fell to 2.9 million in 2000.", []),
    ("Less than 10% of the U.S.$258 million was pledged.", []),
    ("Concluding Observations/Comments of the panel", []),
    ("The house passed a resolution on June 11, 2002.", []),
    ("S/he and/or the A/B team", []),
]


def _shape(citation: Citation) -> tuple[str, str]:
    return citation.kind, citation.text


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[row[0][:40] for row in ROWS])
def test_find_citations_table(text: str, expected: list[tuple[str, str, dict[str, str]]]) -> None:
    found = find_citations(text)
    assert [_shape(c) for c in found] == [(kind, quote) for kind, quote, _ in expected]
    for citation, (_, _, fields) in zip(found, expected, strict=True):
        for name, value in fields.items():
            assert citation.field(name) == value, (citation, name)


def test_spans_quote_the_text() -> None:
    text = "Under Articles 31, 32 and 33 and resolutions 2003/10 and 2004/13."
    for citation in find_citations(text):
        assert citation.text == text[citation.span.start : citation.span.end]


def test_un_symbol_wins_over_resolution_words() -> None:
    found = find_citations("the Assembly resolution A/RES/60/251 set up the council")
    assert [(c.kind, c.text) for c in found] == [("un_symbol", "A/RES/60/251")]


def test_masked_markers_keep_offsets() -> None:
    text = "the norm in Article 33 of the Convention,  and its later practice"
    (citation,) = find_citations(text)
    assert citation.span.start == text.index("Article")


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("III, paragraph 5", "III(5)"),
        ("1, section A", "1A"),
        ("36 - 46", "36-46"),
        ("16 (1)", "16(1)"),
        ("2 to 5", "2-5"),
        ("101(a)(42)", "101(a)(42)"),
    ],
)
def test_normalise_number(raw: str, normal: str) -> None:
    assert normalise_number(raw) == normal


# ---------------------------------------------------------------- robustness

ADVERSARIAL = [
    "A/" * 5000,
    "A/1" * 3334,
    "-A" * 5000,
    "No. " * 2500,
    "Conclusion No. 1 " + "No. 2; " * 1420,
    "1" * 10000,
    "Articles 1, " + "1, " * 3330,
    "resolutions 1/1 and " + "2/2 and " * 1248,
    "section 1" + "(a)" * 3330,
    "E/CN.4" + "/Sub.2" * 1665,
    "189 " * 2500,
    ". No" * 2500,
]


@pytest.mark.parametrize("line", ADVERSARIAL, ids=lambda s: repr(s[:12]))
def test_adversarial_line_completes(line: str) -> None:
    for citation in find_citations(line):
        assert citation.text == line[citation.span.start : citation.span.end]


TOKEN_TEXT = (
    "Article |Articles |Art. |art. |section |§ |resolution |resolutions |Conclusion |"
    "Conclusions |No. |Nos. |General Comment |A/|E/CN.4/|CCPR/C/|RES/|UNTS |U.N.T.S. |ETS |"
    "1|22|1951|(2)| (III)|(2000)|A|L.19|, | and |; |. |.| |\n\n|-|paragraph |of this article|Rev.1"
)
TOKENS = st.sampled_from(TOKEN_TEXT.split("|"))


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_citations_are_sorted_disjoint_and_quoted(text: str) -> None:
    found = find_citations(text)
    for citation in found:
        assert citation.text == text[citation.span.start : citation.span.end]
        assert len(citation.span) > 0
    for left, right in itertools.pairwise(found):
        assert left.span.end <= right.span.start
