// Simplified Chinese for storages whose disks are existing volumes picked from a list (iSCSI LUNs)
// (see UITextZH).
extension UITextZH {
    static let volumes: [String: String] = [
        "Disk image": "磁盘映像",
        "EFI volume": "EFI 卷",
        "TPM volume": "TPM 卷",
        "listing the storage's volumes…": "正在列出该存储的卷…",
        "the volumes could not be listed: type one": "无法列出卷：请手动输入",
        "the storage has no volumes": "该存储没有卷",
        "pick a volume": "请选择一个卷",
        "%@ · used as %@": "%@ · 已用作 %@",
        // Validation
        "%@: pick one of the volumes of storage '%@' (Proxmox creates no new volumes on %@ storages)":
            "%@：请从存储“%@”的卷中选一个（Proxmox 不会在 %@ 存储上新建卷）",
        "%@ '%@' is not a volume of storage '%@' (write %@:VOLUME)": "%@“%@”不是存储“%@”的卷（应写作 %@:卷名）",
        "%@: %@ is already used as %@ of this VM": "%@：%@ 已被本虚拟机用作 %@",
        "%@: storage '%@' has no volume %@ (it lists %@)": "%@：存储“%@”没有卷 %@（它列出了 %@ 个）",
        "%@: not checked against the storage: %@": "%@：未能与存储核对：%@",
        "%@: the volumes of storage '%@' are still being listed": "%@：仍在列出存储“%@”的卷",
        "EFI volume: Proxmox uses an existing volume as it is and does not copy the OVMF variables (or the pre-enrolled keys) into it":
            "EFI 卷：Proxmox 按原样使用现有卷，不会向其中写入 OVMF 变量（也不会写入预置密钥）",
        "a volume name cannot contain a comma in a drive": "驱动器中的卷名不能包含逗号",
        "an iSCSI volume is CHANNEL.ID.LUN.DEVICE, e.g. 0.0.1.scsi-36001405…": "iSCSI 卷的格式是 通道.ID.LUN.设备，例如 0.0.1.scsi-36001405…",
        "a direct iSCSI volume is lunN, e.g. lun1": "直连 iSCSI 卷的格式是 lunN，例如 lun1",
        // Answers files
        "%@: storage '%@' hands out existing volumes; nothing can be imported onto it": "%@：存储“%@”只提供现有卷，不能向其导入",
        "%@: format '%@' differs from the volume's format raw (Proxmox refuses that)": "%@：格式“%@”与该卷的格式 raw 不同（Proxmox 会拒绝）",
        // Listing
        "could not list the volumes of storage %@ with %@ (within %@ s)": "无法列出存储 %@ 的卷（用 %@，%@ 秒内）",
        "%@ answered something other than a volume list for storage %@": "%@ 对存储 %@ 的回答不是卷列表",
        "not listed": "未列出",
    ]
}
