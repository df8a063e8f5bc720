#!/usr/bin/env python3
"""Score PlanAssembler's extraction stage against hand readings.

    python3 Tests/Evaluation/score.py --bin .build/release/plan-assembler \
        --set DIR [--set DIR ...] [--json OUT.json] [--details]

Each DIR holds docs/*.docx and truth/<stem>.json. All docs of one set are given to
`<bin> extract` in one call (drafts given together are compared for superseding);
the scorer then reads <tmp>/<stem>.json per doc and compares it with the truth.
Python 3.11, standard library only. See README.md in this folder for the metrics.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

# --------------------------------------------------------------------------- text

QUOTES = "“”\"'‘’「」『』"
_QUOTE_TABLE = {ord(c): None for c in QUOTES}


def norm(s) -> str:
    """NFKC (fullwidth → ASCII: ％→%, （→(, ，→,, Ⅲ→III), lower case, no whitespace, no quotes.
    Keeps 、 and other CJK punctuation: a truth `not` such as "生产总值、" depends on it."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).lower()
    s = s.translate(_QUOTE_TABLE)
    return "".join(ch for ch in s if not ch.isspace())


def squash(s) -> str:
    """norm() and then no punctuation or symbols at all (for goal text and paragraph prefixes)."""
    return "".join(ch for ch in norm(s) if unicodedata.category(ch)[0] not in "PSZC")


CN_NUM = "一二三四五六七八九十百零〇两"
LABEL_RE = re.compile(
    r"^(?:第[" + CN_NUM + r"\d]+[篇章节部分条]|[" + CN_NUM + r"]+[、.．]|[(（][" + CN_NUM + r"\d]+[)）]"
    r"|\d+(?:\.\d+)*[、.．)）](?!\d)|[①-⑳]|[" + CN_NUM + r"]+是|专栏\d*)"
)


def strip_label(s: str) -> str:
    """Drop leading outline labels (一、 （一） 第三章 1. 1.2 ① 一是) from a normalized string."""
    prev = None
    while prev != s:
        prev = s
        m = LABEL_RE.match(s)
        if m and m.end() < len(s):
            s = s[m.end():].lstrip("、.,:;，．。：")
    return s


def label_of(s: str) -> str:
    m = LABEL_RE.match(norm(s))
    if not m:
        return ""
    return re.sub(r"[、.．()（）]", "", m.group(0))


def disp_width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def pad(s: str, w: int, right: bool = False) -> str:
    s = str(s)
    while disp_width(s) > w and len(s) > 1:
        s = s[:-2] + "…"
    fill = " " * max(0, w - disp_width(s))
    return fill + s if right else s + fill


# --------------------------------------------------------------------------- units and values

MULTIPLIERS = [("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("十亿", 1e9), ("亿", 1e8),
               ("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("万", 1e4)]
UNIT_ALIASES = {"百分点": "个百分点", "percent": "%", "%%": "%"}


def norm_unit(u) -> str | None:
    if u is None:
        return None
    n = norm(u)
    if n == "":
        return None
    return UNIT_ALIASES.get(n, n)


def to_base(value, unit):
    """(value, unit) in the base unit: 8.5 万亿元 → (8.5e12, 元); 80 万人 → (8e5, 人).
    Only 万/亿 multipliers (千/百 alone are kept: 千米, 千瓦, 千克 are units of their own)."""
    u = norm_unit(unit)
    if value is None or u is None:
        return value, u
    for prefix, mult in MULTIPLIERS:
        if u.startswith(prefix):
            return value * mult, u[len(prefix):]
    return value, u


def num_eq(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


# A doubling stated without a number (relative 翻一番, value null) is the same quantity as a reading
# that writes it 2倍 (翻两番: 4倍); readings differ in how they write it, not in what it says.
DOUBLINGS = {"翻一番": 2.0, "翻了一番": 2.0, "翻番": 2.0, "翻两番": 4.0}


def quantity_ok(found: dict, truth: dict) -> bool:
    if found.get("value") is None and found.get("relative") in DOUBLINGS and truth.get("value") is not None:
        found = dict(found, value=DOUBLINGS[found["relative"]], unit="倍")
    fv, fu = found.get("value"), norm_unit(found.get("unit"))
    tv, tu = truth.get("value"), norm_unit(truth.get("unit"))
    if fv is None or tv is None:
        return fv is None and tv is None and fu == tu
    if fu == tu and num_eq(fv, tv):
        return True
    base = truth.get("base")
    if isinstance(base, (list, tuple)) and len(base) == 2:
        tbv, tbu = base[0], norm_unit(base[1])
    else:
        tbv, tbu = to_base(tv, tu)
    fbv, fbu = to_base(fv, fu)
    return fbu == tbu and num_eq(fbv, tbv)


# --------------------------------------------------------------------------- truth access

SECTION_KINDS = [("发展基础", "basis"), ("指导思想", "guiding"), ("基本原则", "principles"),
                 ("发展目标", "goals"), ("重点任务", "tasks"), ("保障措施", "safeguards")]


def is_none_text(v) -> bool:
    """null, "none", "none (…)", "无", "—", "" all mean: the document has no such part."""
    if v is None:
        return True
    if isinstance(v, list):
        return len(v) == 0
    s = str(v).strip()
    return s in ("", "无", "—", "-") or re.match(r"^(none|null)\b", s, re.I) is not None


def expected_topic(truth: dict):
    """'none' → None; '<id>' → '<id>'; realdocs' prose ('none: a national plan ...') → None.
    Returns (present, value)."""
    if "topic_expected" not in truth:
        return False, None
    v = truth["topic_expected"]
    if v is None:
        return True, None
    v = str(v).strip()
    if re.match(r"^(none|null|unknown)\b", v, re.I) or v == "":
        return True, None
    m = re.match(r"^([A-Za-z0-9_.\-]+)", v)
    return True, (m.group(1) if m else v)


def truth_keys(rec: dict) -> list[str]:
    k = rec.get("key")
    if isinstance(k, list):
        return [norm(x) for x in k if norm(x)]
    if isinstance(k, str) and norm(k):
        return [norm(k)]
    return []


def truth_nots(rec: dict) -> list[str]:
    n = rec.get("not") or []
    if isinstance(n, str):
        n = [n]
    return [norm(x) for x in n if norm(x)]


def found_names(f: dict) -> list[str]:
    out = []
    for k in ("name", "canonicalName"):
        n = norm(f.get(k))
        if n and n not in out:
            out.append(n)
    return out


def name_ok(f: dict, rec: dict) -> bool:
    keys, nots = truth_keys(rec), truth_nots(rec)
    for n in found_names(f):
        if keys:
            if not all(k in n for k in keys):
                continue
        else:  # no key: the found name and the truth name overlap (label-stripped)
            tn = strip_label(norm(rec.get("name")))
            sn = strip_label(n)
            if not (len(sn) >= 2 and (sn in tn or tn in sn)):
                continue
        if any(x in n for x in nots):
            continue
        return True
    return False


def year_ok(f: dict, rec: dict) -> bool:
    ty = rec.get("year")
    if ty is None:
        return True  # truth does not say: not checked
    try:
        return f.get("year") is not None and int(f["year"]) == int(ty)
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------- bad names

BAD_CONTAINS = ["分别"]
BAD_STARTS = ["一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
              "提出", "以上共计", "以上", "以下", "其中", "确保", "力争", "争取", "努力", "占"]
BAD_ENDS = ["达到", "提高到", "提升到", "增长到", "增加到", "下降到", "降低到", "降至", "减少到", "缩小到",
            "扩大到", "控制在", "保持在", "稳定在", "突破", "超过", "不低于", "不高于", "不超过", "达", "由",
            "从", "和", "及", "与", "并", "或", "为", "是", "年的", "的", "在", "到", "至"]
BAD_WHOLE = {"达到", "提高", "提升", "增长", "增加", "下降", "降低", "减少", "实现", "完成", "确保", "保持",
             "突破", "超过", "控制", "建成", "新增", "累计", "年均", "主要指标", "主要目标", "指标", "目标",
             "目标值", "其中", "合计", "总计", "共计", "以上", "以下", "预期性", "约束性", "属性", "单位",
             "规划目标", "发展目标", "指标名称", "序号"}


def bad_name_reason(name: str) -> str | None:
    n = norm(name)
    s = strip_label(n).strip("、,.:;()")
    if not s or LABEL_RE.fullmatch(n) or re.fullmatch(r"[\d.、()]+", n):
        return "enumerator only"
    if len(s) < 2:
        return "too short"
    if s in BAD_WHOLE:
        return "verb/meta phrase"
    for c in BAD_CONTAINS:
        if c in s:
            return f"contains {c}"
    for c in BAD_STARTS:
        if n.startswith(c) or s.startswith(c):
            return f"starts with {c}"
    if re.match(r"^(到|至|在)?\d{4}年", s):
        return "starts with a year"
    for c in BAD_ENDS:
        if s.endswith(c):
            return f"ends with {c}"
    return None


# --------------------------------------------------------------------------- headings / titles

def heading_alternatives(v) -> list[str]:
    """A truth heading may be a list, or realdocs' prose ('二、… (paragraph 28) and 2021 targets …');
    drop annotations in ASCII parentheses preceded by a space, split on ' and '."""
    if v is None:
        return []
    if isinstance(v, list):
        out = []
        for x in v:
            out += heading_alternatives(x)
        return out
    out = []
    for part in re.split(r"\s+and\s+|;", str(v)):
        # realdocs writes "二 (一)–(六)": the part is the chapter labelled 二
        m = re.match(r"^\s*([" + CN_NUM + r"]+)(?=[\s(（–-]|$)", part)
        if m:
            out.append(m.group(1))
            continue
        part = re.sub(r"\s\([^()]*\)", " ", part)   # " (plain paragraph 21)" annotations
        part = re.split(r":\s", part)[0].strip()        # "…: goal and targets in paragraph 24"
        if re.search(r"[A-Za-z]{4,}", part):          # an English remark, not a heading
            continue
        if part:
            out.append(part)
    return out


def title_match(found: str, truth: str) -> bool:
    f, t = norm(found), norm(truth)
    if not f or not t:
        return False
    fs, ts = strip_label(f), strip_label(t)
    # truth is a bare label ("二", "（一）"): compare labels
    if LABEL_RE.fullmatch(t) or re.fullmatch(r"[" + CN_NUM + r"]+", t):
        return label_of(found) == re.sub(r"[、.．()（）]", "", t)
    for a, b in ((f, t), (fs, ts)):
        if len(a) >= 2 and len(b) >= 2 and (a in b or b in a):
            return True
    # the truth heading's first 4 characters, extended until they hold 3 CJK characters
    # ("2020年工作回顾" → "2020年工作", not the bare year)
    head, k = None, 4
    while k <= len(ts):
        if sum(1 for ch in ts[:k] if "\u4e00" <= ch <= "\u9fff") >= 3:
            head = ts[:k]
            break
        k += 1
    return bool(head and head in fs)


def flatten_tasks(tasks, depth=0):
    for t in tasks or []:
        yield depth, t
        yield from flatten_tasks(t.get("children"), depth + 1)


# --------------------------------------------------------------------------- running the tool

class ToolError(Exception):
    pass


def run_extract(binary: str, docs: list[Path], out: Path, templates: str | None, timeout: float):
    cmd = [binary, "extract", *map(str, docs), "--out", str(out)]
    if templates:
        cmd += ["--templates", templates]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ToolError(f"could not run {binary}: {e}")
    written = list(out.glob("*.json"))
    if p.returncode not in (0, 1) and not written:
        raise ToolError(f"{binary} extract exited {p.returncode}: {p.stderr.strip()[:500]}")
    return p.returncode, p.stderr


def paragraph_texts(binary: str, doc: Path) -> dict[int, tuple[str, str]]:
    """paragraphIndex → (text, path), as the tool's reader numbers paragraphs (table cells included)."""
    try:
        p = subprocess.run([binary, "dump", "--format", "json", str(doc)], capture_output=True, text=True, timeout=300)
        data = json.loads(p.stdout)
    except Exception:
        return {}
    out: dict[int, tuple[str, str]] = {}

    def walk(x):
        if isinstance(x, dict):
            loc = x.get("location")
            if isinstance(loc, dict) and "paragraphIndex" in loc and isinstance(x.get("text"), str):
                out.setdefault(loc["paragraphIndex"], (x["text"], str(loc.get("path") or "")))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(data.get("body", data))
    return out


# --------------------------------------------------------------------------- scoring one doc

def found_para_text(f: dict, paras: dict) -> str:
    """Text of the paragraph a found item stands in; for a table row (path body/tbl[i]/tr[j]) the
    texts of all its cells."""
    path = (f.get("location") or {}).get("path") or ""
    if "tbl[" in path and "/p[" not in path.split("tbl[")[-1]:
        return " ".join(t for t, pp in paras.values() if pp.startswith(path + "/"))
    p = para_of(f)
    return paras.get(p, ("", ""))[0] if p is not None else ""


def in_paragraph(f: dict, para: int, paras: dict) -> bool:
    """Whether a found item stands in paragraph `para` (or in the table row holding it)."""
    if para_of(f) == para:
        return True
    path = (f.get("location") or {}).get("path") or ""
    ppath = paras.get(para, ("", ""))[1]
    return bool(path) and "tbl[" in path and ppath.startswith(path + "/")


def para_of(item) -> int | None:
    loc = item.get("location") or {}
    p = loc.get("paragraph")
    return p if isinstance(p, int) else None


def short_ind(f: dict) -> str:
    y = f.get("year")
    v = f.get("value")
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{f.get('name')!s}={v}{f.get('unit') or ''}" + (f"@{y}" if y is not None else "@—") + f" [p{para_of(f)}]"


def short_truth(r: dict) -> str:
    return f"{r.get('name')} ({'/'.join(truth_keys(r)) or '?'}={r.get('value')}{r.get('unit') or ''}@{r.get('year')}, {r.get('from') or '?'})"


def score_doc(stem: str, truth: dict, out: dict | None, ctx: dict) -> dict:
    """ctx: binary, doc path, paragraph-text cache, in-scope docs' supersededBy list."""
    r: dict = {"doc": stem, "extracted": out is not None}
    scope = (truth.get("scope") or "in").strip() if isinstance(truth.get("scope"), str) else "in"
    r["scope"] = scope
    if truth.get("writer"):
        r["writer"] = truth["writer"]
    found_inds = (out or {}).get("indicators") or []

    # ---- topic
    present, exp = expected_topic(truth)
    topic = (out or {}).get("topic") or {}
    tid = topic.get("id")
    r["topic"] = {"expected": exp if present else "(not given)", "found": tid,
                  "confidence": topic.get("confidence"), "supersededBy": (out or {}).get("supersededBy")}
    if scope != "in":
        diag_codes = [d.get("code", "") for d in (out or {}).get("diagnostics") or []]
        flagged = [c for c in diag_codes if re.search(r"scope|period|region", c)]
        names = {stem, stem + ".docx", ctx["doc"].name}
        supersedes = [s for s in ctx["in_scope_superseded_by"] if s and (Path(str(s)).name in names or Path(str(s)).stem == stem)]
        ok = out is not None and (tid is None or bool(flagged)) and not supersedes
        r["topic"].update({"right": ok, "out_of_scope": True, "flagged_by": flagged, "supersedes_in_scope": supersedes})
    elif present:
        r["topic"]["right"] = out is not None and (tid == exp or (exp is None and tid is None))
    else:
        r["topic"]["right"] = None

    if scope != "in":
        # out of scope (frozen set): scored for topic handling only
        r.update({"indicators": {"scored": False}, "bad_names": [], "conflicts": [],
                  "goals": {"truth": None, "found": len((out or {}).get("goals") or [])}, "sections": {},
                  "tasks": {"found": len((out or {}).get("tasks") or [])},
                  "safeguards": {"found": len((out or {}).get("safeguards") or [])}})
        return r

    # ---- indicators (not scored for out-of-scope docs)
    truth_inds = [x for x in truth.get("indicators") or [] if isinstance(x, dict)]
    # optional records ("optional": true, and realeval's indicators_outside_scope): finding one is
    # right (not a false positive), missing one is not counted
    truth_inds += [dict(x, optional=True) for x in truth.get("indicators_outside_scope") or [] if isinstance(x, dict)]
    required = [not x.get("optional") for x in truth_inds]
    score_inds = scope == "in" and "indicators" in truth
    ind: dict = {"scored": score_inds}
    r["indicators"] = ind
    if score_inds:
        # precision scope
        in_scope = [True] * len(found_inds)
        scope_note = "all found"
        sp = truth.get("scope_paragraphs")
        isc = truth.get("indicators_scope")
        if isinstance(sp, list) and sp:
            prefixes = [squash(x)[:20] for x in sp if squash(x)]
            texts = ctx["paragraphs"]()
            for i, f in enumerate(found_inds):
                q = squash(f.get("quote"))
                pt = squash(found_para_text(f, texts))
                in_scope[i] = any(p and (q.startswith(p) or pt.startswith(p) or
                                         (f.get("from") == "table" and p in q)) for p in prefixes)
            scope_note = f"scope_paragraphs ({len(prefixes)})"
        elif isinstance(truth.get("scope_paragraph_index"), list) and truth["scope_paragraph_index"]:
            paras = {int(x) for x in truth["scope_paragraph_index"] if isinstance(x, int)}
            in_scope = [para_of(f) in paras for f in found_inds]
            scope_note = "scope_paragraph_index " + ",".join(map(str, sorted(paras)))
        elif isc is not None:
            paras: set[int] = set()
            if isinstance(isc, list):
                paras = {int(x) for x in isc if isinstance(x, (int, float)) or (isinstance(x, str) and x.isdigit())}
            elif isinstance(isc, str):
                paras = {int(x) for x in re.findall(r"paragraphs?\s+(\d+)", isc)}
            if paras:
                in_scope = [para_of(f) in paras for f in found_inds]
                scope_note = "paragraphs " + ",".join(map(str, sorted(paras)))
        ind["precision_scope"] = scope_note

        # candidate pairs
        pairs = []
        for fi, f in enumerate(found_inds):
            for ti, t in enumerate(truth_inds):
                if not (name_ok(f, t) and quantity_ok(f, t)):
                    continue
                yok = year_ok(f, t)
                from_ok = t.get("from") is None or t.get("from") == f.get("from")
                hint = t.get("paragraph_hint", t.get("paragraph"))
                if isinstance(hint, int):
                    hint_ok = para_of(f) == hint
                elif isinstance(hint, str) and squash(hint):
                    h = squash(hint)
                    pt = squash(found_para_text(f, ctx["paragraphs"]()))
                    hint_ok = (squash(f.get("quote")).startswith(h) or pt.startswith(h)
                               or (f.get("from") == "table" and h in pt))
                else:
                    hint_ok = False
                comp_ok = norm(t.get("comparator")) != "" and norm(t.get("comparator")) in norm(f.get("comparator"))
                pairs.append(((yok, in_scope[fi], from_ok, hint_ok, comp_ok, -fi), fi, ti, yok))
        pairs.sort(key=lambda p: p[0], reverse=True)
        f_match: dict[int, tuple[int, bool]] = {}
        t_match: dict[int, tuple[int, bool]] = {}
        for _, fi, ti, yok in pairs:
            if fi in f_match or ti in t_match:
                continue
            f_match[fi] = (ti, yok)
            t_match[ti] = (fi, yok)

        n_truth = sum(required)
        scoped = [i for i in range(len(found_inds)) if in_scope[i]]
        n_found = len(scoped)
        len_match = len(f_match)
        strict_match = sum(1 for ti, (_, y) in t_match.items() if y and required[ti])
        len_found_in = sum(1 for i in scoped if i in f_match)
        strict_found_in = sum(1 for i in scoped if i in f_match and f_match[i][1])
        ind.update({
            "truth": n_truth, "found": len(found_inds), "found_in_scope": n_found,
            "strict_tp_recall": strict_match, "strict_tp_precision": strict_found_in,
            "lenient_tp_recall": sum(1 for ti in t_match if required[ti]), "lenient_tp_precision": len_found_in,
            "optional_found": sum(1 for ti in t_match if not required[ti]),
            "year_right": sum(1 for _, y in f_match.values() if y), "matched": len_match,
            "no_year": sum(1 for i in scoped if found_inds[i].get("year") is None),
        })
        ind.update(prf(ind))

        # not_indicators: found (unmatched) indicators that are phrases the truth says are not indicators
        nots = [x.get("text", "") if isinstance(x, dict) else str(x) for x in truth.get("not_indicators") or []]
        for x in truth.get("indicators_not_quantitative") or []:
            nots.append(x.get("text", "") if isinstance(x, dict) else str(x).split(":")[0])
        nots_n = [strip_label(norm(x)) for x in nots if norm(x)]
        hits = []
        for i, f in enumerate(found_inds):
            if i in f_match:
                continue
            vtexts = {squash(f.get("text"))}
            if isinstance(f.get("value"), (int, float)):
                vtexts.add(squash(f"{f['value']:g}"))
            vtexts.discard("")
            for nn in found_names(f):
                sn = strip_label(nn)
                if len(sn) >= 2 and any((sn in x or (len(x) >= 2 and x in sn)) and
                                        (not vtexts or any(v in squash(x) for v in vtexts)) for x in nots_n):
                    hits.append(short_ind(f))
                    break
        ind["not_indicator_hits"] = len(hits)

        # details
        misses = []
        texts_cache = None
        for ti, t in enumerate(truth_inds):
            if (ti in t_match and t_match[ti][1]) or not required[ti]:
                continue
            entry = {"truth": short_truth(t)}
            if ti in t_match:
                entry["status"] = "year wrong"
                entry["found"] = [short_ind(found_inds[t_match[ti][0]])]
            else:
                entry["status"] = "missed"
                near = []
                for fi, f in enumerate(found_inds):
                    nm, qt = name_ok(f, t), quantity_ok(f, t)
                    if nm or qt:
                        why = "name ok, value/unit differ" if nm else "value ok, name differs"
                        if fi in f_match:
                            why += f" (matched to {short_truth(truth_inds[f_match[fi][0]])})"
                        near.append(f"{short_ind(f)}: {why}")
                entry["near"] = near
                # the paragraph where the truth statement stands, and what the tool found there
                hint = t.get("paragraph_hint")
                para = hint if isinstance(hint, int) else None  # (realeval's "paragraph" counts body paragraphs only)
                if ctx.get("details"):
                    if texts_cache is None:
                        texts_cache = ctx["paragraphs"]()
                    if para is None:
                        para = locate_paragraph(t, texts_cache)
                if para is not None:
                    entry["paragraph"] = para
                    entry["found_in_paragraph"] = [short_ind(f) for f in found_inds
                                                   if in_paragraph(f, para, texts_cache or {})]
            misses.append(entry)
        fps = []
        for i in scoped:
            if i in f_match:
                continue
            f = found_inds[i]
            why = []
            for t in truth_inds:
                if name_ok(f, t):
                    why.append(f"name of {t.get('name')!r} but value/unit differ")
                    break
            fps.append(short_ind(f) + (f" — {why[0]}" if why else ""))
        ind["misses"] = misses
        ind["false_positives"] = fps
        ind["not_indicator_list"] = hits

    # ---- bad names and self-conflicts (on every extracted doc)
    bad = []
    for f in found_inds:
        why = bad_name_reason(f.get("name") or f.get("canonicalName") or "")
        if why:
            bad.append(f"{f.get('name')!r} ({why}) [p{para_of(f)}]")
    r["bad_names"] = bad
    groups: dict = {}
    for f in found_inds:
        groups.setdefault((f.get("key"), f.get("year")), []).append(f)
    conflicts = []
    for (k, y), fs in groups.items():
        vals = []  # in base units: 1.2 万家 and 12000 家 are the same value
        for f in fs:
            if f.get("value") is None:
                continue
            bv = to_base(f["value"], f.get("unit"))
            if not any(num_eq(bv[0], v[0]) and bv[1] == v[1] for v in vals):
                vals.append(bv)
        if len(vals) > 1:
            conflicts.append(f"{k}@{y}: " + ", ".join(short_ind(f) for f in fs))
    r["conflicts"] = conflicts

    # ---- goals
    tg = [g for g in truth.get("goals") or [] if isinstance(g, dict) and squash(g.get("text"))]
    fg = (out or {}).get("goals") or []
    if tg:
        def corresponds(g, t):
            gs, ts = squash(g.get("text")), squash(t.get("text"))
            return bool(gs) and (ts[:12] in gs or gs[:12] in ts)
        found_t = [t for t in tg if any(corresponds(g, t) for g in fg)]
        yr = [t for t in found_t if t.get("year") is None or
              any(corresponds(g, t) and g.get("year") == t.get("year") for g in fg)]
        prec = [g for g in fg if any(corresponds(g, t) for t in tg)]
        ng = [{"text": x.get("text", "") if isinstance(x, dict) else str(x)} for x in truth.get("not_goals") or []]
        ng = [x for x in ng if squash(x["text"])]
        not_goal_hits = [str(g.get("text"))[:40] for g in fg if g not in prec and any(corresponds(g, x) for x in ng)]
        r["goals"] = {"truth": len(tg), "found": len(fg), "recalled": len(found_t), "year_right": len(yr),
                      "precise": len(prec), "not_goal_hits": not_goal_hits,
                      "missed": [t.get("text")[:40] for t in tg if t not in found_t],
                      "extra": [str(g.get("text"))[:40] for g in fg if g not in prec]}
    else:
        r["goals"] = {"truth": None, "found": len(fg)}

    # ---- sections
    secs = (out or {}).get("sections") or []
    tsecs = truth.get("sections") if isinstance(truth.get("sections"), dict) else {}
    sres = {}
    for cn, kind in SECTION_KINDS:
        if cn not in tsecs and kind not in tsecs:
            continue
        tv = tsecs.get(cn, tsecs.get(kind))
        mine = [s.get("heading", "") for s in secs if s.get("kind") == kind]
        if out is None:  # unreadable: nothing is right
            ok, exp_h = False, tv
        elif is_none_text(tv):
            ok = not mine
            exp_h = None
        else:
            alts = heading_alternatives(tv)
            if alts:
                ok = any(title_match(h, a) for h in mine for a in alts)
            else:  # the truth says the part exists but names no heading: any section of that kind
                ok = bool(mine)
            exp_h = tv
        sres[kind] = {"right": ok, "truth": exp_h, "found": mine}
    r["sections"] = sres

    # ---- tasks and safeguards
    for part in ("tasks", "safeguards"):
        tv = truth.get(part)
        flist = (out or {}).get(part) or []
        top = len(flist)
        allt = [t for _, t in flatten_tasks(flist)] if part == "tasks" else list(flist)
        res = {"found": top}
        if isinstance(tv, dict):
            cnt = tv.get("count", tv.get("chapters"))
            if isinstance(cnt, int):
                # alternative readings ("chapters_if_14fyp_points_counted": 14): the nearest one counts
                alts = [cnt] + [x for k, x in tv.items() if re.match(r"^(count|chapters)_if", k) and isinstance(x, int)]
                best = min(alts, key=lambda x: abs(top - x))
                res["truth"] = cnt
                res["abs_error"] = abs(top - best)
                if len(alts) > 1:
                    res["truth_alternatives"] = alts
            if isinstance(tv.get("sections"), int) and part == "tasks":
                res["truth_sub"] = tv["sections"]
                res["found_sub"] = sum(len(t.get("children") or []) for t in flist)
            titles = tv.get("titles")
            if isinstance(titles, list) and titles:
                hit = [x for x in titles if any(title_match(t.get("title", ""), x) for t in allt)]
                res["titles"] = len(titles)
                res["titles_found"] = len(hit)
                res["titles_missed"] = [x for x in titles if x not in hit]
        elif isinstance(tv, int):
            res["truth"] = tv
            res["abs_error"] = abs(top - tv)
        res["found_titles"] = [t.get("title", "")[:30] for t in flist]
        r[part] = res
    return r


def locate_paragraph(t: dict, texts: dict) -> int | None:
    """The paragraph whose text holds the truth statement (its name, else key + value)."""
    for field in ("written", "name"):
        name = squash(strip_label(norm(t.get(field))))
        if len(name) >= 4:
            for i in sorted(texts):
                if name in squash(texts[i][0]):
                    return i
    keys = [squash(k) for k in truth_keys(t)]
    val = t.get("value")
    if keys and val is not None:
        vs = squash(f"{val:g}" if isinstance(val, (int, float)) else str(val))
        for i in sorted(texts):
            tx = squash(texts[i][0])
            if all(k in tx for k in keys) and vs in tx:
                return i
    return None


def ratio(a, b):
    return None if not b else a / b


def f1(p, r):
    if p is None or r is None or p + r == 0:
        return None if p is None or r is None else 0.0
    return 2 * p * r / (p + r)


def prf(c: dict) -> dict:
    sp = ratio(c["strict_tp_precision"], c["found_in_scope"])
    sr = ratio(c["strict_tp_recall"], c["truth"])
    lp = ratio(c["lenient_tp_precision"], c["found_in_scope"])
    lr = ratio(c["lenient_tp_recall"], c["truth"])
    return {"strict_P": sp, "strict_R": sr, "strict_F": f1(sp, sr), "lenient_P": lp, "lenient_R": lr,
            "year_accuracy": ratio(c["year_right"], c["matched"]),
            "no_year_share": ratio(c["no_year"], c["found_in_scope"])}


# --------------------------------------------------------------------------- one set

def load_truths(d: Path) -> dict[str, dict]:
    out = {}
    for p in sorted((d / "truth").glob("*.json")):
        try:
            t = json.loads(p.read_text(encoding="utf-8"))
        except Exception as e:
            print(f"warning: {p}: {e}", file=sys.stderr)
            continue
        if not isinstance(t, dict):
            continue
        stem = p.stem
        out[stem] = t
    return out


def score_set(d: Path, args) -> dict:
    docs = sorted((d / "docs").glob("*.docx"))
    docs = [p for p in docs if not p.name.startswith("~$")]
    truths = load_truths(d)
    res = {"set": str(d), "docs": [], "warnings": []}
    if not docs:
        res["warnings"].append("no docs/*.docx")
        res["totals"] = totals([])
        return res
    # truth ↔ doc by stem, else by the truth's "doc" field
    by_stem = {p.stem: p for p in docs}
    pairs = {}
    for stem, t in truths.items():
        doc = by_stem.get(stem)
        if doc is None and t.get("doc"):
            doc = by_stem.get(Path(str(t["doc"])).stem)
        if doc is None:
            res["warnings"].append(f"truth {stem}: no doc")
            continue
        pairs[doc.stem] = t
    no_truth = [p.name for p in docs if p.stem not in pairs]
    if no_truth:
        res["warnings"].append("docs without truth (extracted, not scored): " + ", ".join(no_truth))

    with tempfile.TemporaryDirectory(prefix="pa-eval-") as tmp:
        out_dir = Path(tmp)
        rc, stderr = run_extract(args.bin, docs, out_dir, args.templates, args.timeout)
        res["extract_exit"] = rc
        if rc != 0:
            res["warnings"].append(f"extract exited {rc}: " + " | ".join(l for l in stderr.splitlines() if l.startswith("error"))[:400])
        outs = {}
        for p in docs:
            j = out_dir / f"{p.stem}.json"
            if j.exists():
                try:
                    o = json.loads(j.read_text(encoding="utf-8"))
                    if o.get("schemaVersion") != 1:
                        res["warnings"].append(f"{j.name}: schemaVersion {o.get('schemaVersion')}")
                    outs[p.stem] = o
                except Exception as e:
                    res["warnings"].append(f"{j.name}: {e}")
            else:
                res["warnings"].append(f"{p.name}: no extraction written")
        in_scope_sup = [outs[s].get("supersededBy") for s, t in pairs.items()
                        if s in outs and (t.get("scope") or "in") == "in"]
        for p in docs:
            if p.stem not in pairs:
                continue
            cache: dict = {}

            def paragraphs(p=p, cache=cache):
                if "t" not in cache:
                    cache["t"] = paragraph_texts(args.bin, p)
                return cache["t"]
            ctx = {"doc": p, "paragraphs": paragraphs, "in_scope_superseded_by": in_scope_sup,
                   "details": args.details}
            res["docs"].append(score_doc(p.stem, pairs[p.stem], outs.get(p.stem), ctx))
    res["totals"] = totals(res["docs"])
    return res


def totals(docs: list[dict]) -> dict:
    keys = ["truth", "found", "found_in_scope", "strict_tp_recall", "strict_tp_precision", "lenient_tp_recall",
            "lenient_tp_precision", "year_right", "matched", "no_year", "not_indicator_hits", "optional_found"]
    c = {k: 0 for k in keys}
    n_ind = 0
    for d in docs:
        i = d.get("indicators") or {}
        if i.get("scored"):
            n_ind += 1
            for k in keys:
                c[k] += i.get(k, 0)
    t: dict = {"docs": len(docs), "indicator_docs": n_ind, "indicators": {**c, **prf(c)}}
    t["bad_names"] = sum(len(d["bad_names"]) for d in docs)
    t["docs_with_conflicts"] = sum(1 for d in docs if d["conflicts"])
    t["in_scope_docs"] = sum(1 for d in docs if d["scope"] == "in")
    g = [d["goals"] for d in docs if d["goals"].get("truth")]
    gt = sum(x["truth"] for x in g)
    gr = sum(x["recalled"] for x in g)
    gf = sum(x["found"] for x in g)
    t["goals"] = {"truth": gt, "recalled": gr, "recall": ratio(gr, gt),
                  "year_accuracy": ratio(sum(x["year_right"] for x in g), gr),
                  "precision": ratio(sum(x["precise"] for x in g), gf)}
    per_kind = {}
    allr = []
    for _, kind in SECTION_KINDS:
        v = [d["sections"][kind]["right"] for d in docs if kind in d["sections"]]
        allr += v
        per_kind[kind] = {"n": len(v), "right": sum(v), "accuracy": ratio(sum(v), len(v))}
    t["sections"] = {"per_kind": per_kind, "n": len(allr), "right": sum(allr), "accuracy": ratio(sum(allr), len(allr))}
    for part in ("tasks", "safeguards"):
        v = [d[part] for d in docs if "truth" in d[part]]
        tt = [d[part] for d in docs if "titles" in d[part]]
        t[part] = {"n": len(v), "mean_abs_error": ratio(sum(x["abs_error"] for x in v), len(v)),
                   "exact_share": ratio(sum(1 for x in v if x["abs_error"] == 0), len(v)),
                   "within1_share": ratio(sum(1 for x in v if x["abs_error"] <= 1), len(v)),
                   "title_recall": ratio(sum(x["titles_found"] for x in tt), sum(x["titles"] for x in tt))}
    tin = [d["topic"]["right"] for d in docs if d["scope"] == "in" and d["topic"].get("right") is not None]
    tout = [d["topic"]["right"] for d in docs if d["scope"] != "in"]
    t["topic"] = {"n": len(tin), "right": sum(tin), "accuracy": ratio(sum(tin), len(tin)),
                  "out_of_scope_n": len(tout), "out_of_scope_right": sum(tout),
                  "out_of_scope_accuracy": ratio(sum(tout), len(tout))}
    return t


# --------------------------------------------------------------------------- printing

def fmt(x, pct=True):
    if x is None:
        return "–"
    if pct:
        return f"{100 * x:.0f}%"
    return f"{x:.2f}" if isinstance(x, float) else str(x)


COLS = [("doc", 30), ("ind t/f", 7), ("sP", 4), ("sR", 4), ("sF", 4), ("lP", 4), ("lR", 4), ("yr", 4),
        ("noYr", 4), ("bad", 3), ("cfl", 3), ("goals", 7), ("sect", 5), ("tasks", 6), ("safe", 6), ("topic", 9)]


def row_cells(d: dict) -> list[str]:
    i = d.get("indicators") or {}
    if i.get("scored"):
        ic = [f"{i['truth']}/{i['found_in_scope']}" + ("" if i["found_in_scope"] == i["found"] else "*"),
              fmt(i["strict_P"]), fmt(i["strict_R"]), fmt(i["strict_F"]), fmt(i["lenient_P"]),
              fmt(i["lenient_R"]), fmt(i["year_accuracy"]), fmt(i["no_year_share"])]
    else:
        ic = ["(out)"] + ["·"] * 7
    g = d["goals"]
    gc = f"{g['recalled']}/{g['truth']}" if g.get("truth") else f"–/{g['found']}"
    s = d["sections"]
    sc = f"{sum(v['right'] for v in s.values())}/{len(s)}" if s else "–"
    tc = []
    for part in ("tasks", "safeguards"):
        x = d[part]
        tc.append(f"{x['found']}/{x['truth']}" if "truth" in x else f"{x['found']}/?")
    tp = d["topic"]
    if tp.get("right") is None:
        top = f"{tp['found'] or '∅'}"
    else:
        top = ("ok " if tp["right"] else "NO ") + f"{tp['found'] or '∅'}"
    name = d["doc"] + ("" if d["extracted"] else " (unread)")
    if d["scope"] != "in":
        return [name, f"({d['scope'][:6]})"] + ["·"] * 13 + [top]
    return [name, *ic, str(len(d["bad_names"])), str(len(d["conflicts"])), gc, sc, *tc, top]


def total_cells(t: dict) -> list[str]:
    i = t["indicators"]
    ic = [f"{i['truth']}/{i['found_in_scope']}", fmt(i["strict_P"]), fmt(i["strict_R"]), fmt(i["strict_F"]),
          fmt(i["lenient_P"]), fmt(i["lenient_R"]), fmt(i["year_accuracy"]), fmt(i["no_year_share"])]
    g = t["goals"]
    gc = f"{g['recalled']}/{g['truth']}" if g["truth"] else "–"
    s = t["sections"]
    tc = [f"±{fmt(t[p]['mean_abs_error'], False)}" if t[p]["n"] else "–" for p in ("tasks", "safeguards")]
    tp = t["topic"]
    top = f"{tp['right']}/{tp['n']}" + (f" o{tp['out_of_scope_right']}/{tp['out_of_scope_n']}" if tp["out_of_scope_n"] else "")
    return [f"TOTAL ({t['docs']} docs)", *ic, str(t["bad_names"]), str(t["docs_with_conflicts"]), gc,
            f"{s['right']}/{s['n']}", *tc, top]


def print_table(res: dict, details: bool):
    print(f"\n== {res['set']}")
    for w in res["warnings"]:
        print(f"   note: {w}")
    header = " ".join(pad(c, w, right=k > 0) for k, (c, w) in enumerate(COLS))
    print(header)
    print("-" * disp_width(header))
    for d in res["docs"]:
        print(" ".join(pad(c, w, right=k > 0) for k, (c, (_, w)) in enumerate(zip(row_cells(d), COLS))))
    print("-" * disp_width(header))
    t = res["totals"]
    print(" ".join(pad(c, w, right=k > 0) for k, (c, (_, w)) in enumerate(zip(total_cells(t), COLS))))
    i, g = t["indicators"], t["goals"]
    print(f"   indicators ({t['indicator_docs']} docs): strict P {fmt(i['strict_P'])} R {fmt(i['strict_R'])} "
          f"F {fmt(i['strict_F'])} | lenient P {fmt(i['lenient_P'])} R {fmt(i['lenient_R'])} | "
          f"year accuracy {fmt(i['year_accuracy'])} | no-year share {fmt(i['no_year_share'])} | "
          f"truth {i['truth']}, found {i['found']} ({i['found_in_scope']} in precision scope), "
          f"not-indicator hits {i['not_indicator_hits']}")
    print(f"   bad names {t['bad_names']} | docs with self-conflicts {t['docs_with_conflicts']}/{t['in_scope_docs']}")
    if g["truth"]:
        print(f"   goals: recall {fmt(g['recall'])} ({g['recalled']}/{g['truth']}), year {fmt(g['year_accuracy'])}, precision {fmt(g['precision'])}")
    s = t["sections"]
    print("   sections: " + ", ".join(f"{k} {v['right']}/{v['n']}" for k, v in s["per_kind"].items() if v["n"])
          + f" | overall {fmt(s['accuracy'])}")
    for p in ("tasks", "safeguards"):
        x = t[p]
        if x["n"]:
            print(f"   {p}: mean |found−truth| {fmt(x['mean_abs_error'], False)}, exact {fmt(x['exact_share'])}, "
                  f"within ±1 {fmt(x['within1_share'])}, title recall {fmt(x['title_recall'])}")
    tp = t["topic"]
    line = f"   topic: {tp['right']}/{tp['n']} right"
    if tp["out_of_scope_n"]:
        line += f" | out-of-scope handled {tp['out_of_scope_right']}/{tp['out_of_scope_n']}"
    print(line)
    print("   columns: ind t/f = truth/found in precision scope (* = scope narrower than all found); sP sR sF strict "
          "P/R/F; lP lR lenient; yr = year accuracy of lenient matches; noYr = found without year; bad = bad names; "
          "cfl = self-conflicts; goals recalled/truth (–/found when the truth lists none); sect right/scored; "
          "tasks, safe = found/truth top-level count; topic ok/NO + tool id (∅ = none)")
    if details:
        print_details(res)


def print_details(res: dict):
    for d in res["docs"]:
        print(f"\n-- {d['doc']}" + (f"  (scope {d['scope']})" if d["scope"] != "in" else ""))
        tp = d["topic"]
        print(f"   topic: expected {tp['expected'] or 'none'}, found {tp['found'] or 'none'} "
              f"(confidence {tp.get('confidence')}), supersededBy {tp.get('supersededBy')}"
              + (f", flagged by {tp.get('flagged_by')}, supersedes in-scope {tp.get('supersedes_in_scope')}" if tp.get("out_of_scope") else ""))
        i = d["indicators"]
        if i.get("scored"):
            print(f"   indicator precision scope: {i['precision_scope']}")
            for m in i["misses"]:
                print(f"   MISS [{m['status']}] {m['truth']}")
                for x in m.get("found", []):
                    print(f"        matched: {x}")
                for x in m.get("near", []):
                    print(f"        near: {x}")
                if "paragraph" in m:
                    fp = m["found_in_paragraph"]
                    more = f" … (+{len(fp) - 6})" if len(fp) > 6 else ""
                    print(f"        in paragraph {m['paragraph']} the tool found: " + ("; ".join(fp[:6]) + more if fp else "nothing"))
            for x in i["false_positives"]:
                print(f"   FP   {x}")
            for x in i["not_indicator_list"]:
                print(f"   NOT-INDICATOR {x}")
        for x in d["bad_names"]:
            print(f"   BAD NAME {x}")
        for x in d["conflicts"]:
            print(f"   CONFLICT {x}")
        g = d["goals"]
        for x in g.get("missed", []):
            print(f"   GOAL MISSED {x}")
        for x in g.get("extra", []):
            print(f"   GOAL EXTRA  {x}" + ("   (a not_goals statement)" if x in g.get("not_goal_hits", []) else ""))
        for k, v in d["sections"].items():
            if not v["right"]:
                print(f"   SECTION {k}: truth {v['truth'] or 'none'!s} | found {v['found'] or 'none'}")
        for p in ("tasks", "safeguards"):
            x = d[p]
            if "truth" in x and x["abs_error"]:
                print(f"   {p.upper()} count {x['found']} vs {x['truth']}: {x['found_titles']}")
            for t in x.get("titles_missed", []):
                print(f"   {p.upper()} TITLE MISSED {t}")


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True, help="plan-assembler binary")
    ap.add_argument("--set", action="append", required=True, dest="sets", help="set folder (docs/, truth/)")
    ap.add_argument("--json", help="write all figures to this file")
    ap.add_argument("--details", action="store_true", help="list misses, false positives, bad names, …")
    ap.add_argument("--templates", help="passed to extract --templates")
    ap.add_argument("--timeout", type=float, default=900, help="seconds for one extract call")
    args = ap.parse_args(argv)
    if not (os.path.isfile(args.bin) and os.access(args.bin, os.X_OK)):
        print(f"error: {args.bin}: not an executable file", file=sys.stderr)
        return 2
    results = []
    failed = False
    for s in args.sets:
        d = Path(s)
        try:
            res = score_set(d, args)
        except ToolError as e:
            print(f"error: set {d}: {e}", file=sys.stderr)
            failed = True
            continue
        results.append(res)
        print_table(res, args.details)
    if args.json:
        Path(args.json).write_text(json.dumps({"bin": args.bin, "sets": results}, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    return 2 if failed and not results else 0


if __name__ == "__main__":
    sys.exit(main())
