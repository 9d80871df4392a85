"""The ``dutygraph`` command: each subcommand is a thin wrapper over the library.

Exit codes: 0 success (the graph conforms), 1 SHACL violations, 2 a user error (one line on
stderr, no traceback).
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from dutygraph import __version__
from dutygraph.commands.build import build_command
from dutygraph.commands.export import export_command
from dutygraph.commands.picture import picture_command
from dutygraph.commands.reading import duties_command, explain_command, query_command
from dutygraph.commands.store_commands import publish_command
from dutygraph.commands.themes import matrix_command, recurring_command
from dutygraph.commands.validate import validate_command


class OneLineErrors(click.Group):
    """Usage errors (unknown option, missing argument, bad choice) as one line, exit 2; Ctrl-C
    as one line, exit 130: never a traceback or a usage block on stderr."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as shown:
            click.echo(shown.ctx.get_help())
            sys.exit(0)
        except click.ClickException as error:
            click.echo(f"dutygraph: {_one_line(error.format_message())}", err=True)
            sys.exit(2)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("dutygraph: interrupted", err=True)
            sys.exit(130)
        except Exception as error:  # a fault of dutygraph's own: one line, unless debugging
            if os.environ.get("DUTYGRAPH_DEBUG"):
                raise
            fault = f"{type(error).__name__}: {_one_line(str(error))}"
            click.echo(
                f"dutygraph: internal error ({fault}); DUTYGRAPH_DEBUG=1 shows where", err=True
            )
            sys.exit(2)
        if isinstance(result, int) and result:
            sys.exit(result)
        return result


def _one_line(message: str) -> str:
    return " ".join(message.split())


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
def main() -> None:
    """Which party owes which duty, under which instrument, how binding, and where the text says so.

    Builds a validated RDF graph of legal instruments, actors, party status and duties from
    human-rights and refugee-law reports, and answers questions over it.
    """


main.add_command(build_command)
main.add_command(validate_command)
main.add_command(query_command)
main.add_command(duties_command)
main.add_command(explain_command)
main.add_command(matrix_command)
main.add_command(recurring_command)
main.add_command(export_command)
main.add_command(publish_command)
main.add_command(picture_command)


if __name__ == "__main__":
    main()
