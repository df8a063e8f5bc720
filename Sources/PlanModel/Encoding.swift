// The JSON interface keeps a few members present even when they are null, so consumers can
// rely on them (`supersededBy`, `version`, `topic.id`); the synthesized encoders would omit them.

extension DraftExtraction {
    enum CodingKeys: String, CodingKey {
        case schemaVersion, source, topic, version, supersededBy, outline, sections, goals, indicators, tasks,
            safeguards, revisions, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(source, forKey: .source)
        try c.encode(topic, forKey: .topic)
        try c.encode(version, forKey: .version)
        try c.encode(supersededBy, forKey: .supersededBy)
        try c.encode(outline, forKey: .outline)
        try c.encode(sections, forKey: .sections)
        try c.encode(goals, forKey: .goals)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(safeguards, forKey: .safeguards)
        try c.encode(revisions, forKey: .revisions)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

extension TopicMatch {
    enum CodingKeys: String, CodingKey {
        case id, title, confidence, matchedBy, candidates, outOfScope
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(matchedBy, forKey: .matchedBy)
        try c.encode(candidates, forKey: .candidates)
        try c.encodeIfPresent(outOfScope, forKey: .outOfScope)
    }
}
