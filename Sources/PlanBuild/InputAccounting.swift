import Foundation
import OOXML
import PlanExtraction
import PlanModel

/// Every file of a drop folder accounted for: used, superseded, parallel (a version set aside
/// that nothing orders against the one taken), unassigned, rejected with its reason, or ignored — the `inputs` of the master plan and of the report.
public enum InputAccounting {
    /// Every file of the folder, in name order.
    public static func records(
        _ folder: DropFolder, drafts: [DraftExtraction], rejected: [String: DocxReadError], extractor: DraftExtractor,
        outputs: [String: String] = [:]
    ) -> [InputRecord] {
        let byFile = Dictionary(drafts.map { ($0.source.file, $0) }, uniquingKeysWith: { a, _ in a })
        var inputs: [InputRecord] = []
        for entry in folder.entries {
            if let reason = entry.ignoredBecause {
                inputs.append(InputRecord(file: entry.name, status: .ignored, reason: reason))
            } else if let error = rejected[entry.name] {
                inputs.append(
                    InputRecord(
                        file: entry.name, status: .rejected, reason: chineseReason(error.reason),
                        topic: extractor.topic(fromFileName: entry.name)))
            } else if let draft = byFile[entry.name] {
                defer { inputs[inputs.count - 1].output = outputs[entry.name] }
                if let newer = draft.supersededBy {
                    if SupersedeResolver.isParallel(draft) {
                        // Two versions nothing tells apart: set aside, not called older.
                        inputs.append(
                            InputRecord(
                                file: entry.name, status: .parallel,
                                reason: "\(SupersedeResolver.undecidable)：按文件名顺序采用《\(newer)》（请确认以哪一份为准）",
                                topic: draft.topic.id, sha256: draft.source.sha256, takenInstead: newer))
                    } else {
                        inputs.append(
                            InputRecord(
                                file: entry.name, status: .superseded, reason: "已有同一专题的更新稿件", topic: draft.topic.id,
                                sha256: draft.source.sha256, supersededBy: newer))
                    }
                } else if let topic = draft.topic.id {
                    inputs.append(InputRecord(file: entry.name, status: .used, topic: topic, sha256: draft.source.sha256))
                } else if let why = draft.topic.outOfScope {
                    inputs.append(InputRecord(file: entry.name, status: .unassigned, reason: why, sha256: draft.source.sha256))
                } else {
                    let candidates = draft.topic.candidates.map(\.id).joined(separator: "、")
                    inputs.append(
                        InputRecord(
                            file: entry.name, status: .unassigned,
                            reason: candidates.isEmpty ? "无法识别所属专题" : "无法确定所属专题（候选：\(candidates)）",
                            sha256: draft.source.sha256))
                }
            }
        }
        return inputs
    }

    /// The reader's reason for the office, in Chinese, with the technical text after it.
    public static func chineseReason(_ reason: DocxReadError.Reason) -> String {
        let what: String
        switch reason {
        case .io: what = "无法读取文件"
        case .emptyFile: what = "空文件（0 字节）"
        case .notAZip: what = "不是 Word 文档（.docx）"
        case .legacyDoc: what = "旧版 Word 97-2003 文档（.doc），请另存为 .docx"
        case .encryptedPackage: what = "文档设有密码保护，请取消密码后重新保存"
        case .compoundFile: what = "不是 Word 文档（OLE 复合文件）"
        case .lockFile: what = "Word 锁定文件，不是文档"
        case .openDocument: what = "OpenDocument 文档（.odt），请另存为 .docx"
        case .notWordprocessing: what = "不是文字处理文档（可能是表格或演示文稿）"
        case .truncatedZip: what = "文件不完整（可能复制或下载未完成）"
        case .corruptZip: what = "文件已损坏"
        case .encryptedEntries: what = "文档内容已加密"
        case .unsupportedCompression: what = "文件使用了不支持的压缩方式"
        case .sizeLimit, .tooManyEntries: what = "文档内容解压后超出大小限制（可能是恶意构造的压缩包）"
        case .fileTooLarge(let size, let limit): what = "文件过大（\(size / 1_048_576) MB，超过 \(limit / 1_048_576) MB 的上限）"
        case .textNodeLimit(_, _, let limit): what = "文档中有一段文字过长（单个文本节点超过 \(limit) 字节的上限），无法读取"
        case .duplicateEntry, .unicodePathConflict: what = "文件结构有歧义（含重名部件），已拒绝"
        case .missingMainPart: what = "文件缺少正文部件"
        case .xmlMalformed, .depthLimit: what = "文档内容格式错误"
        case .dtdForbidden: what = "文档含有不允许的 DTD 声明，已拒绝"
        case .invalidEncoding: what = "文档含有无效的字符编码"
        }
        return "\(what)（\(reason)）"
    }
}
