import ArgumentParser
import Srok

/// A core enum whose command-line spellings are the core's own: `init(argument:)` is the core's
/// parser (with its aliases and case rules) and the values listed in help, in completions and in
/// the error for a bad value are the raw values, so each list of values is written once, in the core.
protocol CoreParsedArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {
    /// The core's parser; `field` names the value in its error (unused here: ArgumentParser
    /// reports a bad value itself, naming the option and the accepted values).
    init(parsing text: String, field: String) throws(SrokError)
}

extension CoreParsedArgument {
    /// The core's parser; `nil` (a bad value) makes ArgumentParser name the option and list
    /// ``allValueStrings``.
    public init?(argument: String) {
        guard let value = try? Self(parsing: argument, field: "") else { return nil }
        self = value
    }
}

extension RollConvention: ExpressibleByArgument, CoreParsedArgument {}
extension CountConvention: ExpressibleByArgument, CoreParsedArgument {}
extension StageBasis: ExpressibleByArgument, CoreParsedArgument {}
extension Regime: ExpressibleByArgument, CoreParsedArgument {}

extension Language: ExpressibleByArgument {
    /// `ru` or `en`, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `state-body` or `other`, the core's codes.
extension EmployerKind: ExpressibleByArgument {}

/// `islamic-umalqura` or `islamic-civil`, ICU's identifiers.
extension IslamicCalendar: ExpressibleByArgument {}
