import Foundation
import Yams

/// A template file that could not be used: names the file, the line and the reason.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is not tied to a line.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): \(message)"
    }
}

/// Loads a YAML template into a `Decodable` value; errors name the file and the line of the
/// offending node (Yams keeps each node's mark).
public enum TemplateLoader {
    /// Decodes the YAML file at `path`.
    public static func load<T: Decodable>(_ type: T.Type, from path: String) throws(TemplateError) -> T {
        try decode(type, yaml: text(of: path), file: path)
    }

    /// The text of the template file at `path`; an unreadable file names itself.
    public static func text(of path: String) throws(TemplateError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TemplateError(file: path, message: "cannot read the template: \(error.localizedDescription)")
        }
    }

    /// Decodes YAML text; `file` names it in errors.
    public static func decode<T: Decodable>(_ type: T.Type, yaml text: String, file: String) throws(TemplateError) -> T {
        let root = try compose(text, file: file)
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            let node = locate(path, in: root)
            let mark = node?.mark ?? root.mark
            let at = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw TemplateError(
                file: file, line: mark.map { $0.line }, column: mark.map { $0.column },
                message: (at.isEmpty ? "" : "at \(at.hasPrefix(".") ? String(at.dropFirst()) : at): ") + message)
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(file: file, line: root.mark?.line, message: "\(error)")
        }
    }

    /// Composes YAML text into a node tree; an empty or invalid text is refused with its line.
    public static func compose(_ text: String, file: String) throws(TemplateError) -> Node {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw TemplateError(file: file, line: 1, message: "the template is empty")
            }
            root = node
        } catch let error as TemplateError {
            throw error
        } catch let error as YamlError {
            throw TemplateError(file: file, line: YAMLErrorLine.line(of: error), message: "not valid YAML: \(error)")
        } catch {
            throw TemplateError(file: file, message: "not valid YAML: \(error)")
        }
        return root
    }

    private static func describe(_ error: DecodingError) -> ([CodingKey], String) {
        switch error {
        case .typeMismatch(let type, let ctx): return (ctx.codingPath, "expected \(type): \(ctx.debugDescription)")
        case .valueNotFound(let type, let ctx): return (ctx.codingPath, "missing value of type \(type)")
        case .keyNotFound(let key, let ctx): return (ctx.codingPath, "missing key \"\(key.stringValue)\"")
        case .dataCorrupted(let ctx): return (ctx.codingPath, ctx.debugDescription)
        @unknown default: return ([], "\(error)")
        }
    }

    /// The deepest node along `path` (so a missing key points at its mapping).
    private static func locate(_ path: [CodingKey], in root: Node) -> Node? {
        var node: Node? = root
        var found = root
        for key in path {
            guard let current = node else { break }
            if let index = key.intValue, let seq = current.sequence, index < seq.count {
                node = seq[index]
            } else if let map = current.mapping {
                node = map[key.stringValue]
            } else {
                node = nil
            }
            if let n = node { found = n }
        }
        return found
    }
}

/// Yams' parser and scanner errors carry a mark; pull the line out when there is one.
enum YAMLErrorLine {
    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }
}
