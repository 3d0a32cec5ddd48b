"""PDF reading figures for `make bench`: pages/s of both backends side by side, and the peak RSS of
`mhextract parse` on a 200-page PDF (goals: pdfium >= 10x the pages/s of pdfplumber; <= 250 MB).

The 200-page letter is drawn with tests/pdfgen.py (reportlab, a dev dependency). Pages/s is
CPU time of `read_pdf` (best of `repeat`, the backends interleaved), so other load on the
machine disturbs it less than wall time would.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from mhextract.ingest.pdf import BACKENDS, read_pdf  # noqa: E402

PAGE_SETS = (ROOT / "corpus" / "pdf", ROOT / "tests" / "fixtures" / "pdf")
RSS_GOAL_MB = 250
RATIO_GOAL = 10.0


def long_letter(pages: int) -> bytes:
    """A Kamerbrief of about `pages` pages (footnotes, margin column, footer on every page)."""
    import pdfgen

    spec = pdfgen.sample_spec()
    filler = spec.blocks[5].text
    per_page = 5  # filler blocks per page, roughly (a filler block is ~10 lines)
    spec.blocks = spec.blocks[:5] + [pdfgen.Block(filler) for _ in range(pages * per_page)] + spec.blocks[-2:]
    data = pdfgen.build_pdf(spec)
    return data


def pages_per_second(pdfs: list[tuple[str, bytes]], repeat: int) -> dict[str, float]:
    """CPU pages/s of each backend over the PDFs (best of `repeat` passes per backend)."""
    best = {b: float("inf") for b in BACKENDS}
    pages = 0
    for _ in range(repeat):
        for backend in BACKENDS:
            start = time.process_time()
            n = 0
            for name, data in pdfs:
                n += read_pdf(Path(name), data, hashlib.sha256(data).hexdigest(), backend=backend).pages or 0
            best[backend] = min(best[backend], time.process_time() - start)
            pages = n
    return {b: pages / max(seconds, 1e-9) for b, seconds in best.items()}


def parse_peak_rss(pdf: Path, backend: str) -> tuple[float, float]:
    """Peak RSS (MB) and wall seconds of `mhextract parse PDF` in a fresh process."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, time.perf_counter() - t, r.returncode)"
    )
    cmd = [sys.executable, "-c", probe, sys.executable, "-m", "mhextract.cli", "parse", str(pdf),
           "--model", "blank:nl", "--pdf-backend", backend, "--quiet"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    if out[2] != "0":
        raise RuntimeError(f"mhextract parse {pdf} failed")
    return float(out[0]), float(out[1])


def report(repeat: int = 3, long_pages: int = 200) -> dict[str, float]:
    """Print the PDF figures and return them."""
    pdfs = [(p.name, p.read_bytes()) for d in PAGE_SETS for p in sorted(d.glob("*.pdf"))]
    total = sum(read_pdf(Path(n), d, "", backend="pdfium").pages or 0 for n, d in pdfs)
    print(f"\nPDF reading ({len(pdfs)} PDFs, {total} pages; CPU time of read_pdf, best of {repeat}):")
    rates = pages_per_second(pdfs, repeat)
    for backend, rate in rates.items():
        print(f"  {backend:<11} {rate:8.1f} pages/s  ({1000 / rate:.1f} ms/page)")
    ratio = rates["pdfium"] / rates["pdfplumber"]
    print(f"  pdfium / pdfplumber: {ratio:.1f}x (goal >= {RATIO_GOAL:.0f}x)")
    figures = {**{f"{b}_pages_per_s": r for b, r in rates.items()}, "ratio": ratio}
    with tempfile.TemporaryDirectory(prefix="mhbench-pdf-") as tmp:
        big = Path(tmp) / "long.pdf"
        big.write_bytes(long_letter(long_pages))
        pages = read_pdf(big, big.read_bytes(), "", backend="pdfium").pages
        print(f"\n`mhextract parse` on a {pages}-page PDF ({big.stat().st_size / 1024:.0f} KB), fresh process:")
        for backend in BACKENDS:
            peak, seconds = parse_peak_rss(big, backend)
            figures[f"{backend}_peak_rss_mb"] = peak
            print(f"  --pdf-backend {backend:<11} peak RSS {peak:6.0f} MB (goal <= {RSS_GOAL_MB} MB), {seconds:.1f} s")
    return figures


if __name__ == "__main__":
    print(json.dumps(report(), indent=2))
