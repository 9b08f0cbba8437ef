// swift-tools-version: 6.1
import PackageDescription

/// Swift 6 language mode and strict concurrency for every Swift target.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "srok",
    platforms: [.macOS(.v15)],
    products: [
        // The umbrella library: `import Srok` re-exports the core and the batch layer.
        .library(name: "Srok", targets: ["Srok"]),
        .executable(name: "srok", targets: ["srok"]),
        // The HTTP/JSON service (issue 14): a separate product, so that `srok` links no HTTP stack.
        .executable(name: "srok-server", targets: ["srok-server"]),
        // The C interface, libSrokC.so (header Sources/CSrok/include/srok.h; README "C").
        .library(name: "SrokC", type: .dynamic, targets: ["SrokC"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The service only. Hummingbird's default traits are off: swift-configuration is not built.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // `swift package generate-documentation --target SrokCore` (the DocC catalog, CI).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System ICU (libicu-dev). Only the C shim below includes its headers.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"])]
        ),
        // A C shim whose public header exposes no ICU type (see shared notes: ICU's renamed C API
        // is invisible to Swift and clashes with Foundation's private ICU).
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // System libxlsxwriter (libxlsxwriter-dev): writes the Excel report (SrokBatch/Report).
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev", "pkg-config"])]
        ),
        // System zlib (zlib1g-dev): deflate and CRC-32 for the Excel report's ZIP (SrokBatch/Report).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Linux's sync_file_range, which Glibc's module map does not export (batch output writeback), and
        // flock, which Swift cannot call by name (output locks).
        .target(name: "CFileSync"),
        // Reading .xlsx: minizip (zlib's contrib unzip) and libxml2's SAX2 push parser, seen only
        // by the CXLSX C target, whose public header includes neither (no clash with FoundationXML).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CMinizip", pkgConfig: "minizip", providers: [.apt(["libminizip-dev"])]),
        .target(name: "CXLSX", dependencies: ["CLibXML2", "CMinizip"]),
        // Turns the files under Data/ into Swift source so the defaults are embedded in the build.
        .executableTarget(name: "SrokEmbed"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["SrokEmbed"]),
        // Layer 1, the product: dates, calendars, regions, zones, profiles, the SLA engine and the
        // message resolver. No syscalls, no threads, no process state.
        .target(
            name: "SrokCore",
            dependencies: ["CICUShim"],
            swiftSettings: strict,
            plugins: ["EmbedData"]
        ),
        // Reading and writing files at the system-call level (Syscall, DataFiles): what both the
        // batch layer and the C interface need, without the batch layer's Excel libraries.
        .target(name: "SrokFiles", dependencies: ["SrokCore", "CFileSync"], swiftSettings: strict),
        // Layer 2: readers, writers, the batch pipeline, atomic files and the worker pool.
        .target(
            name: "SrokBatch",
            dependencies: ["SrokCore", "SrokFiles", "CFileSync", "CXLSXWriter", "CXLSX", "CICUShim", "CZlib"],
            swiftSettings: strict
        ),
        // The umbrella module integrators import.
        .target(
            name: "Srok",
            dependencies: ["SrokCore", "SrokBatch"],
            swiftSettings: strict
        ),
        // The C interface: the header (and a layout check) in C, the functions in Swift (`@_cdecl`).
        .target(name: "CSrok"),
        .target(name: "SrokC", dependencies: ["CSrok", "SrokCore", "SrokFiles"], swiftSettings: strict),
        // Layer 3: the CLI (argument parsing, signals, progress, exit codes, text rendering).
        .executableTarget(
            name: "srok",
            dependencies: [
                "Srok",
                "SrokFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // The HTTP/JSON service's routes, errors, metrics, configuration and reloading (issue 14). Only
        // `srok-server` and its tests link it.
        .target(
            name: "SrokServer",
            dependencies: [
                "Srok",
                "SrokFiles",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // The committed OpenAPI 3.1 document served at /openapi.json, compiled in.
            resources: [.embedInCode("openapi.json")],
            swiftSettings: strict
        ),
        // `srok-server --host 127.0.0.1 --port 8080`: flags and environment, then SrokServer runs.
        .executableTarget(
            name: "srok-server",
            dependencies: [
                "SrokServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Times XLSXReportWriter on a 100 000-row report (Benchmarks/xlsx/write.sh runs it).
        .executableTarget(
            name: "srok-xlsx-write-bench",
            dependencies: ["SrokBatch", "SrokCore"],
            path: "Benchmarks/xlsx/WriteBenchmark",
            swiftSettings: strict
        ),
        .testTarget(
            name: "SrokCoreTests",
            dependencies: [
                "SrokCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SrokBatchTests",
            dependencies: [
                "SrokBatch",
                "SrokFiles",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            // Workbooks and CSV files made by other tools (read through #filePath), and the Python
            // scripts the tests run (an independent reader of the workbooks written).
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        // Benchmark only (Benchmarks/xlsx/read.sh): ways of reading a worksheet, measured against
        // each other and against pandas. Not part of any product.
        .target(
            name: "CXLSXReadBench", dependencies: ["CLibXML2", "CMinizip"], path: "Benchmarks/xlsx/CXLSXReadBench"),
        .executableTarget(
            name: "srok-xlsx-read-bench",
            dependencies: ["SrokBatch", "CXLSX", "CXLSXReadBench"],
            path: "Benchmarks/xlsx/ReadBenchmark",
            swiftSettings: strict
        ),
        // Compiles C programs against srok.h and runs them with the built libSrokC.so (no Swift
        // dependency: `swift test` builds every product first).
        .testTarget(name: "SrokCABITests", swiftSettings: strict),
        // Runs the built `srok` as a subprocess; depends on it so `swift test` builds it first.
        .testTarget(
            name: "SrokCLITests",
            dependencies: ["srok", "Srok"],
            swiftSettings: strict
        ),
        // Starts the service on a random loopback port (in process, and `srok-server` as a
        // subprocess for signals) and compares its answers with `srok`'s JSON.
        .testTarget(
            name: "SrokServerTests",
            dependencies: [
                "SrokServer", "srok-server", "srok", "Srok",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
    ]
)
