import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing
import TestSupport

/// The whole extraction stage (`DraftExtractor`, as `plan-assembler extract` runs it) over every
/// shipped draft, held to the hand-checked expected readings in Tests/Fixtures/drafts/src.
@Suite(.serialized) struct PipelineEvaluationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let templates = try! TemplateSet.load(directory: root.appendingPathComponent("Templates").path)

    struct Expected: Decodable {
        struct ExpectedIndicator: Decodable {
            var name: String
            var canonical: String
            var value: Double?
            var unit: String?
            var year: Int?
            var baseline: Double?
            var from: String
        }
        struct ExpectedTask: Decodable {
            var title: String
            var children: Int
        }
        struct ExpectedSafeguard: Decodable {
            var title: String
            var category: String?
        }
        struct ExpectedGoal: Decodable {
            var year: Int?
            var text: String
        }
        struct Revisions: Decodable { var unresolved: Bool }

        var file: String
        var topic: String
        var version: String?
        var supersededBy: String?
        var sections: [String]
        var missingSections: [String]
        var goals: [ExpectedGoal]
        var indicators: [ExpectedIndicator]
        var tasks: [ExpectedTask]
        var safeguards: [ExpectedSafeguard]
        var revisions: Revisions
        var comments: Int
    }

    /// Every expected reading with the extraction of its draft (superseding resolved across all).
    static let pairs: [(expected: Expected, draft: DraftExtraction)] = {
        let src = root.appendingPathComponent("Tests/Fixtures/drafts/src")
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: src.path))?.filter { $0.hasSuffix(".expected.json") }.sorted() ?? []
        let expected = names.map { try! JSONDecoder().decode(Expected.self, from: Data(contentsOf: src.appendingPathComponent($0))) }
        let extractor = DraftExtractor(templates: templates)
        let drafts = expected.map { e in
            let path = root.appendingPathComponent("Inputs").appendingPathComponent(e.file).path
            let document = try! DocxReader().read(path: path, displayName: e.file)
            return extractor.extract(document, fileName: e.file)
        }
        let resolved = extractor.resolveSuperseded(drafts)
        return Array(zip(expected, resolved))
    }()

    static func normalized(_ s: String) -> String {
        s.unicodeScalars.filter { !$0.properties.isWhitespace && !"，。、；：,.;:".unicodeScalars.contains($0) }
            .map(String.init).joined()
    }

    @Test("Every draft is recognised as its catalog topic, with its version and superseding")
    func topics() {
        let pairs = Self.pairs
        #expect(pairs.count == 37)
        let topicRight = pairs.filter { $0.draft.topic.id == $0.expected.topic }.count
        let versionRight = pairs.filter { $0.draft.version == $0.expected.version }.count
        let supersedeRight = pairs.filter { $0.draft.supersededBy == $0.expected.supersededBy }.count
        print(
            "pipeline: topic \(topicRight)/\(pairs.count), version \(versionRight)/\(pairs.count), superseded \(supersedeRight)/\(pairs.count)"
        )
        for p in pairs where p.draft.topic.id != p.expected.topic {
            print("  topic miss \(p.expected.file): \(p.draft.topic.id ?? "nil") expected \(p.expected.topic)")
        }
        #expect(topicRight == pairs.count)
        #expect(versionRight == pairs.count)
        #expect(supersedeRight == pairs.count)
        let topics = Set(pairs.filter { $0.draft.supersededBy == nil }.compactMap { $0.draft.topic.id })
        #expect(topics.count == 35, "every catalog entry has exactly one current draft")
    }

    @Test("Section kinds found and missing match the expected readings")
    func sections() {
        var mismatches: [String] = []
        for (e, d) in Self.pairs {
            let found = Set(d.sections.map(\.kind.rawValue))
            let missing = Set(d.diagnostics.filter { $0.code == "extract.missing-section" }.map(\.message))
            if found != Set(e.sections) { mismatches.append("\(e.file): found \(found.sorted()) expected \(e.sections.sorted())") }
            if missing.count != e.missingSections.count { mismatches.append("\(e.file): missing \(missing) expected \(e.missingSections)") }
        }
        print("pipeline: section mismatches \(mismatches.count) of \(Self.pairs.count) drafts")
        for mismatch in mismatches { print("  " + mismatch) }
        #expect(mismatches.isEmpty)
    }

    @Test("Indicators: precision and recall of name, value, unit and year are at least 0.95")
    func indicators() {
        let synonyms = Self.templates.indicators
        var expectedCount = 0
        var extractedCount = 0
        var matched = 0
        var misses: [String] = []
        for (e, d) in Self.pairs {
            var pool = d.indicators
            expectedCount += e.indicators.count
            extractedCount += d.indicators.count
            for want in e.indicators {
                let key = synonyms.entry(named: want.canonical).map { synonyms.key(of: $0) } ?? synonyms.normalizedKey(want.canonical)
                let hit = pool.firstIndex { got in
                    got.key == key && got.year == want.year && got.unit == want.unit && got.from == want.from
                        && Self.same(got.value, want.value)
                }
                if let hit {
                    matched += 1
                    pool.remove(at: hit)
                } else {
                    misses.append(
                        "\(e.file): \(want.name) \(want.value.map { "\($0)" } ?? "nil") \(want.unit ?? "") \(want.year.map(String.init) ?? "-") \(want.from)"
                    )
                }
            }
            for extra in pool { misses.append("\(e.file): EXTRA \(extra.name) \(extra.text) \(extra.year.map(String.init) ?? "-")") }
        }
        let precision = extractedCount == 0 ? 0 : Double(matched) / Double(extractedCount)
        let recall = expectedCount == 0 ? 0 : Double(matched) / Double(expectedCount)
        print(
            "pipeline: indicators expected \(expectedCount), extracted \(extractedCount), matched \(matched); precision \(String(format: "%.3f", precision)) recall \(String(format: "%.3f", recall))"
        )
        for miss in misses.prefix(20) { print("  " + miss) }
        #expect(precision >= 0.95)
        #expect(recall >= 0.95)
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return abs(x - y) <= max(1e-9, abs(y) * 1e-9)
        default: return false
        }
    }

    @Test("Goals, tasks and safeguards: recall is at least 0.95")
    func items() {
        var goals = (0, 0)
        var tasks = (0, 0)
        var children = 0
        var safeguards = (0, 0)
        var categories = 0
        for (e, d) in Self.pairs {
            for g in e.goals {
                goals.1 += 1
                if d.goals.contains(where: { $0.year == g.year && Self.normalized($0.text) == Self.normalized(g.text) }) { goals.0 += 1 }
            }
            for t in e.tasks {
                tasks.1 += 1
                if let hit = d.tasks.first(where: { Self.normalized($0.title) == Self.normalized(t.title) }) {
                    tasks.0 += 1
                    if hit.children.count == t.children { children += 1 }
                }
            }
            for s in e.safeguards {
                safeguards.1 += 1
                if let hit = d.safeguards.first(where: { Self.normalized($0.title) == Self.normalized(s.title) }) {
                    safeguards.0 += 1
                    if hit.category == s.category { categories += 1 }
                }
            }
        }
        func ratio(_ p: (Int, Int)) -> Double { p.1 == 0 ? 1 : Double(p.0) / Double(p.1) }
        print(
            "pipeline: goals recall \(goals.0)/\(goals.1), tasks recall \(tasks.0)/\(tasks.1) (children right \(children)), safeguards recall \(safeguards.0)/\(safeguards.1) (categories right \(categories))"
        )
        #expect(ratio(goals) >= 0.95)
        #expect(ratio(tasks) >= 0.95)
        #expect(ratio(safeguards) >= 0.95)
    }

    @Test("Unresolved revisions and open comments are reported where the drafts have them")
    func revisions() {
        for (e, d) in Self.pairs {
            #expect(d.revisions.unresolved == e.revisions.unresolved, "\(e.file)")
            #expect(d.revisions.comments == e.comments, "\(e.file)")
            #expect(d.diagnostics.contains { $0.code == "extract.unresolved-revisions" } == e.revisions.unresolved, "\(e.file)")
            #expect(d.diagnostics.filter { $0.code == "extract.open-comment" }.count == e.comments, "\(e.file)")
        }
    }

    @Test("The JSON of every draft validates against Templates/schema/draft-extraction.schema.json")
    func schema() throws {
        let schemaURL = Self.root.appendingPathComponent("Templates/schema/draft-extraction.schema.json")
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: schemaURL))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for (e, d) in Self.pairs {
            let errors = try validator.validate(encoder.encode(d))
            #expect(errors.isEmpty, "\(e.file): \(errors.prefix(5))")
        }
    }

    @Test("The schema validator rejects what the schema forbids")
    func schemaRejects() throws {
        let schemaURL = Self.root.appendingPathComponent("Templates/schema/draft-extraction.schema.json")
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: schemaURL))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var object = try JSONSerialization.jsonObject(with: encoder.encode(Self.pairs[0].draft)) as! [String: Any]
        object["schemaVersion"] = 2
        object.removeValue(forKey: "supersededBy")
        object["unexpected"] = true
        let errors = try validator.validate(JSONSerialization.data(withJSONObject: object))
        #expect(errors.contains { $0.contains("schemaVersion") })
        #expect(errors.contains { $0.contains("supersededBy") })
        #expect(errors.contains { $0.contains("unexpected") })
    }
}
