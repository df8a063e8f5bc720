/// Names what a file is when it is not a usable zip archive, from its first bytes and its name,
/// so the refusal says something a user can act on ("looks like RTF document") instead of
/// "not a zip". Never reads past the buffer it is given; only the compound-file check looks
/// beyond the first 4 KiB.
enum FileSniffer {
    /// How many leading bytes the text checks look at.
    static let window = 4096

    /// What can be said before libzip is asked: the refusal for an empty file, a Word lock file
    /// (by its `~$` name) and any OLE2 compound file; nil when the bytes should go to libzip.
    static func refusalBeforeUnzipping(_ bytes: UnsafeRawBufferPointer, fileName: String) -> DocxReadError.Reason? {
        if bytes.isEmpty { return .emptyFile }
        if isLockFileName(fileName), !startsWith(bytes, zipLocalHeader) { return .lockFile }
        if CompoundFile.hasSignature(bytes) { return CompoundFile.refusal(bytes) }
        return nil
    }

    /// The refusal for bytes libzip says are not a zip archive (`ZIP_ER_NOZIP`).
    static func refusalForNonZip(_ bytes: UnsafeRawBufferPointer) -> DocxReadError.Reason {
        if startsWith(bytes, zipLocalHeader) {
            return .truncatedZip(
                message:
                    "the file starts like a zip archive but has no end-of-central-directory record (it ends early after \(bytes.count) bytes)"
            )
        }
        if looksLikeLockFile(bytes) { return .lockFile }
        return .notAZip(detected: describe(bytes))
    }

    /// Word's owner file for an open document: `~$` and the rest of the document's name.
    static func isLockFileName(_ fileName: String) -> Bool {
        let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? fileName
        return base.hasPrefix("~$")
    }

    /// A 162-byte owner file whatever its name: a length byte and the user name in the ANSI
    /// code page (padded to 54 bytes), then at offset 54 the UTF-16 length and the UTF-16 name.
    /// Only the UTF-16 copy is checked, since a CJK name's ANSI length differs.
    static func looksLikeLockFile(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 162, bytes[0] > 0, bytes[0] <= 53 else { return false }
        let length = Int(bytes[54]) | Int(bytes[55]) << 8
        guard length > 0, 56 + 2 * length <= 162 else { return false }
        for i in 0..<length {
            let unit = UInt16(bytes[56 + 2 * i]) | UInt16(bytes[57 + 2 * i]) << 8
            if unit < 0x20 { return false }
        }
        return true
    }

    /// "RTF document", "HTML document", "PDF document", "Git LFS pointer …", "XML document",
    /// "text file" …; nil for unrecognised binary data.
    static func describe(_ bytes: UnsafeRawBufferPointer) -> String? {
        let head = Array(bytes.prefix(window))
        for (magic, name) in binarySignatures where head.starts(with: magic) { return name }
        var text = head
        var encoding = ""
        if text.starts(with: [0xEF, 0xBB, 0xBF]) {
            text.removeFirst(3)
        } else if text.starts(with: [0xFF, 0xFE]) || text.starts(with: [0xFE, 0xFF]) {
            // UTF-16: keep the low (or high) bytes so the ASCII checks below still work.
            let bigEndian = text[0] == 0xFE
            text = stride(from: 2, to: text.count - 1, by: 2).map { bigEndian ? text[$0 + 1] : text[$0] }
            encoding = ", UTF-16"
        }
        let trimmed = Array(text.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }))
        let lower = String(decoding: trimmed, as: UTF8.self).lowercased()
        if lower.hasPrefix("{\\rtf") { return "RTF document" }
        if lower.hasPrefix("version https://git-lfs.github.com/spec/") {
            return "Git LFS pointer: the real file was never downloaded (run git lfs pull)"
        }
        if lower.hasPrefix("mime-version:") { return "MHTML web archive" + encoding }
        if lower.hasPrefix("<!doctype html") || lower.hasPrefix("<html") { return "HTML document" + encoding }
        if lower.hasPrefix("<") {
            if lower.contains("<html") { return "HTML document" + encoding }
            if lower.contains("<pkg:package") { return "Word XML document (Flat OPC), not .docx" + encoding }
            if lower.contains("<w:worddocument") { return "Word 2003 XML document, not .docx" + encoding }
            return "XML document" + encoding
        }
        if !encoding.isEmpty { return "text file" + encoding }
        if isText(trimmed) { return "text file" }
        return nil
    }

    // MARK: - Helpers

    static let zipLocalHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    private static let binarySignatures: [([UInt8], String)] = [
        (Array("%PDF".utf8), "PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ([0x1F, 0x8B], "gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7-Zip archive"),
        (Array("Rar!".utf8), "RAR archive"),
    ]

    static func startsWith(_ bytes: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        bytes.count >= prefix.count && zip(bytes.prefix(prefix.count), prefix).allSatisfy { $0 == $1 }
    }

    /// Valid UTF-8 (a sequence cut at the window's end is fine) without NUL or other control
    /// characters than tab, CR, LF and form feed.
    private static func isText(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return false }
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }) { return false }
        var body = bytes[...]
        // Drop an incomplete sequence at the end of the window.
        if let lastLead = body.lastIndex(where: { $0 & 0xC0 != 0x80 }), body[lastLead] >= 0xC0 {
            let needed = body[lastLead] >= 0xF0 ? 4 : body[lastLead] >= 0xE0 ? 3 : 2
            if body.endIndex - lastLead < needed { body = body[..<lastLead] }
        }
        var iterator = body.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
