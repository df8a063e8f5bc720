import PlanSupport
import Foundation
import Testing

@testable import PlanExtraction

struct VersionSupersedeTests {
    static let resolver = SupersedeResolver(versions: TopicFixtures.versions)

    static func draft(
        _ file: String, _ topic: String?, modified: String? = nil, version: String? = nil, fileTime: Double? = nil
    ) -> DraftSummary {
        DraftSummary(
            file: file, topicId: topic, modified: modified, version: version,
            fileModified: fileTime.map { Date(timeIntervalSince1970: $0) })
    }

    @Test("The later core.xml date wins, whatever the input order or the version words")
    func laterModifiedWins() {
        let old = Self.draft("a（修改稿）.docx", "13", modified: "2020-08-20T17:10:00Z", version: "修改稿")
        let new = Self.draft("b（初稿）.docx", "13", modified: "2020-10-12T16:25:00Z", version: "初稿")
        #expect(Self.resolver.resolve([old, new]) == ["a（修改稿）.docx": "b（初稿）.docx"])
        #expect(Self.resolver.resolve([new, old]) == ["a（修改稿）.docx": "b（初稿）.docx"])
    }

    @Test(
        "Equal or missing core.xml dates fall back to the version order",
        arguments: [
            ("2020-10-01T00:00:00Z", "2020-10-01T00:00:00Z"),
            (nil, "2020-10-01T00:00:00Z"),
            (nil, nil),
        ] as [(String?, String?)])
    func versionOrderDecides(first: String?, second: String?) {
        let draft1 = Self.draft("甲.docx", "21", modified: first, version: "征求意见稿", fileTime: 100)
        let draft2 = Self.draft("乙.docx", "21", modified: second, version: "初稿", fileTime: 200)
        #expect(Self.resolver.resolve([draft1, draft2]) == ["乙.docx": "甲.docx"])
    }

    @Test("Without dates or versions the later file time wins, then the greater file name")
    func fileTimeThenName() {
        let a = Self.draft("a.docx", "5", fileTime: 200)
        let b = Self.draft("b.docx", "5", fileTime: 100)
        #expect(Self.resolver.resolve([a, b]) == ["b.docx": "a.docx"])
        let c = Self.draft("c.docx", "5")
        let d = Self.draft("d.docx", "5")
        #expect(Self.resolver.resolve([d, c]) == ["c.docx": "d.docx"])
        #expect(Self.resolver.resolve([c, d]) == ["c.docx": "d.docx"])
    }

    @Test("A time zone offset is honoured when comparing core.xml dates")
    func timeZones() {
        // 16:00+08:00 is 08:00Z, earlier than 09:00Z.
        let east = Self.draft("east.docx", "9", modified: "2020-09-01T16:00:00+08:00")
        let utc = Self.draft("utc.docx", "9", modified: "2020-09-01T09:00:00Z")
        #expect(Self.resolver.resolve([east, utc]) == ["east.docx": "utc.docx"])
    }

    @Test("Of three drafts of one topic both older ones point at the newest")
    func threeDrafts() {
        let drafts = [
            Self.draft("v1.docx", "13", modified: "2020-08-01T00:00:00Z", version: "初稿"),
            Self.draft("v3.docx", "13", modified: "2020-10-01T00:00:00Z", version: "送审稿"),
            Self.draft("v2.docx", "13", modified: "2020-09-01T00:00:00Z", version: "修改稿"),
        ]
        let resolution = Self.resolver.resolution(drafts)
        #expect(resolution.supersededBy == ["v1.docx": "v3.docx", "v2.docx": "v3.docx"])
        #expect(resolution.diagnostics.map(\.code) == ["extract.superseded", "extract.superseded"])
        #expect(resolution.diagnostics[0].message.contains("v1.docx") && resolution.diagnostics[0].message.contains("v3.docx"))
        #expect(resolution.diagnostics[1].message.contains("v2.docx") && resolution.diagnostics[1].message.contains("v3.docx"))
    }

    @Test("Different topics and unidentified drafts are never superseded")
    func noGroup() {
        let drafts = [
            Self.draft("a.docx", "1", modified: "2020-08-01T00:00:00Z"),
            Self.draft("b.docx", "2", modified: "2020-09-01T00:00:00Z"),
            Self.draft("c.docx", nil, modified: "2020-09-01T00:00:00Z"),
            Self.draft("d.docx", nil, modified: "2020-10-01T00:00:00Z"),
        ]
        let resolution = Self.resolver.resolution(drafts)
        #expect(resolution.supersededBy.isEmpty)
        #expect(resolution.diagnostics.isEmpty)
    }
}

struct VersionDateTests {
    @Test(
        "W3CDTF dates of core.xml are read in every precision",
        arguments: [
            ("1970-01-01T00:00:00Z", 0.0),
            ("1970-01-02", 86400.0),
            ("2020-10-12T16:25:00Z", 1_602_519_900.0),
            ("2020-10-12T16:25Z", 1_602_519_900.0),
            ("2020-10-13T00:25:00+08:00", 1_602_519_900.0),
            ("2020-10-12T16:25:00.5Z", 1_602_519_900.5),
            ("2020-10-12T16:25:00", 1_602_519_900.0),
        ])
    func parses(text: String, seconds: Double) {
        #expect(W3CDTF.seconds(text) == seconds)
    }

    @Test(
        "Text that is not a W3CDTF date gives nil",
        arguments: [
            "", "2020/10/12", "2020-13-01", "昨天", "2020-10-12T25:00Z", "2020-10-12T16:25:00.Z", "2020-10-12T16:25+24:00", "2020-9-30",
        ])
    func refuses(text: String) {
        #expect(W3CDTF.seconds(text) == nil)
    }
}
