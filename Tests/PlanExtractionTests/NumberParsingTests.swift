import Foundation
@testable import PlanExtraction
import PlanTemplates
import Testing

/// The lexicon the unit tests use: the shipped Templates/indicators.yaml.
enum IndicatorTestLexicon {
    static let shipped: IndicatorSynonyms = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Templates/" + IndicatorSynonyms.fileName).standardized.path
        do {
            return try IndicatorSynonyms.load(from: path)
        } catch {
            fatalError("\(error)")
        }
    }()
}

struct NumberParsingTests {
    let scanner = FigureScanner(lexicon: IndicatorTestLexicon.shipped)

    @Test(
        "Chinese numerals read as numbers",
        arguments: [
            ("十", 10.0), ("十五", 15), ("二十", 20), ("一百二十", 120), ("一百零五", 105), ("两千", 2000),
            ("三千五百", 3500), ("一万二千", 12000), ("十万", 100000), ("三亿五千万", 350_000_000),
        ])
    func chineseNumerals(text: String, value: Double) {
        #expect(FigureScanner.chineseValue(ArraySlice(Array(text))) == value)
    }

    @Test("Runs of digits that are not numbers are refused", arguments: ["二三", "十四五", "万"])
    func notNumerals(text: String) {
        #expect(FigureScanner.chineseValue(ArraySlice(Array(text))) == nil)
    }

    @Test(
        "A figure in prose carries its multiplier and base unit",
        arguments: [
            ("突破1万家", "1万家", 10000.0, "家"),
            ("达到1.2万家", "1.2万家", 12000, "家"),
            ("达到1000亿元", "1000亿元", 100_000_000_000, "元"),
            ("达到1.4万亿元", "1.4万亿元", 1_400_000_000_000, "元"),
            ("达到2.5%", "2.5%", 2.5, "%"),
            ("达到２．５％", "２．５％", 2.5, "%"),
            ("达到12万人年", "12万人年", 120000, "人年"),
            ("突破2000万千瓦", "2000万千瓦", 20_000_000, "千瓦"),
            ("力争40亿美元", "40亿美元", 4_000_000_000, "美元"),
            ("120万人次左右", "120万人次", 1_200_000, "人次"),
            ("达到十五家", "十五家", 15, "家"),
            ("达到五个", "五个", 5, "个"),
            ("达到两千人", "两千人", 2000, "人"),
            ("一百二十项", "一百二十项", 120, "项"),
            ("达到1,200亿元", "1,200亿元", 120_000_000_000, "元"),
            ("提高2个百分点", "2个百分点", 2, "百分点"),
        ])
    func proseFigure(text: String, written: String, value: Double, unit: String) throws {
        let figures = scanner.scan(text)
        let f = try #require(figures.count == 1 ? figures.first : nil)
        #expect(f.text == written)
        #expect(f.value == value)
        #expect(f.unit == unit)
    }

    @Test(
        "Numbers without a unit, ordinals, quoted terms and the article 一 are not figures",
        arguments: [
            "5G基站数量", "到2025年", "表1 主要指标", "第三类医疗器械", "坚持“四个面向”", "形成一批标志性成果",
            "一个中心", "“十四五”期间", "每万人口高价值发明专利拥有量", "千亿级产业集群", "进入全国前十位", "经过十五年努力",
        ])
    func notFigures(text: String) {
        #expect(scanner.scan(text).isEmpty)
    }

    @Test("Doubling phrases are figures without a number")
    func doubling() throws {
        let f = try #require(scanner.scan("收入实现翻一番").first)
        #expect(f.doubling == "翻一番")
        #expect(f.value == nil)
        #expect(f.text == "翻一番")
    }

    @Test(
        "A unit column gives a multiplier and a base unit",
        arguments: [
            ("亿元", 1e8, "元"), ("万人年", 1e4, "人年"), ("%", 1, "%"), ("万千瓦", 1e4, "千瓦"), ("万家", 1e4, "家"),
            ("个", 1, "个"), ("亿美元", 1e8, "美元"), ("万亩", 1e4, "亩"), ("公斤", 1, "公斤"),
        ])
    func unitColumn(text: String, multiplier: Double, unit: String) {
        let spec = scanner.unitSpec(text)
        #expect(spec.multiplier == multiplier)
        #expect(spec.unit == unit)
    }

    @Test(
        "A table cell's number may carry its own multiplier or unit",
        arguments: [
            ("2.5", 2.5, nil as String?), ("1.2万", 12000, nil), ("十五", 15, nil), ("30万吨", 300000, "吨"), ("8%", 8, "%"),
        ])
    func cellNumber(text: String, value: Double, unit: String?) throws {
        let n = try #require(scanner.cellNumber(text))
        #expect(n.value == value)
        #expect(n.unit == unit)
    }
}
