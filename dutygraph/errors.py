"""User-facing errors: one line, exit status 2, never a traceback."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


class DutygraphError(Exception):
    """A problem with the user's input or arguments; ``str(error)`` is the one-line message."""


def one_line(error: BaseException) -> str:
    """An exception's message on one line, at most 200 characters (for a DutygraphError)."""
    return " ".join(str(error).split())[:200]


def user_errors(command: F) -> F:
    """Turn a user error into one line on stderr and exit status 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DutygraphError as error:
            click.echo(f"dutygraph: {error}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]
