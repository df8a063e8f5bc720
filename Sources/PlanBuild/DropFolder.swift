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
    public init(path: String) throws {
        self.path = path
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: path).sorted()
        entries = names.map { name in
            let full = (path as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = fm.fileExists(atPath: full, isDirectory: &isDirectory)
            return Entry(name: name, path: full, ignoredBecause: DropFolder.ignoreReason(name, isDirectory: isDirectory.boolValue))
        }
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
