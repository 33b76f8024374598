// Simplified Chinese for PCI(e) and USB passthrough, and for the settings kept from a template and checked
// against Proxmox's schema (see UITextZH). Terms follow the help texts: 直通, IOMMU 组, 资源映射, 映射设备,
// 原始设备, 中介类型; keys, paths and Proxmox's own tokens stay as they are.
extension UITextZH {
    static let passthrough: [String: String] = [
        // Fields and choices
        "Device type": "设备类型",
        "PCI device": "PCI 设备",
        "USB device": "USB 设备",
        "Source": "来源",
        "Mapped device": "映射设备",
        "Raw device": "原始设备",
        "Mapping": "映射",
        "All functions": "所有功能",
        "Pass through anyway": "仍然直通",
        "MDev type": "MDev 类型",
        "None (the whole device)": "无（整个设备）",
        "%@ available": "可用 %@ 个",
        "Primary GPU": "主 GPU",
        "q35 only": "仅限 q35",
        "the device is PCI Express": "该设备是 PCI Express 设备",
        "Vendor/device ID": "厂商/设备 ID",
        "USB port": "USB 端口",
        "SPICE port": "SPICE 端口",
        "Port": "端口",
        "Use USB3": "使用 USB3",
        "group %@": "组 %@",
        "no IOMMU group": "无 IOMMU 组",
        "node's network": "节点网络",
        "mediated types": "中介类型",
        "%@ Mbit/s": "%@ Mbit/s",
        "port %@": "端口 %@",
        "a primary GPU is passed through": "直通了主 GPU",
        "a PCI Express device is passed through": "直通了 PCI Express 设备",
        // Screens
        "Passthrough (PCI and USB devices)": "直通（PCI 和 USB 设备）",
        "Devices": "设备",
        "Passthrough devices": "直通设备",
        "No more devices can be passed through": "无法再直通更多设备",
        "passthrough: %@": "直通：%@",
        // Validation
        "Proxmox takes at most %@ PCI devices per VM": "Proxmox 每台虚拟机最多接受 %@ 个 PCI 设备",
        "Proxmox takes at most %@ USB devices with this machine and OS type (14 need machine 7.1 or newer and Linux or Windows 8 or later)":
            "在此机器类型和操作系统类型下，Proxmox 最多接受 %@ 个 USB 设备（要用 14 个，需要机器版本 7.1 或更新，且系统为 Linux 或 Windows 8 及以后）",
        "%@ offers no mediated type %@ on this node: the VM does not start with it here":
            "%@ 在本节点上不提供中介类型 %@：带着它，虚拟机无法在这里启动",
        "No instance of %@ is free on this device now: the VM does not start until one is":
            "该设备上目前没有空闲的 %@ 实例：有空闲实例之前，虚拟机无法启动",
        "Primary GPU is meant for a graphics card; %@ is a %@": "主 GPU 是给显卡用的；%@ 是 %@",
        "device of class %@": "类别为 %@ 的设备",
        "A primary GPU usually needs OVMF (UEFI) to show the boot screen: choose OVMF on this tab":
            "主 GPU 通常需要 OVMF（UEFI）才能显示启动画面：请在本页选择 OVMF",
        "Mapping is required: pick one (Datacenter → Resource Mappings)": "必须选择映射（数据中心 → 资源映射）",
        "Mapping '%@' is not a mapping ID (a letter, then letters, digits, - and _)":
            "映射“%@”不是映射 ID（以字母开头，其后为字母、数字、- 和 _）",
        "Mapping %@ is not checked yet: the node's devices are being read": "映射 %@ 尚未检查：正在读取节点的设备",
        "There is no mapping %@ in %@: Proxmox creates the VM, but it does not start until the mapping exists":
            "%2$@ 中没有映射 %1$@：Proxmox 会创建虚拟机，但在该映射存在之前虚拟机无法启动",
        "Mapping %@ has no device on node %@: the VM starts only on a node it maps":
            "映射 %@ 在节点 %@ 上没有设备：虚拟机只能在该映射覆盖的节点上启动",
        "Device is required: pick the PCI device to pass through": "必须选择设备：请选择要直通的 PCI 设备",
        "'%@' is not a PCI address (like 0000:01:00.0)": "“%@”不是 PCI 地址（形如 0000:01:00.0）",
        "%@ is already passed through as %@": "%@ 已作为 %@ 直通",
        "The devices of node %@ are not known here: Proxmox checks %@ when the VM starts":
            "这里不知道节点 %@ 的设备：Proxmox 会在虚拟机启动时检查 %@",
        "%@ is not checked yet: the node's devices are being read": "%@ 尚未检查：正在读取节点的设备",
        "This node has no PCI device %@: Proxmox creates the VM, but it does not start until the device is there":
            "本节点没有 PCI 设备 %@：Proxmox 会创建虚拟机，但在该设备出现之前虚拟机无法启动",
        "%@ carries the node's own network: %@%@%@. Passing it through cuts the node off; tick Pass through anyway only with another way in":
            "%@ 承载着节点自己的网络：%@%@%@。直通它会让节点断网；只有在能通过其他途径访问节点时，才勾选“仍然直通”",
        "%@ carries the node's own network (%@%@): passed through anyway, the node loses that network while the VM runs":
            "%@ 承载着节点自己的网络（%@%@）：已选择仍然直通，虚拟机运行期间节点会失去这部分网络",
        "%@ is in no IOMMU group, so it cannot be isolated for a VM: check the firmware's IOMMU (VT-d / AMD-Vi) setting":
            "%@ 不在任何 IOMMU 组中，因此无法为虚拟机隔离：请检查固件中的 IOMMU（VT-d / AMD-Vi）设置",
        "IOMMU group %@ also holds %@: the host loses them too while the VM runs; pass them through as well, or tick All functions":
            "IOMMU 组 %@ 中还有 %@：虚拟机运行期间主机也会失去它们；请把它们一并直通，或勾选“所有功能”",
        "The node's IOMMU is off (no IOMMU groups): the VM does not start with this device. Enable IOMMU (AMD-Vi) in the firmware setup, then reboot":
            "节点的 IOMMU 未开启（没有 IOMMU 组）：带着此设备，虚拟机无法启动。请在固件设置中启用 IOMMU（AMD-Vi），然后重启",
        "The node's IOMMU is off (no IOMMU groups): the VM does not start with this device. Add intel_iommu=on to the kernel command line (/etc/default/grub or /etc/kernel/cmdline), run proxmox-boot-tool refresh, and reboot":
            "节点的 IOMMU 未开启（没有 IOMMU 组）：带着此设备，虚拟机无法启动。请在内核命令行（/etc/default/grub 或 /etc/kernel/cmdline）中加入 intel_iommu=on，运行 proxmox-boot-tool refresh，然后重启",
        "Device is required: pick the USB device to pass through": "必须选择设备：请选择要直通的 USB 设备",
        "'%@' is not a USB vendor:product ID (like 046d:c52b)": "“%@”不是 USB 厂商:产品 ID（形如 046d:c52b）",
        "No USB device %@ is plugged into this node now: the VM gets it once it is (Proxmox checks at start)":
            "本节点目前没有插着 USB 设备 %@：插上后虚拟机即可得到它（Proxmox 在启动时检查）",
        "Port is required: pick the USB port to pass through": "必须选择端口：请选择要直通的 USB 端口",
        "'%@' is not a USB port (bus-port, like 1-2 or 1-2.3)": "“%@”不是 USB 端口（总线-端口，形如 1-2 或 1-2.3）",
        "Nothing is plugged into USB port %@ of this node now: the VM gets what is plugged in there":
            "本节点的 USB 端口 %@ 目前没有插着设备：插在那里的设备都会交给虚拟机",
        // Answers files
        "%@: give the device (host=) or a mapping (mapping=)": "%@：请给出设备（host=）或映射（mapping=）",
        "PCI-Express needs the q35 machine (QEMU has no PCIe bus on i440fx)": "PCI-Express 需要 q35 机器类型（QEMU 在 i440fx 上没有 PCIe 总线）",
        "the xHCI controller of this machine and OS type makes every port USB 3 already":
            "在此机器类型和操作系统类型下，xHCI 控制器的每个端口本来就是 USB 3",
        // Resource mapping files (/etc/pve/mapping/pci.cfg, usb.cfg)
        "mapping '%@' has no usable 'map' line; ignored": "映射“%@”没有可用的“map”行；已忽略",
        "mapping '%@' is defined again; the later one counts": "映射“%@”被重复定义；以后面的为准",
        "'%@' is not a mapping ID on its own line; ignored": "“%@”不是独占一行的映射 ID；已忽略",
        "'%@' is not a valid mapping ID; its section is ignored": "“%@”不是有效的映射 ID；整段已忽略",
        "'%@' is not an indented 'key value' line (sections end with an empty line); ignored":
            "“%@”不是缩进的“key value”行（各段以空行结束）；已忽略",
        "map of '%@': %@; ignored": "“%@”的 map：%@；已忽略",
        "'description' of '%@' is given twice; ignored": "“%@”的“description”出现了两次；已忽略",
        "'description' of '%@' is longer than 4096 characters; ignored": "“%@”的“description”超过 4096 个字符；已忽略",
        "'%@' of '%@' is given twice; ignored": "“%2$@”的“%1$@”出现了两次；已忽略",
        "'%@' of '%@' is '%@', not 0 or 1; ignored": "“%2$@”的“%1$@”是“%3$@”，不是 0 或 1；已忽略",
        "unknown key '%@' in mapping '%@'; ignored": "映射“%2$@”中有未知的键“%1$@”；已忽略",
    ]

    /// The settings a real VM's config carries beyond what the wizard models ("Other settings"), checked against
    /// Proxmox's schema.
    static let templates: [String: String] = [
        "%@ (from the template)": "%@（来自模板）",
        "%@: a unit (K, M, G or T) goes after the number": "%@：单位（K、M、G 或 T）写在数字之后",
        "%@: a value cannot hold line breaks": "%@：值中不能含有换行",
        "%@ needs %@ (Proxmox refuses the drive otherwise)": "%@ 需要 %@（否则 Proxmox 会拒绝该驱动器）",
        "%@ and %@ exclude each other (Proxmox refuses the drive otherwise)": "%@ 与 %@ 互斥（否则 Proxmox 会拒绝该驱动器）",
        "%@: %@= is Proxmox's legacy limit in bytes/s; write m%@= in MB/s": "%@：%@= 是 Proxmox 旧式的字节/秒限速；请改写为以 MB/s 计的 m%@=",
        "turns any %@ value into m%@=0.000, which is no limit at all": "会把任何 %@ 值变成 m%@=0.000，即完全不限速",
        "the guest cannot use a key it cannot read, so it would not let you in": "客户机无法使用读不懂的密钥，因此不会让你登录",
        // Kept settings
        "Not carried over from the template: %@": "未从模板沿用：%@",
        "%@ from the template is replaced by the wizard's own %@": "模板中的 %@ 被向导自己的 %@ 取代",
        "%@: '%@' is not a device: Proxmox takes a path only under /dev (a file belongs on a storage)":
            "%@：“%@”不是设备：Proxmox 只接受 /dev 下的路径（文件应放在存储上）",
        "%@ passes the node's %@ through, as the template's VM does: never run both VMs at once (one disk, two writers)":
            "%@ 与模板的虚拟机一样直通节点的 %@：切勿同时运行这两台虚拟机（一块磁盘，两个写入者）",
        "%@: '%@' (from the template) does not exist on storage '%@': the VM is created, but does not start until the image is there":
            "%1$@：存储“%3$@”上不存在“%2$@”（来自模板）：虚拟机会被创建，但在镜像就位之前无法启动",
        "%@ '%@' (from the template) does not exist on storage '%@': the VM is created, but does not start until the image is there":
            "存储“%3$@”上不存在%1$@“%2$@”（来自模板）：虚拟机会被创建，但在镜像就位之前无法启动",
        "%@ (from the template) is not a bridge on node %@: the VM is created, but does not start until the bridge exists":
            "%@（来自模板）不是节点 %@ 上的网桥：虚拟机会被创建，但在该网桥存在之前无法启动",
        // Reviewing them (Confirm tab, its overlay, batch mode)
        "Other settings from the template (o: review, drop or keep each):": "模板中的其他设置（o：查看，逐项舍弃或保留）：",
        "(dropped)": "（已舍弃）",
        "Other settings from the template": "模板中的其他设置",
        "Settings vmwizard does not model, kept from the template as they are (checked against Proxmox's schema):":
            "vmwizard 不处理的设置，按原样沿用模板中的值（已按 Proxmox 的参数规范检查）：",
        "Space: drop / keep   ↑↓: move   Enter or Esc: close": "空格：舍弃 / 保留   ↑↓：移动   回车或 Esc：关闭",
        "Kept again: %@": "已重新保留：%@",
        "Dropped: %@": "已舍弃：%@",
        "drop / keep": "舍弃 / 保留",
        "other settings": "其他设置",
        "kept from the template as they are: %@": "按原样沿用模板中的设置：%@",
        // Proxmox's schema
        "'%@' is not a Proxmox VM option": "“%@”不是 Proxmox 虚拟机选项",
        "'%@' has no options Proxmox knows": "“%@”没有 Proxmox 已知的选项",
        "%@: '%@' is not an option of %@": "%@：“%@”不是 %@ 的选项",
        "%@: '%@' is not a boolean (1/0, on/off, yes/no, true/false)": "%@：“%@”不是布尔值（1/0、on/off、yes/no、true/false）",
        "%@: '%@' is not a whole number": "%@：“%@”不是整数",
        "%@: '%@' is not a number": "%@：“%@”不是数字",
        "%@: %@ is below the minimum %@": "%@：%@ 低于最小值 %@",
        "%@: %@ is above the maximum %@": "%@：%@ 高于最大值 %@",
        "%@: '%@' is not one of %@": "%@：“%@”不是以下之一：%@",
        "%@: longer than %@ characters": "%@：超过 %@ 个字符",
        "%@: '%@' does not have the form Proxmox expects": "%@：“%@”不符合 Proxmox 要求的格式",
        "%@: vmwizard cannot check the format '%@'": "%@：vmwizard 无法检查格式“%@”",
        "%@: %@ needs %@": "%@：%@ 需要 %@",
        "%@: %@ is required": "%@：%@ 为必填项",
        // Proxmox's named formats
        "'%@' is not a valid ID (a letter, then letters, digits, - and _)": "“%@”不是有效的 ID（以字母开头，其后为字母、数字、- 和 _）",
        "a path cannot hold line breaks": "路径不能包含换行",
        "'%@' is not a size (like 32G or 1024M)": "“%@”不是大小（形如 32G 或 1024M）",
        "'%@' is not URL-encoded text": "“%@”不是 URL 编码的文本",
        "vmwizard cannot check the format '%@'": "vmwizard 无法检查格式“%@”",
        "'%@' is not a hotplug feature (network, disk, cpu, memory, usb, cloudinit)":
            "“%@”不是热插拔功能（network、disk、cpu、memory、usb、cloudinit）",
        "the physical address bits are 8 to 64, or host": "物理地址位数为 8 到 64，或 host",
    ]
}
