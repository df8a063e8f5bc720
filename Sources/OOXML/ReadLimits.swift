/// Bounds that stop zip bombs, oversize parts and pathological XML before the work is done.
/// Defaults are sized for real drafts (a 4,000-page draft's document.xml is ~60 MB).
public struct ReadLimits: Sendable, Hashable {
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
        maxEntrySize: Int64 = 256 << 20,
        maxTotalSize: Int64 = 512 << 20,
        maxCompressionRatio: Int64 = 200,
        ratioFloor: Int64 = 1 << 20,
        maxEntries: Int = 10_000,
        maxXMLDepth: Int = 256
    ) {
        self.maxEntrySize = maxEntrySize
        self.maxTotalSize = maxTotalSize
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloor = ratioFloor
        self.maxEntries = maxEntries
        self.maxXMLDepth = maxXMLDepth
    }

    public static let `default` = ReadLimits()
}
