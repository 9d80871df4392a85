"""Credentials in an endpoint URL are sent as HTTP Basic authorization and never shown: every
message names the endpoint with its user name and password masked."""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
from click.testing import CliRunner

from dutygraph.commands.store_commands import publish_command
from dutygraph.errors import masked

PASSWORD = "S3cret/PW"
ENCODED = "S3cret%2FPW"


class _BasicAuth(BaseHTTPRequestHandler):
    seen: ClassVar[list[tuple[str, str]]] = []

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        authorization = self.headers.get("Authorization", "")
        _BasicAuth.seen.append((self.path, authorization))
        expected = "Basic " + base64.b64encode(f"alice:{PASSWORD}".encode()).decode()
        self.send_response(204 if authorization == expected else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PUT

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def guarded() -> Iterator[str]:
    _BasicAuth.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _BasicAuth)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def publish(endpoint: str) -> tuple[int, str]:
    result = CliRunner().invoke(publish_command, ["--endpoint", endpoint, "--timeout", "5"])
    return result.exit_code, result.output


def test_credentials_in_the_url_become_basic_authorization(guarded: str) -> None:
    code, output = publish(f"http://alice:{ENCODED}@{guarded}/store")
    assert code == 0, output
    assert _BasicAuth.seen and all(path.startswith("/store?graph=") for path, _ in _BasicAuth.seen)
    assert PASSWORD not in output and ENCODED not in output
    assert f"http://***@{guarded}/store" in output


def test_a_refused_password_is_one_line_without_the_password(guarded: str) -> None:
    code, output = publish(f"http://alice:wrong{ENCODED}@{guarded}/store")
    assert code == 2
    (line,) = output.strip().splitlines()
    assert "HTTP 401" in line and ENCODED not in line and "wrong" not in line


def test_credentials_from_the_environment(guarded: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUTYGRAPH_ENDPOINT_USER", "alice")
    monkeypatch.setenv("DUTYGRAPH_ENDPOINT_PASSWORD", PASSWORD)
    code, output = publish(f"http://{guarded}/store")
    assert code == 0, output
    assert PASSWORD not in output


@pytest.mark.parametrize(
    "endpoint",
    [
        f"http://alice:{ENCODED}@host.invalid/store",
        f"http://alice:{PASSWORD}@127.0.0.1:9/store",
        "http://alice:S3cretPW@127.0.0.1:notaport/store",
    ],
    ids=["host that does not resolve", "unescaped slash", "port that is not a number"],
)
def test_a_bad_endpoint_is_one_line_without_the_password(endpoint: str) -> None:
    code, output = publish(endpoint)
    assert code == 2
    (line,) = output.strip().splitlines()
    assert ("S3cret" not in line and "***" in line) or "not" in line
    assert "S3cret" not in line


def test_masked_hides_only_the_user_information() -> None:
    assert masked("http://a:b@h:1/p?q=1") == "http://***@h:1/p?q=1"
    assert masked("http://h/p") == "http://h/p"
    assert masked("http://a:b/c@h/p") == "http://***@h/p"
    assert masked("http://h/store?graph=mailto:x@y") == "http://h/store?graph=mailto:x@y"
