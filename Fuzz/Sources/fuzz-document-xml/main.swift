import CLibFuzzer
import FuzzSupport

// The input is word/document.xml; every other part is MinimalPackage's (styles, numbering,
// notes, comments resolve), zipped stored. Use with -dict=Fuzz/wordml.dict.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocumentXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let xml = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    ReaderHarness.check(MinimalPackage.bytes(replacing: .document, with: xml))
    return 0
}

LibFuzzer.builtInSeeds = [("minimal-document.xml", MinimalPackage.defaultPart(.document))]
LibFuzzer.run { data, size in fuzzDocumentXML(data, size) }
