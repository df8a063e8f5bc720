/// OPC part names (ECMA-376 Part 2, §9.1.1) in the form zip entries carry them: no leading
/// "/" ("word/document.xml"). The package itself, as the source of `_rels/.rels`, is "".
enum PartName {
    /// Why a zip entry name can never be a part, or nil when it can: the checks that keep a
    /// hostile name from reaching outside the package ("..", absolute, drive letters,
    /// backslashes) plus OPC's own rules (no empty or "." segments, no control characters).
    static func unsafeReason(_ name: String) -> String? {
        if name.isEmpty { return "empty name" }
        if name.hasPrefix("/") { return "absolute path" }
        if name.contains("\\") { return "backslash in the name" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "control character in the name" }
        let segments = name.split(separator: "/", omittingEmptySubsequences: false)
        if let first = segments.first, first.count >= 2, first.dropFirst().first == ":", first.first?.isLetter == true {
            return "drive letter"
        }
        if segments.contains("..") { return "\"..\" segment (leaves the package root)" }
        if segments.contains(".") { return "\".\" segment" }
        if segments.contains("") { return "empty path segment" }
        return nil
    }

    /// The key under which part names compare: OPC part names are equal when equal as
    /// case-insensitive ASCII (§9.1.1.1, M1.12), so only A-Z fold.
    static func folded(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The relationships part of `source`: "word/_rels/document.xml.rels"; "_rels/.rels" for "".
    static func relationshipsPart(of source: String) -> String {
        let trimmed = source.hasPrefix("/") ? String(source.dropFirst()) : source
        guard !trimmed.isEmpty else { return "_rels/.rels" }
        if let slash = trimmed.lastIndex(of: "/") {
            return trimmed[..<slash] + "/_rels/" + trimmed[trimmed.index(after: slash)...] + ".rels"
        }
        return "_rels/" + trimmed + ".rels"
    }

    /// Where a relationship target points.
    enum Resolution: Sendable, Hashable {
        /// A part name inside the package.
        case part(String)
        /// Dot segments climb above the package root.
        case outsidePackage
        /// Not a part reference at all (an absolute URI with a scheme, a backslash path, empty).
        case invalid(String)
    }

    /// Resolves a relationship `target` (a relative URI reference) against the part `source`
    /// ("" for the package), removing dot segments as RFC 3986 §5.2.4 does, except that a ".."
    /// that would climb above the root is refused rather than clamped. Query and fragment are
    /// dropped; percent-escapes are kept (the caller may decode them for lookup).
    static func resolve(target: String, from source: String) -> Resolution {
        var reference = Substring(target)
        if let cut = reference.firstIndex(where: { $0 == "#" || $0 == "?" }) { reference = reference[..<cut] }
        if reference.isEmpty { return .invalid("empty target") }
        if reference.contains("\\") { return .invalid("backslash in the target") }
        if let colon = reference.firstIndex(of: ":"), !reference[..<colon].contains("/") {
            return .invalid("an absolute URI (\(reference[..<colon]):), not a part")
        }
        if reference.hasPrefix("//") { return .invalid("a network-path reference, not a part") }
        var segments: [Substring] = []
        if !reference.hasPrefix("/") {
            let base = source.hasPrefix("/") ? source.dropFirst() : Substring(source)
            segments = base.split(separator: "/").dropLast()
        }
        for segment in reference.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "", ".": continue
            case "..":
                if segments.isEmpty { return .outsidePackage }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        if segments.isEmpty { return .invalid("names no part") }
        return .part(segments.joined(separator: "/"))
    }

    /// `%XX` escapes decoded as UTF-8, or nil when there are none or they are malformed.
    static func percentDecoded(_ name: String) -> String? {
        guard name.contains("%") else { return nil }
        var bytes: [UInt8] = []
        var utf8 = Array(name.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == 0x25 {
                guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        let decoded = String(decoding: bytes, as: UTF8.self)
        return decoded.utf8.elementsEqual(bytes) ? decoded : nil
    }
}
