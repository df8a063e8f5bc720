import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import PlanTemplates
import Testing

@testable import PlanExtraction

/// Drafts of another region or plan period, generic and weak words in topic scoring, and
/// superseding decided on close file times.
struct TopicScopeTests {
    struct ScopeCase: Sendable, CustomTestStringConvertible {
        var fileName: String
        var titles: [String] = []
        var cover: [String] = []
        var reason: ScopeFinding.Reason?
        var named: [String] = []
        var testDescription: String { ([fileName] + titles + cover).joined(separator: " | ") }
    }

    static let scopeCases: [ScopeCase] = [
        // Another region.
        .init(fileName: "吉林省科技创新“十四五”规划.docx", reason: .region, named: ["吉林"]),
        .init(fileName: "规划.docx", titles: ["山东省“十四五”科技创新规划"], reason: .region, named: ["山东"]),
        .init(fileName: "规划.docx", titles: ["长春市科技创新发展规划（2021—2025年）"], reason: .region, named: ["长春"]),
        .init(fileName: "规划.docx", titles: ["科技创新“十四五”规划"], cover: ["吉林省科学技术厅", "2021年3月"], reason: .region, named: ["吉林"]),
        .init(
            fileName: "zhejiang-gov-work-report-2021.docx", titles: ["政府工作报告"],
            cover: ["2021年1月26日在浙江省第十三届人民代表大会第五次会议上", "浙江省省长 郑栅洁"], reason: .region, named: ["浙江"]),
        .init(fileName: "青岛市人工智能产业发展规划.docx", reason: .region, named: ["青岛"]),
        // Another period.
        .init(fileName: "规划.docx", titles: ["辽宁省“十三五”科技创新规划"], reason: .period, named: ["十三五"]),
        .init(fileName: "规划.docx", titles: ["辽宁省科技创新规划（2016—2020年）"], reason: .period, named: ["2016—2020年"]),
        .init(fileName: "辽宁省十二五科技发展规划.docx", reason: .period, named: ["十二五"]),
        .init(fileName: "规划.docx", titles: ["辽宁省国民经济和社会发展第十三个五年规划纲要"], reason: .period, named: ["第十三个五年"]),
        .init(fileName: "新材料领域科技发展规划（2026-2030年）.docx", reason: .period, named: ["2026-2030年"]),
        // In scope.
        .init(fileName: "辽宁省与江苏省科技合作规划.docx"),
        .init(fileName: "大连市科技创新“十四五”规划.docx"),
        .init(fileName: "规划.docx", titles: ["辽宁省“十三五”科技创新规划实施评估及“十四五”发展思路"]),
        .init(fileName: "规划.docx", titles: ["辽宁省海洋领域科技发展规划", "（2021—2035年）"]),
        .init(fileName: "辽宁省先进装备制造领域科技发展战略研究及规划 （2020年9月）.docx"),
        .init(fileName: "能源领域科技发展规划（修改稿）-20201020.docx"),
        .init(fileName: "沈大国家自主创新示范区科技发展“十四五”规划 （修改稿）.docx"),
        .init(fileName: "national-14fyp-innovation-excerpt.docx", titles: ["中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要"]),
        .init(fileName: "高新区科技发展规划 修改稿.docx", cover: ["辽宁省科学技术厅", "2021年3月"]),
        .init(fileName: "民生幸福建设科技规划.docx"),
        .init(fileName: "福建科技创新规划.docx", reason: .region, named: ["福建"]),
        .init(fileName: "规划.docx", titles: ["关于印发《河南省“十四五”科技创新规划》的通知"], reason: .region, named: ["河南"]),
    ]

    @Test("A draft naming only another region or another plan period is out of scope", arguments: scopeCases)
    func scope(_ c: ScopeCase) {
        let finding = TopicFixtures.identifier.scopeFinding(
            fileName: c.fileName, coreTitle: nil, titleParagraphs: c.titles, coverLines: c.cover)
        #expect(finding?.reason == c.reason)
        #expect(finding?.named ?? [] == c.named)
        if let finding {
            let d = TopicFixtures.identifier.diagnostic(for: finding, fileName: c.fileName)
            #expect(d.code == "extract.out-of-scope")
            #expect(d.severity == .warning)
            #expect(d.message.contains(c.fileName) && c.named.allSatisfy { d.message.contains($0) })
        }
    }

    @Test(
        "Generic and weak words cannot outweigh a catalog short name in the file name",
        arguments: [
            ("高新区.docx", ["辽宁省“十四五”科技创新规划纲要（征求意见稿）"], String?.some("3")),
            ("高新区 十四五 科技创新 发展规划.docx", ["辽宁省“十四五”科技创新发展规划"], "3"),
            ("新材料-国民经济和社会发展规划纲要科技创新专题.docx", [], "10"),
            ("人工智能.docx", ["辽宁省国民经济和社会发展“十四五”规划纲要"], "14"),
            ("规划.docx", ["中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要"], nil),
            ("规划.docx", ["辽宁省“十四五”科技创新规划纲要"], "1"),
            ("辽宁省十四五科技创新规划纲要.docx", [], "1"),
        ] as [(String, [String], String?)])
    func weakWords(_ fileName: String, _ titles: [String], _ topic: String?) {
        let match = TopicFixtures.identifier.identify(fileName: fileName, coreTitle: nil, titleParagraphs: titles, leadText: "")
        #expect(match.id == topic, "\(match.candidates)")
    }

    // MARK: - Through the extractor and the superseding

    static let templates = try! TemplateSet.load(directory: TopicFixtures.templates)

    static func draft(_ title: String, file: String) -> DraftExtraction {
        let document = OutlineDraft.document([
            OutlineDraft.Line(text: title, bold: true, centred: true, size: 44),
            OutlineDraft.bold("一、发展基础"), OutlineDraft.body("基础。"),
        ])
        return DraftExtractor(templates: templates).extract(document, fileName: file)
    }

    @Test("An out-of-scope draft gets no topic, keeps its candidates, is reported and supersedes nothing")
    func outOfScopeThroughTheExtractor() {
        let extractor = DraftExtractor(templates: Self.templates)
        let other = Self.draft("吉林省人工智能领域科技发展“十四五”规划", file: "人工智能领域科技发展规划（终稿）.docx")
        let old = Self.draft("辽宁省人工智能领域科技发展“十三五”规划", file: "人工智能科技发展规划（2016-2020）.docx")
        let current = Self.draft("辽宁省人工智能领域科技发展“十四五”规划", file: "人工智能领域科技发展规划（初稿）.docx")
        #expect(current.topic.id == "14")
        for d in [other, old] {
            #expect(d.topic.id == nil)
            #expect(d.topic.candidates.first?.id == "14")
            #expect(d.diagnostics.filter { $0.code == "extract.out-of-scope" }.count == 1)
            #expect(!d.diagnostics.contains { $0.code == "extract.topic-unknown" })
        }
        // Newer by file time and by version word, yet neither supersedes the current draft.
        let times = [
            other.source.file: Date(timeIntervalSince1970: 3000), old.source.file: Date(timeIntervalSince1970: 2000),
            current.source.file: Date(timeIntervalSince1970: 1000),
        ]
        let resolved = extractor.resolveSuperseded([other, old, current], fileTimes: times)
        #expect(resolved.allSatisfy { $0.supersededBy == nil })
    }

    static let resolver = SupersedeResolver(versions: TopicFixtures.versions)

    @Test("An out-of-scope draft is never grouped, even with a topic id")
    func outOfScopeNeverGrouped() {
        let drafts = [
            DraftSummary(
                file: "吉林.docx", topicId: "14", modified: "2021-01-01T00:00:00Z", version: "终稿", fileModified: nil, outOfScope: true),
            DraftSummary(file: "辽宁.docx", topicId: "14", modified: "2020-01-01T00:00:00Z", version: "初稿", fileModified: nil),
        ]
        #expect(Self.resolver.resolution(drafts).supersededBy.isEmpty)
    }

    @Test(
        "A choice made only on file times a few seconds apart is reported, naming both files",
        arguments: [
            (100.0, 130.0, nil, nil, true), (100.0, 159.5, nil, nil, true), (100.0, 1000.0, nil, nil, false),
            (100.0, 101.0, "初稿", "修改稿", false),
        ] as [(Double, Double, String?, String?, Bool)])
    func closeFileTimes(_ a: Double, _ b: Double, _ va: String?, _ vb: String?, _ warned: Bool) {
        let drafts = [
            DraftSummary(file: "甲.docx", topicId: "5", modified: nil, version: va, fileModified: Date(timeIntervalSince1970: a)),
            DraftSummary(file: "乙.docx", topicId: "5", modified: nil, version: vb, fileModified: Date(timeIntervalSince1970: b)),
        ]
        let resolution = Self.resolver.resolution(drafts)
        #expect(resolution.supersededBy == ["甲.docx": "乙.docx"])
        let warnings = resolution.diagnostics.filter { $0.code == "extract.supersede-uncertain" }
        #expect(warnings.count == (warned ? 1 : 0))
        if warned {
            #expect(warnings[0].message.contains("甲.docx") && warnings[0].message.contains("乙.docx"))
            #expect(resolution.warningsByFile["甲.docx"] == warnings)
            #expect(resolution.warningsByFile["乙.docx"] == warnings)
        }
    }

    @Test("The used draft of a close call carries the warning through the extractor")
    func closeCallThroughTheExtractor() {
        let extractor = DraftExtractor(templates: Self.templates)
        let a = Self.draft("辽宁省海洋领域科技发展“十四五”规划", file: "海洋A.docx")
        let b = Self.draft("辽宁省海洋领域科技发展“十四五”规划", file: "海洋B.docx")
        let resolved = extractor.resolveSuperseded(
            [a, b], fileTimes: ["海洋A.docx": Date(timeIntervalSince1970: 500), "海洋B.docx": Date(timeIntervalSince1970: 512)])
        #expect(resolved[0].supersededBy == "海洋B.docx")
        #expect(resolved[1].diagnostics.contains { $0.code == "extract.supersede-uncertain" && $0.message.contains("12 秒") })
        #expect(resolved[0].diagnostics.contains { $0.code == "extract.supersede-uncertain" })
    }
}
