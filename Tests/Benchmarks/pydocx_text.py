#!/usr/bin/env python3
"""python-docx text extraction, for the benchmarks: every paragraph of the body
(table cells included, in document order), one per line, like
`plan-assembler dump --format text` and floor/floor.c."""
import sys

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

out = sys.stdout
for path in sys.argv[1:]:
    document = docx.Document(path)
    for p in document.element.body.iter(qn("w:p")):
        out.write(Paragraph(p, document).text)
        out.write("\n")
