/// XML escaping for every writer (the plan DOCX, the annotated drafts, relationships parts).
/// Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage return, lone surrogates cannot occur in a Swift String, U+FFFE, U+FFFF) are dropped,
/// so any text from a draft yields a well-formed part.
public enum XMLEscape {
    public static func text(_ s: String) -> String { escape(s, attribute: false) }
    public static func attribute(_ s: String) -> String { escape(s, attribute: true) }

    private static func escape(_ s: String, attribute: Bool) -> String {
        if isClean(s) { return s }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension XMLEscape {
    /// True when `s` has nothing to escape or drop in text or attribute values: no C0
    /// control (tab and line breaks included), no `&<>"`, no U+FFFE/U+FFFF (UTF-8 EF BF BE/BF).
    /// Most of a plan's text is, and is then written as it is.
    public static func isClean(_ s: String) -> Bool {
        var state = 0  // 1: after EF, 2: after EF BF
        for byte in s.utf8 {
            if byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 { return false }
            switch (state, byte) {
            case (_, 0xEF): state = 1
            case (1, 0xBF): state = 2
            case (2, 0xBE), (2, 0xBF): return false
            default: state = 0
            }
        }
        return true
    }
}
