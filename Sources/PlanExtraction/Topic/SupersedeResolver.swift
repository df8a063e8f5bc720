import DocumentModel
import PlanSupport
import PlanModel
import Foundation
import PlanTemplates

/// What the superseding rule needs to know of one draft.
public struct DraftSummary: Sendable, Hashable {
    /// File name as dropped.
    public var file: String
    /// Catalog id; drafts without one are never grouped.
    public var topicId: String?
    /// `docProps/core.xml` dcterms:modified (W3CDTF), nil when absent.
    public var modified: String?
    /// Canonical version name (VersionDetector), nil when none.
    public var version: String?
    /// The file system's modification time, nil when unknown.
    public var fileModified: Date?
    /// A draft of another region or plan period (`extract.out-of-scope`): never grouped.
    public var outOfScope: Bool

    public init(
        file: String, topicId: String?, modified: String?, version: String?, fileModified: Date?, outOfScope: Bool = false
    ) {
        self.file = file
        self.topicId = topicId
        self.modified = modified
        self.version = version
        self.fileModified = fileModified
        self.outOfScope = outOfScope
    }
}

/// Which drafts are superseded by a newer draft of the same topic, and why.
public struct SupersedeResolution: Sendable, Hashable {
    /// Superseded file → the file kept for its topic.
    public var supersededBy: [String: String]
    /// One `extract.superseded` per superseded file, then the `extract.supersede-uncertain`
    /// warnings, each in file name order.
    public var diagnostics: [Diagnostic]
    /// The `extract.superseded` diagnostics by superseded file.
    public var diagnosticByFile: [String: Diagnostic]
    /// `extract.supersede-uncertain` warnings by file (the kept draft and the superseded one
    /// each carry the warning naming both).
    public var warningsByFile: [String: [Diagnostic]] = [:]
}

/// Keeps the newest draft of each topic: the latest `core.xml` modified date, then the latest
/// version word, then the latest file time, then the greatest file name (so the result never
/// depends on the input order). A criterion decides only among drafts that all have it: a
/// draft without a `core.xml` date is compared with the others by version instead. Drafts of
/// another region or period are never grouped (they neither supersede nor are superseded). A
/// choice made on file times a few seconds apart (`VersionWords.closeFileTimeSeconds`) is
/// reported as uncertain, naming both files.
public struct SupersedeResolver: Sendable {
    public let versions: VersionWords

    public init(versions: VersionWords) { self.versions = versions }

    /// Superseded file → the file kept for its topic.
    public func resolve(_ drafts: [DraftSummary]) -> [String: String] { resolution(drafts).supersededBy }

    /// The superseded files with the diagnostics that explain them.
    public func resolution(_ drafts: [DraftSummary]) -> SupersedeResolution {
        var groups: [String: [DraftSummary]] = [:]
        for draft in drafts where !draft.outOfScope {
            if let id = draft.topicId { groups[id, default: []].append(draft) }
        }
        var supersededBy: [String: String] = [:]
        var notes: [(file: String, diagnostic: Diagnostic)] = []
        var warnings: [(file: String, diagnostic: Diagnostic)] = []
        for (id, group) in groups where group.count > 1 {
            let (kept, reason) = newest(of: group)
            for draft in group where draft.file != kept.file {
                supersededBy[draft.file] = kept.file
                // Nothing tells the two apart (parallel versions by two editors): a warning naming
                // both, on both; the one left out is not called older.
                if reason == Self.byFileName {
                    let warning = Diagnostic(
                        .extractSupersedeUncertain,
                        message:
                            "\(Self.undecidable)：《\(draft.file)》\(Self.versionNote(draft))与《\(kept.file)》\(Self.versionNote(kept))同属专题\(id)，"
                            + "文档属性中的修改时间、稿次和文件修改时间都相同（可能是两人分别修改的平行版本），"
                            + "只能按文件名顺序采用《\(kept.file)》，《\(draft.file)》未参与汇总；请确认以哪一份为准，并移走或合并另一份。")
                    warnings.append((kept.file, warning))
                    warnings.append((draft.file, warning))
                    continue
                }
                notes.append(
                    (
                        draft.file,
                        Diagnostic(
                            .extractSuperseded,
                            message: "《\(draft.file)》\(Self.versionNote(draft))与《\(kept.file)》\(Self.versionNote(kept))同属专题\(id)，"
                                + "按\(reason)以后者为准，前者不再参与汇总。")
                    ))
                guard reason == Self.byFileTime, let a = draft.fileModified, let b = kept.fileModified else { continue }
                let gap = abs(b.timeIntervalSince(a))
                guard gap < versions.closeFileTimeSeconds else { continue }
                let warning = Diagnostic(
                    .extractSupersedeUncertain,
                    message: "《\(draft.file)》与《\(kept.file)》同属专题\(id)，文档属性和稿次都无法区分新旧，"
                        + "只能按文件修改时间以《\(kept.file)》为准，而两者仅相差 \(Self.seconds(gap)) 秒（可能是一同复制的），"
                        + "请确认哪一份是最新稿（可在文件名或副标题中注明稿次），并移走另一份。")
                warnings.append((kept.file, warning))
                warnings.append((draft.file, warning))
            }
        }
        let sorted = notes.sorted { $0.file < $1.file }
        let sortedWarnings = warnings.enumerated().sorted { a, b in
            a.element.file != b.element.file ? a.element.file < b.element.file : a.offset < b.offset
        }.map(\.element)
        var warningsByFile: [String: [Diagnostic]] = [:]
        for w in sortedWarnings where !(warningsByFile[w.file] ?? []).contains(w.diagnostic) {
            warningsByFile[w.file, default: []].append(w.diagnostic)
        }
        var uniqueWarnings: [Diagnostic] = []
        for w in sortedWarnings where !uniqueWarnings.contains(w.diagnostic) { uniqueWarnings.append(w.diagnostic) }
        return SupersedeResolution(
            supersededBy: supersededBy, diagnostics: sorted.map(\.diagnostic) + uniqueWarnings,
            diagnosticByFile: Dictionary(sorted.map { ($0.file, $0.diagnostic) }, uniquingKeysWith: { a, _ in a }),
            warningsByFile: warningsByFile)
    }

    /// The criterion name of the file times (in Chinese, for the message).
    static let byFileTime = "文件修改时间"
    /// The last resort: file name order, when nothing else tells the drafts apart.
    static let byFileName = "文件名"
    /// How the report and the inputs name two drafts nothing tells apart.
    public static let undecidable = "两个版本无法区分先后"

    /// Whether `draft` was left out only by file-name order (a parallel version, not an older one).
    public static func isParallel(_ draft: DraftExtraction) -> Bool {
        draft.supersededBy != nil
            && draft.diagnostics.contains { $0.code == .extractSupersedeUncertain && $0.message.hasPrefix(undecidable) }
    }

    /// The newest draft of a group and the criterion that singled it out (in Chinese, for the message).
    func newest(of group: [DraftSummary]) -> (DraftSummary, String) {
        var candidates = group
        let criteria: [(String, (DraftSummary) -> Double?)] = [
            ("文档属性中的修改时间", { $0.modified.flatMap(W3CDTF.seconds) }),
            ("稿次先后", { d in d.version.flatMap { versions.rank(of: $0) }.map(Double.init) }),
            (Self.byFileTime, { $0.fileModified?.timeIntervalSince1970 }),
        ]
        for (reason, key) in criteria {
            let values = candidates.map(key)
            guard values.allSatisfy({ $0 != nil }) else { continue }
            let top = values.compactMap { $0 }.max()!
            candidates = zip(candidates, values).filter { $0.1 == top }.map(\.0)
            if candidates.count == 1 { return (candidates[0], reason) }
        }
        return (candidates.max { $0.file < $1.file }!, Self.byFileName)
    }

    /// Seconds for a message: whole seconds, or one decimal below ten.
    static func seconds(_ x: Double) -> String {
        x >= 10 || x == x.rounded() ? String(Int(x.rounded())) : String((x * 10).rounded() / 10)
    }

    private static func versionNote(_ draft: DraftSummary) -> String {
        draft.version.map { "（\($0)）" } ?? ""
    }
}
