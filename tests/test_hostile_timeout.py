"""`--timeout` is a per-letter limit: a hanging letter costs the limit once, whatever the batch size."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from mhextract import batch
from mhextract.analysis.pipeline import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
LETTERS = sorted((ROOT / "corpus" / "letters").glob("*.txt"))


def _letters(folder: Path, count: int, marked: int, mark: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = [Path(shutil.copy(src, folder / src.name)) for src in LETTERS[:count]]
    files[marked].write_text(files[marked].read_text(encoding="utf-8") + f"\n{mark}\n", encoding="utf-8")
    return files


@Language.component("test_timeout_hang")
def _hang(doc: Doc) -> Doc:
    if "HANG" in doc.text:
        time.sleep(30)
    return doc


def test_a_hanging_letter_costs_its_limit_once_in_a_full_minibatch(tmp_path: Path) -> None:
    files = _letters(tmp_path / "in", 4, 1, "HANG")
    nlp = load_pipeline("blank:nl")
    nlp.add_pipe("test_timeout_hang")
    options = batch.BatchOptions(out=tmp_path / "out", quiet=True, timeout=2.0, batch_size=4, workers=1)
    items = batch.expand_inputs([tmp_path / "in"])
    with nlp.select_pipes(disable=["test_timeout_hang"]):  # the same letters without the hang, for reference
        for run in ("cold", "warm"):  # the first run pays for compiling patterns
            start = time.perf_counter()
            batch.run_batch(items, nlp, batch.BatchOptions(out=tmp_path / run, quiet=True, workers=1))
            normal = time.perf_counter() - start
    start = time.perf_counter()
    summary = batch.run_batch(items, nlp, options)
    elapsed = time.perf_counter() - start - normal
    assert [(Path(f.path).name, f.kind, f.reason) for f in summary.failures] == [
        (files[1].name, "timeout", "took longer than 2 s (timeout)")]
    assert summary.done == 3
    assert elapsed < 4, f"{elapsed:.1f} s more than a normal run: the letter got more than its 2 s"  # was 4x2 + 2 s


class _Batching:
    """A component that processes minibatches (like tok2vec or ner) and fails on a batch holding BOOM."""

    def __call__(self, doc: Doc) -> Doc:
        if "BOOM" in doc.text:
            raise RuntimeError("boom")
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        docs = list(docs)
        if any("BOOM" in d.text for d in docs):
            raise RuntimeError("boom in a batch")
        yield from docs


@Language.factory("test_timeout_batching")
def _make_batching(nlp: Language, name: str) -> _Batching:
    return _Batching()


def test_a_batched_component_failing_fails_only_the_guilty_letter(tmp_path: Path) -> None:
    files = _letters(tmp_path / "in", 4, 2, "BOOM")
    nlp = load_pipeline("blank:nl")
    nlp.add_pipe("test_timeout_batching", first=True)
    summary = batch.run_batch(batch.expand_inputs([tmp_path / "in"]), nlp,
                              batch.BatchOptions(out=tmp_path / "out", quiet=True, batch_size=4, workers=1))
    assert [(Path(f.path).name, f.kind) for f in summary.failures] == [(files[2].name, "error")]
    assert "RuntimeError: boom" in summary.failures[0].reason
    assert summary.done == 3
