internal import CLibXML2

/// A whole XML part as Swift values: elements with their prefix, namespace, attributes in
/// document order, namespace declarations and children (elements and text). Parsed with the
/// reader's strict, safe settings (`XMLPart`: no network, no entities, no DTD, bounded depth),
/// then copied out, so no libxml2 pointer outlives the parse. Comments and processing
/// instructions are dropped; CDATA is text.
///
/// Meant for small parts a writer inspects or rewrites (a reference document's `w:sectPr`, its
/// style names) and for tests that compare generated parts as parsed XML.
public struct XMLTree: Sendable, Hashable {
    /// A child of an element.
    public enum Node: Sendable, Hashable {
        case element(XMLTree)
        case text(String)
    }

    /// An attribute as written.
    public struct Attribute: Sendable, Hashable {
        public var prefix: String?
        public var namespaceURI: String?
        public var localName: String
        public var value: String

        public init(prefix: String?, namespaceURI: String?, localName: String, value: String) {
            self.prefix = prefix
            self.namespaceURI = namespaceURI
            self.localName = localName
            self.value = value
        }

        /// "w:val", or "val" when unqualified.
        public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }
    }

    /// An `xmlns` / `xmlns:p` declaration on the element.
    public struct NamespaceDeclaration: Sendable, Hashable {
        /// nil for the default namespace.
        public var prefix: String?
        public var uri: String

        public init(prefix: String?, uri: String) {
            self.prefix = prefix
            self.uri = uri
        }
    }

    public var prefix: String?
    public var namespaceURI: String?
    public var localName: String
    public var namespaceDeclarations: [NamespaceDeclaration]
    public var attributes: [Attribute]
    public var children: [Node]

    public init(
        prefix: String?, namespaceURI: String?, localName: String, namespaceDeclarations: [NamespaceDeclaration] = [],
        attributes: [Attribute] = [], children: [Node] = []
    ) {
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.localName = localName
        self.namespaceDeclarations = namespaceDeclarations
        self.attributes = attributes
        self.children = children
    }

    /// "w:p", or "p" when unqualified.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }

    /// The element children, in order.
    public var elements: [XMLTree] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The element children named `localName` in `namespaceURI`.
    public func elements(_ localName: String, in namespaceURI: String?) -> [XMLTree] {
        elements.filter { $0.localName == localName && $0.namespaceURI == namespaceURI }
    }

    /// The first element child named `localName` in `namespaceURI`.
    public func element(_ localName: String, in namespaceURI: String?) -> XMLTree? {
        elements.first { $0.localName == localName && $0.namespaceURI == namespaceURI }
    }

    /// The value of the attribute `localName` in `namespaceURI` (nil: unqualified).
    public func attribute(_ localName: String, in namespaceURI: String?) -> String? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespaceURI }?.value
    }

    /// The text of all descendant text nodes, concatenated.
    public var text: String {
        children.map {
            switch $0 {
            case .text(let t): t
            case .element(let e): e.text
            }
        }.joined()
    }

    /// Parses `data` (one part); `part` and `file` name it in errors (`DocxReadError`).
    public static func parse(_ data: [UInt8], part: String, file: String = "", limits: ReadLimits = .default) throws -> XMLTree {
        try XMLPart.withRoot(data, part: part, file: file, limits: limits) { root in
            // XMLPart has already bounded the depth, so this recursion is bounded too.
            XMLTree(copying: root.node)
        }
    }

    private init(copying node: xmlNodePtr) {
        localName = String(cString: node.pointee.name)
        prefix = node.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } }
        namespaceURI = node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } }
        var declarations: [NamespaceDeclaration] = []
        var ns = node.pointee.nsDef
        while let n = ns {
            declarations.append(
                NamespaceDeclaration(
                    prefix: n.pointee.prefix.map { String(cString: $0) }, uri: n.pointee.href.map { String(cString: $0) } ?? ""))
            ns = n.pointee.next
        }
        namespaceDeclarations = declarations
        var attributes: [Attribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            attributes.append(
                Attribute(
                    prefix: a.pointee.ns.flatMap { $0.pointee.prefix.map { String(cString: $0) } },
                    namespaceURI: a.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
                    localName: String(cString: a.pointee.name),
                    value: XMLElement.attributeValue(a)))
            attr = a.pointee.next
        }
        self.attributes = attributes
        var children: [Node] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(XMLTree(copying: c)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.pointee.content {
                    var bytes: [UInt8] = []
                    XMLElement.append(content, to: &bytes)
                    let text = String(decoding: bytes, as: UTF8.self)
                    if case .text(let previous)? = children.last {
                        children[children.count - 1] = .text(previous + text)
                    } else {
                        children.append(.text(text))
                    }
                }
            default:
                break
            }
            child = c.pointee.next
        }
        self.children = children
    }
}
