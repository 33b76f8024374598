/// The release: the one place the version lives. `vmwizard --version`, the man page's header and the
/// Debian package name all read it from here (the package scripts ask the built binary).
public enum VMWizardVersion {
    public static let number = "0.1.0"
    /// The day this version was cut, as the man page header shows it (YYYY-MM-DD).
    public static let date = "2026-11-27"
}
