import Testing
@testable import VMWizardCore
@testable import VMWizardTUI

/// Key by key behaviour of the state machine (no terminal involved).
@Suite struct TransitionTests {
    @Test func entersEveryTabOnItsFirstField() {
        var state = demoState()
        state.pickISO(containing: "debian")
        #expect(state.focus == .field(FieldRef(.node)))
        state.press(.pageDown)
        #expect(state.tab == .os)
        #expect(state.focus == .field(FieldRef(.media)))
        state.press(.pageDown)
        #expect(state.tab == .system)
        #expect(state.focus == .field(FieldRef(.vga)))
        state.press(.pageDown)
        #expect(state.tab == .disks)
        #expect(state.focus == .diskList)
        state.press(.pageUp, .pageUp)
        #expect(state.tab == .os)
    }

    @Test func tabAndArrowsMoveBetweenFieldsAndWrap() {
        var state = demoState()
        state.press(.tab)
        #expect(state.focus == .field(FieldRef(.vmid)))
        state.press(.down)
        #expect(state.focus == .field(FieldRef(.name)))
        state.press(.up, .backTab)
        #expect(state.focus == .field(FieldRef(.node)))
        state.press(.backTab)
        #expect(state.focus == .field(FieldRef(.haManaged)), "Shift-Tab on the first field wraps to the last")
    }

    @Test func textEditingKeys() {
        var state = demoState()
        state.press(.tab, .tab)  // Name
        state.type("web01")
        #expect(state.model.value(.name) == "web01")
        state.press(.left, .left, .backspace)
        #expect(state.model.value(.name) == "we01")
        state.type("b-")
        #expect(state.model.value(.name) == "web-01")
        state.press(.home)
        state.type("x")
        #expect(state.model.value(.name) == "xweb-01")
        state.press(.end, .backspace)
        #expect(state.model.value(.name) == "xweb-0")
        state.press(.home, .delete)
        #expect(state.model.value(.name) == "web-0")
        state.press(.ctrl("u"))
        #expect(state.model.value(.name) == "")
        #expect(state.model.isUserSet(.name))
    }

    @Test func numbersStepLikeTheWebUI() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        #expect(state.tab == .memory)
        #expect(state.focus == .field(FieldRef(.memory)))
        state.type("+")
        #expect(state.model.value(.memory) == "2080")
        state.type("--")
        #expect(state.model.value(.memory) == "2016")
        state.press(.ctrl("u"))
        state.type("2050+")
        #expect(state.model.value(.memory) == "2080", "steps snap to the 32 MiB grid")
        state.type("x")
        #expect(state.model.value(.memory) == "2080")
        #expect(state.statusIsError)
    }

    @Test func choicesCycleAndFlagsToggle() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.pageDown, .pageDown)  // System, Graphic card
        state.press(.right)
        #expect(state.model.value(.vga) == "std")
        state.press(.left, .left)
        #expect(state.model.value(.vga) == "none")
        // Qemu Agent is a checkbox.
        while state.focus != .field(FieldRef(.agent)) { state.press(.tab) }
        state.press(.char(" "))
        #expect(state.model.value(.agent) == "1")
        state.press(.char(" "))
        #expect(state.model.value(.agent) == "0")
    }

    @Test func pickerFiltersAndPicks() {
        var state = demoState()
        state.press(.pageDown)
        #expect(state.tab == .os)
        state.press(.down, .down)
        #expect(state.focus == .field(FieldRef(.isoImage)))
        state.press(.enter)
        guard case .picker = state.overlay else {
            Issue.record("Enter should open the ISO picker")
            return
        }
        state.type("win11")
        guard case .picker(let picker) = state.overlay else { return }
        let items = state.pickerItems(picker)
        #expect(items.first?.label.description.lowercased().hasPrefix("win11") == true)
        state.press(.enter)
        #expect(state.overlay == nil)
        #expect(state.model.value(.isoImage).contains("Win11"))
        #expect(state.model.value(.ostype) == "win11", "the OS is proposed from the ISO name")
        #expect(state.model.provenance(.ostype) != .user)
    }

    @Test func forwardTabsAreLockedUntilTheTabIsValid() {
        var state = demoState()
        state.press(.pageDown)  // OS: no ISO picked yet
        state.press(.pageDown)
        #expect(state.tab == .os)
        #expect(state.statusIsError)
        #expect(state.focus == .field(FieldRef(.isoImage)))
        #expect(state.isLocked(.system))
        state.pickISO(containing: "debian")
        #expect(!state.isLocked(.system))
        state.press(.pageDown)
        #expect(state.tab == .system)
    }

    @Test func finishGoesToFirstProblemThenConfirm() {
        var state = demoState()
        state.press(.function(10))
        #expect(state.tab == .os)
        #expect(state.focus == .field(FieldRef(.isoImage)))
        #expect(state.status?.description.contains("ISO image") == true)
        state.pickISO(containing: "debian")
        state.press(.ctrl("x"))
        #expect(state.tab == .confirm)
        // F10 on Confirm only moves to [Create]; on the demo host, Create never runs anything.
        #expect(state.press(.function(10)).isEmpty)
        #expect(state.focus == .action(.create))
        let effects = state.press(.enter)
        #expect(!effects.contains(.create))
        guard case .message(let title, _, _) = state.overlay else {
            Issue.record("the demo host explains why nothing is created")
            return
        }
        #expect(title == "Demo host")
    }

    @Test func finishRevealsAnInvalidAdvancedField() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.model.set(.cpuFlags, to: "+bogus")
        #expect(!state.showAdvanced)
        state.press(.function(10))
        #expect(state.showAdvanced)
        #expect(state.focus == .field(FieldRef(.cpuFlags)))
    }

    @Test func leavingATabKeepsWhatWasTyped() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.tab, .tab)
        state.type("db1")
        state.press(.pageDown, .pageDown, .pageUp, .pageUp)
        #expect(state.tab == .general)
        #expect(state.model.value(.name) == "db1")
    }

    @Test func advancedToggleShowsFieldsAndIsRemembered() {
        var state = demoState()
        #expect(!state.shownFields(on: .general).contains { $0.spec.id == .onboot })
        let effects = state.press(.function(2))
        #expect(effects.contains(.savePreferences))
        #expect(state.shownFields(on: .general).contains { $0.spec.id == .onboot })
        state.press(.ctrl("a"))
        #expect(!state.showAdvanced)
    }

    @Test func escapeAsksBeforeQuittingAndCtrlCQuits() {
        var state = demoState()
        state.press(.escape)
        #expect(state.overlay == .confirmQuit)
        state.press(.escape)
        #expect(state.overlay == nil)
        state.press(.escape)
        #expect(state.press(.char("y")) == [.quit(1)])
        var other = demoState()
        #expect(other.press(.ctrl("c")) == [.quit(1)])
    }

    @Test func diskAndNICListsAddAndRemove() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.pageDown, .pageDown, .pageDown)
        #expect(state.tab == .disks)
        #expect(state.focus == .diskList)
        state.press(.char("+"))
        #expect(state.model.draft.disks.count == 2)
        #expect(state.selectedDisk == 1)
        #expect(state.itemName(scope: .disk, index: 1) == "scsi1")
        state.press(.char("-"), .char("-"))
        #expect(state.model.draft.disks.isEmpty)
        #expect(state.focus == .diskList, "zero disks leaves only the list")
        #expect(state.model.errors.isEmpty, "zero disks is allowed")
        state.press(.pageDown, .pageDown, .pageDown)
        #expect(state.tab == .network)
        state.press(.insert)
        #expect(state.model.draft.nics.count == 2)
        state.press(.left)
        #expect(state.selectedNIC == 0)
    }

    @Test func tinyTerminalShowsAMessageAndKeepsEverything() {
        var state = demoState()
        state.press(.tab, .tab)
        state.type("keep")
        state.update(.resize(width: 60, height: 20))
        #expect(state.render().text.contains("terminal too small: need 80×24, have 60×20"))
        state.press(.tab, .char("x"))
        state.update(.resize(width: 100, height: 30))
        #expect(state.model.value(.name) == "keep")
        #expect(state.focus == .field(FieldRef(.name)))
    }

    @Test func changesAskForADraftSave() {
        var state = demoState()
        state.press(.tab, .tab)
        #expect(state.type("a").contains(.saveDraft))
        #expect(!state.press(.tab).contains(.saveDraft))
    }

    @Test func resetReturnsAFieldToItsDefault() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.pageDown, .pageDown, .pageDown, .pageDown, .pageDown)
        state.type("+")
        #expect(state.model.isUserSet(.memory))
        state.press(.ctrl("r"))
        #expect(!state.model.isUserSet(.memory))
        #expect(state.model.value(.memory) == "2048")
    }

    @Test func createFailureReturnsToTheWizardWithAnswers() {
        var state = WizardState(model: VMModel(host: .demo), options: WizardOptions(canApply: true))
        state.pickISO(containing: "debian")
        state.press(.tab, .tab)
        state.type("web")
        state.press(.function(10))
        // F10 twice never creates: it leaves the focus on [Create] and says how to create.
        #expect(state.press(.function(10)) == [])
        #expect(state.focus == .action(.create))
        #expect(state.status?.description.contains("Enter to create") == true)
        #expect(state.press(.enter) == [.create])
        state.update(.applyOutput("creating…"))
        state.update(.applyFinished(.failed("storage 'local-lvm' does not exist")))
        #expect(state.render().text.contains("storage 'local-lvm' does not exist"))
        state.press(.enter)
        #expect(state.apply == nil)
        #expect(state.model.value(.name) == "web")
        #expect(state.tab == .confirm)
    }

    @Test func takenVMIDOffersTheNextFreeOne() {
        var state = WizardState(model: VMModel(host: .demo), options: WizardOptions(canApply: true))
        state.pickISO(containing: "debian")
        state.press(.function(10))
        state.press(.enter)
        state.update(.applyFinished(.vmidTaken(vmid: "103", suggestion: "104")))
        #expect(state.overlay == .vmidTaken(vmid: "103", suggestion: "104"))
        let effects = state.press(.enter)
        #expect(effects.contains(.create))
        #expect(state.model.value(.vmid) == "104")
    }

    @Test func printAndExitNeedsAValidModel() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.function(10))
        while state.focus != .action(.printAndExit) { state.press(.tab) }
        #expect(state.press(.enter) == [.printAndExit])
    }
}

@Suite struct KeyboardTests {
    @Test func enteringAFieldSelectsItsValueAndTypingReplacesIt() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.go(to: .cpu)
        while state.focus != .field(FieldRef(.cores)) { state.press(.tab) }
        #expect(state.textSelected)
        state.type("4")
        #expect(state.model.value(.cores) == "4", "not 14")
        state.type("8")
        #expect(state.model.value(.cores) == "48", "after the first key, typing edits in place")
        // Arrows (or Home/End/Backspace) start editing in place instead.
        state.press(.tab, .backTab)
        #expect(state.textSelected)
        state.press(.left)
        #expect(!state.textSelected)
        state.type("1")
        #expect(state.model.value(.cores) == "418")
        // The selection is drawn: the screen shows it, and a paste replaces it too.
        state.press(.tab, .backTab)
        state.update(.key(.paste("16")))
        #expect(state.model.value(.cores) == "16")
    }

    @Test func questionMarkInANumberFieldOpensHelp() {
        var state = demoState()
        state.go(to: .memory)
        #expect(state.focusedField?.spec.id == .memory)
        state.type("?")
        #expect(state.overlay == .help(scroll: 0))
        // In free text, "?" is text.
        state.press(.escape)
        state.go(to: .general)
        while state.focus != .field(FieldRef(.name)) { state.press(.tab) }
        state.type("a?")
        #expect(state.overlay == nil)
        #expect(state.model.value(.name) == "a?")
    }

    @Test func returningToATabReturnsToItsLastField() {
        var state = demoState()
        state.go(to: .memory)
        state.press(.tab)
        let last = state.focus
        state.go(to: .cpu)
        #expect(state.focusStops.first == state.focus, "first visit: first field")
        state.go(to: .memory)
        #expect(state.focus == last)
    }

    @Test func pickersOpenOnTheCurrentValueInView() throws {
        var state = demoState()
        state.go(to: .cpu)
        while state.focus != .field(FieldRef(.cpuType)) { state.press(.tab) }
        state.press(.enter)
        guard case .picker(let picker) = state.overlay else {
            Issue.record("Enter opens the CPU picker")
            return
        }
        let items = state.pickerItems(picker)
        #expect(items.indices.contains(picker.selected))
        #expect(items[picker.selected].value == state.model.value(.cpuType))
        let rows = state.pickerVisibleRows(picker)
        #expect((picker.scroll..<(picker.scroll + rows)).contains(picker.selected), "in view")
        #expect(state.render().text.contains(CPUModels.defaultModel))
    }

    @Test func aFixedListTakesOnlyItsOwnValues() {
        var state = demoState()
        state.go(to: .os)
        while state.focus != .field(FieldRef(.ostype)) { state.press(.tab) }
        let before = state.model.value(.ostype)
        state.press(.enter)
        state.type("zzz")
        state.press(.enter)
        #expect(state.model.value(.ostype) == before)
        #expect(state.status?.description.contains("Nothing in the list matches 'zzz'") == true)
        guard case .picker = state.overlay else {
            Issue.record("the picker stays open")
            return
        }
    }
}

@Suite struct RemoteNodeTransitionTests {
    @Test func pickingAnotherNodeLoadsItsResourcesOnce() {
        var host = HostInventory.demo
        host.nodes = [ClusterNode(name: "pve", online: true, isLocal: true), ClusterNode(name: "pve2", online: true, isLocal: false)]
        var state = WizardState(model: VMModel(host: host))
        let effects = state.press(.right)  // Node: pve -> pve2
        #expect(state.model.targetNode == "pve2")
        #expect(effects.contains(.loadRemoteNode("pve2")))
        #expect(!state.press(.tab).contains(.loadRemoteNode("pve2")), "asked once")
        state.update(.remoteNodeLoaded(node: "pve2", RemoteNodeResources(status: .loaded, bridges: [Bridge(name: "vmbr7", kind: .linux)])))
        #expect(state.model.value(.netBridge, item: 0) == "vmbr7")
    }

    @Test func aValueNotInThePickerListIsTakenAsTyped() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.go(to: .cpu)
        while state.focus != .field(FieldRef(.cpuType)) { state.press(.tab) }
        state.press(.enter)
        state.type("custom-mycpu")
        state.press(.enter)
        #expect(state.model.value(.cpuType) == "custom-mycpu")
        // Checked against the cluster's cpu-models.conf.
        #expect(state.model.issue(.cpuType)?.message.contains("no custom CPU model 'mycpu'") == true)
        state.model.host.customCPUModels["mycpu"] = "EPYC"
        #expect(state.model.issue(.cpuType) == nil)
        #expect(OptionCatalog.spec(.cpuType)?.choices(state.model.context(item: nil)).contains { $0.value == "custom-mycpu" } == true)
    }
}

@Suite struct ConfirmActionTests {
    @Test func writeConfigAsksForAPathAndWritesThere() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.function(10))
        while state.focus != .action(.writeConfig) { state.press(.tab) }
        state.press(.enter)
        // Proposed as an absolute path in the directory vmwizard was started in.
        #expect(state.overlay == .pathPrompt(text: "/root/vm-103.conf", cursor: 17))
        state.press(.ctrl("u"))
        state.type("/root/web.conf")
        #expect(state.press(.enter) == [.writeConfig(path: "/root/web.conf")])
        state.update(.configWritten(.success("/root/web.conf")))
        guard case .message(_, let written, _) = state.overlay else {
            Issue.record("the result is shown")
            return
        }
        #expect(written.description.contains("/root/web.conf"))
        #expect(written.description.contains("local-lvm:vm-103-disk-0) do not exist yet"), "\(written)")
        state.press(.enter)
        state.update(.configWritten(.failure(ApplyFailure("/root/web.conf already exists; vmwizard never overwrites a file"))))
        guard case .message(_, let text, let isError) = state.overlay else {
            Issue.record("the result is shown")
            return
        }
        #expect(isError && text.description.contains("never overwrites"))
    }

    @Test func backGoesToTheTabBeforeConfirm() {
        var state = demoState()
        state.pickISO(containing: "debian")
        state.press(.function(10))
        while state.focus != .action(.back) { state.press(.tab) }
        state.press(.enter)
        #expect(state.tab == .cloudInit)
    }
}

/// Choosing ARM on General changes what the later tabs offer and show.
@Suite struct GuestArchScreenTests {
    @Test func armGuestChangesTheLaterTabs() {
        var state = demoState(width: 100, height: 30, advanced: true)
        state.pickISO(containing: "debian")
        state.focus = .field(FieldRef(.arch))
        state.press(.right, .right)  // Default -> x86 (64-bit) -> ARM (64-bit)
        #expect(state.model.value(.arch) == "aarch64")
        var text = state.render().text
        #expect(text.contains("< ARM (64-bit) >"))
        #expect(text.contains("is emulated on this x86_64 node"))
        state.go(to: .os)
        state.focus = .field(FieldRef(.media))
        text = state.render().text
        #expect(text.contains("config: scsi2 file="))
        state.go(to: .system)
        text = state.render().text
        #expect(text.contains("< Default (virt) >"))
        #expect(text.contains("< OVMF (UEFI) >"))
        #expect(text.contains("Add EFI Disk"))
        state.go(to: .cpu)
        text = state.render().text
        #expect(text.contains("max"))
        #expect(!text.contains("x86-64-v2-AES"))
        state.go(to: .confirm)
        text = state.render().text
        #expect(text.contains("--arch aarch64"))
        #expect(text.contains("--scsi2 local:iso/debian"))
        #expect(state.model.errors.isEmpty, "\(state.model.errors)")
    }
}

/// Import from is a picker of the listed images, and still takes a source typed by hand.
@Suite struct ImportPickerTests {
    @Test func pickAnImageOrTypeASource() {
        var state = demoState(width: 100, height: 30, advanced: true)
        state.go(to: .disks)
        state.focus = .field(FieldRef(.diskImport, item: 0))
        state.press(.enter)
        var text = state.render().text
        #expect(text.contains("debian-13-genericcloud-amd64.qcow2"))
        #expect(text.contains("legacy-app-disk1.vmdk"))
        state.type("legacy")
        state.press(.enter)
        #expect(state.model.value(.diskImport, item: 0) == "local:import/legacy-app-disk1.vmdk")
        #expect(state.model.issue(.diskImport, item: 0) == nil)
        // A path typed by hand is taken as typed, and judged by validation.
        state.press(.enter)
        state.type("/srv/images/base.qcow2")
        state.press(.enter)
        #expect(state.model.value(.diskImport, item: 0) == "/srv/images/base.qcow2")
        text = state.render().text
        #expect(text.contains("(typed, not from the list)"))
    }
}

@Suite struct ExistingVolumeTransitionTests {
    @Test func choosingAnISCSIStorageListsItsLUNsOnceInTheBackground() {
        var host = HostInventory.demo
        host.existingVolumes = [:]
        var state = WizardState(model: VMModel(host: host))
        #expect(state.update(.tick(elapsed: 0)).isEmpty, "nothing is listed before the storage is chosen")
        state.model.set(.diskStorage, item: 0, to: "san")
        let effects = state.update(.tick(elapsed: 0))
        #expect(effects.contains(.listVolumes(storage: "san", node: "pve")))
        #expect(state.model.host.existingVolumes["san"] == .loading)
        #expect(!state.update(.tick(elapsed: 0)).contains(.listVolumes(storage: "san", node: "pve")), "asked once")
        let lun = ISOImage(volid: "san:0.0.7.scsi-x", fileName: "0.0.7.scsi-x", sizeBytes: 1 << 30)
        state.update(.volumesListed(storage: "san", .loaded([lun])))
        #expect(OptionCatalog.spec(.diskVolume)!.choices(state.model.context(item: 0)).map(\.value) == [lun.volid])
        state.update(.volumesListed(storage: "san", .failed("could not list the volumes of storage san with pvesh (within 15 s)")))
        #expect(state.status?.description.contains("could not list") == true && state.statusIsError)
    }
}
