"""Building a corpus into the on-disk store: many documents, in parallel, resumable.

Each document is read, extracted, emitted and validated in a worker process, which sends back
its graph as N-Quads (each triple in the document's named graph and in the default graph). The
main process gathers them into batches of about ``BATCH_BYTES``, bulk-loads each batch into the
store in one call and only then records its documents in the manifest. So an interrupted build
keeps every loaded batch (Ctrl-C loses at most the batch being gathered), and the next build
skips those documents (by SHA-256 of the file's bytes). A document that fails is reported and
skipped. The rules run once at the end, over the whole store.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from dutygraph.build import document_graph
from dutygraph.errors import DutygraphError
from dutygraph.extract.emit import document_iri
from dutygraph.extract.read import InputError, read_bytes, read_path
from dutygraph.inputs import Skipped, reports_in, walk
from dutygraph.namespace import INFERRED
from dutygraph.store import MANIFEST, Store, StoreRule, document_nquads
from dutygraph.validate import validate

_WARM_UP_TEXT = b"Freedonia should release the detained monitors."
# N-Quads bytes per bulk load (a 30 KB report gives about 0.7 MB): one bulk load per document
# costs twice the CPU of one per ten; larger batches gain little and lose more on Ctrl-C.
BATCH_BYTES = 8_000_000


@dataclass(frozen=True)
class Failure:
    path: str
    message: str


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back for one document: its graph, or why there is none."""

    path: str
    sha256: str = ""
    graph: str = ""
    nquads: bytes = b""
    statements: int = 0
    violations: int = 0
    warnings: tuple[str, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Summary:
    documents: int
    skipped: int
    failed: int
    statements: int
    violations: int
    seconds: float
    inferred: int = 0
    failures: tuple[Failure, ...] = ()
    warnings: tuple[str, ...] = ()
    not_reports: tuple[Skipped, ...] = ()  # files in the folders that are not read, and why

    def to_text(self) -> str:
        others = f", {len(self.not_reports)} not read" if self.not_reports else ""
        return (
            f"{self.documents} document(s) loaded, {self.skipped} unchanged, "
            f"{self.failed} failed{others}; {self.statements:,} statements "
            f"(+{self.inferred:,} inferred), {self.violations} violation(s), {self.seconds:.1f} s"
        )


@dataclass
class _Tally:
    documents: int = 0
    statements: int = 0
    violations: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- inputs ----------------------------------------------------------------------------------


def input_files(inputs: Sequence[Path]) -> list[Path]:
    """Files given, and the reports under folders given (each folder sorted)."""
    return list(walk(inputs).files)


def _loaded(store_dir: Path) -> set[str]:
    """SHA-256 of the documents the store holds (opened and closed before workers fork)."""
    if not (store_dir / MANIFEST).is_file():
        return set()
    store = Store(store_dir)
    known = set(store.documents())
    del store
    return known


def _new_files(files: Iterable[Path], known: set[str]) -> tuple[list[Path], int]:
    """The files whose SHA-256 is not yet in the store (nor earlier in this list)."""
    todo: list[Path] = []
    skipped = 0
    seen = set(known)
    for path in files:
        digest = _sha256(path)
        if digest is not None and digest in seen:
            skipped += 1
            continue
        if digest is not None:
            seen.add(digest)
        todo.append(path)
    return todo, skipped


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # the worker reports the reason


# --- the worker ------------------------------------------------------------------------------


def process_document(path: str, max_bytes: int | None = None) -> Outcome:
    """Read, extract, emit and validate one document (in a worker process)."""
    try:
        document = read_path(path, max_bytes=max_bytes)
        _, graph = document_graph(document)
        report = validate(graph)
        return Outcome(
            path=path,
            sha256=document.sha256,
            graph=str(graph.identifier),
            nquads=document_nquads(
                str(graph.identifier), graph.serialize(format="nt", encoding="utf-8")
            ),
            statements=len(graph),
            violations=len(report.violations),
            warnings=tuple(f"{path}: {w}" for w in document.warnings),
        )
    except InputError as error:
        return Outcome(path=path, error=str(error))
    except Exception as error:  # one bad document must not stop the corpus
        return Outcome(path=path, error=f"{path}: {type(error).__name__}: {error}")


def _worker_init() -> None:
    # Ctrl-C is the main process's to handle: it stops the pool and keeps what is loaded.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A main process killed outright (SIGKILL) cannot stop its pool: each worker watches for it.
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int, every: float = 0.5) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _warm_up() -> None:
    """Load the vocabularies, patterns and shapes once, before the workers are forked."""
    validate(document_graph(read_bytes(_WARM_UP_TEXT, "warm-up.txt"))[1])


# --- the build -------------------------------------------------------------------------------


def build_corpus(
    inputs: Sequence[Path],
    store_dir: Path,
    jobs: int,
    progress: bool,
    max_bytes: int | None = None,
    rules: Sequence[StoreRule] | None = None,
) -> Summary:
    """Build every new document of ``inputs`` into the store at ``store_dir``, then the rules
    (the shipped ones unless ``rules`` are given)."""
    started = time.perf_counter()
    known = _loaded(store_dir)
    found = reports_in(inputs)
    todo, skipped = _new_files(found.files, known)
    tally = _Tally()
    store = _build_new(todo, store_dir, max(1, jobs), max_bytes, tally, _bar(progress, len(todo)))
    inferred = _rules(store, tally.documents > 0, rules)
    store.flush()
    if tally.documents:
        store.optimize()  # compacts the database: loads and rules leave it several times larger
    return Summary(
        documents=tally.documents,
        skipped=skipped,
        failed=len(tally.failures),
        statements=tally.statements,
        violations=tally.violations,
        seconds=time.perf_counter() - started,
        inferred=inferred,
        failures=tuple(tally.failures),
        warnings=tuple(tally.warnings),
        not_reports=found.skipped,
    )


def _build_new(
    todo: list[Path],
    store_dir: Path,
    jobs: int,
    max_bytes: int | None,
    tally: _Tally,
    bar: _Progress,
) -> Store:
    if not todo:
        return Store(store_dir)
    _warm_up()
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init)
    try:
        paths = [str(path) for path in todo]
        outcomes = pool.map(process_document, paths, [max_bytes] * len(paths), chunksize=1)
        store = Store(store_dir)  # opened after the workers are forked
        _load_all(store, outcomes, tally, bar)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        bar.close()
    pool.shutdown()
    return store


def _load_all(store: Store, outcomes: Iterator[Outcome], tally: _Tally, bar: _Progress) -> None:
    batch: list[Outcome] = []
    size = 0
    for outcome in outcomes:
        if outcome.error is not None:
            tally.failures.append(Failure(outcome.path, outcome.error))
        else:
            batch.append(outcome)
            size += len(outcome.nquads)
        if size > BATCH_BYTES:
            _load(store, batch, tally)
            batch, size = [], 0
        bar.step()
    if batch:
        _load(store, batch, tally)


def _load(store: Store, batch: list[Outcome], tally: _Tally) -> None:
    """Load a batch of documents, then record each in the manifest."""
    for outcome in batch:
        if outcome.graph != str(document_iri(outcome.sha256)):
            raise DutygraphError(f"{outcome.path}: graph IRI does not match the document's SHA-256")
    store.load_documents([(outcome.graph, outcome.nquads) for outcome in batch])
    for outcome in batch:
        store.record(outcome.sha256, outcome.graph, outcome.path)
        _count(outcome, tally)


def _count(outcome: Outcome, tally: _Tally) -> None:
    tally.documents += 1
    tally.statements += outcome.statements
    tally.violations += outcome.violations
    tally.warnings.extend(outcome.warnings)
    if outcome.violations:
        tally.warnings.append(f"{outcome.path}: {outcome.violations} SHACL violation(s)")


def _rules(store: Store, changed: bool, rules: Sequence[StoreRule] | None) -> int:
    if changed or str(INFERRED) not in store.graph_names():
        return store.run_rules(rules)
    return store.graph_size(str(INFERRED))


# --- progress --------------------------------------------------------------------------------


class _Progress:
    """A one-line progress bar on a terminal's stderr; silent otherwise."""

    WIDTH = 30

    def __init__(self, total: int, stream: TextIO | None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.started = time.perf_counter()

    def step(self) -> None:
        self.done += 1
        if self.stream is not None:
            self.stream.write("\r" + self.line())
            self.stream.flush()

    def line(self) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = int(share * self.WIDTH)
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        bar = "#" * filled + "." * (self.WIDTH - filled)
        return f"[{bar}] {self.done}/{self.total} documents, {rate:.1f}/s, {left:.0f} s left "

    def close(self) -> None:
        if self.stream is not None and self.done:
            self.stream.write("\n")
            self.stream.flush()


def _bar(progress: bool, total: int) -> _Progress:
    stream = sys.stderr if progress and _is_terminal(sys.stderr) else None
    return _Progress(total, stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return os.isatty(stream.fileno())
    except (AttributeError, OSError, ValueError):
        return False
