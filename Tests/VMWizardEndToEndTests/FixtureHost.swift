import Foundation
import VMWizardFixtures

/// A small Proxmox VE node as files under a folder (for `--root`), and a fake `qm` that records its
/// arguments and can succeed, fail with a message, or hang.
struct FixtureHost {
    let root: URL
    let fakeBin: URL
    let qmDir: URL

    static let isoNames = [
        "debian-13.2.0-amd64-netinst.iso", "Win11_24H2_English_x64.iso", "virtio-win-0.1.271.iso",
        "weird $(touch pwned) `id`; name's \"x\".iso",
    ]

    init(in directory: URL, guests: [Int] = [100, 101]) throws {
        root = directory.appendingPathComponent("host")
        fakeBin = directory.appendingPathComponent("bin")
        qmDir = directory.appendingPathComponent("qm")
        let fm = FileManager.default
        // The node's PCI and USB devices (sysfs with its symlinks) and mappings: eno1, the NIC of vmbr0 below,
        // is 0000:00:1f.6; a free dual-port 10 GbE NIC is 0000:01:00.
        try PassthroughFixture.write(into: root, networkInterfaces: false)
        for folder in ["etc/pve/qemu-server", "var/lib/vz/template/iso", "etc/network", "sys/class/net/vmbr0/bridge",
                       "sys/class/net/vmbr1/bridge", "proc", "var/lock/qemu-server"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try fm.createDirectory(at: fakeBin, withIntermediateDirectories: true)
        try fm.createDirectory(at: qmDir, withIntermediateDirectories: true)
        try write("etc/pve/.members", #"{"nodename": "pve1", "version": 4}"#)
        try setGuests(guests)
        try write("etc/pve/datacenter.cfg", "keyboard: en-us\n")
        try write("etc/pve/storage.cfg", """
            dir: local
            \tpath /var/lib/vz
            \tcontent iso,vztmpl,backup

            lvmthin: local-lvm
            \tthinpool data
            \tvgname pve
            \tcontent rootdir,images

            """)
        try write("etc/pve/user.cfg", "pool:prod:Production machines::\n")
        try write("etc/network/interfaces", """
            auto lo
            iface lo inet loopback

            auto vmbr0
            iface vmbr0 inet static
            \taddress 192.0.2.10/24
            \tbridge-ports eno1
            \tbridge-stp off
            \tbridge-fd 0
            #LAN

            auto vmbr1
            iface vmbr1 inet manual
            \tbridge-ports eno2
            \tbridge-vlan-aware yes
            #DMZ

            """)
        try write("etc/hostname", "pve1\n")
        try write("proc/cpuinfo", (0..<8).map { "processor\t: \($0)\nmodel name\t: Test CPU\n\n" }.joined())
        try write("proc/meminfo", "MemTotal:       32768000 kB\nMemFree:        1000000 kB\nMemAvailable:   20000000 kB\n")
        for name in Self.isoNames {
            try write("var/lib/vz/template/iso/\(name)", "iso")
        }
        let script = """
            #!/bin/sh
            # Fake qm/pvesh for vmwizard's end-to-end tests: records each call's arguments (NUL-separated),
            # then succeeds, fails with a message, or hangs, as the mode files say.
            dir='\(qmDir.path)'
            n=$(ls "$dir" | grep -c '^call-')
            n=$((n + 1))
            : > "$dir/call-$n.args"
            prev=
            for a in "$@"; do
              printf '%s\\0' "$a" >> "$dir/call-$n.args"
              # qm reads --sshkeys from a file that vmwizard removes afterwards: keep what it held.
              if [ "$prev" = --sshkeys ]; then cat "$a" > "$dir/sshkeys-$n" 2>/dev/null; fi
              prev="$a"
            done
            sub="$1"
            mode=$(cat "$dir/mode-$sub" 2>/dev/null || echo ok)
            case "$mode" in
              ok)
                if [ "$sub" = create ]; then echo "scsi0: successfully created disk 'local-lvm:vm-$2-disk-0,size=32G'"; fi
                exit 0 ;;
              fail)
                cat "$dir/message-$sub" 2>/dev/null || echo "$sub failed"
                exit 255 ;;
              hang)
                trap 'echo interrupted > "$dir/interrupted"; exit 130' INT TERM
                echo "working on it..."
                while :; do sleep 0.05; done ;;
              flood)
                # One line of a million bytes, then a normal one.
                head -c 1000000 /dev/zero | tr '\\000' 'x'
                echo
                echo "flood done"
                exit 0 ;;
              ignoreint)
                trap '' INT
                echo "ignoring interrupts"
                i=0; while [ $i -lt 400 ]; do sleep 0.05; i=$((i + 1)); done
                exit 0 ;;
              orphan)
                # A child left behind holds the output pipe open long after qm itself exits.
                (sleep 20 &)
                echo "scsi0: successfully created disk 'local-lvm:vm-$2-disk-0,size=32G'"
                exit 0 ;;
            esac
            """
        let qm = fakeBin.appendingPathComponent("qm")
        try script.write(to: qm, atomically: true, encoding: .utf8)
        chmod(qm.path, 0o755)
    }

    /// Gives the storage `local` import content, with an empty import folder (for cloud images).
    func allowImports() throws {
        try write("etc/pve/storage.cfg", """
            dir: local
            \tpath /var/lib/vz
            \tcontent iso,vztmpl,backup,import

            lvmthin: local-lvm
            \tthinpool data
            \tvgname pve
            \tcontent rootdir,images

            """)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("var/lib/vz/import"), withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(relative), atomically: true, encoding: .utf8)
    }

    func setGuests(_ ids: [Int]) throws {
        let entries = ids.map { "\"\($0)\": {\"node\": \"pve1\", \"type\": \"qemu\", \"version\": 1}" }.joined(separator: ",\n")
        try write("etc/pve/.vmlist", "{\n\"version\": 7,\n\"ids\": {\n\(entries)}\n}\n")
    }

    /// How the fake answers `qm <sub>`: "ok", "fail" (printing `message`), or "hang".
    func setMode(_ sub: String, _ mode: String, message: String? = nil) throws {
        try mode.write(to: qmDir.appendingPathComponent("mode-\(sub)"), atomically: true, encoding: .utf8)
        if let message { try message.write(to: qmDir.appendingPathComponent("message-\(sub)"), atomically: true, encoding: .utf8) }
    }

    /// What the key file named by `--sshkeys` held at call `n` (1-based), nil when there was none.
    func sshKeys(call n: Int) -> String? {
        try? String(contentsOf: qmDir.appendingPathComponent("sshkeys-\(n)"), encoding: .utf8)
    }

    /// The argument vectors the fake received, call by call.
    var calls: [[String]] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: qmDir.path)) ?? [])
            .filter { $0.hasPrefix("call-") }
            .sorted { Int($0.dropFirst(5).prefix { $0.isNumber }) ?? 0 < Int($1.dropFirst(5).prefix { $0.isNumber }) ?? 0 }
        return files.map { file in
            let data = FileManager.default.contents(atPath: qmDir.appendingPathComponent(file).path) ?? Data()
            return data.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
        }
    }

    var environment: [String: String] {
        ["PATH": fakeBin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
    }
}
