"""The one parser of the draft source dialect (see ../FORMAT.md).

A source is YAML-ish front matter between `---` lines, then a small Markdown dialect:
headings `#`..`######` (with typed labels 一、/（一）/1./（1）/第一章/第一节), body
paragraphs (one per line), pipe tables with `^^`/`<<` merge cells and an optional caption
line just above, `\\pagebreak`, `**bold**`, and CriticMarkup ({++ ++}, {-- --},
{~~ ~> ~~}, {== ==}{>> <<}).

Every writer gets the same `Document`; nothing here knows about DOCX.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

WRITERS = ("wordml", "nostyle", "libreoffice", "pandoc")
REQUIRED_KEYS = ("topic", "file", "writer", "title", "author", "created", "modified")
KNOWN_KEYS = set(REQUIRED_KEYS) | {"subtitle", "docTitle", "version", "reviser"}
VERSIONS = ("初稿", "征求意见稿", "修改稿", "终稿")


class SourceError(Exception):
    """A source the dialect cannot express; always names file and line."""


# --------------------------------------------------------------------------- inline model

@dataclass
class Seg:
    """A run of text with uniform formatting."""
    text: str
    bold: bool = False
    rev: str | None = None  # None | "ins" | "del"


@dataclass
class CommentMark:
    kind: str  # "start" | "end"
    cid: int


@dataclass
class Comment:
    cid: int
    text: str
    anchor: str


Inline = Seg | CommentMark


def plain_text(inlines: list[Inline], *, deleted: bool = True) -> str:
    return "".join(i.text for i in inlines
                   if isinstance(i, Seg) and (deleted or i.rev != "del"))


def has_revisions(inlines: list[Inline]) -> bool:
    return any(isinstance(i, Seg) and i.rev for i in inlines)


def has_comments(inlines: list[Inline]) -> bool:
    return any(isinstance(i, CommentMark) for i in inlines)


# --------------------------------------------------------------------------- block model

@dataclass
class Heading:
    level: int
    raw: str                 # source text after the #'s (markup included)
    inlines: list[Inline]    # whole heading text, label included
    label: str | None        # typed label, e.g. "一、", "（二）", "3.", "第一章"
    label_kind: str | None   # chapter|section|cn|cnparen|dec|decparen|circled
    number: int | None       # value of the label, e.g. 二 -> 2
    sep: str                 # whitespace typed between label and text ("", " ", "　")
    body: list[Inline]       # inlines after the label and separator
    whole: str | None = None  # "ins"/"del" when the whole heading is a revision
    line: int = 0


@dataclass
class Para:
    inlines: list[Inline]
    whole: str | None = None  # "ins"/"del" when the whole paragraph is a revision
    line: int = 0

    @property
    def runin(self) -> bool:
        """Paragraph starts with a bold run-in heading (and has more text after it)."""
        first = next((i for i in self.inlines if isinstance(i, Seg) and i.text), None)
        return bool(first and first.bold and not all(
            i.bold for i in self.inlines if isinstance(i, Seg) and i.text))


@dataclass
class Cell:
    raw: str
    inlines: list[Inline]
    merge: str | None = None  # None | "up" (^^) | "left" (<<)


@dataclass
class Table:
    rows: list[list[Cell]]
    align: list[str | None]       # per column: None|"left"|"center"|"right"
    caption: Para | None = None
    line: int = 0

    @property
    def ncols(self) -> int:
        return max(len(r) for r in self.rows)

    def spans(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Origin cell (r, c) -> (rowspan, colspan) for every merged block; covered cells
        are those with merge set. Validates that every merged area is a rectangle."""
        nrows, ncols = len(self.rows), self.ncols
        origin: dict[tuple[int, int], tuple[int, int]] = {}
        for r, row in enumerate(self.rows):
            for c in range(ncols):
                cell = row[c] if c < len(row) else None
                m = cell.merge if cell else None
                if m == "left":
                    if c == 0:
                        raise SourceError(f"line {self.line + r}: '<<' in the first column")
                    origin[(r, c)] = origin[(r, c - 1)]
                elif m == "up":
                    if r == 0:
                        raise SourceError(f"line {self.line}: '^^' in the header row")
                    origin[(r, c)] = origin[(r - 1, c)]
                else:
                    origin[(r, c)] = (r, c)
        boxes: dict[tuple[int, int], list[tuple[int, int]]] = {}
        for pos, o in origin.items():
            boxes.setdefault(o, []).append(pos)
        out = {}
        for o, cells in boxes.items():
            rs = {p[0] for p in cells}
            cs = {p[1] for p in cells}
            rowspan = max(rs) - min(rs) + 1
            colspan = max(cs) - min(cs) + 1
            if rowspan * colspan != len(cells) or min(rs) != o[0] or min(cs) != o[1]:
                raise SourceError(f"line {self.line}: merged cells at row {o[0] + 1}, "
                                  f"column {o[1] + 1} do not form a rectangle")
            out[o] = (rowspan, colspan)
        return out


@dataclass
class PageBreak:
    line: int = 0


Block = Heading | Para | Table | PageBreak


@dataclass
class Document:
    path: Path
    meta: dict[str, str]
    blocks: list[Block]
    comments: list[Comment]
    warnings: list[str] = field(default_factory=list)

    # convenience accessors -------------------------------------------------------------
    @property
    def file(self) -> str:
        return self.meta["file"]

    @property
    def writer(self) -> str:
        return self.meta["writer"]

    @property
    def reviser(self) -> str:
        return self.meta.get("reviser") or "审稿人"

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def all_inline_lists(self):
        for b in self.blocks:
            if isinstance(b, (Heading, Para)):
                yield b.inlines
            elif isinstance(b, Table):
                if b.caption:
                    yield b.caption.inlines
                for row in b.rows:
                    for cell in row:
                        yield cell.inlines

    @property
    def has_revisions(self) -> bool:
        return any(has_revisions(x) for x in self.all_inline_lists())

    @property
    def has_comments(self) -> bool:
        return bool(self.comments)

    @property
    def uses_chapters(self) -> bool:
        return any(h.label_kind in ("chapter", "section") for h in self.headings)

    @property
    def has_merged_cells(self) -> bool:
        return any(c.merge for t in self.tables for r in t.rows for c in r)

    @property
    def has_runin(self) -> bool:
        return any(isinstance(b, Para) and b.runin for b in self.blocks)

    @property
    def has_pagebreak(self) -> bool:
        return any(isinstance(b, PageBreak) for b in self.blocks)

    def require_plain(self) -> None:
        """Writers other than wordml cannot express revisions or comments: fail loudly."""
        if self.has_revisions or self.has_comments:
            kinds = []
            if self.has_revisions:
                kinds.append("tracked changes")
            if self.has_comments:
                kinds.append("comments")
            raise SourceError(f"{self.path.name}: writer '{self.writer}' cannot express "
                              f"{' and '.join(kinds)} (CriticMarkup is for wordml only)")


# --------------------------------------------------------------------------- dates

def parse_date(value: str, key: str = "date") -> datetime:
    v = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        v += "T00:00:00Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", v):
        v += ":00Z"
    v = v.replace(" ", "T", 1)
    if v.endswith("Z"):
        v = v[:-1] + "+00:00"
    try:
        d = datetime.fromisoformat(v)
    except ValueError as e:
        raise SourceError(f"front matter {key}: not a W3CDTF date: {value!r}") from e
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return d.astimezone(timezone.utc).replace(microsecond=0)


def w3cdtf(d: datetime) -> str:
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# --------------------------------------------------------------------------- front matter

def _yaml_scalar(raw: str, lineno: int) -> str | None:
    s = raw.strip()
    if not s:
        return None
    if s[0] == '"':
        out, i = [], 1
        while i < len(s):
            ch = s[i]
            if ch == "\\" and i + 1 < len(s):
                nxt = s[i + 1]
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}.get(nxt, nxt))
                i += 2
                continue
            if ch == '"':
                rest = s[i + 1:].strip()
                if rest and not rest.startswith("#"):
                    raise SourceError(f"line {lineno}: text after closing quote: {rest!r}")
                return "".join(out)
            out.append(ch)
            i += 1
        raise SourceError(f"line {lineno}: unterminated double-quoted value")
    if s[0] == "'":
        m = re.match(r"'((?:[^']|'')*)'\s*(#.*)?$", s)
        if not m:
            raise SourceError(f"line {lineno}: bad single-quoted value")
        return m.group(1).replace("''", "'")
    s = re.sub(r"\s+#.*$", "", s).strip()
    if s in ("~", "null", "Null", "NULL"):
        return None
    return s


def parse_front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Returns (meta, index of the first body line)."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or lines[i].strip() != "---":
        raise SourceError("line 1: no front matter (expected '---')")
    meta: dict[str, str] = {}
    j = i + 1
    while j < len(lines) and lines[j].strip() not in ("---", "..."):
        line = lines[j]
        if line.strip() and not line.lstrip().startswith("#"):
            m = re.match(r"\s*([A-Za-z_][\w-]*)\s*:(.*)$", line)
            if not m:
                raise SourceError(f"line {j + 1}: not a 'key: value' line: {line!r}")
            val = _yaml_scalar(m.group(2), j + 1)
            if val is not None:
                meta[m.group(1)] = val
        j += 1
    if j >= len(lines):
        raise SourceError("front matter not closed with '---'")
    return meta, j + 1


def validate_meta(meta: dict[str, str], warnings: list[str]) -> None:
    missing = [k for k in REQUIRED_KEYS if not meta.get(k)]
    if missing:
        raise SourceError(f"front matter: missing {', '.join(missing)}")
    if meta["writer"] not in WRITERS:
        raise SourceError(f"front matter: writer {meta['writer']!r} not one of {WRITERS}")
    f = meta["file"]
    if not f.lower().endswith(".docx") or "/" in f or "\\" in f:
        raise SourceError(f"front matter: file {f!r} must be a bare *.docx name")
    for k in ("created", "modified"):
        parse_date(meta[k], k)
    if parse_date(meta["modified"]) < parse_date(meta["created"]):
        warnings.append("front matter: modified is earlier than created")
    v = meta.get("version")
    if v and v not in VERSIONS:
        warnings.append(f"front matter: version {v!r} not one of {VERSIONS}")
    unknown = sorted(set(meta) - KNOWN_KEYS)
    if unknown:
        warnings.append(f"front matter: unknown keys {unknown} ignored")


# --------------------------------------------------------------------------- labels

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "[零〇一二两三四五六七八九十百]+"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def cn_to_int(s: str) -> int:
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = CN_DIGITS[ch]
    return total + cur


LABEL_PATTERNS = [
    # kind, regex (group "n" = the number)
    ("chapter", re.compile(rf"^第(?P<n>{CN_NUM}|\d+)章")),
    ("section", re.compile(rf"^第(?P<n>{CN_NUM}|\d+)节")),
    ("cnparen", re.compile(rf"^[（(](?P<n>{CN_NUM})[）)]")),
    ("decparen", re.compile(r"^[（(](?P<n>\d{1,2})[）)]")),
    ("cn", re.compile(rf"^(?P<n>{CN_NUM})、")),
    ("dec", re.compile(r"^(?P<n>\d{1,2})(?:[.．](?!\d)|、)")),
    ("circled", re.compile(rf"^(?P<n>[{CIRCLED}])")),
]
SEP_RE = re.compile(r"^[ \u3000\t]*")


def split_label(text: str) -> tuple[str | None, str | None, int | None, str, str]:
    """-> (label, kind, number, separator, rest)."""
    for kind, rx in LABEL_PATTERNS:
        m = rx.match(text)
        if m:
            n = m.group("n")
            num = CIRCLED.index(n) + 1 if kind == "circled" else cn_to_int(n)
            rest = text[m.end():]
            sep = SEP_RE.match(rest).group(0)
            return m.group(0), kind, num, sep, rest[len(sep):]
    return None, None, None, "", text


# --------------------------------------------------------------------------- inline parser

_ESCAPABLE = set("\\`*_{}[]()#+-.!|^<>~=\"'")
_OPENERS = {"{++": "ins", "{--": "del"}


class _InlineParser:
    def __init__(self, doc_comments: list[Comment], where: str):
        self.comments = doc_comments
        self.where = where

    def parse(self, s: str) -> list[Inline]:
        out: list[Inline] = []
        buf: list[str] = []
        bold = False
        rev: str | None = None
        open_anchor: int | None = None
        anchor_text: list[str] = []
        i, n = 0, len(s)

        def flush():
            if buf:
                text = "".join(buf)
                out.append(Seg(text, bold, rev))
                if open_anchor is not None:
                    anchor_text.append(text)
                buf.clear()

        def new_comment(text: str, anchor: str) -> Comment:
            c = Comment(len(self.comments), text.strip(), anchor)
            self.comments.append(c)
            return c

        while i < n:
            ch = s[i]
            if ch == "\\" and i + 1 < n and s[i + 1] in _ESCAPABLE:
                buf.append(s[i + 1])
                i += 2
                continue
            three = s[i:i + 3]
            if three in _OPENERS:
                if rev:
                    raise SourceError(f"{self.where}: nested revision markup")
                flush()
                rev = _OPENERS[three]
                i += 3
                continue
            if three in ("++}", "--}"):
                want = "ins" if three == "++}" else "del"
                if rev == want:
                    flush()
                    rev = None
                    i += 3
                    continue
            if three == "{~~":
                end = s.find("~~}", i)
                mid = s.find("~>", i)
                if end < 0 or mid < 0 or mid > end or rev:
                    raise SourceError(f"{self.where}: bad substitution {{~~ ~> ~~}}")
                flush()
                out.append(Seg(s[i + 3:mid], bold, "del"))
                out.append(Seg(s[mid + 2:end], bold, "ins"))
                i = end + 3
                continue
            if three == "{==":
                if open_anchor is not None:
                    raise SourceError(f"{self.where}: nested {{== ==}}")
                flush()
                open_anchor = -1  # id assigned when the comment text is known
                anchor_text.clear()
                out.append(CommentMark("start", -1))
                i += 3
                continue
            if three == "==}" and open_anchor is not None:
                flush()
                j = i + 3
                if not s.startswith("{>>", j):
                    raise SourceError(f"{self.where}: {{==…==}} without a following "
                                      "{>>comment<<}")
                end = s.find("<<}", j)
                if end < 0:
                    raise SourceError(f"{self.where}: unterminated {{>> comment")
                c = new_comment(s[j + 3:end], "".join(anchor_text))
                for k in range(len(out) - 1, -1, -1):
                    if isinstance(out[k], CommentMark) and out[k].cid == -1:
                        out[k] = CommentMark("start", c.cid)
                        break
                out.append(CommentMark("end", c.cid))
                open_anchor = None
                i = end + 3
                continue
            if three == "{>>":
                end = s.find("<<}", i)
                if end < 0:
                    raise SourceError(f"{self.where}: unterminated {{>> comment")
                flush()
                c = new_comment(s[i + 3:end], "")
                out.append(CommentMark("start", c.cid))
                out.append(CommentMark("end", c.cid))
                i = end + 3
                continue
            if s.startswith("**", i):
                flush()
                bold = not bold
                i += 2
                continue
            buf.append(ch)
            i += 1
        flush()
        if rev:
            raise SourceError(f"{self.where}: unclosed {{{'++' if rev == 'ins' else '--'}")
        if open_anchor is not None:
            raise SourceError(f"{self.where}: unclosed {{==")
        if bold:
            raise SourceError(f"{self.where}: unclosed ** (bold)")
        # merge adjacent segments with equal formatting
        merged: list[Inline] = []
        for x in out:
            if (isinstance(x, Seg) and merged and isinstance(merged[-1], Seg)
                    and merged[-1].bold == x.bold and merged[-1].rev == x.rev):
                merged[-1] = Seg(merged[-1].text + x.text, x.bold, x.rev)
            elif not (isinstance(x, Seg) and not x.text):
                merged.append(x)
        return merged


def _whole_revision(text: str) -> tuple[str | None, str]:
    """`{++…++}` / `{--…--}` spanning the whole text -> (kind, inner)."""
    t = text.strip()
    for opener, closer, kind in (("{++", "++}", "ins"), ("{--", "--}", "del")):
        if t.startswith(opener) and t.endswith(closer) and len(t) >= 6:
            inner = t[3:-3]
            if opener not in inner and closer not in inner:
                return kind, inner
    return None, text


# --------------------------------------------------------------------------- block parser

HEADING_RE = re.compile(r"^(#{1,6})[ \t\u3000]+(.*?)(?:[ \t]+#+)?[ \t]*$")
SEP_ROW_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
CAPTION_RE = re.compile(r"^(附表|附件|续表|表|图)\s*[0-9０-９一二三四五六七八九十]+(-\d+)?")


def _split_row(line: str) -> list[str]:
    s = line.strip()
    if s.startswith("|"):
        s = s[1:]
    if s.endswith("|") and not s.endswith("\\|"):
        s = s[:-1]
    cells, buf, i = [], [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] == "|":
            buf.append("\\|")
            i += 2
            continue
        if s[i] == "|":
            cells.append("".join(buf).strip())
            buf = []
        else:
            buf.append(s[i])
        i += 1
    cells.append("".join(buf).strip())
    return cells


def _align(spec: str) -> str | None:
    spec = spec.strip()
    if spec.startswith(":") and spec.endswith(":"):
        return "center"
    if spec.endswith(":"):
        return "right"
    if spec.startswith(":"):
        return "left"
    return None


def parse_source(path: Path) -> Document:
    text = path.read_text(encoding="utf-8-sig")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    try:
        meta, start = parse_front_matter(lines)
    except SourceError as e:
        raise SourceError(f"{path.name}: {e}") from None
    warnings: list[str] = []
    try:
        validate_meta(meta, warnings)
    except SourceError as e:
        raise SourceError(f"{path.name}: {e}") from None

    comments: list[Comment] = []
    blocks: list[Block] = []

    def inl(s: str, lineno: int) -> list[Inline]:
        return _InlineParser(comments, f"{path.name}:{lineno}").parse(s)

    i = start
    blank_run = 0
    in_html_comment = False
    while i < len(lines):
        raw = lines[i]
        lineno = i + 1
        stripped = raw.strip()
        # HTML comments are notes for humans: drop them
        if in_html_comment:
            if "-->" in stripped:
                in_html_comment = False
            i += 1
            continue
        if stripped.startswith("<!--"):
            if "-->" not in stripped:
                in_html_comment = True
            elif not stripped.endswith("-->"):
                raise SourceError(f"{path.name}:{lineno}: text after an HTML comment")
            i += 1
            continue
        if not stripped:
            blank_run += 1
            i += 1
            continue
        prev_blank, blank_run = blank_run, 0

        if stripped in ("\\pagebreak", "\\newpage"):
            blocks.append(PageBreak(lineno))
            i += 1
            continue

        m = HEADING_RE.match(stripped)
        if m:
            level = len(m.group(1))
            content = m.group(2).strip()
            whole, inner = _whole_revision(content)
            full = inl(inner, lineno)
            if whole:
                for x in full:
                    if isinstance(x, Seg):
                        x.rev = whole
            label, kind, num, sep, _rest = split_label(plain_text(full))
            if label is None:
                warnings.append(f"line {lineno}: heading without a typed label: "
                                f"{plain_text(full)[:30]!r}")
            body = _drop_label(full, (label or "") + sep)
            blocks.append(Heading(level, content, full, label, kind, num, sep, body,
                                  whole, lineno))
            i += 1
            continue

        # table: a line with '|' followed by a separator row
        if "|" in stripped and i + 1 < len(lines) and SEP_ROW_RE.match(lines[i + 1]) \
                and "|" in lines[i + 1]:
            header = _split_row(stripped)
            aligns = [_align(x) for x in _split_row(lines[i + 1])]
            rows_raw = [(header, lineno)]
            j = i + 2
            while j < len(lines) and lines[j].strip() and "|" in lines[j] \
                    and not HEADING_RE.match(lines[j].strip()):
                rows_raw.append((_split_row(lines[j]), j + 1))
                j += 1
            ncols = max(len(r) for r, _ in rows_raw)
            if any(len(r) != ncols for r, _ in rows_raw):
                bad = [ln for r, ln in rows_raw if len(r) != ncols]
                warnings.append(f"line {lineno}: table rows of unequal length "
                                f"(lines {bad}); padded with empty cells")
            rows: list[list[Cell]] = []
            for cells, ln in rows_raw:
                row = []
                for c in cells + [""] * (ncols - len(cells)):
                    if c == "^^":
                        row.append(Cell(c, [], "up"))
                    elif c == "<<":
                        row.append(Cell(c, [], "left"))
                    else:
                        row.append(Cell(c, inl(c, ln)))
                rows.append(row)
            aligns += [None] * (ncols - len(aligns))
            table = Table(rows, aligns[:ncols], None, lineno)
            try:
                table.spans()
            except SourceError as e:
                raise SourceError(f"{path.name}: {e}") from None
            # caption: the paragraph just above (at most one blank line between)
            if blocks and isinstance(blocks[-1], Para) and prev_blank <= 1 \
                    and blocks[-1].whole is None \
                    and CAPTION_RE.match(plain_text(blocks[-1].inlines)) \
                    and len(plain_text(blocks[-1].inlines)) <= 60:
                table.caption = blocks.pop()
            blocks.append(table)
            i = j
            continue

        if re.match(r"^([-*+]|\d+\.)\s", stripped) or stripped.startswith(">"):
            warnings.append(f"line {lineno}: Markdown list/quote syntax is not part of the "
                            f"dialect; kept as a plain paragraph: {stripped[:20]!r}")
        if re.fullmatch(r"(-{3,}|\*{3,}|_{3,})", stripped):
            raise SourceError(f"{path.name}:{lineno}: horizontal rule is not in the dialect")
        whole, inner = _whole_revision(stripped)
        inlines = inl(inner, lineno)
        if whole:
            for x in inlines:
                if isinstance(x, Seg):
                    x.rev = whole
        if blocks and isinstance(blocks[-1], Para) and prev_blank == 0:
            warnings.append(f"line {lineno}: paragraph not separated by a blank line "
                            "(still its own paragraph)")
        blocks.append(Para(inlines, whole, lineno))
        i += 1

    if in_html_comment:
        raise SourceError(f"{path.name}: unclosed <!-- comment")
    if not blocks:
        raise SourceError(f"{path.name}: empty body")
    return Document(path, meta, blocks, comments, warnings)


def _drop_label(full: list[Inline], prefix: str) -> list[Inline]:
    """The inlines of a heading with its leading typed label removed."""
    out: list[Inline] = []
    need = len(prefix)
    for x in full:
        if need and isinstance(x, Seg):
            if len(x.text) <= need:
                need -= len(x.text)
                continue
            out.append(Seg(x.text[need:], x.bold, x.rev))
            need = 0
        else:
            out.append(x)
    return out


# --------------------------------------------------------------------------- sources

def source_files(src_dir: Path) -> list[Path]:
    return sorted(p for p in src_dir.glob("*.md") if not p.name.endswith(".expected.json"))


def load_expected(path: Path) -> dict | None:
    exp = path.with_name(path.stem + ".expected.json")
    if exp.exists():
        try:
            return json.loads(exp.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            return None
    return None
