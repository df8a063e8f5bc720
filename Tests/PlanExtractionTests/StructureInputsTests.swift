import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// The structure of every shipped draft in Inputs/ against its hand-written expected reading.
struct StructureInputsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        .standardized

    struct Expected: Decodable {
        struct Task: Decodable {
            var title: String
            var children: Int
        }
        struct Measure: Decodable {
            var title: String
            var category: String?
        }
        var file: String
        var sections: [String]
        var missingSections: [String]
        var tasks: [Task]
        var safeguards: [Measure]
    }

    static func expectedReadings() throws -> [(source: String, expected: Expected)] {
        let dir = root.appendingPathComponent("Tests/Fixtures/drafts/src")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".expected.json") }.sorted()
        return try names.map { name in
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            return (String(name.dropLast(".expected.json".count)), try JSONDecoder().decode(Expected.self, from: data))
        }
    }

    static func templates() throws -> (SectionSynonyms, SafeguardCategories) {
        let dir = root.appendingPathComponent("Templates").path
        return (
            try SectionSynonyms.load(from: dir + "/" + SectionSynonyms.fileName),
            try SafeguardCategories.load(from: dir + "/" + SafeguardCategories.fileName)
        )
    }

    /// Title as compared: label and trailing punctuation stripped, white space removed.
    static func key(_ title: String) -> String {
        var t = title.filter { !$0.isWhitespace }
        if let parsed = HeadingLabel.parse(prefixOf: t) { t = parsed.rest }
        while let last = t.last, "。.；;：:".contains(last) { t.removeLast() }
        return t
    }

    @Test("Every shipped draft yields its expected sections, tasks and safeguards")
    func shippedDrafts() throws {
        let (synonyms, lexicon) = try Self.templates()
        let readings = try Self.expectedReadings()
        #expect(readings.count == 37)
        var sectionMisses: [String] = []
        var tasksExpected = 0
        var tasksFound = 0
        var childrenAgree = 0
        var measuresExpected = 0
        var measuresFound = 0
        var categoriesAgree = 0
        var taskMisses: [String] = []
        var childMisses: [String] = []
        var measureMisses: [String] = []
        var categoryMisses: [String] = []
        for (source, expected) in readings {
            let path = Self.root.appendingPathComponent("Inputs/" + expected.file).path
            let document = try DocxReader().read(path: path)
            let structure = DraftStructure.extract(document: document, sections: synonyms, safeguards: lexicon)

            let kinds = Set(structure.sections.map(\.kind.rawValue))
            if kinds != Set(expected.sections) {
                sectionMisses.append(
                    "\(source): expected \(expected.sections.sorted()) found \(kinds.sorted())")
            }
            if structure.missingSections.map(\.rawValue).sorted() != expected.missingSections.sorted() {
                sectionMisses.append("\(source): missing \(structure.missingSections) expected \(expected.missingSections)")
            }

            let tasks = Dictionary(structure.tasks.map { (Self.key($0.title), $0) }, uniquingKeysWith: { a, _ in a })
            for task in expected.tasks {
                tasksExpected += 1
                guard let found = tasks[Self.key(task.title)] else {
                    taskMisses.append("\(source): \(task.title)")
                    continue
                }
                tasksFound += 1
                if found.children.count == task.children {
                    childrenAgree += 1
                } else {
                    childMisses.append("\(source): \(task.title) \(found.children.count)≠\(task.children)")
                }
            }

            let measures = Dictionary(structure.safeguards.map { (Self.key($0.title), $0) }, uniquingKeysWith: { a, _ in a })
            for measure in expected.safeguards {
                measuresExpected += 1
                guard let found = measures[Self.key(measure.title)] else {
                    measureMisses.append("\(source): \(measure.title)")
                    continue
                }
                measuresFound += 1
                if found.category == measure.category {
                    categoriesAgree += 1
                } else {
                    categoryMisses.append("\(source): \(measure.title) \(found.category ?? "nil")≠\(measure.category ?? "nil")")
                }
            }
        }
        let taskRecall = Double(tasksFound) / Double(max(tasksExpected, 1))
        let measureRecall = Double(measuresFound) / Double(max(measuresExpected, 1))
        print("structure: section mismatches \(sectionMisses.count) of \(readings.count) drafts")
        print("structure: tasks recall \(tasksFound)/\(tasksExpected) = \(taskRecall), children agree \(childrenAgree)/\(tasksFound)")
        print(
            "structure: safeguards recall \(measuresFound)/\(measuresExpected) = \(measureRecall), categories agree \(categoriesAgree)/\(measuresFound)"
        )
        for line in sectionMisses + taskMisses + childMisses + measureMisses + categoryMisses { print("  miss: \(line)") }

        #expect(sectionMisses.isEmpty)
        #expect(taskRecall >= 0.95)
        #expect(measureRecall >= 0.95)
        #expect(Double(childrenAgree) / Double(max(tasksFound, 1)) >= 0.95)
        #expect(Double(categoriesAgree) / Double(max(measuresFound, 1)) >= 0.95)
    }
}
