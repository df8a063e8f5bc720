// swift-tools-version: 6.0
import PackageDescription

// Fuzz targets for the DOCX reader (libFuzzer). Build and run them with scripts/fuzz.sh, which
// passes `-sanitize=fuzzer,address`; Fuzz/README.md explains the set-up.
//
// The main package exports no library product (only the plan-assembler executable), so a path
// dependency on `..` could not import OOXML. The reader's modules are compiled here instead,
// from the main package's own sources: Sources/{CLibZip,CLibXML2,DocumentModel,OOXML} are
// symbolic links to ../../Sources/…, so there is one copy of the code and the fuzzed reader is
// exactly the shipped one, instrumented for coverage. Nothing here needs the network.
let package = Package(
    name: "PlanAssemblerFuzz",
    targets: [
        // The reader, as in ../Package.swift (symlinked sources).
        .systemLibrary(name: "CLibZip", pkgConfig: "libzip", providers: [.apt(["libzip-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "DocumentModel"),
        .target(name: "OOXML", dependencies: ["CLibZip", "CLibXML2", "DocumentModel"]),

        // libFuzzer's driver and mutator entry points (declarations only).
        .systemLibrary(name: "CLibFuzzer"),
        // The checks every target runs, the fixed package the XML targets fill in, the zip mutator.
        .target(name: "FuzzSupport", dependencies: ["OOXML", "DocumentModel", "CLibZip", "CLibFuzzer"]),

        // Whole files: the input is a .docx (raw byte mutations plus a zip-aware custom mutator).
        .executableTarget(name: "fuzz-docx", dependencies: ["FuzzSupport", "CLibFuzzer"]),
        // The input is word/document.xml of a fixed, complete package.
        .executableTarget(name: "fuzz-document-xml", dependencies: ["FuzzSupport", "CLibFuzzer"]),
        // The first byte picks one part of the fixed package (styles, numbering, notes, comments,
        // core properties, content types, relationships …); the rest of the input replaces it.
        .executableTarget(name: "fuzz-parts", dependencies: ["FuzzSupport", "CLibFuzzer"]),
    ],
    swiftLanguageModes: [.v6]
)
