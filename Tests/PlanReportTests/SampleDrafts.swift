import DocumentModel
import PlanSupport
import PlanModel

/// What the sample plan knows of each received draft: taken from a run of
/// `plan-assembler extract` over Inputs/ (file, version, date, counts, problems with their
/// places), with three catalog entries left without a usable draft.
enum SampleDrafts {
    struct Draft {
        var topic: String
        var file: String
        var version: String?
        var modified: String
        var counts: (goals: Int, indicators: Int, tasks: Int, safeguards: Int)
        var missingSections: [String] = []
    }

    /// Catalog entries of the sample without a current draft.
    static let missing: Set<String> = ["24", "S3", "S5"]

    static let drafts: [Draft] = [
        .init(topic: "1", file: "辽宁省科技发展总体战略研究及规划（送审稿）.docx", version: "送审稿", modified: "2020-10-28T17:40:00Z", counts: (3, 36, 6, 6)),
        .init(
            topic: "2", file: "辽宁省科技体制改革与创新体系建设“十四五”规划（征求意见稿）.docx", version: "征求意见稿", modified: "2020-09-18T15:50:00Z",
            counts: (3, 12, 5, 5)),
        .init(topic: "3", file: "高新区科技发展规划 修改稿.docx", version: "修改稿", modified: "2020-09-30T11:20:00Z", counts: (3, 12, 5, 6)),
        .init(
            topic: "4", file: "沈大国家自主创新示范区科技发展“十四五”规划 （修改稿）.docx", version: "修改稿", modified: "2020-10-16T10:35:00Z", counts: (3, 12, 5, 6)),
        .init(
            topic: "5", file: "5 沈大鞍国家科技成果转移转化示范区科技发展规划（征求意见稿）.docx", version: "征求意见稿", modified: "2020-09-25T16:10:00Z",
            counts: (3, 13, 5, 5)),
        .init(
            topic: "6", file: "6.辽宁省科技创新基地平台建设规划（2021-2035年）.docx", version: nil, modified: "2020-08-31T09:45:00Z", counts: (3, 19, 5, 5)),
        .init(topic: "7", file: "draft-07.docx", version: nil, modified: "2020-09-21T18:30:00Z", counts: (3, 10, 4, 5)),
        .init(
            topic: "8", file: "辽宁省高新技术产业科技发展规划（2021—2035年）  修改稿.docx", version: "修改稿", modified: "2020-10-09T09:05:00Z",
            counts: (2, 13, 6, 5)),
        .init(
            topic: "9", file: "辽宁省先进装备制造领域科技发展战略研究及规划 （2020年9月）.docx", version: nil, modified: "2020-09-27T20:15:00Z", counts: (3, 14, 5, 5)
        ),
        .init(topic: "10", file: "10-新材料领域科技发展规划（征求意见稿）.docx", version: "征求意见稿", modified: "2020-09-10T15:40:00Z", counts: (3, 14, 5, 5)),
        .init(topic: "11", file: "能源领域科技发展规划（修改稿）-20201020.docx", version: "修改稿", modified: "2020-10-20T14:55:00Z", counts: (2, 12, 5, 5)),
        .init(
            topic: "12", file: "辽宁省交通领域科技发展战略研究及规划(征求意见稿).docx", version: "征求意见稿", modified: "2020-09-29T17:45:00Z", counts: (3, 11, 5, 6)),
        .init(topic: "13", file: "新一代信息技术领域科技发展规划  修改稿.docx", version: "修改稿", modified: "2020-10-12T16:25:00Z", counts: (3, 14, 5, 5)),
        .init(
            topic: "14", file: "辽宁省人工智能领域科技发展“十四五”规划（征求意见稿）.docx", version: "征求意见稿", modified: "2020-09-07T09:45:00Z", counts: (2, 13, 4, 6)
        ),
        .init(topic: "15", file: "辽宁省生物技术及产业科技发展十四五规划 .docx", version: nil, modified: "2020-09-18T08:05:00Z", counts: (3, 12, 4, 5)),
        .init(topic: "16", file: "16 生物医药领域科技发展规划（2021-2035）.docx", version: nil, modified: "2020-10-09T03:50:00Z", counts: (3, 19, 4, 5)),
        .init(topic: "17", file: "17-卫生健康领域科技发展规划（修改稿）.docx", version: "修改稿", modified: "2020-10-16T02:35:00Z", counts: (3, 12, 5, 5)),
        .init(topic: "18", file: "社会发展科技创新“十四五”规划(征求意见稿).docx", version: "征求意见稿", modified: "2020-09-30T07:20:00Z", counts: (3, 10, 5, 5)),
        .init(
            topic: "19", file: "资源环境领域科技发展规划-初稿0915.docx", version: "初稿", modified: "2020-09-15T10:40:00Z", counts: (3, 13, 5, 0),
            missingSections: ["safeguards"]),
        .init(topic: "20", file: "辽宁省海洋领域科技发展规划（2021－2035年）.docx", version: nil, modified: "2020-09-24T12:00:00Z", counts: (3, 19, 5, 5)),
        .init(topic: "21", file: "公共安全科技规划 征求意见稿.docx", version: "征求意见稿", modified: "2020-09-28T08:15:00Z", counts: (3, 13, 5, 6)),
        .init(topic: "22", file: "城镇化与城市发展科技创新规划（修改稿）  .docx", version: "修改稿", modified: "2020-10-20T06:10:00Z", counts: (3, 13, 5, 5)),
        .init(topic: "23", file: "23.农业农村科技发展“十四五”规划.docx", version: nil, modified: "2020-09-11T05:25:00Z", counts: (3, 22, 5, 5)),
        .init(
            topic: "25", file: "辽宁省现代食品加工领域科技发展规划 （2021-2035年）初稿.docx", version: "初稿", modified: "2020-08-27T17:05:00Z",
            counts: (3, 12, 5, 5)),
        .init(topic: "26", file: "科技服务业发展规划（征求意见稿）.docx", version: "征求意见稿", modified: "2020-09-18T15:42:00Z", counts: (3, 9, 6, 6)),
        .init(topic: "27", file: "辽宁省创新创业和成果转化“十四五”规划 修改稿.docx", version: "修改稿", modified: "2020-10-09T11:35:00Z", counts: (3, 12, 5, 5)),
        .init(topic: "28", file: "辽宁省科技人才与基础科学发展规划  终稿.docx", version: "终稿", modified: "2020-10-22T09:50:00Z", counts: (3, 10, 5, 5)),
        .init(topic: "29", file: "【对外合作】科技对外开放合作规划（讨论稿）.docx", version: "讨论稿", modified: "2020-10-13T17:20:00Z", counts: (3, 15, 5, 5)),
        .init(topic: "S1", file: "S1 区域科技发展战略研究报告.docx", version: nil, modified: "2020-09-02T16:10:00Z", counts: (3, 6, 5, 5)),
        .init(
            topic: "S2", file: "“一带五基地”建设科技发展战略研究（征求意见稿）.docx", version: "征求意见稿", modified: "2020-09-29T10:05:00Z", counts: (3, 10, 4, 5)),
        .init(topic: "S4", file: "S4 科技投入与绩效评价问题研究.docx", version: nil, modified: "2020-09-30T18:45:00Z", counts: (3, 9, 4, 5)),
        .init(topic: "S6", file: "辽宁省科技型中小企业发展问题研究 终稿.docx", version: "终稿", modified: "2020-10-28T16:40:00Z", counts: (3, 6, 5, 6)),
    ]

    /// Older drafts replaced by a newer one of the same topic.
    static let superseded: [(topic: String, file: String, by: String)] = [
        ("13", "辽宁省新一代信息技术领域科技发展“十四五”规划（初稿）.docx", "新一代信息技术领域科技发展规划  修改稿.docx"),
        ("21", "辽宁省公共安全领域科技发展规划（初稿）.docx", "公共安全科技规划 征求意见稿.docx"),
    ]

    struct Problem {
        var topic: String
        var severity: Diagnostic.Severity
        var code: String
        var message: String
        var paragraph: Int?
        var headingPath: [String] = []
        var part = "word/document.xml"
    }

    static let revisions = "文档含有未处理的修订（插入 1 处，删除 1 处）；已按“接受全部修订”读取，请定稿前接受或拒绝"
    static let tableStyle = "style Table is based on unknown style TableNormal"

    static let problems: [Problem] = [
        .init(
            topic: "1", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（审稿人）：建议补充与江苏、浙江、湖北等先进省份的对比数据，增强说服力。", paragraph: 16,
            headingPath: ["一、发展基础与面临形势", "（二）存在的主要问题"]),
        .init(
            topic: "4", severity: .warning, code: "extract.unresolved-revisions", message: revisions, paragraph: 28,
            headingPath: ["二、总体要求", "（三）发展目标"]),
        .init(
            topic: "4", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（省科技厅高新处）：基金规模和出资比例待省财政厅确认。（批注内容所指：“设立沈大自创区创新发展引导基金”）",
            paragraph: 107, headingPath: ["四、保障措施", "（四）加大财政投入"]),
        .init(
            topic: "4", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（省科技厅高新处）：请与省统计局核实2020年预计数，定稿前补充具体数据。", paragraph: 6,
            headingPath: ["一、发展基础与面临形势", "（一）建设成效"]),
        .init(topic: "6", severity: .warning, code: "styles.unknown-basedon", message: tableStyle, paragraph: nil, part: "word/styles.xml"),
        .init(
            topic: "9", severity: .warning, code: "extract.indicator-no-year",
            message: "指标“R&D 经费 <内部支出> 占比”（\"2.5%\"）所在句子未写明目标年份", paragraph: 41,
            headingPath: ["二、总体要求", "（三）发展目标"]),
        .init(
            topic: "11", severity: .warning, code: "extract.unresolved-revisions", message: revisions, paragraph: 16,
            headingPath: ["二、总体要求", "（一）指导思想"]),
        .init(
            topic: "14", severity: .warning, code: "extract.empty-section", message: "“五、重大工程”部分没有正文内容", paragraph: 88,
            headingPath: []),
        .init(
            topic: "14", severity: .warning, code: "styles.unknown-basedon", message: tableStyle, paragraph: nil, part: "word/styles.xml"),
        .init(
            topic: "16", severity: .error, code: "reader.part-unreadable",
            message: "脚注部分（word/footnotes.xml）无法读取：XML 格式错误，脚注内容未读入", paragraph: nil, part: "word/footnotes.xml"),
        .init(
            topic: "16", severity: .warning, code: "extract.heading-order",
            message: "标题“（五）生物医药产业集群”在“（三）创新药物研发”之后，序号应为 （四），实为 （五）", paragraph: 64,
            headingPath: ["三、重点任务"]),
        .init(
            topic: "17", severity: .warning, code: "extract.unresolved-revisions",
            message: "文档含有未处理的修订（插入 13 处，删除 2 处）；已按“接受全部修订”读取，请定稿前接受或拒绝", paragraph: 26,
            headingPath: ["二、总体要求", "（三）发展目标"]),
        .init(
            topic: "17", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（省科技厅规划处）：建议在任务部分补充医养结合的具体支撑措施，并与省民政厅规划做好衔接。", paragraph: 25,
            headingPath: ["二、总体要求", "（三）发展目标"]),
        .init(topic: "19", severity: .warning, code: "extract.missing-section", message: "未找到“保障措施”部分", paragraph: nil),
        .init(
            topic: "19", severity: .warning, code: "styles.unknown-basedon", message: tableStyle, paragraph: nil, part: "word/styles.xml"),
        .init(
            topic: "22", severity: .warning, code: "extract.unresolved-revisions", message: revisions, paragraph: 79,
            headingPath: ["三、重点任务", "（二）城镇基础设施建设与运维", "1.城市地下管网"]),
        .init(
            topic: "22", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（省住房城乡建设厅科技处）：该指标请与省发展改革委新型城镇化规划的口径和数值核对一致。（批注内容所指：“常住人口城镇化率达到75%左右”）",
            paragraph: 24, headingPath: ["二、总体要求", "（三）主要目标"]),
        .init(
            topic: "22", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（省住房城乡建设厅科技处）：城市信息模型平台的建设主体和数据标准由哪个部门牵头，请在下一稿中明确。", paragraph: 96,
            headingPath: ["三、重点任务", "（四）城市智慧管理", "1.城市信息模型平台"]),
        .init(
            topic: "26", severity: .warning, code: "styles.unknown-basedon", message: tableStyle, paragraph: nil, part: "word/styles.xml"),
        .init(
            topic: "27", severity: .warning, code: "extract.unresolved-revisions", message: revisions, paragraph: 15,
            headingPath: ["二、总体要求", "（一）指导思想"]),
        .init(
            topic: "27", severity: .info, code: "extract.open-comment",
            message: "未处理的批注（规划办 王琳）：建议补充沈阳、大连两市试点情况和成效数据", paragraph: 5,
            headingPath: ["一、发展基础与形势", "（一）“十三五”发展成效"]),
        .init(
            topic: "S2", severity: .info, code: "extract.safeguards-unstructured",
            message: "“六、保障措施”部分既无下级标题也无段首加粗小标题，未能逐条识别保障措施", paragraph: 131, headingPath: []),
    ]

    static func diagnostic(_ p: Problem) -> Diagnostic {
        let location: SourceLocation? =
            p.paragraph.map { SourceLocation(part: p.part, paragraphIndex: $0, path: "body/p[\($0)]") }
            ?? (p.part == "word/document.xml"
                ? nil : SourceLocation(part: p.part, path: p.part == "word/styles.xml" ? "styles/style[@w:styleId='Table']" : "footnotes"))
        return Diagnostic(severity: p.severity, code: DiagnosticCode(rawValue: p.code), message: p.message, location: location)
    }
}
