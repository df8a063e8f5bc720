import OOXML

/// Namespace URIs of the parts the writer generates.
enum Namespace {
    static let w = OPCNames.Namespace.w
    static let r = OPCNames.Namespace.r
    static let wStrict = OPCNames.Namespace.wStrict
    static let rStrict = OPCNames.Namespace.rStrict
    static let packageRelationships = OPCNames.Namespace.packageRelationships
    static let contentTypes = OPCNames.Namespace.contentTypes
    static let relationshipBase = OPCNames.Namespace.relationshipBase
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Whether `uri` is WordprocessingML main, Transitional or Strict.
    static func isW(_ uri: String?) -> Bool { uri == w || uri == wStrict }
    static func isR(_ uri: String?) -> Bool { uri == r || uri == rStrict }
}

/// Writes an `XMLTree` back as XML, faithfully: prefixes, namespace declarations, attributes and
/// text as parsed (comments and processing instructions were dropped by the parse). Used for the
/// parts taken from the reference document, so that the template files may carry comments for
/// reviewers while the package gets plain XML.
enum XMLSerializer {
    static func document(_ root: XMLTree) -> [UInt8] {
        var out = Namespace.declaration
        write(root, into: &out)
        return Array(out.utf8)
    }

    static func write(_ element: XMLTree, into out: inout String) {
        out += "<" + element.qualifiedName
        for declaration in element.namespaceDeclarations {
            out += declaration.prefix.map { " xmlns:\($0)=\"" } ?? " xmlns=\""
            out += XMLEscape.attribute(declaration.uri) + "\""
        }
        for attribute in element.attributes {
            out += " \(attribute.qualifiedName)=\"\(XMLEscape.attribute(attribute.value))\""
        }
        guard !element.children.isEmpty else {
            out += "/>"
            return
        }
        out += ">"
        for child in element.children {
            switch child {
            case .element(let e): write(e, into: &out)
            case .text(let t): out += XMLEscape.text(t)
            }
        }
        out += "</" + element.qualifiedName + ">"
    }
}

/// `w:` markup helpers for the generated parts.
enum W {
    /// `<w:t>`, preserving spaces when the text has leading or trailing ones.
    static func t(_ text: String) -> String {
        let escaped = XMLEscape.text(text)
        let keep = text.first == " " || text.last == " " || text.first == "\u{3000}" || text.last == "\u{3000}"
        return keep ? "<w:t xml:space=\"preserve\">\(escaped)</w:t>" : "<w:t>\(escaped)</w:t>"
    }

    /// Runs for `text` with `rPr` (inner markup, may be empty): tabs become `w:tab`, line breaks
    /// `w:br`, in one run.
    static func run(_ text: String, rPr: String = "") -> String {
        var out = "<w:r>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>")
        if !text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return out + (text.isEmpty ? "" : t(text)) + "</w:r>"
        }
        var pending = ""
        func flush() {
            if !pending.isEmpty { out += t(pending) }
            pending = ""
        }
        for character in text {
            switch character {
            case "\t": flush(); out += "<w:tab/>"
            case "\n", "\r\n", "\r": flush(); out += "<w:br/>"
            default: pending.append(character)
            }
        }
        flush()
        return out + "</w:r>"
    }

    /// `<w:pStyle>` for `id`, or nothing when the reference has no such style.
    static func pStyle(_ id: String?) -> String { id.map { "<w:pStyle w:val=\"\(XMLEscape.attribute($0))\"/>" } ?? "" }

    /// `<w:rStyle>` for `id`, or nothing.
    static func rStyle(_ id: String?) -> String { id.map { "<w:rStyle w:val=\"\(XMLEscape.attribute($0))\"/>" } ?? "" }

    /// Bold, in Latin and complex scripts (East Asian text follows `w:b`).
    static let bold = "<w:b/><w:bCs/>"

    /// The opening tag of a WordprocessingML part's root with the prefixes the writer uses.
    static func root(_ name: String) -> String {
        "<w:\(name) xmlns:w=\"\(Namespace.w)\" xmlns:r=\"\(Namespace.r)\">"
    }
}
