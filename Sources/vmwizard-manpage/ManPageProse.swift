/// The parts of vmwizard(1) that no definition in the code holds: what the program reads, its environment,
/// examples. The host files are those of VMWizardCore's Inventory (its `*Path` constants and loaders);
/// a test checks that each of those paths is named here.
enum ManPageProse {
    struct Item {
        var path: String
        var use: String
    }

    struct Variable {
        var name: String
        var use: String
    }

    struct Example {
        var what: String
        var lines: [String]
    }

    static let description = [
        """
        vmwizard reads the node's own files (see FILES) instead of calling Proxmox's tools, checks every value \
        the way Proxmox does and refuses bad input with a message naming the field, the value and the rule. \
        Create first checks that it runs as root, that `qm` is present and that the cluster has quorum, \
        re-reads the guest list in case someone took the VM ID, then runs `qm create` as an argument vector \
        (never through a shell). For another node of the cluster it runs `pvesh create /nodes/NODE/qemu`.
        """,
        """
        Every change is saved as a draft under `$XDG_STATE_HOME/vmwizard/`. Starting vmwizard with a draft \
        present offers to resume it. SIGHUP (a dropped ssh link), SIGTERM and Ctrl-C restore the terminal, \
        keep the draft and exit with status 1.
        """,
    ]

    static let keysIntroduction = """
        The wizard shows the same table with F1. Every function-key action has a Ctrl alternative, because function keys do not survive every ssh client.
        """

    static let keysNote = """
        Pickers (ISO images, storages, bridges, CPU models, pools) filter as you type.
        """

    static let filesIntroduction = """
        Paths are under the folder given with --root (by default /). vmwizard only reads the host's files; \
        it writes only the config file asked for with Write config or --write-config (under Proxmox's lock \
        for that VM), and its own state.
        """

    static let files = [
        Item(path: "/etc/pve/.vmlist", use: "The guests of the cluster: the next free VM ID, and taken IDs (re-read before creating)."),
        Item(path: "/etc/pve/.members", use: "The nodes of the cluster and which are online."),
        Item(path: "/etc/pve/.rrd", use: "Storage usage and node resources, as the web UI shows them."),
        Item(path: "/etc/pve/storage.cfg", use: "The storages, their content types and the nodes they are on."),
        Item(path: "/etc/pve/datacenter.cfg", use: "Cluster-wide settings: the next-id range, mac_prefix, keyboard."),
        Item(path: "/etc/pve/user.cfg", use: "The resource pools."),
        Item(path: "/etc/pve/sdn/.running-config", use: "The SDN vnets that can serve as bridges."),
        Item(path: "/etc/network/interfaces", use: "The node's bridges, with their comments and VLAN awareness."),
        Item(path: "/etc/network/interfaces.new", use: "Bridges of a pending network change (shown as pending)."),
        Item(path: "/sys/class/net/", use: "Which bridges exist now."),
        Item(path: "/etc/hostname", use: "The node's name."),
        Item(path: "/proc/cpuinfo", use: "The number of CPUs of the node."),
        Item(path: "/proc/meminfo", use: "The node's memory."),
        Item(path: "/proc/mounts", use: "Whether a network storage is mounted before its ISO folder is listed."),
        Item(path: "/etc/resolv.conf", use: "The node's DNS servers and search domain: what a cloud-init guest gets when it is given none."),
        Item(path: "/root/.ssh/*.pub", use: "root's SSH public keys, offered for cloud-init (a private key is never offered)."),
        Item(path: "/root/.ssh/authorized_keys", use: "More public keys offered for cloud-init, as is /etc/pve/priv/authorized_keys."),
        Item(path: "/sys/bus/pci/devices/", use: "The node's PCI devices for passthrough: IDs, class, IOMMU group, driver, network interfaces, mediated types (known paths only; sysfs is never walked)."),
        Item(path: "/sys/kernel/iommu_groups/", use: "Whether the IOMMU is on (a group exists)."),
        Item(path: "/sys/bus/usb/devices/", use: "The node's USB devices for passthrough (hubs left out)."),
        Item(path: "/usr/share/misc/pci.ids", use: "Names of PCI vendors and devices (/usr/share/hwdata/pci.ids too); usb.ids likewise."),
        Item(path: "/etc/pve/mapping/pci.cfg", use: "The cluster's PCI resource mappings; /etc/pve/mapping/usb.cfg the USB ones."),
        Item(path: "/proc/cmdline", use: "The kernel command line, to say what to change when the IOMMU is off."),
        Item(path: "/sys/fs/cgroup/cgroup.controllers", use: "The cgroup version, which sets the range of CPU units."),
        Item(path: "/var/lib/vz/template/iso/", use: "ISO images of the storage local; other storages' ISO folders likewise."),
        Item(path: "/var/lock/qemu-server/", use: "Proxmox's per-VM locks, taken while a config file is registered in /etc/pve."),
        Item(path: "$XDG_STATE_HOME/vmwizard/draft.json", use: "The draft: every answer, saved on each change (default ~/.local/state/vmwizard/)."),
        Item(path: "$XDG_STATE_HOME/vmwizard/preferences.json", use: "Remembered settings, such as whether advanced options show."),
    ]

    static let environment = [
        Variable(name: "LC_ALL, LC_MESSAGES, LANG", use: "The first one set chooses the language of the screens, messages and help: "
            + "a value starting with zh chooses Chinese, anything else English. --lang overrides them. "
            + "A zh_CN.UTF-8 locale the host has not generated is fine: vmwizard still draws UTF-8."),
        Variable(name: "LANGUAGE", use: "As in gettext: a list of preferred languages (zh_CN:en) that comes before the "
            + "locale, unless the locale is C or POSIX; its first entry that is Chinese or English decides."),
        Variable(name: "NO_COLOR", use: "When set and not empty, no colours are drawn (bold, reverse and underline stay)."),
        Variable(name: "XDG_STATE_HOME", use: "Where the draft and preferences are kept, in a vmwizard folder; "
            + "when unset or not absolute, ~/.local/state."),
        Variable(name: "TERM", use: "The terminal type, as for every curses program."),
        Variable(name: "PATH", use: "Where qm and pvesh are looked up (see --qm)."),
    ]

    static let examples = [
        Example(what: "Run the wizard on the node, as root:", lines: ["vmwizard"]),
        Example(what: "Continue the saved draft after Ctrl-C or a dropped ssh link:", lines: ["vmwizard --resume"]),
        Example(what: "Use an existing VM's config as a template:", lines: ["vmwizard --answers /etc/pve/qemu-server/100.conf"]),
        Example(what: "Try it anywhere on the built-in demo host; nothing is ever created there:", lines: ["vmwizard --demo"]),
        Example(what: "Validate an answers file against this host and print the commands, without a terminal UI:",
                lines: ["vmwizard --batch --answers vm.json --print qm"]),
        Example(what: "An answers file in JSON, with the keys of qm create:", lines: [
            #"{"vmid": 120, "name": "web1", "ostype": "l26","#,
            #" "ide2": "local:iso/debian-13.2.0-amd64-netinst.iso,media=cdrom","#,
            #" "scsihw": "virtio-scsi-single", "scsi0": "local-lvm:64,iothread=on","#,
            #" "cores": 2, "memory": 4096, "net0": "virtio,bridge=vmbr0,firewall=1"}"#,
        ]),
        Example(what: "Two keys give the whole Windows 11 VM the wizard proposes (q35, OVMF, EFI disk, TPM, disk, NIC):", lines: [
            #"{"ostype": "win11", "ide2": "local:iso/Win11_24H2_English_x64.iso,media=cdrom"}"#,
        ]),
        Example(what: "null removes a device the wizard would add; other device keys add or replace one:", lines: [
            #"{"ostype": "l26", "ide2": "none,media=cdrom", "scsi0": null, "virtio1": "local-lvm:10", "net2": "virtio,bridge=vmbr1"}"#,
        ]),
        Example(what: "A Debian cloud image as a cloud-init template: grown to 32 GiB, your key, a static address:", lines: [
            #"{"name": "debian13", "scsi0": "local-lvm:32,import-from=local:import/debian-13-genericcloud-amd64.qcow2","#,
            #" "ide2": "local-lvm:cloudinit", "ciuser": "admin", "sshkeys": "ssh-ed25519 AAAA… me@laptop","#,
            #" "ipconfig0": "ip=192.0.2.10/24,gw=192.0.2.1", "template": 1}"#,
        ]),
        Example(what: "Pass a dual-port 10 GbE NIC through (all functions, as PCIe on q35):", lines: [
            #"{"ostype": "l26", "ide2": "none,media=cdrom", "machine": "q35", "hostpci0": "0000:01:00,pcie=1"}"#,
        ]),
        Example(what: "Create the VM from it (progress on standard error, the result on standard output):",
                lines: ["vmwizard --batch --answers vm.json"]),
        Example(what: "Write the config file instead:", lines: ["vmwizard --batch --answers vm.json --write-config /root/vm.conf"]),
    ]

    static let seeAlso: [(name: String, section: Int)] = [("qm", 1), ("pvesh", 1)]
}
