import Foundation

/// A small JSON Schema (2020-12 subset) validator for the schemas in Templates/schema:
/// `type` (string or array, "integer" included), `properties`, `required`,
/// `additionalProperties` (bool or schema), `items`, `enum`, `const`, `minimum`, `maximum`,
/// `minItems`, `minLength`, `pattern`, `$ref` to `#/$defs/…`, `anyOf`, `oneOf`, `allOf`.
/// An unknown keyword in a schema is an error, so a schema cannot silently promise more than
/// is checked.
public struct JSONSchemaValidator {
    public let schema: [String: Any]

    public init(schemaData: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: schemaData) as? [String: Any] else {
            throw SchemaError.invalidSchema("the schema is not an object")
        }
        schema = object
    }

    public enum SchemaError: Error, CustomStringConvertible {
        case invalidSchema(String)
        public var description: String {
            switch self {
            case .invalidSchema(let m): "invalid schema: \(m)"
            }
        }
    }

    static let known: Set<String> = [
        "$schema", "$id", "$defs", "title", "description", "$comment", "type", "properties", "required",
        "additionalProperties", "items", "enum", "const", "minimum", "maximum", "minItems", "minLength",
        "pattern", "$ref", "anyOf", "oneOf", "allOf", "examples", "default", "format",
    ]

    /// Every violation, as "path: message"; empty when `instance` is valid.
    public func validate(_ data: Data) throws -> [String] {
        let instance = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        var errors: [String] = []
        try check(instance, against: schema, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ ref: String) throws -> [String: Any] {
        guard ref.hasPrefix("#/$defs/"), let defs = schema["$defs"] as? [String: Any],
            let target = defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any]
        else {
            throw SchemaError.invalidSchema("unresolvable $ref \(ref)")
        }
        return target
    }

    private static func typeName(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if let n = value as? NSNumber {
            if String(cString: n.objCType) == "c" { return "boolean" }
            return n.doubleValue.rounded() == n.doubleValue ? "integer" : "number"
        }
        if value is String { return "string" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "unknown"
    }

    private func check(_ value: Any, against schema: [String: Any], path: String, errors: inout [String]) throws {
        for key in schema.keys where !Self.known.contains(key) {
            throw SchemaError.invalidSchema("unsupported keyword \(key) at \(path)")
        }
        if let ref = schema["$ref"] as? String {
            try check(value, against: resolve(ref), path: path, errors: &errors)
        }
        let actual = Self.typeName(value)
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String].compactMap { $0 }
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                errors.append("\(path): expected \(allowed.joined(separator: "|")), found \(actual)")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            errors.append("\(path): \(value) is not one of \(options)")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            errors.append("\(path): expected \(constant)")
        }
        if let n = value as? NSNumber, actual != "boolean" {
            if let min = schema["minimum"] as? NSNumber, n.doubleValue < min.doubleValue { errors.append("\(path): below \(min)") }
            if let max = schema["maximum"] as? NSNumber, n.doubleValue > max.doubleValue { errors.append("\(path): above \(max)") }
        }
        if let s = value as? String {
            if let min = schema["minLength"] as? Int, s.count < min { errors.append("\(path): shorter than \(min)") }
            if let pattern = schema["pattern"] as? String, s.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(path): \"\(s)\" does not match \(pattern)")
            }
        }
        if let array = value as? [Any] {
            if let min = schema["minItems"] as? Int, array.count < min { errors.append("\(path): fewer than \(min) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, item) in array.enumerated() { try check(item, against: items, path: "\(path)[\(i)]", errors: &errors) }
            }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                errors.append("\(path): missing required member \"\(name)\"")
            }
            for (name, member) in object {
                if let sub = properties[name] as? [String: Any] {
                    try check(member, against: sub, path: "\(path).\(name)", errors: &errors)
                } else if let extra = schema["additionalProperties"] {
                    if let allowed = extra as? Bool {
                        if !allowed { errors.append("\(path): unexpected member \"\(name)\"") }
                    } else if let sub = extra as? [String: Any] {
                        try check(member, against: sub, path: "\(path).\(name)", errors: &errors)
                    }
                }
            }
        }
        if let all = schema["allOf"] as? [[String: Any]] {
            for sub in all { try check(value, against: sub, path: path, errors: &errors) }
        }
        for (keyword, needExactlyOne) in [("anyOf", false), ("oneOf", true)] {
            guard let options = schema[keyword] as? [[String: Any]] else { continue }
            var passing = 0
            for sub in options {
                var local: [String] = []
                try check(value, against: sub, path: path, errors: &local)
                if local.isEmpty { passing += 1 }
            }
            if passing == 0 || (needExactlyOne && passing > 1) {
                errors.append("\(path): matches \(passing) of the \(keyword) alternatives")
            }
        }
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as String, let y as String): return x == y
        case (let x as NSNumber, let y as NSNumber): return x == y
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }
}
