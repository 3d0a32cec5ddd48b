"""Errors that carry the file and the reason, so the CLI can print one clear line."""

from __future__ import annotations

from pathlib import Path


class MhextractError(Exception):
    """Base class for the errors mhextract reports to the user."""


class IngestError(MhextractError):
    """A letter file could not be read: names the file and says why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ModelError(MhextractError):
    """The requested spaCy pipeline could not be loaded."""


class PipelineError(ModelError):
    """A component ran without the Doc fields an earlier component must set (missing or misordered)."""


class ClusterError(MhextractError):
    """The Dask cluster cannot run the batch (unreachable, no workers, another mhextract version)."""
