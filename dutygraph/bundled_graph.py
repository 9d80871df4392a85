"""The graph of the bundled report (built on the fly and cached), or of the graph files given.

The bundled report's graph is cached on disk under a digest of the report and of dutygraph's
own code and data, so a second command does not build it again and a change never reads a
stale graph. DUTYGRAPH_NO_CACHE=1 turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from rdflib import Dataset

from dutygraph import __version__, resources
from dutygraph.build import build
from dutygraph.rdfio import read, serialize, write_atomically


def load_dataset(
    graphs: Sequence[Path], allow_remote_context: bool = False, input_format: str | None = None
) -> Dataset:
    if graphs:
        return read(graphs, input_format, allow_remote_context=allow_remote_context)
    return bundled_dataset()


def bundled_dataset() -> Dataset:
    cached = _cache_file()
    if cached is not None and cached.is_file():
        return read([cached])
    dataset = build().dataset
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(cached, serialize(dataset, "nq"))
        except OSError:
            pass  # a read-only home only costs a rebuild next time
    return dataset


def _cache_file() -> Path | None:
    if os.environ.get("DUTYGRAPH_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dutygraph" / f"bundled-{__version__}-{_code_digest()}.nq"


def _code_digest() -> str:
    """The report, the extractor, its data and the rules: any change makes a new cache entry."""
    digest = hashlib.sha256(resources.default_report().read_bytes())
    for source in resources.package_files((".py", ".json", ".ttl", ".ru", ".rq")):
        digest.update(source.name.encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
