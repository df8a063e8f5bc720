// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PlanAssembler",
    // Linux only (Debian 12 / Ubuntu): the code calls inotify, syncfs and reads st_mtim, so no
    // Apple platform is declared.
    products: [
        .executable(name: "plan-assembler", targets: ["plan-assembler"]),
        // The reader (DOCX → document model), for the fuzz package and other tools.
        .library(name: "OOXML", targets: ["OOXML", "DocumentModel", "PlanSupport"]),
        // The build engine of a drop folder.
        .library(name: "PlanBuild", targets: ["PlanBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries at the boundary: imported by OOXML alone.
        .systemLibrary(
            name: "CLibZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Below everything: diagnostics (typed codes with severity and audience), source
        // locations, and the small text and hashing helpers every stage shares. No I/O.
        .target(name: "PlanSupport"),
        // Value types of a read document: no C, no I/O.
        .target(name: "DocumentModel", dependencies: ["PlanSupport"]),
        // Zip + XML access, the faithful part layer, the DOCX reader (and later writer).
        .target(name: "OOXML", dependencies: ["CLibZip", "CLibXML2", "DocumentModel", "PlanSupport"]),
        // Value types of what is understood of a plan draft (and the JSON product interface).
        .target(name: "PlanModel", dependencies: ["PlanSupport"]),
        // Every file of Templates/ embedded at build time (the EmbedTemplates plugin): the
        // executable's built-in templates, so it needs nothing beside it.
        .executableTarget(name: "TemplateEmbedder", path: "Plugins/TemplateEmbedder"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["TemplateEmbedder"]),
        // Sources/BuiltinTemplates/Templates links to Templates/, so the templates are the target's
        // files: SwiftPM plans the build again when one is added or removed, and the plugin
        // reruns when one changes.
        .target(name: "BuiltinTemplates", plugins: ["EmbedTemplates"]),
        // The office's editable data in Templates/ (catalog, synonyms, lexicons), loaded from YAML:
        // built in, or from a folder whose files take precedence file by file.
        // Section kinds and embedded tables are PlanModel's (one owner); the templates name them.
        .target(name: "PlanTemplates", dependencies: ["BuiltinTemplates", "PlanModel", .product(name: "Yams", package: "Yams")]),
        // From a document model to a plan draft: outline, topic, sections, goals, indicators, tasks, safeguards.
        .target(name: "PlanExtraction", dependencies: ["DocumentModel", "PlanSupport", "PlanModel", "PlanTemplates"]),
        // All drafts into the master outline Templates/master-outline.yaml defines: merging,
        // near-duplicates, indicator consolidation and conflicts, coverage, inputs accounting.
        // Takes plan values only (extractions and their prose); it reads no document.
        .target(name: "PlanAssembly", dependencies: ["PlanSupport", "PlanModel", "PlanTemplates"]),
        // The office's HTML report (self-contained page) of a master plan.
        .target(name: "PlanReport", dependencies: ["PlanSupport", "PlanModel"]),
        // The consolidated DOCX: content parts generated, template parts from the reference document.
        .target(name: "PlanDocxWriter", dependencies: ["PlanSupport", "PlanModel", "OOXML"]),
        // The editors' own drafts with the office's findings as Word comments (byte-level edits:
        // every other part kept as it was).
        .target(name: "PlanFeedback", dependencies: ["DocumentModel", "PlanSupport", "PlanModel", "OOXML"]),
        // The build of a drop folder, between the stages and the commands: listing and classifying
        // inputs, reading (each file once) and extracting in parallel, the cache (behind
        // `BuildCache`), supersession, input accounting, the plan date, strict policy, staging
        // and commit; `check` and `extract` read drafts through it too. It prints nothing.
        .target(
            name: "PlanBuild",
            dependencies: [
                "DocumentModel", "PlanSupport", "OOXML", "PlanModel", "PlanTemplates", "PlanExtraction", "PlanAssembly",
                "PlanReport", "PlanDocxWriter", "PlanFeedback",
            ]
        ),
        // The commands: option parsing and rendering; the executable only calls into this.
        .target(
            name: "PlanAssemblerCLI",
            dependencies: [
                "DocumentModel", "PlanSupport", "OOXML", "PlanModel", "PlanTemplates", "PlanExtraction", "PlanBuild",
                "PlanDocxWriter", "PlanFeedback",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "plan-assembler", dependencies: ["PlanAssemblerCLI"]),

        // Builders shared by the tests (zip packages from XML snippets).
        .target(name: "TestSupport", dependencies: ["OOXML", "DocumentModel", "PlanSupport"], path: "Tests/TestSupport"),
        .testTarget(name: "DocumentModelTests", dependencies: ["DocumentModel", "PlanSupport"]),
        .testTarget(name: "OOXMLTests", dependencies: ["OOXML", "DocumentModel", "PlanSupport", "TestSupport"], exclude: ["FuzzCrashes"]),
        .testTarget(
            name: "PlanAssemblerCLITests", dependencies: ["PlanAssemblerCLI", "PlanBuild", "PlanTemplates", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "PlanBuildTests",
            dependencies: [
                "PlanBuild", "PlanFeedback", "PlanModel", "PlanTemplates", "OOXML", "DocumentModel", "PlanSupport", "TestSupport",
            ]),
        .testTarget(name: "PlanTemplatesTests", dependencies: ["PlanTemplates"]),
        .testTarget(
            name: "PlanAssemblyTests",
            dependencies: [
                "PlanAssembly", "PlanExtraction", "PlanModel", "PlanTemplates", "DocumentModel", "PlanSupport", "OOXML", "TestSupport",
            ],
            exclude: ["Golden"]),
        .testTarget(name: "PlanReportTests", dependencies: ["PlanReport", "PlanModel", "DocumentModel", "PlanSupport", "TestSupport"]),
        .testTarget(
            name: "PlanDocxWriterTests",
            dependencies: ["PlanDocxWriter", "PlanModel", "DocumentModel", "PlanSupport", "OOXML", "TestSupport"],
            exclude: ["Golden"]),
        .testTarget(
            name: "PlanFeedbackTests",
            dependencies: [
                "PlanFeedback", "PlanExtraction", "PlanModel", "PlanTemplates", "DocumentModel", "PlanSupport", "OOXML", "TestSupport",
            ]),
        .testTarget(
            name: "PlanExtractionTests",
            dependencies: ["PlanExtraction", "PlanModel", "PlanTemplates", "DocumentModel", "PlanSupport", "OOXML", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
