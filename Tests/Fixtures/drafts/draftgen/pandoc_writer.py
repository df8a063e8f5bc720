"""Writer ``pandoc``: the source is translated into pandoc Markdown (pipe tables; merged
cells cannot be expressed, so a ``^^`` cell repeats the text above or stays empty and a
``<<`` cell stays empty) and converted with ``--reference-doc`` made here from pandoc's own
reference.docx with Chinese fonts and sizes. Then docProps/core.xml gets the front-matter
metadata and dates."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.dom import minidom

from .common import choose, column_fractions, epoch, fix_core_properties
from .source import Document, Heading, Inline, PageBreak, Para, Seg, SourceError, Table

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# styleId -> (east asian font, ascii font, size, bold, pPr children as XML)
STYLE_SPECS = {
    "Normal": ("仿宋_GB2312", "Times New Roman", 32, False,
               '<w:jc w:val="both"/>'),
    "BodyText": ("仿宋_GB2312", "Times New Roman", 32, False,
                 '<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>'
                 '<w:ind w:firstLineChars="200" w:firstLine="640"/>'),
    "FirstParagraph": None,  # inherits Body Text
    "Compact": ("仿宋_GB2312", "Times New Roman", 24, False,
                '<w:spacing w:before="36" w:after="36" w:line="240" w:lineRule="auto"/>'
                '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>'),
    "Title": ("方正小标宋简体", "方正小标宋简体", 44, False,
              '<w:keepNext/><w:keepLines/><w:spacing w:before="480" w:after="240"/>'
              '<w:jc w:val="center"/>'),
    "Subtitle": ("楷体_GB2312", "楷体_GB2312", 32, False,
                 '<w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="240"/>'
                 '<w:jc w:val="center"/>'),
    "Heading1": ("黑体", "黑体", 32, False, None),
    "Heading2": ("楷体_GB2312", "楷体_GB2312", 32, False, None),
    "Heading3": ("仿宋_GB2312", "Times New Roman", 32, True, None),
    "Heading4": ("仿宋_GB2312", "Times New Roman", 32, False, None),
    "TableCaption": ("黑体", "黑体", 28, False,
                     '<w:keepNext/><w:spacing w:before="120" w:after="120"/>'
                     '<w:jc w:val="center"/>'),
}


def _frag(xml: str) -> list:
    d = minidom.parseString(f'<x xmlns:w="{W}">{xml}</x>')
    return list(d.documentElement.childNodes)


def _replace_child(dom, style, tag: str, xml: str | None) -> None:
    for ch in list(style.childNodes):
        if ch.nodeType == ch.ELEMENT_NODE and ch.tagName == tag:
            style.removeChild(ch)
    if xml is None:
        return
    new = dom.importNode(_frag(xml)[0], True)
    # w:pPr goes before w:rPr, both before w:tblPr / table parts
    anchor = None
    order = ["w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"]
    later = order[order.index(tag) + 1:]
    for ch in style.childNodes:
        if ch.nodeType == ch.ELEMENT_NODE and ch.tagName in later:
            anchor = ch
            break
    style.insertBefore(new, anchor)


def make_reference_doc(path: Path) -> None:
    """pandoc's default reference.docx with Chinese fonts, sizes and indents."""
    raw = subprocess.run(["pandoc", "--print-default-data-file", "reference.docx"],
                         check=True, capture_output=True).stdout
    tmp = path.with_suffix(".orig.docx")
    tmp.write_bytes(raw)
    with zipfile.ZipFile(tmp) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    styles_xml = next(d for i, d in entries if i.filename == "word/styles.xml")
    dom = minidom.parseString(styles_xml)
    root = dom.documentElement
    # document defaults: East Asian body font, zh-CN
    for rpr_default in root.getElementsByTagName("w:rPrDefault"):
        for ch in list(rpr_default.childNodes):
            rpr_default.removeChild(ch)
        rpr_default.appendChild(dom.importNode(_frag(
            '<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" '
            'w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/>'
            '<w:sz w:val="32"/><w:szCs w:val="32"/>'
            '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr>')[0], True))
    for ppr_default in root.getElementsByTagName("w:pPrDefault"):
        for ch in list(ppr_default.childNodes):
            ppr_default.removeChild(ch)
        ppr_default.appendChild(dom.importNode(_frag(
            '<w:pPr><w:spacing w:after="0"/></w:pPr>')[0], True))
    seen = set()
    for style in root.getElementsByTagName("w:style"):
        sid = style.getAttribute("w:styleId")
        if sid in STYLE_SPECS and STYLE_SPECS[sid]:
            seen.add(sid)
            ea, ascii_, size, bold, ppr = STYLE_SPECS[sid]
            if sid.startswith("Heading"):
                lvl = int(sid[-1]) - 1
                ppr = ('<w:keepNext/><w:keepLines/>'
                       '<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"/>'
                       '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
                       f'<w:outlineLvl w:val="{lvl}"/>')
            if ppr is not None:
                _replace_child(dom, style, "w:pPr", f"<w:pPr>{ppr}</w:pPr>")
            b = "<w:b/><w:bCs/>" if bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
            b += '<w:i w:val="0"/><w:iCs w:val="0"/>'
            _replace_child(dom, style, "w:rPr",
                           f'<w:rPr><w:rFonts w:ascii="{ascii_}" w:eastAsia="{ea}" '
                           f'w:hAnsi="{ascii_}" w:cs="Times New Roman"/>{b}'
                           '<w:color w:val="000000"/>'
                           f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')
        if sid == "Table":  # pandoc's table style: give it the grid lines of a Chinese table
            for tblpr in [c for c in style.childNodes
                          if c.nodeType == c.ELEMENT_NODE and c.tagName == "w:tblPr"]:
                tblpr.appendChild(dom.importNode(_frag(
                    '<w:tblBorders>' + "".join(
                        f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                        for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
                    + '</w:tblBorders>')[0], True))
    missing = {k for k, v in STYLE_SPECS.items() if v} - seen
    if missing:
        raise RuntimeError(f"pandoc reference.docx lacks styles {sorted(missing)}")
    new_styles = dom.toxml(encoding="UTF-8")
    with zipfile.ZipFile(path, "w") as out:
        for info, data in entries:
            if info.filename == "word/styles.xml":
                data = new_styles
            out.writestr(info, data)
    tmp.unlink()


# ----------------------------------------------------------------------- markdown output

_ASCII_PUNCT = set("\\`*_{}[]()#+-.!|^<>~=$@'\":;&%/,?")


def md_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ASCII_PUNCT:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def md_inlines(items: list[Inline]) -> str:
    out = []
    for x in items:
        if isinstance(x, Seg):
            t = md_escape(x.text)
            if x.bold and t.strip():
                lead = t[:len(t) - len(t.lstrip())]
                trail = t[len(t.rstrip()):]
                t = f"{lead}**{t.strip()}**{trail}"
            out.append(t)
    return "".join(out)


PAGE_BREAK = '```{=openxml}\n<w:p><w:r><w:br w:type="page"/></w:r></w:p>\n```'


def md_table(t: Table, repeat_up: bool) -> str:
    spans = t.spans()
    origin_of = {}
    for (r0, c0), (rs, cs) in spans.items():
        for r in range(r0, r0 + rs):
            for c in range(c0, c0 + cs):
                origin_of[(r, c)] = (r0, c0)
    lines = []
    if t.caption:
        lines.append(": " + md_inlines(t.caption.inlines))
        lines.append("")
    widths = [max(3, round(f * 60)) for f in column_fractions(t)]
    for r, row in enumerate(t.rows):
        cells = []
        for c, cell in enumerate(row):
            if cell.merge is None:
                cells.append(md_inlines(cell.inlines))
            elif cell.merge == "up" and repeat_up and origin_of[(r, c)][1] == c:
                r0, c0 = origin_of[(r, c)]
                cells.append(md_inlines(t.rows[r0][c0].inlines))
            else:
                cells.append("")
        lines.append("| " + " | ".join(cells) + " |")
        if r == 0:
            def dash(c):
                a = t.align[c]
                d = "-" * widths[c]
                return {"left": ":" + d, "right": d + ":", "center": ":" + d + ":"}.get(a, d)
            lines.append("|" + "|".join(dash(c) for c in range(t.ncols)) + "|")
    return "\n".join(lines)


def to_markdown(doc: Document) -> str:
    doc.require_plain()
    m = doc.meta
    head = ["---", f"title: {json.dumps(md_escape(m['title']), ensure_ascii=False)}"]
    if m.get("subtitle"):
        head.append(f"subtitle: {json.dumps(md_escape(m['subtitle']), ensure_ascii=False)}")
    head += ["lang: zh-CN", "---", ""]
    repeat_up = choose(doc, "repeat-up", 2) == 0
    blocks = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            blocks.append("#" * b.level + " " + md_inlines(b.inlines))
        elif isinstance(b, Para):
            blocks.append(md_inlines(b.inlines))
        elif isinstance(b, Table):
            blocks.append(md_table(b, repeat_up))
        elif isinstance(b, PageBreak):
            blocks.append(PAGE_BREAK)
        else:
            raise SourceError(f"unknown block {b!r}")
    return "\n".join(head) + "\n\n".join(blocks) + "\n"


def write(doc: Document, out: Path, work: Path) -> None:
    if not shutil.which("pandoc"):
        raise RuntimeError("pandoc not found (apt-get install pandoc)")
    ref = work / "reference.docx"
    make_reference_doc(ref)
    md = work / "draft.md"
    md.write_text(to_markdown(doc), encoding="utf-8")
    produced = work / "draft.docx"
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch(doc)))
    res = subprocess.run(["pandoc", "-f", "markdown-smart", "-t", "docx", "--columns=40",
                          "--reference-doc", str(ref), "-o", str(produced), str(md)],
                         env=env, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"pandoc failed: {res.stderr.strip()}")
    if res.stderr.strip():
        doc.warnings.append("pandoc: " + res.stderr.strip())
    fix_core_properties(produced, doc)
    shutil.move(str(produced), out)
