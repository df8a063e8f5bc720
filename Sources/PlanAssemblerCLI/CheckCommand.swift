import ArgumentParser
import Foundation
import OOXML
import PlanBuild
import PlanExtraction
import PlanModel
import PlanTemplates
import DocumentModel
import PlanSupport

/// `plan-assembler check`: a short Chinese summary of each draft for its editor.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Summarize drafts for their editors (in Chinese): topic, what was found, what is missing, problems with locations.",
        discussion: "Exit status 0 when every file was read (problems are listed, not fatal), 1 when one could not be read."
    )

    @OptionGroup var drafts: DraftFileOptions

    func run() async throws {
        let set = try loadTemplates(drafts.templates)
        var failed = false
        var first = true
        for outcome in await DraftFiles(templates: set).extract(drafts.files) {
            if !first { print("") }
            first = false
            switch outcome {
            case .failed(let file, let error):
                failed = true
                print("草稿：\(MessageText.escaped(file))\n  无法读取：\(MessageText.escaped("\(error.reason)"))")
                FileHandle.standardError.write(Data(BuildLines.fileError(error.file, reason: "\(error.reason)").utf8))
            case .extracted(let draft):
                print(CheckSummary.render(draft, templates: set), terminator: "")
            }
        }
        if failed { throw ExitStatus.inputFailed }
    }
}

/// The editor's summary of one draft.
public enum CheckSummary {
    static let sectionNames: [(SectionKind, String)] = SectionKind.allCases.map { ($0, $0.chineseName) }

    public static func render(_ d: DraftExtraction, templates: TemplateSet) -> String {
        // File names are escaped (control characters shown as \u{…}): a name never drives the terminal.
        var out = "草稿：\(MessageText.escaped(d.source.file))\n"
        if let id = d.topic.id, let topic = templates.catalog.topic(id) {
            let by = d.topic.matchedBy.map(signalName).joined(separator: "、")
            out += "  识别为：\(topicLabel(id))“\(topic.title)”（置信度 \(percent(d.topic.confidence))，依据：\(by)）\n"
        } else if let why = d.topic.outOfScope {
            out += "  识别为：\(why)，不参与汇总\n"
        } else {
            let candidates = d.topic.candidates.map { "\(topicLabel($0.id))（\(percent($0.score))）" }.joined(separator: "、")
            out += "  识别为：未能确定专题" + (candidates.isEmpty ? "" : "，候选：\(candidates)") + "，请在文件名或标题中写明专题名称\n"
        }
        var version = d.version ?? "未注明稿次"
        if let modified = d.source.modified { version += "，文档修改时间 \(modified.prefix(10))" }
        out += "  稿次：\(version)\n"
        if let taken = d.supersededBy, SupersedeResolver.isParallel(d) {
            out += "  注意：与《\(MessageText.escaped(taken))》两个版本无法区分先后，按文件名顺序采用了后者，本稿不参与汇总（请确认以哪一份为准）\n"
        } else if let newer = d.supersededBy {
            out += "  注意：已有更新的稿件《\(MessageText.escaped(newer))》，本稿不参与汇总\n"
        }

        let found = Set(d.sections.map(\.kind))
        let marks = sectionNames.filter { $0.0 != .projects && $0.0 != .appendix || found.contains($0.0) }
            .map { found.contains($0.0) ? "\($0.1)✓" : "\($0.1)✗" }
        out += "  章节：\(marks.joined(separator: "  "))\n"

        let prose = d.indicators.filter { $0.from == "prose" }.count
        let subtasks = d.tasks.reduce(0) { $0 + $1.children.count }
        out += "  内容：发展目标 \(d.goals.count) 条；定量指标 \(d.indicators.count) 项（正文 \(prose)，表格 \(d.indicators.count - prose)）；"
        out += "重点任务 \(d.tasks.count) 项（下设 \(subtasks) 项）；保障措施 \(d.safeguards.count) 项\n"
        if d.revisions.unresolved || d.revisions.comments > 0 {
            out += "  修订与批注：未处理修订 插入 \(d.revisions.insertions) 处、删除 \(d.revisions.deletions) 处；批注 \(d.revisions.comments) 条\n"
        }

        // What an editor can act on (`DiagnosticCode.Audience.editor`: extraction findings, and
        // reader findings where content was not read); the technical notes (styles, numbering,
        // package) are only counted.
        let listed = { (p: PlanSupport.Diagnostic) in p.audience == .editor }
        let problems = d.diagnostics.filter(listed)
            .sorted { ($0.severity, $1.location?.paragraphIndex ?? -1) > ($1.severity, $0.location?.paragraphIndex ?? -1) }
        let technical = d.diagnostics.count - problems.count
        if problems.isEmpty {
            out += "  问题：无\n"
        } else {
            out += "  问题（\(problems.count)）：\n"
            for p in problems {
                let place = p.location?.paragraphIndex.map { "第 \($0 + 1) 段" } ?? ""
                out += "    [\(severityName(p.severity))] \(p.message)" + (place.isEmpty ? "" : "（\(place)）") + "  〔\(p.code)〕\n"
            }
        }
        if technical > 0 {
            out += "  另有 \(technical) 条文件格式方面的技术提示（样式、编号、程序包），不影响内容识别，详见 extract 输出的 JSON\n"
        }
        return out
    }

    static func topicLabel(_ id: String) -> String { CatalogLabel.topic(id) }
    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
    static func signalName(_ s: String) -> String {
        switch s {
        case "fileName": "文件名"
        case "title": "文档属性标题"
        case "titleParagraph": "正文标题"
        case "keywords": "关键词"
        default: s
        }
    }
    static func severityName(_ s: PlanSupport.Diagnostic.Severity) -> String {
        switch s {
        case .error: "错误"
        case .warning: "警告"
        case .info: "提示"
        }
    }
}
