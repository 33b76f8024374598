/// The install media "Cloud image" on the OS tab: an image on a storage, or one Proxmox downloads first.
extension OptionCatalog {
    /// The install media "Cloud image": a disk image imported as the first disk, already on a storage or
    /// downloaded by Proxmox first.
    static let cloudImageField = FieldSpec(
        .cloudImage, tab: .os, label: "Cloud image", kind: .picker, pveKey: .subKey("<bus><n>", "import-from"),
        defaultValue: { ctx in ctx.model.downloadTarget ?? "" },
        placeholder: { _ in "pick an image (Enter)" },
        visible: { $0.model.usesCloudImage && $0.value(.cloudDownload).isEmpty },
        choices: importImageChoices,
        validate: { value, ctx in
            if value.isEmpty { return Issue("Cloud image is required: pick an image from a storage with import content") }
            if ctx.model.draft.disks.isEmpty { return Issue("Cloud image: the VM has no disk to import it into; add one on the Disks tab") }
            return importSourceIssue("Cloud image", value, ctx)
        })

    static let cloudDownloadField = FieldSpec(
        .cloudDownload, tab: .os, label: "Get the image", kind: .choice, pveKey: .none,
        visible: { $0.model.usesCloudImage },
        choices: { _ in
            [Choice("", "Already on a storage")] + CloudImage.catalogue.map { Choice($0.id, "Download \($0.label)") }
                + [Choice("url", "Download from a URL")]
        },
        validate: { value, ctx in
            guard !value.isEmpty, let target = ctx.model.downloadTarget else { return nil }
            if ImportImage.exists(target, host: ctx.host) == true {
                return .warning("\(target) is already there: it is used as it is and not downloaded again")
            }
            return nil
        })

    static let cloudURLField = FieldSpec(
        .cloudURL, tab: .os, label: "URL", kind: .text, pveKey: .none,
        placeholder: { _ in .verbatim("https://…/image.qcow2") },
        visible: { $0.model.usesCloudImage && $0.value(.cloudDownload) == "url" },
        validate: { value, ctx in
            if value.isEmpty { return Issue("URL is required: the address of the image to download") }
            // Proxmox's download-url takes https?://… (lower case) and a file name of at most 255 characters.
            guard value.hasPrefix("https://") || value.hasPrefix("http://"),
                  !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
                  value.split(separator: "/").count >= 3 else {
                return Issue("URL '\(Checks.shown(value))' is not an http(s) address of a file")
            }
            if CloudImage.fileName(forURL: value, format: ctx.value(.cloudFormat)).count > 255 {
                return Issue("URL: the file name it gives is longer than the 255 characters Proxmox allows")
            }
            return value.hasPrefix("https://") ? nil
                : .warning("URL: without https the image is not protected in transit; give its checksum")
        })

    static let cloudFormatField = FieldSpec(
        .cloudFormat, tab: .os, label: "Image format", kind: .choice, pveKey: .none,
        defaultValue: { ctx in
            let url = ctx.value(.cloudURL).lowercased()
            return url.hasSuffix(".raw") ? "raw" : (url.hasSuffix(".vmdk") ? "vmdk" : "qcow2")
        },
        visible: { $0.model.usesCloudImage && $0.value(.cloudDownload) == "url" },
        choices: { _ in [Choice("qcow2", "QEMU image format (qcow2)"), Choice("raw", "Raw disk image (raw)"), Choice("vmdk", "VMware image format (vmdk)")] })

    static let cloudStorageField = FieldSpec(
        .cloudStorage, tab: .os, label: "Download to", kind: .picker, pveKey: .none,
        defaultValue: { ctx in ctx.model.storages(withContent: "import").map(\.id).sorted().first ?? "" },
        visible: { $0.model.usesCloudImage && !$0.value(.cloudDownload).isEmpty },
        choices: { ctx in
            let storages = ctx.model.storages(withContent: "import")
            return storages.map { Choice($0.id, .verbatim($0.id), detail: .verbatim($0.type)) }
        },
        validate: { value, ctx in
            if let issue = Checks.storage("Download to", content: "import")(value, ctx) { return issue }
            return ctx.host.storage(value).map { PVEFormat.fileStorageTypes.contains($0.type) } == false
                ? Issue("Download to: storage '\(value)' keeps no files; downloads go to a folder storage") : nil
        })

    static let cloudChecksumField = FieldSpec(
        .cloudChecksum, tab: .os, label: "Checksum", kind: .text, pveKey: .none, advanced: true,
        placeholder: { ctx in
            CloudImage.entry(ctx.value(.cloudDownload)).map { _ in "not checked (see the help)" } ?? "not checked"
        },
        visible: { $0.model.usesCloudImage && !$0.value(.cloudDownload).isEmpty },
        validate: { value, _ in
            if value.isEmpty { return nil }
            return DownloadChecksum(value) == nil
                ? Issue("Checksum '\(Checks.shown(value))' must be ALGORITHM:HEX, e.g. sha256:9f86d0… (md5, sha1, sha224, sha256, sha384, sha512)") : nil
        })
}
