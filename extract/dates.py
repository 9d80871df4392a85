"""Dates as the text gives them (``1982``, ``May 2001``, ``12 May 2027``), as ISO text of the
same precision, found with the lexicon's date patterns."""

from __future__ import annotations

from dutygraph.extract.lexicon import lexicon


def date_after(text: str, start: int, limit: int) -> str | None:
    """The first date the lexicon's date patterns find in ``text[start:limit]``, as ISO text."""
    return _date_after(text, start, limit)


def _date_after(text: str, start: int, limit: int) -> str | None:
    window = text[start : min(limit, start + 80)]
    for pattern in lexicon().date_patterns():
        match = pattern.search(window)
        if match is not None:
            return iso_date(match.groupdict())
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


def iso_date(parts: dict[str, str | None]) -> str:
    year, month, day = parts.get("year"), parts.get("month"), parts.get("day")
    if month and day:
        return f"{year}-{_MONTHS[month.lower()]:02d}-{int(day):02d}"
    if month:
        return f"{year}-{_MONTHS[month.lower()]:02d}"
    return str(year)
