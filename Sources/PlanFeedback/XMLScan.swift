/// A byte-level scan of one XML part: every element with the byte offsets of its start tag,
/// content and end tag, its namespace resolved from the declarations in scope, and its
/// attributes as written. Used to insert markup into a part without re-serializing it, so
/// every byte not edited stays as the producer wrote it. Comments, processing instructions,
/// CDATA sections and a document type declaration are passed over; character and entity
/// references are not expanded (only names, namespaces and ids are read).
struct XMLScan {
    struct Element {
        var prefix: String
        var local: String
        var namespace: String?
        /// Offset of `<` of the start tag, and just past its `>`.
        var start: Int
        var startTagEnd: Int
        /// Offset of `<` of the end tag (== startTagEnd - 2 for an empty element `<a/>`, whose
        /// content is empty), and just past the end tag's `>`.
        var endTagStart: Int
        var end: Int
        var isEmpty: Bool
        var parent: Int?
        var children: [Int] = []
        /// Attributes as written: qualified name, raw value (references not expanded).
        var attributes: [(name: String, value: String)]

        func attribute(_ qualified: String) -> String? { attributes.first { $0.name == qualified }?.value }
        /// An attribute by local name, whatever its prefix.
        func attribute(local: String) -> String? {
            attributes.first { $0.name == local || $0.name.hasSuffix(":" + local) }?.value
        }
        var qualifiedName: String { prefix.isEmpty ? local : prefix + ":" + local }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [Element] = []
    /// Index of the root element.
    private(set) var root: Int = 0

    init(_ bytes: [UInt8]) throws(Failure) {
        var i = 0
        let n = bytes.count
        var stack: [Int] = []
        var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
        var sawRoot = false

        func find(_ pattern: [UInt8], from: Int) -> Int? {
            guard !pattern.isEmpty, from + pattern.count <= n else { return nil }
            var k = from
            while k + pattern.count <= n {
                if bytes[k] == pattern[0] {
                    var ok = true
                    for (j, c) in pattern.enumerated() where bytes[k + j] != c { ok = false; break }
                    if ok { return k }
                }
                k += 1
            }
            return nil
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
        func string(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }

        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            guard i + 1 < n else { throw Failure(description: "truncated markup at \(i)") }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "?") {
                guard let e = find(Array("?>".utf8), from: i + 2) else { throw Failure(description: "unterminated processing instruction") }
                i = e + 2
            } else if next == UInt8(ascii: "!") {
                if let e = find(Array("<!--".utf8), from: i), e == i {
                    guard let c = find(Array("-->".utf8), from: i + 4) else { throw Failure(description: "unterminated comment") }
                    i = c + 3
                } else if let e = find(Array("<![CDATA[".utf8), from: i), e == i {
                    guard let c = find(Array("]]>".utf8), from: i + 9) else { throw Failure(description: "unterminated CDATA") }
                    i = c + 3
                } else {
                    // <!DOCTYPE …> (with an internal subset in brackets).
                    var k = i + 2
                    var depth = 0
                    while k < n {
                        let c = bytes[k]
                        if c == UInt8(ascii: "[") {
                            depth += 1
                        } else if c == UInt8(ascii: "]") {
                            depth -= 1
                        } else if c == UInt8(ascii: ">"), depth <= 0 {
                            break
                        }
                        k += 1
                    }
                    i = k + 1
                }
            } else if next == UInt8(ascii: "/") {
                guard let close = find([UInt8(ascii: ">")], from: i + 2), let top = stack.popLast() else {
                    throw Failure(description: "unbalanced end tag at \(i)")
                }
                var nameEnd = i + 2
                while nameEnd < close, !isSpace(bytes[nameEnd]) { nameEnd += 1 }
                let name = string(i + 2, nameEnd)
                guard name == elements[top].qualifiedName else {
                    throw Failure(description: "end tag </\(name)> does not close <\(elements[top].qualifiedName)>")
                }
                elements[top].endTagStart = i
                elements[top].end = close + 1
                scopes.removeLast()
                i = close + 1
            } else {
                // Start tag.
                var k = i + 1
                while k < n, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">"), bytes[k] != UInt8(ascii: "/") { k += 1 }
                let qname = string(i + 1, k)
                var attributes: [(String, String)] = []
                var isEmpty = false
                while true {
                    while k < n, isSpace(bytes[k]) { k += 1 }
                    guard k < n else { throw Failure(description: "unterminated start tag <\(qname)>") }
                    if bytes[k] == UInt8(ascii: ">") { k += 1; break }
                    if bytes[k] == UInt8(ascii: "/") {
                        guard k + 1 < n, bytes[k + 1] == UInt8(ascii: ">") else { throw Failure(description: "bad empty tag <\(qname)>") }
                        isEmpty = true
                        k += 2
                        break
                    }
                    let nameStart = k
                    while k < n, bytes[k] != UInt8(ascii: "="), !isSpace(bytes[k]) { k += 1 }
                    let attrName = string(nameStart, k)
                    while k < n, isSpace(bytes[k]) || bytes[k] == UInt8(ascii: "=") { k += 1 }
                    guard k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") else {
                        throw Failure(description: "unquoted attribute \(attrName) in <\(qname)>")
                    }
                    let quote = bytes[k]
                    guard let close = find([quote], from: k + 1) else { throw Failure(description: "unterminated attribute value") }
                    attributes.append((attrName, string(k + 1, close)))
                    k = close + 1
                }
                var scope = scopes[scopes.count - 1]
                for (name, value) in attributes {
                    if name == "xmlns" { scope[""] = value } else if name.hasPrefix("xmlns:") { scope[String(name.dropFirst(6))] = value }
                }
                let prefix: String
                let local: String
                if let colon = qname.firstIndex(of: ":") {
                    prefix = String(qname[..<colon])
                    local = String(qname[qname.index(after: colon)...])
                } else {
                    prefix = ""
                    local = qname
                }
                let namespace = scope[prefix]
                let parent = stack.last
                if parent == nil {
                    guard !sawRoot else { throw Failure(description: "more than one root element") }
                    sawRoot = true
                    root = elements.count
                }
                let element = Element(
                    prefix: prefix, local: local, namespace: namespace, start: i, startTagEnd: k,
                    endTagStart: isEmpty ? k - 2 : -1, end: isEmpty ? k : -1, isEmpty: isEmpty, parent: parent,
                    attributes: attributes)
                let index = elements.count
                elements.append(element)
                if let parent { elements[parent].children.append(index) }
                if !isEmpty {
                    stack.append(index)
                    scopes.append(scope)
                }
                i = k
            }
        }
        guard stack.isEmpty, sawRoot else { throw Failure(description: "unclosed elements or no root") }
    }

    subscript(_ index: Int) -> Element { elements[index] }

    /// The first child of `index` named `local` in one of `namespaces`.
    func child(of index: Int, _ local: String, in namespaces: Set<String>) -> Int? {
        elements[index].children.first { elements[$0].local == local && elements[$0].namespace.map(namespaces.contains) == true }
    }

    func `is`(_ index: Int, _ local: String, in namespaces: Set<String>) -> Bool {
        elements[index].local == local && elements[index].namespace.map(namespaces.contains) == true
    }

    /// Every element below `index` in document order.
    func descendants(of index: Int) -> [Int] {
        var out: [Int] = []
        var stack = Array(elements[index].children.reversed())
        while let e = stack.popLast() {
            out.append(e)
            stack.append(contentsOf: elements[e].children.reversed())
        }
        return out
    }
}

enum WordNamespace {
    static let transitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    static let w: Set<String> = [transitional, strict]
    static let mc: Set<String> = ["http://schemas.openxmlformats.org/markup-compatibility/2006"]
}
