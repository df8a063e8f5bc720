import Foundation
import OOXML
import PlanModel
import Testing
@testable import PlanDocxWriter

/// The same plan gives the same bytes; dates come from the plan, never the clock.
struct DeterminismTests {
    @Test("Writing the same plan twice gives byte-identical packages", arguments: [Provenance.comments, .footnotes, .none])
    func byteIdentical(_ provenance: Provenance) throws {
        let reference = try SamplePlans.reference()
        let first = try DocxPlanWriter(reference: reference, provenance: provenance).write(SamplePlans.realistic)
        let second = try DocxPlanWriter(reference: SamplePlans.reference(), provenance: provenance).write(SamplePlans.realistic)
        #expect(first == second)
    }

    @Test("Every zip entry carries the plan's date as its timestamp, in UTC")
    func zipTimestamps() throws {
        var plan = SamplePlans.small
        plan.date = "2021-03-01T09:30:10+08:00"
        let bytes = try DocxPlanWriter(reference: SamplePlans.reference()).write(plan)
        let stamps = Self.centralDirectoryTimestamps(bytes)
        #expect(stamps.count == 14)
        // 2021-03-01 01:30:10 UTC in MS-DOS format.
        let date = UInt16((2021 - 1980) << 9 | 3 << 5 | 1)
        let time = UInt16(1 << 11 | 30 << 5 | 10 / 2)
        #expect(stamps.allSatisfy { $0 == (date, time) })
    }

    @Test("Another date changes the properties and the timestamps only")
    func dateOnly() throws {
        var later = SamplePlans.small
        later.date = "2021-06-30"
        let a = try WrittenPackage(SamplePlans.small)
        let b = try WrittenPackage(later)
        for name in a.contents.partNames where name != "docProps/core.xml" && name != "word/comments.xml" {
            #expect(a.contents.parts[name] == b.contents.parts[name], "\(name) changed with the date")
        }
        #expect(b.document.properties.modified == "2021-06-30T00:00:00Z")
        #expect(b.document.comments.allSatisfy { $0.date == "2021-06-30T00:00:00Z" })
    }

    @Test(
        "Plan dates in the W3CDTF forms become full dateTimes",
        arguments: [
            ("2021-03-01", "2021-03-01T00:00:00Z"), ("2021-03", "2021-03-01T00:00:00Z"), ("2021", "2021-01-01T00:00:00Z"),
            ("2021-03-01T10:00:00Z", "2021-03-01T10:00:00Z"), ("2021-03-01T10:00:00+08:00", "2021-03-01T10:00:00+08:00"),
            ("不是日期", "1980-01-01T00:00:00Z"),
        ])
    func dateTimes(_ input: String, _ expected: String) {
        #expect(PlanDate.dateTime(input) == expected)
    }

    @Test(
        "Plan dates give the instant the zip timestamps use",
        arguments: [
            ("2021-03-01", 1_614_556_800.0), ("2021-03-01T10:00:00Z", 1_614_592_800.0), ("2021-03-01T10:00:00+08:00", 1_614_564_000.0),
            ("2021-03-01T10:00:00-05:30", 1_614_612_600.0),
        ])
    func instants(_ input: String, _ seconds: Double) {
        #expect(PlanDate.instant(input)?.timeIntervalSince1970 == seconds)
    }

    /// (date, time) of every central directory entry.
    static func centralDirectoryTimestamps(_ bytes: [UInt8]) -> [(UInt16, UInt16)] {
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { Int(u16(at)) | Int(u16(at + 2)) << 16 }
        let end = bytes.count - 22
        guard end > 0, bytes[end] == 0x50, bytes[end + 1] == 0x4B, bytes[end + 2] == 5, bytes[end + 3] == 6 else { return [] }
        var offset = u32(end + 16)
        var out: [(UInt16, UInt16)] = []
        for _ in 0..<Int(u16(end + 10)) {
            guard bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 1, bytes[offset + 3] == 2 else { break }
            out.append((u16(offset + 14), u16(offset + 12)))
            offset += 46 + Int(u16(offset + 28)) + Int(u16(offset + 30)) + Int(u16(offset + 32))
        }
        return out
    }
}
