/// Chinese counting numerals (Word's `chineseCounting`): the one owner, used by the reader to
/// render numbering, by the writer for heading numbers, and by the outline text.
public enum ChineseNumerals {
    /// 一 … 九, 十, 十一 … 十九, 二十 … 九十九, then digit by digit with ○ (U+25CB, not 〇 U+3007):
    /// 一○○, 一○一, 一一○ … 九九九九; nil outside 1…9,999 (Word then shows decimal).
    public static func counting(_ n: Int) -> String? {
        let d = ["○", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch n {
        case 1...9: return d[n]
        case 10...99: return (n >= 20 ? d[n / 10] : "") + "十" + (n % 10 == 0 ? "" : d[n % 10])
        case 100...9999: return String(n).map { d[Int(String($0))!] }.joined()
        default: return nil
        }
    }
}
