/// vmwizard(1) in Simplified Chinese: the parts of `ManPageProse`, in our own words. What the help dump holds
/// (the abstract, the discussion, every option's help) and the exit statuses are translated through UITextZH,
/// like `vmwizard --lang zh --help`.
enum ManPageProseZH {
    static let sections: [String: String] = [
        "NAME": "名称", "SYNOPSIS": "概要", "DESCRIPTION": "描述", "OPTIONS": "选项", "KEYS": "按键",
        "FILES": "文件", "EXIT STATUS": "退出状态", "ENVIRONMENT": "环境变量", "EXAMPLES": "示例", "SEE ALSO": "另请参阅",
    ]

    static let manual = "用户命令"
    static let values = "可选值："
    static let defaultValue = "默认："

    static let description = [
        """
        vmwizard 直接读取节点自己的文件（见“文件”一节），而不调用 Proxmox 的工具；它按 Proxmox 的规则检查每个值，\
        拒绝错误输入时会指出字段、值和违反的规则。“创建”会先检查是否以 root 运行、`qm` 是否存在、集群是否达到 quorum，\
        并重新读取客户机列表（以防 VM ID 刚被他人占用），然后以参数数组的形式运行 `qm create`（从不经过 shell）。\
        在集群的其他节点上创建时，它运行 `pvesh create /nodes/NODE/qemu`。
        """,
        """
        每次修改都会保存为草稿，位于 `$XDG_STATE_HOME/vmwizard/`。有草稿时启动 vmwizard 会询问是否恢复。\
        SIGHUP（ssh 断开）、SIGTERM 和 Ctrl-C 会恢复终端、保留草稿，并以状态 1 退出。
        """,
    ]

    static let keysIntroduction = """
        按 F1 可在向导中查看同一张表。每个功能键操作都有对应的 Ctrl 组合键，因为并非所有 ssh 客户端都能传递功能键。
        """

    static let keysNote = "选择列表（ISO 镜像、存储、网桥、CPU 型号、资源池）可以边输入边筛选。"

    static let filesIntroduction = """
        以下路径都位于 --root 指定的目录下（默认为 /）。vmwizard 只读取主机的文件；它只写入用“写出配置”或 \
        --write-config 指定的配置文件（在 Proxmox 对该虚拟机的锁保护下）以及它自己的状态。
        """

    static let files: [String: String] = [
        "/etc/pve/.vmlist": "集群中的客户机：下一个空闲 VM ID 和已占用的编号（创建前会重新读取）。",
        "/etc/pve/.members": "集群的节点及其在线状态。",
        "/etc/pve/.rrd": "存储用量和节点资源，与网页界面显示的相同。",
        "/etc/pve/storage.cfg": "存储、它们的内容类型及所在节点。",
        "/etc/pve/datacenter.cfg": "集群级设置：next-id 范围、mac_prefix、键盘布局。",
        "/etc/pve/user.cfg": "资源池。",
        "/etc/pve/sdn/.running-config": "可作为网桥使用的 SDN vnet。",
        "/etc/network/interfaces": "节点的网桥，以及它们的注释和 VLAN 支持。",
        "/etc/network/interfaces.new": "待应用网络更改中的网桥（显示为“待应用”）。",
        "/sys/class/net/": "当前实际存在的网桥。",
        "/etc/hostname": "节点名称。",
        "/proc/cpuinfo": "节点的 CPU 数量。",
        "/proc/meminfo": "节点的内存。",
        "/proc/mounts": "在列出网络存储的 ISO 目录之前，检查它是否已挂载。",
        "/etc/resolv.conf": "本节点的 DNS 服务器和搜索域：cloud-init 客户机未指定时即使用它们。",
        "/root/.ssh/*.pub": "root 的 SSH 公钥，供 cloud-init 选用（永远不会提供私钥）。",
        "/root/.ssh/authorized_keys": "供 cloud-init 选用的更多公钥，/etc/pve/priv/authorized_keys 亦同。",
        "/sys/bus/pci/devices/": "本节点可直通的 PCI 设备：ID、类别、IOMMU 组、驱动、网络接口、中介设备类型（只读已知路径，从不遍历 sysfs）。",
        "/sys/kernel/iommu_groups/": "IOMMU 是否已开启（存在 IOMMU 组即为开启）。",
        "/sys/bus/usb/devices/": "本节点可直通的 USB 设备（不含集线器）。",
        "/usr/share/misc/pci.ids": "PCI 厂商和设备的名称（也读 /usr/share/hwdata/pci.ids）；usb.ids 同理。",
        "/etc/pve/mapping/pci.cfg": "集群的 PCI 资源映射；/etc/pve/mapping/usb.cfg 为 USB 映射。",
        "/proc/cmdline": "内核命令行，用于在 IOMMU 关闭时说明需要修改什么。",
        "/sys/fs/cgroup/cgroup.controllers": "cgroup 版本，它决定 CPU 权重的取值范围。",
        "/var/lib/vz/template/iso/": "local 存储的 ISO 镜像；其他存储的 ISO 目录同理。",
        "/var/lock/qemu-server/": "Proxmox 的单虚拟机锁，在 /etc/pve 中登记配置文件时使用。",
        "$XDG_STATE_HOME/vmwizard/draft.json": "草稿：所有填写内容，每次修改都会保存（默认在 ~/.local/state/vmwizard/）。",
        "$XDG_STATE_HOME/vmwizard/preferences.json": "记住的设置，例如是否显示高级选项。",
    ]

    static let environment: [String: String] = [
        "LC_ALL, LC_MESSAGES, LANG": "第一个已设置的变量决定界面、消息和帮助的语言：以 zh 开头选择中文，其他选择英文。--lang 优先于它们。"
            + "主机上没有生成 zh_CN.UTF-8 区域设置也没关系：vmwizard 仍会以 UTF-8 显示。",
        "LANGUAGE": "与 gettext 相同：一个语言偏好列表（如 zh_CN:en），优先于区域设置（区域设置为 C 或 POSIX 时除外）；"
            + "列表中第一个中文或英文条目起决定作用。",
        "NO_COLOR": "设置且非空时不显示颜色（粗体、反显和下划线保留）。",
        "XDG_STATE_HOME": "草稿和偏好设置保存在其下的 vmwizard 目录中；未设置或不是绝对路径时为 ~/.local/state。",
        "TERM": "终端类型，与所有 curses 程序相同。",
        "PATH": "在其中查找 qm 和 pvesh（见 --qm）。",
    ]

    static let examples: [String] = [
        "以 root 身份在节点上运行向导：",
        "在 Ctrl-C 或 ssh 断开后继续保存的草稿：",
        "以现有虚拟机的配置为模板：",
        "在任何机器上用内置演示主机试用；那里永远不会创建任何东西：",
        "不使用终端界面，按本主机检查应答文件并打印命令：",
        "JSON 格式的应答文件，键与 qm create 相同：",
        "两个键即得到向导建议的完整 Windows 11 虚拟机（q35、OVMF、EFI 磁盘、TPM、磁盘、网卡）：",
        "null 移除向导会添加的设备；其他设备键添加或替换设备：",
        "把 Debian 云镜像做成 cloud-init 模板：扩大到 32 GiB，带上你的密钥和静态地址：",
        "直通一块双口万兆网卡（所有功能，在 q35 上作为 PCIe 设备）：",
        "据此创建虚拟机（进度输出到标准错误，结果输出到标准输出）：",
        "改为写出配置文件：",
    ]
}
