/// Bounds that stop zip bombs, oversize parts and pathological XML before the work is done.
/// Defaults are sized for real drafts (a 4,000-page draft's document.xml is ~60 MB).
///
/// The size limits follow what is read: only the parts a reader inflates (the XML parts,
/// never the media) count against `maxEntrySize`, `maxTotalSize` and `maxCompressionRatio`, so
/// a 600 MB draft full of pictures with a few MB of XML is read. The file as a whole is bounded
/// only by `maxFileSize`, because it is held in memory while its parts are inflated.
public struct ReadLimits: Sendable, Hashable {
    /// Largest file read (it is held in memory whole while its parts are inflated).
    public var maxFileSize: Int64
    /// Largest uncompressed size of one entry that is read.
    public var maxEntrySize: Int64
    /// Largest sum of uncompressed sizes of the entries that are read.
    public var maxTotalSize: Int64
    /// Largest ratio uncompressed / compressed of an entry larger than `ratioFloor`.
    public var maxCompressionRatio: Int64
    /// Entries smaller than this are not ratio-checked (tiny parts compress very well).
    public var ratioFloor: Int64
    /// Most entries in the archive.
    public var maxEntries: Int
    /// Deepest element nesting accepted in an XML part.
    public var maxXMLDepth: Int

    public init(
        maxFileSize: Int64 = 2 << 30,
        maxEntrySize: Int64 = 256 << 20,
        maxTotalSize: Int64 = 512 << 20,
        maxCompressionRatio: Int64 = 200,
        ratioFloor: Int64 = 1 << 20,
        maxEntries: Int = 10_000,
        maxXMLDepth: Int = 256
    ) {
        self.maxFileSize = maxFileSize
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloor = ratioFloor
        self.maxEntries = maxEntries
        self.maxXMLDepth = maxXMLDepth
    }

    public static let `default` = ReadLimits()
}
