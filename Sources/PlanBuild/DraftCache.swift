import DocumentModel
import PlanSupport
import Foundation
import OOXML
import PlanExtraction
import PlanFeedback
import PlanModel
import PlanTemplates

/// What the build asks of a cache of earlier builds' results: a small protocol, so the engine
/// can be tested with a cache that misbehaves on purpose. `DraftCache` is the one on disk.
/// Every method is a shortcut: a nil answer or a failed store only costs time.
public protocol BuildCache: Sendable {
    /// The signature and hash the last build recorded for `file`, if any.
    func knownHash(_ file: String) -> KnownHash?
    /// The key of a draft: its file name and content hash under the cache's identity.
    func key(file: String, sha256: String) -> String
    /// What the index recorded for `key` (header and feedback basis) when its entry is
    /// present; nil is a miss.
    func cachedDraft(_ key: String) -> FeedbackDraft?
    /// The whole entry; nil when missing or damaged.
    func entry(_ key: String) -> DraftCacheEntry?
    func store(_ key: String, _ entry: DraftCacheEntry)
    /// The draft's JSON as written for resolution `tag`, nil when not cached.
    func product(_ key: String, tag: String) -> [UInt8]?
    func storeProduct(_ key: String, tag: String, _ bytes: [UInt8])
    /// Records what this build used; what it did not is removed.
    func save(_ update: CacheUpdate)
}

/// A file's stat signature and the SHA-256 of its bytes, as a build recorded them.
public struct KnownHash: Sendable, Equatable {
    public var signature: FileSignature
    public var sha256: String

    public init(signature: FileSignature, sha256: String) {
        self.signature = signature
        self.sha256 = sha256
    }
}

/// What a build tells its cache at the end.
public struct CacheUpdate: Sendable {
    /// Per key used, what the index records (header and feedback basis).
    public var drafts: [String: FeedbackDraft] = [:]
    /// Keys whose index line came from the cache unchanged.
    public var unchanged: Set<String> = []
    /// Per key, the resolution tag its JSON was written for.
    public var tags: [String: String] = [:]
    /// Per file name, the hash to trust while its signature does not change.
    public var hashes: [String: KnownHash] = [:]

    public init() {}
}

/// The layout of `entries/<key>.json` (bump `DraftCache.formatVersion` when it changes).
public struct DraftCacheEntry: Codable, Sendable {
    public var extraction: DraftExtraction
    public var content: DraftContent

    public init(extraction: DraftExtraction, content: DraftContent) {
        self.extraction = extraction
        self.content = content
    }

    public init(_ draft: ExtractedDraft) {
        self.init(extraction: draft.extraction, content: draft.content)
    }
}

/// What earlier builds extracted from each draft, under `<out>/.cache/`, so that a rebuild reads
/// only the drafts that changed.
///
/// An entry is keyed by the SHA-256 of: the cache format, the tool's identity (its version and
/// the size and modification time of the running executable, so a rebuilt tool never trusts an
/// older tool's results), the templates' fingerprint (every template file the extraction reads),
/// the draft's file name (the topic is partly read from it) and the SHA-256 of the draft's bytes.
/// Any change to one of these is a miss. Files:
/// - `entries/<key>.json`: the draft's `DraftExtraction` and `DraftContent` (compact JSON);
/// - `entries/<key>.<resolution>.product.json`: the draft's JSON as `build` writes it to
///   `drafts/`, for one resolution (whether and by what it is superseded: `resolutionTag`), so an
///   unchanged draft whose resolution did not change is copied, not decoded and encoded again;
/// - `hashes.tsv`: per draft file name, its stat signature (size, modification and change
///   times, inode, device) and the SHA-256 of its bytes, so that an unchanged file is not read
///   again just to be hashed (as git trusts its index; a file written in the last 2 seconds is
///   not recorded, and any write changes the change time, which no tool can set back);
/// - `index.tsv`: per key, the extraction's header (`DraftExtraction.header`: source, topic,
///   version) and its feedback basis (`FeedbackDraft`), which is all a rebuild needs of an
///   unchanged draft until it is written out.
/// Every file starts with a line carrying the SHA-256 of the rest (`seal`), and is written
/// atomically (temporary file, rename). Entries and products are flushed together, once per
/// build (syncfs), before the index that lists them is written with its own fsync: a file that
/// does not verify (zero-length or truncated after a crash, a flipped bit, an edit that still
/// parses) is removed and the draft read again. A build removes the entries it did not use. A
/// damaged or missing entry is a miss, never an error: the cache is only a shortcut.
public struct DraftCache: BuildCache {
    public static let formatVersion = 4

    public typealias Entry = DraftCacheEntry

    public let directory: String
    /// Hex SHA-256 of the tool and templates; part of every key.
    public let identity: String
    /// The index and the hashes as the last build left them (read when the cache is opened).
    let index: LoadedIndex
    let hashes: [String: KnownHash]

    public init(directory: String, identity: String) {
        self.directory = directory
        self.identity = identity
        index = Self.loadIndex(indexPath: (directory as NSString).appendingPathComponent("index.tsv"))
        hashes = Self.loadHashes(hashesPath: (directory as NSString).appendingPathComponent("hashes.tsv"))
    }

    /// The cache of the output folder `out`, for `templates` (the bytes in use of each template
    /// file, from the templates folder or built in).
    public init(outputFolder out: String, templates: TemplateSet) {
        var hash = SHA256()
        hash.update(Array("plan-assembler draft cache \(Self.formatVersion)\n".utf8))
        hash.update(Array(ToolIdentity.current.utf8))
        for (name, bytes) in templates.fingerprintBytes() {
            hash.update(Array("\n\(name) \(bytes.count)\n".utf8))
            hash.update(bytes)
        }
        self.init(directory: (out as NSString).appendingPathComponent(".cache"), identity: hash.finalizeHex())
    }

    var entriesDirectory: String { (directory as NSString).appendingPathComponent("entries") }
    var indexPath: String { (directory as NSString).appendingPathComponent("index.tsv") }

    /// The key of a draft: its file name and content hash under this cache's identity.
    public func key(file: String, sha256: String) -> String {
        var hash = SHA256()
        hash.update(Array("\(identity)\n\(file)\n\(sha256)".utf8))
        return hash.finalizeHex()
    }

    private func entryPath(_ key: String) -> String {
        (entriesDirectory as NSString).appendingPathComponent(key + ".json")
    }

    func hasEntry(_ key: String) -> Bool { access(entryPath(key), R_OK) == 0 }

    public func knownHash(_ file: String) -> KnownHash? { hashes[file] }

    public func cachedDraft(_ key: String) -> FeedbackDraft? {
        hasEntry(key) ? index.draft(key) : nil
    }

    /// What distinguishes the JSON of one draft across resolutions: the file superseding it and
    /// the notes the resolution added.
    public static func resolutionTag(supersededBy: String?, notes: [Diagnostic]) -> String {
        guard supersededBy != nil || !notes.isEmpty else { return "current" }
        var text = (supersededBy ?? "") + "\u{0}"
        for note in notes {
            let location = note.location.map { "\($0.part)\u{1F}\($0.paragraphIndex.map(String.init) ?? "-")\u{1F}\($0.path)" } ?? "-"
            text += "\(note.severity.rawValue)\u{1F}\(note.code)\u{1F}\(note.message)\u{1F}\(location)\u{0}"
        }
        var hash = SHA256()
        hash.update(Array(text.utf8))
        return String(hash.finalizeHex().prefix(16))
    }

    private func productPath(_ key: String, _ tag: String) -> String {
        (entriesDirectory as NSString).appendingPathComponent("\(key).\(tag).product.json")
    }

    /// The draft's JSON as written for resolution `tag`, nil when not cached.
    public func product(_ key: String, tag: String) -> [UInt8]? {
        Self.readSealed(productPath(key, tag))
    }

    public func storeProduct(_ key: String, tag: String, _ bytes: [UInt8]) {
        try? FileManager.default.createDirectory(atPath: entriesDirectory, withIntermediateDirectories: true)
        // Flushed with the entries when the index is saved (`save`).
        Self.writeSealed(bytes, to: productPath(key, tag), durable: false)
    }

    /// The entry, nil when it is missing, fails its checksum or does not decode.
    public func entry(_ key: String) -> Entry? {
        guard let bytes = Self.readSealed(entryPath(key)) else { return nil }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)) else {
            try? FileManager.default.removeItem(atPath: entryPath(key))
            return nil
        }
        return entry
    }

    // MARK: Sealed files

    /// The first line of every cache file: this tag and the SHA-256 of the bytes after the line.
    static let sealTag = "plan-assembler sealed "

    /// `bytes` behind a first line carrying their SHA-256.
    static func seal(_ bytes: [UInt8]) -> [UInt8] {
        var hash = SHA256()
        hash.update(bytes)
        return Array((sealTag + hash.finalizeHex() + "\n").utf8) + bytes
    }

    /// The bytes `sealed` stands for, nil when the seal is missing or does not match them (a
    /// zero-length, truncated, flipped or edited file).
    static func unseal(_ sealed: [UInt8]) -> [UInt8]? {
        let headerLength = sealTag.utf8.count + 64 + 1
        guard sealed.count >= headerLength, sealed[headerLength - 1] == 0x0A,
            Array(sealed[0..<sealTag.utf8.count]) == Array(sealTag.utf8)
        else { return nil }
        let recorded = String(decoding: sealed[sealTag.utf8.count..<(headerLength - 1)], as: UTF8.self)
        let body = Array(sealed[headerLength...])
        var hash = SHA256()
        hash.update(body)
        return hash.finalizeHex() == recorded ? body : nil
    }

    /// The verified content of the sealed file at `path`; a file failing verification is removed
    /// (the draft is read again and the entry written anew).
    static func readSealed(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let body = unseal(Array(data)) else {
            try? FileManager.default.removeItem(atPath: path)
            return nil
        }
        return body
    }

    /// Writes `bytes` sealed, atomically and, when `durable`, flushed (a crash leaves the old file
    /// or the new one, and what is left verifies or is dropped).
    static func writeSealed(_ bytes: [UInt8], to path: String, durable: Bool = true) {
        try? AtomicFile.write(seal(bytes), to: path, durable: durable)
    }

    /// Stores an entry; a failure (read-only or full disk) only costs the next build time.
    public func store(_ key: String, _ entry: Entry) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(entry) else { return }
        try? FileManager.default.createDirectory(atPath: entriesDirectory, withIntermediateDirectories: true)
        // Flushed with the products when the index is saved (`save`).
        Self.writeSealed(Array(data), to: entryPath(key), durable: false)
    }

    /// The index as read: per key, its line. Headers are decoded on demand (from the parallel
    /// pass, for the drafts that are unchanged) and unchanged lines are written back as they are.
    struct LoadedIndex: Sendable {
        var lines: [String: [UInt8]] = [:]

        /// What was recorded for `key`, nil when absent or undecodable.
        func draft(_ key: String) -> FeedbackDraft? {
            guard let line = lines[key], let tab = line.firstIndex(of: 0x09) else { return nil }
            return try? JSONDecoder().decode(FeedbackDraft.self, from: Data(line[(tab + 1)...]))
        }
    }

    /// The index: one line per entry, `<key> TAB <FeedbackDraft JSON>`, after a first line naming the
    /// format; empty when there is no usable index.
    static func loadIndex(indexPath: String) -> LoadedIndex {
        guard let bytes = readSealed(indexPath) else { return LoadedIndex() }
        var loaded = LoadedIndex()
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true).makeIterator()
        guard let first = lines.next(), Array(first) == Array(Self.indexHeaderLine.utf8) else { return LoadedIndex() }
        while let line = lines.next() {
            guard let tab = line.firstIndex(of: 0x09) else { continue }
            loaded.lines[String(decoding: line[..<tab], as: UTF8.self)] = Array(line)
        }
        return loaded
    }

    static let hashesHeaderLine = "plan-assembler draft hashes \(formatVersion)"
    var hashesPath: String { (directory as NSString).appendingPathComponent("hashes.tsv") }

    /// File name → (signature, SHA-256) recorded by the last build.
    static func loadHashes(hashesPath: String) -> [String: KnownHash] {
        guard let data = readSealed(hashesPath) else { return [:] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == Self.hashesHeaderLine else { return [:] }
        var out: [String: KnownHash] = [:]
        for line in lines.dropFirst() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 9, let numbers = Optional(f[1...7].compactMap { Int64($0) }), numbers.count == 7, f[8].count == 64
            else { continue }
            out[f[0]] = KnownHash(signature: FileSignature(fields: numbers), sha256: f[8])
        }
        return out
    }

    func saveHashes(_ hashes: [String: KnownHash]) {
        var text = Self.hashesHeaderLine + "\n"
        for name in hashes.keys.sorted() where !name.contains("\t") && !name.contains("\n") {
            let known = hashes[name]!
            let (signature, sha) = (known.signature, known.sha256)
            text += name + "\t" + signature.fields.map(String.init).joined(separator: "\t") + "\t" + sha + "\n"
        }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        Self.writeSealed(Array(text.utf8), to: hashesPath)
    }

    static let indexHeaderLine = "plan-assembler draft cache index \(formatVersion)"

    /// Writes the index of `drafts` (the lines of `previous` reused for the keys in `unchanged`,
    /// which were read from them) and removes every entry not among them, and every
    /// product file of another resolution than `tags` says.
    public func save(_ update: CacheUpdate) {
        // The entries and products this build wrote reach the disk before the index naming them
        // (one flush for all of them instead of an fsync of each file and of its folder).
        AtomicFile.syncFileSystem(of: directory)
        save(drafts: update.drafts, unchanged: update.unchanged, tags: update.tags, previous: index)
        saveHashes(update.hashes)
    }

    func save(drafts: [String: FeedbackDraft], unchanged: Set<String>, tags: [String: String], previous: LoadedIndex) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = Array((Self.indexHeaderLine + "\n").utf8)
        for key in drafts.keys.sorted() {
            let draft = drafts[key]!
            if unchanged.contains(key), let line = previous.lines[key] {
                out += line
            } else if let json = try? encoder.encode(draft) {
                out += Array(key.utf8) + [0x09] + Array(json)
            } else {
                continue
            }
            out.append(0x0A)
        }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        Self.writeSealed(out, to: indexPath)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: entriesDirectory)) ?? [] {
            let fields = name.split(separator: ".").map(String.init)
            let key = fields.first ?? name
            let stale =
                drafts[key] == nil
                || (fields.count == 4 && fields[2] == "product" && tags[key] != fields[1])
                || (fields.count != 2 && !(fields.count == 4 && fields[2] == "product"))
            if stale {
                try? FileManager.default.removeItem(atPath: (entriesDirectory as NSString).appendingPathComponent(name))
            }
        }
    }
}

/// Who wrote a cache entry: the tool's version and the running executable's size and
/// modification time (a rebuilt binary is another tool).
public enum ToolIdentity {
    public static let version = "0.7.0"

    public static let current: String = {
        var info = stat()
        let path = "/proc/self/exe"
        if stat(path, &info) == 0 || stat(CommandLine.arguments[0], &info) == 0 {
            return "plan-assembler \(version) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
        return "plan-assembler \(version) unknown-executable \(getpid()) \(time(nil))"
    }()
}

/// What `stat` says of a file, enough to tell that it was not written since: size, modification
/// and change times (nanoseconds), inode and device.
public struct FileSignature: Hashable, Sendable {
    public var fields: [Int64]

    public init(fields: [Int64]) { self.fields = fields }

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    public init(_ info: stat) {
        fields = [
            Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(info.st_ctim.tv_sec),
            Int64(info.st_ctim.tv_nsec), Int64(bitPattern: UInt64(info.st_ino)), Int64(bitPattern: UInt64(info.st_dev)),
        ]
    }

    /// The modification time.
    public var modified: Date { Date(timeIntervalSince1970: TimeInterval(fields[1]) + TimeInterval(fields[2]) / 1e9) }

    /// Whether the file was last written or changed at least `seconds` before `now` (a file
    /// still being written, or written within the file system's timestamp granularity, is not
    /// trusted later).
    public func settled(before now: Double, by seconds: Double) -> Bool {
        let latest = max(Double(fields[1]) + Double(fields[2]) / 1e9, Double(fields[3]) + Double(fields[4]) / 1e9)
        return latest <= now - seconds
    }
}
