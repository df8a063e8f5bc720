#!/usr/bin/env python3
"""Seeds for the fuzz targets, made at run time from files used in place (nothing is copied into
the repository): the drafts in Inputs/, a deterministic sample of the shared corpus
(../shared/corpus/docx) and its hostile inputs.

  fuzz-docx/          the .docx files themselves (those up to --max-docx bytes)
  fuzz-document-xml/  their main document parts; a part larger than --max-xml is cut into slices
                      of whole body children (the document's own prolog, root and w:body start
                      tag, a run of consecutive children, its own tail), a few per document
  fuzz-parts/         one byte naming the part (MinimalPackage.Slot order) + the part's bytes,
                      for every part of the fixed package found in the file, document slices too

Usage: seeds.py --inputs Inputs --corpus ../shared/corpus --out DIR [--sample 150]
"""
import argparse
import hashlib
import os
import re
import sys
import zipfile

SLOTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
         "word/endnotes.xml", "word/comments.xml", "docProps/core.xml", "[Content_Types].xml",
         "_rels/.rels", "word/_rels/document.xml.rels"]
EXTENSIONS = (".docx", ".docm", ".dotx", ".dotm")


def docx_files(directory):
    out = []
    for root, _, files in os.walk(directory):
        for name in files:
            if name.lower().endswith(EXTENSIONS):
                out.append(os.path.join(root, name))
    return sorted(out)


def sample(paths, n):
    """n paths spread evenly over the sorted list (deterministic)."""
    if n <= 0 or len(paths) <= n:
        return paths
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


TOKEN = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<[^>]*>", re.S)


def body_slices(xml, max_bytes, per_document):
    """Slices of a document part: whole body children, each slice at most max_bytes."""
    start = re.search(rb"<(?:[A-Za-z_][\w.-]*:)?body(?:\s[^>]*)?>", xml)
    if not start:
        return []
    depth = 0
    children = []
    child_start = None
    tail_start = None
    for m in TOKEN.finditer(xml, start.end()):
        tag = m.group(0)
        if tag.startswith((b"<!--", b"<![CDATA[", b"<?")):
            continue
        if tag.startswith(b"</"):
            if depth == 0:
                tail_start = m.start()
                break
            depth -= 1
            if depth == 0:
                children.append((child_start, m.end()))
        elif tag.endswith(b"/>"):
            if depth == 0:
                children.append((m.start(), m.end()))
        else:
            if depth == 0:
                child_start = m.start()
            depth += 1
    if tail_start is None or not children:
        return []
    head, tail = xml[:start.end()], xml[tail_start:]
    room = max_bytes - len(head) - len(tail)
    if room <= 0:
        return []
    groups, current, size = [], [], 0
    for a, b in children:
        if b - a > room:
            continue
        if size + (b - a) > room and current:
            groups.append(current)
            current, size = [], 0
        current.append((a, b))
        size += b - a
    if current:
        groups.append(current)
    groups = sample(groups, per_document)
    return [head + b"".join(xml[a:b] for a, b in g) + tail for g in groups]


def main_part_name(z):
    try:
        rels = z.read("_rels/.rels")
    except Exception:
        return "word/document.xml"
    for m in re.finditer(rb"<Relationship\b[^>]*>", rels):
        kind = re.search(rb'Type="([^"]*)"', m.group(0))
        if kind and kind.group(1).endswith(b"/officeDocument"):
            t = re.search(rb'Target="([^"]*)"', m.group(0))
            if t:
                return t.group(1).decode("utf-8", "replace").lstrip("/")
    return "word/document.xml"


class Writer:
    def __init__(self, directory):
        self.directory = directory
        self.seen = set()
        os.makedirs(directory, exist_ok=True)

    def add(self, data, stem):
        digest = hashlib.sha1(data).hexdigest()
        if digest in self.seen:
            return
        self.seen.add(digest)
        with open(os.path.join(self.directory, f"{stem}-{digest[:12]}"), "wb") as f:
            f.write(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--corpus", default="")
    ap.add_argument("--out", required=True)
    ap.add_argument("--sample", type=int, default=150, help="corpus files to sample (0: all)")
    ap.add_argument("--max-docx", type=int, default=131072)
    ap.add_argument("--max-xml", type=int, default=32768)
    ap.add_argument("--max-part", type=int, default=131072)
    ap.add_argument("--slices", type=int, default=6, help="slices per large document part")
    args = ap.parse_args()

    drafts = docx_files(args.inputs)
    corpus, hostile = [], []
    if args.corpus and os.path.isdir(os.path.join(args.corpus, "docx")):
        small = [p for p in docx_files(os.path.join(args.corpus, "docx")) if os.path.getsize(p) <= args.max_docx]
        corpus = sample(small, args.sample)
        hostile = docx_files(os.path.join(args.corpus, "hostile"))

    docx_out = Writer(os.path.join(args.out, "fuzz-docx"))
    xml_out = Writer(os.path.join(args.out, "fuzz-document-xml"))
    parts_out = Writer(os.path.join(args.out, "fuzz-parts"))
    counts = {"drafts": len(drafts), "corpus": len(corpus), "hostile": len(hostile)}
    for path in drafts + corpus + hostile:
        stem = re.sub(r"[^A-Za-z0-9]+", "_", os.path.splitext(os.path.basename(path))[0])[:40] or "seed"
        size = os.path.getsize(path)
        if size <= args.max_docx:
            with open(path, "rb") as f:
                docx_out.add(f.read(), stem)
        try:
            z = zipfile.ZipFile(path)
            names = set(z.namelist())
            main = main_part_name(z)
            for slot, name in enumerate(SLOTS):
                part_name = main if slot == 0 else name
                if part_name not in names:
                    continue
                data = z.read(part_name)
                if slot == 0:
                    pieces = [data] if len(data) <= args.max_xml else body_slices(data, args.max_xml, args.slices)
                    for piece in pieces:
                        xml_out.add(piece, stem)
                    for piece in pieces[:2]:
                        parts_out.add(bytes([slot]) + piece, f"{slot}-{stem}")
                elif len(data) + 1 <= args.max_part:
                    parts_out.add(bytes([slot]) + data, f"{slot}-{stem}")
        except Exception:  # hostile or damaged: only the whole file is a seed
            continue
    print(f"seeds: {counts['drafts']} drafts, {counts['corpus']} corpus files (sampled), {counts['hostile']} hostile files -> "
          f"fuzz-docx {len(docx_out.seen)}, fuzz-document-xml {len(xml_out.seen)}, fuzz-parts {len(parts_out.seen)}")


if __name__ == "__main__":
    sys.exit(main())
