// swift-tools-version: 6.1
// maatstaf: where a Dutch municipality stands, from open CBS statistics.
//
// Layers, lowest first; a module imports only modules below it, and declares every module it imports
// (scripts/check-layers, run by CI, enforces both; docs/architecture.md explains the picture):
//   core (the domain: indicators, municipalities, observations, statistics — no dependencies)
//   → fetch (libcurl, HTTP cache) → sources (CBS OData, CSV) → store (SQLite) → model → compare → report → app
//   (the shared use cases) → serve → CLI
import PackageDescription

let package = Package(
    name: "maatstaf",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "maatstaf", targets: ["maatstaf"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The dashboard (`maatstaf serve`): an HTTP server and templates that escape HTML by default. Hummingbird's
        // default traits (swift-configuration, full Foundation) are not needed.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Named because the dashboard uses their types directly (status codes and headers, the listening socket's
        // port, a quiet logger); Hummingbird depends on them anyway.
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // C libraries from Debian, reached through small typed shims.
        // libcurl's headers only: the library itself is loaded when the first transfer is set up (shim.h), so
        // commands that never fetch do not pay for loading its chain of shared libraries. No pkgConfig, or its
        // `-lcurl` would link it again.
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The C library's dl_iterate_phdr, to read the running program's build ID (header only, nothing to link).
        .systemLibrary(name: "CBuildID"),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),

        // core: the domain as plain values — indicator definitions, municipalities and groups, observations with their
        // status, notes as facts, and the pure statistics. It depends on nothing; everything else may use it.
        .target(name: "MaatstafCore"),

        // fetch: HTTP over libcurl's multi interface, retries, and the on-disk HTTP cache.
        .target(name: "MaatstafFetch", dependencies: ["MaatstafCore", "CCurl", "CCrypto"]),

        // sources: parsers for CBS responses and the CSV/TSV/JSON files of the embedded snapshot.
        .target(
            name: "MaatstafSources",
            dependencies: ["MaatstafCore", "MaatstafFetch", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),

        // store: the embedded SQLite database (GRDB), its migrations, and the snapshot loader.
        .target(
            name: "MaatstafStore",
            dependencies: ["MaatstafCore", "MaatstafFetch", "MaatstafSources", .product(name: "GRDB", package: "GRDB.swift")]
        ),

        // model: municipalities and their names, memberships per year, user regions, peer groups.
        .target(
            name: "MaatstafModel",
            dependencies: ["MaatstafCore", "MaatstafSources", "MaatstafStore", "Yams"],
            // The built-in indicators, as the YAML users write their own in, compiled into the binary.
            resources: [.embedInCode("Indicators/builtin-indicators.yaml")]
        ),

        // compare: the engine — rates, reference groups, ranks, intervals.
        .target(name: "MaatstafCompare", dependencies: ["MaatstafCore", "MaatstafSources", "MaatstafModel"]),

        // report: tables, CSV, JSON and Markdown renderings of what the commands compute.
        .target(
            name: "MaatstafReport",
            dependencies: ["MaatstafCore", "MaatstafSources", "MaatstafModel", "MaatstafCompare", "CXlsxWriter"]),

        // app: the use cases the CLI and the dashboard share (open a workspace, build a report, describe an
        // indicator): written once, above the report's words and below both edges.
        .target(
            name: "MaatstafApp",
            dependencies: [
                "MaatstafCore", "MaatstafFetch", "MaatstafSources", "MaatstafStore", "MaatstafModel", "MaatstafCompare",
                "MaatstafReport", "CBuildID",
            ]),

        // serve: the local dashboard, an HTTP application over what report renders (Hummingbird, Mustache templates).
        .target(
            name: "MaatstafServe",
            dependencies: [
                "MaatstafCore", "MaatstafModel", "MaatstafCompare", "MaatstafReport", "MaatstafApp",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            // The pages' Mustache templates and the page script, compiled into the binary.
            resources: [
                .embedInCode("Pages/Templates/head.mustache"), .embedInCode("Pages/Templates/view.mustache"),
                .embedInCode("Pages/Templates/problem.mustache"), .embedInCode("Pages/Templates/dashboard.js"),
            ]
        ),

        // CLI: the commands; the executable is a thin @main wrapper around it.
        .target(
            name: "MaatstafCLI",
            dependencies: [
                "MaatstafCore",
                "MaatstafFetch",
                "MaatstafSources",
                "MaatstafStore",
                "MaatstafModel",
                "MaatstafCompare",
                "MaatstafReport",
                "MaatstafApp",
                "MaatstafServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "maatstaf", dependencies: ["MaatstafCLI"]),

        // A scriptable HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: it can misbehave on purpose
        // (truncate, reset, stall), which a real server framework makes hard.
        .target(name: "MaatstafTestServer", dependencies: ["MaatstafStore"]),
        .executableTarget(
            name: "maatstaf-bench-fetch",
            dependencies: ["MaatstafFetch", "MaatstafTestServer"],
            path: "Sources/Benchmarks/FetchBenchmark"
        ),

        .executableTarget(
            name: "maatstaf-bench-fetched-iv3",
            dependencies: ["MaatstafCore", "MaatstafSources", "MaatstafStore", "MaatstafModel", "MaatstafCompare"],
            path: "Sources/Benchmarks/FetchedIv3Benchmark"
        ),
        .executableTarget(
            name: "maatstaf-bench-compare",
            dependencies: ["MaatstafCore", "MaatstafStore", "MaatstafModel", "MaatstafCompare"],
            path: "Sources/Benchmarks/CompareBenchmark"
        ),

        .testTarget(name: "MaatstafCoreTests", dependencies: ["MaatstafCore"]),
        .testTarget(name: "MaatstafFetchTests", dependencies: ["MaatstafCore", "MaatstafFetch", "MaatstafTestServer"]),
        .testTarget(
            name: "MaatstafSourcesTests",
            dependencies: [
                "MaatstafCore", "MaatstafSources", "MaatstafFetch", "MaatstafTestServer",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "MaatstafStoreTests",
            dependencies: [
                "MaatstafCore", "MaatstafFetch", "MaatstafSources", "MaatstafStore", "MaatstafTestServer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "MaatstafModelTests",
            dependencies: [
                "MaatstafCore", "MaatstafSources", "MaatstafStore", "MaatstafModel", "MaatstafTestServer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "MaatstafCompareTests",
            dependencies: [
                "MaatstafCore", "MaatstafSources", "MaatstafStore", "MaatstafModel", "MaatstafCompare", "MaatstafTestServer",
            ]
        ),
        .testTarget(
            name: "MaatstafReportTests",
            dependencies: [
                "MaatstafCore", "MaatstafReport", "MaatstafCompare", "MaatstafModel", "MaatstafStore", "MaatstafSources",
                "MaatstafTestServer",
            ]
        ),
        .testTarget(
            name: "MaatstafServeTests",
            dependencies: [
                "MaatstafCore", "MaatstafStore", "MaatstafModel", "MaatstafCompare", "MaatstafApp", "MaatstafServe",
                "MaatstafTestServer",
            ]
        ),
        .testTarget(
            name: "MaatstafCLITests",
            dependencies: [
                "maatstaf", "MaatstafCLI", "MaatstafCore", "MaatstafStore", "MaatstafTestServer",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Every module a file uses members of must be imported by that file (SE-0444), and an import is internal unless the
// file's public API needs it (SE-0409, `public import`): what a file depends on, and what a module passes on to its
// users, is visible in the file.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("InternalImportsByDefault"),
        ]
}
