"""Hand-written WordprocessingML packages, the way Chinese Word and WPS write them.

Two modes share this code:

* ``styled`` (writer ``wordml``): localized style ids ("a" Normal, "1".."4" heading 1..4,
  Title, …), headings numbered from numbering.xml through w:numPr in the heading styles,
  typed labels stripped, tracked changes and comments.
* ``nostyle`` (writer ``nostyle``): no heading styles and no numbering: headings are bold
  Normal paragraphs with the typed label in the text.

Each package is given a "flavor" — Microsoft Word (zh-CN) or WPS Office — chosen from the
file name, which decides docProps/app.xml, rsids, w14 ids and a few idioms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .common import (choose, column_fractions, core_xml, created, esc, modified, rng_for,
                     write_zip)
from .source import (CommentMark, Document, Heading, Inline, PageBreak, Para, Seg,
                     SourceError, Table, plain_text, w3cdtf)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DOC_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    f'xmlns:r="{R_NS}" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W_NS}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 wp14"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

APP_MSWORD = "Microsoft Office Word"
APP_WPS = "WPS Office_11.1.0.9912_F1E327BC-269C-435d-A152-05C5408002CA"

# fonts --------------------------------------------------------------------------------
F_BODY = "仿宋_GB2312"
F_H1 = "黑体"
F_H2 = "楷体_GB2312"
F_TITLE = "方正小标宋简体"
FONTS = [  # name, altName, charset, family, pitch, panose
    ("Times New Roman", None, "00", "roman", "variable", "02020603050405020304"),
    ("宋体", "SimSun", "86", "auto", "variable", "02010600030101010101"),
    ("仿宋_GB2312", None, "86", "modern", "fixed", "02010609030101010101"),
    ("黑体", "SimHei", "86", "modern", "fixed", "02010609060101010101"),
    ("楷体_GB2312", None, "86", "modern", "fixed", "02010609030101010101"),
    ("方正小标宋简体", None, "86", "script", "fixed", "02000000000000000000"),
    ("Calibri", None, "00", "swiss", "variable", "020F0502020204030204"),
]

# numbering formats for typed label kinds: (w:numFmt, lvlText with {n} for the level no.)
LABEL_FORMATS = {
    "chapter": ("chineseCounting", "第%{n}章"),
    "section": ("chineseCounting", "第%{n}节"),
    "cn": ("chineseCounting", "%{n}、"),
    "cnparen": ("chineseCounting", "（%{n}）"),
    "dec": ("decimal", "%{n}."),
    "decparen": ("decimal", "（%{n}）"),
    "circled": ("decimalEnclosedCircle", "%{n}"),
}
DEFAULT_KINDS = ["cn", "cnparen", "dec", "decparen", "circled", "dec"]
CHAPTER_KINDS = ["chapter", "section", "cn", "cnparen", "dec", "decparen"]

# paragraph style ids as Chinese Word writes them
S_NORMAL, S_DPF, S_TABLE_NORMAL, S_NOLIST = "a", "a0", "a1", "a2"
S_TITLE, S_SUBTITLE, S_CAPTION, S_GRID = "a3", "a4", "a5", "a6"
S_CMT_TEXT, S_CMT_REF, S_CMT_TEXT_CHAR = "a7", "a8", "a9"
S_FOOTER, S_FOOTER_CHAR = "aa", "ab"

# page: A4, GB/T 9704 margins; text width 11906 - 1588 - 1474 = 8844 twips
TEXT_WIDTH = 8844
SZ_BODY = 32   # 三号
SZ_TITLE = 44  # 二号
SZ_TABLE = 24  # 小四


def _rsid(rng) -> str:
    return f"00{rng.randrange(0x100000, 0xFFFFFF):06X}"


def _is_ascii_char(ch: str) -> bool:
    """Text Word keeps in the ASCII font slot; “” and CJK get w:hint="eastAsia"."""
    return ord(ch) < 0x2000


@dataclass
class Ctx:
    """What the run writer needs to know about where it writes."""
    font: str | None = None     # direct East Asian font (nostyle)
    size: int | None = None     # direct size (nostyle, tables)
    bold: bool = False          # force bold (nostyle headings, header row)
    split: bool = True          # rsid splitting for body text


class HandDocx:
    def __init__(self, doc: Document, mode: str):
        assert mode in ("styled", "nostyle")
        self.doc = doc
        self.mode = mode
        if mode == "nostyle":
            doc.require_plain()
        self.flavor = "wps" if choose(doc, "flavor", 2) else "msword"
        self.rng = rng_for(doc, "runs")
        self.rsids = sorted({_rsid(self.rng) for _ in range(9)})
        self.rsid_root = self.rsids[0]
        self.rev_id = 100
        self.para_counter = 0
        self.author = doc.reviser
        self.rev_date = w3cdtf(modified(doc))
        self.used_rsids: set[str] = set()
        self.heading_plan: dict[int, bool] = {}  # id(heading) -> numbered by numbering.xml
        self.level_kinds: list[str] = []
        self.level_restart: list[bool] = []
        self.n_levels = max([h.level for h in doc.headings] + [4])
        # nostyle idioms, fixed per document
        self.fullwidth_sep = choose(doc, "sep", 3) == 0
        self.title_with_style = self.flavor == "msword" or choose(doc, "title", 2) == 0
        if mode == "styled":
            self._plan_numbering()

    # ------------------------------------------------------------------ numbering plan
    def _plan_numbering(self) -> None:
        """Pick a label kind per heading level and check, by simulating Word's list
        counters, that numbering.xml reproduces every typed label. A heading whose typed
        label would differ keeps the label as text and switches numbering off (numId 0)."""
        doc = self.doc
        base = CHAPTER_KINDS if doc.uses_chapters else DEFAULT_KINDS
        kinds = []
        for lvl in range(1, 10):
            seen = [h.label_kind for h in doc.headings if h.level == lvl and h.label_kind]
            if seen:
                kinds.append(max(set(seen), key=lambda k: (seen.count(k), k)))
            else:
                kinds.append(base[lvl - 1] if lvl - 1 < len(base) else "dec")
        self.level_kinds = kinds
        # the separator after the number: what the drafter typed after the label
        self.level_suff = []
        for lvl in range(1, 10):
            seps = [bool(h.sep) for h in doc.headings if h.level == lvl and h.label]
            self.level_suff.append("space" if seps and sum(seps) * 2 > len(seps)
                                   else "nothing")

        def simulate(restart: list[bool]) -> tuple[dict[int, bool], list[int]]:
            counters = [0] * 10
            plan, misses = {}, [0] * 10
            for h in doc.headings:
                li = h.level - 1
                if h.label_kind != kinds[li] or h.number is None:
                    plan[id(h)] = False
                    if h.label_kind is not None:
                        misses[li] += 1
                    continue
                if counters[li] + 1 == h.number:
                    counters[li] += 1
                    for deeper in range(li + 1, 10):
                        if restart[deeper]:
                            counters[deeper] = 0
                    plan[id(h)] = True
                else:
                    plan[id(h)] = False
                    misses[li] += 1
            return plan, misses

        restart = [True] * 10
        plan, misses = simulate(restart)
        for li in range(1, 10):
            if misses[li]:
                trial = list(restart)
                trial[li] = False
                p2, m2 = simulate(trial)
                if sum(m2) < sum(misses):
                    restart, plan, misses = trial, p2, m2
        self.level_restart = restart
        self.heading_plan = plan
        for h in doc.headings:
            if h.label and not plan[id(h)]:
                doc.warnings.append(
                    f"line {h.line}: label {h.label!r} cannot come from numbering.xml "
                    f"(level {h.level} counts as {kinds[h.level - 1]}); kept as typed text")

    # ------------------------------------------------------------------ ids
    def next_rev(self) -> int:
        self.rev_id += 1
        return self.rev_id

    def _para_attrs(self) -> str:
        self.para_counter += 1
        if self.flavor == "wps":
            return ""
        r = self.rng
        pid = f"{r.randrange(0x10000000, 0x7FFFFFFF):08X}"
        tid = f"{r.randrange(0x10000000, 0x7FFFFFFF):08X}"
        rs = self.rng.choice(self.rsids)
        self.used_rsids.add(rs)
        return (f' w14:paraId="{pid}" w14:textId="{tid}" w:rsidR="{rs}" '
                f'w:rsidRDefault="{rs}" w:rsidP="{rs}"')

    # ------------------------------------------------------------------ runs
    def _cuts(self, text: str) -> list[int]:
        """Positions where Word would have started a new rsid run: every 5-13 chars, and
        often inside a figure (2.|5%) or a typed label."""
        r = self.rng
        cuts, pos = set(), r.randint(5, 13)
        while pos < len(text):
            cuts.add(pos)
            pos += r.randint(5, 13)
        for m in re.finditer(r"\d+(?:\.\d+)?%|\d+\.\d+|[（(][一二三四五六七八九十\d]+[）)]", text):
            if m.end() - m.start() >= 2 and r.random() < 0.6:
                cuts.add(r.randint(m.start() + 1, m.end() - 1))
        return sorted(cuts)

    def _rpr(self, ctx: Ctx, *, ascii_run: bool, bold: bool, extra_first: str = "",
             style: str | None = None) -> str:
        parts = []
        if style:
            parts.append(f'<w:rStyle w:val="{style}"/>')
        if ctx.font:
            parts.append(f'<w:rFonts w:ascii="{ctx.font if ctx.font != F_BODY else "Times New Roman"}" '
                         f'w:eastAsia="{ctx.font}" w:hAnsi="Times New Roman"'
                         + ('' if ascii_run else ' w:hint="eastAsia"') + '/>')
        elif not ascii_run:
            parts.append('<w:rFonts w:hint="eastAsia"/>')
        if bold or ctx.bold:
            parts.append("<w:b/><w:bCs/>")
        if ctx.size:
            parts.append(f'<w:sz w:val="{ctx.size}"/><w:szCs w:val="{ctx.size}"/>')
        if self.flavor == "wps":
            parts.append('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
        inner = extra_first + "".join(parts)
        return f"<w:rPr>{inner}</w:rPr>" if inner else ""

    def runs(self, inlines: list[Inline], ctx: Ctx, *, whole: str | None = None) -> str:
        """Runs for a list of inlines, with w:ins/w:del wrappers and comment anchors."""
        out: list[str] = []
        cur_rev: str | None = None
        buf: list[str] = []

        def close_rev():
            nonlocal cur_rev
            if cur_rev is not None:
                tag = "w:ins" if cur_rev == "ins" else "w:del"
                out.append(f'<{tag} w:id="{self.next_rev()}" w:author="{esc(self.author)}" '
                           f'w:date="{self.rev_date}">' + "".join(buf) + f"</{tag}>")
                buf.clear()
                cur_rev = None

        for item in inlines:
            if isinstance(item, CommentMark):
                close_rev()
                if item.kind == "start":
                    out.append(f'<w:commentRangeStart w:id="{item.cid}"/>')
                else:
                    out.append(f'<w:commentRangeEnd w:id="{item.cid}"/>')
                    out.append('<w:r>' + self._rpr(Ctx(), ascii_run=True, bold=False,
                                                   style=S_CMT_REF)
                               + f'<w:commentReference w:id="{item.cid}"/></w:r>')
                continue
            if not item.text:
                continue
            if item.rev != cur_rev:
                close_rev()
                cur_rev = item.rev
            target = buf if cur_rev else out
            target.extend(self._seg_runs(item, ctx))
        close_rev()
        return "".join(out)

    def _seg_runs(self, seg: Seg, ctx: Ctx) -> list[str]:
        text = seg.text
        split = ctx.split and (self.mode == "styled" or self.flavor == "msword")
        rand_cuts = set(self._cuts(text)) if split else set()
        cuts = set(rand_cuts)
        # script boundaries: East Asian text gets w:hint="eastAsia", ASCII does not
        for k in range(1, len(text)):
            if _is_ascii_char(text[k]) != _is_ascii_char(text[k - 1]):
                cuts.add(k)
        bounds = [0] + sorted(c for c in cuts if 0 < c < len(text)) + [len(text)]
        rs = self.rng.choice(self.rsids)
        res = []
        for a, b in zip(bounds, bounds[1:]):
            piece = text[a:b]
            if a in rand_cuts:  # a new editing session starts here
                rs = self.rng.choice([x for x in self.rsids if x != rs])
            attr = ""
            if split or self.flavor == "msword":
                self.used_rsids.add(rs)
                attr = f' w:rsidR="{rs}"' if seg.rev != "del" else f' w:rsidDel="{rs}"'
            rpr = self._rpr(ctx, ascii_run=all(_is_ascii_char(c) for c in piece),
                            bold=seg.bold)
            tag = "w:delText" if seg.rev == "del" else "w:t"
            res.append(f'<w:r{attr}>{rpr}<{tag} xml:space="preserve">{esc(piece)}</{tag}></w:r>')
        return res

    def mark_rpr(self, whole: str | None, extra: str = "") -> str:
        """Paragraph-mark run properties (w:pPr/w:rPr); carries w:ins/w:del for whole
        inserted/deleted paragraphs."""
        rev = ""
        if whole:
            tag = "w:ins" if whole == "ins" else "w:del"
            rev = (f'<{tag} w:id="{self.next_rev()}" w:author="{esc(self.author)}" '
                   f'w:date="{self.rev_date}"/>')
        inner = rev + '<w:rFonts w:hint="eastAsia"/>' + extra
        if self.flavor == "wps":
            inner += '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
        return f"<w:rPr>{inner}</w:rPr>"

    # ------------------------------------------------------------------ blocks
    def p(self, ppr_inner: str, runs: str, whole: str | None = None, mark_extra: str = "") -> str:
        return (f"<w:p{self._para_attrs()}><w:pPr>{ppr_inner}"
                f"{self.mark_rpr(whole, mark_extra)}</w:pPr>{runs}</w:p>")

    def title_paras(self) -> list[str]:
        m = self.doc.meta
        out = []
        title_lines = [t for t in re.split(r"\s*\\n\s*|\n", m["title"]) if t.strip()]
        for t in title_lines:
            segs = [Seg(t)]
            if self.mode == "styled" and self.title_with_style:
                out.append(self.p(f'<w:pStyle w:val="{S_TITLE}"/>',
                                  self.runs(segs, Ctx(split=False))))
            else:
                ctx = Ctx(font=F_TITLE, size=SZ_TITLE, bold=self.mode == "nostyle",
                          split=False)
                out.append(self.p('<w:spacing w:line="560" w:lineRule="exact"/>'
                                  '<w:jc w:val="center"/>',
                                  self.runs(segs, ctx),
                                  mark_extra=f'<w:sz w:val="{SZ_TITLE}"/>'))
        if m.get("subtitle"):
            segs = [Seg(m["subtitle"])]
            if self.mode == "styled" and self.title_with_style:
                out.append(self.p(f'<w:pStyle w:val="{S_SUBTITLE}"/>',
                                  self.runs(segs, Ctx(split=False))))
            else:
                out.append(self.p('<w:jc w:val="center"/>',
                                  self.runs(segs, Ctx(font=F_H2, size=SZ_BODY, split=False))))
        # an empty line after the title block, as drafters do
        out.append(self.p('<w:spacing w:line="560" w:lineRule="exact"/>', ""))
        return out

    def heading(self, h: Heading) -> str:
        if self.mode == "styled":
            numbered = self.heading_plan.get(id(h), False)
            ppr = f'<w:pStyle w:val="{h.level}"/>'
            if not numbered:
                ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'
                if not self._centred(h.level):
                    ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
            inl = h.body if numbered else h.inlines
            return self.p(ppr, self.runs(inl, Ctx(split=True)), h.whole)
        # nostyle: a Normal paragraph with bold runs and the typed label as text
        font = {1: F_H1, 2: F_H2}.get(h.level, F_BODY)
        ctx = Ctx(font=font, size=SZ_BODY, bold=True, split=True)
        ppr = ""
        if choose(self.doc, f"pstyle{h.line}", 3) == 0:
            ppr += f'<w:pStyle w:val="{S_NORMAL}"/>'
        ppr += '<w:spacing w:line="560" w:lineRule="exact"/>'
        ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
        own_run = choose(self.doc, f"own{h.line}", 2) == 0
        if h.label:
            sep = h.sep
            if not sep and self.fullwidth_sep and h.label_kind in ("cn", "chapter", "section"):
                sep = "\u3000"
            label_seg = Seg(h.label + sep, True, h.whole)
            if own_run:
                runs = self.runs([label_seg], Ctx(font=font, size=SZ_BODY, bold=True,
                                                  split=False))
                runs += self.runs(h.body, ctx)
            else:
                body = list(h.body)
                if body and isinstance(body[0], Seg):
                    body[0] = Seg(h.label + sep + body[0].text, body[0].bold, body[0].rev)
                else:
                    body.insert(0, label_seg)
                runs = self.runs(body, ctx)
        else:
            runs = self.runs(h.inlines, ctx)
        return self.p(ppr, runs, h.whole, mark_extra="<w:b/><w:bCs/>")

    def _centred(self, level: int) -> bool:
        """Chapter (第一章) and section (第一节) headings are centred."""
        return self.level_kinds[level - 1] in ("chapter", "section")

    def para(self, p: Para) -> str:
        ppr = ""
        if self.mode == "nostyle" and choose(self.doc, f"pstyle{p.line}", 4) == 0:
            ppr += f'<w:pStyle w:val="{S_NORMAL}"/>'
        if self.mode == "nostyle":
            ppr += '<w:spacing w:line="560" w:lineRule="exact"/>'
        ppr += '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
        ctx = Ctx(font=F_BODY if self.mode == "nostyle" else None,
                  size=SZ_BODY if self.mode == "nostyle" else None)
        return self.p(ppr, self.runs(p.inlines, ctx), p.whole)

    def caption(self, p: Para) -> str:
        if self.mode == "styled":
            return self.p(f'<w:pStyle w:val="{S_CAPTION}"/><w:keepNext/>',
                          self.runs(p.inlines, Ctx(split=False)), p.whole)
        return self.p('<w:keepNext/><w:jc w:val="center"/>',
                      self.runs(p.inlines, Ctx(font=F_H1, size=28, split=False)), p.whole)

    def table(self, t: Table) -> list[str]:
        out = []
        if t.caption:
            out.append(self.caption(t.caption))
        spans = t.spans()
        ncols = t.ncols
        # column widths from the text lengths
        widths = [int(TEXT_WIDTH * f) for f in column_fractions(t)]
        widths[-1] += TEXT_WIDTH - sum(widths)
        # which cells are vertically continued / started
        covered_up = {}
        for (r0, c0), (rs, cs) in spans.items():
            for r in range(r0 + 1, r0 + rs):
                covered_up[(r, c0)] = cs
        x = ['<w:tbl><w:tblPr>']
        if self.mode == "styled" or self.flavor == "msword":
            x.append(f'<w:tblStyle w:val="{S_GRID}"/>')
        x.append('<w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>')
        if not (self.mode == "styled" or self.flavor == "msword"):
            x.append('<w:tblBorders>' + "".join(
                f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
                + '</w:tblBorders>')
        x.append('<w:tblLayout w:type="fixed"/>'
                 '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
                 'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>')
        x.extend(f'<w:gridCol w:w="{w}"/>' for w in widths)
        x.append('</w:tblGrid>')
        for r, row in enumerate(t.rows):
            live = [c for c in row if not c.merge]
            row_rev = None
            revs = {c_.inlines[0].rev for c_ in live if len(c_.inlines) == 1
                    and isinstance(c_.inlines[0], Seg)} if live else set()
            if live and len(revs) == 1 and all(
                    len(c_.inlines) == 1 and isinstance(c_.inlines[0], Seg) for c_ in live):
                row_rev = revs.pop()
            trpr = '<w:cantSplit/>'
            if r == 0:
                trpr += '<w:tblHeader/>'
            trpr += '<w:jc w:val="center"/>'
            if row_rev:
                tag = "w:ins" if row_rev == "ins" else "w:del"
                trpr += (f'<{tag} w:id="{self.next_rev()}" w:author="{esc(self.author)}" '
                         f'w:date="{self.rev_date}"/>')
            rs_attr = ""
            if self.flavor == "msword":
                rs = self.rng.choice(self.rsids)
                self.used_rsids.add(rs)
                rs_attr = f' w:rsidR="{rs}" w:rsidTr="{rs}"'
            x.append(f'<w:tr{rs_attr}><w:trPr>{trpr}</w:trPr>')
            c = 0
            while c < ncols:
                cell = row[c]
                if cell.merge == "left":
                    c += 1
                    continue
                if (r, c) in covered_up:
                    cs = covered_up[(r, c)]
                    vm = '<w:vMerge/>'
                    inl: list[Inline] = []
                else:
                    rs_, cs = spans.get((r, c), (1, 1))
                    vm = '<w:vMerge w:val="restart"/>' if rs_ > 1 else ""
                    inl = cell.inlines
                w = sum(widths[c:c + cs])
                tcpr = f'<w:tcW w:w="{w}" w:type="dxa"/>'
                if cs > 1:
                    tcpr += f'<w:gridSpan w:val="{cs}"/>'
                tcpr += vm + '<w:vAlign w:val="center"/>'
                align = t.align[c] or ("center" if r == 0 or len(plain_text(inl)) <= 12
                                       else "both")
                if align == "left":
                    align = "left" if self.flavor == "wps" else "both"
                ctx = Ctx(font=F_BODY if self.mode == "nostyle" else None, size=SZ_TABLE,
                          bold=r == 0, split=self.mode == "styled")
                whole = row_rev if row_rev else None
                ppr = ('<w:spacing w:line="360" w:lineRule="exact"/>'
                       f'<w:jc w:val="{align}"/>')
                if self.mode == "styled":
                    ppr = '<w:snapToGrid w:val="0"/>' + ppr
                x.append(f'<w:tc><w:tcPr>{tcpr}</w:tcPr>'
                         + self.p(ppr, self.runs(inl, ctx), whole,
                                  mark_extra=f'<w:sz w:val="{SZ_TABLE}"/>')
                         + '</w:tc>')
                c += cs
            x.append('</w:tr>')
        x.append('</w:tbl>')
        out.append("".join(x))
        # Word needs a paragraph between a table and what follows; drafters leave one
        out.append(self.p('<w:ind w:firstLineChars="200" w:firstLine="640"/>', ""))
        return out

    def pagebreak(self) -> str:
        return (f'<w:p{self._para_attrs()}><w:r><w:br w:type="page"/></w:r></w:p>')

    # ------------------------------------------------------------------ parts
    def document_xml(self) -> str:
        body = self.title_paras()
        for b in self.doc.blocks:
            if isinstance(b, Heading):
                body.append(self.heading(b))
            elif isinstance(b, Para):
                body.append(self.para(b))
            elif isinstance(b, Table):
                body.extend(self.table(b))
            elif isinstance(b, PageBreak):
                body.append(self.pagebreak())
            else:
                raise SourceError(f"unknown block {b!r}")
        rs = f' w:rsidR="{self.rsid_root}" w:rsidSect="{self.rsid_root}"' \
            if self.flavor == "msword" else ""
        sect = (f'<w:sectPr{rs}><w:footerReference w:type="default" r:id="rId8"/>'
                '<w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
                'w:header="851" w:footer="1474" w:gutter="0"/>'
                '<w:cols w:space="425"/>'
                + ('<w:docGrid w:type="lines" w:linePitch="579"/>' if self.flavor == "msword"
                   else '<w:docGrid w:type="lines" w:linePitch="312" w:charSpace="0"/>') +
                '</w:sectPr>')
        return (XML_DECL + f'<w:document {DOC_NS}><w:body>' + "".join(body) + sect
                + '</w:body></w:document>')

    def footer_xml(self) -> str:
        r = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/></w:rPr>'
        return (XML_DECL + f'<w:ftr {DOC_NS}><w:p><w:pPr>'
                + (f'<w:pStyle w:val="{S_FOOTER}"/>' if self.mode == "styled" else "")
                + '<w:jc w:val="center"/></w:pPr>'
                f'<w:r>{r}<w:t xml:space="preserve">— </w:t></w:r>'
                f'<w:r>{r}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r>{r}<w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
                f'<w:r>{r}<w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r>{r}<w:t>1</w:t></w:r>'
                f'<w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
                f'<w:r>{r}<w:t xml:space="preserve"> —</w:t></w:r>'
                '</w:p></w:ftr>')

    def styles_xml(self) -> str:
        def rfonts(ea: str, ascii_: str = "Times New Roman") -> str:
            return f'<w:rFonts w:ascii="{ascii_}" w:eastAsia="{ea}" w:hAnsi="{ascii_}"/>'

        s = [XML_DECL, f'<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-'
             f'compatibility/2006" xmlns:r="{R_NS}" xmlns:w="{W_NS}" '
             'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
             'mc:Ignorable="w14">',
             '<w:docDefaults><w:rPrDefault><w:rPr>'
             '<w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" '
             'w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>'
             '<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/>'
             '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
             '</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>']
        # Normal
        s.append(f'<w:style w:type="paragraph" w:default="1" w:styleId="{S_NORMAL}">'
                 '<w:name w:val="Normal"/><w:qFormat/>'
                 '<w:pPr><w:widowControl w:val="0"/>'
                 + ('<w:spacing w:line="560" w:lineRule="exact"/>' if self.mode == "styled"
                    else "")
                 + '<w:jc w:val="both"/></w:pPr>'
                 f'<w:rPr>{rfonts(F_BODY)}<w:sz w:val="{SZ_BODY}"/>'
                 f'<w:szCs w:val="{SZ_BODY}"/></w:rPr></w:style>')
        if self.mode == "styled":
            hfonts = {1: F_H1, 2: F_H2}
            for lvl in range(1, self.n_levels + 1):
                font = hfonts.get(lvl, F_BODY)
                bold = "<w:b/><w:bCs/>" if lvl == 3 else ""
                numpr = (f'<w:numPr>' + (f'<w:ilvl w:val="{lvl - 1}"/>' if lvl > 1 else "")
                         + '<w:numId w:val="1"/></w:numPr>')
                s.append(f'<w:style w:type="paragraph" w:styleId="{lvl}">'
                         f'<w:name w:val="heading {lvl}"/><w:basedOn w:val="{S_NORMAL}"/>'
                         f'<w:next w:val="{S_NORMAL}"/><w:link w:val="{lvl}0"/>'
                         f'<w:uiPriority w:val="9"/>'
                         + ("" if lvl == 1 else '<w:unhideWhenUsed/>') + '<w:qFormat/>'
                         f'<w:pPr><w:keepNext/><w:keepLines/>{numpr}'
                         '<w:spacing w:line="560" w:lineRule="exact"/>'
                         + ('<w:jc w:val="center"/>' if self._centred(lvl) else
                            '<w:ind w:firstLineChars="200" w:firstLine="640"/>')
                         + f'<w:outlineLvl w:val="{lvl - 1}"/></w:pPr>'
                         f'<w:rPr>{rfonts(font, font if lvl < 3 else "Times New Roman")}'
                         f'{bold}<w:kern w:val="0"/><w:sz w:val="{SZ_BODY}"/>'
                         f'<w:szCs w:val="{SZ_BODY}"/></w:rPr></w:style>')
        s.append(f'<w:style w:type="character" w:default="1" w:styleId="{S_DPF}">'
                 '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/>'
                 '<w:semiHidden/><w:unhideWhenUsed/></w:style>')
        s.append(f'<w:style w:type="table" w:default="1" w:styleId="{S_TABLE_NORMAL}">'
                 '<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/>'
                 '<w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
                 '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                 '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                 '</w:tblCellMar></w:tblPr></w:style>')
        s.append(f'<w:style w:type="numbering" w:default="1" w:styleId="{S_NOLIST}">'
                 '<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/>'
                 '<w:unhideWhenUsed/></w:style>')
        if self.mode == "styled":
            s.append(f'<w:style w:type="paragraph" w:styleId="{S_TITLE}">'
                     f'<w:name w:val="Title"/><w:basedOn w:val="{S_NORMAL}"/>'
                     f'<w:next w:val="{S_NORMAL}"/><w:uiPriority w:val="10"/><w:qFormat/>'
                     '<w:pPr><w:spacing w:before="240" w:after="60" w:line="560" '
                     'w:lineRule="exact"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>'
                     f'</w:pPr><w:rPr>{rfonts(F_TITLE, F_TITLE)}<w:sz w:val="{SZ_TITLE}"/>'
                     f'<w:szCs w:val="{SZ_TITLE}"/></w:rPr></w:style>')
            s.append(f'<w:style w:type="paragraph" w:styleId="{S_SUBTITLE}">'
                     f'<w:name w:val="Subtitle"/><w:basedOn w:val="{S_NORMAL}"/>'
                     f'<w:next w:val="{S_NORMAL}"/><w:uiPriority w:val="11"/><w:qFormat/>'
                     '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/>'
                     '<w:jc w:val="center"/></w:pPr>'
                     f'<w:rPr>{rfonts(F_H2, F_H2)}<w:kern w:val="28"/>'
                     f'<w:sz w:val="{SZ_BODY}"/><w:szCs w:val="{SZ_BODY}"/></w:rPr></w:style>')
            s.append(f'<w:style w:type="paragraph" w:styleId="{S_CAPTION}">'
                     f'<w:name w:val="caption"/><w:basedOn w:val="{S_NORMAL}"/>'
                     f'<w:next w:val="{S_NORMAL}"/><w:uiPriority w:val="35"/>'
                     '<w:unhideWhenUsed/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr>'
                     f'<w:rPr>{rfonts(F_H1, F_H1)}<w:sz w:val="28"/><w:szCs w:val="28"/>'
                     '</w:rPr></w:style>')
            for lvl in range(1, self.n_levels + 1):
                font = {1: F_H1, 2: F_H2}.get(lvl, F_BODY)
                s.append(f'<w:style w:type="character" w:customStyle="1" '
                         f'w:styleId="{lvl}0"><w:name w:val="标题 {lvl} 字符"/>'
                         f'<w:basedOn w:val="{S_DPF}"/><w:link w:val="{lvl}"/>'
                         f'<w:uiPriority w:val="9"/><w:rPr>'
                         f'<w:rFonts w:ascii="Times New Roman" w:eastAsia="{font}" '
                         f'w:hAnsi="Times New Roman"/><w:kern w:val="0"/>'
                         f'<w:sz w:val="{SZ_BODY}"/></w:rPr></w:style>')
            s.append(f'<w:style w:type="paragraph" w:styleId="{S_CMT_TEXT}">'
                     f'<w:name w:val="annotation text"/><w:basedOn w:val="{S_NORMAL}"/>'
                     f'<w:link w:val="{S_CMT_TEXT_CHAR}"/><w:uiPriority w:val="99"/>'
                     '<w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:jc w:val="left"/></w:pPr>'
                     '</w:style>')
            s.append(f'<w:style w:type="character" w:styleId="{S_CMT_REF}">'
                     f'<w:name w:val="annotation reference"/><w:basedOn w:val="{S_DPF}"/>'
                     '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
                     '<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>')
            s.append(f'<w:style w:type="character" w:customStyle="1" '
                     f'w:styleId="{S_CMT_TEXT_CHAR}"><w:name w:val="批注文字 字符"/>'
                     f'<w:basedOn w:val="{S_DPF}"/><w:link w:val="{S_CMT_TEXT}"/>'
                     '<w:uiPriority w:val="99"/><w:semiHidden/></w:style>')
            s.append(f'<w:style w:type="paragraph" w:styleId="{S_FOOTER}">'
                     f'<w:name w:val="footer"/><w:basedOn w:val="{S_NORMAL}"/>'
                     f'<w:link w:val="{S_FOOTER_CHAR}"/><w:uiPriority w:val="99"/>'
                     '<w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/>'
                     '<w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/>'
                     '<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/>'
                     '<w:szCs w:val="18"/></w:rPr></w:style>')
            s.append(f'<w:style w:type="character" w:customStyle="1" '
                     f'w:styleId="{S_FOOTER_CHAR}"><w:name w:val="页脚 字符"/>'
                     f'<w:basedOn w:val="{S_DPF}"/><w:link w:val="{S_FOOTER}"/>'
                     '<w:uiPriority w:val="99"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>')
        s.append(f'<w:style w:type="table" w:styleId="{S_GRID}"><w:name w:val="Table Grid"/>'
                 f'<w:basedOn w:val="{S_TABLE_NORMAL}"/><w:uiPriority w:val="39"/>'
                 '<w:tblPr><w:tblBorders>'
                 + "".join(f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                           for b in ("top", "left", "bottom", "right", "insideH", "insideV"))
                 + '</w:tblBorders></w:tblPr></w:style>')
        s.append('</w:styles>')
        return "".join(s)

    def numbering_xml(self) -> str:
        x = [XML_DECL, f'<w:numbering xmlns:mc="http://schemas.openxmlformats.org/markup-'
             f'compatibility/2006" xmlns:w="{W_NS}" '
             'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
             'mc:Ignorable="w15">']
        nsid = f"{rng_for(self.doc, 'nsid').randrange(0x10000000, 0x7FFFFFFF):08X}"
        tmpl = f"{rng_for(self.doc, 'tmpl').randrange(0x10000000, 0x7FFFFFFF):08X}"
        x.append('<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0">'
                 f'<w:nsid w:val="{nsid}"/><w:multiLevelType w:val="multilevel"/>'
                 f'<w:tmpl w:val="{tmpl}"/>')
        for ilvl in range(9):
            kind = self.level_kinds[ilvl]
            fmt, text = LABEL_FORMATS[kind]
            text = text.replace("{n}", str(ilvl + 1))
            restart = "" if self.level_restart[ilvl] else '<w:lvlRestart w:val="0"/>'
            pstyle = (f'<w:pStyle w:val="{ilvl + 1}"/>' if ilvl < self.n_levels else "")
            x.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/>'
                     f'<w:numFmt w:val="{fmt}"/>{restart}{pstyle}'
                     f'<w:suff w:val="{self.level_suff[ilvl]}"/>'
                     f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                     '<w:pPr><w:ind w:left="0" w:firstLine="'
                     f'{0 if self._centred(ilvl + 1) else 640}"/></w:pPr>'
                     '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>')
        x.append('</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                 '</w:numbering>')
        return "".join(x)

    def comments_xml(self) -> str:
        initials = self.author[:1]
        x = [XML_DECL, f'<w:comments {DOC_NS}>']
        for c in self.doc.comments:
            x.append(f'<w:comment w:id="{c.cid}" w:author="{esc(self.author)}" '
                     f'w:date="{self.rev_date}" w:initials="{esc(initials)}">'
                     f'<w:p{self._para_attrs()}><w:pPr><w:pStyle w:val="{S_CMT_TEXT}"/></w:pPr>'
                     f'<w:r><w:rPr><w:rStyle w:val="{S_CMT_REF}"/></w:rPr><w:annotationRef/>'
                     f'</w:r><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
                     f'<w:t xml:space="preserve">{esc(c.text)}</w:t></w:r></w:p></w:comment>')
        x.append('</w:comments>')
        return "".join(x)

    def settings_xml(self) -> str:
        x = [XML_DECL, f'<w:settings xmlns:mc="http://schemas.openxmlformats.org/markup-'
             f'compatibility/2006" xmlns:r="{R_NS}" xmlns:w="{W_NS}" '
             'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
             'mc:Ignorable="w14">',
             '<w:zoom w:percent="100"/>']
        if self.doc.has_revisions:
            x.append('<w:trackRevisions/>')
        x.append('<w:defaultTabStop w:val="420"/>'
                 '<w:drawingGridVerticalSpacing w:val="579"/>'
                 '<w:displayHorizontalDrawingGridEvery w:val="0"/>'
                 '<w:displayVerticalDrawingGridEvery w:val="2"/>'
                 '<w:characterSpacingControl w:val="compressPunctuation"/>'
                 '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>'
                 '<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>'
                 '<w:adjustLineHeightInTable/><w:useFELayout/>'
                 '<w:compatSetting w:name="compatibilityMode" '
                 'w:uri="http://schemas.microsoft.com/office/word" '
                 f'w:val="{15 if self.flavor == "msword" else 14}"/></w:compat>')
        if self.used_rsids:
            x.append(f'<w:rsids><w:rsidRoot w:val="{self.rsid_root}"/>'
                     + "".join(f'<w:rsid w:val="{r}"/>'
                               for r in sorted(self.used_rsids | {self.rsid_root}))
                     + '</w:rsids>')
        x.append('<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
                 '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')
        return "".join(x)

    def font_table_xml(self) -> str:
        x = [XML_DECL, f'<w:fonts xmlns:r="{R_NS}" xmlns:w="{W_NS}">']
        for name, alt, charset, family, pitch, panose in FONTS:
            x.append(f'<w:font w:name="{name}">'
                     + (f'<w:altName w:val="{alt}"/>' if alt else "")
                     + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>'
                     f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>')
        x.append('</w:fonts>')
        return "".join(x)

    def app_xml(self, text_len: int, paras: int) -> str:
        app = APP_WPS if self.flavor == "wps" else APP_MSWORD
        pages = max(1, text_len // 700 + 1)
        version = "" if self.flavor == "wps" else "<AppVersion>16.0000</AppVersion>"
        return (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/'
                'officeDocument/2006/extended-properties" xmlns:vt="http://schemas.'
                'openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                '<Template>Normal.dotm</Template>'
                f'<TotalTime>{int((modified(self.doc) - created(self.doc)).total_seconds() // 3600) % 5000}'
                f'</TotalTime><Pages>{pages}</Pages><Words>{text_len // 2}</Words>'
                f'<Characters>{text_len}</Characters><Application>{app}</Application>'
                '<DocSecurity>0</DocSecurity>'
                f'<Lines>{text_len // 28 + 1}</Lines><Paragraphs>{paras}</Paragraphs>'
                '<ScaleCrop>false</ScaleCrop><Company></Company>'
                '<LinksUpToDate>false</LinksUpToDate>'
                f'<CharactersWithSpaces>{text_len}</CharactersWithSpaces>'
                f'<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>'
                f'{version}</Properties>')

    def custom_xml(self) -> str:
        return (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/'
                'officeDocument/2006/custom-properties" xmlns:vt="http://schemas.'
                'openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
                'name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.9912</vt:lpwstr>'
                '</property></Properties>')

    def build(self, out_path) -> None:
        styled = self.mode == "styled"
        document = self.document_xml()
        text_len = sum(len(plain_text(x)) for x in self.doc.all_inline_lists())
        nparas = document.count("</w:p>")
        has_comments = styled and bool(self.doc.comments)
        ct = [XML_DECL, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
              'content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
              'package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.'
              'openxmlformats-officedocument.wordprocessingml.document.main+xml"/>']
        wct = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        if styled:
            ct.append(f'<Override PartName="/word/numbering.xml" ContentType="{wct}numbering+xml"/>')
        ct.append(f'<Override PartName="/word/styles.xml" ContentType="{wct}styles+xml"/>'
                  f'<Override PartName="/word/settings.xml" ContentType="{wct}settings+xml"/>')
        if has_comments:
            ct.append(f'<Override PartName="/word/comments.xml" ContentType="{wct}comments+xml"/>')
        ct.append(f'<Override PartName="/word/footer1.xml" ContentType="{wct}footer+xml"/>'
                  f'<Override PartName="/word/fontTable.xml" ContentType="{wct}fontTable+xml"/>'
                  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.'
                  'openxmlformats-package.core-properties+xml"/>'
                  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.'
                  'openxmlformats-officedocument.extended-properties+xml"/>')
        if self.flavor == "wps":
            ct.append('<Override PartName="/docProps/custom.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.custom-properties+xml"/>')
        ct.append('</Types>')
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        pkg_rels = [XML_DECL, '<Relationships xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/relationships">']
        if self.flavor == "wps":
            pkg_rels.append(f'<Relationship Id="rId4" Type="{rel}custom-properties" '
                            'Target="docProps/custom.xml"/>')
        pkg_rels.append(f'<Relationship Id="rId3" Type="{rel}extended-properties" '
                        'Target="docProps/app.xml"/>'
                        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                        'package/2006/relationships/metadata/core-properties" '
                        'Target="docProps/core.xml"/>'
                        f'<Relationship Id="rId1" Type="{rel}officeDocument" '
                        'Target="word/document.xml"/></Relationships>')
        doc_rels = [XML_DECL, '<Relationships xmlns="http://schemas.openxmlformats.org/'
                    'package/2006/relationships">']
        if styled:
            doc_rels.append(f'<Relationship Id="rId3" Type="{rel}numbering" '
                            'Target="numbering.xml"/>')
        doc_rels.append(f'<Relationship Id="rId1" Type="{rel}styles" Target="styles.xml"/>'
                        f'<Relationship Id="rId2" Type="{rel}settings" Target="settings.xml"/>'
                        f'<Relationship Id="rId8" Type="{rel}footer" Target="footer1.xml"/>'
                        f'<Relationship Id="rId9" Type="{rel}fontTable" Target="fontTable.xml"/>')
        if has_comments:
            doc_rels.append(f'<Relationship Id="rId5" Type="{rel}comments" '
                            'Target="comments.xml"/>')
        doc_rels.append('</Relationships>')
        parts: list[tuple[str, str]] = [
            ("[Content_Types].xml", "".join(ct)),
            ("_rels/.rels", "".join(pkg_rels)),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", "".join(doc_rels)),
            ("word/footer1.xml", self.footer_xml()),
        ]
        if has_comments:
            parts.append(("word/comments.xml", self.comments_xml()))
        parts.append(("word/styles.xml", self.styles_xml()))
        if styled:
            parts.append(("word/numbering.xml", self.numbering_xml()))
        parts += [
            ("word/settings.xml", self.settings_xml()),
            ("word/fontTable.xml", self.font_table_xml()),
            ("docProps/core.xml", core_xml(self.doc, revision=3 if styled else 2)),
            ("docProps/app.xml", self.app_xml(text_len, nparas)),
        ]
        if self.flavor == "wps":
            parts.append(("docProps/custom.xml", self.custom_xml()))
        write_zip(out_path, parts)
