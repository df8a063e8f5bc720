import Foundation
@testable import PlanAssembly
import PlanModel
import Testing

/// Indicators consolidated by key and year: agreeing values merge their sources, disagreeing
/// ones are conflicts with every value and source; relative targets are values of their own kind.
struct IndicatorConsolidationTests {
    /// The three conflicts planted in Inputs/: (key, year, [(value, topics)]).
    static let planted: [(String, String, [(Double, [String])])] = [
        ("研发经费投入强度", "2025", [(2.5, ["1", "2"]), (2.3, ["S4"])]),
        ("高新技术企业数量", "2025", [(10000, ["1", "8"]), (12000, ["27"])]),
        ("技术合同成交额", "2025", [(1e11, ["1", "5"]), (1.2e11, ["26"])]),
    ]

    static func topics(_ v: SourcedValue) -> [String] {
        var seen: [String] = []
        for t in v.sources.compactMap(\.topic) where !seen.contains(t) { seen.append(t) }
        return seen
    }

    @Test("On Inputs exactly the three planted conflicts are found, each with both values and their sources")
    func plantedConflicts() throws {
        let plan = AssemblyFixture.plan
        for c in plan.conflicts {
            print("conflict \(c.name) \(c.year): " + c.values.map { "\($0.text) \(Self.topics($0))" }.joined(separator: " vs "))
        }
        #expect(plan.conflicts.count == 3)
        for (key, year, values) in Self.planted {
            let conflict = try #require(plan.conflicts.first { $0.key == key && $0.year == year })
            #expect(conflict.values.map(\.value) == values.map(\.0))
            #expect(conflict.values.map(Self.topics) == values.map(\.1))
            // Prose and table of each draft: every source is there, with a location.
            #expect(conflict.values.allSatisfy { $0.sources.count == 2 * Self.topics($0).count })
            #expect(conflict.values.flatMap(\.sources).allSatisfy { $0.location.paragraph != nil && !$0.file.isEmpty })
            let row = try #require(plan.indicators.first { $0.key == key })
            #expect(row.conflict)
            #expect(row.targets[year] == conflict.values)
        }
        #expect(plan.indicators.filter(\.conflict).map(\.key).sorted() == Self.planted.map(\.0).sorted())
    }

    @Test("Agreeing values of several drafts are one value with every source")
    func agreeingValues() throws {
        let row = try #require(AssemblyFixture.plan.indicators.first { $0.key == "主要农作物良种覆盖率" })
        let target = try #require(row.targets["2035"])
        #expect(target.count == 1)
        #expect(Self.topics(target[0]) == ["23", "24"])
        #expect(target[0].text == "99%", "the text as written in prose is kept")
        #expect(row.baseline.count == 1 && row.baseline[0].text == "97%（2020年）")
    }

    @Test("An absolute and a relative target of the same year are not a conflict")
    func relativeTargets() throws {
        let row = try #require(AssemblyFixture.plan.indicators.first { $0.key == "人工智能核心产业规模" })
        let values = try #require(row.targets["2025"])
        #expect(values.map(\.text) == ["500亿元", "年均增长23%"])
        #expect(values.map(\.relative) == [nil, "年均增长"])
        #expect(!row.conflict)
        let doubling = try #require(AssemblyFixture.plan.indicators.first { $0.key == "高校院所技术转让许可收入" })
        #expect(doubling.targets["2025"]?.count == 1, "翻一番 with and without a unit is one value")
    }

    @Test("Main indicators are those of the primary plan; rows start with them in catalog order")
    func mainIndicators() {
        let rows = AssemblyFixture.plan.indicators
        #expect(rows.filter(\.main).count == 13)
        #expect(rows.prefix(13).allSatisfy { $0.main && $0.topics.first == "1" })
        #expect(rows.first?.key == "研发经费投入强度")
        print("indicator rows \(rows.count), main \(rows.filter(\.main).count)")
    }

    // MARK: Synthetic drafts

    static func draft(_ file: String, topic: String?, superseded: Bool = false, _ indicators: [Indicator]) -> DraftExtraction {
        DraftExtraction(
            source: DraftSource(file: file, sha256: String(repeating: "0", count: 64), size: 1),
            topic: TopicMatch(id: topic, confidence: topic == nil ? 0 : 1), supersededBy: superseded ? "newer.docx" : nil,
            indicators: indicators)
    }

    static func indicator(
        _ text: String, value: Double?, unit: String?, year: Int? = 2025, relative: String? = nil, baseline: Double? = nil,
        from: String = "prose"
    ) -> Indicator {
        Indicator(
            name: "测试指标", key: "测试指标", canonicalName: "测试指标", value: value, text: text, unit: unit, comparator: nil,
            year: year, baseline: baseline, baselineYear: baseline == nil ? nil : 2020, relative: relative, from: from,
            quote: text, location: DraftLocation(paragraph: 3, headingPath: ["三、发展目标"]))
    }

    /// (case, value of topic 3, value of topic 4, conflicting year or nil, distinct values in 2025)
    static let cases: [(String, Indicator, Indicator, String?, Int)] = [
        ("same figure", indicator("2.5%", value: 2.5, unit: "%"), indicator("2.50", value: 2.5, unit: "%", from: "table"), nil, 1),
        ("different figure", indicator("2.5%", value: 2.5, unit: "%"), indicator("2.3%", value: 2.3, unit: "%"), "2025", 2),
        ("different unit", indicator("100家", value: 100, unit: "家"), indicator("100个", value: 100, unit: "个"), "2025", 2),
        (
            "same growth", indicator("8%", value: 8, unit: "%", relative: "年均增长"),
            indicator("年均增长8%", value: 8, unit: "%", relative: "年均增长"), nil, 1
        ),
        (
            "different growth", indicator("8%", value: 8, unit: "%", relative: "年均增长"),
            indicator("10%", value: 10, unit: "%", relative: "年均增长"), "2025", 2
        ),
        (
            "doubling and a figure", indicator("翻一番", value: nil, unit: nil, relative: "翻一番"), indicator("500亿元", value: 5e10, unit: "元"),
            nil, 2
        ),
        (
            "doubling with and without unit", indicator("翻一番", value: nil, unit: nil, relative: "翻一番"),
            indicator("翻一番", value: nil, unit: "元", relative: "翻一番"), nil, 1
        ),
        (
            "different baseline", indicator("2.5%", value: 2.5, unit: "%", baseline: 2.19),
            indicator("2.5%", value: 2.5, unit: "%", baseline: 2.2), "baseline", 1
        ),
        ("different years", indicator("2.5%", value: 2.5, unit: "%"), indicator("3%", value: 3, unit: "%", year: 2035), nil, 1),
    ]

    @Test("Values of two drafts agree or conflict", arguments: cases)
    func twoDrafts(name: String, a: Indicator, b: Indicator, conflictYear: String?, distinct: Int) {
        let plan = AssemblyFixture.assembler.assemble(
            drafts: [Self.draft("b.docx", topic: "4", [b]), Self.draft("a.docx", topic: "3", [a])], inputs: [], date: "2020")
        #expect(plan.indicators.count == 1, "\(name)")
        #expect(plan.conflicts.map(\.year) == (conflictYear.map { [$0] } ?? []), "\(name)")
        #expect(plan.indicators.first?.conflict == (conflictYear != nil))
        #expect(plan.indicators.first?.targets["2025"]?.count == distinct, "\(name)")
        #expect(plan.indicators.first?.topics == ["3", "4"], "catalog order, whatever the input order")
        if let c = plan.conflicts.first {
            #expect(c.values.count == 2)
            #expect(c.values.map { $0.sources.compactMap(\.topic) } == [["3"], ["4"]])
        }
    }

    @Test("Superseded and unassigned drafts do not count")
    func onlyCurrentDrafts() {
        let current = Self.draft("a.docx", topic: "3", [Self.indicator("2.5%", value: 2.5, unit: "%")])
        let old = Self.draft("a-初稿.docx", topic: "3", superseded: true, [Self.indicator("2.0%", value: 2.0, unit: "%")])
        let stray = Self.draft("x.docx", topic: nil, [Self.indicator("9%", value: 9, unit: "%")])
        let plan = AssemblyFixture.assembler.assemble(drafts: [stray, old, current], inputs: [], date: "2020")
        #expect(plan.conflicts.isEmpty)
        #expect(plan.indicators.first?.targets["2025"]?.map(\.value) == [2.5])
        #expect(plan.indicators.first?.targets["2025"]?.first?.sources.map(\.file) == ["a.docx"])
    }

    @Test("A unit that differs between years of one indicator is reported")
    func unitMismatchAcrossYears() {
        let plan = AssemblyFixture.assembler.assemble(
            drafts: [
                Self.draft("a.docx", topic: "3", [Self.indicator("100家", value: 100, unit: "家")]),
                Self.draft("b.docx", topic: "4", [Self.indicator("200个", value: 200, unit: "个", year: 2035)]),
            ], inputs: [], date: "2020")
        #expect(plan.conflicts.isEmpty)
        #expect(plan.diagnostics.map(\.code).contains("assembly.indicator-unit-mismatch"))
    }

    @Test(
        "Figures are written the way planners write them",
        arguments: [
            (10000.0, "家", "1万家"), (12000, "家", "1.2万家"), (1e11, "元", "1000亿元"), (2.5, "%", "2.5%"),
            (120000, "人年", "12万人年"), (81, "岁", "81岁"), (12345, "件", "12345件"), (15000, "亩", "1.5万亩"), (123456, "件", "123456件"),
        ])
    func valueText(value: Double, unit: String, text: String) {
        #expect(ValueText.format(value, unit: unit) == text)
    }
}
