#!/usr/bin/env python3
"""Check every hand reading in ../truth/ against the text of its DOCX in ../docs/.

This is a proof-reading aid for the set, not a rule: it only confirms that what the reading quotes is
really in the draft where the reading says. Text is read straight from word/document.xml (found through
_rels/.rels): paragraphs in body order, including those in table cells and content controls; w:ins text
kept, w:delText dropped, comments and numbering labels not included (they are not body text).

Checks per reading: title (one paragraph or consecutive paragraphs); every section heading is a paragraph;
every goal text is a paragraph; every task/safeguard title is a paragraph and the counts match; every
indicator's paragraph_hint starts a paragraph (prose) or a table cell (table), and that paragraph / row
holds the value (with its unit for prose), the baseline and the name; every not_indicator phrase is in the
text; body length in CJK characters. Also cross-checks the paragraph list against `pandoc -t plain`.

Usage: python3 check.py [doc-prefix ...]
"""
import json
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def main_part(z):
    rels = ET.fromstring(z.read("_rels/.rels"))
    for r in rels.iter(PKG_REL + "Relationship"):
        if r.get("Type") == OFFICE_DOC:
            return r.get("Target").lstrip("/")
    raise SystemExit("no main document relationship")


def para_text(p):
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            out.append("\n")
    return "".join(out)


def read_docx(path):
    """[(kind, text, row_cells)] in body order; kind 'p' or 'cell'."""
    z = zipfile.ZipFile(path)
    root = ET.fromstring(z.read(main_part(z)))
    body = root.find(W + "body")
    items = []

    def walk(el, in_row=None):
        for ch in el:
            if ch.tag == W + "p":
                items.append(("cell" if in_row is not None else "p", para_text(ch).strip(), in_row))
            elif ch.tag == W + "tbl":
                for tr in ch.iter(W + "tr"):
                    cells = []
                    for tc in tr.findall(W + "tc"):
                        cells.append("".join(para_text(p) for p in tc.iter(W + "p")).strip())
                    for c in cells:
                        items.append(("cell", c, cells))
            elif ch.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "smartTag"):
                walk(ch, in_row)
    walk(body)
    return items


def fmt(v):
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def cjk_count(s):
    return len(re.findall(r"[\u3400-\u9fff]", s))


def check(truth_path):
    t = json.load(open(truth_path, encoding="utf-8"))
    doc = os.path.join(ROOT, "docs", t["doc"])
    items = read_docx(doc)
    paras = [x[1] for x in items if x[0] == "p"]
    cells = [x for x in items if x[0] == "cell"]
    alltext = "\n".join(x[1] for x in items)
    errs = []

    def is_para(s):
        return s in paras

    # title: one paragraph, or consecutive paragraphs joined
    title = t["title"]
    ok = is_para(title) or any("".join(paras[i:i + k]) == title for i in range(len(paras)) for k in (2, 3))
    if not ok:
        errs.append(f"title not found: {title}")
    # sections
    for k, v in t["sections"].items():
        if v is None:
            continue
        if v.startswith("chapters: "):
            first, last = v[len("chapters: "):].split("…")
            for h in (first, last):
                if not is_para(h):
                    errs.append(f"section {k}: chapter heading not a paragraph: {h}")
        elif not is_para(v):
            errs.append(f"section {k}: heading not a paragraph: {v}")
    # goals
    for g in t["goals"]:
        if not is_para(g["text"]):
            errs.append(f"goal not a paragraph: {g['text'][:30]}")
        if g["year"] and str(g["year"]) not in g["text"] and not g.get("year_from"):
            pass  # year given by a lead or heading; reported in summary only
    for g in t.get("not_goals", []):
        if not is_para(g):
            errs.append(f"not_goal not a paragraph: {g[:30]}")
    # tasks / safeguards
    for key in ("tasks", "safeguards"):
        blk = t[key]
        if blk["count"] != len(blk["titles"]):
            errs.append(f"{key}: count {blk['count']} != {len(blk['titles'])} titles")
        for h in blk["titles"]:
            if not is_para(h):
                errs.append(f"{key}: title not a paragraph: {h}")
    # indicators
    seen = set()
    for ind in t["indicators"]:
        hint = ind["paragraph_hint"]
        label = f"indicator {ind['name']} {ind['year']} {ind['kind']} {ind['from']}"
        kk = (ind["name"], ind["year"], ind["kind"], ind["from"], hint)
        if kk in seen:
            errs.append(f"{label}: duplicate record")
        seen.add(kk)
        if len(hint) != 12 and not (ind["from"] == "table" and len(hint) < 12):
            errs.append(f"{label}: hint is {len(hint)} characters, not 12: {hint}")
        if ind["from"] == "prose":
            hits = [p for p in paras if p.startswith(hint)]
            if len(hits) != 1:
                errs.append(f"{label}: hint matches {len(hits)} paragraphs: {hint}")
                continue
            p = hits[0]
            if len(hint) == 12 and p[:12] != hint:
                errs.append(f"{label}: hint is not the first 12 characters")
            if ind["name"] not in p:
                errs.append(f"{label}: name not in paragraph")
            if ind["key"] not in ind["name"]:
                errs.append(f"{label}: key not in name")
            for n in ind.get("not", []):
                if n in ind["name"]:
                    errs.append(f"{label}: name contains a 'not' word {n}")
            if ind.get("range"):
                want = f"{fmt(ind['range'][0])}%—{fmt(ind['range'][1])}{ind['unit']}"
            elif ind["unit"] == "倍" and ind["value"] == 2:
                want = "翻一番"
            else:
                want = fmt(ind["value"]) + ind["unit"]
            if want not in p:
                errs.append(f"{label}: value+unit {want} not in paragraph")
            if ind.get("baseline") is not None and fmt(ind["baseline"]) not in p:
                errs.append(f"{label}: baseline {ind['baseline']} not in paragraph")
            if ind.get("comparator") and ind["comparator"] not in ("range",) and ind["comparator"] not in p:
                errs.append(f"{label}: comparator {ind['comparator']} not in paragraph")
        else:
            rows = [c[2] for c in cells if c[1] == ind["name"]]
            if not rows:
                errs.append(f"{label}: no table cell equals the name")
                continue
            if not ind["name"].startswith(hint):
                errs.append(f"{label}: hint does not start the name cell")
            if len(ind["name"]) >= 12 and ind["name"][:12] != hint:
                errs.append(f"{label}: hint is not the first 12 characters of the name cell")
            row = rows[0]
            vals = [re.sub(r"[＞＜><≥≤〔〕\[\]*＊\s]", "", c) for c in row]
            if fmt(ind["value"]) not in vals:
                errs.append(f"{label}: value {ind['value']} not a cell of the row {row}")
            if ind.get("baseline") is not None and fmt(ind["baseline"]) not in vals:
                errs.append(f"{label}: baseline {ind['baseline']} not a cell of the row {row}")
            if ind["kind"] == "cumulative" and not any("〔" in c for c in row):
                errs.append(f"{label}: cumulative but no 〔〕 cell")
        if ind.get("base"):
            mult = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3, "百万": 1e6}
            m = re.match(r"^(万亿|亿|万|千)", ind["unit"])
            if not m:
                errs.append(f"{label}: base given but unit has no multiplier")
            else:
                expect = ind["value"] * mult[m.group(1)]
                if abs(expect - ind["base"][0]) > 1e-6 * max(1, expect):
                    errs.append(f"{label}: base {ind['base'][0]} != {expect}")
                if ind["base"][1] != ind["unit"][len(m.group(1)):]:
                    errs.append(f"{label}: base unit {ind['base'][1]} != {ind['unit'][len(m.group(1)):]}")
        elif re.match(r"^(万亿|亿|万)", ind["unit"]):
            errs.append(f"{label}: unit {ind['unit']} has a multiplier but no base")
    for ni in t.get("not_indicators", []):
        if re.search(r"\((comment|deleted|footnote)", ni):
            continue  # lives outside the body text on purpose
        phrase = re.sub(r"\s*\(.*\)$", "", ni)
        if "/" in phrase or phrase.endswith("–8"):
            continue
        if phrase not in alltext and phrase not in alltext.replace("\n", ""):
            errs.append(f"not_indicator phrase not in text: {phrase}")
    # pandoc cross-check: every body paragraph should appear in pandoc's plain text
    plain = subprocess.run(["pandoc", "-f", "docx", "-t", "plain", "--wrap=none", doc],
                           capture_output=True, text=True).stdout
    plain_flat = re.sub(r"\s+", "", plain)
    missing = [p for p in paras if p and re.sub(r"\s+", "", p) not in plain_flat]
    body = "".join(paras) + "".join(c[1] for c in cells)
    return t, errs, missing, cjk_count(body)


def base_value(ind):
    return ind["base"][0] if ind.get("base") else ind["value"]


def check_conflicts():
    """Within a draft, records of one (key, year, kind) agree; across the in-scope drafts, the groups of
    (key, year, kind) whose values differ are exactly expected-conflicts.json."""
    errs = []
    truths = [json.load(open(os.path.join(ROOT, "truth", f), encoding="utf-8"))
              for f in sorted(os.listdir(os.path.join(ROOT, "truth"))) if f.endswith(".json")]
    groups = {}
    for t in truths:
        own = {}
        for ind in t["indicators"]:
            k = (ind["key"], ind["year"], ind["kind"])
            own.setdefault(k, set()).add(round(base_value(ind), 6))
        for k, vals in own.items():
            if len(vals) > 1:
                errs.append(f"{t['doc']}: self-conflict {k} {sorted(vals)}")
            if t["scope"] == "in":
                groups.setdefault(k, {})[t["doc"]] = vals.pop()
    found = {(k[0], k[1]): docs for k, docs in groups.items() if len(set(docs.values())) > 1}
    expected = json.load(open(os.path.join(ROOT, "expected-conflicts.json"), encoding="utf-8"))
    exp = {(c["indicator"], c["year"]): {v["doc"]: v["value"] for v in c["values"]} for c in expected}
    if set(found) != set(exp):
        errs.append(f"conflicts from readings {sorted(found)} != expected {sorted(exp)}")
    for k in set(found) & set(exp):
        if found[k] != exp[k]:
            errs.append(f"conflict {k}: readings {found[k]} != expected {exp[k]}")
    return errs


def main(argv):
    total = {"docs": 0, "indicators": 0, "goals": 0}
    bad = 0
    for f in sorted(os.listdir(os.path.join(ROOT, "truth"))):
        if not f.endswith(".json"):
            continue
        if argv[1:] and not any(f.startswith(a) for a in argv[1:]):
            continue
        t, errs, missing, n = check(os.path.join(ROOT, "truth", f))
        total["docs"] += 1
        total["indicators"] += len(t["indicators"])
        total["goals"] += len(t["goals"])
        status = "ok" if not errs else f"{len(errs)} problem(s)"
        print(f"{f}: {status}; {n} CJK chars; {len(t['indicators'])} indicators, {len(t['goals'])} goals, "
              f"{t['tasks']['count']} tasks, {t['safeguards']['count']} safeguards")
        for e in errs:
            print("   -", e)
        for m in missing:
            print("   ~ pandoc text lacks:", m[:40])
        if errs:
            bad += 1
    cerrs = [] if argv[1:] else check_conflicts()
    for e in cerrs:
        print("conflicts:", e)
    if not argv[1:] and not cerrs:
        print("conflicts: readings agree with expected-conflicts.json; no draft conflicts with itself")
    bad += 1 if cerrs else 0
    print(total, "files with problems:", bad)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
