import DocumentModel
import PlanSupport
import Foundation

/// The files of a drop folder, classified before anything is read: drafts to read, and files
/// that are not drafts (lock files, temporary files, hidden files, folders), which are listed as
/// ignored so that every file is accounted for.
public struct DropFolder: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var path: String
        /// nil: a candidate draft; otherwise why it is ignored (Chinese, for the report).
        public var ignoredBecause: String?

        public init(name: String, path: String, ignoredBecause: String? = nil) {
            self.name = name
            self.path = path
            self.ignoredBecause = ignoredBecause
        }
    }

    public let path: String
    public let entries: [Entry]

    /// Lists `path` (not recursively), sorted by name so the result never depends on the file system.
    /// Names are read as bytes (readdir): a name that is not UTF-8 (a GBK name from an old
    /// Windows share) is shown as its readable rendering (`rawNameRendering`) and read through a
    /// symbolic link with a UTF-8 name in a private temporary folder (`rawNameLink`).
    public init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        var listed: [(name: String, path: String)] = []
        if let raw = Self.rawNames(path) {
            for bytes in raw {
                if let name = String(validating: bytes, as: UTF8.self) {
                    listed.append((name, (path as NSString).appendingPathComponent(name)))
                } else {
                    let full = Array(path.utf8) + (path.hasSuffix("/") ? [] : [0x2F]) + bytes
                    let link = Self.rawNameLink(full, extensionOf: bytes)
                    listed.append((Self.rawNameRendering(bytes), link ?? "/nonexistent"))
                }
            }
        } else {
            listed = try fm.contentsOfDirectory(atPath: path).map { ($0, (path as NSString).appendingPathComponent($0)) }
        }
        entries = listed.sorted { $0.name < $1.name }.map { name, full in
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: full, isDirectory: &isDirectory)
            return Entry(name: name, path: full, ignoredBecause: DropFolder.ignoreReason(name, isDirectory: isDirectory.boolValue))
        }
    }

    /// The names in `path` as bytes, nil when it cannot be opened (the caller lists it with
    /// Foundation for the error).
    public static func rawNames(_ path: String) -> [[UInt8]]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            names.append(bytes)
        }
        return names
    }

    /// A name that is not UTF-8, readable: its ASCII kept, every other byte as `\xHH`
    /// (`\xC4\xE3\xBA\xC3.docx`).
    public static func rawNameRendering(_ bytes: [UInt8]) -> String {
        var out = ""
        for byte in bytes {
            if byte >= 0x20 && byte < 0x7F {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "\\x%02X", byte)
            }
        }
        return out
    }

    /// A symbolic link with a UTF-8 name to the file at the raw path `target`, in a private
    /// temporary folder (named by the hash of the target, so every build reuses it), keeping
    /// the target's extension; nil when it cannot be made.
    static func rawNameLink(_ target: [UInt8], extensionOf name: [UInt8]) -> String? {
        let folder = (NSTemporaryDirectory() as NSString).appendingPathComponent("plan-assembler-raw-names-\(getuid())")
        if mkdir(folder, 0o700) != 0 && errno != EEXIST { return nil }
        var info = stat()
        guard lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid() else { return nil }
        var hash = SHA256()
        hash.update(target)
        var ext = ""
        if let dot = name.lastIndex(of: 0x2E), let e = String(validating: name[dot...], as: UTF8.self), e.count <= 8 { ext = e }
        let link = (folder as NSString).appendingPathComponent(String(hash.finalizeHex().prefix(32)) + ext)
        let made = (target + [0]).withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { symlink($0, link) }
        }
        guard made == 0 || errno == EEXIST else { return nil }
        return link
    }

    /// Why a file is not a draft at all, or nil when it should be read (and, if it is not a Word
    /// document, rejected with the reader's reason).
    public static func ignoreReason(_ name: String, isDirectory: Bool) -> String? {
        if isDirectory { return "子文件夹（不读取子文件夹中的文件）" }
        if name.hasPrefix("~$") { return "Word 临时锁定文件（~$ 开头，文档打开时自动生成）" }
        if name.hasPrefix(".~lock.") && name.hasSuffix("#") { return "LibreOffice/WPS 锁定文件" }
        if name.hasPrefix(".") { return "隐藏文件" }
        let lower = name.lowercased()
        for suffix in [".tmp", ".temp", ".crdownload", ".part", ".partial", ".download", "~"] where lower.hasSuffix(suffix) {
            return "临时文件（复制或下载尚未完成）"
        }
        if lower.hasPrefix("~wr") || lower.hasPrefix("~wrl") { return "Word 临时文件" }
        return nil
    }

    /// Why the file at `path` is not a regular file that can be read (a FIFO, a device, a
    /// socket: opening one can block forever or never end), nil for a regular file. Only
    /// stat(2) is used, the file is not opened.
    public static func specialFileReason(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: kind = "命名管道（FIFO）"
        case S_IFCHR: kind = "字符设备"
        case S_IFBLK: kind = "块设备"
        case S_IFSOCK: kind = "套接字"
        default: kind = "特殊文件"
        }
        return "\(kind)，不是普通文件，未读取"
    }

    public var candidates: [Entry] { entries.filter { $0.ignoredBecause == nil } }
}
