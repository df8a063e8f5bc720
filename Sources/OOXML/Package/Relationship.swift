import DocumentModel
import PlanSupport

/// One `Relationship` of a relationships part (ECMA-376 Part 2, §9.3): the one type of a
/// relationship for the reader, `PackageContents` and the writers.
public struct Relationship: Sendable, Hashable {
    /// `Id`, unique within its part ("rId1").
    public var id: String
    public var type: RelationshipType
    /// `Target` as written (a URI reference).
    public var target: String
    /// `TargetMode="External"`: the target is a URI outside the package (a hyperlink, a linked
    /// file). It is never opened.
    public var isExternal: Bool
    /// The part the target names, resolved against the source part; nil for an external target
    /// and for one that is not a part of this package (it climbs above the root, has a URI
    /// scheme …). It may still name a part that is absent (a dangling relationship).
    public var targetPart: String?

    public init(id: String, type: RelationshipType, target: String, isExternal: Bool = false, targetPart: String? = nil) {
        self.id = id
        self.type = type
        self.target = target
        self.isExternal = isExternal
        self.targetPart = targetPart
    }

    /// The type after its namespace ("styles", "footer", "metadata/core-properties"), the same
    /// for Transitional and Strict.
    public var kind: String { type.kind }

    /// The relationships of `source` ("" for the package) in a relationships part read outside a
    /// package (a reference document kept unzipped): the same parsing and target resolution as
    /// the reader's; what the reader would report is dropped.
    public static func parse(relationshipsPart data: [UInt8], source: String, file: String) throws -> [Relationship] {
        var ignored: [Diagnostic] = []
        return try parse(
            data, part: PartName.relationshipsPart(of: source), source: source, file: file, limits: .default, diagnostics: &ignored)
    }

    /// Parses a relationships part strictly (`XMLPart`). `source` is the part whose
    /// relationships these are ("" for the package). Relationships without `Id`, `Type` or
    /// `Target`, and internal targets that cannot be parts, are reported in `diagnostics`; a
    /// root other than `Relationships` yields no relationships and a diagnostic.
    static func parse(
        _ data: [UInt8], part: String, source: String, file: String, limits: ReadLimits,
        diagnostics: inout [Diagnostic]
    ) throws -> [Relationship] {
        var found: [Relationship] = []
        var problems: [(code: DiagnosticCode, message: String)] = []
        let rootMatched = try XMLPart.withRoot(data, part: part, file: file, limits: limits) { root -> Bool in
            guard root.localName == "Relationships" else { return false }
            for child in root.children where child.localName == "Relationship" {
                guard let id = child.attribute("Id"), let type = child.attribute("Type"), let target = child.attribute("Target") else {
                    problems.append(
                        (.packageRelationshipIncomplete, "line \(child.line): a Relationship without Id, Type or Target; skipped"))
                    continue
                }
                let external = child.attribute("TargetMode") == "External"
                var relationship = Relationship(
                    id: id, type: RelationshipType(rawValue: type), target: target, isExternal: external, targetPart: nil)
                if !external {
                    switch PartName.resolve(target: target, from: source) {
                    case .part(let name):
                        relationship.targetPart = name
                    case .outsidePackage:
                        problems.append(
                            (
                                .packageRelationshipOutsidePackage,
                                "relationship \(id) (\(type)) targets \"\(target)\", which lies outside the package; ignored, nothing outside the package is ever opened"
                            ))
                    case .invalid(let why):
                        problems.append(
                            (
                                .packageRelationshipInvalidTarget,
                                "relationship \(id) (\(type)) has target \"\(target)\": \(why); ignored"
                            ))
                    }
                }
                found.append(relationship)
            }
            return true
        }
        if !rootMatched {
            problems.append((.packageRelationshipsUnexpectedRoot, "the root element is not Relationships; no relationship read"))
        }
        for problem in problems {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, code: problem.code, message: "\(part): \(problem.message)",
                    location: SourceLocation(part: part, path: "")))
        }
        return found
    }
}
