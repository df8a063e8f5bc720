import DocumentModel
import PlanSupport
import Foundation
import PlanTemplates

/// Finds the version word of a draft (初稿, 征求意见稿, 修改稿 …, `Templates/versions.yaml`) in
/// its file name and title paragraphs: "（修改稿）", "修改稿-1020", "-初稿0915", "二稿".
public struct VersionDetector: Sendable {
    public let words: VersionWords
    private let spellings: [(spelling: String, name: String)]

    public init(words: VersionWords) {
        self.words = words
        spellings = words.spellings
    }

    /// The canonical version name, nil when neither the file name nor the title paragraphs
    /// carry one. When several are found (in one text, or the file name and the subtitle
    /// disagree) the newest is returned: a draft is at least as far along as its latest label.
    public func version(fileName: String, titleParagraphs: [String]) -> String? {
        let found = versions(in: TopicText.stem(ofFileName: fileName)) + titleParagraphs.flatMap { versions(in: $0) }
        return found.max { (words.rank(of: $0) ?? -1) < (words.rank(of: $1) ?? -1) }
    }

    /// Every version named in `text` (longest spellings first, a matched span is not reused:
    /// "征求意见稿" does not also count as "征求意见").
    public func versions(in text: String) -> [String] {
        var remaining = TopicText.halfWidth(text).filter { !$0.isWhitespace }
        var found: [String] = []
        for (spelling, name) in spellings where remaining.containsText(spelling) {
            remaining = remaining.replacingText(spelling, with: "|")
            if !found.contains(name) { found.append(name) }
        }
        return found
    }

    /// Rank of a canonical version name (0 = oldest), nil for an unknown name.
    public func rank(of version: String) -> Int? { words.rank(of: version) }
}
