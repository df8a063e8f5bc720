import DocumentModel
import PlanSupport
import Foundation
import OOXML
@testable import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// The prose the master plan quotes, read from a document through the extraction's outline.
struct DraftContentTests {
    static func paragraph(_ i: Int, _ text: String, bold: String? = nil) -> Block {
        .paragraph(
            Paragraph(
                location: SourceLocation(part: "word/document.xml", paragraphIndex: i, path: "body/p[\(i)]"), boldLead: bold, text: text))
    }

    static func node(_ level: Int, _ label: String, _ title: String, _ p: Int, _ kind: SectionKind? = nil, _ children: [OutlineNode] = [])
        -> OutlineNode
    {
        OutlineNode(
            level: level, label: label, labelKind: nil, title: title, signal: .headingStyle, paragraph: p, kind: kind, children: children)
    }

    static func section(_ kind: SectionKind, _ p: Int) -> Section {
        Section(kind: kind, heading: "", location: DraftLocation(paragraph: p, headingPath: []), paragraphCount: 1)
    }

    /// The content of `document` read through a given outline and sections.
    static func content(_ document: Document, outline: [OutlineNode], sections: [Section]) -> DraftContent {
        ContentReader.content(
            file: "t.docx", paragraphs: document.body.compactMap { if case .paragraph(let p) = $0 { p } else { nil } },
            outline: outline, sections: sections)
    }

    @Test("Guiding paragraphs, run-in and labelled principles, and project sub-headings are read")
    func sections() throws {
        let document = Document(
            file: "t.docx",
            body: [
                Self.paragraph(0, "二、总体要求"), Self.paragraph(1, "（一）指导思想"),
                Self.paragraph(2, "以习近平新时代中国特色社会主义思想为指导，推动高质量发展。"),
                Self.paragraph(3, "（二）基本原则"), Self.paragraph(4, "规划实施遵循以下原则："),
                Self.paragraph(5, "坚持创新引领。把科技创新作为根本动力。", bold: "坚持创新引领。"),
                Self.paragraph(6, "2.坚持开放合作。加强国内外合作。"), Self.paragraph(7, "   "),
                Self.paragraph(8, "三、重点工程"), Self.paragraph(9, "（一）示范工程"), Self.paragraph(10, "建设一批示范基地。"),
            ])
        let outline = [
            Self.node(1, "二、", "总体要求", 0, nil, [Self.node(2, "（一）", "指导思想", 1, .guiding), Self.node(2, "（二）", "基本原则", 3, .principles)]),
            Self.node(1, "三、", "重点工程", 8, .projects, [Self.node(2, "（一）", "示范工程", 9)]),
        ]
        let content = Self.content(
            document, outline: outline, sections: [Self.section(.guiding, 1), Self.section(.principles, 3), Self.section(.projects, 8)])
        #expect(content.guiding.map(\.text) == ["以习近平新时代中国特色社会主义思想为指导，推动高质量发展。"])
        #expect(content.guiding.first?.location == DraftLocation(paragraph: 2, headingPath: ["二、总体要求", "（一）指导思想"], path: "body/p[2]"))
        #expect(content.principles.map(\.title) == ["坚持创新引领", "坚持开放合作"])
        #expect(content.principles.map(\.text) == ["把科技创新作为根本动力。", "加强国内外合作。"])
        let project = try #require(content.projects.first)
        #expect(content.projects.count == 1)
        #expect(project.title == "示范工程" && project.label == "（一）" && project.text == "建设一批示范基地。")
        #expect(project.location.headingPath == ["三、重点工程"])
        #expect(content.basis.isEmpty)
    }

    @Test("A heading naming both 指导思想 and 基本原则 gives its plain paragraphs to guiding, its titled ones to principles")
    func combinedHeading() {
        let document = Document(
            file: "t.docx",
            body: [
                Self.paragraph(0, "一、发展基础"), Self.paragraph(1, "全省科技实力显著增强。"),
                Self.paragraph(2, "二、指导思想和基本原则"), Self.paragraph(3, "以创新驱动发展为主线。"),
                Self.paragraph(4, "坚持需求导向。面向产业需求。", bold: "坚持需求导向。"),
                Self.paragraph(5, "坚持开放协同。融入全球创新网络。", bold: "坚持开放协同。"),
            ])
        let outline = [Self.node(1, "一、", "发展基础", 0, .basis), Self.node(1, "二、", "指导思想和基本原则", 2, .guiding)]
        let content = Self.content(
            document, outline: outline, sections: [Self.section(.basis, 0), Self.section(.guiding, 2), Self.section(.principles, 2)])
        #expect(content.basis.map(\.text) == ["全省科技实力显著增强。"])
        #expect(content.guiding.map(\.text) == ["以创新驱动发展为主线。"])
        #expect(content.principles.map(\.title) == ["坚持需求导向", "坚持开放协同"])
    }

    @Test(
        "Labels and run-in titles are split off",
        arguments: [
            ("（一）加强组织领导。建立协调机制。", "（一）", "加强组织领导", "建立协调机制。"),
            ("1.坚持问题导向。聚焦突出问题。", "1.", "坚持问题导向", "聚焦突出问题。"),
            ("①建设平台：完善布局。", "①", "建设平台", "完善布局。"),
        ])
    func runIn(text: String, label: String, title: String, body: String) throws {
        let p = Paragraph(location: SourceLocation(part: "word/document.xml", paragraphIndex: 0, path: "body/p[0]"), text: text)
        let split = try #require(ContentText.runIn(p))
        #expect(split.label == label && split.title == title && split.text == body)
    }

    @Test("A plain sentence or a figure is not a run-in statement")
    func notRunIn() {
        for text in ["全社会研发投入保持较快增长。", "2.5%的目标已经实现。"] {
            let p = Paragraph(location: SourceLocation(part: "word/document.xml", paragraphIndex: 0, path: "body/p[0]"), text: text)
            #expect(ContentText.runIn(p) == nil, "\(text)")
        }
    }

    /// Every draft of Inputs/ with its expected reading, extracted with its content in one pass
    /// (superseding resolved across all of them).
    static let inputDrafts: [ExtractedDraft] = {
        let templates = try! TemplateSet.load(directory: TopicFixtures.templates)
        let extractor = DraftExtractor(templates: templates)
        let drafts = TopicFixtures.drafts.map { extractor.extractDraft($0.document, fileName: $0.expected.file) }
        let resolved = extractor.resolveSuperseded(drafts.map(\.extraction))
        return zip(resolved, drafts).map { ExtractedDraft(extraction: $0, content: $1.content) }
    }()

    @Test("Every current draft of Inputs gives its principles, guiding and basis paragraphs")
    func inputs() {
        #expect(Self.inputDrafts.count == 37)
        var principles = 0
        var projects = 0
        for d in Self.inputDrafts where d.extraction.supersededBy == nil {
            let count = { (kind: SectionKind) in d.extraction.sections.filter { $0.kind == kind }.map(\.paragraphCount).reduce(0, +) }
            #expect(d.content.basis.count == count(.basis), "\(d.extraction.source.file)")
            #expect(d.content.guiding.count == 1, "\(d.extraction.source.file)")
            #expect(d.content.principles.count >= 3 && d.content.principles.allSatisfy { $0.title != nil }, "\(d.extraction.source.file)")
            principles += d.content.principles.count
            projects += d.content.projects.count
        }
        print("content: principles \(principles), projects \(projects)")
        #expect(projects == 19)
    }
}
