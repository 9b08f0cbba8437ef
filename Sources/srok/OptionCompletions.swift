import ArgumentParser
import Foundation
import Srok
import SrokFiles

/// What the shell completion scripts (`srok --generate-completion-script bash|zsh|fish`) offer for
/// options whose values are not a closed enum: profile ids, regions, fast-track levels and zones
/// from the data the binary embeds (plus the files named on the command line with
/// `--profile-file`/`--region-file`), computed when the user presses TAB; data files by extension.
/// Enum options (`--roll`, `--format`, `--lang` …) complete from their `CaseIterable` values.
extension CompletionKind {
    /// Profile ids: the embedded profiles and those of the `--profile-file` files on the line.
    static var profiles: CompletionKind {
        .custom { words, _, _ in OptionCompletions.profileIDs(words) }
    }

    /// `RU`, every federal subject's ISO 3166-2 code, and its one-word Russian names and aliases
    /// (`Татарстан`); names with spaces are left out (a shell would split them).
    static var regions: CompletionKind {
        .custom { words, _, _ in OptionCompletions.regionNames(words) }
    }

    /// The named fast-track levels of the `--profile` on the line (or of the federal profile).
    static var levels: CompletionKind {
        .custom { words, _, _ in OptionCompletions.levels(words) }
    }

    /// IANA zone identifiers.
    static var zones: CompletionKind {
        .custom { _, _, _ in TimeZone.knownTimeZoneIdentifiers.sorted() }
    }

    /// Calendar and region data files (`*.srokcal`).
    static var calendarFile: CompletionKind { .file(extensions: ["srokcal"]) }
    /// Profile files (`*.srokprofile`).
    static var profileFile: CompletionKind { .file(extensions: ["srokprofile"]) }
    /// JSON files (`srok status --history`, `srok batch --summary-json`).
    static var jsonFile: CompletionKind { .file(extensions: ["json"]) }
}

/// The values the custom completion kinds compute, from the embedded data.
enum OptionCompletions {
    /// The values given on the command line for `option` (`--profile-file F` or `--profile-file=F`),
    /// without the quotes a shell word may keep.
    static func values(of option: String, in words: [String]) -> [String] {
        var out: [String] = []
        for (i, w) in words.enumerated() {
            if w == option, i + 1 < words.count {
                out.append(words[i + 1])
            } else if w.hasPrefix(option + "=") {
                out.append(String(w.dropFirst(option.count + 1)))
            }
        }
        return out.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"")) }.filter { !$0.isEmpty }
    }

    /// The readable data files of `option` on the line (an unreadable one is skipped: completion
    /// never fails).
    static func files(_ option: String, _ words: [String], kind: String) -> [(name: String, text: String)] {
        values(of: option, in: words).compactMap { try? DataFiles.read([$0], kind: kind).first }
    }

    /// The profiles, embedded and on the line; the embedded ones alone if a file does not parse.
    static func profiles(_ words: [String]) -> [String: RegulationProfile] {
        let user = files("--profile-file", words, kind: "profile")
        return (try? SrokContext(profileFiles: user).profiles) ?? (try? SrokContext().profiles) ?? [:]
    }

    /// Profile ids, sorted.
    static func profileIDs(_ words: [String]) -> [String] { profiles(words).keys.sorted() }

    /// Region codes and one-word names.
    static func regionNames(_ words: [String]) -> [String] {
        let user = files("--region-file", words, kind: "region")
        guard let catalog = (try? RegionCatalog(userFiles: user)) ?? (try? RegionCatalog()) else { return ["RU"] }
        var names: Set<String> = []
        for r in catalog.regions.values {
            names.insert(r.code)
            for n in [r.name] + r.aliases where !n.isEmpty && !n.contains(where: \.isWhitespace) {
                names.insert(n)
            }
        }
        return ["RU"] + names.sorted()
    }

    /// The fast-track levels of the profile given with `--profile` (default federal).
    static func levels(_ words: [String]) -> [String] {
        let id = values(of: "--profile", in: words).last ?? "federal"
        let all = profiles(words)
        return (all[id] ?? all[id.lowercased()])?.fastTrackLevels.keys.sorted() ?? []
    }
}
