import Foundation
import Testing

/// The release binary (`scripts/install`, `swift build -c release --static-swift-stdlib`) works
/// copied alone into a folder: no Swift toolchain on `PATH`, no `LD_LIBRARY_PATH`, and — where the
/// machine lets a test hide it (`unshare -m`) — the toolchain's run-time libraries out of sight.
/// `.ci/run` builds it (`scripts/install` into a throwaway prefix) before `swift test`; elsewhere
/// the tests are skipped when no release build exists.
@Suite("the standalone release binary")
struct StandaloneBinaryTests {
    /// The package's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The standalone build's `srok`, from `scripts/install`, which builds it in its own folder
    /// (`SROK_RELEASE_BINARY` overrides the path).
    static let release: URL =
        ProcessInfo.processInfo.environment["SROK_RELEASE_BINARY"].map { URL(fileURLWithPath: $0) }
        ?? root.appendingPathComponent(".build-static/release/srok")

    static var releaseExists: Bool { FileManager.default.isExecutableFile(atPath: release.path) }

    /// The shared libraries the binary may load: the C library and the dynamic loader, libstdc++ and
    /// libgcc, and the Debian libraries `scripts/setup` installs with what they load themselves
    /// (ICU; libxlsxwriter with minizip, zlib and libcrypto; libxml2 with liblzma).
    static let allowedLibraries = [
        "linux-vdso.so", "ld-linux", "libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "libutil.so",
        "libstdc++.so", "libgcc_s.so", "libicuuc.so", "libicui18n.so", "libicudata.so", "libxlsxwriter.so",
        "libminizip.so", "libz.so", "libcrypto.so", "libxml2.so", "liblzma.so",
    ]

    /// The folder of this test process's own Swift run time (the toolchain's `…/lib/swift/linux`),
    /// read from `/proc/self/maps`; `nil` when it is not a shared library here.
    static var toolchainRuntimeFolder: String? {
        // Read to the end: a /proc file reports a size of 0.
        guard let file = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
        defer { try? file.close() }
        let maps = String(decoding: file.readDataToEndOfFile(), as: UTF8.self)
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if path.hasSuffix("/libswiftCore.so") { return (path as NSString).deletingLastPathComponent }
        }
        return nil
    }

    /// Runs `executable` with `arguments` in `folder`, with exactly `environment`.
    static func run(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String] = [:])
        throws -> CLI.Result
    {
        try CLI.launch(
            URL(fileURLWithPath: executable), arguments, stdin: nil, in: folder, environment: environment)
    }

    /// A fresh folder holding only a copy of the release binary.
    static func copyAlone() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("srok-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: release, to: folder.appendingPathComponent("srok"))
        return folder
    }

    /// `srok due` for a message registered on Friday 29.03.2024 10:15 MSK with a 30-day term,
    /// counted by ГК РФ ст. 191 from the next day: day 1 is 30.03, day 30 is Sunday 28.04.2024.
    /// Постановление Правительства РФ от 10.08.2023 № 1314 made Saturday 27.04.2024 a working day
    /// (its day off moved to Monday 29.04), so the ПОС rule (roll to the preceding working day)
    /// ends the term on Saturday 27.04.2024 at 23:59:59 — an answer that needs the embedded decree
    /// data, not only the weekday rule (which would give Friday 26.04).
    static let dueArguments = ["due", "--registered", "2024-03-29T10:15+03:00", "--days", "30", "--format", "json"]
    static let expectedDue = "\"due\":\"2024-04-27T23:59:59+03:00\""

    @Test(
        .enabled(
            if: releaseExists, "no standalone build in .build-static: run scripts/install"))
    func theCopiedBinaryAnswersWithAnEmptyEnvironment() throws {
        let folder = try Self.copyAlone()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `env -i PATH=/usr/bin:/bin ./srok …`: no Swift on PATH, no LD_LIBRARY_PATH, no HOME, no TZ.
        let r = try Self.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "./srok"] + Self.dueArguments, in: folder)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(Self.expectedDue), "\(r.stdout)")
        // The embedded data and the completion script come from the binary itself, too.
        let profiles = try Self.run("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "./srok", "profiles"], in: folder)
        #expect(profiles.status == 0 && profiles.stdout.contains("brasovsky"), "\(profiles.stderr)")
    }

    @Test(
        .enabled(
            if: releaseExists, "no standalone build in .build-static: run scripts/install"))
    func itLoadsNoSwiftLibraryOnlyTheSystemOnes() throws {
        let needed = try Self.run("/usr/bin/readelf", ["-d", Self.release.path], in: Self.root)
        #expect(needed.status == 0, "\(needed.stderr)")
        let names = needed.stdout.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line in
            line.split(separator: "[").last?.split(separator: "]").first.map(String.init)
        }
        #expect(!names.isEmpty)
        for name in names {
            #expect(
                Self.allowedLibraries.contains { name.hasPrefix($0) },
                "\(name) is needed: built without --static-swift-stdlib, or a new dependency")
        }
        // Each library, direct or loaded by another, resolves to a system folder, none to the toolchain.
        let ldd = try Self.run("/usr/bin/ldd", [Self.release.path], in: Self.root)
        #expect(ldd.status == 0, "\(ldd.stderr)")
        for line in ldd.stdout.split(separator: "\n") {
            let name = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            #expect(Self.allowedLibraries.contains { name.hasPrefix($0) || name.hasPrefix("/lib") }, "\(line)")
            #expect(!line.contains("not found"), "\(line)")
            if let runtime = Self.toolchainRuntimeFolder { #expect(!line.contains(runtime), "\(line)") }
        }
    }

    /// How this machine gives a process a private mount namespace (`unshare -m` as root, `-Urm`
    /// with user namespaces), or `nil` (an unprivileged container).
    static let unshareOptions: String? = {
        guard toolchainRuntimeFolder != nil else { return nil }
        for options in ["-m", "-Urm"] {
            let r = try? run(
                "/usr/bin/unshare", [options, "/bin/true"], in: root, environment: ["PATH": "/usr/bin:/bin"])
            if r?.status == 0 { return options }
        }
        return nil
    }()

    /// Where the machine allows a private mount namespace, the toolchain's run-time folder is covered
    /// by an empty tmpfs for the copied binary: it cannot load a Swift library even through a run path.
    @Test(
        .enabled(
            if: releaseExists, "no standalone build in .build-static: run scripts/install"),
        .enabled(
            if: unshareOptions != nil,
            "no private mount namespace here (unshare -m refused) or no shared Swift run time to hide"))
    func theCopiedBinaryAnswersWithTheToolchainHidden() throws {
        let runtime = try #require(Self.toolchainRuntimeFolder)
        let options = try #require(Self.unshareOptions)
        let folder = try Self.copyAlone()
        defer { try? FileManager.default.removeItem(at: folder) }
        let quoted = Self.dueArguments.map { "'\($0)'" }.joined(separator: " ")
        let script = "mount -t tmpfs none '\(runtime)' && ls -A '\(runtime)' | wc -l && exec ./srok \(quoted)"
        let r = try Self.run(
            "/usr/bin/unshare", [options, "/bin/sh", "-c", script], in: folder, environment: ["PATH": "/usr/bin:/bin"])
        // The folder was hidden (empty), and the binary answered all the same.
        #expect(r.stdout.hasPrefix("0\n"), "\(r.stdout) \(r.stderr)")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(Self.expectedDue), "\(r.stdout)")
        // The debug build beside the tests, which links the Swift run time, fails there: the hiding works.
        let debug = try Self.run(
            "/usr/bin/unshare",
            [options, "/bin/sh", "-c", "mount -t tmpfs none '\(runtime)' && exec '\(CLI.executable.path)' --version"],
            in: folder, environment: ["PATH": "/usr/bin:/bin"])
        #expect(debug.status != 0, "the debug build ran without its run time: \(debug.stdout)")
    }

    @Test(
        .enabled(
            if: releaseExists, "no standalone build in .build-static: run scripts/install"))
    func installPutsTheBinaryAndTheThreeCompletionScriptsUnderThePrefix() throws {
        let stage = FileManager.default.temporaryDirectory.appendingPathComponent("srok-install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: stage) }
        let r = try Self.run(
            "/bin/bash", [Self.root.appendingPathComponent("scripts/install").path, "--prefix", "/opt/srok-test"],
            in: Self.root,
            environment: [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "DESTDIR": stage.path,
                "SROK_INSTALL_NO_BUILD": "1",
            ])
        #expect(r.status == 0, "\(r.stderr)")
        let base = stage.appendingPathComponent("opt/srok-test")
        let files = [
            "bin/srok", "share/bash-completion/completions/srok", "share/zsh/site-functions/_srok",
            "share/fish/vendor_completions.d/srok.fish",
        ]
        for f in files {
            #expect(FileManager.default.fileExists(atPath: base.appendingPathComponent(f).path), "\(f)")
        }
        #expect(FileManager.default.isExecutableFile(atPath: base.appendingPathComponent("bin/srok").path))
        // Each script is the one for its shell: bash's defines _srok with `complete`, zsh's starts with
        // #compdef, fish's uses `complete -c 'srok'`.
        let bash = try String(contentsOf: base.appendingPathComponent(files[1]), encoding: .utf8)
        let zsh = try String(contentsOf: base.appendingPathComponent(files[2]), encoding: .utf8)
        let fish = try String(contentsOf: base.appendingPathComponent(files[3]), encoding: .utf8)
        #expect(bash.contains("complete -o filenames -F _srok srok"))
        #expect(zsh.hasPrefix("#compdef srok"))
        #expect(fish.contains("complete -c 'srok'"))
    }
}
