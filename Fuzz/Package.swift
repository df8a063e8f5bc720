// swift-tools-version: 6.0
import PackageDescription

// Fuzz targets for the DOCX reader (libFuzzer). Build and run them with scripts/fuzz.sh, which
// passes `-sanitize=fuzzer,address`; Fuzz/README.md explains the set-up.
//
// The reader comes from the main package (`..`), through its `OOXML` library product, so the
// fuzzed reader is exactly the shipped one, instrumented for coverage by scripts/fuzz.sh's
// flags. CLibZip (for the zip-aware mutator) is the main package's system-library module,
// visible through OOXML. Resolving `..` needs its dependencies' checkouts (SwiftPM's cache).
let package = Package(
    name: "PlanAssemblerFuzz",
    dependencies: [.package(name: "PlanAssembler", path: "..")],
    targets: [
        // libFuzzer's driver and mutator entry points (declarations only).
        .systemLibrary(name: "CLibFuzzer"),
        // The checks every target runs, the fixed package the XML targets fill in, the zip mutator.
        .target(name: "FuzzSupport", dependencies: [.product(name: "OOXML", package: "PlanAssembler"), "CLibFuzzer"]),

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
