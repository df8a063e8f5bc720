import CLibFuzzer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The glue between a SwiftPM executable and libFuzzer.
///
/// SwiftPM links an executable with `--defsym main=<module>_main`, so libFuzzer's own `main`
/// (which needs `-parse-as-library`, which SwiftPM's entry-point renaming then breaks) cannot be
/// used. Instead each target's `main.swift` defines `LLVMFuzzerTestOneInput` with `@_cdecl` (so
/// the linker finds it for libFuzzer's unused `main`) and calls `LibFuzzer.run`, which hands the
/// command line to `LLVMFuzzerRunDriver`. Every libFuzzer flag works as usual
/// (`-max_total_time=`, `-runs=`, replaying files given as arguments, `-minimize_crash=1` …).
public enum LibFuzzer {
    public static func run(_ callback: LLVMFuzzerTestOneInputFunction) -> Never {
        writeSeedsIfAsked()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
    }

    /// The built-in seeds of a target (written when `PLAN_FUZZ_WRITE_SEEDS` names a directory).
    nonisolated(unsafe) public static var builtInSeeds: [(name: String, bytes: [UInt8])] = []

    /// With `PLAN_FUZZ_WRITE_SEEDS=<dir>` the target writes its built-in seeds there and exits
    /// (scripts/fuzz.sh uses it to seed the XML targets with the fixed package's own parts).
    private static func writeSeedsIfAsked() {
        guard let raw = getenv("PLAN_FUZZ_WRITE_SEEDS") else { return }
        let directory = String(cString: raw)
        for seed in builtInSeeds {
            let path = directory + "/" + seed.name
            guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
            _ = seed.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
        }
        exit(0)
    }
}
