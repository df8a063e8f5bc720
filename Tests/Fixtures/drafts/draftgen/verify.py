"""Check every Inputs/*.docx: LibreOffice converts it to a PDF with at least one page
(pdfinfo), and python-docx opens it. Prints a table; exits 1 on any failure.

    python3 -m draftgen.verify [--inputs DIR] [--src DIR] [--keep-pdf DIR]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from .build import HERE, ROOT
from .common import soffice_convert
from .source import SourceError, parse_source, source_files


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, n: int) -> str:
    return s + " " * max(0, n - width(s))


def pdf_pages(pdf: Path) -> int | None:
    if not pdf.exists():
        return None
    res = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", res.stdout, re.M)
    return int(m.group(1)) if res.returncode == 0 and m else None


def writer_map(src: Path) -> dict[str, str]:
    out = {}
    for p in source_files(src):
        try:
            d = parse_source(p)
        except SourceError:
            continue
        out[d.file] = d.writer
        for w in ("wordml", "nostyle", "libreoffice", "pandoc"):  # build --all-writers
            out[f"{p.stem}.{w}.docx"] = w
    return out


def application(docx: Path) -> str:
    try:
        with zipfile.ZipFile(docx) as z:
            app = z.read("docProps/app.xml").decode("utf-8", "replace")
        m = re.search(r"<Application>([^<]*)</Application>", app)
        return (m.group(1) if m else "?").split("_")[0].split("/")[0]
    except (KeyError, zipfile.BadZipFile):
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=Path, default=ROOT / "Inputs")
    ap.add_argument("--src", type=Path, default=HERE / "src")
    ap.add_argument("--keep-pdf", type=Path, help="also copy the PDFs here")
    args = ap.parse_args(argv)

    for tool in ("soffice", "pdfinfo"):
        if not shutil.which(tool):
            print(f"verify: {tool} not found (run build_inputs.sh, it installs the tools)",
                  file=sys.stderr)
            return 2
    try:
        import docx  # python-docx
    except ImportError:
        print("verify: python-docx not installed (pip install 'python-docx==1.*')",
              file=sys.stderr)
        return 2

    files = sorted(args.inputs.glob("*.docx"))
    if not files:
        print(f"verify: no .docx in {args.inputs}", file=sys.stderr)
        return 1
    writers = writer_map(args.src) if args.src.exists() else {}

    tmp = Path(tempfile.mkdtemp(prefix="verify-inputs-"))
    rows, failed = [], 0
    try:
        # copy under ASCII names: one soffice run for all, no surprises with names
        for i, f in enumerate(files):
            shutil.copy(f, tmp / f"d{i:03d}.docx")
        try:
            soffice_convert(sorted(tmp.glob("d*.docx")), tmp, "pdf", timeout=1200)
        except (RuntimeError, subprocess.TimeoutExpired) as e:
            print(f"verify: soffice: {e}", file=sys.stderr)
        for i, f in enumerate(files):
            pdf = tmp / f"d{i:03d}.pdf"
            pages = pdf_pages(pdf)
            lo_ok = pages is not None and pages >= 1
            if args.keep_pdf and pdf.exists():
                args.keep_pdf.mkdir(parents=True, exist_ok=True)
                shutil.copy(pdf, args.keep_pdf / (f.stem + ".pdf"))
            try:
                d = docx.Document(str(f))
                pd_ok, note = True, f"{len(d.paragraphs)} paras, {len(d.tables)} tables"
            except Exception as e:  # any failure to load counts
                pd_ok, note = False, f"{type(e).__name__}: {e}"[:60]
            if not (lo_ok and pd_ok):
                failed += 1
            rows.append((f.name, writers.get(f.name, "?"), application(f),
                         str(pages) if pages is not None else "-",
                         "ok" if lo_ok else "FAIL", "ok" if pd_ok else "FAIL", note))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    head = ("file", "writer", "application", "pages", "soffice", "python-docx", "")
    widths = [max(width(r[i]) for r in rows + [head]) for i in range(len(head))]
    print("  ".join(pad(h, w) for h, w in zip(head, widths)).rstrip())
    print("  ".join("-" * w for w in widths[:-1]))
    for r in rows:
        print("  ".join(pad(c, w) for c, w in zip(r, widths)).rstrip())
    unknown = [r[0] for r in rows if r[1] == "?"]
    print(f"\n{len(rows)} files, {len(rows) - failed} ok, {failed} failed"
          + (f"; {len(unknown)} without a source in {args.src}" if unknown else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
