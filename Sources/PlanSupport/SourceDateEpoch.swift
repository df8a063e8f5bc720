#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): the one place it is read, for the plan's date
/// and the timestamps inside the written DOCX.
public enum SourceDateEpoch {
    /// Its whole seconds, nil when unset or not a number. Read with getenv, not
    /// ProcessInfo.environment: the latter is not safe to call from several threads at once in
    /// swift-corelibs-foundation (it corrupted memory in our tests).
    public static var seconds: Int64? {
        guard let raw = getenv("SOURCE_DATE_EPOCH") else { return nil }
        return Int64(String(cString: raw))
    }
}
