/// The elements of `document.xml`'s body under the reader's paths ("body/p[12]",
/// "body/tbl[0]/tr[3]", "body/tbl[0]/tr[3]/tc[1]/p[0]"), counted as `StoryReader` counts them
/// in the accepted view (which is what the extraction reads): paragraphs and tables numbered
/// per container (the body, a cell), through w:sdt, w:customXml, w:ins and w:moveTo wrappers;
/// content of w:del and w:moveFrom, and table rows deleted as tracked changes, not counted;
/// mc:AlternateContent through its first mc:Choice (else mc:Fallback). Text boxes are not
/// entered: a location inside one is anchored on its paragraph.
struct BodyMap {
    /// Element index by path.
    private(set) var elements: [String: Int] = [:]
    /// Elements inside mc:AlternateContent: marks there would be in one alternative only.
    private(set) var insideAlternate: Set<Int> = []
    /// Body paragraphs (any depth, text boxes excluded) in document order.
    private(set) var paragraphs: [Int] = []

    init(_ scan: XMLScan) {
        let root = scan.root
        guard let body = scan.child(of: root, "body", in: WordNamespace.w) else { return }
        var frame = Frame(prefix: "body")
        walk(scan, scan[body].children, frame: &frame, alternate: false)
    }

    private struct Frame {
        let prefix: String
        var counters: [String: Int] = [:]
        init(prefix: String) { self.prefix = prefix }
        mutating func next(_ kind: String) -> String {
            let n = counters[kind, default: 0]
            counters[kind] = n + 1
            return prefix + "/\(kind)[\(n)]"
        }
    }

    private mutating func walk(_ scan: XMLScan, _ children: [Int], frame: inout Frame, alternate: Bool) {
        for child in children {
            let e = scan[child]
            if e.namespace.map(WordNamespace.w.contains) == true {
                switch e.local {
                case "p":
                    record(frame.next("p"), child, alternate: alternate)
                    paragraphs.append(child)
                case "tbl":
                    let path = frame.next("tbl")
                    record(path, child, alternate: alternate)
                    table(scan, child, path: path, alternate: alternate)
                case "sdt":
                    if let content = scan.child(of: child, "sdtContent", in: WordNamespace.w) {
                        walk(scan, scan[content].children, frame: &frame, alternate: alternate)
                    }
                case "customXml", "ins", "moveTo":
                    walk(scan, e.children, frame: &frame, alternate: alternate)
                default:
                    break
                }
            } else if e.namespace.map(WordNamespace.mc.contains) == true, e.local == "AlternateContent" {
                if let chosen = scan.child(of: child, "Choice", in: WordNamespace.mc)
                    ?? scan.child(of: child, "Fallback", in: WordNamespace.mc)
                {
                    walk(scan, scan[chosen].children, frame: &frame, alternate: true)
                }
            }
        }
    }

    private mutating func table(_ scan: XMLScan, _ tbl: Int, path: String, alternate: Bool) {
        var rowFrame = Frame(prefix: path)
        for tr in collect(scan, tbl, "tr") {
            if let trPr = scan.child(of: tr, "trPr", in: WordNamespace.w), scan.child(of: trPr, "del", in: WordNamespace.w) != nil {
                continue
            }
            let rowPath = rowFrame.next("tr")
            record(rowPath, tr, alternate: alternate)
            var cellFrame = Frame(prefix: rowPath)
            for tc in collect(scan, tr, "tc") {
                let cellPath = cellFrame.next("tc")
                record(cellPath, tc, alternate: alternate)
                var blockFrame = Frame(prefix: cellPath)
                walk(scan, scan[tc].children.filter { !scan.is($0, "tcPr", in: WordNamespace.w) }, frame: &blockFrame, alternate: alternate)
            }
        }
    }

    /// Children named `local` of `parent`, looking through w:sdt and w:customXml wrappers.
    private func collect(_ scan: XMLScan, _ parent: Int, _ local: String) -> [Int] {
        var out: [Int] = []
        for c in scan[parent].children {
            if scan.is(c, local, in: WordNamespace.w) {
                out.append(c)
            } else if scan.is(c, "sdt", in: WordNamespace.w), let content = scan.child(of: c, "sdtContent", in: WordNamespace.w) {
                out += collect(scan, content, local)
            } else if scan.is(c, "customXml", in: WordNamespace.w) {
                out += collect(scan, c, local)
            }
        }
        return out
    }

    private mutating func record(_ path: String, _ element: Int, alternate: Bool) {
        elements[path] = element
        if alternate { insideAlternate.insert(element) }
    }

    /// The element a finding at `path` is anchored on: a location in a table is anchored on
    /// its (outermost) row, one in a text box on the paragraph holding it, else the longest
    /// prefix of the path that names an element.
    func anchor(forPath path: String) -> Int? {
        var components = path.split(separator: "/").map(String.init)
        if let row = components.firstIndex(where: { $0.hasPrefix("tr[") }) {
            components = Array(components[...row])
        }
        if let box = components.firstIndex(where: { $0.hasPrefix("txbx[") }) {
            components = Array(components[..<box])
        }
        while !components.isEmpty {
            if let e = elements[components.joined(separator: "/")], !insideAlternate.contains(e) { return e }
            components.removeLast()
        }
        return nil
    }
}
