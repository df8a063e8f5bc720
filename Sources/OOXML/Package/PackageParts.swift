import DocumentModel
import PlanSupport

/// The parts of a zip archive: its entries with usable part names, looked up as OPC compares
/// part names (case-insensitive ASCII), read within `ReadLimits` with a running total.
///
/// Entries are sorted out once, when the table is built:
/// - directory entries ("word/") are not parts and are skipped;
/// - names that could reach outside the package or are not valid part names ("..", absolute,
///   drive letters, backslashes, empty or "." segments) are ignored with a
///   `package.unsafe-entry-name` warning: they are never resolved, read or written anywhere;
/// - two entries whose names are equal as part names (`word/document.xml` twice, or
///   `Word/Document.xml` beside it) make the package ambiguous and are refused with
///   `.duplicateEntry`. Readers disagree on which copy wins (pandoc the first, python-docx the
///   second; libzip's `zip_name_locate` finds the first), and OPC forbids it (Part 2, M1.12),
///   so no copy is chosen;
/// - an entry whose Info-ZIP Unicode Path field (0x7075) renames it is refused with
///   `.unicodePathConflict` when its header name or its Unicode Path names another entry (by
///   either of that entry's names): libzip takes the field's name, Commons Compress ignores
///   it when flag bit 11 is set, Python's zipfile always, so the readers would swap parts;
/// - an encrypted entry (ZipCrypto or AES) refuses the whole package (`.encryptedEntries`).
final class PackageParts {
    let archive: ZipArchive
    let limits: ReadLimits
    /// Part names in central-directory order.
    let names: [String]
    private let byFoldedName: [String: ZipArchive.Entry]
    /// Uncompressed bytes read so far (counted against `maxTotalSize`).
    private(set) var bytesRead: Int64 = 0

    init(archive: ZipArchive, limits: ReadLimits, diagnostics: inout [Diagnostic]) throws {
        self.archive = archive
        self.limits = limits
        var table: [String: ZipArchive.Entry] = [:]
        var names: [String] = []
        for entry in archive.entries {
            if entry.isEncrypted {
                throw DocxReadError(file: archive.file, reason: .encryptedEntries(entry: entry.name))
            }
            if entry.isDirectory, PartName.unsafeReason(String(entry.name.dropLast())) == nil { continue }
            if let why = PartName.unsafeReason(entry.name) {
                diagnostics.append(
                    Diagnostic(
                        .packageUnsafeEntryName, message: "zip entry \"\(entry.name)\" cannot be a part (\(why)); ignored, never extracted")
                )
                continue
            }
            let key = PartName.folded(entry.name)
            if table[key] != nil {
                throw DocxReadError(file: archive.file, reason: .duplicateEntry(name: entry.name))
            }
            table[key] = entry
            names.append(entry.name)
        }
        try PackageParts.refuseUnicodePathConflicts(archive)
        byFoldedName = table
        self.names = names
    }

    /// Every name any reader could give an entry (libzip's, the header's, its Unicode Paths)
    /// must belong to that entry alone. Runs after the duplicate check, so two entries whose
    /// libzip names are equal are already refused as `.duplicateEntry`.
    private static func refuseUnicodePathConflicts(_ archive: ZipArchive) throws {
        guard archive.entries.contains(where: { $0.unicodePath != nil }) else { return }
        var owner: [String: ZipArchive.Entry] = [:]
        for entry in archive.entries where !entry.isDirectory {
            let names = [entry.name] + (entry.unicodePath.map { [$0.headerName] + $0.names } ?? [])
            for key in Set(names.map(PartName.folded)) {
                guard let other = owner[key], other.index != entry.index else {
                    owner[key] = entry
                    continue
                }
                // Equal names without a Unicode Path are the duplicate check's (unsafe names
                // it ignores may repeat).
                guard let (renamed, path) = [entry, other].lazy.compactMap({ e in e.unicodePath.map { (e, $0) } }).first else { continue }
                throw DocxReadError(
                    file: archive.file,
                    reason: .unicodePathConflict(
                        headerName: path.headerName, unicodePath: path.names.first { $0 != path.headerName } ?? renamed.name))
            }
        }
    }

    /// The entry of part `name` (exact, then case-insensitive, then with `%XX` decoded).
    func entry(_ name: String) -> ZipArchive.Entry? {
        let bare = name.hasPrefix("/") ? String(name.dropFirst()) : name
        if let entry = byFoldedName[PartName.folded(bare)] { return entry }
        if let decoded = PartName.percentDecoded(bare) { return byFoldedName[PartName.folded(decoded)] }
        return nil
    }

    /// What the total limit still allows.
    var budget: Int64 { max(limits.maxTotalSize - bytesRead, 0) }

    /// Refuses `entry` by its headers (size, ratio, encryption, method) without inflating it.
    func check(_ entry: ZipArchive.Entry) throws {
        try archive.checkBeforeReading(entry, limits: limits, budget: budget)
    }

    /// Inflates `entry` within the limits and counts it against the total.
    func read(_ entry: ZipArchive.Entry) throws -> [UInt8] {
        let data = try archive.read(entry, limits: limits, budget: budget)
        bytesRead += Int64(data.count)
        return data
    }
}
