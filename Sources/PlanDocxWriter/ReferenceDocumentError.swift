/// Why a reference document cannot serve as the template of the consolidated DOCX. The
/// descriptions are for the planning office, in Chinese, and name the file and the part.
public enum ReferenceDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file or directory could not be read (not a Word document, damaged, absent …).
    case unreadable(origin: String, reason: String)
    /// A part the writer takes from the reference is absent (`purpose` says what it is for).
    case missingPart(origin: String, part: String, purpose: String)
    /// A part is not well-formed XML or has the wrong root element.
    case malformedPart(origin: String, part: String, reason: String)
    /// A paragraph style the writer needs is not defined (by its built-in name, e.g. "heading 2").
    case missingStyle(origin: String, name: String)
    /// A header or footer reference of the page setup names no part of the reference.
    case danglingReference(origin: String, id: String)
    /// A Strict OOXML document: its parts cannot be combined with the Transitional parts the
    /// writer generates.
    case strictConformance(origin: String)

    public var description: String {
        switch self {
        case .unreadable(let origin, let reason):
            "参考文档 \(origin) 无法读取：\(reason)"
        case .missingPart(let origin, let part, let purpose):
            "参考文档 \(origin) 缺少 \(part)（\(purpose)）"
        case .malformedPart(let origin, let part, let reason):
            "参考文档 \(origin) 的 \(part) 无法解析：\(reason)"
        case .missingStyle(let origin, let name):
            "参考文档 \(origin) 的 word/styles.xml 未定义样式“\(name)”（写入规划纲要需要此样式）"
        case .danglingReference(let origin, let id):
            "参考文档 \(origin) 的页面设置引用了页眉或页脚 \(id)，但文档中没有该部件"
        case .strictConformance(let origin):
            "参考文档 \(origin) 为 Strict Open XML 格式，请在 Word 中另存为“Word 文档 (*.docx)”后再用"
        }
    }
}
