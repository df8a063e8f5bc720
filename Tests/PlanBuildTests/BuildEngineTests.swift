import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanBuild
import PlanFeedback
import PlanModel
import PlanTemplates
import Testing
import TestSupport

/// The build engine in-process: what it read, what came from the cache, what it rejected, and
/// what it wrote — without parsing a command's output.
@Suite(.serialized) struct BuildEngineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let inputs = root.appendingPathComponent("Inputs")
    static let templates = try! TemplateSet.load(from: .builtIn)

    /// Four drafts: two of one topic (one superseded), two others.
    static let sample = [
        "公共安全科技规划 征求意见稿.docx", "辽宁省公共安全领域科技发展规划（初稿）.docx",
        "10-新材料领域科技发展规划（征求意见稿）.docx", "draft-07.docx",
    ]

    /// A drop folder with copies of `sample` (modification times kept: they decide supersession).
    static func dropFolder(_ dir: TemporaryDirectory) throws -> String {
        let folder = dir.file("in")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in sample {
            let from = inputs.appendingPathComponent(file).path
            let to = folder + "/" + file
            try FileManager.default.copyItem(atPath: from, toPath: to)
            let attributes = try FileManager.default.attributesOfItem(atPath: from)
            try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: to)
        }
        return folder
    }

    static func engine(_ out: String, useCache: Bool = true, strict: Bool = false) throws -> BuildEngine {
        try BuildEngine(templates: templates, out: out, jobs: 2, strict: strict, useCache: useCache)
    }

    /// The error a build of `inputs` fails with, nil when it succeeds.
    static func failure(_ engine: BuildEngine, _ inputs: String) async -> BuildError? {
        do throws(BuildError) {
            _ = try await engine.perform(inputs: inputs)
            return nil
        } catch {
            return error
        }
    }

    static func files(_ dir: String) throws -> [String: Data] {
        var all: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: dir)!
        while let name = enumerator.nextObject() as? String {
            if name.hasPrefix(".cache") { continue }
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: dir + "/" + name, isDirectory: &isDirectory)
            if !isDirectory.boolValue { all[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)) }
        }
        return all
    }

    /// The two folders hold the same files with the same bytes (`.cache` aside); names what differs.
    static func expectSame(_ a: String, _ b: String) throws {
        let x = try files(a)
        let y = try files(b)
        #expect(x.keys.sorted() == y.keys.sorted())
        for (name, data) in x where y[name] != data { Issue.record("\(name) differs") }
    }

    @Test("A rebuild takes every draft from the cache, and writes the bytes a cold build writes")
    func cacheCounts() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        let cold = try await Self.engine(dir.file("out")).perform(inputs: inputs)
        #expect((cold.extracted, cold.cached) == (4, 0))
        let warm = try await Self.engine(dir.file("out")).perform(inputs: inputs)
        #expect((warm.extracted, warm.cached) == (0, 4))
        // The reference is built twice as well, so its changes.json compares with an earlier build too.
        _ = try await Self.engine(dir.file("ref"), useCache: false).perform(inputs: inputs)
        let uncached = try await Self.engine(dir.file("ref"), useCache: false).perform(inputs: inputs)
        #expect((uncached.extracted, uncached.cached) == (4, 0))
        #expect(!FileManager.default.fileExists(atPath: dir.file("ref/.cache")))
        try Self.expectSame(dir.file("out"), dir.file("ref"))
        #expect(warm.count(.used) + warm.count(.superseded) + warm.count(.unassigned) == 4)
        #expect(warm.count(.superseded) == 1)
    }

    @Test("The annotated copies come from what pass 1 kept: a rebuild from the cache writes them anew, bytes of a cold build")
    func feedbackFromTheCacheIndex() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        let out = dir.file("out")
        _ = try await Self.engine(out).perform(inputs: inputs)
        let cold = try Self.files(out + "/feedback")
        #expect(cold.count == 4)
        // No earlier copy to take again: every copy is made from the basis in the cache index,
        // and no draft is read.
        try FileManager.default.removeItem(atPath: out + "/feedback")
        let warm = try await Self.engine(out).perform(inputs: inputs)
        #expect((warm.extracted, warm.cached) == (0, 4))
        #expect(try Self.files(out + "/feedback") == cold)
        // The basis is kept in the cache index, beside the header.
        let index = try String(contentsOfFile: out + "/.cache/index.tsv", encoding: .utf8)
        #expect(index.contains("\"feedback\""))
    }

    /// The disk cache, except that every entry and product is lost: the engine must read the
    /// drafts again to repair them. With `vouched`, it also vouches for a hash of one file while
    /// that file has a given signature (the file may have changed since).
    struct ForgetfulCache: BuildCache {
        let base: DraftCache
        var vouched: (file: String, hash: KnownHash)? = nil

        func knownHash(_ file: String) -> KnownHash? {
            if let vouched, vouched.file == file { return vouched.hash }
            return base.knownHash(file)
        }
        func key(file: String, sha256: String) -> String { base.key(file: file, sha256: sha256) }
        func cachedDraft(_ key: String) -> FeedbackDraft? { base.cachedDraft(key) }
        func entry(_ key: String) -> DraftCacheEntry? { nil }
        func store(_ key: String, _ entry: DraftCacheEntry) {}
        func product(_ key: String, tag: String) -> [UInt8]? { nil }
        func storeProduct(_ key: String, tag: String, _ bytes: [UInt8]) {}
        func save(_ update: CacheUpdate) {}
    }

    @Test("A lost cache entry is repaired by reading the draft again")
    func repairReadsAgain() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        let out = dir.file("out")
        _ = try await Self.engine(out).perform(inputs: inputs)
        var engine = try Self.engine(out)
        engine.cacheOverride = { out, templates in ForgetfulCache(base: DraftCache(outputFolder: out, templates: templates)) }
        let summary = try await engine.perform(inputs: inputs)
        #expect((summary.extracted, summary.cached) == (0, 4))
        #expect(summary.rejected.isEmpty)
        for _ in 0..<2 { _ = try await Self.engine(dir.file("ref"), useCache: false).perform(inputs: inputs) }
        try Self.expectSame(out, dir.file("ref"))
    }

    @Test("A cache entry that cannot be repaired rejects the draft with the reason, never merges it empty")
    func unrepairableIsRejected() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        let out = dir.file("out")
        _ = try await Self.engine(out).perform(inputs: inputs)
        let victim = "10-新材料领域科技发展规划（征求意见稿）.docx"
        let path = inputs + "/" + victim
        let sha = try DocxReader().sha256(path: path)
        // The draft is damaged after the cache recorded it; the cache still vouches for the old bytes.
        try Data("not a document".utf8).write(to: URL(fileURLWithPath: path))
        let signature = try #require(FileSignature(path: path))
        var engine = try Self.engine(out)
        engine.cacheOverride = { out, templates in
            ForgetfulCache(
                base: DraftCache(outputFolder: out, templates: templates),
                vouched: (victim, KnownHash(signature: signature, sha256: sha)))
        }
        let summary = try await engine.perform(inputs: inputs)
        let record = try #require(summary.plan.inputs.first { $0.file == victim })
        #expect(record.status == .rejected)
        #expect(record.reason?.hasPrefix("不是 Word 文档") == true, "\(record.reason ?? "")")
        #expect(!summary.plan.inputs.contains { $0.file == victim && $0.status == .used })
        #expect(!FileManager.default.fileExists(atPath: out + "/drafts/10-新材料领域科技发展规划（征求意见稿）.json"))
    }

    @Test("--strict: a rejected draft is a typed input error, and nothing is written")
    func strictFails() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        try Data("not a document".utf8).write(to: URL(fileURLWithPath: inputs + "/broken.docx"))
        let error = try #require(await Self.failure(Self.engine(dir.file("out"), strict: true), inputs))
        do {
            guard case .strict(let rejected, _) = error else { Issue.record("\(error)"); return }
            #expect(rejected.map(\.file) == ["broken.docx"])
            #expect(error.kind == .input)
            #expect(error.description.hasSuffix("error: --strict: drafts were rejected or not identified; nothing written"))
        }
        #expect(!FileManager.default.fileExists(atPath: dir.file("out/master-plan.json")))
    }

    @Test("An output folder that cannot be made is an output error")
    func outputFolderError() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        try Data("a file".utf8).write(to: URL(fileURLWithPath: dir.file("out")))
        do {
            let error = try #require(await Self.failure(Self.engine(dir.file("out")), inputs))
            guard case .outputFolder = error else { Issue.record("\(error)"); return }
            #expect(error.kind == .output)
        }
        do {
            let error = try #require(await Self.failure(Self.engine(dir.file("out2")), dir.file("missing")))
            guard case .dropFolder = error else { Issue.record("\(error)"); return }
            #expect(error.kind == .input)
        }
    }

    @Test("Drafts named one by one: read in parallel, outcomes in the order given, the older of a topic superseded")
    func draftFiles() async throws {
        let dir = try TemporaryDirectory()
        let inputs = try Self.dropFolder(dir)
        try Data().write(to: URL(fileURLWithPath: inputs + "/empty.docx"))
        let paths = (Self.sample + ["empty.docx"]).map { inputs + "/" + $0 }
        let outcomes = await DraftFiles(templates: Self.templates, jobs: 2).extract(paths)
        #expect(outcomes.count == 5)
        var names: [String] = []
        var superseded = 0
        for outcome in outcomes {
            switch outcome {
            case .extracted(let draft):
                names.append(draft.source.file)
                if draft.supersededBy != nil { superseded += 1 }
            case .failed(let file, let error):
                names.append(file)
                guard case .emptyFile = error.reason else { Issue.record("\(error)"); continue }
            }
        }
        #expect(names == Self.sample + ["empty.docx"])
        #expect(superseded == 1)
    }

    @Test("The reader loads a file once: the document's hash is the loaded bytes' hash")
    func readOnce() throws {
        let path = Self.inputs.appendingPathComponent(Self.sample[0]).path
        let reader = DocxReader()
        let file = try reader.load(path: path)
        let document = try reader.read(file)
        #expect(document.sha256 == file.sha256)
        #expect(document.sha256 == SHA256.hex(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
    }

    @Test("The plan date: SOURCE_DATE_EPOCH fixed, else the newest draft, else 1980")
    func planDate() {
        #expect(PlanDatePolicy.fixed(seconds: 0).date(of: []) == "1970-01-01T00:00:00Z")
        #expect(PlanDatePolicy.newestDraft.date(of: []) == "1980-01-01T00:00:00Z")
    }
}

/// The diagnostic codes: one table, every code named once, the README generated from it.
@Suite struct DiagnosticCodeTests {
    @Test("Every code in the table once; no stage spells a code as a string")
    func oneTable() throws {
        let codes = DiagnosticCode.all.map(\.code)
        #expect(Set(codes).count == codes.count)
        let sources = BuildEngineTests.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let pattern = try Regex(#""(reader|package|styles|numbering|extract|assembly)\.[a-z0-9-]+""#)
        while let name = enumerator.nextObject() as? String {
            guard name.hasSuffix(".swift"), !name.hasSuffix("DiagnosticCode.swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            #expect(text.firstMatch(of: pattern) == nil, "\(name) spells a diagnostic code as a string")
        }
    }

    @Test("Every diagnostic the sample drafts give has a code of the table, with its severity")
    func samplesUseTheTable() async throws {
        let inputs = BuildEngineTests.inputs.path
        let paths = try FileManager.default.contentsOfDirectory(atPath: inputs).sorted().filter { $0.hasSuffix(".docx") }
            .map { inputs + "/" + $0 }
        for case .extracted(let draft) in await DraftFiles(templates: BuildEngineTests.templates, jobs: 2).extract(paths) {
            for d in draft.diagnostics {
                let entry = try #require(d.code.entry, "\(d.code) is not in DiagnosticCode.all")
                #expect(entry.severity == d.severity, "\(d.code)")
            }
        }
    }

    @Test("The README's table of codes is generated from DiagnosticCode.all (make golden rewrites it)")
    func readmeTable() throws {
        let readme = BuildEngineTests.root.appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let heading = "## Diagnostics codes\n\n"
        let start = try #require(text.range(of: heading))
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
        let table = DiagnosticCode.markdownTable()
        let current = String(rest[..<end]).trimmingCharacters(in: .newlines)
        if current != table.trimmingCharacters(in: .newlines) {
            if Golden.updating {
                let after = String(rest[end...]).trimmingCharacters(in: .newlines)
                try (String(text[..<start.upperBound]) + table + (after.isEmpty ? "" : "\n" + after + "\n")).write(
                    to: readme, atomically: true, encoding: .utf8)
            } else {
                Issue.record("README's diagnostics table differs from DiagnosticCode.all; run make golden")
            }
        }
    }
}

/// The layering the engine is built on.
@Suite struct LayeringTests {
    @Test("No module below the commands prints: only PlanAssemblerCLI writes to stdout or stderr")
    func nothingBelowTheCommandsPrints() throws {
        let sources = BuildEngineTests.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        let pattern = try Regex(#"(^|[^A-Za-z_.])print\(|FileHandle\.standard(Error|Output)|\bfputs\("#)
        while let name = enumerator.nextObject() as? String {
            guard name.hasSuffix(".swift"), !name.hasPrefix("PlanAssemblerCLI/"), !name.hasPrefix("plan-assembler/") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(name), encoding: .utf8)
            #expect(text.firstMatch(of: pattern) == nil, "\(name) prints")
        }
    }
}

/// Issue 15, finding 8: plan dates are instants, never strings.
@Suite struct PlanDateTests {
    static func draft(_ file: String, modified: String?) -> DraftExtraction {
        DraftExtraction(
            source: DraftSource(file: file, sha256: String(repeating: "0", count: 64), size: 1, modified: modified),
            topic: TopicMatch(id: "1"))
    }

    @Test("The newest draft by instant: 2020-9-30 and garbage lose to 2020-10-28, with a warning each")
    func datesAsDates() {
        let drafts = [
            Self.draft("a.docx", modified: "2020-10-28T17:40:00Z"), Self.draft("b.docx", modified: "2020-9-30"),
            Self.draft("c.docx", modified: "garbage"), Self.draft("d.docx", modified: "2020-10-28T20:00:00+08:00"),
        ]
        let (date, notes) = PlanDatePolicy.newestDraft.resolve(drafts)
        #expect(date == "2020-10-28T17:40:00Z")
        #expect(notes.map(\.code) == [.buildDraftDateUnreadable, .buildDraftDateUnreadable])
        #expect(notes.allSatisfy { $0.severity == .warning })
        #expect(notes[0].message.contains("b.docx") && notes[1].message.contains("c.docx"))
        // One form, whatever the draft wrote: a date only, a zone.
        #expect(PlanDatePolicy.newestDraft.date(of: [Self.draft("x", modified: "2020-10-28")]) == "2020-10-28T00:00:00Z")
        #expect(PlanDatePolicy.newestDraft.date(of: [Self.draft("x", modified: "2020-10-29T01:00:00+08:00")]) == "2020-10-28T17:00:00Z")
        #expect(PlanDatePolicy.newestDraft.date(of: [Self.draft("x", modified: "9999")]) == "9999-01-01T00:00:00Z")
        #expect(W3CDTF.seconds("2020-10-28T17:40:00Z") == 1_603_906_800)
        #expect(W3CDTF.seconds("2020-13-01") == nil)
    }

    @Test("An invalid SOURCE_DATE_EPOCH is a warning, not silently ignored")
    func invalidEpoch() {
        #expect(PlanDatePolicy.policy(sourceDateEpoch: "1600000000") == .fixed(seconds: 1_600_000_000))
        let policy = PlanDatePolicy.policy(sourceDateEpoch: "2020-10-28\u{1B}[2J")
        let (date, notes) = policy.resolve([Self.draft("a.docx", modified: "2020-10-28T17:40:00Z")])
        #expect(date == "2020-10-28T17:40:00Z")
        #expect(notes.map(\.code) == [.buildSourceDateEpochInvalid])
        #expect(!notes[0].message.contains("\u{1B}"))
    }
}

/// Memory with a high --jobs: work in flight is bounded by a byte budget, not only by `jobs`.
struct ParallelMapBudgetTests {
    /// Counts the items in flight and the most seen at once.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0
        private(set) var most = 0
        func enter() {
            lock.withLock {
                now += 1
                most = max(most, now)
            }
        }
        func leave() { lock.withLock { now -= 1 } }
    }

    static func run(costs: [Int64], jobs: Int, budget: Int64) async throws -> (results: [Int], most: Int) {
        let flight = InFlight()
        let cost: (Int) -> Int64 = { costs[$0] }
        let results = try await ParallelMap.run(Array(costs.indices), jobs: jobs, budget: budget, cost: cost) { i in
            flight.enter()
            defer { flight.leave() }
            usleep(30_000)  // long enough for the pool to start whatever it is allowed to
            return i * 10
        }
        return (results, flight.most)
    }

    @Test("Items whose costs together pass the budget run one at a time, whatever --jobs says")
    func budgetBoundsTheItemsInFlight() async throws {
        // Two 600-unit items against a 1000-unit budget: never both at once, even with jobs 8.
        let (results, most) = try await Self.run(costs: [600, 600, 600, 600], jobs: 8, budget: 1000)
        #expect(results == [0, 10, 20, 30])
        #expect(most == 1)
        // An item costlier than the whole budget still runs (alone).
        #expect(try await Self.run(costs: [5000, 10], jobs: 8, budget: 1000).results == [0, 10])
    }

    @Test("Without a budget, jobs alone bounds the items in flight")
    func jobsBoundWithoutBudget() async throws {
        let (results, most) = try await Self.run(costs: Array(repeating: 600, count: 6), jobs: 8, budget: .max)
        #expect(results == [0, 10, 20, 30, 40, 50])
        // At most what the cooperative pool runs at once (the cores; fewer when other tests
        // hold its threads, so not asserted as equal).
        #expect(most >= 1 && most <= min(6, ProcessInfo.processInfo.activeProcessorCount))
        #expect(try await Self.run(costs: Array(repeating: 1, count: 6), jobs: 1, budget: .max).most == 1)
    }
}
