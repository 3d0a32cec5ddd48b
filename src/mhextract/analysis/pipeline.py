"""Deciding and building the spaCy pipeline: the Dutch model when present, else blank Dutch.

One function, `load_pipeline`, is the only place that loads a spaCy pipeline, so the
CLI, the batch runner and the tests (with a tiny trained pipeline) share it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from typing import TextIO

import spacy
from spacy.language import Language

from mhextract import extract  # noqa: F401  (registers our factories)
from mhextract.analysis import extensions, stage  # noqa: F401  (registers Doc extensions, the analysis stage)
from mhextract.analysis.tokenizer import add_split_rules, blank_dutch
from mhextract.errors import ModelError, PipelineError

DEFAULT_MODEL = "nl_core_news_lg"
ENV_VAR = "MHEXTRACT_MODEL"
QUIET_ENV_VAR = "MHEXTRACT_QUIET"  # set (to anything but 0/empty) to silence the missing-model note
BLANK = "blank:nl"
INSTALL_HINT = f"python -m spacy download {DEFAULT_MODEL}"

# Our components, in the order they must run: later ones read earlier outputs (each factory
# declares what it requires and assigns; `nlp.analyze_pipes()` checks the order): the analysis
# stage cuts sentences; motions use kamerstukken; dates skip references; figures skip dates;
# organisations skip the names of the person mentions; persons' full names skip organisations.
COMPONENTS: tuple[str, ...] = (
    "mh_analysis",
    "mh_kamerstukken",
    "mh_references",
    "mh_motions",
    "mh_dates",
    "mh_figures",
    "mh_person_mentions",
    "mh_organisations",
    "mh_persons",
    "mh_recommendations",
    "mh_commitments",
)

# Statistical components we never need: skipping them keeps a full model fast.
_UNUSED = ("parser", "lemmatizer", "morphologizer", "tagger", "senter", "attribute_ruler")


def resolve_model_name(model: str | None) -> tuple[str, bool]:
    """Which pipeline to load and whether the user asked for it explicitly."""
    if model:
        return model, True
    env = os.environ.get(ENV_VAR)
    if env:
        return env, True
    return DEFAULT_MODEL, False


_noted: set[str] = set()  # default models whose absence was already noted on stderr in this process


def load_pipeline(model: str | None = None, *, warn: TextIO | None = None, quiet: bool = False) -> Language:
    """Load `model` (name or path), or the default model, or fall back to blank Dutch.

    An explicitly requested model that cannot be loaded is an error; the default
    model being absent is not: we use `blank:nl` plus our rule components, which carry
    the extraction on their own, and say so in one short line on `warn` when given, else
    on stderr once per process unless `quiet` or $MHEXTRACT_QUIET is set.
    """
    name, explicit = resolve_model_name(model)
    if name == BLANK:
        nlp = blank_dutch()
    elif explicit or _is_installed(name):
        try:
            nlp = spacy.load(name, exclude=list(_UNUSED))
        except OSError as exc:
            raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    else:
        if warn is not None:
            print(missing_model_note(name), file=warn)
        elif not (quiet or _quiet_env() or name in _noted):
            _noted.add(name)
            print(missing_model_note(name), file=sys.stderr)
        nlp = blank_dutch()
    is_blank = name == BLANK or not nlp.pipe_names
    nlp.meta["mhextract_model"] = BLANK if is_blank else name
    add_split_rules(nlp)
    add_components(nlp)
    return nlp


def missing_model_note(name: str) -> str:
    """The one line said when the default model is absent: what happens, how to install, how to hide it."""
    return (f"mhextract: note: {name} not installed, using blank Dutch "
            f"(get it: {INSTALL_HINT}; hide: --quiet or {QUIET_ENV_VAR}=1)")


def _quiet_env() -> bool:
    return os.environ.get(QUIET_ENV_VAR, "").strip() not in ("", "0")


def add_components(nlp: Language, until: str | None = None) -> Language:
    """Append our components that are not in `nlp` yet, in pipeline order (up to and including `until`,
    for a partial pipeline); a pipeline that holds ours in another order is an error (a later
    component would read an unset field)."""
    wanted = COMPONENTS[: COMPONENTS.index(until) + 1] if until else COMPONENTS
    for factory in wanted:
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory)  # an unregistered factory raises: never skipped silently
    ours = [name for name in nlp.pipe_names if name in COMPONENTS]
    if ours != [name for name in COMPONENTS if name in ours]:
        raise PipelineError(f"mhextract's components run in the order {', '.join(COMPONENTS)}; "
                            f"this pipeline has {', '.join(ours)}")
    return nlp


def model_label(nlp: Language) -> str:
    """A short name for the record: `blank:nl` or `<lang>_<name>-<version>` of the model."""
    label = nlp.meta.get("mhextract_model")
    if isinstance(label, str) and label != BLANK:
        version = nlp.meta.get("version")
        meta_name = nlp.meta.get("name")
        if meta_name and meta_name != "pipeline":
            return f"{nlp.lang}_{meta_name}-{version}" if version else f"{nlp.lang}_{meta_name}"
        return label
    return BLANK


def _is_installed(name: str) -> bool:
    if os.path.sep in name or name.startswith("."):
        return os.path.exists(name)
    return importlib.util.find_spec(name) is not None
