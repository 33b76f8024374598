#if canImport(FoundationEssentials)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
#else
import Foundation
#endif

/// Foundation's `Thread.detachNewThread`: runs work on a thread of its own, not on a pool thread, because
/// the work may block for a long time (a hung network mount, a running `qm`) without starving anything else.
public enum DetachedThread {
    public static func start(_ body: @escaping @Sendable () -> Void) {
        #if canImport(FoundationEssentials)
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { raw in
            let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
            box.body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            fatalError("vmwizard: cannot start a thread: \(String(cString: strerror(created)))")
        }
        pthread_detach(thread)
        #else
        Thread.detachNewThread(body)
        #endif
    }

    private final class Box: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
}
