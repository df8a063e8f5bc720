#!/usr/bin/env python3
"""Regenerate every DOCX of the frozen evaluation set into ../docs/.

Four writers, chosen by the source's folder:
  src/pydocx/*.txt        python-docx 1.x from a small line markup (see PyDocx below);
                          '#mode: styles' uses Word's built-in Title/Heading n styles,
                          '#mode: bold' writes every heading as a Normal paragraph with a bold run
  src/pandoc/*.md         pandoc -f markdown -t docx (SOURCE_DATE_EPOCH fixed)
  src/libreoffice/*.html|*.fodt
                          soffice --headless --convert-to docx (Writer's own import of HTML / flat ODT)
  src/wordml/<name>/      a hand-written WordprocessingML package: every part is a file here,
                          zipped as is ([Content_Types].xml first, then _rels/.rels, then the rest sorted)

Determinism: every package is rewritten with fixed zip timestamps, and docProps/core.xml dates are set
to a fixed value (LibreOffice and python-docx otherwise stamp the current time). The part contents are
otherwise the writer's own. Run twice and compare `sha256sum docs/*.docx`.

Usage: python3 build.py [name-prefix ...]   (no argument: build all)
Needs: python-docx 1.x, pandoc (2.17 used), LibreOffice Writer 7.x, fonts-noto-cjk (for LibreOffice).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.normpath(os.path.join(HERE, "..", "docs"))
FIXED_ZIP_TIME = (2021, 3, 1, 9, 0, 0)
FIXED_W3CDTF = "2021-03-01T09:00:00Z"
EPOCH = "1614589200"  # 2021-03-01T09:00:00Z


# ---------------------------------------------------------------- packaging

def normalise(path):
    """Rewrite a DOCX with fixed timestamps, keeping entry order and part bytes (core.xml dates fixed)."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries:
            if name == "docProps/core.xml":
                text = data.decode("utf-8")
                text = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                              lambda m: m.group(1) + FIXED_W3CDTF + m.group(3), text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)
    os.replace(tmp, path)


def zip_package(folder, path):
    names = []
    for root, _dirs, files in os.walk(folder):
        for f in files:
            names.append(os.path.relpath(os.path.join(root, f), folder).replace(os.sep, "/"))
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    rest = sorted(n for n in names if n not in first)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name in first + rest:
            with open(os.path.join(folder, name), "rb") as fh:
                data = fh.read()
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)


# ---------------------------------------------------------------- python-docx

class PyDocx:
    """Line markup:
      #mode: styles|bold       first line
      T: title   ST: subtitle (styles: Title/Subtitle; bold: centred bold paragraphs)
      H1:/H2:/H3: heading      (styles: Heading n; bold: Normal paragraph, one bold run)
      P: text with **bold** spans      C: centred plain paragraph      CAP: table caption paragraph
      TABLE: then rows 'a | b | c' until END; '^' = merged with the cell above, '<' = merged with the cell to the left
    """

    def __init__(self, src):
        import docx  # noqa: F401
        self.src = src

    def build(self, out):
        import docx
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt

        lines = open(self.src, encoding="utf-8").read().splitlines()
        mode = lines[0].split(":", 1)[1].strip()
        doc = docx.Document()
        normal = doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(16)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
        cp = doc.core_properties
        cp.author = "规划编制组" if mode == "styles" else "Administrator"
        cp.last_modified_by = cp.author
        cp.title = ""
        cp.comments = ""
        cp.revision = 3
        cp.created = datetime(2021, 3, 1, 9, 0, tzinfo=timezone.utc)
        cp.modified = datetime(2021, 3, 1, 9, 0, tzinfo=timezone.utc)

        def runs(par, text, font=None, size=None, all_bold=False):
            for i, part in enumerate(re.split(r"\*\*", text)):
                if not part:
                    continue
                r = par.add_run(part)
                r.bold = True if (all_bold or i % 2 == 1) else None
                if font:
                    r.font.name = font
                    r._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
                if size:
                    r.font.size = Pt(size)
            return par

        i = 1
        while i < len(lines):
            line = lines[i]
            i += 1
            if not line.strip():
                continue
            tag, _, text = line.partition(":")
            text = text.strip()
            if tag == "T":
                if mode == "styles":
                    doc.add_heading(text, 0)
                else:
                    p = runs(doc.add_paragraph(), text, "方正小标宋简体", 22, True)
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif tag == "ST":
                if mode == "styles":
                    doc.add_paragraph(text, style="Subtitle")
                else:
                    p = runs(doc.add_paragraph(), text, "楷体_GB2312", 16)
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif tag in ("H1", "H2", "H3"):
                level = int(tag[1])
                if mode == "styles":
                    doc.add_heading(text, level)
                else:
                    font = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312"}[level]
                    runs(doc.add_paragraph(), text, font, 16, True)
            elif tag == "P":
                p = runs(doc.add_paragraph(), text)
                p.paragraph_format.first_line_indent = Pt(32)
            elif tag == "C":
                p = runs(doc.add_paragraph(), text)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif tag == "CAP":
                if mode == "styles":
                    p = doc.add_paragraph(text, style="Caption")
                else:
                    p = runs(doc.add_paragraph(), text, "黑体", 14, True)
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif tag == "TABLE":
                rows = []
                while lines[i].strip() != "END":
                    rows.append([c.strip() for c in lines[i].split("|")])
                    i += 1
                i += 1
                self.table(doc, rows)
            else:
                raise ValueError(f"{self.src}:{i}: unknown tag {tag!r}")
        doc.save(out)

    @staticmethod
    def table(doc, rows):
        ncols = max(len(r) for r in rows)
        t = doc.add_table(rows=len(rows), cols=ncols)
        t.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, val in enumerate(row):
                if val not in ("^", "<"):
                    t.cell(r, c).text = val
        # horizontal merges first, then vertical ones
        for r, row in enumerate(rows):
            c = 0
            while c < ncols:
                end = c
                while end + 1 < ncols and rows[r][end + 1] == "<":
                    end += 1
                if end > c:
                    t.cell(r, c).merge(t.cell(r, end))
                c = end + 1
        for c in range(ncols):
            r = 0
            while r < len(rows):
                end = r
                while end + 1 < len(rows) and rows[end + 1][c] == "^":
                    end += 1
                if end > r:
                    t.cell(r, c).merge(t.cell(end, c))
                r = end + 1


# ---------------------------------------------------------------- drivers

def build_pandoc(src, out):
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", out, src], check=True, env=env)


def build_libreoffice(src, out):
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless"]
        if src.endswith(".html"):
            cmd += ["--infilter=HTML (StarWriter)"]
        cmd += ["--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp, src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        produced = os.path.join(tmp, os.path.splitext(os.path.basename(src))[0] + ".docx")
        shutil.copyfile(produced, out)


def jobs():
    for f in sorted(os.listdir(os.path.join(HERE, "pydocx"))):
        if f.endswith(".txt"):
            yield f[:-4], lambda s, o: PyDocx(s).build(o), os.path.join(HERE, "pydocx", f)
    for f in sorted(os.listdir(os.path.join(HERE, "pandoc"))):
        if f.endswith(".md"):
            yield f[:-3], build_pandoc, os.path.join(HERE, "pandoc", f)
    for f in sorted(os.listdir(os.path.join(HERE, "libreoffice"))):
        if f.endswith((".html", ".fodt")):
            yield os.path.splitext(f)[0], build_libreoffice, os.path.join(HERE, "libreoffice", f)
    for d in sorted(os.listdir(os.path.join(HERE, "wordml"))):
        if os.path.isdir(os.path.join(HERE, "wordml", d)):
            yield d, zip_package, os.path.join(HERE, "wordml", d)


def main(argv):
    os.makedirs(DOCS, exist_ok=True)
    wanted = argv[1:]
    for name, fn, src in jobs():
        if wanted and not any(name.startswith(w) for w in wanted):
            continue
        out = os.path.join(DOCS, name + ".docx")
        fn(src, out)
        normalise(out)
        print(f"built {os.path.relpath(out, HERE)}")


if __name__ == "__main__":
    main(sys.argv)
