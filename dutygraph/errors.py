"""User-facing errors: one line, exit status 2, never a traceback (the CLI's
``commands.options.user_errors`` prints them)."""

from __future__ import annotations


class DutygraphError(Exception):
    """A problem with the user's input or arguments; ``str(error)`` is the one-line message."""


def one_line(error: BaseException) -> str:
    """An exception's message on one line, at most 200 characters (for a DutygraphError)."""
    return " ".join(str(error).split())[:200]
