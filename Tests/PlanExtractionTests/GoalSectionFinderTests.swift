import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import Testing

/// A test-side stand-in for the outline: finds the goals section of a document (the heading
/// whose text holds 目标) so the goal extractor can be measured on its own.
enum GoalSectionFinder {
    struct Heading {
        var block: Int
        var level: Int
        var text: String
    }

    /// Headings: outline levels when the draft has any, else bold short paragraphs with a typed label.
    static func headings(_ body: [Block]) -> [Heading] {
        let paragraphs: [(Int, Paragraph)] = body.enumerated().compactMap { i, b in
            if case .paragraph(let p) = b { return (i, p) }
            return nil
        }
        let styled = paragraphs.contains { $0.1.outlineLevel != nil }
        return paragraphs.compactMap { i, p in
            let text = p.displayText.trimmingCharacters(in: .whitespaces)
            if ["title", "subtitle"].contains(p.styleName?.lowercased() ?? "") { return nil }
            if styled {
                guard let level = p.outlineLevel else { return nil }
                return Heading(block: i, level: level, text: text)
            }
            guard p.isBold, text.count <= 40, !text.contains("。"), let rank = labelRank(text) else { return nil }
            return Heading(block: i, level: rank, text: text)
        }
    }

    /// 第X章 < 第X节 < 一、 < （一） < 1. < （1）.
    static func labelRank(_ text: String) -> Int? {
        let chars = Array(text)
        guard let first = chars.first else { return nil }
        let numerals = "一二三四五六七八九十"
        if first == "第", let k = chars.firstIndex(where: { $0 == "章" || $0 == "节" }), k <= 4 {
            return chars[k] == "章" ? 0 : 1
        }
        if numerals.contains(first), let k = chars.firstIndex(of: "、"), k <= 3 { return 2 }
        if first == "（" || first == "(" {
            guard chars.count > 2 else { return nil }
            return numerals.contains(chars[1]) ? 3 : (chars[1].isNumber ? 5 : nil)
        }
        if first.isNumber, let k = chars.firstIndex(where: { $0 == "." || $0 == "．" || $0 == "、" }), k <= 2 { return 4 }
        return nil
    }

    /// The goals section's blocks (sub-headings included) and their range in the body.
    static func goalBlocks(_ document: Document) -> (blocks: [(block: Block, location: DraftLocation)], range: Range<Int>)? {
        let hs = headings(document.body)
        guard var h = hs.firstIndex(where: { $0.text.contains("目标") }) else { return nil }
        func end(of k: Int) -> Int {
            hs[(k + 1)...].first { $0.level <= hs[k].level }?.block ?? document.body.count
        }
        // "三、总体思路与目标" holding 指导思想, 基本原则 and 目标任务: go down to the goals child.
        while true {
            let children = hs.indices.filter { $0 > h && hs[$0].block < end(of: h) && hs[$0].level > hs[h].level }
            let direct = children.filter { c in !children.contains { $0 < c && hs[$0].level < hs[c].level } }
            guard let goal = direct.first(where: { hs[$0].text.contains("目标") }),
                direct.contains(where: { !hs[$0].text.contains("目标") })
            else { break }
            h = goal
        }
        let range = (hs[h].block + 1)..<end(of: h)
        let path = [hs[h].text]
        let blocks = range.map { i -> (block: Block, location: DraftLocation) in
            let block = document.body[i]
            switch block {
            case .paragraph(let p):
                return (block, DraftLocation(paragraph: p.location.paragraphIndex, headingPath: path, path: p.location.path))
            case .table(let t):
                let first = block.paragraphs.first?.location.paragraphIndex
                return (block, DraftLocation(paragraph: first, headingPath: path, path: t.location.path))
            }
        }
        return (blocks, range)
    }
}

struct GoalSectionFinderTests {
    static func paragraph(_ index: Int, _ text: String, level: Int? = nil, bold: Bool = false) -> Block {
        .paragraph(
            Paragraph(
                location: SourceLocation(part: "word/document.xml", paragraphIndex: index, path: "body/p[\(index)]"),
                outlineLevel: level, isBold: bold, text: text))
    }

    @Test("The finder descends from 总体思路与目标 to its goals child and stops at the next sibling")
    func descendsToGoalsChild() throws {
        let doc = Document(
            file: "x.docx",
            body: [
                Self.paragraph(0, "三、总体思路与目标", level: 0),
                Self.paragraph(1, "（一）指导思想", level: 1),
                Self.paragraph(2, "以……为指导。"),
                Self.paragraph(3, "（二）目标任务", level: 1),
                Self.paragraph(4, "到2025年，高新技术企业数量达到1万家。"),
                Self.paragraph(5, "四、重点任务", level: 0),
            ])
        let found = try #require(GoalSectionFinder.goalBlocks(doc))
        #expect(found.range == 4..<5)
    }

    @Test("In a draft without heading styles, bold typed labels are the headings")
    func typedLabels() throws {
        let doc = Document(
            file: "x.docx",
            body: [
                Self.paragraph(0, "（三）发展目标", bold: true),
                Self.paragraph(1, "1.总体目标", bold: true),
                Self.paragraph(2, "总体目标：建成……。"),
                Self.paragraph(3, "三、重点任务", bold: true),
            ])
        let found = try #require(GoalSectionFinder.goalBlocks(doc))
        #expect(found.range == 1..<3)
    }
}
