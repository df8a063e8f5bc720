#!/usr/bin/env python3
"""Synthetic plan drafts at scale for the benchmarks (Python 3 stdlib only).

    generate.py drafts N OUTDIR [--seed S]        N small drafts (~100-250 paragraphs each)
    generate.py large OUTFILE [--paragraphs P]    one large draft (default 60,000 paragraphs)

The drafts have the structure of the sample drafts in Inputs/: a title and a
version subtitle, 一、发展基础与面临形势, 二、总体要求 with （一）指导思想 /
（二）基本原则 / （三）发展目标 (indicator sentences "到2025年，……达到2.5%" and an
indicator table), 三、重点任务 with sub-tasks, 四、保障措施. Text and figures are
randomized from a fixed seed, so the same arguments always give the same bytes
(the zip timestamps are fixed too).

Topics cycle through the 35 entries of Templates/catalog.yaml; the file name is
"<index>-<topic title><version>.docx" and core.xml carries the topic title and a
modified time that grows with the index, so build recognises the topic of every
draft and, where a topic has several drafts, keeps the newest (the one with the
highest index) and reports the others as superseded.
"""
import argparse
import os
import random
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOG = os.path.join(HERE, "..", "..", "Templates", "catalog.yaml")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ZIP_DATE = (2020, 10, 20, 12, 0, 0)

VERSIONS = ["初稿", "讨论稿", "征求意见稿", "修改稿", "送审稿"]

FALLBACK_TOPICS = ["辽宁省能源领域科技发展战略研究及规划"]


def load_topics(path=CATALOG):
    """Topic titles of catalog.yaml (no YAML library: the file is regular)."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        return FALLBACK_TOPICS
    topics_part = text.split("\ntopics:", 1)[-1]
    titles = re.findall(r"^\s+title:\s*(.+?)\s*$", topics_part, re.M)
    return titles or FALLBACK_TOPICS


def plan_title(catalog_title):
    """辽宁省能源领域科技发展战略研究及规划 -> 辽宁省能源领域科技发展“十四五”规划"""
    t = catalog_title
    for suffix in ("战略研究及规划", "问题研究及规划", "研究及规划"):
        if t.endswith(suffix):
            return t[: -len(suffix)] + "“十四五”规划"
    return t


# --- vocabulary -------------------------------------------------------------

SUBJECTS = ["我省", "全省", "重点企业", "高校院所", "创新平台", "产业集群", "示范区", "高新区",
            "科技型中小企业", "新型研发机构", "重点实验室", "龙头企业", "各市", "省直有关部门"]
VERBS = ["加快推进", "持续提升", "深入实施", "着力突破", "系统布局", "统筹推进", "积极培育",
         "大力发展", "不断完善", "稳步扩大", "重点支持", "全面加强", "优化配置", "聚焦攻关"]
OBJECTS = ["关键核心技术", "科技成果转化", "创新链产业链融合", "高端装备研发", "数字化转型",
           "人才队伍建设", "基础研究能力", "绿色低碳技术", "创新生态", "开放合作水平",
           "研发投入强度", "技术转移体系", "知识产权保护", "产学研协同创新", "应用示范工程"]
CLAUSES = ["取得明显成效", "形成一批标志性成果", "支撑作用显著增强", "整体水平进入全国前列",
           "服务经济社会发展能力明显提升", "为全面振兴提供有力支撑", "创新能力持续增强",
           "体制机制更加完善", "发展环境不断优化", "规模和质量同步提高"]
PRINCIPLES = ["坚持创新引领", "坚持需求导向", "坚持开放合作", "坚持改革驱动", "坚持人才为本",
              "坚持重点突破", "坚持系统推进", "坚持绿色发展", "坚持市场主导", "坚持协同联动"]
INDICATORS = [("研究与试验发展经费投入强度", "%", 1.5, 3.5, 1),
              ("高新技术企业数量", "家", 5000, 15000, 0),
              ("技术合同成交额", "亿元", 300, 1200, 0),
              ("每万人口高价值发明专利拥有量", "件", 3, 12, 1),
              ("省级以上创新平台数量", "个", 50, 400, 0),
              ("科技型中小企业数量", "家", 8000, 30000, 0),
              ("高新技术产业增加值占规模以上工业增加值比重", "%", 30, 55, 1),
              ("规模以上工业企业研发经费支出占营业收入比重", "%", 0.8, 2.5, 2),
              ("新建重点实验室", "个", 10, 80, 0),
              ("引进培育高层次创新人才", "人", 500, 5000, 0),
              ("成果就地转化率", "%", 30, 70, 1),
              ("产业规模", "亿元", 100, 3000, 0)]
TASK_AREAS = ["关键核心技术攻关", "创新平台建设", "创新主体培育", "成果转移转化", "人才队伍建设",
              "开放合作", "示范应用", "产业集群培育", "基础研究", "数字化赋能", "绿色低碳转型",
              "区域协同创新"]
SAFEGUARDS = ["加强组织领导", "加大投入力度", "完善政策体系", "强化人才支撑", "优化创新环境",
              "加强监测评估", "深化开放合作", "营造创新氛围"]
CN_NUM = "一二三四五六七八九十"


def cn_number(n):
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    if n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return CN_NUM[tens - 1] + "十" + (CN_NUM[ones - 1] if ones else "")


def fmt(value, decimals):
    return f"{value:.{decimals}f}" if decimals else str(int(round(value)))


class Gen:
    def __init__(self, rng):
        self.rng = rng

    def sentence(self):
        r = self.rng
        s = f"{r.choice(SUBJECTS)}{r.choice(VERBS)}{r.choice(OBJECTS)}"
        if r.random() < 0.5:
            s += f"，{r.choice(VERBS)}{r.choice(OBJECTS)}"
        if r.random() < 0.3:
            s += f"，累计投入{r.randint(2, 900)}亿元"
        return s + f"，{r.choice(CLAUSES)}。"

    def body(self, lo=2, hi=5):
        return "".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def indicator_values(self, ind):
        name, unit, lo, hi, dec = ind
        base = self.rng.uniform(lo, hi * 0.8)
        target = base * self.rng.uniform(1.1, 1.6)
        return name, unit, fmt(base, dec), fmt(target, dec)

    def indicator_sentence(self, inds):
        parts = []
        for name, unit, _base, target in inds:
            verb = self.rng.choice(["达到", "突破", "超过", "不低于"])
            parts.append(f"{name}{verb}{target}{'' if unit == '%' else unit}{'%' if unit == '%' else ''}")
        year = self.rng.choice([2025, 2025, 2025, 2035])
        return f"到{year}年，" + "，".join(parts) + "。"


# --- WordprocessingML ----------------------------------------------------------

RPR_BODY = '<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>'
RPR_H1 = '<w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hint="eastAsia"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>'
RPR_H2 = '<w:rPr><w:rFonts w:ascii="楷体_GB2312" w:eastAsia="楷体_GB2312" w:hint="eastAsia"/><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr>'
RPR_TITLE = '<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hint="eastAsia"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr>'
RPR_CELL = '<w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'


class Doc:
    def __init__(self, rng):
        self.rng = rng
        self.parts = []
        self.paragraphs = 0

    def runs(self, text, rpr):
        # Split the text into a few runs with rsids, as Word does after editing.
        out = []
        rng = self.rng
        n = len(text)
        cuts = sorted(rng.sample(range(1, n), min(n - 1, rng.randint(0, 3)))) if n > 8 else []
        prev = 0
        for c in cuts + [n]:
            piece = text[prev:c]
            prev = c
            out.append(f'<w:r w:rsidR="00{rng.randrange(16**6):06X}">{rpr}'
                       f'<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
        return "".join(out)

    def p(self, text, rpr=RPR_BODY, ppr='<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>'):
        self.paragraphs += 1
        self.parts.append(f"<w:p>{ppr}{self.runs(text, rpr) if text else ''}</w:p>")

    def title(self, text):
        self.p(text, RPR_TITLE, '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>')

    def subtitle(self, text):
        self.p(text, RPR_H2, '<w:pPr><w:jc w:val="center"/></w:pPr>')

    def h1(self, text):
        self.p(text, RPR_H1, '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/></w:pPr>')

    def h2(self, text):
        self.p(text, RPR_H2, '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="2"/></w:pPr>')

    def table(self, rows, widths=(786, 3221, 1031, 1386, 1386)):
        cells_xml = []
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        for ri, row in enumerate(rows):
            tr = ['<w:tr>' + ('<w:trPr><w:tblHeader/></w:trPr>' if ri == 0 else '')]
            for ci, cell in enumerate(row):
                self.paragraphs += 1
                rpr = RPR_CELL.replace("<w:sz ", "<w:b/><w:sz ") if ri == 0 else RPR_CELL
                tr.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[ci % len(widths)]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                          f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{self.runs(cell, rpr)}</w:p></w:tc>')
            tr.append("</w:tr>")
            cells_xml.append("".join(tr))
        self.parts.append('<w:tbl><w:tblPr><w:tblStyle w:val="a6"/><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/>'
                          '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                          '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders>'
                          f'</w:tblPr><w:tblGrid>{grid}</w:tblGrid>' + "".join(cells_xml) + '</w:tbl>')

    def xml(self):
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>'
                + "".join(self.parts)
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>'
                  '</w:body></w:document>')


def build_document(rng, title, version, task_count=None, task_items=None, repeat_tasks=1):
    g = Gen(rng)
    d = Doc(rng)
    d.title(title)
    d.subtitle(f"（{version}）")
    d.p("")
    d.p(g.body(2, 4) + "依据全省科技创新规划编制总体安排，编制本规划。")
    d.h1("一、发展基础与面临形势")
    d.h2("（一）发展基础")
    for _ in range(rng.randint(3, 6)):
        d.p(g.body(3, 6))
    d.h2("（二）主要问题")
    d.p("".join(f"{w}是{g.sentence()}" for w in ("一", "二", "三", "四")[: rng.randint(2, 4)]))
    d.h2("（三）面临形势")
    for _ in range(rng.randint(1, 3)):
        d.p(g.body(3, 6))
    d.h1("二、总体要求")
    d.h2("（一）指导思想")
    d.p("以习近平新时代中国特色社会主义思想为指导，" + g.body(2, 3))
    d.h2("（二）基本原则")
    for pr in rng.sample(PRINCIPLES, rng.randint(3, 5)):
        d.p(pr + "。" + g.body(1, 2))
    d.h2("（三）发展目标")
    d.p("总体目标：" + g.body(1, 2))
    inds = [g.indicator_values(i) for i in rng.sample(INDICATORS, rng.randint(4, 8))]
    half = len(inds) // 2
    d.p(g.indicator_sentence(inds[:half]))
    d.p(g.indicator_sentence(inds[half:]))
    d.p(f"表1 {title.replace('辽宁省', '').replace('“十四五”规划', '')}主要指标")
    rows = [["序号", "指标名称", "单位", "2020年基期值", "2025年目标值"]]
    for k, (name, unit, base, target) in enumerate(inds, 1):
        rows.append([str(k), name, unit, base, target])
    d.table(rows)
    d.h1("三、重点任务")
    n_tasks = task_count or rng.randint(3, 6)
    k = 0
    for rep in range(repeat_tasks):
        for _ in range(n_tasks):
            k += 1
            d.h2(f"（{cn_number(k)}）{rng.choice(TASK_AREAS)}")
            d.p(g.body(1, 3))
            for j in range(1, (task_items or rng.randint(2, 5)) + 1):
                d.p(f"{j}．{rng.choice(VERBS)}{rng.choice(OBJECTS)}。" + g.body(1, 3))
    d.h1("四、保障措施")
    for k, sg in enumerate(rng.sample(SAFEGUARDS, rng.randint(3, 5)), 1):
        d.h2(f"（{cn_number(k)}）{sg}")
        d.p(g.body(2, 4))
    return d


def core_xml(title, index):
    day, minute = divmod(index, 24 * 60)
    hour, minute = divmod(minute, 60)
    month, day = divmod(day % 300, 28)
    stamp = f"2020-{month + 1:02d}-{day + 1:02d}T{hour:02d}:{minute:02d}:00Z"
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>课题组</dc:creator><cp:lastModifiedBy>规划办</cp:lastModifiedBy>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')


CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                 '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                 '</Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
             '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
             '</Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>Microsoft Office Word</Application></Properties>')
STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman"/>'
          '<w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
          '<w:style w:type="table" w:styleId="a6"><w:name w:val="Table Grid"/></w:style></w:styles>')


def write_docx(path, document_xml, title, index):
    def add(z, name, data):
        info = zipfile.ZipInfo(name, ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        add(z, "[Content_Types].xml", CONTENT_TYPES)
        add(z, "_rels/.rels", ROOT_RELS)
        add(z, "word/document.xml", document_xml)
        add(z, "word/_rels/document.xml.rels", DOC_RELS)
        add(z, "word/styles.xml", STYLES)
        add(z, "docProps/core.xml", core_xml(title, index))
        add(z, "docProps/app.xml", APP_XML)
    os.replace(tmp, path)


def draft_name(index, topics, version):
    catalog_title = topics[index % len(topics)]
    return f"{index + 1:05d}-{catalog_title}（{version}）.docx"


def make_draft(outdir, index, seed, topics):
    rng = random.Random(f"{seed}:{index}")
    catalog_title = topics[index % len(topics)]
    version = VERSIONS[min(len(VERSIONS) - 1, index // len(topics))] if index < len(topics) * len(VERSIONS) else rng.choice(VERSIONS)
    title = plan_title(catalog_title)
    doc = build_document(rng, title, version)
    path = os.path.join(outdir, draft_name(index, topics, version))
    write_docx(path, doc.xml(), title, index)
    return path, doc.paragraphs


def cmd_drafts(args):
    topics = load_topics()
    os.makedirs(args.outdir, exist_ok=True)
    total = 0
    for i in range(args.count):
        _, n = make_draft(args.outdir, i, args.seed, topics)
        total += n
    print(f"{args.count} drafts, {total} paragraphs, in {args.outdir}", file=sys.stderr)


def cmd_large(args):
    topics = load_topics()
    rng = random.Random(f"{args.seed}:large")
    catalog_title = topics[10 % len(topics)]
    title = plan_title(catalog_title)
    # One repetition of 12 tasks x 8 items is ~120 paragraphs; repeat to reach the target.
    probe = build_document(random.Random(0), title, "修改稿", task_count=12, task_items=8, repeat_tasks=1)
    per_rep = 12 * 10
    reps = max(1, (args.paragraphs - (probe.paragraphs - per_rep)) // per_rep)
    doc = build_document(rng, title, "修改稿", task_count=12, task_items=8, repeat_tasks=reps)
    os.makedirs(os.path.dirname(os.path.abspath(args.outfile)), exist_ok=True)
    write_docx(args.outfile, doc.xml(), title, 0)
    print(f"{args.outfile}: {doc.paragraphs} paragraphs", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("drafts", help="N small drafts into a folder")
    a.add_argument("count", type=int)
    a.add_argument("outdir")
    a.add_argument("--seed", type=int, default=2025)
    a.set_defaults(func=cmd_drafts)
    b = sub.add_parser("large", help="one large draft")
    b.add_argument("outfile")
    b.add_argument("--paragraphs", type=int, default=60000)
    b.add_argument("--seed", type=int, default=2025)
    b.set_defaults(func=cmd_large)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
