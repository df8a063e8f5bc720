import Foundation

/// W3CDTF dates as `docProps/core.xml` writes them: "2020-10-12", "2020-10-12T16:25Z",
/// "2020-10-12T16:25:00Z", "2020-10-12T16:25:00.5+08:00" (a missing zone is read as UTC).
/// The one reader of such dates: supersession orders drafts by it and the build dates the plan
/// by it. Anything else ("2020-9-30", "2020-10-12T16:25:00.Z", garbage) is nil.
public enum W3CDTF {
    /// Seconds since 1970-01-01T00:00:00Z, nil when the text is not a W3CDTF date.
    public static func seconds(_ text: String) -> Double? {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(_ width: Int) -> Int? {
            guard i + width <= s.count else { return nil }
            var n = 0
            for b in s[i..<i + width] {
                guard (48...57).contains(b) else { return nil }
                n = n * 10 + Int(b - 48)
            }
            i += width
            return n
        }
        func take(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4) else { return nil }
        var month = 1
        var day = 1
        var hour = 0
        var minute = 0
        var second = 0.0
        var offset = 0
        if take(UInt8(ascii: "-")) {
            guard let m = number(2) else { return nil }
            month = m
            if take(UInt8(ascii: "-")) {
                guard let d = number(2) else { return nil }
                day = d
                if take(UInt8(ascii: "T")) {
                    guard let h = number(2), take(UInt8(ascii: ":")), let mi = number(2) else { return nil }
                    hour = h
                    minute = mi
                    if take(UInt8(ascii: ":")) {
                        guard let sec = number(2) else { return nil }
                        second = Double(sec)
                        if take(UInt8(ascii: ".")) {
                            var scale = 0.1
                            var any = false
                            while i < s.count, (48...57).contains(s[i]) {
                                second += Double(s[i] - 48) * scale
                                scale /= 10
                                i += 1
                                any = true
                            }
                            guard any else { return nil }
                        }
                    }
                    if !take(UInt8(ascii: "Z")), i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                        let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
                        i += 1
                        guard let oh = number(2), oh < 24, take(UInt8(ascii: ":")), let om = number(2), om < 60 else { return nil }
                        offset = sign * (oh * 60 + om) * 60
                    }
                }
            }
        }
        guard i == s.count, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        return Double(daysFromCivil(year, month, day)) * 86400 + Double(hour * 3600 + minute * 60) + second - Double(offset)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
