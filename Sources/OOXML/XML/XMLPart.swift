internal import CLibXML2
import Foundation

/// Parses one package part with libxml2, strictly and safely: a reader context per parse, no
/// network (`XML_PARSE_NONET`), no entity substitution (no `XML_PARSE_NOENT`), no DTD loading
/// (no `XML_PARSE_DTDLOAD`), no recovery, no `XML_PARSE_HUGE`; a document that declares a DTD
/// is refused as soon as the declaration is met, before any entity is referenced; element depth
/// is bounded. Errors carry libxml2's message with part, line and column.
///
/// Built on `xmlTextReader` (streaming) with `xmlTextReaderExpand` per subtree, so a large
/// `document.xml` is held in memory one body block at a time.
enum XMLPart {
    /// Parses `data` and hands the expanded root element to `body`. The element is valid only
    /// inside `body`.
    static func withRoot<R>(
        _ data: [UInt8], part: String, file: String, limits: ReadLimits,
        _ body: (XMLElement) throws -> R
    ) throws -> R {
        var result: R?
        try parse(data, part: part, file: file, limits: limits) { reader, session in
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                if status < 0 { throw session.failure(defaultMessage: "parse error") }
                let type = xmlTextReaderNodeType(reader)
                if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                    throw DocxReadError(file: file, reason: .dtdForbidden(part: part))
                }
                if type == Int32(XML_READER_TYPE_ELEMENT.rawValue), result == nil {
                    guard let node = xmlTextReaderExpand(reader) else {
                        throw session.failure(defaultMessage: "cannot expand the root element")
                    }
                    try session.checkDepth(node, base: 0)
                    result = try body(XMLElement(node: node))
                    // Read on to the end so that trailing garbage is still an error.
                    if xmlTextReaderNext(reader) < 0 { throw session.failure(defaultMessage: "parse error") }
                    if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) {
                        throw DocxReadError(
                            file: file, reason: .xmlMalformed(part: part, line: 0, column: 0, message: "more than one root element"))
                    }
                }
            }
        }
        guard let result else {
            throw DocxReadError(file: file, reason: .xmlMalformed(part: part, line: 1, column: 1, message: "no root element (empty part)"))
        }
        return result
    }

    /// Streams `data`: checks that the root element matches `path[0]`, descends through the
    /// elements `path[1...]` (skipping other siblings on the way), then calls `child` for each
    /// element child of the innermost one, expanded one at a time. `root` is called once with
    /// the root element's attributes resolved (its children are not expanded yet).
    /// Returns false when the root element is not `path[0]`.
    @discardableResult
    static func forEachChild(
        _ data: [UInt8], part: String, file: String, limits: ReadLimits,
        path: [(XMLNamespace, StaticString)],
        _ child: (XMLElement) throws -> Void
    ) throws -> Bool {
        precondition(!path.isEmpty)
        var rootMatched = false
        var sawRoot = false
        try parse(data, part: part, file: file, limits: limits) { reader, session in
            var status = xmlTextReaderRead(reader)
            while status == 1 {
                let type = xmlTextReaderNodeType(reader)
                if type == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                    throw DocxReadError(file: file, reason: .dtdForbidden(part: part))
                }
                guard type == Int32(XML_READER_TYPE_ELEMENT.rawValue) else {
                    status = xmlTextReaderRead(reader)
                    continue
                }
                let depth = Int(xmlTextReaderDepth(reader))
                if depth > limits.maxXMLDepth {
                    throw DocxReadError(file: file, reason: .depthLimit(part: part, limit: limits.maxXMLDepth))
                }
                guard let current = xmlTextReaderCurrentNode(reader) else {
                    throw session.failure(defaultMessage: "reader lost its node")
                }
                let element = XMLElement(node: current)
                if depth == 0 {
                    sawRoot = true
                    rootMatched = element.is(path[0].0, path[0].1)
                    if !rootMatched { break }
                    status = xmlTextReaderRead(reader)
                } else if depth < path.count {
                    if element.is(path[depth].0, path[depth].1) {
                        status = xmlTextReaderRead(reader)  // descend
                    } else {
                        status = xmlTextReaderNext(reader)  // skip this subtree
                    }
                } else if depth == path.count {
                    guard let node = xmlTextReaderExpand(reader) else {
                        throw session.failure(defaultMessage: "cannot expand element")
                    }
                    try session.checkDepth(node, base: depth)
                    try child(XMLElement(node: node))
                    status = xmlTextReaderNext(reader)
                } else {
                    // Deeper than the container: only reached when an ancestor on the path was
                    // not expanded (cannot happen), so skip it.
                    status = xmlTextReaderNext(reader)
                }
            }
            if status < 0 { throw session.failure(defaultMessage: "parse error") }
            if rootMatched {
                // Drain the rest so a malformed tail is still reported.
                while true {
                    let s = xmlTextReaderNext(reader)
                    if s == 0 { break }
                    if s < 0 { throw session.failure(defaultMessage: "parse error") }
                }
            }
        }
        if !sawRoot {
            throw DocxReadError(file: file, reason: .xmlMalformed(part: part, line: 1, column: 1, message: "no root element (empty part)"))
        }
        return rootMatched
    }

    // MARK: - The parse session

    /// Collects libxml2's structured errors for one parse.
    final class Session {
        let part: String
        let file: String
        let limits: ReadLimits
        var message: String?
        var line = 0
        var column = 0
        var domain = 0
        var code = 0

        init(part: String, file: String, limits: ReadLimits) {
            self.part = part
            self.file = file
            self.limits = limits
        }

        func record(_ error: xmlErrorPtr) {
            guard message == nil else { return }  // keep the first, it is the cause
            let text = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            message = text.trimmingCharacters(in: .whitespacesAndNewlines)
            line = Int(error.pointee.line)
            column = Int(error.pointee.int2)
            domain = Int(error.pointee.domain)
            code = Int(error.pointee.code)
        }

        func failure(defaultMessage: String) -> DocxReadError {
            let text = message ?? defaultMessage
            // XML_ERR_INVALID_CHAR (9), XML_ERR_INVALID_ENCODING (81), XML_ERR_UNKNOWN_ENCODING (31),
            // XML_ERR_UNSUPPORTED_ENCODING (32), XML_I18N_CONV_FAILED (6003)
            if [9, 31, 32, 81, 6003].contains(code) || text.contains("UTF-8") || text.contains("encoding") {
                return DocxReadError(file: file, reason: .invalidEncoding(part: part, message: "\(text) (line \(line), column \(column))"))
            }
            // libxml2's cap on one text node (XML_MAX_TEXT_LENGTH, lifted only by XML_PARSE_HUGE,
            // which stays off): "xmlSAX2Characters: huge text node" or "… Text node too long"
            if text.contains("huge text node") || text.contains("Text node too long") {
                return DocxReadError(file: file, reason: .textNodeLimit(part: part, line: line, limit: XMLPart.maxTextLength))
            }
            // XML_ERR_INTERNAL_ERROR with "Excessive depth" (1) or XML_ERR_RESOURCE_LIMIT
            if text.contains("Excessive depth") || text.contains("depth") {
                return DocxReadError(file: file, reason: .depthLimit(part: part, limit: limits.maxXMLDepth))
            }
            if text.contains("Document is empty") {
                return DocxReadError(
                    file: file, reason: .xmlMalformed(part: part, line: max(line, 1), column: max(column, 1), message: "empty part"))
            }
            return DocxReadError(file: file, reason: .xmlMalformed(part: part, line: line, column: column, message: text))
        }

        /// Refuses a subtree nested deeper than the limit (iteratively: no recursion per level),
        /// so the recursive walkers above it are safe.
        func checkDepth(_ root: xmlNodePtr, base: Int) throws {
            var depth = base
            var current: xmlNodePtr? = root
            while let n = current {
                if n.pointee.type == XML_ELEMENT_NODE, let c = n.pointee.children {
                    depth += 1
                    if depth > limits.maxXMLDepth {
                        throw DocxReadError(file: file, reason: .depthLimit(part: part, limit: limits.maxXMLDepth))
                    }
                    current = c
                    continue
                }
                if n == root { return }
                var m: xmlNodePtr = n
                while true {
                    if let next = m.pointee.next { current = next; break }
                    guard let p = m.pointee.parent else { return }
                    depth -= 1
                    let parent = UnsafeMutablePointer<xmlNode>(OpaquePointer(p))
                    if parent == root { return }
                    m = parent
                }
            }
        }
    }

    /// libxml2's XML_MAX_TEXT_LENGTH: the longest text node read without XML_PARSE_HUGE.
    static let maxTextLength = 10_000_000

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Options: strict and offline. Deliberately absent: NOENT, DTDLOAD, DTDATTR, DTDVALID, HUGE, RECOVER.
    static let options: Int32 =
        Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        | Int32(XML_PARSE_NOERROR.rawValue)

    private static func parse(
        _ data: [UInt8], part: String, file: String, limits: ReadLimits,
        _ work: (OpaquePointer, Session) throws -> Void
    ) throws {
        _ = initialized
        if data.isEmpty {
            throw DocxReadError(file: file, reason: .xmlMalformed(part: part, line: 1, column: 1, message: "empty part (0 bytes)"))
        }
        if declaresDTD(data) { throw DocxReadError(file: file, reason: .dtdForbidden(part: part)) }
        let session = Session(part: part, file: file, limits: limits)
        try data.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(clamping: buffer.count), part, nil, options) else {
                throw DocxReadError(
                    file: file, reason: .xmlMalformed(part: part, line: 1, column: 1, message: "libxml2 could not create a reader"))
            }
            defer { xmlFreeTextReader(reader) }
            let context = Unmanaged.passUnretained(session).toOpaque()
            xmlTextReaderSetStructuredErrorHandler(
                reader,
                { userData, error in
                    guard let userData, let error else { return }
                    Unmanaged<Session>.fromOpaque(userData).takeUnretainedValue().record(error)
                }, context)
            // Errors raised outside the reader's own handler (encoding conversion) go here.
            xmlSetStructuredErrorFunc(
                context,
                { userData, error in
                    guard let userData, let error else { return }
                    Unmanaged<Session>.fromOpaque(userData).takeUnretainedValue().record(error)
                })
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            try withExtendedLifetime(session) {
                try work(reader, session)
            }
        }
    }

    /// True when the prolog (before the root element) holds `<!DOCTYPE`. Checked on the raw
    /// bytes before libxml2 sees them, so no entity declaration is ever parsed. Handles UTF-8
    /// and UTF-16 (either byte order, with or without BOM) by reading one byte per character.
    static func declaresDTD(_ data: [UInt8]) -> Bool {
        var start = 0
        var step = 1
        if data.count >= 2, data[0] == 0xFF, data[1] == 0xFE {
            start = 2; step = 2
        } else if data.count >= 2, data[0] == 0xFE, data[1] == 0xFF {
            start = 3; step = 2
        } else if data.count >= 2, data[0] == 0x3C, data[1] == 0x00 {
            start = 0; step = 2
        } else if data.count >= 2, data[0] == 0x00, data[1] == 0x3C {
            start = 1; step = 2
        } else if data.count >= 3, data[0] == 0xEF, data[1] == 0xBB, data[2] == 0xBF {
            start = 3
        }
        // Read the prolog as ASCII, one byte per character, without copying.
        let n = (data.count - start) / step
        func ascii(_ k: Int) -> UInt8 { data[start + k * step] }
        var j = 0
        func hasPrefix(_ p: String, at k: Int) -> Bool {
            let bytes = Array(p.utf8)
            guard k + bytes.count <= n else { return false }
            for (o, b) in bytes.enumerated() where ascii(k + o) != b { return false }
            return true
        }
        while j < n {
            let c = ascii(j)
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { j += 1; continue }
            guard c == 0x3C else { return false }  // text before the root: not our concern here
            if hasPrefix("<?", at: j) {
                guard let close = (j + 2..<max(j + 2, n - 1)).first(where: { ascii($0) == 0x3F && ascii($0 + 1) == 0x3E }) else {
                    return false
                }
                j = close + 2
            } else if hasPrefix("<!--", at: j) {
                guard
                    let close = (j + 4..<max(j + 4, n - 2)).first(where: {
                        ascii($0) == 0x2D && ascii($0 + 1) == 0x2D && ascii($0 + 2) == 0x3E
                    })
                else { return false }
                j = close + 3
            } else {
                return hasPrefix("<!DOCTYPE", at: j) || hasPrefix("<!doctype", at: j)
            }
        }
        return false
    }
}
