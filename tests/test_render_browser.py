"""End to end: a corpus letter rendered by `mhextract render` loads in headless Chromium without console
errors, and the highlights are in the browser's DOM. Skipped when Debian's `chromium` is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mhextract.cli import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless browser test needs Chromium: apt-get install -y chromium (Debian package)")
CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "letters"
CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]? ?(.*)")


def run_chromium(page: Path, profile: Path) -> tuple[str, list[str]]:
    """Load a local page headless; return the serialised DOM and the console messages logged."""
    assert CHROMIUM is not None
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, [m.group(1) for m in map(CONSOLE.search, done.stderr.splitlines()) if m]


def test_console_messages_are_detected(tmp_path: Path) -> None:
    """Control: the scan sees a console error, so an empty scan below means something."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><p>x</p><script>console.error("boom-test")</script>', encoding="utf-8")
    _, messages = run_chromium(page, tmp_path / "profile")
    assert any("boom-test" in m for m in messages)


def test_rendered_corpus_letter_loads_cleanly_with_highlights(tmp_path: Path) -> None:
    page = tmp_path / "003.html"
    result = CliRunner().invoke(app, ["render", str(CORPUS / "003_749c75a436ca6fa8.txt"), "-o", str(page),
                                      "--model", "blank:nl"])
    assert result.exit_code == 0, result.output
    dom, messages = run_chromium(page, tmp_path / "profile")
    assert messages == []
    for kind in ("organisation", "person", "motion", "kamerstuk", "reference", "date", "figure", "commitment"):
        assert f'class="hl hl-{kind}"' in dom, kind
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-28638-233.html"' in dom
    assert re.search(r'<li id="fn-11" value="11">.*Toezegging nr\. 118836', dom)
    assert '<a id="fnref-11" href="#fn-11"' in dom
    assert "<main" in dom and "<aside" in dom
