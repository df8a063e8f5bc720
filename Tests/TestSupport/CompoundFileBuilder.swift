/// Writes a minimal version-3 OLE2 compound file ([MS-CFB]) whose root storage holds the given
/// streams, as Word writes a `.doc` or an encrypted `.docx` — enough for tests of the sniffer.
/// All streams go to regular 512-byte sectors (the mini stream is not used; the reader under
/// test only reads the directory).
public enum CompoundFileBuilder {
    public static func build(streams: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        let sectorSize = 512
        let endOfChain: UInt32 = 0xFFFF_FFFE
        let fatSector: UInt32 = 0xFFFF_FFFD
        let free: UInt32 = 0xFFFF_FFFF
        func sectors(_ n: Int) -> Int { (n + sectorSize - 1) / sectorSize }
        let directorySectors = sectors(128 * (streams.count + 1))
        let dataSectors = streams.map { sectors($0.bytes.count) }
        let body = directorySectors + dataSectors.reduce(0, +)
        var fatCount = 1
        while fatCount * sectorSize / 4 < body + fatCount { fatCount += 1 }
        var fat = [UInt32](repeating: fatSector, count: fatCount)
        var payload: [UInt8] = []
        func place(_ data: [UInt8], _ count: Int) -> UInt32 {
            let first = fatCount + payload.count / sectorSize
            for i in 0..<count {
                fat.append(i < count - 1 ? UInt32(first + i + 1) : endOfChain)
            }
            payload += data + [UInt8](repeating: 0, count: count * sectorSize - data.count)
            return count > 0 ? UInt32(first) : endOfChain
        }
        // The directory first, then each stream.
        var directory: [UInt8] = []
        func entry(_ name: String, type: UInt8, right: UInt32, child: UInt32, start: UInt32, size: Int) -> [UInt8] {
            var e = [UInt8]()
            let units = Array(name.utf16) + [0]
            for u in units { e += le16(u) }
            e += [UInt8](repeating: 0, count: 64 - e.count)
            e += le16(UInt16(units.count * 2)) + [type, 1]
            e += le32(free) + le32(right) + le32(child)
            e += [UInt8](repeating: 0, count: 36)
            e += le32(start) + le32(UInt32(size)) + le32(0)
            return e
        }
        let directoryPlaceholder = [UInt8](repeating: 0, count: directorySectors * sectorSize)
        let directoryStart = place(directoryPlaceholder, directorySectors)
        var starts: [UInt32] = []
        for (i, stream) in streams.enumerated() { starts.append(place(stream.bytes, dataSectors[i])) }
        directory += entry("Root Entry", type: 5, right: free, child: streams.isEmpty ? free : 1, start: endOfChain, size: 0)
        for (i, stream) in streams.enumerated() {
            directory += entry(
                stream.name, type: 2, right: i + 1 < streams.count ? UInt32(i + 2) : free, child: free,
                start: starts[i], size: stream.bytes.count)
        }
        while directory.count < directorySectors * sectorSize {
            directory +=
                [UInt8](repeating: 0, count: 64) + [0, 0, 0, 0] + le32(free) + le32(free) + le32(free)
                + [UInt8](repeating: 0, count: 48)
        }
        payload.replaceSubrange(0..<directory.count, with: directory)
        fat += [UInt32](repeating: free, count: fatCount * sectorSize / 4 - fat.count)

        var header: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 16)
        header += le16(0x3E) + le16(3) + le16(0xFFFE) + le16(9) + le16(6) + [UInt8](repeating: 0, count: 6)
        header += le32(0) + le32(UInt32(fatCount)) + le32(directoryStart) + le32(0) + le32(4096)
        header += le32(endOfChain) + le32(0) + le32(endOfChain) + le32(0)
        for i in 0..<109 { header += le32(i < fatCount ? UInt32(i) : free) }
        return header + fat.flatMap(le32) + payload
    }

    static func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    static func le32(_ v: UInt32) -> [UInt8] { le16(UInt16(v & 0xFFFF)) + le16(UInt16(v >> 16)) }
}
