// Simplified Chinese for the vCPU architecture (arch) and what an ARM guest changes, and the import picker
// (see UITextZH).
extension UITextZH {
    static let arch: [String: String] = [
        "vCPU architecture": "vCPU 架构",
        "x86 (64-bit)": "x86（64 位）",
        "ARM (64-bit)": "ARM（64 位）",
        "Default (virt)": "默认（virt）",
        "%@ is emulated on this %@ node (no KVM): expect it to run many times slower":
            "%@ 在这台 %@ 节点上靠模拟运行（没有 KVM）：速度会慢很多倍",
        "ARM guests boot with UEFI": "ARM 客户机使用 UEFI 启动",
        "Proxmox's default for ARM guests with KVM": "Proxmox 对使用 KVM 的 ARM 客户机的默认值",
        "emulated ARM guest: QEMU's max (host needs KVM)": "模拟运行的 ARM 客户机：QEMU 的 max（host 需要 KVM）",
        // Validation
        "%@ does not run as an %@ guest: choose Linux or Other": "%@ 不能作为 %@ 客户机运行：请选择 Linux 或其他",
        "OS type '%@' does not run as an %@ guest: use l26 (Linux) or other": "操作系统类型“%@”不能作为 %@ 客户机运行：请用 l26（Linux）或 other",
        "Machine %@ is an x86 machine; an ARM (64-bit) guest uses the default (virt)": "机器类型 %@ 属于 x86；ARM（64 位）客户机使用默认的 virt",
        "An ARM (64-bit) guest boots only with OVMF (UEFI); SeaBIOS is for x86": "ARM（64 位）客户机只能用 OVMF（UEFI）启动；SeaBIOS 只用于 x86",
        "SCSI controller %@ is not available to ARM (64-bit) guests: use VirtIO SCSI or VirtIO SCSI single":
            "ARM（64 位）客户机不能使用 SCSI 控制器 %@：请用 VirtIO SCSI 或 VirtIO SCSI single",
        "An %@ guest has no %@ bus: use SCSI, VirtIO Block or SATA": "%@ 客户机没有 %@ 总线：请用 SCSI、VirtIO Block 或 SATA",
        "CPU type host needs KVM, but this %@ node emulates %@ guests: use max": "CPU 类型 host 需要 KVM，但这台 %@ 节点是模拟运行 %@ 客户机的：请用 max",
        "CPU type '%@' is an %@ model; the guest is %@": "CPU 类型“%@”是 %@ 型号，而客户机是 %@",
        "CPU type '%@' does not work with KVM on ARM: use host, max, cortex-a53 or cortex-a57":
            "CPU 类型“%@”不能在 ARM 上配合 KVM 使用：请用 host、max、cortex-a53 或 cortex-a57",
        "the VM does not start": "虚拟机无法启动",
        "the guest does not boot": "客户机无法启动",
        "the VM does not boot": "虚拟机无法引导",
        "%@ looks like an %@ installer, but the guest is %@: set vCPU architecture (General, advanced)":
            "%@ 看起来是 %@ 安装镜像，但客户机是 %@：请设置 vCPU 架构（常规页，高级选项）",
        // Disk images to import
        "(none: new empty disk)": "（无：新建空磁盘）",
        "%@: cannot list the disk images to import of storage '%@' (%@)": "%@：无法列出存储“%@”中待导入的磁盘镜像（%@）",
        // Answers files
        "arch '%@' is not a vCPU architecture (x86_64 or aarch64)": "arch“%@”不是 vCPU 架构（x86_64 或 aarch64）",
        "cdrom is the CD drive ide2, which an ARM (64-bit) guest does not have: give the install CD as %@":
            "cdrom 即光驱 ide2，而 ARM（64 位）客户机没有它：请用 %@ 指定安装光盘",
        "%@ and cdrom both give the install CD (cdrom at %@)": "%@ 和 cdrom 都指定了安装光盘（cdrom 在 %@）",
        "machine '%@' is the ARM machine: it needs arch: aarch64": "机器类型“%@”属于 ARM：需要设置 arch: aarch64",
    ]
}
