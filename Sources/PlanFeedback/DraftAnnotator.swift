import DocumentModel
import PlanSupport
import Foundation
import OOXML

/// One comment to add to a draft: its text, and where in the main story it is anchored
/// (a reader path such as "body/p[12]" or "body/tbl[0]/tr[3]"; nil: the first paragraph).
public struct FeedbackComment: Sendable, Hashable, Codable {
    public var path: String?
    public var text: String

    public init(path: String?, text: String) {
        self.path = path
        self.text = text
    }
}

/// Adds Word comments to an editor's own DOCX without touching anything else: every part is
/// copied byte for byte except the main document part (only comment range marks and comment
/// reference runs inserted, by a byte-level edit), the comments part (created, or extended
/// with its existing comments and ids kept), and — when the package had no comments part —
/// the main part's relationships and `[Content_Types].xml` (one entry added to each).
public struct DraftAnnotator: Sendable {
    /// The author of every comment the tool adds.
    public static let author = "规划汇编"
    public static let initials = "汇编"

    /// Written as each comment's `w:date` when set (ISO 8601, e.g. "2021-03-01T00:00:00Z").
    public var date: String?
    /// The timestamp of every zip entry written.
    public var zipDate: Date

    public init(date: String? = nil, zipDate: Date = ZipWriter.modificationDateFromEnvironment()) {
        self.date = date
        self.zipDate = zipDate
    }

    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Where each comment went: the comment id and the element path it is anchored on.
    public struct Placed: Sendable, Hashable {
        public var id: Int
        public var path: String?
        public var text: String
    }

    /// The annotated package's bytes (and where each comment was placed).
    public func annotate(bytes: [UInt8], name: String, comments: [FeedbackComment]) throws -> (bytes: [UInt8], placed: [Placed]) {
        let package: PackageContents
        do { package = try PackageContents.read(bytes: bytes, name: name) } catch { throw Failure("\(error)") }
        let main = package.mainPart
        guard let documentBytes = package.parts[main] else { throw Failure("\(name): no main document part") }
        let scan: XMLScan
        do { scan = try XMLScan(documentBytes) } catch { throw Failure("\(name): \(main): \(error.description)") }
        let map = BodyMap(scan)
        let wordNamespace = scan[scan.root].namespace ?? WordNamespace.transitional
        let isStrict = wordNamespace == WordNamespace.strict

        // The comments part, if any, and the next free id.
        let commentsRelation = package.relationships(of: main).first { $0.kind == "comments" && !$0.isExternal && $0.targetPart != nil }
        let existingCommentsPart = commentsRelation?.targetPart
        var commentsScan: XMLScan?
        if let part = existingCommentsPart, let data = package.parts[part] {
            do { commentsScan = try XMLScan(data) } catch { throw Failure("\(name): \(part): \(error.description)") }
        }
        var maxId = -1
        for s in [scan] + (commentsScan.map { [$0] } ?? []) {
            for e in s.elements {
                if let v = e.attribute(local: "id"), let n = Int(v.trimmingCharacters(in: .whitespaces)) { maxId = max(maxId, n) }
            }
        }

        // Anchor every comment.
        var heads: [Int: [String]] = [:]
        var tails: [Int: [String]] = [:]
        var placed: [Placed] = []
        var newComments: [(Int, String)] = []
        let fallback = map.paragraphs.first { !map.insideAlternate.contains($0) }
        for comment in comments {
            var anchorPath: String? = nil
            var element: Int?
            if let path = comment.path, let e = map.anchor(forPath: path) {
                element = e
                anchorPath = map.elements.first { $0.value == e }?.key
            }
            if element == nil {
                element = fallback
                anchorPath = fallback.flatMap { f in map.elements.first { $0.value == f }?.key }
            }
            guard let element, let (first, last) = paragraphs(of: element, scan: scan, map: map) else { continue }
            maxId += 1
            let id = maxId
            let w = scan[first].prefix.isEmpty ? "" : scan[first].prefix + ":"
            heads[first, default: []].append("<\(w)commentRangeStart \(w)id=\"\(id)\"/>")
            let wl = scan[last].prefix.isEmpty ? "" : scan[last].prefix + ":"
            tails[last, default: []].append(
                "<\(wl)commentRangeEnd \(wl)id=\"\(id)\"/><\(wl)r><\(wl)commentReference \(wl)id=\"\(id)\"/></\(wl)r>")
            placed.append(Placed(id: id, path: anchorPath, text: comment.text))
            newComments.append((id, comment.text))
        }
        guard !newComments.isEmpty else { return (bytes, []) }

        var replaced: [String: [UInt8]] = [:]
        replaced[main] = Self.edit(documentBytes, scan: scan, heads: heads, tails: tails)

        // The comments part.
        var added: [(String, [UInt8])] = []
        if let part = existingCommentsPart, let data = package.parts[part], let cs = commentsScan {
            let root = cs[cs.root]
            let w = root.prefix.isEmpty ? "" : root.prefix + ":"
            let markup = newComments.map { commentXML($0.0, $0.1, w: w) }.joined()
            var out: [UInt8]
            if root.isEmpty {
                // <w:comments …/> → <w:comments …>…</w:comments>
                out =
                    Array(data[..<(root.startTagEnd - 2)]) + Array(">".utf8) + Array(markup.utf8)
                    + Array("</\(root.qualifiedName)>".utf8) + Array(data[root.end...])
            } else {
                out = Array(data[..<root.endTagStart]) + Array(markup.utf8) + Array(data[root.endTagStart...])
            }
            replaced[part] = out
        } else {
            let directory = (main as NSString).deletingLastPathComponent
            var fileName = "comments.xml"
            var k = 1
            let taken = Set(package.partNames.map { $0.lowercased() })
            while taken.contains((directory.isEmpty ? fileName : directory + "/" + fileName).lowercased()) {
                fileName = "comments\(k).xml"
                k += 1
            }
            let part = directory.isEmpty ? fileName : directory + "/" + fileName
            let markup = newComments.map { commentXML($0.0, $0.1, w: "w:") }.joined()
            let xml =
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                + "<w:comments xmlns:w=\"\(wordNamespace)\">\(markup)</w:comments>"
            added.append((part, Array(xml.utf8)))

            // Relationship from the main part.
            let relsPart = PackageContents.relationshipsPartName(of: main)
            let relType = RelationshipType(kind: "comments", strict: isStrict).rawValue
            let existingIds = Set(package.relationships(of: main).map(\.id))
            var n = existingIds.count + 1
            while existingIds.contains("rId\(n)") { n += 1 }
            let relationship = "<Relationship Id=\"rId\(n)\" Type=\"\(relType)\" Target=\"\(fileName)\"/>"
            if let relsName = package.partNames.first(where: { $0 == relsPart }), let data = package.parts[relsName] {
                replaced[relsName] = try Self.appendChild(relationship, to: data, part: relsName)
            } else {
                let xml =
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
                    + "<Relationships xmlns=\"\(OPCNames.Namespace.packageRelationships)\">\(relationship)</Relationships>"
                added.append((relsPart, Array(xml.utf8)))
            }
            // Content type.
            let typesName = package.partNames.first { $0 == "[Content_Types].xml" } ?? "[Content_Types].xml"
            guard let types = package.parts[typesName] else { throw Failure("\(name): no [Content_Types].xml") }
            let override =
                "<Override PartName=\"/\(part)\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
            replaced[typesName] = try Self.appendChild(override, to: types, part: typesName)
        }

        var writer = ZipWriter(modificationDate: zipDate)
        for part in package.partNames {
            guard let data = replaced[part] ?? package.parts[part] else { continue }
            writer.add(part, data)
        }
        for (part, data) in added { writer.add(part, data) }
        do { return (try writer.finish(), placed) } catch { throw Failure("\(name): \(error)") }
    }

    /// The first and last paragraph of an anchor element (itself, for a paragraph).
    private func paragraphs(of element: Int, scan: XMLScan, map: BodyMap) -> (Int, Int)? {
        if scan.is(element, "p", in: WordNamespace.w) { return (element, element) }
        let inBody = Set(map.paragraphs)
        let ps = scan.descendants(of: element).filter { inBody.contains($0) }
        guard let first = ps.first, let last = ps.last else { return nil }
        return (first, last)
    }

    private func commentXML(_ id: Int, _ text: String, w: String) -> String {
        var out = "<\(w)comment \(w)id=\"\(id)\" \(w)author=\"\(Self.author)\""
        if let date { out += " \(w)date=\"\(XMLEscape.attribute(date))\"" }
        out += " \(w)initials=\"\(Self.initials)\">"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += "<\(w)p><\(w)r><\(w)t xml:space=\"preserve\">\(XMLEscape.text(String(line)))</\(w)t></\(w)r></\(w)p>"
        }
        return out + "</\(w)comment>"
    }

    /// The part with every paragraph's marks inserted: heads after its w:pPr, tails before its
    /// end tag; an empty paragraph `<w:p …/>` is opened and closed around them.
    static func edit(_ data: [UInt8], scan: XMLScan, heads: [Int: [String]], tails: [Int: [String]]) -> [UInt8] {
        struct Edit { var from: Int; var to: Int; var bytes: [UInt8] }
        var edits: [Edit] = []
        for p in Set(heads.keys).union(tails.keys) {
            let e = scan[p]
            let head = heads[p, default: []].joined()
            let tail = tails[p, default: []].joined()
            if e.isEmpty {
                let open = Array(data[e.start..<(e.startTagEnd - 2)]) + Array(">".utf8)
                edits.append(Edit(from: e.start, to: e.startTagEnd, bytes: open + Array((head + tail + "</\(e.qualifiedName)>").utf8)))
            } else {
                let pPr = e.children.first.flatMap { scan.is($0, "pPr", in: WordNamespace.w) ? $0 : nil }
                let at = pPr.map { scan[$0].end } ?? e.startTagEnd
                if !head.isEmpty { edits.append(Edit(from: at, to: at, bytes: Array(head.utf8))) }
                if !tail.isEmpty { edits.append(Edit(from: e.endTagStart, to: e.endTagStart, bytes: Array(tail.utf8))) }
            }
        }
        edits.sort { $0.from < $1.from }
        var out: [UInt8] = []
        out.reserveCapacity(data.count + edits.reduce(0) { $0 + $1.bytes.count })
        var position = 0
        for edit in edits {
            out.append(contentsOf: data[position..<edit.from])
            out.append(contentsOf: edit.bytes)
            position = edit.to
        }
        out.append(contentsOf: data[position...])
        return out
    }

    /// `markup` added as the last child of the part's root element.
    static func appendChild(_ markup: String, to data: [UInt8], part: String) throws -> [UInt8] {
        let scan: XMLScan
        do { scan = try XMLScan(data) } catch { throw Failure("\(part): \(error.description)") }
        let root = scan[scan.root]
        if root.isEmpty {
            return Array(data[..<(root.startTagEnd - 2)]) + Array(">".utf8) + Array(markup.utf8)
                + Array("</\(root.qualifiedName)>".utf8) + Array(data[root.end...])
        }
        return Array(data[..<root.endTagStart]) + Array(markup.utf8) + Array(data[root.endTagStart...])
    }
}
