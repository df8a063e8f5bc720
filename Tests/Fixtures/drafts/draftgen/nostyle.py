"""Writer ``nostyle``: the same hand-made package, but headings are bold Normal
paragraphs with their typed labels (一、 （一） 1. （1）) and no numbering.xml."""
from pathlib import Path

from .handdocx import HandDocx
from .source import Document


def write(doc: Document, out: Path, work: Path) -> None:
    HandDocx(doc, "nostyle").build(out)
