"""User-facing errors: one line, exit status 2, never a traceback."""

from __future__ import annotations


class DutygraphError(Exception):
    """A problem with the user's input or arguments; ``str(error)`` is the one-line message."""
