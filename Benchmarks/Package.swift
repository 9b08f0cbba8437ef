// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "SrokBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "srok", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "CalendarBenchmarks",
            dependencies: [
                .product(name: "Srok", package: "srok"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CalendarBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "SLABenchmarks",
            dependencies: [
                .product(name: "Srok", package: "srok"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SLABenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Issue 13: the bulk API on one and two threads, its AsyncSequence variant, and the CLI's
        // pipeline on the same messages (Benchmarks/bulk/README.md).
        .executableTarget(
            name: "BulkBenchmarks",
            dependencies: [
                .product(name: "Srok", package: "srok"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/BulkBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
