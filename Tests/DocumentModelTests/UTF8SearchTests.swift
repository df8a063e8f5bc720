import DocumentModel
import PlanSupport
import Testing

/// The exact substring helpers used on extraction's hot paths agree with the obvious definitions.
@Suite struct UTF8SearchTests {
    @Test("containsText: exact scalar sequences, Chinese and mixed, empty needle")
    func contains() {
        #expect("辽宁省高新技术产业开发区".containsText("高新技术"))
        #expect(!"辽宁省高新技术产业开发区".containsText("高新技朮"))
        #expect("abc".containsText(""))
        #expect(!"".containsText("a"))
        #expect("研发经费投入强度2.5%".containsText("2.5%"))
        // A byte match never starts inside a character: 高 (E9 AB 98) vs a needle of its tail bytes.
        #expect(!"高".containsText(String(decoding: [0xAB, 0x98], as: UTF8.self)))
        #expect(!"短".containsText("短文本更长"))
    }

    @Test("replacingText: every occurrence, left to right, not overlapping")
    func replacing() {
        #expect("辽宁省辽宁省规划".replacingText("辽宁省", with: "") == "规划")
        #expect("aaaa".replacingText("aa", with: "b") == "bb")
        #expect("aaa".replacingText("aa", with: "b") == "ba")
        #expect("征求意见稿-征求意见".replacingText("征求意见", with: "|") == "|稿-|")
        #expect("无匹配".replacingText("有", with: "x") == "无匹配")
        #expect("x".replacingText("", with: "y") == "x")
    }

    @Test("trimmingWhitespace: ASCII, ideographic space and line breaks at both ends only")
    func trimming() {
        #expect("\u{3000} 坚持创新引领 \n\t".trimmingWhitespace() == "坚持创新引领")
        #expect("  a b  ".trimmingWhitespace() == "a b")
        #expect(" \u{3000}\n".trimmingWhitespace() == "")
        #expect("内容".trimmingWhitespace() == "内容")
        #expect(Substring("（一） 发展基础　")[...].trimmingWhitespace() == "（一） 发展基础")
    }
}
