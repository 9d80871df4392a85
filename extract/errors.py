"""The one error the ``read`` stage raises for input it cannot take."""

from __future__ import annotations


class InputError(ValueError):
    """The input cannot be read as text; the message is one line meant for the user."""
