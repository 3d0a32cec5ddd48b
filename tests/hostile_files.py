"""Hostile files made inside the tests: a raw PDF with a chosen page content stream (a Flate bomb), many pages."""

from __future__ import annotations

import zlib
from pathlib import Path


def raw_pdf(path: Path, contents: list[bytes], *, flate: bool = True) -> Path:
    """A minimal PDF with one page per content stream (Helvetica), written by hand so a stream can be anything."""
    n = len(contents)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(f"{4 + 2 * i} 0 R".encode() for i in range(n))
        + f"] /Count {n} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(contents):
        stream = zlib.compress(content, 9) if flate else content
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {5 + 2 * i} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        head = f"<< /Length {len(stream)}{' /Filter /FlateDecode' if flate else ''} >>\nstream\n".encode()
        objects.append(head + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def text_page(line: str) -> bytes:
    """A page content stream that shows one line of text."""
    return f"BT /F1 12 Tf 72 760 Td ({line}) Tj ET".encode("latin-1")
