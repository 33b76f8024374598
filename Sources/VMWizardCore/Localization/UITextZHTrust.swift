// Simplified Chinese for the texts of vmwizard's trust work: Proxmox-exact checks and answers, hostile input,
// drafts and running qm (see UITextZH). Keys, paths and values stay as they appear.
extension UITextZH {
    static let trust: [String: String] = [
        // Validation against Proxmox's own rules
        "Total vCPUs %@ (%@ sockets × %@ cores) exceed the %@ logical CPUs of node %@":
            "vCPU 总数 %1$@（%2$@ 个插槽 × %3$@ 个核心）超过节点 %5$@ 的 %4$@ 个逻辑 CPU",
        "%@, and Start after created is ticked": "%@，而“创建后启动”已勾选",
        "refuses to start it there": "会拒绝在该节点上启动它",
        "%@: the VM is created, but Proxmox refuses to start it there": "%@：虚拟机可以创建，但 Proxmox 拒绝在该节点上启动它",
        "CPU type '%@': the cluster has no custom CPU model '%@' (cpu-models.conf)":
            "CPU 类型“%@”：集群中没有自定义 CPU 型号“%@”（cpu-models.conf）",
        "CPU units %@ is outside what cgroup v%@ takes: Proxmox stores %@": "CPU 权重 %@ 超出 cgroup v%@ 的范围：Proxmox 会存为 %@",
        "%@ needs %@ as well: Proxmox refuses %@ without %@": "%1$@ 需要同时设置%2$@：Proxmox 拒绝没有 %4$@ 的 %3$@",
        "%@ needs %@ as well": "%@ 需要同时设置%@",
        "QEMU refuses a burst without its limit when the VM starts": "QEMU 在虚拟机启动时拒绝没有对应限速的突发值",
        "%@ cannot be negative (got %@)": "%@不能为负数（当前 %@）",
        "QEMU refuses a negative limit when the VM starts": "QEMU 在虚拟机启动时拒绝负的限速",
        "%@ must be a number, not '%@'": "%@必须是数字，而不是“%@”",
        "%@ (Proxmox accepts this when creating the VM, but %@)": "%@（Proxmox 创建虚拟机时接受此设置，但%@）",
        "%@ '%@' must be written without a sign": "%@“%@”不能带正负号",
        "writing the config file then fails": "随后写入配置文件会失败",
        "Disk size is required": "磁盘大小为必填项",
        "Disk size '%@' is not a size: write GiB (32, 0.5) or a number with K, M, G or T (1049K, 1.5T)":
            "磁盘大小“%@”不是有效大小：请写 GiB 数（32、0.5），或带 K、M、G、T 单位的数（1049K、1.5T）",
        "Disk size must be more than 0": "磁盘大小必须大于 0",
        "allocating a disk of size 0 fails": "分配大小为 0 的磁盘会失败",
        "Disk size %@ is above the 128 TiB the web UI allows": "磁盘大小 %@ 超过网页界面允许的 128 TiB",
        "a %@ storage holds no ISO images": "%@ 类型的存储不存放 ISO 镜像",
        "an ISO image's volume is iso/NAME.iso": "ISO 镜像的卷名形如 iso/名称.iso",
        "an ISO image is a file directly in iso/ whose name ends in .iso or .img":
            "ISO 镜像必须是直接位于 iso/ 下、以 .iso 或 .img 结尾的文件",
        "it is of type '%@': Proxmox imports only disk images (type 'images' or 'import')":
            "它的类型是“%@”：Proxmox 只导入磁盘镜像（类型 images 或 import）",
        "an OVA or OVF is a whole guest, not a disk image: import one of its disks":
            "OVA 或 OVF 是整台客户机，而不是磁盘镜像：请导入其中的一块磁盘",
        "an import volume is import/NAME.qcow2, .raw or .vmdk (letters, digits, space and - . + = _)":
            "导入卷形如 import/名称.qcow2、.raw 或 .vmdk（字母、数字、空格和 - . + = _）",
        "a disk image on a folder storage is VMID/NAME.raw, .qcow2 or .vmdk": "目录型存储上的磁盘镜像形如 VMID/名称.raw、.qcow2 或 .vmdk",
        "a disk image on a %@ storage is named vm-VMID-…": "%@ 存储上的磁盘镜像名为 vm-VMID-…",
        "a CPU set is a list like 0-3,8,10-11 (ranges from low to high)": "CPU 集合是形如 0-3,8,10-11 的列表（范围从小到大）",
        "Notes must be at most 8192 characters (got %@)": "备注最多 8192 个字符（当前 %@）",
        "Notes of just '0' are not kept": "仅为“0”的备注不会被保存",
        "its config writer drops a description that is just 0": "它的配置写入程序会丢弃仅为 0 的描述",
        "net%@ is already used by network device %@": "net%@ 已被网络设备 %@ 使用",
        "MAC address %@ is already used by %@": "MAC 地址 %@ 已被 %@ 使用",
        "two NICs with one address disturb each other on the network": "两块网卡使用同一地址会在网络上互相干扰",
        "No bridge: this NIC gets QEMU's user-mode network only, not the LAN": "没有网桥：这块网卡只有 QEMU 的用户模式网络，连不上局域网",
        "Rate limit cannot be negative (got %@)": "速率限制不能为负数（当前 %@）",
        "Drive '%@' must be a device path like /dev/sr0": "光驱“%@”必须是设备路径，例如 /dev/sr0",
        "VCPUs must be at most the %@ cores the VM has (got %@)": "VCPU 数最多为虚拟机的 %@ 个核心（当前 %@）",
        "QEMU refuses to start it": "QEMU 会拒绝启动它",
        "CPU limit '%@' must be written as a plain number": "CPU 限制“%@”必须写成普通数字",
        "it refuses the same value in every later change of the VM": "之后每次修改虚拟机时都会拒绝这个值",
        "QEMU refuses native AIO with the host page cache when the VM starts": "QEMU 在虚拟机启动时拒绝在使用主机页缓存时用 native AIO",
        "efidisk0 needs bios: ovmf: an EFI disk is only used with UEFI firmware": "efidisk0 需要 bios: ovmf：EFI 磁盘只在 UEFI 固件下使用",
        "never uses the EFI disk with SeaBIOS": "使用 SeaBIOS 时从不使用 EFI 磁盘",
        "%@ '%@' would have no effect: %@": "%@“%@”不会生效：%@",
        "ignores it; vmwizard drops nothing a file asks for without saying so": "会忽略它；vmwizard 不会不声不响地丢掉文件要求的任何设置",
        "allocating the disk then fails": "随后分配磁盘会失败",
        "keeps only the last one; which one you meant is unclear": "只保留最后一个；无法确定你想要哪一个",
        // Answers files
        "null removes a device (a disk, netN, ide2, efidisk0 or tpmstate0); for '%@' leave the key out to use the wizard's default":
            "null 用于移除设备（磁盘、netN、ide2、efidisk0 或 tpmstate0）；要让“%@”使用向导的默认值，请省略该键",
        "startup '%@' is not a start order (like order=1,up=30,down=60; numbers only, no spaces)":
            "startup“%@”不是启动顺序（形如 order=1,up=30,down=60；只能是数字，不能有空格）",
        "size '%@' is not a disk size (like 32G, 512M, 1049K)": "大小“%@”不是磁盘大小（形如 32G、512M、1049K）",
        "no install media given: the wizard's default is an ISO image, so name one in %@ (STORAGE:iso/FILE.iso,media=cdrom), or write %@ as none,media=cdrom, or set it to null for no CD drive":
            "未给出安装介质：向导默认使用 ISO 镜像，请在 %1$@ 中指定一个（存储:iso/文件.iso,media=cdrom），或把 %2$@ 写成 none,media=cdrom，或设为 null 表示不要光驱",
        "--batch needs --answers FILE: the answers to the wizard (JSON) or a VM config to use as a template":
            "--batch 需要 --answers FILE：向导的应答（JSON）或用作模板的虚拟机配置",
        "This is the built-in demo host: vmwizard never creates anything here. Use --print qm|conf|json to get the exact commands, or run vmwizard on a Proxmox VE node.":
            "这是内置演示主机：vmwizard 在这里从不创建任何东西。请用 --print qm|conf|json 获取确切命令，或在 Proxmox VE 节点上运行 vmwizard。",
        // Host files
        "custom CPU models are not listed": "不列出自定义 CPU 型号",
        "'%@' of storage '%@' is given again; the first value is kept": "存储“%2$@”的“%1$@”再次出现；保留第一个值",
        "'%@' follows storage '%@' without a blank line; Proxmox ignores it": "“%@”紧跟在存储“%@”之后而没有空行；Proxmox 会忽略它",
        "--root %@: %@": "--root %@：%@",
        "--root %@: not a directory": "--root %@：不是目录",
        "Proxmox VE is installed here, but %@ is empty: the cluster file system (pve-cluster) is not running. Start it with 'systemctl start pve-cluster' and try again, or use --demo to try the wizard on the built-in demo host.":
            "这里安装了 Proxmox VE，但 %@ 是空的：集群文件系统（pve-cluster）没有运行。请用“systemctl start pve-cluster”启动它后重试，或用 --demo 在内置演示主机上试用向导。",
        "no Proxmox VE configuration under --root %@ (neither etc/pve/.members nor etc/pve/storage.cfg); use --demo for the built-in demo host":
            "--root %@ 下没有 Proxmox VE 配置（既没有 etc/pve/.members 也没有 etc/pve/storage.cfg）；要使用内置演示主机请加 --demo",
        "no Proxmox VE found on %@: batch mode works only on a Proxmox VE node (or with --demo, which prints for the built-in demo host)":
            "在%@上没有找到 Proxmox VE：批处理模式只能在 Proxmox VE 节点上运行（或加 --demo，为内置演示主机打印）",
        "reading the host's files did not finish within %@ s (still reading: %@); is pmxcfs or a network mount hanging?":
            "读取主机文件在 %@ 秒内没有完成（仍在读取：%@）；是 pmxcfs 或网络挂载卡住了吗？",
        "unknown": "未知",
        "%@ '%@' is not checked: the ISO folder of storage '%@' has not been listed": "%@“%@”未检查：存储“%@”的 ISO 目录尚未列出",
        "ISO folder of storage '%@' did not answer within 5 s; its ISO images are not checked": "存储“%@”的 ISO 目录在 5 秒内没有响应；不检查其中的 ISO 镜像",
        // Fields and choices
        "No CD/DVD drive": "不要光驱",
        "Drive": "光驱",
        "the host's CD/DVD drive": "主机的光驱",
        "EFI vars size": "EFI 变量大小",
        "4 MB (Secure Boot)": "4 MB（安全启动）",
        "2 MB (old layout)": "2 MB（旧布局）",
        "Custom": "自定义",
        "Custom (reports %@)": "自定义（报告为 %@）",
        // Drafts
        "unnamed VM": "未命名的虚拟机",
        "%@ (VM %@)": "%@（VM %@）",
        "That draft is open in another session (%@); pick another or start fresh": "这个草稿正在另一个会话中打开（%@）；请选择其他草稿或重新开始",
        "Starting fresh; the saved draft is kept": "重新开始；已保存的草稿保留",
        "Starting fresh; the saved drafts are kept": "重新开始；已保存的草稿都保留",
        "That draft is open in another session (%@) and is not discarded": "这个草稿正在另一个会话中打开（%@），没有丢弃",
        "Draft of %@ discarded": "已丢弃 %@ 的草稿",
        "Draft saved again": "草稿又能保存了",
        "draft saved in %@ (%@)": "草稿保存在 %@（%@）",
        "draft NOT saved: %@": "草稿未能保存：%@",
        "Answers from an earlier run were saved:": "上次运行时保存了以下填写内容：",
        "Answers from earlier runs were saved:": "以前运行时保存了以下填写内容：",
        "%@ tab, saved on %@": "%@选项卡，保存于 %@",
        "saved on %@": "保存于 %@",
        "in use by %@": "正被 %@ 使用",
        "(%@ more: ↑↓ to see them)": "（还有 %@ 个：用 ↑↓ 查看）",
        "Enter: resume   n: start fresh (drafts kept)   d: discard   Esc: quit": "回车：恢复   n：重新开始（保留草稿）   d：丢弃   Esc：退出",
        "Resume a draft?": "恢复草稿？",
        "discard": "丢弃",
        "Nothing has been created, and nothing was entered yet.": "尚未创建任何东西，也还没有填写任何内容。",
        "Quitting leaves no draft behind.": "退出后不会留下草稿。",
        "Nothing has been created. Your answers could NOT be saved:": "尚未创建任何东西。你的填写内容未能保存：",
        "That draft was just opened by another session: your changes are saved as a new draft": "这个草稿刚被另一个会话打开：你的修改将保存为新草稿",
        "your answers could NOT be saved (%@)": "你的填写内容未能保存（%@）",
        "nothing was entered yet, so no draft was saved": "尚未填写任何内容，因此没有保存草稿",
        "your answers are saved: run vmwizard --resume to continue": "填写内容已保存：运行 vmwizard --resume 即可继续",
        "your answers are saved in %@ (the usual place failed: %@): run vmwizard --resume to continue":
            "填写内容已保存在 %@（通常的位置失败了：%@）：运行 vmwizard --resume 即可继续",
        "Draft resumed: %@, saved on %@": "已恢复草稿：%@，保存于 %@",
        "No saved draft to resume in %@: starting fresh": "%@ 中没有可恢复的草稿：重新开始",
        "Every saved draft is open in another session: starting fresh": "所有已保存的草稿都在其他会话中打开：重新开始",
        "PID %@ on %@, since %@": "PID %@，终端 %@，自 %@ 起",
        "the draft %@ cannot be read (not a vmwizard draft); it was left in place": "无法读取草稿 %@（不是 vmwizard 草稿）；已保留原文件",
        "the draft %@ disappeared": "草稿 %@ 不见了",
        // Pasting and running qm
        "Pasted text goes into a text field: move to one first": "粘贴的文本只能放进文本框：请先移到一个文本框",
        "%@ takes a whole number; the pasted text is not one": "%@只接受整数；粘贴的文本不是整数",
        "%@ takes a number; the pasted text is not one": "%@只接受数字；粘贴的文本不是数字",
        "Ctrl-C passed on to the running command; waiting for it to finish (Ctrl-C again leaves it running)":
            "Ctrl-C 已转交给正在运行的命令；正在等它结束（再按 Ctrl-C 则让它继续运行并退出）",
        "the command": "该命令",
        "%@ Stopping: waiting for %@ to finish… %@s": "%@ 正在停止：等待%@结束… %@ 秒",
        "leave now (the command keeps running)": "立即退出（命令继续运行）",
        "The VM config was written to %@. The volumes it names (%@) do not exist yet: use Create to make the VM, or create them before using this file.":
            "虚拟机配置已写到 %@。其中提到的卷（%@）还不存在：请用“创建”生成虚拟机，或在使用此文件前先创建这些卷。",
        "The answers file has problems": "应答文件有问题",
        "%@ needs at least %@ MiB of memory (Microsoft's minimum)": "%@ 至少需要 %@ MiB 内存（微软的最低要求）",
        "%@ needs at least %@ cores (Microsoft's minimum)": "%@ 至少需要 %@ 个核心（微软的最低要求）",
        "%@ needs a disk of at least %@ GB (Microsoft's minimum)": "%@ 至少需要 %@ GB 的磁盘（微软的最低要求）",
        "%@ needs UEFI: choose OVMF (UEFI)": "%@ 需要 UEFI：请选择 OVMF (UEFI)",
        "%@ needs a TPM 2.0": "%@ 需要 TPM 2.0",
        "advanced: on": "高级：开",
        "Every answer that could be read is filled in; the fields with problems are marked:\n%@\n%@":
            "能读取的应答都已填入；有问题的字段已标出：\n%@\n%@",
        "(and %@ more)": "（另有 %@ 个）",
        "Nothing in the list matches '%@'; Backspace or Ctrl-U edits the filter": "列表中没有与“%@”匹配的项；用退格键或 Ctrl-U 修改筛选",
        "Enter to create the VM; Tab to choose Write config or Print and exit": "按回车创建虚拟机；按 Tab 选择“写出配置”或“打印并退出”",
        "Demo host: Create only explains; Tab to Print and exit": "演示主机：“创建”只做说明；按 Tab 选择“打印并退出”",
        "quit (SIGQUIT)": "已退出（SIGQUIT）",
        "still running after Ctrl-C, left running: %@ (PID %@). Check on it with 'ps -p %@'; when it ends, 'qm status %@' shows whether VM %@ was created.":
            "按 Ctrl-C 后仍在运行，已让它继续运行：%1$@（PID %2$@）。可用“ps -p %3$@”查看它；它结束后，“qm status %4$@”会显示 VM %5$@ 是否已创建。",
    ]
}
