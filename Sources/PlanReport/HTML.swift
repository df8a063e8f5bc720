/// Escaping and a few builders for the report's markup. Every piece of text that comes from a
/// draft, a file name or a template goes through `escape` before it reaches the page.
enum HTML {
    /// Text as HTML character data or a quoted attribute value: `& < > " '` become entities and
    /// control characters that HTML forbids are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `<tag attrs>content</tag>`, with `content` already markup.
    static func element(_ tag: String, _ attributes: [(String, String)] = [], _ content: String) -> String {
        "<\(tag)\(attributeList(attributes))>\(content)</\(tag)>"
    }

    /// `<tag attrs>escaped text</tag>`.
    static func text(_ tag: String, _ attributes: [(String, String)] = [], _ text: String) -> String {
        element(tag, attributes, escape(text))
    }

    /// ` name="value"` pairs, values escaped; pairs with an empty value are left out.
    static func attributeList(_ attributes: [(String, String)]) -> String {
        attributes.filter { !$0.1.isEmpty }.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// `class="…"` from the names that apply.
    static func classes(_ names: [String?]) -> (String, String) {
        ("class", names.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " "))
    }
}
