import Foundation
import PlanTemplates
import Testing

struct TemplateLoaderTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Templates").standardized.path

    @Test("The shipped catalog lists the 29 topics and 6 strategic studies in 5 parts")
    func shippedCatalog() throws {
        let catalog = try Catalog.load(from: Self.templates + "/catalog.yaml")
        #expect(catalog.topics.count == 35)
        #expect(catalog.parts.count == 5)
        #expect(catalog.topics.filter { $0.id.hasPrefix("S") }.count == 6)
        #expect(catalog.topic("13")?.title == "辽宁省新一代信息技术领域科技发展战略研究及规划")
    }

    @Test("A wrong template is refused with the line of the offending node")
    func errorNamesLine() {
        let yaml = """
            parts:
              - id: P1
                title: 顶层设计
            topics:
              - id: "1"
                part: P1
                title: 总体
                short: 不是列表
                keywords: []
            """
        #expect {
            _ = try TemplateLoader.decode(Catalog.self, yaml: yaml, file: "catalog.yaml")
        } throws: { error in
            guard let e = error as? TemplateError else { return false }
            return e.file == "catalog.yaml" && e.line == 8 && e.message.contains("short")
        }
    }

    @Test("Invalid YAML is refused with its line")
    func invalidYAML() {
        #expect {
            _ = try TemplateLoader.decode(Catalog.self, yaml: "parts:\n  - id: [unclosed\n", file: "x.yaml")
        } throws: { error in
            (error as? TemplateError)?.line != nil
        }
    }
}
