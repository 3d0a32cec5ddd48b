"""Diff the records of every corpus letter made by two checkouts (a refactor must keep them identical).

    python scripts/record_diff.py --baseline /tmp/base59            # baseline checkout vs this one
    python scripts/record_diff.py --baseline-records base.jsonl     # reuse records made earlier
    python scripts/record_diff.py --checkout PATH --save out.jsonl  # only make one checkout's records

Each checkout's own `mhextract parse` (run from its `src/` with this Python) parses the
same letters (corpus/letters, corpus/formats, corpus/holdout*/letters, corpus/pdf and
corpus/realworld/*/letters of the corpus given by --corpus, default this checkout's) to JSON lines; records are matched by
source path and compared without `extractor.version` and `extractor.fingerprint`, which
change with every commit. Exit 0 when identical, 1 when a record differs (each difference
listed per letter and field), 2 when a checkout cannot parse.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1]
GROUPS = ("corpus/letters", "corpus/formats", "corpus/holdout*/letters", "corpus/pdf", "corpus/realworld/*/letters")
IGNORED = {("extractor", "version"), ("extractor", "fingerprint")}
# Each checkout registers its own components when imported: the installed package's spaCy entry
# points (which may name modules another checkout does not have) are hidden from spaCy's registry.
DRIVER = (
    "import sys, catalogue, importlib.metadata as md; "
    "catalogue.AVAILABLE_ENTRY_POINTS = md.EntryPoints("
    "ep for d in md.distributions() for ep in d.entry_points if not ep.value.startswith('mhextract.')); "
    "from mhextract.cli import app; sys.argv[0] = 'mhextract'; app()"
)


def corpus_inputs(corpus: Path) -> list[str]:
    """The letter folders to parse, relative to `corpus` (so source paths match across checkouts)."""
    found: list[str] = []
    for pattern in GROUPS:
        found.extend(str(p.relative_to(corpus)) for p in sorted(corpus.glob(pattern)) if p.is_dir())
    return found


def make_records(checkout: Path, corpus: Path, out: Path) -> dict[str, dict[str, Any]]:
    """Parse the corpus with `checkout`'s code into `out` (JSON lines); records by source path."""
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"), MHEXTRACT_MODEL="blank:nl")
    env.pop("MHEXTRACT_MODELS", None)
    cmd = [sys.executable, "-c", DRIVER, "parse", *corpus_inputs(corpus), "--jsonl", str(out.resolve()),
           "--force", "--quiet", "--workers", "1"]
    proc = subprocess.run(cmd, cwd=corpus, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"record_diff: {checkout} could not parse the corpus (exit {proc.returncode})")
    return read_records(out)


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """Records of a JSON-lines file, keyed by `source.path`, without the per-commit extractor fields."""
    records: dict[str, dict[str, Any]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            for outer, inner in IGNORED:
                record.get(outer, {}).pop(inner, None)
            records[record["source"]["path"]] = record
    return records


def diff_records(base: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[str]:
    """One line per difference: a letter only on one side, or a field's removed/added items."""
    lines: list[str] = []
    for path in sorted(base.keys() | new.keys()):
        if path not in new:
            lines.append(f"{path}: only in baseline")
        elif path not in base:
            lines.append(f"{path}: only in new")
        else:
            lines.extend(f"{path}: {d}" for d in _diff_fields(base[path], new[path]))
    return lines


def _diff_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        if isinstance(a, list) and isinstance(b, list):
            sa = [_dump(x) for x in a]
            sb = [_dump(x) for x in b]
            out.extend(f"{key} - {x}" for x in sa if x not in sb)
            out.extend(f"{key} + {x}" for x in sb if x not in sa)
            if sorted(sa) == sorted(sb):
                out.append(f"{key}: same items, other order")
        else:
            out.append(f"{key}: {_dump(a)[:300]} -> {_dump(b)[:300]}")
    return out


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkout", type=Path, default=HERE, help="checkout to test (default: this one)")
    ap.add_argument("--baseline", type=Path, help="baseline checkout (its records are made first)")
    ap.add_argument("--baseline-records", type=Path, help="baseline records (JSON lines) made earlier")
    ap.add_argument("--corpus", type=Path, default=HERE, help="folder holding corpus/ (default: this checkout)")
    ap.add_argument("--save", type=Path, help="keep the checkout's records in this JSON-lines file")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        base: dict[str, dict[str, Any]] | None = None
        if args.baseline_records:
            base = read_records(args.baseline_records)
        elif args.baseline:
            base = make_records(args.baseline.resolve(), args.corpus.resolve(), Path(tmp) / "base.jsonl")
        new = make_records(args.checkout.resolve(), args.corpus.resolve(), args.save or Path(tmp) / "new.jsonl")
    if base is None:
        print(f"{len(new)} records made")
        return 0
    lines = diff_records(base, new)
    print("\n".join(lines) if lines else f"identical: {len(new)} records (extractor version/fingerprint ignored)")
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main())
