import CLibFuzzer
import FuzzSupport

// The first byte picks a part of MinimalPackage (its value modulo the number of parts, in the
// order of MinimalPackage.Slot: document, styles, numbering, footnotes, endnotes, comments,
// core properties, [Content_Types].xml, _rels/.rels, word/_rels/document.xml.rels); the rest of
// the input replaces that part. Use with -dict=Fuzz/wordml.dict.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let slots = MinimalPackage.Slot.allCases
    let slot = slots[Int(data[0]) % slots.count]
    let part = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    ReaderHarness.check(MinimalPackage.bytes(replacing: slot, with: part))
    return 0
}

LibFuzzer.builtInSeeds = MinimalPackage.Slot.allCases.map { slot in
    (
        "minimal-\(slot.rawValue)-" + slot.partName.replacingOccurrences(of: "/", with: "_"),
        [UInt8(slot.rawValue)] + MinimalPackage.defaultPart(slot)
    )
}
LibFuzzer.run { data, size in fuzzParts(data, size) }
