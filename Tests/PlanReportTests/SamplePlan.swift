import DocumentModel
import PlanSupport
import PlanModel

/// A realistic master plan for the report's tests and screenshot, built in code until the
/// assembly stage produces the real one: the 35 catalog entries (three without a draft), the
/// three planted indicator conflicts, inputs of every status, problems with their places.
enum SamplePlan {
    static let date = "2020-10-28T17:40:00Z"

    static func make() throws -> MasterPlan {
        let catalog = try SampleCatalog.load()
        return MasterPlan(
            title: "辽宁省“十四五”科技创新规划纲要", subtitle: "（2021—2035年）", date: date,
            chapters: [], indicators: indicators, conflicts: conflicts, coverage: coverage(catalog), inputs: inputs,
            diagnostics: [
                Diagnostic(
                    severity: .warning, code: "assembly.template-empty",
                    message: "纲要模板“第五章 重大工程”引用的“各专题 重大项目”没有找到内容，该节暂空",
                    location: SourceLocation(part: "Templates/master-outline.yaml", path: "第 48 行")),
                Diagnostic(severity: .info, code: "assembly.near-duplicates", message: "合并了 57 组表述相近的重点任务"),
            ])
    }

    // MARK: Coverage

    static func coverage(_ catalog: SampleCatalog) -> [CoverageEntry] {
        let byTopic = Dictionary(uniqueKeysWithValues: SampleDrafts.drafts.map { ($0.topic, $0) })
        return catalog.topics.map { topic in
            let partTitle = catalog.partTitles[topic.part]
            guard let draft = byTopic[topic.id], !SampleDrafts.missing.contains(topic.id) else {
                return CoverageEntry(topicId: topic.id, part: topic.part, title: topic.title, status: .missing, partTitle: partTitle)
            }
            let problems = SampleDrafts.problems.filter { $0.topic == topic.id }
            let locations = problems.compactMap { p in
                p.paragraph.map { DraftLocation(paragraph: $0, headingPath: p.headingPath, path: "body/p[\($0)]") }
            }
            return CoverageEntry(
                topicId: topic.id, part: topic.part, title: topic.title, status: .present, draft: draft.file,
                version: draft.version, modified: draft.modified,
                superseded: SampleDrafts.superseded.filter { $0.topic == topic.id }.map(\.file),
                goals: draft.counts.goals, indicators: draft.counts.indicators, tasks: draft.counts.tasks,
                safeguards: draft.counts.safeguards, missingSections: draft.missingSections,
                conflicts: conflicts.filter { c in c.values.contains { v in v.sources.contains { $0.topic == topic.id } } }.map(\.key),
                problems: problems.map(SampleDrafts.diagnostic), problemLocations: locations, partTitle: partTitle)
        }
    }

    // MARK: Indicators

    static func file(_ topic: String) -> String { SampleDrafts.drafts.first { $0.topic == topic }!.file }

    static func source(_ topic: String, _ paragraph: Int, _ path: [String]) -> ItemSource {
        ItemSource(file: file(topic), topic: topic, location: DraftLocation(paragraph: paragraph, headingPath: path))
    }

    static let goalsPath = ["二、总体要求", "（三）发展目标"]

    static let conflicts: [IndicatorConflict] = [
        IndicatorConflict(
            key: "研发经费投入强度", name: "研究与试验发展经费投入强度", year: "2025",
            values: [
                SourcedValue(
                    value: 2.5, text: "2.5%", comparator: "达到",
                    sources: [
                        source("1", 35, goalsPath), source("2", 29, ["二、总体思路", "（三）主要目标"]),
                    ]),
                SourcedValue(value: 2.3, text: "2.3%", comparator: "达到", sources: [source("S4", 23, ["三、总体思路与目标", "（三）主要目标"])]),
            ]),
        IndicatorConflict(
            key: "高新技术企业数量", name: "高新技术企业数量", year: "2025",
            values: [
                SourcedValue(
                    value: 10000, text: "1万家", comparator: "突破",
                    sources: [
                        source("1", 35, goalsPath), source("8", 39, ["二、总体要求", "（三）主要目标"]),
                    ]),
                SourcedValue(value: 12000, text: "1.2万家", comparator: "突破", sources: [source("27", 23, goalsPath)]),
            ]),
        IndicatorConflict(
            key: "技术合同成交额", name: "技术合同成交额", year: "2025",
            values: [
                SourcedValue(value: 1e11, text: "1000", sources: [source("1", 102, goalsPath), source("5", 24, ["二、总体要求", "（三）总体目标"])]),
                SourcedValue(
                    value: 1.2e11, text: "1200亿元", comparator: "突破",
                    sources: [
                        source("26", 26, ["二、指导思想、基本原则和发展目标", "（三）主要目标"])
                    ]),
            ]),
    ]

    static var indicators: [IndicatorRow] {
        var rows = conflicts.map { c in
            IndicatorRow(
                key: c.key, name: c.name, unit: c.key == "研发经费投入强度" ? "%" : c.key == "技术合同成交额" ? "元" : "家",
                attributes: ["预期性"], baseline: [], targets: [c.year: c.values],
                topics: c.values.flatMap { $0.sources.compactMap(\.topic) }, conflict: true)
        }
        let agreeing: [(String, String, String, Double, String, [String])] = [
            ("每万人口发明专利拥有量", "每万人口发明专利拥有量", "件", 12, "12件", ["1", "28"]),
            ("科技进步贡献率", "科技进步贡献率", "%", 60, "60%", ["1"]),
            ("科技型中小企业数量", "科技型中小企业数量", "家", 15000, "1.5万家", ["1", "S6"]),
            ("省级以上创新平台数量", "省级以上创新平台数量", "个", 1500, "1500个", ["6"]),
            ("高技术制造业增加值占比", "高技术制造业增加值占规模以上工业增加值比重", "%", 7, "7%", ["8", "13"]),
        ]
        for (key, name, unit, value, text, topics) in agreeing {
            let sources = topics.map { source($0, 35, goalsPath) }
            rows.append(
                IndicatorRow(
                    key: key, name: name, unit: unit, attributes: ["预期性"], baseline: [],
                    targets: ["2025": [SourcedValue(value: value, text: text, sources: sources)]], topics: topics, conflict: false))
        }
        return rows
    }

    // MARK: Inputs

    static var inputs: [InputRecord] {
        var records = SampleDrafts.drafts.filter { !SampleDrafts.missing.contains($0.topic) }.map {
            InputRecord(file: $0.file, status: .used, topic: $0.topic)
        }
        for s in SampleDrafts.superseded {
            records.append(
                InputRecord(
                    file: s.file, status: .superseded, reason: "同一专题已有更新的稿件（初稿 → 较新稿次）", topic: s.topic, supersededBy: s.by))
        }
        records += [
            InputRecord(
                file: "24 现代种业创新领域科技发展规划（讨论稿）.doc", status: .rejected,
                reason: "不是 .docx 文件（Word 97-2003 .doc 格式），请另存为 .docx 后重新报送", topic: "24"),
            InputRecord(
                file: "【军民融合】科技创新战略研究 修改稿.docx", status: .rejected,
                reason: "文件已损坏：ZIP 中央目录不完整，无法打开（可能未传输完整）", topic: "S3"),
            InputRecord(
                file: "会议材料汇编.docx", status: .unassigned,
                reason: "无法识别《会议材料汇编.docx》对应的专题（最高得分 0.31，低于 0.6），请人工指定"),
            InputRecord(file: "~$科技服务业发展规划（征求意见稿）.docx", status: .ignored, reason: "Word 临时锁定文件（~$ 开头），不是稿件"),
            InputRecord(file: "Thumbs.db", status: .ignored, reason: "不是 Word 文档"),
        ]
        return records.sorted { $0.file < $1.file }
    }
}
