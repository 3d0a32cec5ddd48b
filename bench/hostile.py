"""Benchmark of hostile input (not a test): time per doubling and peak memory of bombs and huge letters.

1. scaling: each hostile input of `tests/test_hostile_scaling.py` at n and 2n (larger n
   than the test), the whole way from file to record; linear gives a ratio of ~2;
2. memory: `mhextract parse` in a child process on a Flate bomb (1 MB of PDF that inflates
   to 1 GB), `/dev/zero` (refused, and read with `--special-files`), a 50 MB text letter
   (refused by `--max-chars`) and a 1.1-million-character letter (extracted); each with its
   exit code, wall time and the child's peak RSS.

Run: `.venv/bin/python bench/hostile.py [--scale 4]` (`--scale` multiplies the test sizes).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_files import raw_pdf, text_page  # noqa: E402
from test_hostile_scaling import HOSTILE  # noqa: E402


def scaling(scale: int, work: Path) -> None:
    """CPU seconds at n and 2n for every hostile input (best of two)."""
    from mhextract.analysis.pipeline import load_pipeline
    from mhextract.record.build import extract_file

    nlp = load_pipeline("blank:nl", warn=io.StringIO())
    nlp("Warm-up: Kamerstuk 28 638, nr. 1 van 1 januari 2020.")

    def seconds(text: str) -> float:
        path = work / "hostile.txt"
        path.write_text(text, encoding="utf-8")
        best = float("inf")
        for _ in range(2):
            with nlp.memory_zone():  # no tokenizer cache from the run before
                start = time.process_time()  # CPU time: other processes on the machine do not count
                extract_file(path, nlp)
                best = min(best, time.process_time() - start)
        return best

    print("scaling (CPU seconds at n and 2n, ratio):")
    for name, (make, n) in HOSTILE.items():
        seconds(make(n // 4))
        single, double = seconds(make(n * scale)), seconds(make(2 * n * scale))
        print(f"  {name:12s} n={n * scale:>7,}  {single:6.2f} s  {double:6.2f} s  x{double / single:.2f}", flush=True)


_CHILD = """
import re, runpy, sys
try:
    runpy.run_module("mhextract.cli", run_name="__main__")
finally:
    status = open("/proc/self/status").read()
    print("VmHWM", re.search(r"VmHWM:\\s+(\\d+)", status).group(1), file=sys.stderr)
"""


def _parse(*args: str) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak RSS (MB, the child's own VmHWM) and last error line of `mhextract parse ARGS`."""
    start = time.perf_counter()
    cmd = [sys.executable, "-c", _CHILD, "parse", *args, "--model", "blank:nl", "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    peak = next((int(line.split()[1]) / 1024 for line in lines if line.startswith("VmHWM ")), float("nan"))
    message = next((line for line in reversed(lines) if line.startswith("mhextract:")), "")
    return done.returncode, seconds, peak, message[:120]


def _flate_bomb(path: Path, inflated: int) -> Path:
    """A one-page PDF whose content stream inflates to `inflated` bytes, compressed piecewise (small memory)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    stream = b"".join(packer.compress(chunk) for _ in range(inflated >> 20)) + packer.flush()
    template = raw_pdf(path, [text_page("Datum 1 juli 2020")], flate=False).read_bytes()
    page = text_page("Datum 1 juli 2020")
    head = f"<< /Length {len(page)} >>".encode()
    body = template.replace(head, f"<< /Length {len(stream)} /Filter /FlateDecode >>".encode())
    body = body.replace(b"stream\n" + page + b"\nendstream", b"stream\n" + stream + b"\nendstream")
    path.write_bytes(body)  # the xref offsets are stale now; PDF readers rebuild them, as for any damaged file
    return path


def memory(work: Path) -> None:
    """Peak RSS of one `mhextract parse` per hostile input, each in its own process."""
    bomb = _flate_bomb(work / "bomb.pdf", 1 << 30)
    huge = work / "huge.txt"
    huge.write_text("Datum 1 juli 2020\n\n" + ("de brief gaat verder over het beleid. " * 20 + "\n\n") * 66_000,
                    encoding="utf-8")
    long = work / "long.txt"
    long.write_text("Datum 1 juli 2020\n\n" + ("beleidsvoornemensuitvoering " * 160 + "\n\n") * 250, encoding="utf-8")
    cases = [
        (f"Flate bomb ({bomb.stat().st_size / 1e6:.1f} MB -> 1 GB)", [str(bomb)]),
        ("/dev/zero", ["/dev/zero"]),
        ("/dev/zero --special-files", ["/dev/zero", "--special-files"]),
        (f"text of {huge.stat().st_size / 1e6:.0f} MB", [str(huge)]),
        ("letter of 1.1 M characters", [str(long), "--out", str(work / "out")]),
    ]
    print("memory (exit, seconds, peak RSS of the process, message):")
    for label, args in cases:
        code, seconds, peak, message = _parse(*args)
        print(f"  {label:34s} exit {code}  {seconds:6.1f} s  {peak:7.0f} MB  {message}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=4, help="multiply the test sizes by this")
    parser.add_argument("--skip-scaling", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        memory(Path(tmp))  # first: the children are measured on their own, before this process grows
        if not args.skip_scaling:
            scaling(args.scale, Path(tmp))


if __name__ == "__main__":
    main()
