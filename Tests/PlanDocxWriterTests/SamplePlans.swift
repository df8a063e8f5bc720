import Foundation
import PlanModel
@testable import PlanDocxWriter

/// Master plans built in code: a small one for golden files and round trips, a realistic one
/// (four-level outline, the three planted indicator conflicts, a topic without a draft) for the
/// preview.
enum SamplePlans {
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let referenceDirectory = projectRoot.appendingPathComponent("Templates/reference-docx").path

    static func reference() throws -> ReferenceDocument { try ReferenceDocument.load(directory: referenceDirectory) }

    static func source(_ topic: String?, _ file: String, _ paragraph: Int?, _ path: [String]) -> ItemSource {
        ItemSource(file: file, topic: topic, location: DraftLocation(paragraph: paragraph, headingPath: path))
    }

    static let t1 = "辽宁省科技发展总体战略研究及规划（送审稿）.docx"
    static let t2 = "辽宁省科技体制改革与创新体系建设“十四五”规划（征求意见稿）.docx"
    static let s4 = "S4 科技投入与绩效评价问题研究.docx"

    static func value(_ text: String, _ sources: [ItemSource]) -> SourcedValue {
        SourcedValue(value: Double(text), text: text, sources: sources)
    }

    /// Two chapters, a principle, a task with a sub-task, a gap, one conflicting indicator.
    static var small: MasterPlan {
        let a = source("1", t1, 26, ["二、总体要求", "（二）基本原则"])
        let b = source("2", t2, 40, ["三、重点任务"])
        let c = source("S4", s4, nil, ["附表"])
        return MasterPlan(
            title: "辽宁省“十四五”科技创新规划纲要", subtitle: "（2021—2035年）", date: "2021-03-01",
            chapters: [
                PlanNode(
                    title: "总体要求",
                    children: [
                        PlanNode(
                            title: "基本原则",
                            items: [
                                PlanItem(kind: .principle, title: "坚持创新引领", text: "把科技创新摆在全局发展的核心位置。", sources: [a])
                            ]),
                        PlanNode(
                            title: "发展目标",
                            items: [
                                PlanItem(kind: .goal, text: "到2025年，全社会研发经费投入强度达到2.5%。", year: 2025, sources: [a, c])
                            ], embed: .indicatorSummary),
                    ]),
                PlanNode(
                    title: "重点任务",
                    children: [
                        PlanNode(
                            title: "深化科技体制改革",
                            items: [
                                PlanItem(
                                    kind: .task, title: "改革科技计划管理", text: "优化项目形成机制。", sources: [b],
                                    children: [
                                        PlanItem(kind: .task, text: "推行“揭榜挂帅”。", sources: [b])
                                    ])
                            ],
                            children: [
                                PlanNode(
                                    title: "完善评价制度",
                                    children: [
                                        PlanNode(
                                            title: "分类评价",
                                            items: [
                                                PlanItem(kind: .text, text: "建立分类评价体系。", sources: [])
                                            ])
                                    ])
                            ]),
                        PlanNode(title: "公共安全科技", missing: MissingNote(topicId: "19", message: "尚未收到该专题规划稿（专题19）")),
                    ]),
            ],
            indicators: [
                IndicatorRow(
                    key: "rd-intensity", name: "研发经费投入强度", unit: "%", attributes: ["预期性"],
                    baseline: [value("2.04", [a])],
                    targets: ["2025": [value("2.5", [a, source("2", t2, 12, [])]), value("2.3", [c])], "2035": [value("3.0", [a])]],
                    topics: ["1", "2", "S4"], conflict: true)
            ],
            conflicts: [
                IndicatorConflict(
                    key: "rd-intensity", name: "研发经费投入强度", year: "2025",
                    values: [value("2.5", [a, source("2", t2, 12, [])]), value("2.3", [c])])
            ],
            coverage: [
                CoverageEntry(
                    topicId: "1", part: "P1", title: "辽宁省科技发展总体战略研究及规划", status: .present, draft: t1, version: "送审稿",
                    modified: "2020-10-20T08:00:00Z", goals: 3, indicators: 8, tasks: 12, safeguards: 5),
                CoverageEntry(topicId: "19", part: "P3", title: "辽宁省公共安全领域科技发展战略研究及规划", status: .missing),
            ])
    }
}
