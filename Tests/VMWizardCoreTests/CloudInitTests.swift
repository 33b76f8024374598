import Foundation
import Testing
@testable import VMWizardCore

/// Cloud images and cloud-init: the pieces (digest, password hash, SSH keys, addresses), the model, the three
/// renderings and the apply steps. The qm line and config of `debianCloudTemplate` were checked with
/// ../shared/pve-check (Proxmox accepts both; its `qm` reads the key file into the same URL-encoded `sshkeys`).
@Suite struct CloudInitTests {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso++PvfMv9p56+QQkm/+dBtqKaTprt3sDNOABP me@laptop"

    // MARK: Pieces

    @Test func sha256MatchesTheStandardVectors() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Several blocks, and a message whose padding needs a block of its own.
        #expect(hex(SHA256.hash(Array(repeating: UInt8(ascii: "a"), count: 1000))) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(Base64.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw==")
        #expect(Base64.decode("YW55IGNhcm5hbCBwbGVhcw==") == Array("any carnal pleas".utf8))
        #expect(Base64.decode("YW55=IGN") == nil)
        #expect(Base64.decode("YW5") == nil)
    }

    @Test func passwordsAreKeptAsSHA256CryptHashes() throws {
        // The same answer as `openssl passwd -5 -salt saltsalt secret`.
        #expect(PasswordHash.hash("secret", setting: "$5$saltsalt$") == "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA")
        let hashed = try #require(PasswordHash.hash("secret"))
        #expect(hashed.hasPrefix("$5$") && !hashed.contains("secret"))
        #expect(PasswordHash.hash("secret") != hashed, "a fresh salt each time")
        #expect(PasswordHash.isHash(hashed))
        #expect(PasswordHash.isHash("$6$abc$def") && PasswordHash.isHash("$2y$10$abc"))
        #expect(!PasswordHash.isHash("secret") && !PasswordHash.isHash("$5$") && !PasswordHash.isHash("$7$a$b"))
    }

    @Test func sshKeysAreCheckedAndFingerprintedAsSshKeygenDoes() throws {
        let key = try SSHPublicKey.parse(Substring(Self.ed25519)).get()
        #expect(key.type == "ssh-ed25519" && key.comment == "me@laptop" && key.shortType == "ed25519")
        // ssh-keygen -lf prints this fingerprint for the key.
        #expect(key.fingerprint == "SHA256:WNN7Q1WW2C5nW/6Ua/vwVrzjXIrMxXpR4qAmqJRsYUo")
        let withOptions = try SSHPublicKey.parse(Substring("from=\"10.0.0.0/8\",no-pty " + Self.ed25519)).get()
        #expect(withOptions.line == Self.ed25519, "options of authorized_keys are not carried into the guest")
        #expect(SSHPublicKey.parse("-----BEGIN OPENSSH PRIVATE KEY-----") == .failure(.privateKey))
        #expect(SSHPublicKey.parse("ssh-foo AAAA") == .failure(.unknownType("ssh-foo")))
        #expect(SSHPublicKey.parse("ssh-ed25519") == .failure(.noKeyData))
        // A blob of another type under this name, and one that is not base64.
        #expect(SSHPublicKey.parse("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso++PvfMv9p56+QQkm/+dBtqKaTprt3sDNOABP") == .failure(.badKeyData))
        #expect(SSHPublicKey.parse("ssh-ed25519 not*base64") == .failure(.badKeyData))
        let list = SSHPublicKey.parseList("# mine\n\(Self.ed25519)\r\n\n\(Self.ed25519)\n")
        #expect(list.keys.count == 1 && list.problem == nil, "comments, blank lines, CR and duplicates")
        #expect(SSHPublicKey.parseList("\(Self.ed25519)\nbogus").problem?.line == 2)
    }

    @Test func addressesAreReadAsProxmoxReadsThem() {
        #expect(IPAddress.ipv4("192.0.2.1") == 0xC000_0201)
        for bad in ["192.0.2.01", "256.1.1.1", "1.2.3", "1.2.3.4.5", "", "1.2.3.-4"] { #expect(IPAddress.ipv4(Substring(bad)) == nil, "\(bad)") }
        for good in ["::", "::1", "2001:db8::10", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "1:2:3:4:5:6:1.2.3.4", "fe80::"] {
            #expect(IPAddress.ipv6(Substring(good)) != nil, "\(good)")
        }
        for bad in [":::", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "fe80::1%eth0", "1:2:3:4:5:6:7", "::1.2.3"] {
            #expect(IPAddress.ipv6(Substring(bad)) == nil, "\(bad)")
        }
        #expect(IPAddress.cidr4("192.0.2.10/24")?.prefix == 24)
        #expect(IPAddress.cidr4("192.0.2.10/7") == nil && IPAddress.cidr4("192.0.2.10/33") == nil && IPAddress.cidr4("192.0.2.10") == nil)
        #expect(IPAddress.cidr6("2001:db8::10/64")?.prefix == 64 && IPAddress.cidr6("2001:db8::10/129") == nil)
    }

    @Test func addressChecksSayWhatACarefulAdminWantsToHear() throws {
        #expect(CloudInitAddress.ipv4Issue("dhcp", gateway: "") == nil)
        #expect(CloudInitAddress.ipv4Issue("10.0.0.5", gateway: "")?.isError == true, "the prefix length is required")
        #expect(try #require(CloudInitAddress.ipv4Issue("192.0.2.0/24", gateway: "")).message.contains("network address"))
        #expect(try #require(CloudInitAddress.ipv4Issue("192.0.2.255/24", gateway: "")).message.contains("broadcast"))
        #expect(CloudInitAddress.ipv4Issue("192.0.2.7/32", gateway: "") == nil)
        let outside = try #require(CloudInitAddress.gateway4Issue("198.51.100.1", address: "192.0.2.7/32"))
        #expect(!outside.isError && outside.message.contains("routed set-up"), "a routed /32 stays allowed")
        #expect(CloudInitAddress.gateway4Issue("192.0.2.1", address: "192.0.2.7/24") == nil)
        #expect(CloudInitAddress.gateway4Issue("192.0.2.7", address: "192.0.2.7/24")?.isError == true)
        #expect(CloudInitAddress.ipv6Issue("auto") == nil && CloudInitAddress.ipv6Issue("slaac")?.isError == true)
        #expect(CloudInitAddress.gateway6Issue("fe80::1", address: "2001:db8::10/64") == nil, "link-local gateways are normal")
        #expect(CloudInitAddress.gateway6Issue("2001:db9::1", address: "2001:db8::10/64")?.isError == false)
    }

    // MARK: The node's keys and DNS

    @Test func theNodesPublicKeysAreOfferedButNeverAPrivateOne() throws {
        let host = HostInventoryLoader.load(root: try InventoryFixtures.root("standalone"))
        #expect(host.sshKeys.map(\.key.comment) == ["root@pve1", "backup key", "admin@laptop"])
        #expect(host.sshKeys.map(\.source) == ["/root/.ssh/id_ed25519.pub", "/root/.ssh/id_rsa.pub", "/root/.ssh/authorized_keys"])
        #expect(host.sshKeys[0].key.fingerprint == "SHA256:b6YfxEwDX0mBsHLNs+RTpDpAE+WPgVEeINS74WhV4dU")
        #expect(host.sshKeys[2].key.fingerprint == "SHA256:f8WcsJUfV7exn7iHVNsW4rjCZO6HoibCF4BmfnTZOMU")
        #expect(!host.sshKeys.contains { $0.key.line.contains("PRIVATE") || $0.source.hasSuffix("oops.pub") })
        #expect(host.dnsServers == ["192.0.2.53", "2001:db8::53", "192.0.2.54"], "three, as Proxmox reads them")
        #expect(host.dnsSearch == "example.lan corp.example")
    }

    // MARK: The model and its outputs

    /// The demo host's Debian cloud image as a template: a user, a key, a password, a static address.
    static func debianCloudTemplate() -> VMModel {
        var model = VMModel(host: .demo)
        model.set(.name, to: "debian13")
        model.set(.media, to: "cloud")
        model.set(.cloudImage, to: "local:import/debian-13-genericcloud-amd64.qcow2")
        model.set(.ciUser, to: "admin")
        model.set(.ciPassword, to: PasswordHash.hash("secret", setting: "$5$saltsalt$") ?? "")
        model.changeSSHKeys(adding: [try! SSHPublicKey.parse(Substring(ed25519)).get()])
        model.set(.netIP, item: 0, to: "192.0.2.10/24")
        model.set(.netGW, item: 0, to: "192.0.2.1")
        model.set(.template, to: "1")
        return model
    }

    @Test func aCloudImageProposesWhatItNeeds() {
        let model = Self.debianCloudTemplate()
        #expect(!model.installCDPresent)
        #expect(model.cloudInitActive && model.cloudInitSlot == DiskSlot(.ide, 2), "the drive takes the CD's place")
        #expect(model.value(.diskImport, item: 0) == "local:import/debian-13-genericcloud-amd64.qcow2")
        #expect(model.value(.diskSize, item: 0) == "32", "the 3 GiB image grows to 32 GiB")
        #expect(model.value(.vga) == "serial0")
        #expect(model.value(.ciStorage) == "local-lvm")
        #expect(model.errors.isEmpty, "\(model.errors)")
    }

    @Test func debianCloudTemplate() {
        let model = Self.debianCloudTemplate()
        let steps = QmCommand.steps(model)
        #expect(steps.map(\.kind) == [.create, .resize, .template])
        let create = steps[0].argv
        for expected in ["local-lvm:0,import-from=local:import/debian-13-genericcloud-amd64.qcow2,iothread=on", "local-lvm:cloudinit", "serial0",
                         "socket", "admin", "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA", "/dev/stdin",
                         "ip=192.0.2.10/24,gw=192.0.2.1"] {
            #expect(create.contains(expected), "\(expected)")
        }
        #expect(!create.contains("--template") && !create.contains("secret"))
        #expect(steps[1].argv == ["qm", "disk", "resize", "103", "scsi0", "32G"])
        #expect(steps[2].argv == ["qm", "template", "103"])
        #expect(QmCommand.script(model).hasPrefix("printf '%s\\n' '\(Self.ed25519)' | \\\n  qm create 103 "))
        let config = ConfigFile.render(model)
        for line in ["ide2: local-lvm:vm-103-cloudinit,media=cdrom", "scsi0: local-lvm:base-103-disk-0,iothread=1,size=32G",
                     "template: 1", "boot: order=scsi0;ide2;net0", "vga: serial0", "serial0: socket", "ciuser: admin",
                     "ipconfig0: ip=192.0.2.10/24,gw=192.0.2.1",
                     "sshkeys: ssh-ed25519%20AAAAC3NzaC1lZDI1NTE5AAAAIHXGfhso%2B%2BPvfMv9p56%2BQQkm%2F%2BdBtqKaTprt3sDNOABP%20me%40laptop%0A"] {
            #expect(config.contains(line + "\n"), "\(line)")
        }
        #expect(APIJSON.render(model).contains(#""sshkeys": "ssh-ed25519%20AAAA"#))
    }

    @Test func theCloudInitDriveIsNamedAsQmCreateNamesIt() {
        var model = VMModel(host: TestHosts.standard)
        model.set(.media, to: "none")
        model.set(.ciAdd, to: "1")
        model.set(.ciStorage, to: "vmstore")
        #expect(model.cloudInitSlot == DiskSlot(.ide, 0), "ide2 holds the CD: the next free IDE slot")
        #expect(ConfigFile.render(model).contains("ide0: vmstore:102/vm-102-cloudinit.qcow2,media=cdrom\n"))
        model.set(.ciStorage, to: "local-lvm")
        #expect(ConfigFile.render(model).contains("ide0: local-lvm:vm-102-cloudinit,media=cdrom\n"))
    }

    @Test func disksMakeWayForACloudInitDrivePlacedByHand() {
        var model = VMModel(host: TestHosts.standard)
        model.set(.media, to: "none")
        model.set(.ciAdd, to: "1")
        model.set(.ciSlot, to: "scsi1")
        model.addDisk()
        #expect(model.diskSlots == [DiskSlot(.scsi, 0), DiskSlot(.scsi, 2)], "the second disk skips scsi1")
        #expect(model.issue(.ciSlot) == nil)
        model.set(.diskDevice, item: 1, to: "1")
        #expect(model.issue(.ciSlot)?.message == "Drive scsi1 is already in use by another drive", "a number typed for a disk still clashes")
    }

    @Test func anImportedDiskOnlyGrows() throws {
        var model = Self.debianCloudTemplate()
        model.set(.diskSize, item: 0, to: "2")
        #expect(try #require(model.issue(.diskSize, item: 0)).message.contains("smaller than the image (3.0 GiB)"))
        model.set(.diskSize, item: 0, to: "")
        #expect(model.issue(.diskSize, item: 0) == nil)
        #expect(QmCommand.steps(model).map(\.kind) == [.create, .template], "an empty size keeps the image's")
        model.set(.diskSize, item: 0, to: "3")
        #expect(QmCommand.resizes(model).isEmpty, "the same size is no resize")
        model.set(.diskSize, item: 0, to: "40960M")
        #expect(QmCommand.resizes(model).first?.size == "41943040K")
        // Another import keeps its size unless a size is typed: only a cloud image is grown by default.
        var other = VMModel(host: .demo)
        other.set(.media, to: "none")
        other.set(.diskImport, item: 0, to: "local:import/debian-13-genericcloud-amd64.qcow2")
        #expect(other.value(.diskSize, item: 0) == "" && QmCommand.resizes(other).isEmpty)
    }

    @Test func aTemplateIsNeverStarted() throws {
        var model = Self.debianCloudTemplate()
        model.set(.start, to: "1")
        #expect(try #require(model.issue(.start)).isError)
        model.set(.template, to: "0")
        #expect(QmCommand.steps(model).map(\.kind) == [.create, .resize, .start])
    }

    @Test func aTemplateOnStoragesWithoutBaseImagesSaysSo() throws {
        var host = ExistingVolumeTests.host
        host.existingVolumes["san"] = .loaded([ISOImage(volid: "san:0.0.1.scsi-a", fileName: "0.0.1.scsi-a", sizeBytes: 1 << 30)])
        var model = VMModel(host: host)
        model.set(.media, to: "none")
        model.set(.diskStorage, item: 0, to: "san")
        model.set(.diskVolume, item: 0, to: "san:0.0.1.scsi-a")
        model.set(.template, to: "1")
        let warning = try #require(model.issue(.template))
        #expect(!warning.isError && warning.message.hasPrefix("scsi0 stays an ordinary volume"))
    }

    // MARK: Answers

    @Test func answersFilesTakeEveryCloudInitKey() throws {
        let text = """
            {"scsi0": "local-lvm:32,import-from=local:import/debian-13-genericcloud-amd64.qcow2", "ide2": "local-lvm:cloudinit",
             "ciuser": "admin", "cipassword": "secret", "sshkeys": "\(PercentEscapes.uriEscape(Self.ed25519))",
             "ipconfig0": "ip=192.0.2.10/24,gw=192.0.2.1", "nameserver": "192.0.2.53", "ciupgrade": 0, "template": 1}
            """
        let draft = try Answers.parse(text: text, host: .demo).get()
        let model = VMModel(draft: draft, host: .demo)
        #expect(model.usesCloudImage && model.cloudInitActive)
        #expect(PasswordHash.isHash(model.value(.ciPassword)), "the clear text is hashed as it is read")
        #expect(model.sshKeys.map(\.line) == [Self.ed25519])
        #expect(model.flag(.template) && model.value(.ciUpgrade) == "0")
        #expect(QmCommand.steps(model).map(\.kind) == [.create, .resize, .template])
        #expect(QmCommand.create(model).contains("--ide2") && QmCommand.create(model).contains("local-lvm:cloudinit"))
    }

    @Test func answersFilesRefuseBrokenCloudInitSettings() {
        func problems(_ text: String) -> [String] {
            switch Answers.parse(text: text, host: .demo) {
            case .success: return []
            case .failure(let problems): return problems.map(\.description)
            }
        }
        #expect(problems(#"{"ide2": "local-lvm:cloudinit", "ipconfig3": "ip=dhcp"}"#).first?.hasPrefix("key 'ipconfig3': ipconfig3 configures net3, which this VM does not have (Proxmox accepts") == true)
        #expect(problems(#"{"ide2": "local-lvm:cloudinit", "sshkeys": "ssh-ed25519 nope"}"#).contains { $0.contains("sshkeys, key 1") })
        #expect(problems(#"{"ide2": "local-lvm:cloudinit", "ipconfig0": "ip=10.0.0.5,gw=10.0.0.1"}"#).contains { $0.contains("prefix length") })
        #expect(problems(#"{"ide2": "none,media=cdrom", "ciuser": "admin"}"#).contains { $0.contains("no cloud-init drive") })
        #expect(problems(#"{"ide2": "local-lvm:cloudinit", "citype": "cloud"}"#).contains { $0.contains("citype 'cloud'") })
    }

    @Test func aConfigWithCloudInitReadsBackAsTheSameVM() throws {
        var model = Self.debianCloudTemplate()
        model.set(.template, to: "0")
        let config = ConfigFile.render(model)
        let draft = try Answers.parse(text: config, host: .demo).get()
        var again = VMModel(draft: draft, host: .demo)
        again.set(.vmid, to: "103")
        #expect(ConfigFile.render(again) == config)
        #expect(again.value(.ciPassword) == model.value(.ciPassword), "the hash is kept as it is")
    }

    // MARK: Downloading the image

    @Test func catalogueNamesSayTheRealFormat() {
        for entry in CloudImage.catalogue {
            #expect(PVEFormat.importVolume("local:import/" + entry.fileName, storageType: "dir") == nil, "\(entry.id)")
            #expect(entry.fileName.hasSuffix(".qcow2") && entry.url.hasPrefix("https://"), "\(entry.id)")
        }
        #expect(Set(CloudImage.catalogue.map(\.id)).isSuperset(of: ["debian-12", "debian-13", "ubuntu-22.04", "ubuntu-24.04",
                                                                     "almalinux-9", "almalinux-10", "rocky-9", "rocky-10", "fedora-42"]))
        // Ubuntu's .img is qcow2: saved as .qcow2 (the web UI's .img.raw would make Proxmox read it as raw).
        #expect(CloudImage.entry("ubuntu-24.04")?.fileName == "noble-server-cloudimg-amd64.qcow2")
        #expect(CloudImage.fileName(forURL: "https://example.org/a/noble-server-cloudimg-amd64.img?x=1", format: "qcow2")
            == "noble-server-cloudimg-amd64.qcow2")
        #expect(CloudImage.fileName(forURL: "https://example.org/my image+v2.raw", format: "raw") == "my_image_v2.raw")
        #expect(DownloadChecksum("SHA256:" + String(repeating: "a", count: 64))?.algorithm == "sha256")
        #expect(DownloadChecksum("sha256:abc") == nil && DownloadChecksum("crc32:" + String(repeating: "a", count: 8)) == nil)
    }

    static func downloading(_ choice: String, host: HostInventory = .demo) -> VMModel {
        var model = VMModel(host: host)
        model.set(.media, to: "cloud")
        model.set(.cloudDownload, to: choice)
        model.changeSSHKeys(adding: [try! SSHPublicKey.parse(Substring(ed25519)).get()])
        return model
    }

    @Test func proxmoxDownloadsTheImageBeforeTheCreate() throws {
        var model = Self.downloading("ubuntu-24.04")
        #expect(model.downloadTarget == "local:import/noble-server-cloudimg-amd64.qcow2")
        #expect(!model.isVisible(OptionCatalog.spec(.cloudImage)!), "the image is the download")
        #expect(model.value(.diskSize, item: 0) == "32", "the published 3.5 GiB grows to 32 GiB")
        #expect(model.errors.isEmpty, "\(model.errors)")
        var steps = QmCommand.steps(model)
        #expect(steps.map(\.kind) == [.download, .create, .resize])
        #expect(steps[0].argv == ["pvesh", "create", "/nodes/pve/storage/local/download-url", "--content", "import",
                                  "--filename", "noble-server-cloudimg-amd64.qcow2", "--url",
                                  "https://cloud-images.ubuntu.com/noble/current/noble-server-cloudimg-amd64.img"])
        #expect(steps[1].argv.contains("local-lvm:0,import-from=local:import/noble-server-cloudimg-amd64.qcow2,iothread=on"))
        // The keys are piped into qm create, not into the download.
        let script = QmCommand.script(model)
        #expect(script.hasPrefix("pvesh create /nodes/pve/storage/local/download-url"))
        #expect(script.contains(".img && \\\n  printf '%s\\n' '\(Self.ed25519)' | \\\n  qm create 103 "))
        let sum = String(repeating: "ab", count: 32)
        model.set(.cloudChecksum, to: "sha256:" + sum)
        steps = QmCommand.steps(model)
        #expect(Array(steps[0].argv.suffix(4)) == ["--checksum", sum, "--checksum-algorithm", "sha256"])
        // An image already on the storage is used as it is.
        let present = Self.downloading("debian-13")
        #expect(QmCommand.steps(present).map(\.kind) == [.create, .resize])
        #expect(try #require(present.issue(.cloudDownload)).message.contains("already there"))
    }

    @Test func aTypedURLIsCheckedAndNamedByItsFormat() throws {
        var model = Self.downloading("url")
        #expect(try #require(model.issue(.cloudURL)).isError)
        model.set(.cloudURL, to: "http://mirror.example/images/custom.img")
        #expect(try #require(model.issue(.cloudURL)).isError == false, "plain http is a warning: give a checksum")
        #expect(model.value(.cloudFormat) == "qcow2")
        #expect(model.downloadTarget == "local:import/custom.qcow2")
        model.set(.cloudFormat, to: "raw")
        #expect(model.downloadTarget == "local:import/custom.raw")
        for bad in ["file:///etc/shadow", "ftp://mirror.example/x.qcow2", "HTTPS://mirror.example/x.qcow2",
                    "https://mirror.example/a b.qcow2", "https://mirror.example/\u{1b}[2J.qcow2",
                    "https://mirror.example/" + String(repeating: "a", count: 260) + ".qcow2"] {
            model.set(.cloudURL, to: bad)
            #expect(model.issue(.cloudURL)?.isError == true, "\(bad)")
        }
        model.set(.cloudURL, to: "https://mirror.example/images/custom.img")
        model.set(.cloudChecksum, to: "sha256:123")
        #expect(try #require(model.issue(.cloudChecksum)).isError)
    }

    @Test func aFailedDownloadCreatesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vmwizard-download-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("root/etc/pve"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("calls").path
        let pvesh = try TestScripts.write(in: folder, "pvesh", """
            echo "pvesh $*" >> '\(log)'
            [ -e '\(folder.path)/offline' ] && { echo "download failed: Temporary failure in name resolution"; exit 1; }
            echo "downloaded 100%"
            """)
        let qm = try TestScripts.write(in: folder, "qm", "echo \"qm $*\" >> '\(log)'\n")
        var host = TestHosts.standard
        host.storages[0].content.insert("import")
        var model = Self.downloading("debian-13", host: host)
        model.set(.ciStorage, to: "local-lvm")
        #expect(model.errors.isEmpty, "\(model.errors)")
        let applier = Applier(qm: qm, pvesh: pvesh, root: folder.appendingPathComponent("root").path, effectiveUserID: 0)
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent("offline").path, contents: nil))
        guard case .failed(let reason) = applier.run(model, output: { _ in }) else {
            Issue.record("a failed download is a failed apply")
            return
        }
        #expect(reason.description.contains("downloading the image failed") && reason.description.contains("name resolution"))
        #expect((try? String(contentsOfFile: log, encoding: .utf8))?.contains("qm create") == false, "the create never ran")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("offline"))
        guard case .created(let vmid, _, let steps) = applier.run(model, output: { _ in }) else {
            Issue.record("the download works now")
            return
        }
        #expect(vmid == "102" && steps.map(\.kind) == [.resize] && steps.allSatisfy(\.succeeded))
        let calls = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(calls.contains("pvesh create /nodes/pve1/storage/local/download-url --content import --filename debian-13-genericcloud-amd64.qcow2"))
        #expect(calls.contains("qm create 102") && calls.contains("qm disk resize 102 scsi0 32G"))
    }
}
