#!/usr/bin/env python3
"""Checks annotated drafts (plan-assembler annotate / build's feedback/) against their originals.

Usage: scripts/check-feedback.py ORIGINALS_DIR ANNOTATED_DIR [--binary PATH] [--libreoffice] [--limit N]

For each annotated file with an original of the same name:
  1. parts: every part byte-identical except the main document part, the comments part, the
     main part's relationships and [Content_Types].xml; none removed; only a comments part (and
     a relationships part) added;
  2. reader: `plan-assembler dump --format text` gives the same text in the accepted and the
     rejected view for the copy as for the original;
  3. schema: the changed WordprocessingML parts (document, comments) are checked with
     xmllint --schema against ISO/IEC 29500 wml.xsd: no error the original part did not have
     (the drafts' own parts are often not schema-valid: Word extensions, producers' quirks);
     a created comments part must be valid;
  4. python-docx loads the copy; 5. (--libreoffice) LibreOffice converts it to PDF.
Prints one line per failure and the counts. Exit 1 when a check failed.
"""
import os, re, subprocess, sys, tempfile, zipfile

SCHEMAS = os.environ.get("OOXML_SCHEMAS", os.path.join(os.path.dirname(__file__), "../../shared/ooxml-schemas"))
WML = os.path.join(SCHEMAS, "ISO-IEC29500-4_2016/wml.xsd")


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i.filename) for i in z.infolist() if not i.filename.endswith("/")}


def schema_errors(data, work):
    f = os.path.join(work, "part.xml")
    with open(f, "wb") as h:
        h.write(data)
    r = subprocess.run(["xmllint", "--noout", "--schema", WML, f], capture_output=True, text=True)
    if r.returncode == 0:
        return set()
    # Errors without line numbers and without the positions that the inserted marks move.
    out = set()
    for line in r.stderr.splitlines():
        if "validates" in line or "fails to validate" in line:
            continue
        line = re.sub(r"^[^:]*:\d+: ", "", line)
        line = re.sub(r"commentRangeStart|commentRangeEnd|\{[^}]*\}r\b", "", line)
        out.add(line)
    return out or {"invalid"}


def dump(binary, path, view):
    r = subprocess.run([binary, "dump", "--format", "text", "--view", view, path], capture_output=True)
    return r.returncode, r.stdout


def main():
    args = sys.argv[1:]
    lo = "--libreoffice" in args
    binary = ".build/debug/plan-assembler"
    limit = None
    if "--binary" in args:
        binary = args[args.index("--binary") + 1]
    if "--limit" in args:
        limit = int(args[args.index("--limit") + 1])
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] not in ("--binary", "--limit"))]
    originals, annotated = positional[:2]
    names = sorted(n for n in os.listdir(annotated) if n.lower().endswith((".docx", ".docm", ".dotx", ".dotm")))
    if limit:
        names = names[:limit]
    counts = dict(files=0, parts_ok=0, reader_ok=0, schema_ok=0, python_docx_ok=0, libreoffice_ok=0, comments=0)
    failures = []
    work = tempfile.mkdtemp()
    for name in names:
        orig_path = os.path.join(originals, name)
        copy_path = os.path.join(annotated, name)
        if not os.path.exists(orig_path):
            continue
        counts["files"] += 1
        a, b = parts(orig_path), parts(copy_path)
        # The main part: the officeDocument relationship of _rels/.rels.
        main_part = "word/document.xml"
        for rel in re.findall(rb"<Relationship\b[^>]*>", a.get("_rels/.rels", b"")):
            if re.search(rb'Type="[^"]*/officeDocument"', rel):
                target = re.search(rb'Target="([^"]*)"', rel)
                if target:
                    main_part = target.group(1).decode("utf-8").lstrip("/")
        rels = os.path.join(os.path.dirname(main_part), "_rels", os.path.basename(main_part) + ".rels")
        comments = [p for p in b if re.search(r"comments\d*\.xml$", p) and os.path.dirname(p) == os.path.dirname(main_part)]
        allowed = {main_part, rels, "[Content_Types].xml"} | set(comments)
        changed = {p for p in a if p in b and a[p] != b[p]}
        removed = set(a) - set(b)
        added = set(b) - set(a)
        ok = changed <= allowed and not removed and added <= allowed
        if ok:
            counts["parts_ok"] += 1
        else:
            failures.append(f"{name}: parts changed {sorted(changed - allowed)} removed {sorted(removed)} added {sorted(added - allowed)}")
        counts["comments"] += sum(len(re.findall(rb'author="\xe8\xa7\x84\xe5\x88\x92\xe6\xb1\x87\xe7\xbc\x96"', b[c])) for c in comments)

        same = True
        for view in ("accepted", "rejected"):
            ra, oa = dump(binary, orig_path, view)
            rb, ob = dump(binary, copy_path, view)
            if ra != rb or oa != ob:
                same = False
                failures.append(f"{name}: reader text differs in the {view} view")
        counts["reader_ok"] += same

        schema_ok = True
        for p in sorted(changed | added):
            if p in (main_part,) or p in comments:
                if b"purl.oclc.org/ooxml/wordprocessingml" in b[p][:2000]:
                    # Strict OOXML: the Transitional schemas here cannot check it.
                    counts["strict_not_checked"] = counts.get("strict_not_checked", 0) + 1
                    continue
                new = schema_errors(b[p], work)
                old = schema_errors(a[p], work) if p in a else set()
                extra = new - old
                if extra:
                    schema_ok = False
                    failures.append(f"{name}: {p}: new schema errors: {sorted(extra)[:3]}")
        counts["schema_ok"] += schema_ok

        r = subprocess.run([sys.executable, "-c", "import sys, docx; docx.Document(sys.argv[1])", copy_path], capture_output=True, text=True)
        if r.returncode == 0:
            counts["python_docx_ok"] += 1
        else:
            ro = subprocess.run([sys.executable, "-c", "import sys, docx; docx.Document(sys.argv[1])", orig_path], capture_output=True, text=True)
            if ro.returncode == 0:
                failures.append(f"{name}: python-docx: {r.stderr.strip().splitlines()[-1] if r.stderr.strip() else 'failed'}")
            else:
                counts.setdefault("python_docx_refuses_original_too", 0)
                counts["python_docx_refuses_original_too"] += 1

        if lo:
            out = os.path.join(work, "pdf")
            r = subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf",
                                "--outdir", out, copy_path], capture_output=True, text=True, timeout=300)
            pdf = os.path.join(out, os.path.splitext(name)[0] + ".pdf")
            if r.returncode == 0 and os.path.exists(pdf) and os.path.getsize(pdf) > 0:
                counts["libreoffice_ok"] += 1
                os.remove(pdf)
            else:
                failures.append(f"{name}: LibreOffice could not convert it")
    for f in failures:
        print("FAIL " + f)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    sys.exit(1 if failures else 0)


main()
