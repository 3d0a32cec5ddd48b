"""mhextract: structured, provenance-carrying records from Dutch parliamentary letters."""

__version__ = "0.1.0"
