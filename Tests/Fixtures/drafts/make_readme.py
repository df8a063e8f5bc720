#!/usr/bin/env python3
"""Regenerate the table of drafts in README.md from the sources' front matter.

Replaces the text between the BEGIN/END markers in README.md; everything else in the
README is hand-written. Run by build_inputs.sh; `--check` exits 1 if the README is stale.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from draftgen.common import choose  # noqa: E402
from draftgen.source import (Document, SourceError, VERSIONS, load_expected,  # noqa: E402
                             parse_source, source_files)

BEGIN = "<!-- BEGIN GENERATED TABLE (make_readme.py) -->"
END = "<!-- END GENERATED TABLE -->"
SECTION_NAMES = {"basis": "发展基础", "guiding": "指导思想", "principles": "基本原则",
                 "goals": "发展目标", "tasks": "重点任务", "safeguards": "保障措施"}
SECTION_WORDS = {"basis": ("发展基础", "现状", "形势", "成就"), "guiding": ("指导思想",),
                 "principles": ("基本原则",), "goals": ("目标",), "tasks": ("任务",),
                 "safeguards": ("保障措施", "保障")}


def longest_common_substring(a: str, b: str) -> int:
    best = 0
    prev = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def generic_name(doc: Document) -> bool:
    """A file name that says little about the draft (draft-07.docx, 规划.docx …)."""
    stem = re.sub(r"\.docx$", "", doc.file, flags=re.I)
    stem = re.sub(r"[（(【\[].*?[）)】\]]", "", stem)
    return longest_common_substring(stem, doc.meta["title"]) < 4


def version_rank(doc: Document) -> tuple:
    v = doc.meta.get("version")
    r = VERSIONS.index(v) if v in VERSIONS else (1.5 if v else -1)
    return (r, doc.meta["modified"])


def features(doc: Document, exp: dict | None, newer: dict, older: dict) -> list[str]:
    f = []
    if doc.writer in ("wordml", "nostyle"):
        f.append("WPS package" if choose(doc, "flavor", 2) else "Word package")
    if doc.has_revisions:
        unresolved = (exp or {}).get("revisions", {}).get("unresolved", True)
        f.append("tracked changes" + ("" if unresolved else " (resolved)"))
    if doc.comments:
        f.append(f"comments ({len(doc.comments)})")
    if doc.file in newer:
        f.append(f"superseded by {newer[doc.file]}")
    if doc.file in older:
        f.append(f"supersedes {older[doc.file]}")
    if generic_name(doc):
        f.append("generic name")
    missing = (exp or {}).get("missingSections")
    if missing is None:
        heads = " ".join(h.raw for h in doc.headings)
        missing = [k for k, words in SECTION_WORDS.items() if not any(w in heads for w in words)]
    for m in missing:
        f.append(f"missing {m}")
    if doc.uses_chapters:
        f.append("chapter headings (第一章/第一节)")
    levels = max((h.level for h in doc.headings), default=0)
    if levels >= 4:
        f.append(f"{levels} heading levels")
    if any(h.label is None for h in doc.headings):
        f.append("unlabelled heading")
    if doc.has_merged_cells:
        f.append("merged cells")
    if doc.has_runin:
        f.append("run-in headings")
    if doc.has_pagebreak:
        f.append("page break")
    if len(doc.tables) > 1:
        f.append(f"{len(doc.tables)} tables")
    if not doc.meta.get("docTitle"):
        f.append("empty dc:title")
    if not doc.meta.get("version"):
        f.append("no version")
    elif doc.meta["version"] not in VERSIONS:
        f.append(f"version {doc.meta['version']}")
    return f


def table(src: Path) -> str:
    docs, errors = [], []
    for p in source_files(src):
        try:
            docs.append((p, parse_source(p), load_expected(p)))
        except SourceError as e:
            errors.append(str(e))
    # version chains: same topic, ordered by version then modified date
    newer, older = {}, {}
    by_topic: dict[str, list[Document]] = {}
    for _, d, exp in docs:
        by_topic.setdefault(d.meta["topic"], []).append(d)
    for group in by_topic.values():
        if len(group) > 1:
            group.sort(key=version_rank)
            for a, b in zip(group, group[1:]):
                newer[a.file] = b.meta.get("version") or b.file
                older[b.file] = a.meta.get("version") or a.file

    def cell(s: str) -> str:
        return s.replace("|", "\\|")

    rows = ["| source | file (in `Inputs/`) | topic | writer | version | exercises |",
            "|---|---|---|---|---|---|"]
    for p, d, exp in sorted(docs, key=lambda x: (x[1].writer, x[0].name)):
        rows.append(f"| `{p.name}` | {cell(d.file)} | {d.meta['topic']} | {d.writer} | "
                    f"{d.meta.get('version', '—')} | "
                    f"{cell(', '.join(features(d, exp, newer, older)))} |")
    counts = {}
    for _, d, _ in docs:
        counts[d.writer] = counts.get(d.writer, 0) + 1
    summary = ", ".join(f"{w} {n}" for w, n in sorted(counts.items()))
    out = [f"{len(docs)} drafts ({summary}).", ""] + rows
    if errors:
        out += ["", "Sources that do not parse:", ""] + [f"- {e}" for e in errors]
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--src", type=Path, default=HERE / "src")
    ap.add_argument("--readme", type=Path, default=HERE / "README.md")
    ap.add_argument("--check", action="store_true", help="exit 1 if README.md is stale")
    args = ap.parse_args()
    text = args.readme.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        print(f"{args.readme}: markers not found", file=sys.stderr)
        return 2
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n{table(args.src)}\n{END}{tail}"
    if args.check:
        return 0 if new == text else 1
    if new != text:
        args.readme.write_text(new, encoding="utf-8")
        print(f"updated {args.readme.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
