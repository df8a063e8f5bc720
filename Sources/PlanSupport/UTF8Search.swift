/// Exact substring search and replacement on UTF-8 bytes, for the extraction's hot paths.
///
/// With Foundation imported, `String.contains(_: String)` and `replacingOccurrences(of:with:)`
/// resolve to NSString's locale-aware search, which on Linux folds every character cluster and
/// took a third of a build's time. Matching here is exact: the same Unicode scalars in the same
/// order (UTF-8 is self-synchronizing, so a byte match is a scalar match). No case folding, no
/// normalization — the texts compared are already normalized by their callers.
extension String {
    /// Whether `needle` occurs in the string (an empty needle always does).
    public func containsText(_ needle: String) -> Bool {
        if needle.isEmpty { return true }
        var hay = self
        var pattern = needle
        hay.makeContiguousUTF8()
        pattern.makeContiguousUTF8()
        return hay.utf8.withContiguousStorageIfAvailable { h in
            pattern.utf8.withContiguousStorageIfAvailable { p in UTF8Search.firstMatch(h, p, from: 0) != nil }
        }.flatMap { $0 } ?? false
    }

    /// Every occurrence of `needle`, left to right and not overlapping, replaced by `replacement`.
    public func replacingText(_ needle: String, with replacement: String) -> String {
        if needle.isEmpty { return self }
        let hay = Array(utf8)
        let out = UTF8Search.replacing(hay, Array(needle.utf8), with: Array(replacement.utf8))
        return out == hay ? self : String(decoding: out, as: UTF8.self)
    }
}

public enum UTF8Search {
    /// The first index at or after `from` and, with `end`, before it, where `pattern` starts in
    /// `hay` (a match must lie wholly before `end`).
    public static func find(_ hay: [UInt8], _ pattern: [UInt8], from: Int, before end: Int? = nil) -> Int? {
        let limit = end ?? hay.count
        guard from <= limit else { return nil }
        return hay.withUnsafeBufferPointer { h in
            pattern.withUnsafeBufferPointer { p in firstMatch(UnsafeBufferPointer(rebasing: h[..<limit]), p, from: from) }
        }
    }

    /// Every occurrence of `pattern` in `hay`, left to right and not overlapping, replaced by
    /// `replacement` (an empty pattern: `hay` as it is).
    public static func replacing(_ hay: [UInt8], _ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        guard var found = find(hay, pattern, from: 0) else { return hay }
        var out: [UInt8] = []
        out.reserveCapacity(hay.count)
        var at = 0
        while true {
            out.append(contentsOf: hay[at..<found])
            out.append(contentsOf: replacement)
            at = found + pattern.count
            guard let next = find(hay, pattern, from: at) else { break }
            found = next
        }
        out.append(contentsOf: hay[at...])
        return out
    }

    /// The first index at or after `from` where `pattern` starts in `hay`.
    public static func firstMatch(_ h: UnsafeBufferPointer<UInt8>, _ p: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = p.count
        guard n > 0, h.count - from >= n else { return nil }
        let first = p[0]
        var i = from
        let last = h.count - n
        while i <= last {
            if h[i] == first {
                var j = 1
                while j < n, h[i + j] == p[j] { j += 1 }
                if j == n { return i }
            }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (Unicode White_Space, which includes
    /// the ideographic space U+3000 and line breaks) — Foundation's `trimmingCharacters(in:)`
    /// goes through NSString on Linux.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isUnicodeWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isUnicodeWhitespace })!
        return String(self[first..<scalars.index(after: last)])
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property (a fixed list of 25 code points), without the property
    /// table lookup that `properties.isWhitespace` costs for every Han character.
    @inlinable public var isUnicodeWhitespace: Bool {
        let v = value
        if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
