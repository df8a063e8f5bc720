import CLibFuzzer
import FuzzSupport

// The input is a whole .docx file. Mutations: libFuzzer's raw byte mutations (zip headers,
// central directory, truncation) and ZipMutator's structure-aware ones (one part's XML,
// entries dropped, renamed, duplicated, reordered; rezipped so the CRCs hold).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    ReaderHarness.check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_cdecl("LLVMFuzzerCustomMutator")
public func mutateDocx(_ data: UnsafeMutablePointer<UInt8>?, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    guard let data else { return 0 }
    return ZipMutator.mutate(data, size: size, maxSize: maxSize, seed: seed)
}

LibFuzzer.builtInSeeds = [("minimal-package.docx", MinimalPackage.bytes())]
LibFuzzer.run { data, size in fuzzDocx(data, size) }
