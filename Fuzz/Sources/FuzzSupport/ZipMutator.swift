import CLibFuzzer
import CLibZip
import OOXML

/// `fuzz-docx`'s custom mutator (libFuzzer's `LLVMFuzzerCustomMutator`). Random bytes in a zip
/// mostly die at libzip's CRC check, so besides libFuzzer's own byte mutations (kept for the zip
/// headers, the central directory, truncation …) it mutates the package's structure and content:
/// it unpacks the zip with libzip, then mutates one entry's bytes with `LLVMFuzzerMutate` (XML
/// parts preferred), or drops, renames, duplicates (under a case variant of its name) or
/// reorders entries, and writes a new, valid zip with OOXML's `ZipWriter` (Deflate or stored).
public enum ZipMutator {
    /// In 10: how many mutations are libFuzzer's raw byte mutations of the whole file.
    static let rawShare: UInt64 = 4
    /// Packages inflating past this are only mutated as raw bytes.
    static let unpackLimit = 8 << 20

    public static func mutate(_ data: UnsafeMutablePointer<UInt8>, size: Int, maxSize: Int, seed: UInt32) -> Int {
        var rng = SplitMix64(seed: UInt64(seed))
        func raw() -> Int { LLVMFuzzerMutate(data, size, maxSize) }
        if rng.next() % 10 < rawShare { return raw() }
        guard var entries = unpack(UnsafeRawBufferPointer(start: data, count: size)), !entries.isEmpty else { return raw() }

        switch rng.next() % 20 {
        case 0..<15:
            // Content: one entry, XML and relationships parts three times as likely.
            let weights = entries.map { $0.name.hasSuffix(".xml") || $0.name.hasSuffix(".rels") ? 3 : 1 }
            var pick = Int(rng.next() % UInt64(weights.reduce(0, +)))
            var index = 0
            while pick >= weights[index] { pick -= weights[index]; index += 1 }
            entries[index].bytes = mutated(entries[index].bytes, room: max(entries[index].bytes.count, 1024))
        case 15, 16:
            guard entries.count > 1 else { return raw() }
            entries.remove(at: Int(rng.next() % UInt64(entries.count)))
        case 17:
            let index = Int(rng.next() % UInt64(entries.count))
            entries[index].name = String(decoding: mutated(Array(entries[index].name.utf8), room: 64), as: UTF8.self)
        case 18:
            let index = Int(rng.next() % UInt64(entries.count))
            var copy = entries[index]
            copy.name = copy.name.uppercased() == copy.name ? copy.name.lowercased() : copy.name.uppercased()
            entries.insert(copy, at: Int(rng.next() % UInt64(entries.count + 1)))
        default:
            guard entries.count > 1 else { return raw() }
            entries.swapAt(Int(rng.next() % UInt64(entries.count)), Int(rng.next() % UInt64(entries.count)))
        }

        let compress = rng.next() % 5 != 0
        var writer = ZipWriter()
        for entry in entries { writer.add(entry.name, entry.bytes, compress: compress) }
        guard let out = try? writer.finish(), out.count <= maxSize else { return raw() }  // e.g. a name given twice
        out.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: out.count) }
        return out.count
    }

    /// `bytes` after one round of libFuzzer's mutations, which may grow it by up to `room` bytes.
    static func mutated(_ bytes: [UInt8], room: Int) -> [UInt8] {
        var buffer = bytes + [UInt8](repeating: 0, count: room)
        let count = buffer.withUnsafeMutableBufferPointer { LLVMFuzzerMutate($0.baseAddress!, bytes.count, $0.count) }
        return Array(buffer[..<count])
    }

    /// Every entry's name and bytes, or nil when libzip cannot read the whole archive.
    static func unpack(_ bytes: UnsafeRawBufferPointer) -> [(name: String, bytes: [UInt8])]? {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(bytes.baseAddress, UInt64(bytes.count), 0, &error) else { return nil }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            return nil
        }
        defer { zip_discard(archive) }
        let count = zip_get_num_entries(archive, 0)
        guard count > 0, count <= 1000 else { return nil }
        var entries: [(name: String, bytes: [UInt8])] = []
        var total = 0
        for index in 0..<UInt64(count) {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, index, 0, &stat) == 0, let name = stat.name, stat.size <= UInt64(unpackLimit) else { return nil }
            let size = Int(stat.size)
            total += size
            guard total <= unpackLimit, let file = zip_fopen_index(archive, index, 0) else { return nil }
            defer { zip_fclose(file) }
            var data = [UInt8](repeating: 0, count: size + 1)
            let read = data.withUnsafeMutableBytes { zip_fread(file, $0.baseAddress, UInt64(size)) }
            guard read == size else { return nil }
            data.removeLast()
            entries.append((String(cString: name), data))
        }
        return entries
    }
}

/// A small deterministic generator (SplitMix64), seeded by libFuzzer.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
