"""`python -m mhextract.cli`: the same as the `mhextract` command."""

from mhextract.cli import main

main()
