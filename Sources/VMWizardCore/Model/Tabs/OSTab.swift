extension OptionCatalog {
    static func isoChoices(_ ctx: FieldContext, storageField: FieldID) -> [Choice] {
        let storage = ctx.value(storageField)
        return (ctx.model.isoImages(onStorage: storage) ?? []).map {
            Choice($0.volid, .verbatim($0.fileName), detail: .verbatim(Units.bytes($0.sizeBytes)))
        }
    }

    static func isoStorageChoices(_ ctx: FieldContext) -> [Choice] {
        ctx.model.storages(withContent: "iso").map { storage in
            let images = ctx.model.isoImages(onStorage: storage.id)
            let count: Phrase = images.map { "\($0.count) ISOs" } ?? "reading…"
            return Choice(storage.id, .verbatim(storage.id), detail: "\(storage.type), \(count)")
        }
    }

    static func validateISO(_ label: Phrase, storageField: FieldID, imageField: FieldID) -> Checks.Check {
        { value, ctx in
            if value.isEmpty { return Issue("\(label) is required: pick an ISO image") }
            if let reason = PVEFormat.volumeID(value) { return Issue("\(label) '\(Checks.shown(value))': \(reason)") }
            if value.contains(",") { return Issue("\(label) '\(Checks.shown(value))' cannot contain a comma") }
            let storage = ctx.value(storageField)
            guard value.hasPrefix("\(storage):iso/") else {
                return Issue("\(label) '\(Checks.shown(value))' is not on storage '\(storage)'")
            }
            if let reason = PVEFormat.isoVolumeName(String(value.dropFirst(storage.count + 1)), storageType: ctx.host.storage(storage)?.type) {
                return Issue("\(label) '\(Checks.shown(value))': \(reason)")
            }
            // While the list is still being read (or its folder did not answer), the ID cannot be checked yet.
            guard let known = ctx.model.isoImages(onStorage: storage) else {
                return .warning("\(label) '\(Checks.shown(value))' is not checked: the ISO folder of storage '\(storage)' has not been listed")
            }
            if known.contains(where: { $0.volid == value }) { return nil }
            if ctx.model.isTemplateValue(imageField, item: nil, value) {
                return .warning("\(label) '\(Checks.shown(value))' (from the template) does not exist on storage '\(storage)': the VM is created, but does not start until the image is there")
            }
            return Issue("\(label) '\(Checks.shown(value))' does not exist on storage '\(storage)'")
        }
    }

    static let os: [FieldSpec] = [
        FieldSpec(
            .media, tab: .os, label: "Install media", kind: .choice, pveKey: .subKey("ide2", "file"),
            defaultValue: { _ in "iso" },
            choices: { _ in
                [Choice("iso", "ISO image file"), Choice("cdrom", "Physical CD/DVD drive"), Choice("none", "No media"),
                 Choice("omit", "No CD/DVD drive"), Choice("cloud", "Cloud image")]
            }),
        cloudDownloadField, cloudURLField, cloudFormatField, cloudStorageField, cloudChecksumField, cloudImageField,
        FieldSpec(
            .cdromDevice, tab: .os, label: "Drive", kind: .text, pveKey: .subKey("ide2", "file"), advanced: true,
            placeholder: { _ in "the host's CD/DVD drive" },
            visible: { $0.value(.media) == "cdrom" },
            validate: { value, _ in
                if value.isEmpty { return nil }
                guard value.hasPrefix("/dev/"), value.count > 5, !value.contains(","), !value.contains(" ") else {
                    return Issue("Drive '\(Checks.shown(value))' must be a device path like /dev/sr0")
                }
                return nil
            }),
        FieldSpec(
            .isoStorage, tab: .os, label: "ISO storage", kind: .picker, pveKey: .none,
            // As the web UI: the first storage with ISO content, by ID.
            defaultValue: { ctx in ctx.model.storages(withContent: "iso").map(\.id).sorted().first ?? "" },
            visible: { $0.value(.media) == "iso" },
            choices: isoStorageChoices,
            validate: Checks.storage("ISO storage", content: "iso")),
        FieldSpec(
            .isoImage, tab: .os, label: "ISO image", kind: .picker, pveKey: .subKey("ide2", "file"),
            placeholder: { _ in "pick an ISO (Enter)" },
            visible: { $0.value(.media) == "iso" },
            choices: { isoChoices($0, storageField: .isoStorage) },
            validate: { value, ctx in
                if let issue = validateISO("ISO image", storageField: .isoStorage, imageField: .isoImage)(value, ctx) { return issue }
                let name = ISODetection.fileName(ofVolume: value)
                if ISODetection.detect(fileName: name) == .virtioDrivers {
                    return .warning("\(name) holds Windows drivers, not an installer: pick the OS installer here and add the drivers CD for Windows")
                }
                if let isoArch = ISODetection.architecture(fileName: name), isoArch != ctx.model.guestArch {
                    return .warning("\(name) looks like an \(isoArch.label) installer, but the guest is \(ctx.model.guestArch.label): set vCPU architecture (General, advanced)")
                }
                return nil
            }),
        FieldSpec(
            .osBase, tab: .os, label: "Guest OS type", kind: .choice, pveKey: .none,
            defaultValue: { ctx in (OSBase.of(ostype: ctx.value(.ostype)) ?? .linux).rawValue },
            choices: { ctx in ctx.model.guestArch.osBases.map { Choice($0.rawValue, $0.label) } },
            validate: { value, ctx in
                guard let base = OSBase(rawValue: value), !ctx.model.guestArch.osBases.contains(base) else { return nil }
                return .stricter("\(base.label) does not run as an \(ctx.model.guestArch.label) guest: choose Linux or Other", "the guest does not boot")
            },
            inference: { ctx in
                if case .installer(_, let name) = ctx.model.detectedFromISO { return "detected \(name) from the ISO name" }
                return nil
            }),
        FieldSpec(
            .ostype, tab: .os, label: "Version", kind: .choice, pveKey: .key("ostype"),
            defaultValue: { ctx in
                var detected: String?
                if case .installer(let ostype, _) = ctx.model.detectedFromISO { detected = ostype }
                // A family picked by hand limits the version to that family.
                if let typedBase = ctx.model.userValue(.osBase).flatMap(OSBase.init(rawValue:)) {
                    if let detected, OSBase.of(ostype: detected) == typedBase { return detected }
                    return typedBase.versions[0].value
                }
                return detected ?? "l26"
            },
            choices: { ctx in ctx.model.guestArch.versions(of: OSBase(rawValue: ctx.value(.osBase)) ?? .linux) },
            validate: { value, ctx in
                guard OSBase.of(ostype: value) != nil, !ctx.model.guestArch.allows(ostype: value) else { return nil }
                return .stricter("OS type '\(value)' does not run as an \(ctx.model.guestArch.label) guest: use l26 (Linux) or other", "the guest does not boot")
            },
            inference: { ctx in
                if case .installer(_, let name) = ctx.model.detectedFromISO,
                   ctx.model.userValue(.osBase) == nil { return "detected \(name) from the ISO name" }
                return nil
            }),
        FieldSpec(
            .virtioAdd, tab: .os, label: "VirtIO drivers CD", kind: .flag, pveKey: .subKey("ide0", "file"),
            defaultValue: { ctx in ctx.model.isWindows && ctx.model.bestVirtioISO != nil ? "1" : "0" },
            visible: { $0.model.isWindows },
            inference: { ctx in
                ctx.model.bestVirtioISO.map { "\($0.fileName) is on this host" }
            }),
        FieldSpec(
            .virtioStorage, tab: .os, label: "Driver ISO storage", kind: .picker, pveKey: .none,
            defaultValue: { ctx in
                if let best = ctx.model.bestVirtioISO { return String(best.volid.prefix { $0 != ":" }) }
                return ctx.value(.isoStorage)
            },
            visible: { $0.model.virtioDriverDriveActive },
            choices: isoStorageChoices,
            validate: Checks.storage("Driver ISO storage", content: "iso")),
        FieldSpec(
            .virtioImage, tab: .os, label: "Driver ISO image", kind: .picker, pveKey: .subKey("ide0", "file"),
            defaultValue: { ctx in
                let storage = ctx.value(.virtioStorage)
                if let best = ctx.model.bestVirtioISO, best.volid.hasPrefix("\(storage):") { return best.volid }
                return ""
            },
            placeholder: { _ in "pick the virtio-win ISO (Enter)" },
            visible: { $0.model.virtioDriverDriveActive },
            choices: { isoChoices($0, storageField: .virtioStorage) },
            validate: validateISO("Driver ISO image", storageField: .virtioStorage, imageField: .virtioImage),
            inference: { ctx in ctx.model.bestVirtioISO.map { _ in "newest virtio-win ISO found" } }),
    ]
}
