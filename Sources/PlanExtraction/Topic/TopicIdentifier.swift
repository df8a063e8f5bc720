import DocumentModel
import PlanSupport
import Foundation
import PlanModel
import PlanTemplates

/// Finds which catalog topic a draft is, from its file name, its `docProps/core.xml` title and
/// its title paragraphs, with the first lines of the body as a weak keyword signal.
///
/// Each of the three name signals is scored against every topic (`TopicPhraseScorer`: exact
/// occurrence of a topic's core or short name, else character-bigram similarity); the signals
/// that say something (best score ≥ `signalFloor`) are averaged with their weights; keywords
/// found in the lead text and a leading number in the file name close a small share of the
/// remaining gap. A draft
/// whose best score is below `accept`, or whose two best topics are closer than `margin`, gets
/// no id: it is reported, never guessed.
public struct TopicIdentifier: Sendable {
    public let catalog: Catalog
    public let rules: TopicMatchingRules
    private let text: TopicText
    private let scorer: TopicPhraseScorer

    public init(catalog: Catalog, rules: TopicMatchingRules, versions: VersionWords) {
        self.catalog = catalog
        self.rules = rules
        text = TopicText(rules: rules, versions: versions)
        scorer = TopicPhraseScorer(catalog: catalog, text: text, scores: rules.scores)
    }

    /// Signal names as they appear in `TopicMatch.matchedBy`.
    public enum Signal {
        public static let fileName = "fileName"
        public static let title = "title"
        public static let titleParagraph = "titleParagraph"
        public static let keywords = "keywords"
    }

    /// - Parameters:
    ///   - fileName: the file name as dropped (folders and extension are ignored).
    ///   - coreTitle: `docProps/core.xml` dc:title, nil or empty when absent.
    ///   - titleParagraphs: the title paragraph(s) at the top of the body (title, subtitle).
    ///   - leadText: the first ~500 characters of the body, for keywords only.
    public func identify(fileName: String, coreTitle: String?, titleParagraphs: [String], leadText: String) -> TopicMatch {
        let topics = catalog.topics
        guard !topics.isEmpty else { return TopicMatch() }
        let (hint, nameRest) = TopicText.leadingNumber(TopicText.stem(ofFileName: fileName))

        // A signal in which a topic's distinctive name occurs whole weighs more than one that only
        // resembles a name or holds weak words ("高新区" in the file name against "科技创新规划纲要").
        var signals: [(name: String, weight: Double, scores: [Double])] = []
        func add(_ name: String, _ weight: Double, _ texts: [String]) {
            let result = scorer.result(of: texts)
            let factor = result.exact.contains(true) ? rules.weights.exactFactor : 1
            signals.append((name, weight * factor, result.scores))
        }
        add(Signal.fileName, rules.weights.fileName, [nameRest])
        if let coreTitle, !coreTitle.trimmingWhitespace().isEmpty {
            add(Signal.title, rules.weights.title, [coreTitle])
        }
        let paragraphs = titleParagraphs.filter { !$0.trimmingWhitespace().isEmpty }
        if !paragraphs.isEmpty {
            add(Signal.titleParagraph, rules.weights.titleParagraph, paragraphs)
        }
        let informative = signals.filter { ($0.scores.max() ?? 0) >= rules.thresholds.signalFloor }
        let weightSum = informative.reduce(0) { $0 + $1.weight }

        let keywordHits = scorer.keywordHits(in: text.light(leadText))

        var combined: [Double] = []
        for index in topics.indices {
            let average =
                weightSum > 0
                ? informative.reduce(0) { $0 + $1.weight * $1.scores[index] } / weightSum : 0
            let keywordShare = min(1, Double(keywordHits[index]) / Double(rules.scores.keywordSaturation))
            let hinted = hint == topics[index].id ? 1.0 : 0.0
            let bonus = min(1, rules.scores.keywordBonus * keywordShare + rules.scores.numberHintBonus * hinted)
            combined.append(average + (1 - average) * bonus)
        }

        let ranked = topics.indices.sorted { combined[$0] != combined[$1] ? combined[$0] > combined[$1] : $0 < $1 }
        let candidates = ranked.prefix(3).filter { combined[$0] > 0 }.map {
            TopicCandidate(id: topics[$0].id, score: Self.rounded(combined[$0]))
        }
        guard let best = ranked.first else { return TopicMatch(candidates: candidates) }
        let bestScore = combined[best]
        let secondScore = ranked.count > 1 ? combined[ranked[1]] : 0
        guard bestScore >= rules.thresholds.accept, bestScore - secondScore >= rules.thresholds.margin else {
            return TopicMatch(candidates: candidates)
        }

        var matchedBy: [String] = []
        for signal in informative {
            let top = signal.scores.max() ?? 0
            let own = signal.scores[best]
            if own >= rules.thresholds.signalFloor, own >= top - rules.thresholds.margin { matchedBy.append(signal.name) }
        }
        if hint == topics[best].id, !matchedBy.contains(Signal.fileName) { matchedBy.insert(Signal.fileName, at: 0) }
        if keywordHits[best] > 0 { matchedBy.append(Signal.keywords) }
        return TopicMatch(
            id: topics[best].id, title: topics[best].title, confidence: Self.rounded(min(1, bestScore)),
            matchedBy: matchedBy, candidates: candidates)
    }

    /// What a planner should know about a match: an unknown or ambiguous draft, or a leading
    /// file number that names another topic than the one found.
    public func diagnostics(for match: TopicMatch, fileName: String) -> [Diagnostic] {
        let name = TopicText.stem(ofFileName: fileName)
        func describe(_ c: TopicCandidate) -> String {
            "专题\(c.id)“\(catalog.topic(c.id)?.title ?? c.id)”（\(Self.formatted(c.score))）"
        }
        guard let id = match.id else {
            let best = match.candidates.first?.score ?? 0
            if best >= rules.thresholds.accept, match.candidates.count >= 2 {
                let close = match.candidates.filter { best - $0.score < rules.thresholds.margin }
                return [
                    Diagnostic(
                        .extractTopicAmbiguous, message: "无法确定《\(fileName)》属于哪个专题：\(close.map(describe).joined(separator: "与"))得分接近，请人工指定。")
                ]
            }
            return [
                Diagnostic(
                    .extractTopicUnknown,
                    message: "无法识别《\(fileName)》对应的专题（最高得分 \(Self.formatted(best))，低于 \(Self.formatted(rules.thresholds.accept))），请人工指定。")
            ]
        }
        if let hint = TopicText.leadingNumber(name).hint, hint != id, catalog.topic(hint) != nil {
            return [
                Diagnostic(
                    .extractTopicNumberMismatch,
                    message: "《\(fileName)》文件名开头的编号 \(hint) 与按标题识别出的专题\(id)“\(catalog.topic(id)?.title ?? id)”不一致，以标题为准。")
            ]
        }
        return []
    }

    /// Whether the draft lies outside the plan (another region or period), judged on the names it
    /// gives itself: title lines, cover lines, document title, file name. Nil when in scope or
    /// when the rules set no scope.
    public func scopeFinding(fileName: String, coreTitle: String?, titleParagraphs: [String], coverLines: [String] = [])
        -> ScopeFinding?
    {
        guard let scope = rules.scope else { return nil }
        let texts = titleParagraphs + coverLines + [coreTitle ?? "", TopicText.stem(ofFileName: fileName)]
        return ScopeCheck(scope: scope).finding(in: texts.filter { !$0.isEmpty })
    }

    /// The short reason a draft outside the plan is not used ("外省（市）文稿（“吉林”）").
    public func scopeReason(_ finding: ScopeFinding) -> String {
        let named = finding.named.map { "“\($0)”" }.joined(separator: "、")
        switch finding.reason {
        case .region: return "不属于本规划范围：外省（市）文稿（\(named)）"
        case .period: return "不属于本规划范围：其他规划期文稿（\(named)）"
        }
    }

    /// The `extract.out-of-scope` warning for a draft outside the plan.
    public func diagnostic(for finding: ScopeFinding, fileName: String) -> Diagnostic {
        let named = finding.named.map { "“\($0)”" }.joined(separator: "、")
        let scope = rules.scope
        let plan = "\(scope?.region ?? "")“\(scope?.period ?? "")”"
        let why: String
        switch finding.reason {
        case .region:
            why = "标题、封面或文件名写的是\(named)，没有“\(scope?.region ?? "本省")”，是外省（市）的文稿"
        case .period:
            why = "标题、封面或文件名写的是\(named)规划期，不是“\(scope?.period ?? "")”，是其他规划期的文稿"
        }
        return Diagnostic(.extractOutOfScope, message: "《\(fileName)》\(why)，不在\(plan)规划范围内：不识别专题，不参与汇总，也不会取代本期稿件。如确属本期稿件，请修改标题或文件名。")
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func formatted(_ x: Double) -> String {
        let r = rounded(x)
        return r == r.rounded() ? String(Int(r)) : String(r)
    }
}
