"""The built wheel works on its own: installed in a fresh venv, `mhextract parse` reads its packaged models/."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LETTER = ROOT / "corpus" / "letters" / "003_749c75a436ca6fa8.txt"


def _run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(sys.platform == "win32", reason="venv layout")
def test_wheel_installed_in_a_fresh_venv_parses_a_letter(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a clean copy: no stale build/ of the checkout goes into the wheel
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                 "-w", tmp_path / "dist", source, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    [wheel] = (tmp_path / "dist").glob("mhextract-*.whl")
    # A fresh venv whose only other packages are this interpreter's dependencies (a .pth to its
    # site-packages; the editable install's own .pth there is not processed): nothing is downloaded.
    fresh = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(fresh)
    python = fresh / "bin" / "python"
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path)
                .stdout.strip())
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = _run(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q", "--target", site,
                     wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MHEXTRACT_MODELS")}
    where = _run(python, "-c", "import mhextract, pathlib; print(pathlib.Path(mhextract.__file__).parent)",
                 cwd=tmp_path, env=env)
    assert Path(where.stdout.strip()) == site / "mhextract", where.stderr
    assert (site / "mhextract" / "models" / "abbreviations.json").is_file()
    # the installed console script, run by the fresh venv's interpreter
    parsed = _run(python, site / "bin" / "mhextract", "parse", LETTER, "--model", "blank:nl", cwd=tmp_path, env=env)
    assert parsed.returncode == 0, parsed.stderr
    record = json.loads(parsed.stdout)
    assert record["metadata"]["date"] == "2023-11-30"
    assert record["kamerstukken"] and record["organisations"] and record["commitments"]
    # a saved pipeline loads with plain spaCy (entry points find our tokenizer and components)
    saved = tmp_path / "pipeline"
    made = _run(python, "-c", "import sys; from mhextract.analysis.pipeline import load_pipeline; "
                "load_pipeline('blank:nl').to_disk(sys.argv[1])", saved, cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    loaded = _run(python, "-c", "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
                  "print(' '.join(nlp.pipe_names), len(nlp('Zie Kamerstuk 28 638, nr. 5.')._.kamerstukken))",
                  saved, cwd=tmp_path, env=env)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.split()[0] == "mh_analysis" and loaded.stdout.split()[-1] == "1"
