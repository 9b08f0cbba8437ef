/// Srok's own version.
public enum SrokVersion {
    /// The semantic version of this build.
    public static let string = "0.1.0"
}
