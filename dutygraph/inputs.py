"""Which files of the folders given are reports to read, and why the others are not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dutygraph.errors import DutygraphError

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str

    def to_text(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class Inputs:
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()


def walk(inputs: Sequence[Path]) -> Inputs:
    """Files given (always read), and the reports under folders given (each folder sorted);
    every other file under a folder is named with the reason it is not read."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for path in inputs:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                reason = why_not(found.relative_to(path))
                if reason is None:
                    files.append(found)
                else:
                    skipped.append(Skipped(found, reason))
        elif path.exists():
            files.append(path)
        else:
            raise DutygraphError(f"{path}: no such file or folder")
    return Inputs(tuple(files), tuple(skipped))


def reports_in(inputs: Sequence[Path]) -> Inputs:
    """``walk``, refusing inputs that hold no report at all: nothing to build is an error."""
    found = walk(inputs)
    if inputs and not found.files:
        named = ", ".join(str(path) for path in inputs)
        raise DutygraphError(
            f"{named}: a directory with no reports in it (read: {', '.join(REPORT_SUFFIXES)})"
        )
    return found


def why_not(relative: Path) -> str | None:
    """Why a file found in a folder is not read as a report (None: it is read)."""
    if any(part.startswith(".") for part in relative.parts):
        return "hidden"
    if relative.name.startswith("~$"):
        return "a Word lock file, not a document"
    suffix = relative.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        return f"not a report format ({suffix or 'no suffix'}; read: {', '.join(REPORT_SUFFIXES)})"
    return None
