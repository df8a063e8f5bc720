import Foundation

/// Where a build reports its progress (phase, drafts done / total, current file); the command
/// line draws it, the engine never prints. Called from several threads at once.
public protocol BuildProgress: Sendable {
    func start(phase: String, total: Int)
    func step(_ file: String)
    func finish()
}

/// `transform` applied to every element by at most `jobs` child tasks at once (Swift
/// concurrency: a throwing task group on the cooperative pool; the work is CPU-bound reading
/// and extraction, so a task runs to completion once started). Results come back in input
/// order, so nothing downstream depends on scheduling; the first error thrown is rethrown.
public enum ParallelMap {
    /// `transform` over `items`, at most `jobs` at a time, results in the order of `items`.
    /// With a `budget`, an item is started only while the `cost`s of the items in flight stay
    /// within it (one item is always allowed, however costly): memory bounded by bytes, not by
    /// `jobs` × the largest item. Items start in their order, so the result never depends on it.
    public static func run<T: Sendable, R: Sendable>(
        _ items: [T], jobs: Int, budget: Int64 = .max, cost: (T) -> Int64 = { _ in 0 },
        _ transform: @escaping @Sendable (T) throws -> R
    ) async throws -> [R] {
        let costs = items.map(cost)
        return try await withThrowingTaskGroup(of: (Int, R).self) { group in
            var results = [R?](repeating: nil, count: items.count)
            var next = 0
            var running = 0
            var inFlight: Int64 = 0
            func canLaunch() -> Bool {
                next < items.count && running < max(1, jobs) && (running == 0 || inFlight + costs[next] <= budget)
            }
            func launch() {
                let i = next
                next += 1
                running += 1
                inFlight += costs[i]
                group.addTask { (i, try transform(items[i])) }
            }
            while canLaunch() { launch() }
            while let (i, value) = try await group.next() {
                results[i] = value
                running -= 1
                inFlight -= costs[i]
                while canLaunch() { launch() }
            }
            return results.map { $0! }
        }
    }

    /// The size of the file at `path` (0 when it cannot be stat'ed): what reading it costs in memory.
    public static func fileSize(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}

/// JSON with sorted keys, the way every product file is written.
public enum ProductJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}

/// W3CDTF (UTC, seconds) without depending on the locale or time zone.
public enum W3CDTFFormatter {
    public static func string(from date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(fields.tm_year) + 1900, Int(fields.tm_mon) + 1, Int(fields.tm_mday),
            Int(fields.tm_hour), Int(fields.tm_min), Int(fields.tm_sec))
    }
}

/// Text from outside (file names, environment values) made safe for a message: control
/// characters (terminal escape sequences, newlines, tabs) shown as `\u{1B}`-style escapes, so a
/// name can never move the cursor, recolour the terminal or forge a line.
public enum MessageText {
    /// An error as a person reads it: the system's reason (strerror) and the file for file
    /// system errors, never `Error Domain=… Code=… "(null)"`; control characters escaped.
    public static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        var posix: Int32?
        if ns.domain == NSPOSIXErrorDomain { posix = Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            posix = Int32(underlying.code)
        }
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path
        if ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain {
            var reason: String
            if let posix {
                reason = String(cString: strerror(posix))
            } else {
                switch CocoaError.Code(rawValue: ns.code) {
                case .fileNoSuchFile, .fileReadNoSuchFile: reason = String(cString: strerror(ENOENT))
                case .fileWriteNoPermission, .fileReadNoPermission: reason = String(cString: strerror(EACCES))
                case .fileWriteOutOfSpace: reason = String(cString: strerror(ENOSPC))
                case .fileWriteFileExists: reason = String(cString: strerror(EEXIST))
                case .fileWriteVolumeReadOnly: reason = String(cString: strerror(EROFS))
                default: reason = ns.localizedDescription
                }
            }
            return escaped(path.map { "\($0): \(reason)" } ?? reason)
        }
        return escaped("\(error)")
    }

    public static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) || v == 0x2028 || v == 0x2029 {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// When `watch` tries again after a build that could not write its outputs (disk full, output
/// folder unwritable): after 2, 5, 15, 30, then every 60 seconds, until a build succeeds.
public struct OutputRetry: Sendable {
    public var delays: [Double] = [2, 5, 15, 30, 60]
    public private(set) var attempts = 0
    /// When the next retry is due; nil when none is pending.
    public private(set) var due: Date?

    public init() {}

    /// Records a build's outcome; what to add to its line ("" when no retry is planned).
    public mutating func record(outputFailed: Bool, now: Date = Date()) -> String {
        guard outputFailed else {
            attempts = 0
            due = nil
            return ""
        }
        let delay = delays[min(attempts, delays.count - 1)]
        attempts += 1
        due = now.addingTimeInterval(delay)
        return "; retrying in \(Int(delay)) s (retry \(attempts))"
    }

    /// Whether a retry is due at `now`.
    public func isDue(_ now: Date = Date()) -> Bool { due.map { $0 <= now } ?? false }
}
