// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "srok",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Srok", targets: ["Srok"]),
        .executable(name: "srok", targets: ["srok"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
        // Linux's sync_file_range, which Glibc's module map does not export (batch output writeback).
        .target(name: "CFileSync"),
        // Turns the files under Data/ into Swift source so the defaults are embedded in the build.
        .executableTarget(name: "SrokEmbed"),
        .plugin(name: "EmbedData", capability: .buildTool(), dependencies: ["SrokEmbed"]),
        .target(
            name: "Srok",
            dependencies: ["CICUShim", "CFileSync"],
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: ["EmbedData"]
        ),
        .executableTarget(
            name: "srok",
            dependencies: [
                "Srok",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "SrokTests",
            dependencies: [
                "Srok",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
