import PlanExtraction
import PlanTemplates
import Testing

struct VersionDetectorTests {
    static let detector = TopicFixtures.detector

    @Test(
        "The version word is found in file names however it is written",
        arguments: [
            ("17-卫生健康领域科技发展规划（修改稿）.docx", "修改稿"),
            ("能源领域科技发展规划（修改稿）-20201020.docx", "修改稿"),
            ("能源领域科技发展规划 修改稿-1020.docx", "修改稿"),
            ("资源环境领域科技发展规划-初稿0915.docx", "初稿"),
            ("辽宁省交通领域科技发展战略研究及规划(征求意见稿).docx", "征求意见稿"),
            ("辽宁省交通领域科技发展规划（征求意见）.docx", "征求意见稿"),
            ("新一代信息技术领域科技发展规划  修改稿.docx", "修改稿"),
            ("辽宁省科技人才与基础科学发展规划  终稿.docx", "终稿"),
            ("辽宁省科技发展总体战略研究及规划（送审稿）.docx", "送审稿"),
            ("科技服务业规划（报批稿）.docx", "报批稿"),
            ("科技服务业规划（定稿）.docx", "定稿"),
            ("现代种业创新领域科技发展规划（讨论稿）.docx", "讨论稿"),
            ("海洋规划（二稿）.docx", "修改稿"),
            ("海洋规划 第三稿.docx", "修改稿"),
            ("海洋规划（修订稿）.docx", "修改稿"),
            ("海洋规划　（ 征求意见稿 ）.docx", "征求意见稿"),
        ])
    func fromFileName(name: String, version: String) {
        #expect(Self.detector.version(fileName: name, titleParagraphs: []) == version)
    }

    @Test(
        "Names without a version word give none",
        arguments: [
            "辽宁省先进装备制造领域科技发展战略研究及规划 （2020年9月）.docx",
            "16 生物医药领域科技发展规划（2021-2035）.docx",
            "S1 区域科技发展战略研究报告.docx",
            "draft-07.docx",
            "草稿箱/海洋规划.docx",
        ])
    func noVersion(name: String) {
        #expect(Self.detector.version(fileName: name, titleParagraphs: ["辽宁省海洋领域科技发展规划", "（研究报告）"]) == nil)
    }

    @Test("The subtitle gives the version when the file name does not")
    func fromSubtitle() {
        let version = Self.detector.version(
            fileName: "draft-07.docx", titleParagraphs: ["辽宁省重大科技项目“十四五”发展规划", "（征求意见稿）"])
        #expect(version == "征求意见稿")
    }

    @Test("When the file name and the subtitle disagree, the newer version is taken")
    func newestWins() {
        #expect(Self.detector.version(fileName: "海洋规划（征求意见稿）.docx", titleParagraphs: ["（修改稿）"]) == "修改稿")
        #expect(Self.detector.version(fileName: "海洋规划（送审稿）.docx", titleParagraphs: ["（初稿）"]) == "送审稿")
    }

    @Test("A longer spelling is not also counted as the shorter one it contains")
    func longestSpellingFirst() {
        #expect(Self.detector.versions(in: "（征求意见稿）") == ["征求意见稿"])
        #expect(Self.detector.versions(in: "第二稿") == ["修改稿"])
        #expect(Self.detector.versions(in: "最终稿") == ["终稿"])
    }

    @Test("Versions are ordered 初稿 < 讨论稿 < 征求意见稿 < 修改稿 < 送审稿 < 报批稿 < 终稿 = 定稿")
    func order() throws {
        let names = ["初稿", "讨论稿", "征求意见稿", "修改稿", "送审稿", "报批稿", "终稿"]
        let ranks = try names.map { try #require(Self.detector.rank(of: $0)) }
        #expect(ranks == ranks.sorted())
        #expect(Set(ranks).count == names.count)
        #expect(Self.detector.rank(of: "定稿") == Self.detector.rank(of: "终稿"))
        #expect(Self.detector.rank(of: "研究报告") == nil)
    }
}

struct VersionWordsTests {
    @Test("A spelling listed twice is refused")
    func duplicateSpelling() {
        let yaml = """
            versions:
              - name: 初稿
                aliases: [一稿]
              - name: 修改稿
                aliases: [一稿]
            """
        #expect {
            _ = try VersionWords.decode(yaml: yaml, file: "versions.yaml")
        } throws: { error in
            (error as? TemplateError)?.message.contains("一稿") == true
        }
    }

    @Test("sameRankAs must name an earlier entry")
    func sameRankAsUnknown() {
        let yaml = """
            versions:
              - name: 定稿
                aliases: []
                sameRankAs: 终稿
              - name: 终稿
                aliases: []
            """
        #expect {
            _ = try VersionWords.decode(yaml: yaml, file: "versions.yaml")
        } throws: { error in
            (error as? TemplateError)?.message.contains("sameRankAs") == true
        }
    }

    @Test("A malformed entry is refused with its line")
    func malformed() {
        #expect {
            _ = try VersionWords.decode(yaml: "versions:\n  - name: 初稿\n    aliases: 一稿\n", file: "v.yaml")
        } throws: { error in
            (error as? TemplateError)?.line == 3
        }
    }

    @Test("Spellings are tried longest first")
    func spellingOrder() {
        let spellings = TopicFixtures.versions.spellings.map(\.spelling)
        #expect(spellings.firstIndex(of: "征求意见稿")! < spellings.firstIndex(of: "征求意见")!)
        #expect(spellings.firstIndex(of: "第二稿")! < spellings.firstIndex(of: "二稿")!)
    }
}
