import Foundation
import Testing
@testable import VMWizardCore

/// Drafts: each session owns its own, a live session's draft is never written over or removed by another, a
/// failed save falls back and says so, and nothing that was saved is lost.
@Suite struct DraftStoreTests {
    static func scratch(_ name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-drafts-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    static func draft(name: String) -> VMDraft {
        VMDraft(values: [FieldID.name.rawValue: name, FieldID.vmid.rawValue: "120"])
    }

    @Test func twoSessionsKeepTwoDrafts() throws {
        let store = DraftStore(directory: try Self.scratch("two"))
        let first = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 1_000))
        let second = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 1_000))
        // Same start second and same PID (one test process): still two drafts, because ids are per session.
        #expect(first.save(Self.draft(name: "web"), node: "pve1", tab: .cpu).isSaved)
        #expect(second.save(Self.draft(name: "db"), node: "pve1", tab: .disks).isSaved)
        #expect(first.save(Self.draft(name: "web, again"), node: "pve1", tab: .cpu).isSaved)
        let entries = store.list().entries
        #expect(entries.map(\.vmName).sorted() == ["db", "web, again"])
        #expect(entries.contains { $0.vmName == "web, again" && $0.saved.tab == .cpu })
    }

    @Test func aLiveSessionsDraftIsNeitherAdoptedNorDiscarded() throws {
        let store = DraftStore(directory: try Self.scratch("live"))
        let owner = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 2_000))
        #expect(owner.save(Self.draft(name: "web"), node: "pve1", tab: .general) == .saved(path: owner.path ?? ""))
        let entry = try #require(store.list().entries.first)
        #expect(entry.owner?.pid == getpid())
        #expect(store.newestFree() == nil)
        let other = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 3_000))
        #expect(!other.adopt(entry))
        #expect(!store.discard(entry))
        #expect(FileManager.default.fileExists(atPath: entry.path))
        // The other session's own saves go to its own draft.
        #expect(other.save(Self.draft(name: "db"), node: "pve1", tab: .general).isSaved)
        #expect(store.list().entries.map(\.vmName).sorted() == ["db", "web"])
        withExtendedLifetime(owner) {}
    }

    @Test func aDraftLeftByAGoneSessionIsOfferedAndResumed() throws {
        let dir = try Self.scratch("gone")
        let store = DraftStore(directory: dir)
        do {
            let gone = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 4_000))
            #expect(gone.save(Self.draft(name: "left"), node: "pve1", tab: .network).isSaved)
        }  // the session object is gone: its lock is released, as when a process dies
        let entry = try #require(store.newestFree())
        #expect(entry.vmName == "left")
        #expect(entry.vmid == "120")
        #expect(entry.saved.tab == .network)
        let resumer = DraftSession(store: store)
        #expect(resumer.adopt(entry))
        #expect(resumer.save(Self.draft(name: "left, edited"), node: "pve1", tab: .network).isSaved)
        // Resuming continues the same draft: still one.
        #expect(store.list().entries.map(\.vmName) == ["left, edited"])
        #expect(store.list().entries.first?.owner?.pid == getpid())
    }

    @Test func anUnwritablePlaceFallsBackAndSaysWhy() throws {
        let dir = try Self.scratch("fallback")
        // The state "directory" is a regular file: nothing can be created under it.
        let blocked = dir + "/state-is-a-file"
        try "x".write(toFile: blocked, atomically: true, encoding: .utf8)
        let store = DraftStore(directory: blocked + "/vmwizard", fallbacks: [dir + "/fallback"])
        let session = DraftSession(store: store)
        let result = session.save(Self.draft(name: "web"), node: "pve1", tab: .general)
        guard case .savedElsewhere(let path, let reason) = result else {
            Issue.record("expected a fallback save, got \(result)")
            return
        }
        #expect(path.hasPrefix(dir + "/fallback/drafts/"))
        #expect(reason.contains("cannot create"), "\(reason)")
        // Drafts in a fallback place are offered at the next start.
        #expect(store.list().entries.map(\.vmName) == ["web"])
    }

    @Test func nowhereToSaveIsAFailureWithTheReason() throws {
        let dir = try Self.scratch("nowhere")
        let blocked = dir + "/file"
        try "x".write(toFile: blocked, atomically: true, encoding: .utf8)
        let store = DraftStore(directory: blocked + "/a", fallbacks: [blocked + "/b"])
        let result = DraftSession(store: store).save(Self.draft(name: "web"), node: "pve1", tab: nil)
        guard case .failed(let reason) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(reason.contains(blocked), "\(reason)")
        #expect(!result.isSaved)
    }

    @Test func aVersion01DraftIsOfferedAndReplacedOnSave() throws {
        let dir = try Self.scratch("legacy")
        let store = DraftStore(directory: dir)
        let old = DraftStore.SavedDraft(draft: Self.draft(name: "old"), savedAt: Date(timeIntervalSince1970: 5_000), node: "pve1")
        try String(decoding: try DraftStore.encoder.encode(old), as: UTF8.self).write(toFile: store.legacyDraftPath, atomically: true, encoding: .utf8)
        let entry = try #require(store.newestFree())
        #expect(entry.vmName == "old")
        #expect(entry.saved.tab == nil)
        let session = DraftSession(store: store)
        #expect(session.adopt(entry))
        #expect(session.save(Self.draft(name: "old"), node: "pve1", tab: .os).isSaved)
        #expect(!FileManager.default.fileExists(atPath: store.legacyDraftPath))
        #expect(store.list().entries.count == 1)
    }

    @Test func aDamagedDraftIsReportedAndKept() throws {
        let dir = try Self.scratch("damaged")
        let store = DraftStore(directory: dir)
        try FileManager.default.createDirectory(atPath: dir + "/drafts", withIntermediateDirectories: true)
        try "{not json".write(toFile: dir + "/drafts/1-1.json", atomically: true, encoding: .utf8)
        let (entries, problems) = store.list()
        #expect(entries.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("left in place") == true)
        #expect(FileManager.default.fileExists(atPath: dir + "/drafts/1-1.json"))
    }

    @Test func removeForgetsOnlyThisSessionsDraft() throws {
        let store = DraftStore(directory: try Self.scratch("remove"))
        let keep = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 6_000))
        let done = DraftSession(store: store, startedAt: Date(timeIntervalSince1970: 7_000))
        _ = keep.save(Self.draft(name: "keep"), node: "pve1", tab: nil)
        _ = done.save(Self.draft(name: "done"), node: "pve1", tab: nil)
        done.remove()
        #expect(store.list().entries.map(\.vmName) == ["keep"])
    }
}
