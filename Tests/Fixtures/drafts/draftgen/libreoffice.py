"""Writer ``libreoffice``: a flat ODT (office:document) with Heading_20_1..4 paragraph
styles, converted by ``soffice --headless --convert-to docx:"MS Word 2007 XML"``; then
docProps/core.xml gets the front-matter dates.

Typed labels stay in the heading text; merged cells become number-rows-spanned /
number-columns-spanned with covered-table-cell."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .common import (choose, column_fractions, created, epoch, esc, fix_core_properties,
                     modified, soffice_convert)
from .source import Document, Heading, Inline, PageBreak, Para, Seg, SourceError, Table

NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xlink": "http://www.w3.org/1999/xlink",
    "loext": "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0",
}

FONTS = {"仿宋_GB2312": "modern", "黑体": "modern", "楷体_GB2312": "modern",
         "方正小标宋简体": "system", "Times New Roman": "roman"}
HEADING_FONTS = {1: ("黑体", False), 2: ("楷体_GB2312", False), 3: ("仿宋_GB2312", True),
                 4: ("仿宋_GB2312", False), 5: ("仿宋_GB2312", False), 6: ("仿宋_GB2312", False)}
TEXT_WIDTH_CM = 15.6  # 21 - 2.8 - 2.6


def _text_props(font: str, size: str, bold: bool = False, extra: str = "") -> str:
    b = ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' \
        if bold else ""
    return (f'<style:text-properties style:font-name="Times New Roman" fo:font-size="{size}" '
            f'style:font-name-asian="{font}" style:font-size-asian="{size}" '
            f'style:font-size-complex="{size}" fo:language="zh" fo:country="CN" '
            f'style:language-asian="zh" style:country-asian="CN"{b}{extra}/>')


def _text(s: str) -> str:
    """Character content: ODF collapses spaces, so runs of spaces become <text:s/>."""
    out = []
    for m in re.finditer(r"( {2,}|^ | $|\t|[^ \t]+| )", s):
        t = m.group(0)
        if t == "\t":
            out.append("<text:tab/>")
        elif t == " " and (m.start() == 0 or m.end() == len(s)):
            out.append("<text:s/>")
        elif t.startswith("  "):
            out.append(" " + (f'<text:s text:c="{len(t) - 1}"/>' if len(t) > 2 else "<text:s/>"))
        else:
            out.append(esc(t))
    return "".join(out)


class FodtWriter:
    def __init__(self, doc: Document):
        doc.require_plain()
        self.doc = doc
        self.localized = choose(doc, "lo-names", 2) == 1
        self.auto_styles: list[str] = []
        self.break_styles: dict[str, str] = {}
        self.table_no = 0

    def inlines(self, items: list[Inline]) -> str:
        out = []
        for x in items:
            if isinstance(x, Seg):
                t = _text(x.text)
                out.append(f'<text:span text:style-name="T1">{t}</text:span>' if x.bold else t)
        return "".join(out)

    def style_with_break(self, parent: str) -> str:
        if parent not in self.break_styles:
            name = f"P{len(self.break_styles) + 1}"
            self.break_styles[parent] = name
            self.auto_styles.append(
                f'<style:style style:name="{name}" style:family="paragraph" '
                f'style:parent-style-name="{parent}"><style:paragraph-properties '
                'fo:break-before="page"/></style:style>')
        return self.break_styles[parent]

    def table(self, t: Table, page_break: bool) -> str:
        self.table_no += 1
        name = f"表格{self.table_no}"
        sname = f"Table{self.table_no}"
        ncols = t.ncols
        fractions = column_fractions(t)
        brk = ' fo:break-before="page"' if page_break else ""
        self.auto_styles.append(
            f'<style:style style:name="{sname}" style:family="table"><style:table-properties '
            f'style:width="{TEXT_WIDTH_CM}cm" table:align="center"{brk}/></style:style>')
        for c, f in enumerate(fractions):
            self.auto_styles.append(
                f'<style:style style:name="{sname}.C{c + 1}" style:family="table-column">'
                f'<style:table-column-properties style:column-width='
                f'"{TEXT_WIDTH_CM * f:.3f}cm"/></style:style>')
        self.auto_styles.append(
            f'<style:style style:name="{sname}.Cell" style:family="table-cell">'
            '<style:table-cell-properties style:vertical-align="middle" fo:padding="0.097cm" '
            'fo:border="0.5pt solid #000000"/></style:style>')
        spans = t.spans()
        covered = set()
        for (r0, c0), (rs, cs) in spans.items():
            for r in range(r0, r0 + rs):
                for c in range(c0, c0 + cs):
                    if (r, c) != (r0, c0):
                        covered.add((r, c))
        header_ok = all(r0 + rs <= 1 for (r0, c0), (rs, cs) in spans.items() if r0 == 0)
        x = [f'<table:table table:name="{name}" table:style-name="{sname}">']
        x += [f'<table:table-column table:style-name="{sname}.C{c + 1}"/>' for c in range(ncols)]
        for r, row in enumerate(t.rows):
            if r == 0 and header_ok:
                x.append('<table:table-header-rows>')
            x.append('<table:table-row>')
            for c in range(ncols):
                if (r, c) in covered:
                    x.append('<table:covered-table-cell/>')
                    continue
                rs, cs = spans.get((r, c), (1, 1))
                attrs = f' table:style-name="{sname}.Cell" office:value-type="string"'
                if cs > 1:
                    attrs += f' table:number-columns-spanned="{cs}"'
                if rs > 1:
                    attrs += f' table:number-rows-spanned="{rs}"'
                pstyle = "Table_20_Heading" if r == 0 else "Table_20_Contents"
                x.append(f'<table:table-cell{attrs}><text:p text:style-name="{pstyle}">'
                         f'{self.inlines(row[c].inlines)}</text:p></table:table-cell>')
            x.append('</table:table-row>')
            if r == 0 and header_ok:
                x.append('</table:table-header-rows>')
        x.append('</table:table>')
        return "".join(x)

    def body(self) -> str:
        m = self.doc.meta
        out = [f'<text:p text:style-name="Title">{_text(m["title"])}</text:p>']
        if m.get("subtitle"):
            out.append(f'<text:p text:style-name="Subtitle">{_text(m["subtitle"])}</text:p>')
        pending_break = False
        for b in self.doc.blocks:
            if isinstance(b, PageBreak):
                pending_break = True
                continue
            if isinstance(b, Heading):
                style = f"Heading_20_{b.level}"
                if pending_break:
                    style = self.style_with_break(style)
                out.append(f'<text:h text:style-name="{style}" text:outline-level="{b.level}">'
                           f'{self.inlines(b.inlines)}</text:h>')
            elif isinstance(b, Para):
                style = "Text_20_body"
                if pending_break:
                    style = self.style_with_break(style)
                out.append(f'<text:p text:style-name="{style}">{self.inlines(b.inlines)}</text:p>')
            elif isinstance(b, Table):
                if b.caption:
                    style = "Table"
                    if pending_break:
                        style = self.style_with_break(style)
                    out.append(f'<text:p text:style-name="{style}">'
                               f'{self.inlines(b.caption.inlines)}</text:p>')
                    out.append(self.table(b, False))
                else:
                    out.append(self.table(b, pending_break))
            else:
                raise SourceError(f"unknown block {b!r}")
            pending_break = False
        return "".join(out)

    def styles(self) -> str:
        loc = self.localized

        def disp(en: str, zh: str) -> str:
            return f' style:display-name="{zh if loc else en}"'

        s = ['<office:styles>',
             '<style:default-style style:family="paragraph"><style:paragraph-properties '
             'style:writing-mode="lr-tb" style:line-break="strict"/>'
             + _text_props("仿宋_GB2312", "16pt") + '</style:default-style>',
             '<style:style style:name="Standard" style:family="paragraph" style:class="text">'
             '<style:paragraph-properties fo:text-align="justify" fo:line-height="0.988cm"/>'
             + _text_props("仿宋_GB2312", "16pt") + '</style:style>',
             f'<style:style style:name="Heading" style:family="paragraph"{disp("Heading", "标题")} '
             'style:parent-style-name="Standard" style:next-style-name="Text_20_body" '
             'style:class="text"><style:paragraph-properties fo:keep-with-next="always"/>'
             '</style:style>',
             f'<style:style style:name="Text_20_body" style:family="paragraph"'
             f'{disp("Text body", "正文文本")} style:parent-style-name="Standard" '
             'style:class="text"><style:paragraph-properties fo:text-indent="1.129cm" '
             'fo:margin-top="0cm" fo:margin-bottom="0cm"/></style:style>']
        for lvl in range(1, 7):
            font, bold = HEADING_FONTS[lvl]
            s.append(f'<style:style style:name="Heading_20_{lvl}" style:family="paragraph"'
                     f'{disp(f"Heading {lvl}", f"标题 {lvl}")} style:parent-style-name="Heading" '
                     f'style:next-style-name="Text_20_body" style:default-outline-level="{lvl}" '
                     'style:class="text"><style:paragraph-properties fo:text-indent="1.129cm" '
                     'fo:margin-top="0cm" fo:margin-bottom="0cm"/>'
                     + _text_props(font, "16pt", bold) + '</style:style>')
        s.append(f'<style:style style:name="Title" style:family="paragraph"{disp("Title", "标题")} '
                 'style:parent-style-name="Heading" style:next-style-name="Subtitle" '
                 'style:class="chapter"><style:paragraph-properties fo:text-align="center" '
                 'fo:margin-top="0.5cm" fo:margin-bottom="0.3cm"/>'
                 + _text_props("方正小标宋简体", "22pt") + '</style:style>')
        s.append(f'<style:style style:name="Subtitle" style:family="paragraph"'
                 f'{disp("Subtitle", "副标题")} style:parent-style-name="Heading" '
                 'style:next-style-name="Text_20_body" style:class="chapter">'
                 '<style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>'
                 + _text_props("楷体_GB2312", "16pt") + '</style:style>')
        s.append('<style:style style:name="Caption" style:family="paragraph" '
                 f'{disp("Caption", "题注")} style:parent-style-name="Standard" style:class="extra">'
                 '<style:paragraph-properties fo:margin-top="0.212cm" fo:margin-bottom="0.212cm"/>'
                 '</style:style>')
        s.append(f'<style:style style:name="Table" style:family="paragraph"{disp("Table", "表格")} '
                 'style:parent-style-name="Caption" style:class="extra">'
                 '<style:paragraph-properties fo:text-align="center" fo:keep-with-next="always"/>'
                 + _text_props("黑体", "14pt") + '</style:style>')
        s.append(f'<style:style style:name="Table_20_Contents" style:family="paragraph"'
                 f'{disp("Table Contents", "表格内容")} style:parent-style-name="Standard" '
                 'style:class="extra"><style:paragraph-properties fo:text-align="center" '
                 'fo:line-height="100%"/>' + _text_props("仿宋_GB2312", "12pt") + '</style:style>')
        s.append(f'<style:style style:name="Table_20_Heading" style:family="paragraph"'
                 f'{disp("Table Heading", "表格标题")} style:parent-style-name="Table_20_Contents" '
                 'style:class="extra"><style:paragraph-properties fo:text-align="center"/>'
                 + _text_props("黑体", "12pt") + '</style:style>')
        # no automatic outline numbering: the labels are typed
        s.append('<text:outline-style style:name="Outline">' + "".join(
            f'<text:outline-level-style text:level="{i}" style:num-format="">'
            '<style:list-level-properties text:list-level-position-and-space-mode='
            '"label-alignment"><style:list-level-label-alignment text:label-followed-by='
            '"nothing" fo:text-indent="0cm" fo:margin-left="0cm"/>'
            '</style:list-level-properties></text:outline-level-style>' for i in range(1, 11))
            + '</text:outline-style>')
        s.append('</office:styles>')
        return "".join(s)

    def meta(self) -> str:
        m = self.doc.meta

        def odt_date(d):
            return d.strftime("%Y-%m-%dT%H:%M:%S")

        x = ['<office:meta>',
             f'<meta:initial-creator>{esc(m["author"])}</meta:initial-creator>',
             f'<meta:creation-date>{odt_date(created(self.doc))}</meta:creation-date>',
             f'<dc:date>{odt_date(modified(self.doc))}</dc:date>',
             f'<dc:creator>{esc(m.get("reviser") or m["author"])}</dc:creator>',
             '<meta:editing-cycles>3</meta:editing-cycles>',
             '<dc:language>zh-CN</dc:language>']
        if m.get("docTitle"):
            x.append(f'<dc:title>{esc(m["docTitle"])}</dc:title>')
        x.append('</office:meta>')
        return "".join(x)

    def document(self) -> str:
        body = self.body()  # fills auto_styles
        fonts = "".join(
            f'<style:font-face style:name="{f}" svg:font-family="{f}" '
            f'style:font-family-generic="{g}" style:font-pitch="variable"/>'
            for f, g in FONTS.items())
        auto = ("<office:automatic-styles>"
                '<style:style style:name="T1" style:family="text"><style:text-properties '
                'fo:font-weight="bold" style:font-weight-asian="bold" '
                'style:font-weight-complex="bold"/></style:style>'
                + "".join(self.auto_styles)
                + '<style:page-layout style:name="pm1"><style:page-layout-properties '
                'fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" '
                'fo:margin-top="3.7cm" fo:margin-bottom="3.5cm" fo:margin-left="2.8cm" '
                'fo:margin-right="2.6cm" style:writing-mode="lr-tb"/></style:page-layout>'
                "</office:automatic-styles>")
        ns = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<office:document {ns} office:version="1.3" '
                'office:mimetype="application/vnd.oasis.opendocument.text">'
                + self.meta()
                + f'<office:font-face-decls>{fonts}</office:font-face-decls>'
                + self.styles() + auto
                + '<office:master-styles><style:master-page style:name="Standard" '
                'style:page-layout-name="pm1"/></office:master-styles>'
                + f'<office:body><office:text>{body}</office:text></office:body>'
                '</office:document>\n')


def write(doc: Document, out: Path, work: Path) -> None:
    fodt = work / "draft.fodt"
    fodt.write_text(FodtWriter(doc).document(), encoding="utf-8")
    log = soffice_convert([fodt], work, 'docx:MS Word 2007 XML',
                          {"SOURCE_DATE_EPOCH": str(epoch(doc))})
    produced = work / "draft.docx"
    if not produced.exists():
        raise RuntimeError(f"soffice produced no docx: {log.strip()}")
    fix_core_properties(produced, doc)
    shutil.move(str(produced), out)
