import Foundation
import PlanBuild

/// A one-line progress display on stderr for long runs: phase, drafts done / total, current
/// file. Drawn only when stderr is a terminal (never into logs or pipes) and at most ten times
/// a second; `finish` clears the line. Safe to call from several threads.
final class Progress: BuildProgress, @unchecked Sendable {
    private let lock = NSLock()
    private var phase = ""
    private var total = 0
    private var done = 0
    private var lastDraw = 0.0
    private var drawn = false

    /// nil when progress should not be shown (quiet, or stderr not a terminal).
    static func make(quiet: Bool) -> Progress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : Progress()
    }

    func start(phase: String, total: Int) {
        lock.lock()
        self.phase = phase
        self.total = total
        done = 0
        lastDraw = 0
        lock.unlock()
    }

    func step(_ file: String) {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date().timeIntervalSinceReferenceDate
        guard now - lastDraw >= 0.1 || done == total else { return }
        lastDraw = now
        let width = String(total).count
        let count = String(repeating: " ", count: max(0, width - String(done).count)) + String(done)
        var name = file
        if name.count > 50 { name = "…" + name.suffix(49) }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(phase) \(count)/\(total) \(name)".utf8))
        drawn = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
