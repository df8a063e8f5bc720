/// Every diagnostic code, as a named constant with its usual severity, its audience and what it
/// means: the one table the README's “Diagnostics codes” section is generated from (a test
/// checks it). Stages name codes by these constants; which audience sees a diagnostic is decided
/// here, never by the code's spelling.
public struct DiagnosticCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Who acts on a diagnostic: the draft's editor (content, outline, topic), or someone
    /// technical (how the file is made: styles, numbering, package).
    public enum Audience: String, Sendable {
        case editor
        case technical
    }

    /// One row of the table.
    public struct Entry: Sendable {
        public var code: DiagnosticCode
        public var severity: Diagnostic.Severity
        public var audience: Audience
        /// What it means (English, for the README).
        public var meaning: String
    }

    /// The entry of this code; nil for a code that is not in the table (only tests make those).
    public var entry: Entry? { Self.byCode[self] }

    /// The audience; a code not in the table is shown to the editor (nothing is hidden by mistake).
    public var audience: Audience { entry?.audience ?? .editor }

    /// The severity the code is reported with.
    public var severity: Diagnostic.Severity { entry?.severity ?? .info }

    public static let readerSkippedElement: DiagnosticCode = "reader.skipped-element"
    public static let readerPartUnreadable: DiagnosticCode = "reader.part-unreadable"
    public static let readerCommentRangesLimit: DiagnosticCode = "reader.comment-ranges-limit"
    public static let packageNoContentTypes: DiagnosticCode = "package.no-content-types"
    public static let packageContentTypesUnreadable: DiagnosticCode = "package.content-types-unreadable"
    public static let packageContentTypesUnexpectedRoot: DiagnosticCode = "package.content-types-unexpected-root"
    public static let packageContentTypesSkippedElement: DiagnosticCode = "package.content-types-skipped-element"
    public static let packageMainPartNoContentType: DiagnosticCode = "package.main-part-no-content-type"
    public static let packageMainPartGenericContentType: DiagnosticCode = "package.main-part-generic-content-type"
    public static let packageUnsafeEntryName: DiagnosticCode = "package.unsafe-entry-name"
    public static let packageDanglingRelationship: DiagnosticCode = "package.dangling-relationship"
    public static let packageRelationshipsUnreadable: DiagnosticCode = "package.relationships-unreadable"
    public static let stylesUnexpectedRoot: DiagnosticCode = "styles.unexpected-root"
    public static let stylesUnknownStyle: DiagnosticCode = "styles.unknown-style"
    public static let numberingUndefinedNum: DiagnosticCode = "numbering.undefined-num"
    public static let numberingUndefinedLevel: DiagnosticCode = "numbering.undefined-level"
    public static let numberingUnknownFormat: DiagnosticCode = "numbering.unknown-format"
    public static let extractMissingSection: DiagnosticCode = "extract.missing-section"
    public static let extractEmptySection: DiagnosticCode = "extract.empty-section"
    public static let extractGoalsNoIndicator: DiagnosticCode = "extract.goals-no-indicator"
    public static let extractIndicatorNoYear: DiagnosticCode = "extract.indicator-no-year"
    public static let extractIndicatorUnparsed: DiagnosticCode = "extract.indicator-unparsed"
    public static let extractHeadingOrder: DiagnosticCode = "extract.heading-order"
    public static let extractHeadingStyleMismatch: DiagnosticCode = "extract.heading-style-mismatch"
    public static let extractTitleNotFound: DiagnosticCode = "extract.title-not-found"
    public static let extractUnresolvedRevisions: DiagnosticCode = "extract.unresolved-revisions"
    public static let extractOpenComment: DiagnosticCode = "extract.open-comment"
    public static let extractTopicUnknown: DiagnosticCode = "extract.topic-unknown"
    public static let extractTopicAmbiguous: DiagnosticCode = "extract.topic-ambiguous"
    public static let extractTopicNumberMismatch: DiagnosticCode = "extract.topic-number-mismatch"
    public static let extractOutOfScope: DiagnosticCode = "extract.out-of-scope"
    public static let extractSuperseded: DiagnosticCode = "extract.superseded"
    public static let extractSupersedeUncertain: DiagnosticCode = "extract.supersede-uncertain"
    public static let extractSafeguardsUnstructured: DiagnosticCode = "extract.safeguards-unstructured"
    public static let assemblyDuplicateTopic: DiagnosticCode = "assembly.duplicate-topic"
    public static let assemblyIndicatorUnitMismatch: DiagnosticCode = "assembly.indicator-unit-mismatch"
    public static let assemblyNoContent: DiagnosticCode = "assembly.no-content"
    public static let assemblySourceMissing: DiagnosticCode = "assembly.source-missing"
    public static let assemblyUnknownCategory: DiagnosticCode = "assembly.unknown-category"
    public static let buildDraftDateUnreadable: DiagnosticCode = "build.draft-date-unreadable"
    public static let buildSourceDateEpochInvalid: DiagnosticCode = "build.source-date-epoch-invalid"
    public static let packageRelationshipIncomplete: DiagnosticCode = "package.relationship-incomplete"
    public static let packageRelationshipOutsidePackage: DiagnosticCode = "package.relationship-outside-package"
    public static let packageRelationshipInvalidTarget: DiagnosticCode = "package.relationship-invalid-target"
    public static let packageRelationshipsUnexpectedRoot: DiagnosticCode = "package.relationships-unexpected-root"
    public static let stylesMissingStyleId: DiagnosticCode = "styles.missing-style-id"
    public static let stylesDuplicateStyle: DiagnosticCode = "styles.duplicate-style"
    public static let stylesUnknownStyleType: DiagnosticCode = "styles.unknown-style-type"
    public static let stylesUnknownBasedon: DiagnosticCode = "styles.unknown-basedon"
    public static let stylesBasedonCycle: DiagnosticCode = "styles.basedon-cycle"
    public static let stylesBasedonTooDeep: DiagnosticCode = "styles.basedon-too-deep"
    public static let stylesBasedonTypeMismatch: DiagnosticCode = "styles.basedon-type-mismatch"
    public static let numberingUnexpectedRoot: DiagnosticCode = "numbering.unexpected-root"
    public static let numberingMissingId: DiagnosticCode = "numbering.missing-id"
    public static let numberingDuplicateAbstract: DiagnosticCode = "numbering.duplicate-abstract"
    public static let numberingDuplicateNum: DiagnosticCode = "numbering.duplicate-num"
    public static let numberingMissingAbstract: DiagnosticCode = "numbering.missing-abstract"
    public static let numberingUnresolvedStyleLink: DiagnosticCode = "numbering.unresolved-style-link"
    public static let numberingStyleLinkCycle: DiagnosticCode = "numbering.style-link-cycle"

    /// Every code, in the order the README lists them.
    public static let all: [Entry] = [
        Entry(
            code: .readerSkippedElement, severity: .warning, audience: .editor,
            meaning: "an element whose content the reader does not interpret (counted per element name)"),
        Entry(
            code: .readerPartUnreadable, severity: .error, audience: .editor,
            meaning: "a secondary part (styles, numbering, notes, comments, properties) was malformed and skipped"),
        Entry(
            code: .readerCommentRangesLimit, severity: .warning, audience: .editor,
            meaning: "more open comment ranges than the reader follows; the rest are not anchored"),
        Entry(
            code: .packageNoContentTypes, severity: .warning, audience: .technical,
            meaning: "the package has no `[Content_Types].xml`; the main part is accepted by its relationship"),
        Entry(
            code: .packageContentTypesUnreadable, severity: .warning, audience: .technical,
            meaning: "`[Content_Types].xml` is malformed and ignored"),
        Entry(
            code: .packageContentTypesUnexpectedRoot, severity: .warning, audience: .technical,
            meaning: "`[Content_Types].xml` has another root element than `Types`"),
        Entry(
            code: .packageContentTypesSkippedElement, severity: .warning, audience: .technical,
            meaning: "an element of `[Content_Types].xml` that is neither `Default` nor `Override`"),
        Entry(
            code: .packageMainPartNoContentType, severity: .warning, audience: .technical,
            meaning: "no content type applies to the main part"),
        Entry(
            code: .packageMainPartGenericContentType, severity: .warning, audience: .technical,
            meaning: "the main part has a generic XML content type"),
        Entry(
            code: .packageUnsafeEntryName, severity: .warning, audience: .technical,
            meaning: "a zip entry with an unsafe name (absolute, `..`, backslash …) is ignored"),
        Entry(
            code: .packageDanglingRelationship, severity: .info, audience: .technical,
            meaning: "a relationship names a part that is not in the package, or lies outside it"),
        Entry(
            code: .packageRelationshipsUnreadable, severity: .error, audience: .technical,
            meaning: "a relationships part is malformed; the part has no relationships"),
        Entry(
            code: .packageRelationshipIncomplete, severity: .warning, audience: .technical,
            meaning: "a Relationship without Id, Type or Target; skipped"),
        Entry(
            code: .packageRelationshipOutsidePackage, severity: .warning, audience: .technical,
            meaning: "a relationship target outside the package; skipped"),
        Entry(
            code: .packageRelationshipInvalidTarget, severity: .warning, audience: .technical,
            meaning: "a relationship target that cannot be a part name; skipped"),
        Entry(
            code: .packageRelationshipsUnexpectedRoot, severity: .warning, audience: .technical,
            meaning: "a relationships part whose root is not `Relationships`; no relationship read"),
        Entry(
            code: .stylesUnexpectedRoot, severity: .warning, audience: .technical,
            meaning: "the styles part has another root element than `w:styles`"),
        Entry(
            code: .stylesUnknownStyle, severity: .warning, audience: .technical,
            meaning: "a paragraph or run names a style id the styles part does not define"),
        Entry(code: .stylesMissingStyleId, severity: .warning, audience: .technical, meaning: "a `w:style` without `w:styleId`; skipped"),
        Entry(
            code: .stylesDuplicateStyle, severity: .warning, audience: .technical, meaning: "a style id defined twice; the first is used"),
        Entry(
            code: .stylesUnknownStyleType, severity: .warning, audience: .technical, meaning: "a style of a type the reader does not know"),
        Entry(
            code: .stylesUnknownBasedon, severity: .warning, audience: .technical, meaning: "`w:basedOn` names a style that is not defined"),
        Entry(code: .stylesBasedonCycle, severity: .warning, audience: .technical, meaning: "a `w:basedOn` chain loops"),
        Entry(
            code: .stylesBasedonTooDeep, severity: .warning, audience: .technical,
            meaning: "a `w:basedOn` chain longer than the reader follows"),
        Entry(
            code: .stylesBasedonTypeMismatch, severity: .warning, audience: .technical, meaning: "`w:basedOn` names a style of another type"
        ),
        Entry(
            code: .numberingUndefinedNum, severity: .warning, audience: .technical,
            meaning: "a paragraph names a numbering instance that is not defined"),
        Entry(
            code: .numberingUndefinedLevel, severity: .warning, audience: .technical,
            meaning: "a paragraph names a numbering level that is not defined"),
        Entry(
            code: .numberingUnknownFormat, severity: .info, audience: .technical,
            meaning: "a numbering format the reader does not render (shown as decimal)"),
        Entry(
            code: .numberingUnexpectedRoot, severity: .warning, audience: .technical,
            meaning: "the numbering part's root is not `w:numbering`; numbering ignored"),
        Entry(
            code: .numberingMissingId, severity: .warning, audience: .technical,
            meaning: "a `w:abstractNum` or `w:num` without a valid id; skipped"),
        Entry(
            code: .numberingDuplicateAbstract, severity: .warning, audience: .technical,
            meaning: "an abstract numbering defined twice; the first is used"),
        Entry(
            code: .numberingDuplicateNum, severity: .warning, audience: .technical,
            meaning: "a numbering instance defined twice; the first is used"),
        Entry(
            code: .numberingMissingAbstract, severity: .warning, audience: .technical,
            meaning: "a numbering instance names no abstract numbering; skipped"),
        Entry(
            code: .numberingUnresolvedStyleLink, severity: .warning, audience: .technical,
            meaning: "a numbering style link that names no usable numbering; its own levels are used"),
        Entry(
            code: .numberingStyleLinkCycle, severity: .warning, audience: .technical,
            meaning: "a numbering style link chain loops; its own levels are used"),
        Entry(code: .extractMissingSection, severity: .warning, audience: .editor, meaning: "a required section (发展基础 … 保障措施) is absent"),
        Entry(code: .extractEmptySection, severity: .warning, audience: .editor, meaning: "a required section has no text"),
        Entry(code: .extractGoalsNoIndicator, severity: .warning, audience: .editor, meaning: "goals without figures"),
        Entry(code: .extractIndicatorNoYear, severity: .warning, audience: .editor, meaning: "a figure without target year"),
        Entry(code: .extractIndicatorUnparsed, severity: .warning, audience: .editor, meaning: "a table cell that is not a number"),
        Entry(code: .extractHeadingOrder, severity: .warning, audience: .editor, meaning: "headings out of order (outline problem)"),
        Entry(
            code: .extractHeadingStyleMismatch, severity: .info, audience: .editor,
            meaning: "a heading's style and its numbering disagree (outline problem)"),
        Entry(code: .extractTitleNotFound, severity: .info, audience: .editor, meaning: "no title paragraph was found (outline problem)"),
        Entry(code: .extractUnresolvedRevisions, severity: .warning, audience: .editor, meaning: "tracked changes left in the draft"),
        Entry(code: .extractOpenComment, severity: .info, audience: .editor, meaning: "comments left in the draft"),
        Entry(
            code: .extractTopicUnknown, severity: .warning, audience: .editor,
            meaning: "the catalog topic could not be decided: no candidate"),
        Entry(
            code: .extractTopicAmbiguous, severity: .warning, audience: .editor,
            meaning: "the catalog topic could not be decided: several candidates"),
        Entry(
            code: .extractTopicNumberMismatch, severity: .info, audience: .editor,
            meaning: "the number in the file name names another topic than the text"),
        Entry(
            code: .extractOutOfScope, severity: .warning, audience: .editor,
            meaning:
                "the draft names another region (吉林省, 长春市 …) and not 辽宁, or another plan period (十三五, 2016—2020年) and not 十四五, in its title, cover lines, document title or file name: no topic, never merged, never supersedes (`topic-matching.yaml` `scope`)"
        ),
        Entry(code: .extractSuperseded, severity: .info, audience: .editor, meaning: "a newer draft of the same topic exists"),
        Entry(
            code: .extractSupersedeUncertain, severity: .warning, audience: .editor,
            meaning:
                "only the files' modification times told two drafts of a topic apart, and they lie under `closeFileTimeSeconds` (versions.yaml, 60 s) apart, or nothing told them apart (两个版本无法区分先后: parallel versions, the file name order takes one, the other is not called older): both files are named"
        ),
        Entry(
            code: .extractSafeguardsUnstructured, severity: .info, audience: .editor,
            meaning: "a 保障措施 section with no recognisable measures"),
        Entry(
            code: .assemblyDuplicateTopic, severity: .warning, audience: .editor,
            meaning: "several current drafts of one topic: the first is used, the others are not merged"),
        Entry(
            code: .assemblyIndicatorUnitMismatch, severity: .warning, audience: .editor,
            meaning: "two drafts give one indicator in different units"),
        Entry(
            code: .assemblyNoContent, severity: .warning, audience: .editor,
            meaning: "the drafts' prose was not given, so 发展基础, 指导思想, 基本原则 and 重大项目 cannot be merged"),
        Entry(
            code: .assemblySourceMissing, severity: .warning, audience: .editor,
            meaning: "a source named by `master-outline.yaml` (line given) cannot be collected"),
        Entry(
            code: .assemblyUnknownCategory, severity: .warning, audience: .editor,
            meaning: "a category in the master outline's safeguard order is not in `safeguards.yaml`"),
        Entry(
            code: .buildDraftDateUnreadable, severity: .warning, audience: .technical,
            meaning: "a draft's modified date (`docProps/core.xml`) is not a W3CDTF date: it does not count for the plan's date"),
        Entry(
            code: .buildSourceDateEpochInvalid, severity: .warning, audience: .technical,
            meaning: "`SOURCE_DATE_EPOCH` is set but is not a whole number of seconds: ignored, the plan's date is the newest draft's"),
    ]

    static let byCode: [DiagnosticCode: Entry] = Dictionary(all.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })

    /// The README's table of codes (Markdown), generated from `all`.
    public static func markdownTable() -> String {
        var out = "| code | severity | for | meaning |\n| --- | --- | --- | --- |\n"
        for entry in all {
            out += "| `\(entry.code.rawValue)` | \(entry.severity.rawValue) | \(entry.audience.rawValue) | \(entry.meaning) |\n"
        }
        return out
    }
}

extension Diagnostic {
    /// A diagnostic with the severity its code is reported with.
    public init(_ code: DiagnosticCode, message: String, location: SourceLocation? = nil) {
        self.init(severity: code.severity, code: code, message: message, location: location)
    }

    /// Who acts on it (`DiagnosticCode.audience`).
    public var audience: DiagnosticCode.Audience { code.audience }
}
