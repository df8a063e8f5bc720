import Foundation

/// Deterministic pseudo-random bytes (SplitMix64), never starting with "PK".
public func seededBytes(count: Int, seed: UInt64 = 20_240_601) -> [UInt8] {
    var state = seed
    var out: [UInt8] = []
    out.reserveCapacity(count)
    while out.count < count {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        withUnsafeBytes(of: z.littleEndian) { out += $0.prefix(count - out.count) }
    }
    if out.count >= 2, out[0] == 0x50, out[1] == 0x4B { out[0] = 0 }
    return out
}

/// A fresh directory under the system temporary directory, removed with its contents when
/// the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let path: String

    public init(prefix: String = "plan-assembler-tests") throws {
        let template = NSTemporaryDirectory() + "/\(prefix).XXXXXX"
        var chars = Array(template.utf8CString)
        guard let made = chars.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: made)
    }

    /// `name` inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `bytes` to `name` inside the directory and returns the path.
    @discardableResult
    public func write(_ bytes: [UInt8], to name: String) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
