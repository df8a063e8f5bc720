import Foundation
import OOXML

/// The package-level parts the writer generates: `[Content_Types].xml`, relationships, core and
/// extended properties.
enum PackageMarkup {
    /// `[Content_Types].xml`: defaults for relationships, XML and the media extensions present,
    /// an override for every other XML part.
    static func contentTypes(_ parts: [(name: String, contentType: String)]) -> [UInt8] {
        var xml = Namespace.declaration + "<Types xmlns=\"\(Namespace.contentTypes)\">"
        xml += "<Default Extension=\"rels\" ContentType=\"\(OPCNames.ContentType.relationships)\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        var extensions: [String: String] = [:]
        for part in parts where !part.name.hasSuffix(".xml") && !part.name.hasSuffix(".rels") {
            if let ext = part.name.split(separator: ".").last.map({ $0.lowercased() }), extensions[ext] == nil {
                extensions[ext] = part.contentType
            }
        }
        for ext in extensions.keys.sorted() {
            xml += "<Default Extension=\"\(XMLEscape.attribute(ext))\" ContentType=\"\(XMLEscape.attribute(extensions[ext]!))\"/>"
        }
        for part in parts where part.name.hasSuffix(".xml") {
            xml += "<Override PartName=\"/\(XMLEscape.attribute(part.name))\" ContentType=\"\(XMLEscape.attribute(part.contentType))\"/>"
        }
        return Array((xml + "</Types>").utf8)
    }

    /// `_rels/.rels`.
    static func packageRelationships() -> [UInt8] {
        relationships([
            Relationship(id: "rId1", type: .officeDocument, target: "word/document.xml"),
            Relationship(id: "rId2", type: .coreProperties, target: "docProps/core.xml"),
            Relationship(id: "rId3", type: .extendedProperties, target: "docProps/app.xml"),
        ])
    }

    /// A relationships part.
    static func relationships(_ relationships: [Relationship]) -> [UInt8] {
        var xml = Namespace.declaration + "<Relationships xmlns=\"\(Namespace.packageRelationships)\">"
        for relationship in relationships {
            xml +=
                "<Relationship Id=\"\(relationship.id)\" Type=\"\(relationship.type.rawValue)\" Target=\"\(XMLEscape.attribute(relationship.target))\"/>"
        }
        return Array((xml + "</Relationships>").utf8)
    }

    /// `docProps/core.xml`: title, subject (the subtitle), creator, created and modified from
    /// the plan's date, never the clock.
    static func coreProperties(title: String, subject: String?, date: String) -> [UInt8] {
        var xml = Namespace.declaration
        xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        xml += " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
        xml += " xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        xml += "<dc:title>\(XMLEscape.text(title))</dc:title>"
        if let subject, !subject.isEmpty { xml += "<dc:subject>\(XMLEscape.text(subject))</dc:subject>" }
        xml += "<dc:creator>PlanAssembler</dc:creator><cp:lastModifiedBy>PlanAssembler</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(XMLEscape.text(date))</dcterms:created>"
        xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(XMLEscape.text(date))</dcterms:modified>"
        return Array((xml + "</cp:coreProperties>").utf8)
    }

    /// `docProps/app.xml`.
    static func appProperties(title: String) -> [UInt8] {
        var xml = Namespace.declaration
        xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
        xml += " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        xml += "<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Application>PlanAssembler</Application>"
        xml += "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
        xml += "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
        return Array((xml + "</Properties>").utf8)
    }
}

/// The plan's W3CDTF date as the package needs it.
enum PlanDate {
    /// A full `xsd:dateTime` for core properties and comment dates: "2021-03-01" becomes
    /// "2021-03-01T00:00:00Z"; a date that cannot be read becomes 1980-01-01 (the zip epoch).
    static func dateTime(_ w3cdtf: String) -> String {
        guard let parts = fields(w3cdtf) else { return "1980-01-01T00:00:00Z" }
        if w3cdtf.count > 10, w3cdtf.contains("T") { return w3cdtf }
        return String(format: "%04d-%02d-%02dT00:00:00Z", parts.year, parts.month, parts.day)
    }

    /// The instant, for the zip entries' timestamps (UTC); nil when unreadable.
    static func instant(_ w3cdtf: String) -> Date? {
        guard let f = fields(w3cdtf) else { return nil }
        var t = tm()
        t.tm_year = Int32(f.year - 1900)
        t.tm_mon = Int32(f.month - 1)
        t.tm_mday = Int32(f.day)
        t.tm_hour = Int32(f.hour)
        t.tm_min = Int32(f.minute)
        t.tm_sec = Int32(f.second)
        return Date(timeIntervalSince1970: TimeInterval(timegm(&t) - f.offsetSeconds))
    }

    private static func fields(_ s: String) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetSeconds: Int)? {
        let scalars = Array(s.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= scalars.count else { return nil }
            var n = 0
            for byte in scalars[from..<(from + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                n = n * 10 + Int(byte - 0x30)
            }
            return n
        }
        guard let year = number(0, 4) else { return nil }
        let month = scalars.count >= 7 ? number(5, 2) : 1
        let day = scalars.count >= 10 ? number(8, 2) : 1
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if scalars.count >= 16, scalars[10] == UInt8(ascii: "T") {
            hour = number(11, 2) ?? 0
            minute = number(14, 2) ?? 0
            second = number(17, 2) ?? 0
            if let sign = scalars.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), sign > 10,
                let h = number(sign + 1, 2), let m = number(sign + 4, 2)
            {
                offset = (h * 3600 + m * 60) * (scalars[sign] == UInt8(ascii: "-") ? -1 : 1)
            }
        }
        return (year, month, day, hour, minute, second, offset)
    }
}
