import VMWizardPlatform

/// The operating system's reason for a failed file operation ("No such file or directory"): the POSIX error
/// Foundation's file APIs wrap (FoundationEssentials has no `localizedDescription`).
public enum SystemError {
    public static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return text(posix.code.rawValue) }
        if let cocoa = error as? CocoaError {
            if let posix = cocoa.underlying as? POSIXError { return text(posix.code.rawValue) }
            switch cocoa.code {
            case .fileReadNoSuchFile, .fileNoSuchFile: return text(ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return text(EACCES)
            default: break
            }
        }
        return "\(error)"
    }

    public static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
