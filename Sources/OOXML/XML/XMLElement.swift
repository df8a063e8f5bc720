internal import CLibXML2
import Glibc

/// A borrowed view of one libxml2 element. Valid only inside the closure that handed it out
/// (`XMLPart.withRoot`, `XMLPart.forEachChild(of:)`): it must never be stored or returned.
/// Every accessor copies what it returns into Swift values.
struct XMLElement {
    let node: xmlNodePtr

    /// The local name (without prefix).
    var localName: String { String(cString: node.pointee.name) }

    /// The namespace URI, or nil for an unqualified element.
    var namespaceURI: String? {
        guard let ns = node.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The source line libxml2 recorded (for locations in diagnostics).
    var line: Int { Int(xmlGetLineNo(node)) }

    /// True when the element is `name` in `namespace` (either of its URIs). Cheap: no allocation.
    func `is`(_ namespace: XMLNamespace, _ name: StaticString) -> Bool {
        guard XMLElement.cEqual(node.pointee.name, name) else { return false }
        return XMLElement.inNamespace(node.pointee.ns, namespace)
    }

    /// True when the local name is exactly `name` (bytes compared, no String made). For the
    /// ASCII names the reader switches on this is the same test as `localName == name`.
    func hasLocalName(_ name: StaticString) -> Bool { XMLElement.cEqual(node.pointee.name, name) }

    /// True when the local name's bytes end with `suffix`: a necessary condition of
    /// `localName.hasSuffix(suffix)` for an ASCII suffix, checked without making a String.
    func localNameBytesEnd(with suffix: StaticString) -> Bool {
        let name = node.pointee.name!
        let length = strlen(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
        return suffix.withUTF8Buffer { s in
            guard length >= s.count else { return false }
            let start = length - s.count
            for i in 0..<s.count where name[start + i] != s[i] { return false }
            return true
        }
    }

    /// True when the element is in `namespace`.
    func isIn(_ namespace: XMLNamespace) -> Bool { XMLElement.inNamespace(node.pointee.ns, namespace) }

    /// The qualified name as written ("w:p"), for diagnostics.
    var qualifiedName: String {
        if let ns = node.pointee.ns, let prefix = ns.pointee.prefix {
            return String(cString: prefix) + ":" + localName
        }
        return localName
    }

    /// An attribute by local name in `namespace` (nil namespace: an unqualified attribute).
    /// For `w:` attributes an unqualified attribute of the same name is accepted too, as some
    /// producers write `val=` instead of `w:val=`.
    func attribute(_ name: StaticString, _ namespace: XMLNamespace? = nil) -> String? {
        var fallback: String?
        var attr = node.pointee.properties
        while let a = attr {
            if XMLElement.cEqual(a.pointee.name, name) {
                let matches: Bool
                if let namespace { matches = XMLElement.inNamespace(a.pointee.ns, namespace) } else { matches = a.pointee.ns == nil }
                if matches { return XMLElement.attributeValue(a) }
                if namespace != nil, a.pointee.ns == nil { fallback = XMLElement.attributeValue(a) }
            }
            attr = a.pointee.next
        }
        return fallback
    }

    /// Every attribute as (qualified name, value), for diagnostics and tests.
    var attributes: [(name: String, value: String)] {
        var out: [(String, String)] = []
        var attr = node.pointee.properties
        while let a = attr {
            var name = String(cString: a.pointee.name)
            if let ns = a.pointee.ns, let p = ns.pointee.prefix { name = String(cString: p) + ":" + name }
            out.append((name, XMLElement.attributeValue(a)))
            attr = a.pointee.next
        }
        return out
    }

    /// Child elements in document order (text, comments and processing instructions skipped).
    var children: XMLChildren { XMLChildren(first: node.pointee.children) }

    /// The first child element `name` in `namespace`.
    func child(_ namespace: XMLNamespace, _ name: StaticString) -> XMLElement? {
        for c in children where c.is(namespace, name) { return c }
        return nil
    }

    /// The text of all descendant text and CDATA nodes, concatenated. Entity references are
    /// never expanded (the parser refuses DTDs), so none contributes text.
    var textContent: String {
        var bytes: [UInt8] = []
        XMLElement.collectText(node.pointee.children, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of direct text/CDATA children only (what `w:t` and `w:instrText` hold).
    var directText: String {
        // One text child (what a w:t nearly always holds): its bytes decoded in place, the same
        // String as decoding a copy of them.
        if let only = node.pointee.children, only.pointee.next == nil {
            guard only.pointee.type == XML_TEXT_NODE || only.pointee.type == XML_CDATA_SECTION_NODE, let content = only.pointee.content
            else { return "" }
            let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
            return String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
        }
        var bytes: [UInt8] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                XMLElement.append(content, to: &bytes)
            }
            child = c.pointee.next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - C helpers

    static func cEqual(_ a: UnsafePointer<xmlChar>?, _ b: StaticString) -> Bool {
        guard let a else { return false }
        return b.withUTF8Buffer { buf in
            var i = 0
            while i < buf.count {
                if a[i] != buf[i] { return false }
                i += 1
            }
            return a[i] == 0
        }
    }

    static func inNamespace(_ ns: xmlNsPtr?, _ namespace: XMLNamespace) -> Bool {
        guard let ns, let href = ns.pointee.href else { return false }
        for uri in namespace.uris where uri.withCString({ strcmp($0, UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)) == 0 }) {
            return true
        }
        return false
    }

    static func attributeValue(_ a: xmlAttrPtr) -> String {
        var bytes: [UInt8] = []
        collectText(a.pointee.children, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Iterative walk (no recursion per nesting level) over a sibling list and its descendants.
    static func collectText(_ first: xmlNodePtr?, into bytes: inout [UInt8]) {
        guard let first else { return }
        let stopParent = first.pointee.parent
        var current: xmlNodePtr? = first
        while let n = current {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE {
                if let content = n.pointee.content { append(content, to: &bytes) }
            }
            if n.pointee.type == XML_ELEMENT_NODE, let child = n.pointee.children {
                current = child
                continue
            }
            // next sibling, or climb
            var m: xmlNodePtr? = n
            current = nil
            while let k = m {
                if let next = k.pointee.next { current = next; break }
                let parent = k.pointee.parent
                if parent == nil || UnsafeMutableRawPointer(parent) == UnsafeMutableRawPointer(stopParent) { break }
                m = UnsafeMutablePointer(OpaquePointer(parent))
            }
        }
    }

    static func append(_ content: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
    }
}

/// The element children of a node, lazily.
struct XMLChildren: Sequence {
    let first: xmlNodePtr?

    struct Iterator: IteratorProtocol {
        var current: xmlNodePtr?
        mutating func next() -> XMLElement? {
            while let n = current {
                current = n.pointee.next
                if n.pointee.type == XML_ELEMENT_NODE { return XMLElement(node: n) }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(current: first) }
}
