import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// The shipped templates and the drafts of `Inputs/` with their hand-written expected readings.
enum TopicFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardized.path
    static let templates = root + "/Templates"
    static let inputs = root + "/Inputs"
    static let sources = root + "/Tests/Fixtures/drafts/src"

    static let catalog: Catalog = try! Catalog.load(from: templates + "/catalog.yaml")
    static let rules: TopicMatchingRules = try! TopicMatchingRules.load(from: templates + "/topic-matching.yaml")
    static let versions: VersionWords = try! VersionWords.load(from: templates + "/versions.yaml")
    static let identifier = TopicIdentifier(catalog: catalog, rules: rules, versions: versions)
    static let detector = VersionDetector(words: versions)

    /// What the expected readings say about topic, version and superseding.
    struct Expected: Decodable {
        var file: String
        var topic: String
        var version: String?
        var supersededBy: String?
    }

    /// One draft of `Inputs/` as read, with its expected reading and the source's name ("t13-v1").
    struct Draft {
        var source: String
        var expected: Expected
        var document: Document
        var titleParagraphs: [String]
        var leadText: String
    }

    /// Every expected reading paired with its DOCX in `Inputs/`, read once.
    static let drafts: [Draft] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []
        // A draft that cannot be read is left out (and the count check of the tests fails),
        // rather than stopping the whole test process.
        return names.filter { $0.hasSuffix(".expected.json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: sources + "/" + name),
                let expected = try? JSONDecoder().decode(Expected.self, from: data),
                let document = try? DocxReader().read(path: inputs + "/" + expected.file, displayName: expected.file)
            else { return nil }
            let (titles, lead) = titleAndLead(document)
            return Draft(
                source: String(name.dropLast(".expected.json".count)), expected: expected, document: document,
                titleParagraphs: titles, leadText: lead)
        }
    }()

    /// A stand-in for the outline helper's title detection: the first non-empty top-level
    /// paragraphs before the first heading-like one (numbered, typed label, heading style, or
    /// body text ending with "。"), at most three; then ~500 characters of what follows.
    static func titleAndLead(_ document: Document) -> ([String], String) {
        var titles: [String] = []
        var lead = ""
        var inTitle = true
        for block in document.body {
            guard case .paragraph(let p) = block else { inTitle = false; continue }
            let text = p.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            if inTitle, titles.count < 3, !looksLikeHeadingOrBody(p, text) {
                titles.append(text)
                continue
            }
            inTitle = false
            lead += text + "\n"
            if lead.count >= 500 { break }
        }
        return (titles, String(lead.prefix(500)))
    }

    private static func looksLikeHeadingOrBody(_ p: Paragraph, _ text: String) -> Bool {
        if let label = p.numbering?.label, !label.isEmpty { return true }
        if text.hasSuffix("。") || text.count > 80 { return true }
        let style = (p.styleName ?? "").lowercased()
        if style.hasPrefix("heading") || style.range(of: #"^标题\s*\d"#, options: .regularExpression) != nil { return true }
        let typedLabel = #"^(第[一二三四五六七八九十]+[章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])"#
        return text.range(of: typedLabel, options: .regularExpression) != nil
    }

    static func identify(_ draft: Draft) -> TopicMatch {
        identifier.identify(
            fileName: draft.expected.file, coreTitle: draft.document.properties.title,
            titleParagraphs: draft.titleParagraphs, leadText: draft.leadText)
    }
}

struct TopicInputsTests {
    @Test("Every draft of Inputs is matched to the topic of its expected reading")
    func topicsOfInputs() throws {
        let drafts = TopicFixtures.drafts
        #expect(drafts.count == 37)
        var right = 0
        for draft in drafts {
            let match = TopicFixtures.identify(draft)
            let shown = match.candidates.map { "\($0.id):\($0.score)" }.joined(separator: " ")
            print("  \(draft.source) → \(match.id ?? "nil") (\(match.confidence)) by \(match.matchedBy) [\(shown)] \(draft.expected.file)")
            #expect(match.id == draft.expected.topic, "\(draft.expected.file): \(match)")
            if match.id == draft.expected.topic { right += 1 }
        }
        print("topic \(right)/\(drafts.count)")
        #expect(right == drafts.count)
    }

    @Test("Each signal alone — file name, title property, title paragraphs — names the topic when it says anything")
    func everySignalAlone() {
        var counts = (name: 0, title: 0, paragraphs: 0)
        var totals = (name: 0, title: 0, paragraphs: 0)
        for draft in TopicFixtures.drafts {
            let expected = draft.expected.topic
            let byName = TopicFixtures.identifier.identify(
                fileName: draft.expected.file, coreTitle: nil, titleParagraphs: [], leadText: "")
            if draft.expected.file != "draft-07.docx" {
                totals.name += 1
                if byName.id == expected { counts.name += 1 }
                #expect(byName.id == expected, "file name of \(draft.source)")
            }
            if let title = draft.document.properties.title, !title.isEmpty {
                totals.title += 1
                let byTitle = TopicFixtures.identifier.identify(fileName: "x.docx", coreTitle: title, titleParagraphs: [], leadText: "")
                if byTitle.id == expected { counts.title += 1 }
                #expect(byTitle.id == expected, "title property of \(draft.source)")
            }
            totals.paragraphs += 1
            let byParagraphs = TopicFixtures.identifier.identify(
                fileName: "x.docx", coreTitle: nil, titleParagraphs: draft.titleParagraphs, leadText: "")
            if byParagraphs.id == expected { counts.paragraphs += 1 }
            #expect(byParagraphs.id == expected, "title paragraphs of \(draft.source)")
        }
        print(
            "signals alone: file name \(counts.name)/\(totals.name), title property \(counts.title)/\(totals.title), title paragraphs \(counts.paragraphs)/\(totals.paragraphs)"
        )
    }

    @Test("draft-07.docx is identified by its title paragraph alone")
    func genericFileName() throws {
        let draft = try #require(TopicFixtures.drafts.first { $0.expected.file == "draft-07.docx" })
        #expect(draft.document.properties.title?.isEmpty ?? true)
        let match = TopicFixtures.identify(draft)
        #expect(match.id == "7")
        #expect(match.matchedBy.contains("titleParagraph"))
        #expect(!match.matchedBy.contains("fileName"))
    }

    @Test("The version of every draft of Inputs is read from its file name and title paragraphs")
    func versionsOfInputs() throws {
        let drafts = TopicFixtures.drafts
        var right = 0
        var disagreements: [String] = []
        for draft in drafts {
            let version = TopicFixtures.detector.version(fileName: draft.expected.file, titleParagraphs: draft.titleParagraphs)
            if version == draft.expected.version {
                right += 1
            } else {
                disagreements.append(draft.source)
                print(
                    "  version \(draft.source): found \(version ?? "nil"), expected \(draft.expected.version ?? "nil") — \(draft.expected.file)"
                )
            }
        }
        print("version \(right)/\(drafts.count)")
        #expect(disagreements.isEmpty)
    }

    @Test("Only the 初稿 of topics 13 and 21 are superseded, each by its later version")
    func supersedingOfInputs() throws {
        let resolver = SupersedeResolver(versions: TopicFixtures.versions)
        let summaries = TopicFixtures.drafts.map { draft in
            DraftSummary(
                file: draft.expected.file, topicId: TopicFixtures.identify(draft).id,
                modified: draft.document.properties.modified,
                version: TopicFixtures.detector.version(fileName: draft.expected.file, titleParagraphs: draft.titleParagraphs),
                fileModified: nil)
        }
        let resolution = resolver.resolution(summaries)
        var expected: [String: String] = [:]
        for draft in TopicFixtures.drafts { if let by = draft.expected.supersededBy { expected[draft.expected.file] = by } }
        #expect(expected.count == 2)
        #expect(resolution.supersededBy == expected)
        #expect(resolution.diagnostics.count == 2)
        #expect(resolution.diagnostics.allSatisfy { $0.code == "extract.superseded" })
        for (old, new) in expected {
            #expect(resolution.diagnostics.contains { $0.message.contains(old) && $0.message.contains(new) })
        }
        for d in resolution.diagnostics { print("  \(d.code): \(d.message)") }
        print("superseded \(resolution.supersededBy.count) (expected \(expected.count))")
    }
}
