"""Writer ``wordml``: WordprocessingML by hand, as Chinese Word / WPS save it (heading
styles "1".."4" numbered from numbering.xml, tracked changes, comments)."""
from pathlib import Path

from .handdocx import HandDocx
from .source import Document


def write(doc: Document, out: Path, work: Path) -> None:
    HandDocx(doc, "styled").build(out)
