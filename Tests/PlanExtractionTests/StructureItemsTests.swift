import PlanExtraction
import PlanModel
import PlanTemplates
import Testing

/// Tasks, projects and safeguard measures under their sections.
struct StructureItemsTests {
    typealias Line = OutlineDraft.Line

    @Test("Tasks are the headings under the tasks section, with sub-headings as children and their body text")
    func taskHeadings() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.heading(1, "三、重点任务"), OutlineDraft.body("围绕……，聚焦……。"),
            OutlineDraft.heading(2, "（一）强化战略科技力量"), OutlineDraft.body("总述。"),
            OutlineDraft.heading(3, "1.高标准建设辽宁实验室"), OutlineDraft.heading(4, "（1）聚焦优势领域"), OutlineDraft.body("甲。"),
            OutlineDraft.heading(4, "（2）创新体制机制"), OutlineDraft.body("乙。"),
            OutlineDraft.heading(3, "2.积极争创国家级平台"), OutlineDraft.body("丙。"),
            OutlineDraft.heading(2, "（二）加强基础研究"), OutlineDraft.body("丁。"),
            OutlineDraft.heading(1, "四、保障措施"), OutlineDraft.heading(2, "（一）加强组织领导"), OutlineDraft.body("戊。"),
        ])
        #expect(s.tasks.map(\.title) == ["强化战略科技力量", "加强基础研究"])
        #expect(s.tasks.map(\.label) == ["（一）", "（二）"])
        #expect(s.tasks.map(\.children.count) == [2, 0])
        let first = try #require(s.tasks.first)
        #expect(first.text == "总述。")
        #expect(first.children.map(\.children.count) == [2, 0])
        #expect(first.children.first?.children.map(\.text) == ["甲。", "乙。"])
        #expect(first.location.paragraph == 2)
        #expect(first.location.headingPath == ["三、重点任务"])
        #expect(first.children.first?.children.last?.location.headingPath == ["三、重点任务", "（一）强化战略科技力量", "1.高标准建设辽宁实验室"])
    }

    @Test("A task without sub-headings counts its run-in bold and numbered list paragraphs as children")
    func listChildren() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("三、重点任务"),
            OutlineDraft.bold("（一）突破关键核心技术"), OutlineDraft.body("围绕产业链部署创新链。"),
            OutlineDraft.runIn("1.集成电路装备。", "突破薄膜沉积等关键装备。"), OutlineDraft.runIn("2.关键材料。", "发展电子化学品。"),
            OutlineDraft.body("加快国产化替代。"),
            OutlineDraft.bold("（二）发展数字经济"),
            OutlineDraft.body("1.推动工业互联网平台建设，培育一批行业级平台，提升企业数字化水平。"),
            OutlineDraft.numbered("2.", "发展大数据产业：建设数据中心集群，推动数据要素市场化配置改革。"),
            OutlineDraft.numbered("3.", "布局区块链、量子信息、第三代半导体、合成生物等前沿技术方向，开展前瞻研究与应用示范工作。"),
            OutlineDraft.bold("四、保障措施"), OutlineDraft.runIn("（一）加强组织领导。", "建立机制。"),
        ])
        #expect(s.tasks.map(\.children.count) == [2, 3])
        let first = try #require(s.tasks.first)
        #expect(first.text == "围绕产业链部署创新链。")
        #expect(first.children.map(\.title) == ["集成电路装备", "关键材料"])
        #expect(first.children.map(\.label) == ["1.", "2."])
        #expect(first.children.last?.text == "发展电子化学品。\n加快国产化替代。")
        let second = try #require(s.tasks.last)
        #expect(
            second.children.map(\.title) == [
                "推动工业互联网平台建设，培育一批行业级平台，提升企业数字化水平", "发展大数据产业",
                "布局区块链、量子信息、第三代半导体、合成生物等前沿技术方向，开展前瞻研究与应用示范工作",
            ])
        #expect(second.children[1].text == "建设数据中心集群，推动数据要素市场化配置改革。")
        #expect(second.children.map(\.location.paragraph) == [7, 8, 9])
    }

    @Test("Projects are read like tasks")
    func projects() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("四、重大工程"), OutlineDraft.bold("（一）创新药物研发工程"), OutlineDraft.body("聚焦……。"),
            OutlineDraft.bold("（二）海洋观测网建设工程"), OutlineDraft.body("统筹……。"),
        ])
        #expect(s.projects.map(\.title) == ["创新药物研发工程", "海洋观测网建设工程"])
        #expect(s.projects.map(\.text) == ["聚焦……。", "统筹……。"])
        #expect(s.tasks.isEmpty)
    }

    @Test("Safeguards are read from sub-headings, with all the text under each")
    func safeguardHeadings() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.heading(1, "四、保障措施"), OutlineDraft.body("规划实施是一项系统工程。"),
            OutlineDraft.heading(2, "（一）加强组织领导"), OutlineDraft.body("坚持党的领导。"),
            OutlineDraft.heading(2, "（二）加大多元化科技投入"), OutlineDraft.body("建立稳定增长机制。"), OutlineDraft.body("引导社会资本。"),
        ])
        #expect(s.safeguards.map(\.title) == ["加强组织领导", "加大多元化科技投入"])
        #expect(s.safeguards.map(\.category) == ["组织领导", "资金投入"])
        #expect(s.safeguards.last?.text == "建立稳定增长机制。\n引导社会资本。")
        #expect(s.safeguards.first?.location.paragraph == 2)
        #expect(s.safeguards.first?.location.headingPath == ["四、保障措施"])
    }

    @Test("Safeguards are read from run-in bold headings when the section has no sub-headings")
    func safeguardRunIns() throws {
        let s = try OutlineDraft.structure([
            OutlineDraft.bold("四、对策建议"), OutlineDraft.body("为确保规划落实，提出如下建议。"),
            OutlineDraft.runIn("（一）加强组织领导。", "建立省级协调机制，定期研究重大问题。"),
            OutlineDraft.runIn("（二）拓宽投入渠道。", "发挥财政资金引导作用。"),
            OutlineDraft.runIn("（三）汇聚创新人才。", "引进培育领军人才。"),
        ])
        #expect(s.safeguards.map(\.title) == ["加强组织领导", "拓宽投入渠道", "汇聚创新人才"])
        #expect(s.safeguards.first?.text == "建立省级协调机制，定期研究重大问题。")
        #expect(s.safeguards.map(\.category) == ["组织领导", "资金投入", "人才"])
        #expect(s.safeguards.map(\.location.paragraph) == [2, 3, 4])
    }

    @Test("A safeguards section without sub-headings or run-in headings is reported")
    func unstructuredSafeguards() throws {
        let s = try OutlineDraft.structure([OutlineDraft.bold("四、保障措施"), OutlineDraft.body("加强组织领导，加大投入。")])
        #expect(s.safeguards.isEmpty)
        #expect(s.diagnostics.contains { $0.code == "extract.safeguards-unstructured" })
    }

    @Test(
        "Measures are sorted into categories by their title",
        arguments: [
            ("加强组织领导", "组织领导"), ("强化统筹推进", "组织领导"), ("完善工作机制", "组织领导"), ("强化科技投入的组织保障", "组织领导"),
            ("加强政策供给", "政策支持"), ("落实首台（套）政策", "政策支持"), ("加大财政投入", "资金投入"), ("实施转化后补助", "资金投入"),
            ("加大财政金融支持", "资金投入"), ("拓宽投融资渠道", "金融"), ("强化金融保险支持", "金融"), ("汇聚创新人才", "人才"),
            ("完善人才激励政策", "人才"), ("保障项目用地", "用地"), ("强化土地要素保障", "用地"), ("健全考核评价", "考核评估"),
            ("强化统计监测与考核", "考核评估"), ("完善考核评估", "考核评估"), ("强化监测评估", "监测评估"), ("开展监测评价", "监测评估"),
            ("加强宣传引导", "宣传引导"), ("营造尊重人才的社会氛围", "宣传引导"), ("深化国际合作", "开放合作"), ("推进数字化赋能", "数字化"),
            ("推进数据开放共享", "数字化"), ("深化体制机制改革", "体制机制"), ("营造宽容失败环境", "体制机制"), ("完善科研评价机制", "体制机制"),
            ("健全尽职免责机制", "体制机制"),
        ])
    func categoryByTitle(_ title: String, _ category: String) throws {
        let classifier = SafeguardClassifier(try OutlineDraft.templates().safeguards)
        #expect(classifier.category(title: title, text: "") == category)
    }

    @Test("A title that names no category falls back on the text; with too little evidence there is none")
    func categoryFallback() throws {
        let classifier = SafeguardClassifier(try OutlineDraft.templates().safeguards)
        #expect(classifier.category(title: "抓好落实", text: "各市要加强组织领导，建立统筹协调机制。") == "组织领导")
        #expect(classifier.category(title: "抓好落实", text: "各市要认真抓好贯彻。") == nil)
        #expect(classifier.category(title: "其他", text: "") == nil)
    }
}
