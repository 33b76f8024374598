#if canImport(FoundationEssentials)
import Synchronization
#else
import Foundation
#endif

/// A mutual-exclusion lock for the classes whose state several threads share (command output, the event
/// queue, caches). Synchronization's Mutex without full Foundation; NSLock with it (Mutex needs macOS 15).
public final class Lock: Sendable {
    #if canImport(FoundationEssentials)
    private let mutex = Mutex(())
    #else
    private let mutex = NSLock()
    #endif

    public init() {}

    public func withLock<T>(_ body: () throws -> T) rethrows -> T {
        #if canImport(FoundationEssentials)
        try mutex.withLock { _ in try body() }
        #else
        try mutex.withLock(body)
        #endif
    }
}
