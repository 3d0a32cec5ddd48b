"""Our spaCy components, one module each. Importing this package registers their factories.

Each module holds pure `find_*` functions over a text (testable without spaCy) and,
at the bottom, the `@Language.factory` that runs them on a `Doc` and writes
`doc._.<field>` (record models) and `doc.spans[<field>]`.
"""

from mhextract.extract import (  # noqa: F401
    commitments,
    dates,
    figures,
    kamerstuk,
    motions,
    organisations,
    persons,
    recommendations,
    references,
)
