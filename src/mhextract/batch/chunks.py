"""Extracting a chunk of letters in this process (the parent or a worker): every letter ends done or failed.

Each letter is prepared on its own (an unreadable letter becomes a failure outcome,
never an exception that stops the batch), then the chunk goes through the pipeline in
minibatches, under the memory-zone policy of `batch.zones`, each letter within its own
time budget (`batch.clock`): a letter that is slow or makes a component fail fails
alone. Records leave as JSON text, in every indent the outputs want, so workers send
back strings rather than models.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from mhextract.analysis.pipeline import model_label
from mhextract.batch.clock import Budget, LetterTimeout, deadline
from mhextract.batch.zones import chunk_zone
from mhextract.errors import IngestError
from mhextract.limits import DEFAULT_LIMITS, Limits
from mhextract.record.build import Prepared, build_record, prepare, to_doc
from mhextract.record.model import Record
from mhextract.storage import as_location, local_copy, name_of

# Letters per nlp.pipe minibatch. Statistical components (tok2vec, ner) hold a minibatch's
# activations at once, ~35 MB per 2,000-word letter, and get no faster with bigger batches of
# such long documents: 4 keeps the peak within ~150 MB of the loaded model.
DEFAULT_BATCH_SIZE = 4
DEFAULT_TIMEOUT = 600.0  # seconds one letter may take before it counts as failed


@dataclass(frozen=True)
class Task:
    """One letter to extract: its place in the input list and its path."""

    index: int
    path: str


@dataclass(frozen=True)
class WorkConfig:
    """What a worker needs besides the tasks: JSON renderings wanted, limits, model name."""

    indents: tuple[int | None, ...]
    batch_size: int = DEFAULT_BATCH_SIZE
    timeout: float | None = DEFAULT_TIMEOUT
    model: str | None = None
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class Outcome:
    """The result for one letter: its JSON texts (one per wanted indent) or why it failed."""

    index: int
    path: str
    texts: tuple[str, ...] = ()
    reason: str | None = None
    kind: str | None = None  # ingest | timeout | crash | error

    @property
    def ok(self) -> bool:
        return self.reason is None


def _failed(task: Task, exc: BaseException) -> Outcome:
    """A failure outcome with a one-line reason: the ingest reason, or the exception for anything else."""
    if isinstance(exc, IngestError):
        return Outcome(task.index, task.path, reason=exc.reason, kind="ingest")
    if isinstance(exc, LetterTimeout):
        return Outcome(task.index, task.path, reason=str(exc) or "took longer than the time limit (timeout)",
                       kind="timeout")
    detail = " ".join(str(exc).split())[:300]
    return Outcome(task.index, task.path, reason=f"internal error: {type(exc).__name__}: {detail}", kind="error")


def iter_chunk(nlp: Language, tasks: Sequence[Task], config: WorkConfig) -> Iterator[Outcome]:
    """Extract a chunk of letters, yielding each outcome as it is ready (unreadable letters first)."""
    ready: list[tuple[Task, Prepared, Budget]] = []
    for task in tasks:
        budget = Budget(config.timeout, letters=(task.index,))
        try:
            with budget.charge():
                prepared = prepare_location(task.path, config.limits)
        except (Exception, LetterTimeout) as exc:  # one broken letter must never stop the batch
            yield _failed(task, exc)
            continue
        ready.append((task, prepared, budget))
    label = model_label(nlp)
    with chunk_zone(nlp, len(ready)):
        for start in range(0, len(ready), config.batch_size):
            for task, result in _extract_group(nlp, ready[start : start + config.batch_size], label):
                yield _render(task, result, config.indents)


def prepare_location(path: str, limits: Limits = DEFAULT_LIMITS) -> Prepared:
    """`prepare` for a local path or a URL; a remote letter is fetched (with its OEP metadata file) first."""
    loc = as_location(path)
    if isinstance(loc, Path):
        return prepare(path, limits)
    companions: tuple[str, ...] = ()
    if Path(name_of(loc)).suffix.lower() in (".xml", ".html", ".htm", ".xhtml"):
        from mhextract.ingest.lines import vocab

        companions = tuple(vocab()["oep"]["metadata_file_names"])
    with local_copy(loc, companions) as local:
        prepared = prepare(local, limits)
    prepared.letter.path = path
    return prepared


def run_chunk(nlp: Language, tasks: Sequence[Task], config: WorkConfig) -> list[Outcome]:
    """Extract a chunk of letters (a worker's task); every letter ends up done or failed, in task order."""
    outcomes = {o.index: o for o in iter_chunk(nlp, tasks, config)}
    return [outcomes[t.index] for t in tasks]


Result = Record | BaseException


def _extract_group(
    nlp: Language, group: list[tuple[Task, Prepared, Budget]], label: str
) -> Iterator[tuple[Task, Result]]:
    """One minibatch through the pipeline, component by component, each letter under its own budget.

    Components that work per letter (ours) run per Doc, charged to that letter, so a slow
    or failing letter fails alone. Components with a `pipe` method (tok2vec, ner) process
    the minibatch at once, within the smallest budget left; if that shared step fails or
    runs out of time, its letters are redone one at a time.
    """
    docs: dict[int, Doc] = {}
    failed: dict[int, BaseException] = {}
    for task, prepared, budget in group:
        try:
            with budget.charge():
                docs[task.index] = to_doc(nlp, prepared)
        except (Exception, LetterTimeout) as exc:
            failed[task.index] = exc
    for _name, proc in nlp.pipeline:
        live = [(task, budget) for task, _, budget in group if task.index in docs]
        if hasattr(proc, "pipe") and len(live) > 1:
            lefts = [b.left for _, b in live if b.left is not None]
            try:
                with deadline(min(lefts) if lefts else None, letters=tuple(t.index for t, _ in live)):
                    processed = list(proc.pipe([docs[t.index] for t, _ in live], batch_size=len(live)))
            except (Exception, LetterTimeout):
                for item in group:
                    yield from (_extract_group(nlp, [item], label) if item[0].index in docs
                                else [(item[0], failed[item[0].index])])
                return
            docs.update((t.index, doc) for (t, _), doc in zip(live, processed, strict=True))
            continue
        for task, budget in live:
            try:
                with budget.charge():
                    docs[task.index] = proc(docs[task.index])
            except (Exception, LetterTimeout) as exc:
                failed[task.index] = exc
                del docs[task.index]
    for task, prepared, budget in group:
        if task.index in failed:
            yield task, failed[task.index]
            continue
        try:
            with budget.charge():
                record = build_record(prepared, docs.pop(task.index), label)
        except (Exception, LetterTimeout) as exc:
            yield task, exc
            continue
        yield task, record


def _render(task: Task, result: Result, indents: tuple[int | None, ...]) -> Outcome:
    """The record as JSON in every wanted indent (None = one line)."""
    if isinstance(result, BaseException):
        return _failed(task, result)
    try:
        texts = tuple(result.model_dump_json(indent=i or None) for i in indents)
    except Exception as exc:
        return _failed(task, exc)
    return Outcome(task.index, task.path, texts)


def warm_up(nlp: Language) -> None:
    """Run the pipeline once outside any memory zone, so lazily built state is never freed by one; then
    exempt everything made so far (the pipeline and its data, kept for the whole run) from the garbage
    collector, whose full collections would otherwise walk it again and again (~1.5% of an archive run)."""
    with suppress(Exception):  # a component bug shows up, per letter, on the real letters
        nlp("Bij brief van 1 januari 2020 (Kamerstuk 28 638, nr. 1) meldde de minister 25 zaken.")
    gc.freeze()
