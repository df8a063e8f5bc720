import ArgumentParser
import Foundation
import PlanBuild

/// `plan-assembler generate-manual`: the man page, made from the help text of every command, so
/// the manual says what `--help` says and nothing else (`make install` writes it to
/// share/man/man1/plan-assembler.1).
struct GenerateManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the man page (roff), generated from the help of every command.",
        shouldDisplay: false
    )

    func run() throws {
        print(ManualPage.render(), terminator: "")
    }
}

/// The help screens of `PlanAssemblerCommand` and its subcommands, rendered as one man page.
enum ManualPage {
    /// A help screen split into its parts.
    struct Help {
        var overview = ""
        var discussion: [String] = []
        var usage = ""
        /// Section title ("ARGUMENTS", "OPTIONS", "SUBCOMMANDS") → (label, description).
        var sections: [(title: String, entries: [(label: String, text: String)])] = []
    }

    /// Help text as ArgumentParser prints it, with lines wide enough never to wrap.
    static func helpText(_ command: ParsableCommand.Type) -> String {
        ObjectIdentifier(command) == ObjectIdentifier(PlanAssemblerCommand.self)
            ? PlanAssemblerCommand.helpMessage(includeHidden: false, columns: 10_000)
            : PlanAssemblerCommand.helpMessage(for: command, includeHidden: false, columns: 10_000)
    }

    /// Parses a help screen: `OVERVIEW:` and the paragraphs after it, `USAGE:`, then sections of
    /// entries (`  label   description`, the description on the next line when the label is long).
    static func parse(_ text: String) -> Help {
        var help = Help()
        var section: String?
        var pending: String?
        func add(_ label: String, _ text: String) {
            help.sections[help.sections.count - 1].entries.append((label, text))
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let colon = raw.firstIndex(of: ":"), !raw.hasPrefix(" "),
                raw[..<colon].allSatisfy({ $0.isUppercase || $0 == " " }), !raw[..<colon].isEmpty
            {
                if let label = pending { add(label, "") }
                pending = nil
                let title = String(raw[..<colon])
                let rest = raw[raw.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch title {
                case "OVERVIEW": help.overview = rest; section = title
                case "USAGE": help.usage = rest; section = title
                default: help.sections.append((title, [])); section = title
                }
                continue
            }
            guard !line.isEmpty else { continue }
            switch section {
            case "OVERVIEW":
                help.discussion.append(line)
            case "USAGE":
                help.usage += " " + line
            case .some:
                if line.hasPrefix("See '") { continue }
                let indent = raw.prefix { $0 == " " }.count
                if indent <= 2 {
                    if let label = pending { add(label, "") }
                    if let gap = line.range(of: "  ") {
                        add(String(line[..<gap.lowerBound]), line[gap.upperBound...].trimmingCharacters(in: .whitespaces))
                        pending = nil
                    } else {
                        pending = line
                    }
                } else if let label = pending {
                    add(label, line)
                    pending = nil
                } else if !help.sections[help.sections.count - 1].entries.isEmpty {
                    let last = help.sections[help.sections.count - 1].entries.count - 1
                    help.sections[help.sections.count - 1].entries[last].text += " " + line
                }
            case nil:
                help.discussion.append(line)
            }
        }
        if let label = pending { add(label, "") }
        return help
    }

    /// Every command below `command` that is shown in help, depth first (not the `help` command).
    static func commands(under command: ParsableCommand.Type) -> [ParsableCommand.Type] {
        command.configuration.subcommands.filter { $0.configuration.shouldDisplay }.flatMap { [$0] + commands(under: $0) }
    }

    /// The command's full name: "plan-assembler templates export".
    static func name(of command: ParsableCommand.Type) -> String {
        func path(_ parent: ParsableCommand.Type, _ prefix: String) -> String? {
            for sub in parent.configuration.subcommands {
                let name = prefix + " " + (sub.configuration.commandName ?? "")
                if ObjectIdentifier(sub) == ObjectIdentifier(command) { return name }
                if let found = path(sub, name) { return found }
            }
            return nil
        }
        let root = PlanAssemblerCommand.configuration.commandName ?? "plan-assembler"
        return ObjectIdentifier(command) == ObjectIdentifier(PlanAssemblerCommand.self)
            ? root : path(PlanAssemblerCommand.self, root) ?? root
    }

    /// The man page.
    static func render() -> String {
        let root = parse(helpText(PlanAssemblerCommand.self))
        var out = ".\\\" Generated by `plan-assembler generate-manual` from the help text. Do not edit.\n"
        out += ".TH \"PLAN-ASSEMBLER\" \"1\" \"\" \"plan-assembler \(ToolIdentity.version)\" \"User Commands\"\n"
        out += ".SH NAME\n" + escape("plan-assembler - " + root.overview) + "\n"
        out += ".SH SYNOPSIS\n"
        for command in commands(under: PlanAssemblerCommand.self) where command.configuration.subcommands.isEmpty {
            out += ".PP\n" + usage(parse(helpText(command)).usage) + "\n"
        }
        out += ".PP\n" + usage(root.usage.replacingOccurrences(of: " <subcommand>", with: "")) + "\n"
        out += ".SH DESCRIPTION\n" + root.discussion.map { escape($0) }.joined(separator: "\n.PP\n") + "\n"
        out += entries(root.sections.filter { $0.title != "SUBCOMMANDS" }.flatMap(\.entries), title: "OPTIONS")
        out += ".SH COMMANDS\n"
        for command in commands(under: PlanAssemblerCommand.self) {
            let help = parse(helpText(command))
            out += ".SS \"\(escape(name(of: command)))\"\n" + escape(help.overview) + "\n"
            for paragraph in help.discussion { out += ".PP\n" + escape(paragraph) + "\n" }
            out += ".PP\n" + usage(help.usage) + "\n"
            for section in help.sections {
                out += ".PP\n\\fI\(escape(section.title.capitalized)):\\fR\n"
                for entry in section.entries { out += ".TP\n\\fB\(escape(entry.label))\\fR\n\(escape(entry.text))\n" }
            }
        }
        return out
    }

    private static func entries(_ list: [(label: String, text: String)], title: String) -> String {
        guard !list.isEmpty else { return "" }
        var out = ".SH \(title)\n"
        for entry in list { out += ".TP\n\\fB\(escape(entry.label))\\fR\n\(escape(entry.text))\n" }
        return out
    }

    /// "USAGE: plan-assembler build [<inputs>] …" with the command in bold.
    private static func usage(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let command = words.prefix { !$0.hasPrefix("-") && !$0.hasPrefix("[") && !$0.hasPrefix("<") }
        let rest = words.dropFirst(command.count)
        return "\\fB\(escape(command.joined(separator: " ")))\\fR" + (rest.isEmpty ? "" : " " + escape(rest.joined(separator: " ")))
    }

    /// Text safe in roff: backslashes and hyphens escaped, no control line by accident.
    static func escape(_ text: String) -> String {
        var out = text.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }
}
