"""Render the producer letter (tests/producer_letter.py) with producers nobody here wrote.

    python tests/make_producer_pdfs.py [--only NAME ...]

writes tests/fixtures/pdf/<name>.pdf and tests/fixtures/pdf/expected.json:

- `lo-frame`, `lo-textbox`: LibreOffice (`soffice --headless --convert-to pdf`) from a
  flat ODT with real footnotes (LibreOffice's own footnote area: separator rule, full-size
  numbers at a hanging indent), the Datum/Onderwerp lines as a borderless table,
  Liberation Serif body and Liberation Sans headings and
  margin (two fonts, four sizes), the margin column as a page-anchored frame, as a
  text box (a drawing shape holding text) or as the second cell of a borderless table
  holding the whole letter (`lo-table`: margin on page 1 only); soft hyphens in the text.
- `chromium-grid`, `chromium-float`: Chromium (`--print-to-pdf`) from an HTML page in the
  rijksoverheid house style, one `.page` box per sheet: the margin column as a CSS grid
  column or a float, `<sup>` markers, footnotes at the page bottom under a border rule,
  one footnote and one paragraph continuing on the next page, justified text with
  soft hyphens (Chromium writes its line-end hyphen as U+2010).

The PDFs are committed, so the tests need neither soffice nor chromium.
"""

from __future__ import annotations

import argparse
import html
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).parent))
import producer_letter as L

OUT = Path(__file__).parent / "fixtures" / "pdf"


# --- LibreOffice -----------------------------------------------------------------------------------------

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><meta:generator>mhextract tests/make_producer_pdfs.py</meta:generator></office:meta>
<office:font-face-decls>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm" fo:line-height="125%"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="10.5pt" fo:language="nl" fo:country="NL"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.6cm" fo:line-height="100%"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="4.5cm"
   fo:margin-bottom="2cm" fo:margin-left="2.7cm" fo:margin-right="7.3cm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="P" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.42cm" fo:text-align="justify"/>
 </style:style>
 <style:style style:name="H" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-weight="bold" fo:font-size="11pt"/>
 </style:style>
 <style:style style:name="R" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="0.8cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="6.5pt"/>
 </style:style>
 <style:style style:name="A" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="AL" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-bottom="1.2cm"/>
 </style:style>
 <style:style style:name="T" style:family="table"><style:table-properties style:width="11.3cm" table:align="left"
  fo:margin-bottom="0.8cm"/></style:style>
 <style:style style:name="TA" style:family="table-column">
  <style:table-column-properties style:column-width="2.2cm"/></style:style>
 <style:style style:name="TB" style:family="table-column">
  <style:table-column-properties style:column-width="9.1cm"/></style:style>
 <style:style style:name="W" style:family="table"><style:table-properties style:width="17.3cm" table:align="left"/>
 </style:style>
 <style:style style:name="WA" style:family="table-column">
  <style:table-column-properties style:column-width="12.6cm"/></style:style>
 <style:style style:name="WB" style:family="table-column">
  <style:table-column-properties style:column-width="4.7cm"/></style:style>
 <style:style style:name="WL" style:family="table-cell">
  <style:table-cell-properties fo:padding-left="0cm" fo:padding-right="1.3cm" fo:border="none"/></style:style>
 <style:style style:name="TC" style:family="table-cell">
  <style:table-cell-properties fo:padding="0cm" fo:border="none"/></style:style>
 <style:style style:name="S" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.6cm"/>
 </style:style>
 <style:style style:name="M" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="115%"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7pt"/>
 </style:style>
 <style:style style:name="MB" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:line-height="115%"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="PN" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-left="12.8cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7pt"/>
 </style:style>
 <style:style style:name="L" style:family="text">
  <style:text-properties fo:font-size="7pt" style:font-name="Liberation Sans"/></style:style>
 <style:style style:name="fr" style:family="graphic">
  <style:graphic-properties style:wrap="run-through" style:vertical-pos="from-top" style:horizontal-pos="from-left"
   style:vertical-rel="page" style:horizontal-rel="page" fo:border="none" fo:padding="0cm"
   draw:fill="none" draw:stroke="none"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="PN">Pagina <text:page-number text:select-page="current"/> van
   <text:page-count/></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
"""


def _lo_text(text: str) -> str:
    """Paragraph text with `[^N]` markers as real footnotes."""
    out = []
    pos = 0
    for m in L.MARKER.finditer(text):
        out.append(escape(text[pos : m.start()]))
        n = int(m.group(1))
        out.append(
            f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
            f'<text:note-body><text:p text:style-name="Footnote">{escape(L.FOOTNOTES[n])}</text:p></text:note-body>'
            "</text:note>"
        )
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _margin_paras(first: bool) -> str:
    lines = L.MARGIN if first else (*L.MARGIN[:3], ("Datum", True), (L.DATE, False), ("", False), *L.MARGIN[7:9])
    return "".join(
        f'<text:p text:style-name="{"MB" if bold else "M"}">{escape(text)}</text:p>' for text, bold in lines
    )


def _lo_margin(kind: str, page: int) -> str:
    """The margin column on one page, as a frame or as a text box (a drawing shape with text)."""
    geometry = f'text:anchor-type="page" text:anchor-page-number="{page}" svg:x="15.3cm" svg:y="4.5cm"'
    if kind == "frame":
        return (
            f'<draw:frame draw:style-name="fr" draw:name="Marge{page}" {geometry} svg:width="4.6cm" svg:height="7cm">'
            f"<draw:text-box>{_margin_paras(page == 1)}</draw:text-box></draw:frame>"
        )
    return (
        f'<draw:custom-shape draw:style-name="fr" draw:name="Tekstvak{page}" {geometry} svg:width="4.6cm" '
        f'svg:height="7cm">{_margin_paras(page == 1)}'
        '<draw:enhanced-geometry svg:viewBox="0 0 21600 21600" draw:type="rectangle"/></draw:custom-shape>'
    )


def fodt(margin: str) -> str:
    """The letter as a flat ODT; `margin` is frame, textbox or table (letter and margin in two table cells)."""
    margins = "" if margin == "table" else _lo_margin(margin, 1) + _lo_margin(margin, 2)
    body = [f'<text:p text:style-name="R">{margins}{escape(L.RETOURADRES)}</text:p>']
    body += [f'<text:p text:style-name="A">{escape(a)}</text:p>' for a in L.ADDRESSEE[:-1]]
    body.append(f'<text:p text:style-name="AL">{escape(L.ADDRESSEE[-1])}</text:p>')
    rows = "".join(
        f'<table:table-row><table:table-cell table:style-name="TC"><text:p text:style-name="Standard">'
        f'<text:span text:style-name="L">{label}</text:span></text:p></table:table-cell>'
        f'<table:table-cell table:style-name="TC"><text:p text:style-name="Standard">{escape(value)}</text:p>'
        "</table:table-cell></table:table-row>"
        for label, value in (("Datum", L.DATE), ("Onderwerp", L.SUBJECT))
    )
    body.append(
        '<table:table table:name="Kop" table:style-name="T"><table:table-column table:style-name="TA"/>'
        f'<table:table-column table:style-name="TB"/>{rows}</table:table><text:p text:style-name="Standard"/>'
    )
    for p in L.PARAGRAPHS:
        body.append(f'<text:p text:style-name="{"H" if p.heading else "P"}">{_lo_text(p.text)}</text:p>')
    body.append(f'<text:p text:style-name="S">{escape(L.SIGNATURE[0])}</text:p>')
    body.append('<text:p text:style-name="Standard"/><text:p text:style-name="Standard"/>')
    body.append(f'<text:p text:style-name="Standard">{escape(L.SIGNATURE[1])}</text:p>')
    head = FODT_HEAD
    if margin == "table":
        head = head.replace('fo:margin-right="7.3cm"', 'fo:margin-right="1cm"')
        body = [
            '<table:table table:name="Brief" table:style-name="W"><table:table-column table:style-name="WA"/>'
            '<table:table-column table:style-name="WB"/><table:table-row><table:table-cell table:style-name="WL">'
            + "\n".join(body)
            + f'</table:table-cell><table:table-cell table:style-name="TC">{_margin_paras(True)}</table:table-cell>'
            "</table:table-row></table:table>"
        ]
    return head + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


def libreoffice(margin: str) -> Callable[[Path], None]:
    def make(target: Path) -> None:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            raise SystemExit("soffice not found: apt-get install libreoffice-writer-nogui")
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"{target.stem}.fodt"
            src.write_text(fodt(margin), encoding="utf-8")
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", "pdf",
                 "--outdir", tmp, str(src)],
                check=True, capture_output=True, timeout=180,
            )
            shutil.copyfile(Path(tmp) / f"{target.stem}.pdf", target)

    return make


# --- Chromium --------------------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 0 }
* { box-sizing: border-box }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 9.5pt; line-height: 13.5pt;
       color: #000 }
.page { position: relative; width: 210mm; height: 296mm; overflow: hidden; page-break-after: always }
.logo { position: absolute; left: 100mm; top: 0; width: 10mm; height: 26mm; background: #154273 }
.content p { margin: 0 0 13.5pt 0; text-align: justify; hyphens: manual }
.content p.cont { margin-bottom: 0 }
.content h2 { font-size: 9.5pt; margin: 0; font-weight: bold }
.margin { font-size: 6.5pt; line-height: 9pt }
.margin p { margin: 0 }
.margin .gap { height: 9pt }
.retour { font-size: 6.5pt; text-decoration: underline; margin-bottom: 20pt }
.addr { margin-bottom: 30pt }
.fields { display: grid; grid-template-columns: 20mm 1fr; margin-bottom: 27pt }
.fields .label { font-size: 6.5pt }
.notes { position: absolute; left: 27mm; width: 110mm; bottom: 24mm; font-size: 7pt; line-height: 9pt }
.notes::before { content: ""; display: block; width: 30mm; border-top: 0.6pt solid #000; margin-bottom: 4pt }
.notes p { margin: 0 }
.pageno { position: absolute; left: 157mm; top: 283mm; font-size: 6.5pt }
/* grid: the margin column is the second grid column */
.grid .sheet { display: grid; grid-template-columns: 110mm 45mm; column-gap: 20mm; padding: 50mm 0 0 27mm }
.grid .margin { grid-column: 2; grid-row: 1 }
.grid .content { grid-column: 1; grid-row: 1 }
/* float: the margin column floats right of a fixed-width wrapper */
.float .sheet { width: 202mm; padding: 50mm 0 0 27mm }
.float .margin { float: right; width: 45mm }
.float .content { width: 110mm }
"""


def _html_text(text: str) -> str:
    return L.MARKER.sub(lambda m: f"<sup>{m.group(1)}</sup>", html.escape(text, quote=False))


def _html_margin(first: bool) -> str:
    lines = L.MARGIN if first else (*L.MARGIN[:3], ("Datum", True), (L.DATE, False), ("", False), *L.MARGIN[7:9])
    out = []
    for text, bold in lines:
        out.append('<div class="gap"></div>' if not text else f"<p>{'<b>' if bold else ''}{html.escape(text)}"
                   f"{'</b>' if bold else ''}</p>")
    return '<div class="margin">' + "".join(out) + "</div>"


def _split(text: str, words: int) -> tuple[str, str]:
    parts = text.split(" ")
    return " ".join(parts[:words]), " ".join(parts[words:])


def chromium_html(layout: str) -> str:
    """The letter as two explicit A4 pages; paragraph 4 and footnote 2 continue on page 2."""
    paras = list(L.PARAGRAPHS)
    head4, tail4 = _split(paras[3].text, 20)
    note2a, note2b = _split(L.FOOTNOTES[2], 3)

    def block(p: L.Para, cls: str = "") -> str:
        if p.heading:
            return f"<h2>{html.escape(p.text)}</h2>"
        return f'<p class="{cls}">{_html_text(p.text)}</p>' if cls else f"<p>{_html_text(p.text)}</p>"

    first = [
        f'<div class="retour">{html.escape(L.RETOURADRES)}</div>',
        '<div class="addr">' + "<br>".join(html.escape(a) for a in L.ADDRESSEE) + "</div>",
        '<div class="fields"><span class="label">Datum</span><span>' + L.DATE + "</span>"
        '<span class="label">Onderwerp</span><span>' + html.escape(L.SUBJECT) + "</span></div>",
        *(block(p) for p in paras[:3]),
        block(L.Para(head4), "cont"),
    ]
    second = [
        block(L.Para(tail4)),
        *(block(p) for p in paras[4:]),
        "<p>" + html.escape(L.SIGNATURE[0]) + "<br><br><br>" + html.escape(L.SIGNATURE[1]) + "</p>",
    ]
    notes1 = [f"<p><sup>1</sup> {html.escape(L.FOOTNOTES[1])}</p>", f"<p><sup>2</sup> {html.escape(note2a)}</p>"]
    notes2 = [f"<p>{html.escape(note2b)}</p>", f"<p><sup>3</sup> {html.escape(L.FOOTNOTES[3])}</p>",
              f"<p><sup>4</sup> {html.escape(L.FOOTNOTES[4])}</p>"]
    pages = []
    for n, (content, notes) in enumerate(((first, notes1), (second, notes2)), 1):
        pages.append(
            f'<div class="page {layout}"><div class="logo"></div><div class="sheet">{_html_margin(n == 1)}'
            f'<div class="content">{"".join(content)}</div></div>'
            f'<div class="notes">{"".join(notes)}</div><div class="pageno">Pagina {n} van 2</div></div>'
        )
    return (
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(L.plain(L.SUBJECT))}'
        f"</title><style>{CSS}</style></head><body>{''.join(pages)}</body></html>"
    )


def chromium(layout: str) -> Callable[[Path], None]:
    def make(target: Path) -> None:
        browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
        if not browser:
            raise SystemExit("chromium not found")
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "letter.html"
            src.write_text(chromium_html(layout), encoding="utf-8")
            subprocess.run(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                 f"--user-data-dir={tmp}/profile", f"--print-to-pdf={target}", src.as_uri()],
                check=True, capture_output=True, timeout=120,
            )

    return make


PRODUCERS: dict[str, Callable[[Path], None]] = {
    "lo-frame": libreoffice("frame"),
    "lo-textbox": libreoffice("textbox"),
    "lo-table": libreoffice("table"),
    "chromium-grid": chromium("grid"),
    "chromium-float": chromium("float"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=sorted(PRODUCERS))
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name in args.only or PRODUCERS:
        target = OUT / f"{name}.pdf"
        PRODUCERS[name](target)
        print(f"{target} ({target.stat().st_size} bytes)")
    (OUT / "expected.json").write_text(json.dumps(L.expected(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
