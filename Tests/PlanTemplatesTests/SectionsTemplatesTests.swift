import Foundation
import PlanTemplates
import Testing

/// `Templates/sections.yaml` and `Templates/safeguards.yaml`: shipped contents and checks.
struct SectionsTemplatesTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardized.path

    @Test("The shipped section synonyms cover the eight kinds and require the six core ones")
    func shippedSections() throws {
        let synonyms = try SectionSynonyms.load(from: Self.templates + "/" + SectionSynonyms.fileName)
        #expect(synonyms.kinds.map(\.kind).sorted() == SectionSynonyms.knownKinds.sorted())
        #expect(synonyms.required == ["basis", "guiding", "principles", "goals", "tasks", "safeguards"])
        #expect(synonyms.entry("goals")?.exact.contains("目标任务") == true)
        #expect(synonyms.entry("tasks")?.itemsBelow == true)
        #expect(synonyms.entry("appendix")?.topLevel == true)
        #expect(synonyms.headings.maxLength > synonyms.headings.maxBoldLength)
        #expect(synonyms.title.styleNames.contains("title"))
    }

    @Test("The shipped safeguard lexicon has the twelve categories")
    func shippedSafeguards() throws {
        let lexicon = try SafeguardCategories.load(from: Self.templates + "/" + SafeguardCategories.fileName)
        #expect(
            Set(lexicon.categories.map(\.name)) == [
                "组织领导", "政策支持", "资金投入", "人才", "用地", "金融", "考核评估", "宣传引导", "开放合作", "数字化", "体制机制", "监测评估",
            ])
        #expect(lexicon.categories.allSatisfy { !$0.keywords.isEmpty })
    }

    static let minimalKinds = """
        kinds:
          - kind: basis
            name: 发展基础
            exact: [发展基础]
        """

    @Test(
        "A wrong sections template is refused with the line of the offending entry",
        arguments: [
            ("required: [basis]\n" + minimalKinds + "\n  - kind: tasks2\n    name: 任务\n    contains: [任务]\n", 6, "unknown section kind"),
            ("required: [basis]\n" + minimalKinds + "\n  - kind: basis\n    name: 基础\n    contains: [基础]\n", 6, "appears twice"),
            ("required: [basis, goals]\n" + minimalKinds + "\n", 1, "required kind \"goals\""),
            ("required: [basis]\nkinds:\n  - kind: basis\n    name: 发展基础\n", 3, "neither exact nor contains"),
            ("required: [basis]\nkinds:\n  - kind: basis\n    exact: [发展基础]\n", 3, "name"),
            ("required: [basis]\n" + minimalKinds + "\n    itemsBelow: 是\n", 6, "itemsBelow"),
        ])
    func refusedSections(_ yaml: String, _ line: Int, _ message: String) {
        #expect {
            _ = try SectionSynonyms.decode(yaml: yaml, file: "sections.yaml")
        } throws: { error in
            guard let e = error as? TemplateError else { return false }
            return e.file == "sections.yaml" && e.line == line && e.message.contains(message)
        }
    }

    @Test(
        "A wrong safeguard lexicon is refused with the line of the offending category",
        arguments: [
            ("categories:\n  - name: 人才\n    keywords: [人才]\n  - name: 人才\n    keywords: [队伍]\n", 4, "appears twice"),
            ("categories:\n  - name: 人才\n    keywords: []\n", 2, "no keywords"),
            ("categories:\n  - name: 人才\n    keywords: [人才, \"\"]\n", 2, "empty keyword"),
            ("categories:\n  - name: 人才\n    keywords: 人才\n", 3, "keywords"),
        ])
    func refusedSafeguards(_ yaml: String, _ line: Int, _ message: String) {
        #expect {
            _ = try SafeguardCategories.decode(yaml: yaml, file: "safeguards.yaml")
        } throws: { error in
            guard let e = error as? TemplateError else { return false }
            return e.file == "safeguards.yaml" && e.line == line && e.message.contains(message)
        }
    }
}
