#!/usr/bin/env python3
"""Writes the regression inputs of FuzzRegressionTests.swift (deterministic: fixed zip times and
order). Each is a minimal package around the finding; README.md says what each one did before
its fix. Run from this directory: python3 make.py"""
import zipfile

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def package(name, body=None, document=None, numbering=None, comments=None):
    parts = {"word/document.xml": document if document is not None else
             f'{DECL}<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'}
    rels = []
    if numbering is not None:
        parts["word/numbering.xml"] = f'{DECL}<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'
        rels.append(("numbering", "numbering.xml"))
    if comments is not None:
        parts["word/comments.xml"] = f'{DECL}<w:comments xmlns:w="{W}">{comments}</w:comments>'
        rels.append(("comments", "comments.xml"))
    types = "".join(f'<Override PartName="/{p}" ContentType="{CT}{t}"/>' for p, t in
                    [("word/document.xml", "document.main+xml"), ("word/numbering.xml", "numbering+xml"),
                     ("word/comments.xml", "comments+xml")] if p in parts)
    entries = [
        ("[Content_Types].xml", f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         f'<Default Extension="xml" ContentType="application/xml"/>{types}</Types>'),
        ("_rels/.rels", f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{R}officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", parts.pop("word/document.xml")),
    ]
    if rels:
        entries.append(("word/_rels/document.xml.rels",
                        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                        + "".join(f'<Relationship Id="rId{i + 1}" Type="{R}{t}" Target="{target}"/>' for i, (t, target) in enumerate(rels))
                        + "</Relationships>"))
    entries += sorted(parts.items())
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for entry, text in entries:
            info = zipfile.ZipInfo(entry, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


MAX = "9223372036854775807"


def numbered(num_id, level=0, text="项"):
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')


# Arithmetic overflow (trap) in NumberingState: a w:start, or a w:startOverride, of Int.max
# counted on by a second paragraph of the same list.
package("numbering-start-overflow.docx",
        body=numbered(1) + numbered(1) + numbered(2) + numbered(2),
        numbering=f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{MAX}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
                  f'<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
                  f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                  f'<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{MAX}"/></w:lvlOverride></w:num>')

# Arithmetic overflow (trap) in StoryReader.readRow: the grid column after a cell with a
# w:gridSpan of Int.max, and after a w:gridBefore of Int.max.
package("table-grid-overflow.docx",
        body='<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>'
             f'<w:tr><w:tc><w:tcPr><w:gridSpan w:val="{MAX}"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>'
             f'<w:tr><w:trPr><w:gridBefore w:val="{MAX}"/></w:trPr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>丁</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:trPr><w:gridBefore w:val="-5"/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="-3"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>')

# Quadratic time and memory: 3,000 comment ranges opened and never closed, then 3,000
# paragraphs (every paragraph carried every id; every run's text was copied into every anchor).
package("comment-ranges-never-closed.docx",
        body="".join(f'<w:commentRangeStart w:id="{i}"/>' for i in range(3000)) + '<w:p><w:r><w:t>x</w:t></w:r></w:p>' * 3000,
        comments='<w:comment w:id="0" w:author="a"><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment>')

# Quadratic time: one comment range over 100,000 empty paragraphs (each paragraph copied the
# anchor's paragraph list out of the dictionary and searched it).
package("comment-range-over-many-paragraphs.docx",
        body='<w:commentRangeStart w:id="0"/>' + '<w:p/>' * 100000,
        comments='<w:comment w:id="0" w:author="a"><w:p><w:r><w:t>批注</w:t></w:r></w:p></w:comment>')

# Memory amplification: a 200,000-character w:lvlText, copied into the label of each of 3,000
# numbered paragraphs (2.4 GB), and a custom w:format padding every label with 100,000 zeros.
package("numbering-level-text-huge.docx",
        body=numbered(1) * 3000 + numbered(2) * 3,
        numbering='<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                  f'<w:lvlText w:val="{"x" * 200000}"/></w:lvl></w:abstractNum>'
                  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                  f'<w:numFmt w:val="custom" w:format="{"0" * 100000}1, {"0" * 9}2"/><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>'
                  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')

# Quadratic time: 9,000 paragraphs whose marks are deleted join into one in the accepted view
# (each join copied all the text joined so far).
package("paragraph-marks-deleted.docx",
        body='<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>0123456789</w:t></w:r></w:p>' * 9000
             + '<w:p><w:r><w:t>end</w:t></w:r></w:p>')

# Quadratic time: 10,000 complex fields begun and never ended, then 10,000 runs (each run's
# text scanned every open field).
package("fields-never-ended.docx",
        body='<w:p>' + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' * 10000 + '<w:r><w:t>x</w:t></w:r>' * 10000 + '</w:p>'
             + '<w:p><w:r><w:fldChar w:fldCharType="separate"/></w:r></w:p>')

# Found by fuzz-parts (LeakSanitizer): an empty part. The leak was ZipWriter's (a 1-byte copy
# libzip never frees for an empty entry); reading it is refused as an empty main part.
package("empty-document-part.docx", document="")
