import PlanModel

/// A plan shaped like the real outline: basis, general requirements with principles, goals and
/// the indicator summary, tasks four levels deep, projects, safeguards, a topic without a draft,
/// the three planted indicator conflicts, and the coverage of a few catalog entries.
extension SamplePlans {
    static let files: [String: String] = [
        "1": t1, "2": t2, "S4": s4, "5": "5 沈大鞍国家科技成果转移转化示范区科技发展规划（征求意见稿）.docx",
        "8": "辽宁省高新技术产业科技发展规划（2021—2035年）  修改稿.docx", "26": "科技服务业发展规划（征求意见稿）.docx",
        "27": "辽宁省创新创业和成果转化“十四五”规划 修改稿.docx", "13": "辽宁省人工智能领域科技发展“十四五”规划（征求意见稿）.docx",
    ]

    static func from(_ topic: String, _ paragraph: Int, _ path: [String]) -> ItemSource {
        source(topic, files[topic] ?? "\(topic).docx", paragraph, path)
    }

    static func v(_ text: String, _ topics: [String]) -> SourcedValue {
        value(text, topics.enumerated().map { from($1, 80 + $0, ["附表 主要指标"]) })
    }

    static var realistic: MasterPlan {
        let basis = ["一、发展基础"]
        let requirement = ["二、总体要求"]
        let tasks = ["三、重点任务"]
        let principles = [
            ("坚持创新引领", "把科技创新摆在全省发展全局的核心位置，以科技创新引领全面创新，加快建设科技强省。"),
            ("坚持需求导向", "面向世界科技前沿、面向经济主战场、面向国家重大需求、面向人民生命健康，聚焦辽宁振兴发展的重大需求。"),
            ("坚持深化改革", "破除制约科技创新的体制机制障碍，激发各类创新主体活力。"),
            ("坚持开放合作", "以全球视野谋划和推动科技创新，深度融入全球创新网络。"),
        ]
        return MasterPlan(
            title: "辽宁省“十四五”科技创新规划纲要", subtitle: "（2021—2035年）", date: "2021-03-01T09:00:00+08:00",
            chapters: [
                PlanNode(
                    title: "发展基础与面临形势",
                    children: [
                        PlanNode(
                            title: "“十三五”科技创新取得的成就",
                            items: [
                                PlanItem(
                                    kind: .text,
                                    text:
                                        "“十三五”以来，全省科技创新能力显著增强，全社会研发经费投入强度达到2.04%，高新技术企业数量突破7000家，技术合同成交额达到564.2亿元，科技创新对经济社会发展的支撑引领作用明显提升。",
                                    sources: [from("1", 14, basis), from("27", 9, basis)]),
                                PlanItem(
                                    kind: .text,
                                    text: "重大创新平台建设取得突破，材料科学国家研究中心、机器人学国家重点实验室等一批国家级平台加快建设，沈大国家自主创新示范区、沈大鞍国家科技成果转移转化示范区建设成效显著。",
                                    sources: [from("5", 11, basis)]),
                            ]),
                        PlanNode(
                            title: "面临的形势",
                            items: [
                                PlanItem(
                                    kind: .text, text: "当今世界正经历百年未有之大变局，新一轮科技革命和产业变革深入发展，科技创新成为国际战略博弈的主要战场。",
                                    sources: [from("1", 31, basis)])
                            ]),
                    ]),
                PlanNode(
                    title: "总体要求",
                    children: [
                        PlanNode(
                            title: "指导思想",
                            items: [
                                PlanItem(
                                    kind: .guiding,
                                    text: "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大和十九届二中、三中、四中、五中全会精神，坚持创新在现代化建设全局中的核心地位，把科技自立自强作为发展的战略支撑。",
                                    sources: [from("1", 40, requirement + ["（一）指导思想"])])
                            ]),
                        PlanNode(
                            title: "基本原则",
                            items: principles.enumerated().map { index, p in
                                PlanItem(
                                    kind: .principle, title: p.0, text: p.1,
                                    sources: [from("1", 44 + index, requirement + ["（二）基本原则"])]
                                        + (index == 2 ? [from("2", 20, requirement)] : []))
                            }),
                        PlanNode(
                            title: "发展目标",
                            items: [
                                PlanItem(
                                    kind: .goal, text: "到2025年，全省科技创新能力大幅提升，基本建成具有辽宁特色的区域创新体系，科技强省建设取得重要进展。", year: 2025,
                                    sources: [from("1", 52, requirement + ["（三）发展目标"])]),
                                PlanItem(
                                    kind: .goal, text: "到2035年，全省科技实力跃上新台阶，进入创新型省份前列，为辽宁全面振兴提供有力支撑。", year: 2035,
                                    sources: [from("1", 55, requirement + ["（三）发展目标"])]),
                            ], embed: .indicatorSummary),
                    ]),
                PlanNode(
                    title: "重点任务",
                    children: [
                        PlanNode(
                            title: "强化战略科技力量",
                            items: [
                                PlanItem(
                                    kind: .task, title: "建设高水平创新平台", text: "围绕国家战略需求和辽宁产业优势，争创国家实验室辽宁基地，优化重组省级重点实验室体系。",
                                    sources: [from("1", 70, tasks), from("13", 33, tasks)],
                                    children: [
                                        PlanItem(
                                            kind: .task, title: "打造辽宁实验室", text: "布局建设材料、智能制造、精细化工等领域辽宁实验室。",
                                            sources: [from("1", 72, tasks)])
                                    ])
                            ],
                            children: [
                                PlanNode(
                                    title: "加强基础研究",
                                    items: [
                                        PlanItem(
                                            kind: .task, text: "持续加大基础研究投入，建立多元化投入机制，支持自由探索和目标导向相结合的基础研究。", sources: [from("1", 78, tasks)])
                                    ],
                                    children: [
                                        PlanNode(
                                            title: "数学与物理",
                                            items: [PlanItem(kind: .task, text: "支持数学、物理等基础学科发展。", sources: [from("1", 80, tasks)])]),
                                        PlanNode(
                                            title: "新材料基础",
                                            items: [PlanItem(kind: .task, text: "开展先进材料基础理论研究。", sources: [from("1", 81, tasks)])]),
                                    ]),
                                PlanNode(
                                    title: "推进关键核心技术攻关",
                                    items: [
                                        PlanItem(kind: .task, text: "聚焦高端装备、新材料、集成电路等领域，实施一批重大科技专项。", sources: [from("8", 25, tasks)])
                                    ]),
                            ]),
                        PlanNode(
                            title: "深化科技体制改革",
                            items: [
                                PlanItem(
                                    kind: .task, title: "改革科技计划管理", text: "推行“揭榜挂帅”“赛马”等项目组织方式，赋予科研人员更大自主权。",
                                    sources: [from("2", 45, tasks), from("27", 30, tasks)])
                            ]),
                        PlanNode(title: "公共安全科技创新", missing: MissingNote(topicId: "19", message: "尚未收到该专题规划稿（专题19 辽宁省公共安全领域科技发展战略研究及规划）")),
                    ]),
                PlanNode(
                    title: "保障措施",
                    items: [
                        PlanItem(
                            kind: .safeguard, title: "加强组织领导", text: "建立省科技创新工作领导小组统筹协调机制，研究解决规划实施中的重大问题。", category: "组织",
                            sources: [from("1", 120, ["五、保障措施"])]),
                        PlanItem(
                            kind: .safeguard, title: "加大科技投入", text: "建立财政科技投入稳定增长机制，引导企业和社会资本加大研发投入。", category: "资金",
                            sources: [from("S4", 60, ["五、对策建议"]), from("1", 122, ["五、保障措施"])]),
                    ]),
            ],
            indicators: [
                IndicatorRow(
                    key: "rd", name: "研发经费投入强度", unit: "%", attributes: ["预期性"], baseline: [v("2.04", ["1"])],
                    targets: ["2025": [v("2.5", ["1", "2"]), v("2.3", ["S4"])], "2035": [v("3.0", ["1"])]], topics: ["1", "2", "S4"],
                    conflict: true),
                IndicatorRow(
                    key: "htc", name: "高新技术企业数量", unit: "家", attributes: ["预期性"], baseline: [v("7000", ["1"])],
                    targets: ["2025": [v("10000", ["1", "8"]), v("12000", ["27"])]], topics: ["1", "8", "27"], conflict: true),
                IndicatorRow(
                    key: "tcv", name: "技术合同成交额", unit: "亿元", attributes: ["预期性"], baseline: [v("564.2", ["1"])],
                    targets: ["2025": [v("1000", ["1", "5"]), v("1200", ["26"])], "2030": [v("1500", ["1"])]], topics: ["1", "5", "26"],
                    conflict: true),
                IndicatorRow(
                    key: "pat", name: "每万人口高价值发明专利拥有量", unit: "件", attributes: ["预期性"], baseline: [v("4.5", ["1"])],
                    targets: ["2025": [v("8", ["1", "13"])], "2035": [v("15", ["1"])]], topics: ["1", "13"], conflict: false),
            ],
            conflicts: [
                IndicatorConflict(key: "rd", name: "研发经费投入强度", year: "2025", values: [v("2.5", ["1", "2"]), v("2.3", ["S4"])]),
                IndicatorConflict(key: "htc", name: "高新技术企业数量", year: "2025", values: [v("10000", ["1", "8"]), v("12000", ["27"])]),
                IndicatorConflict(key: "tcv", name: "技术合同成交额", year: "2025", values: [v("1000", ["1", "5"]), v("1200", ["26"])]),
            ],
            coverage: [
                CoverageEntry(
                    topicId: "1", part: "P1", title: "辽宁省科技发展总体战略研究及规划", status: .present, draft: t1, version: "送审稿",
                    modified: "2020-10-20T08:00:00Z", goals: 4, indicators: 12, tasks: 18, safeguards: 6),
                CoverageEntry(
                    topicId: "2", part: "P1", title: "辽宁省科技体制改革与创新体系建设研究及规划", status: .present, draft: t2, version: "征求意见稿",
                    modified: "2020-09-28T08:00:00Z", superseded: ["辽宁省科技体制改革（初稿）.docx"], goals: 2, indicators: 5, tasks: 9, safeguards: 4),
                CoverageEntry(
                    topicId: "19", part: "P3", title: "辽宁省公共安全领域科技发展战略研究及规划", status: .present, draft: "公共安全科技规划 征求意见稿.docx",
                    version: "征求意见稿", modified: "2020-09-15T08:00:00Z", goals: 1, indicators: 3, tasks: 6, safeguards: 0,
                    missingSections: ["safeguards"]),
                CoverageEntry(topicId: "29", part: "P4", title: "辽宁省科技创新文化与创新生态研究及规划", status: .missing),
                CoverageEntry(
                    topicId: "S4", part: "PS", title: "科技投入与绩效评价问题研究", status: .present, draft: s4, version: nil,
                    modified: "2020-10-01T08:00:00Z", goals: 0, indicators: 2, tasks: 3, safeguards: 5),
            ])
    }
}
