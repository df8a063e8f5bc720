import Foundation
import Testing

/// The progress line: drawn on stderr when it is a terminal, never into a pipe or a log.
@Suite(.serialized) struct ProgressTests {
    /// Runs `build` with stderr on a pseudo-terminal and returns what the terminal received.
    static func buildOnTerminal(_ extra: [String]) throws -> (status: Int32, terminal: String) {
        let master = posixOpenpt(O_RDWR | O_NOCTTY)
        #expect(master >= 0)
        defer { close(master) }
        #expect(grantpt(master) == 0 && unlockpt(master) == 0)
        let slavePath = String(cString: ptsname(master))
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        #expect(slave >= 0)
        let out = try BuildCommandTests.scratch("progress-out")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["build", BuildCommandTests.inputs.path, "--out", out.path, "--no-cache", "--jobs", "1"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        try process.run()
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let flags = fcntl(master, F_GETFL)
        _ = fcntl(master, F_SETFL, flags | O_NONBLOCK)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n > 0 { received += buffer[0..<n]; continue }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        while case let n = read(master, &buffer, buffer.count), n > 0 { received += buffer[0..<n] }
        return (process.terminationStatus, String(decoding: received, as: UTF8.self))
    }

    @Test("On a terminal: phase, count of total and file name, the line cleared at the end")
    func drawnOnTerminal() throws {
        let (status, terminal) = try Self.buildOnTerminal([])
        #expect(status == 0)
        #expect(terminal.contains("reading "), "\(terminal.prefix(300))")
        #expect(terminal.contains("/37 "), "\(terminal.prefix(300))")
        #expect(terminal.contains("writing "), "\(terminal.prefix(300))")
        #expect(terminal.hasSuffix("\r\u{1B}[K"), "the progress line is not cleared: \(terminal.suffix(120))")
    }

    @Test("--quiet on a terminal, and any pipe: no progress at all")
    func silentOtherwise() throws {
        let (status, terminal) = try Self.buildOnTerminal(["--quiet"])
        #expect(status == 0)
        #expect(terminal.isEmpty, "\(terminal.prefix(300))")
        let piped = try CLI.run(["build", BuildCommandTests.inputs.path, "--out", try BuildCommandTests.scratch("progress-pipe").path])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("reading") && !piped.stderr.contains("\u{1B}"), "\(piped.stderr)")
    }
}

// glibc's pseudo-terminal calls, which Glibc's module map leaves out (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func posixOpenpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>
