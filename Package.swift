// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "vmwizard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vmwizard", targets: ["vmwizard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system's ncursesw (libncurses-dev), wrapped by a tiny shim header (macros made callable from Swift).
        // No pkgConfig: ncursesw.pc's -D flags make SwiftPM print "prohibited flag(s)" on every build, and the
        // shim defines what they would; the module map links the library.
        .systemLibrary(name: "CNcursesw"),
        // Puts the terminal back from a crash signal handler (async-signal-safe C; no ncurses).
        .target(name: "CTerminalGuard"),
        // Pure: option model, rules, validation, renderers, host inventory, answers, apply. No ncurses.
        // The system modules (FoundationEssentials, the C library), imported in one place.
        .target(name: "VMWizardPlatform"),
        // crypt(3) from the system's libcrypt, to store a cloud-init password hashed as Proxmox stores it.
        .target(name: "CPasswordHash", linkerSettings: [.linkedLibrary("crypt")]),
        .target(name: "VMWizardCore", dependencies: ["VMWizardPlatform", "CPasswordHash"]),
        // Pure: wizard state machine and rendering into a cell buffer. No ncurses.
        .target(name: "VMWizardTUI", dependencies: ["VMWizardCore", "VMWizardPlatform"]),
        // The only module that touches the terminal.
        .target(name: "VMWizardTerminal", dependencies: ["VMWizardTUI", "VMWizardPlatform", "CNcursesw", "CTerminalGuard"]),
        .executableTarget(
            name: "vmwizard",
            dependencies: [
                "VMWizardCore", "VMWizardTUI", "VMWizardTerminal", "VMWizardPlatform",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Writes the man page vmwizard.1 from `vmwizard --experimental-dump-help` and the key and exit code tables.
        .executableTarget(name: "vmwizard-manpage", dependencies: ["VMWizardCore", "VMWizardTUI", "VMWizardPlatform"]),
        // Builds large host fixture trees on disk, shared by the tests and the benchmarks.
        .target(name: "VMWizardFixtures", dependencies: ["VMWizardCore"]),
        .executableTarget(name: "vmwizard-bench", dependencies: ["VMWizardCore", "VMWizardTUI", "VMWizardFixtures"]),
        // Development tool: the seeded answers corpus, rendered, for scripts/pve-exactness.py (Proxmox's verdict).
        .executableTarget(name: "vmwizard-corpus", dependencies: ["VMWizardCore", "VMWizardFixtures", "VMWizardPlatform"]),
        .testTarget(
            name: "VMWizardCoreTests",
            dependencies: ["VMWizardCore", "VMWizardFixtures"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "VMWizardTUITests", dependencies: ["VMWizardTUI", "VMWizardCore"], exclude: ["Snapshots"]),
        .testTarget(name: "VMWizardEndToEndTests", dependencies: ["VMWizardCore", "VMWizardFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
