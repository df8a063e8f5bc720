import Foundation
import PlanAssembly
import PlanModel
import Testing
import TestSupport

/// The same drafts in any order give the same plan, down to the bytes of its JSON; the plan
/// is valid against Templates/schema/master-plan.schema.json.
struct DeterminismTests {
    /// A fixed permutation of `count` indices (SplitMix64 from `seed`).
    static func permutation(_ count: Int, seed: UInt64) -> [Int] {
        var state = seed
        var indices = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            indices.swapAt(i, Int(z % UInt64(i + 1)))
        }
        return indices
    }

    @Test("Shuffled drafts, contents and inputs give the same plan", arguments: [1, 7, 42] as [UInt64])
    func orderIndependence(seed: UInt64) throws {
        let drafts = AssemblyFixture.drafts
        let order = Self.permutation(drafts.count, seed: seed)
        let contentOrder = Self.permutation(drafts.count, seed: seed &+ 100)
        let shuffled = order.map { drafts[$0] }
        let plan = AssemblyFixture.assembler.assemble(
            drafts: shuffled.map(\.extraction), contents: contentOrder.map { drafts[$0].content },
            inputs: AssemblyFixture.inputs(shuffled).reversed(), date: AssemblyFixture.date)
        #expect(order != Array(0..<drafts.count))
        #expect(plan == AssemblyFixture.plan)
        #expect(try AssemblyFixture.json(plan) == AssemblyFixture.json(AssemblyFixture.plan))
    }

    @Test("The plan built from Inputs is valid against the master-plan schema")
    func schema() throws {
        let schemaPath = AssemblyFixture.templatesPath + "/schema/master-plan.schema.json"
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: URL(fileURLWithPath: schemaPath)))
        let data = try AssemblyFixture.json(AssemblyFixture.plan)
        let errors = try validator.validate(data)
        for error in errors.prefix(20) { print("schema: \(error)") }
        #expect(errors.isEmpty)
        // A plan with gaps (missing topics, rejected input) is valid too.
        let partial = AssemblyFixture.assemble(AssemblyFixture.drafts(topics: ["1", "19"]))
        #expect(try validator.validate(AssemblyFixture.json(partial)).isEmpty)
    }

    @Test("The schema refuses a plan without its required members")
    func schemaRefuses() throws {
        let schemaPath = AssemblyFixture.templatesPath + "/schema/master-plan.schema.json"
        let validator = try JSONSchemaValidator(schemaData: Data(contentsOf: URL(fileURLWithPath: schemaPath)))
        let broken = Data(
            #"{"schemaVersion": 1, "title": "纲要", "date": "2020", "chapters": [{"title": "一", "items": [], "children": [], "embed": "pie"}]}"#
                .utf8)
        let errors = try validator.validate(broken)
        #expect(errors.contains { $0.contains("indicators") })
        #expect(errors.contains { $0.contains("embed") })
    }
}
