"""Turn every src/*.md into Inputs/<front-matter file>.

    python3 -m draftgen.build [--src DIR] [--out DIR] [--only NAME…] [--keep-stale]

Removes generated .docx files in the output folder that no source produces any more
(dot files such as .gitkeep are kept). Exits non-zero if any source fails.
"""
from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import tempfile
import traceback
from pathlib import Path

from .source import SourceError, parse_source, source_files

HERE = Path(__file__).resolve().parent.parent            # Tests/Fixtures/drafts
ROOT = HERE.parent.parent.parent                         # the package root
WRITER_MODULES = {
    "wordml": "draftgen.wordml",
    "nostyle": "draftgen.nostyle",
    "libreoffice": "draftgen.libreoffice",
    "pandoc": "draftgen.pandoc_writer",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=HERE / "src")
    ap.add_argument("--out", type=Path, default=ROOT / "Inputs")
    ap.add_argument("--only", nargs="*", help="build only sources whose name contains one "
                    "of these strings (no stale-file removal)")
    ap.add_argument("--keep-stale", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    ap.add_argument("--all-writers", action="store_true",
                    help="self-test: build every source with every writer that can express "
                         "it, as <source stem>.<writer>.docx")
    args = ap.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    sources = source_files(args.src)
    if args.only:
        sources = [s for s in sources if any(o in s.name for o in args.only)]
    if not sources:
        print(f"no sources in {args.src}", file=sys.stderr)

    failures, produced, docs = [], {}, []
    for path in sources:
        try:
            doc = parse_source(path)
        except SourceError as e:
            failures.append((path.name, str(e)))
            continue
        if doc.file in produced:
            failures.append((path.name, f"file {doc.file!r} is also produced by "
                                        f"{produced[doc.file]}"))
            continue
        if args.all_writers:
            for w in WRITER_MODULES:
                if w != "wordml" and (doc.has_revisions or doc.has_comments):
                    continue
                variant = parse_source(path)
                variant.meta["writer"] = w
                variant.meta["file"] = f"{path.stem}.{w}.docx"
                produced[variant.file] = path.name
                docs.append(variant)
            continue
        produced[doc.file] = path.name
        docs.append(doc)

    work_root = Path(tempfile.mkdtemp(prefix="draftgen-"))
    try:
        for doc in docs:
            mod = importlib.import_module(WRITER_MODULES[doc.writer])
            out = args.out / doc.file
            work = work_root / f"{len(list(work_root.iterdir())):03d}"
            work.mkdir()
            try:
                mod.write(doc, out, work)
            except (SourceError, RuntimeError) as e:
                failures.append((doc.path.name, str(e)))
                out.unlink(missing_ok=True)
                continue
            except Exception:  # a writer bug: show it whole
                failures.append((doc.path.name, traceback.format_exc()))
                out.unlink(missing_ok=True)
                continue
            print(f"  {doc.writer:<11} {doc.path.name} -> {out.name}")
            if not args.quiet:
                for w in doc.warnings:
                    print(f"      warning: {w}")
    finally:
        shutil.rmtree(work_root, ignore_errors=True)

    if not args.only and not args.keep_stale and not failures:
        for old in sorted(args.out.glob("*.docx")):
            if old.name not in produced:
                print(f"  removing stale {old.name}")
                old.unlink()

    built = len(docs) - sum(1 for name, _ in failures if name in produced.values())
    print(f"built {built} of {len(docs)} documents from {len(sources)} sources into {args.out}")
    for name, msg in failures:
        print(f"FAILED {name}: {msg}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
