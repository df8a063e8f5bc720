/// Something a stage noticed and could go on from: returned with the result, never printed.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case info
        case warning
        case error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    /// A stable code, e.g. `.readerSkippedElement` (`DiagnosticCode`, documented in the README).
    public var code: DiagnosticCode
    public var message: String
    /// Where in the package, when it is known.
    public var location: SourceLocation?

    public init(severity: Severity, code: DiagnosticCode, message: String, location: SourceLocation? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }
}
