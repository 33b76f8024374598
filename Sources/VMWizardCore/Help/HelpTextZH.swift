// Inline help, Simplified Chinese. Keys are the option model's help keys.
enum HelpTextZH {
    static let texts: [String: String] = [
        // MARK: Tabs
        "tab.general": "确定虚拟机的基本身份和归属：所在节点、VM ID、名称，以及可选的 HA、资源池、开机自启顺序和标签。请先选好节点，后面各页列出的存储、网桥和 ISO 镜像都来自该节点。建议的 VM ID 是集群中下一个空闲编号，一般直接使用即可。",
        "tab.os": "选择安装介质，并告诉 PVE 将要安装的客户机操作系统。本页最关键的是操作系统类型：vmwizard 会据此推导磁盘总线、网卡、机器类型、固件、TPM 和内存的默认值。安装 Windows 时，建议同时挂载 virtio-win 驱动 ISO，让安装程序能识别高性能的 VirtIO 磁盘和网卡。",
        "tab.system": "虚拟平台的基础硬件：显卡、机器类型、固件（BIOS 或 UEFI）、SCSI 控制器、客户机代理和 TPM。默认值适合大多数 Linux 客户机；Windows 11 需要 q35、带 EFI 磁盘的 OVMF 以及 TPM 2.0，选择该系统时 vmwizard 会自动给出这些设置。启用 EFI 磁盘或 TPM 后，需要为其小型状态卷指定存储。",
        "tab.disks": "虚拟机的硬盘，每块盘都有总线与编号、存储、容量、格式，以及缓存、IO 线程、discard 和带宽限制等选项。对现代客户机，推荐 SCSI 总线配合 VirtIO SCSI single 控制器并开启 IO 线程。也可以不建任何磁盘，例如通过网络启动或以后再添加磁盘。",
        "tab.cpu": "设置虚拟 CPU 数量（插槽数 × 每插槽核心数）、客户机看到的 CPU 型号，以及可选的限额、权重、绑核和 NUMA。最重要的是 CPU 类型：默认型号保证可以在线迁移，而 host 在单节点或硬件完全相同的节点上性能最好。",
        "tab.memory": "虚拟机的内存大小，以及运行时 PVE 能否动态调整。最小内存等于内存时为固定分配；最小内存设得更低，PVE 就会通过 ballooning 按份额分配主机的空闲内存。大多数情况下应保留 ballooning 设备。",
        "tab.network": "虚拟机的网卡 net0 至 net31。每块网卡接入一个主机网桥或 SDN VNet，可带 VLAN 标签，并模拟某种网卡型号；客户机有驱动时 VirtIO 最快。删除所有网卡即可创建不联网的虚拟机。",
        "tab.confirm": "在主机上做任何改动之前，先核对全部设置和将要执行的完整 qm create 命令行。Create（创建）会先运行 qm create；若勾选了 Start after created（创建后启动），再单独运行 qm start。Write config 改为写出虚拟机配置文件（从不覆盖已有文件；只有无需分配新卷时才写入 /etc/pve），Print and exit 只打印命令然后退出。",

        // MARK: General
        "node": "创建虚拟机并运行它的集群节点。后续各页的存储、网桥和 ISO 镜像都随该节点变化，所以请先确定它。默认：运行 vmwizard 的本节点；若选择其他节点，vmwizard 会通过 Proxmox API 在该节点上创建，而不是在本机调用 qm。",
        "vmid": "标识虚拟机的数字编号，在整个集群内不能与其他虚拟机或容器重复。取值范围 100 到 999999999。默认：集群中下一个空闲编号。",
        "name": "可选的名称，在 PVE 界面中显示在 VM ID 旁边。必须是合法的 DNS 名称：由字母、数字和连字符组成，连字符不能位于各段首尾，各段之间用点号分隔。默认：空。",
        "ha-managed": "将虚拟机纳入高可用（HA）管理，节点故障时由 HA 服务重启或迁移它；只有磁盘位于共享或复制存储上才有意义。若勾选了创建后启动，HA 请求状态为 started，否则为 stopped。受 HA 管理的虚拟机会忽略开机自启和启动顺序设置。默认：关闭。",
        "pool": "可选，将虚拟机加入的资源池。资源池把虚拟机和存储归为一组，便于统一授权，也便于查找相关机器。默认：无。",
        "onboot": "主机开机时自动启动该虚拟机。节点重启后必须恢复的服务应开启此项，下方的顺序和延迟决定启动的先后。默认：关闭。",
        "startup.order": "主机开机自动启动时的先后位置，取非负整数。数字小的先启动；关机按相反顺序进行，所以它也最后关闭。未设置顺序的虚拟机在所有已设顺序的之后启动，且顺序只在同一节点上的虚拟机之间生效；默认：空（不限顺序）。",
        "startup.up": "启动本虚拟机后，等待多少秒再启动序列中的下一台。适合让 DNS、数据库等被依赖的服务先完成启动。默认：空（不等待）。",
        "startup.down": "例如主机关机时，PVE 等待本虚拟机正常关机的秒数，超时后将强制停止。关机较慢的客户机（如大型数据库）可适当调大。默认：空，即 180 秒。",
        "tags": "用于在界面中查找和分组虚拟机的标签，对虚拟机本身没有任何影响。标签只能包含字母、数字和 + _ . - 这几个字符，多个标签之间用分号、逗号或空格分隔。默认：无。",
        "description": "关于虚拟机的自由备注，显示在网页界面的“概要”页面上。它以注释行的形式保存在虚拟机配置文件的开头。默认：空。",

        // MARK: OS
        "media": "安装程序的来源：存储上的 ISO 镜像文件、主机的物理光驱，或不使用任何介质（例如导入磁盘或网络启动时）。介质以光驱 ide2 的形式挂载。默认：ISO 镜像文件。",
        "iso.storage": "存放 ISO 镜像的存储，即启用了 ISO 镜像内容类型的存储，例如 local。下方的镜像列表从这里读取。默认：节点上第一个此类存储。",
        "iso.image": "用于引导安装的 ISO，输入部分文件名即可筛选列表。vmwizard 会根据文件名识别系统（Windows 11、Server 2022/2025 识别为 win11，Windows 10 为 win10，各 Linux 发行版为 l26，virtio-win 为驱动 ISO），并据此建议操作系统类型，已手动修改的字段不受影响。选择 ISO 镜像文件作为介质时必填。",
        "os.base": "客户机操作系统的大类：Linux、Microsoft Windows、Solaris Kernel 或 Other。选对类别后 PVE 能调整一些底层细节，例如 Windows 要求硬件时钟使用本地时间，而类 Unix 系统使用 UTC。默认：Linux。",
        "ostype": "所选大类中的具体版本，决定各项默认值。Linux 2.6 及以上内核使用 SCSI 磁盘和 VirtIO 网卡；Windows 使用 IDE 磁盘和 Intel E1000 网卡（除非添加了驱动 ISO），Windows 11/2022/2025 还会得到 q35、带 EFI 磁盘的 OVMF、TPM 2.0 和 4096 MiB 内存。更换系统时，vmwizard 会把这些默认值重新应用到所有未手动修改过的字段。默认：该大类中最新的版本。",
        "virtio.add": "仅限 Windows：增加第二个光驱（ide0）并挂载 virtio-win 驱动 ISO，使 Windows 安装程序能加载 VirtIO SCSI 磁盘和 VirtIO 网卡的驱动。勾选后磁盘总线改为 SCSI，网卡型号改为 VirtIO，引导顺序变为磁盘、安装 ISO、驱动 ISO。为获得良好性能推荐勾选；默认：主机上有 virtio-win ISO 时 Windows 自动勾选，否则关闭。",
        "virtio.storage": "存放 virtio-win 驱动 ISO 的存储，需启用 ISO 镜像内容类型。默认：节点上第一个含 ISO 镜像的存储。",
        "virtio.image": "包含 Windows 版 VirtIO 驱动（以及客户机代理安装包）的 virtio-win ISO，可输入文字筛选。文件名以 virtio-win 开头的镜像会被识别为驱动 ISO。若存储上还没有，请先从 virtio-win 项目下载并上传。启用驱动光驱时必填。",

        // MARK: System
        "vga": "虚拟显卡。Default 即标准 VGA，适合大多数客户机；SPICE（qxl，另有 2 到 4 显示器版本）配合 SPICE 客户端可获得更好的远程桌面体验；串口终端适合无图形界面的服务器；VirtIO-GPU 是面向较新 Linux 客户机的半虚拟化显卡；none 则不提供显示，例如直通独立显卡时。默认：Default（标准 VGA）。",
        "machine": "模拟的主板芯片组。i440fx 是经典 PC 主板，兼容所有客户机；q35 较新，提供 PCIe 总线，PCIe 直通（显卡、网卡等）需要它，Windows 11 也使用它。默认：i440fx，Windows 11 为 q35。",
        "bios": "固件。SeaBIOS 是传统 BIOS，几乎能引导任何系统；OVMF 是 UEFI 固件，安全启动和 Windows 11 必须使用，做 PCIe 直通时通常也更合适。请在安装系统前确定，已装好的系统切换固件后通常无法启动。默认：SeaBIOS，Windows 11 为 OVMF。",
        "efi.add": "OVMF 把引导项、安全启动密钥等设置保存在一块很小的 EFI 变量磁盘上。没有这块磁盘，这些修改在虚拟机下次启动时就会丢失，因此请保持勾选。仅在选择 OVMF 时显示；默认：开启。",
        "efi.storage": "EFI 变量磁盘所在的存储，只需几 MiB，任何可存放虚拟机镜像的存储均可。默认：vmwizard 建议使用第一块硬盘所在的存储。",
        "efi.format": "EFI 变量磁盘的镜像格式。块存储（LVM、ZFS、Ceph）只支持 raw；文件存储还可选 qcow2，这样该磁盘也能纳入 qcow2 快照。默认：存储支持时为 qcow2，否则为 raw。",
        "efi.keys": "让 EFI 变量磁盘预先写入常见 Linux 发行版和微软的安全启动密钥，从而开启安全启动。若操作系统或引导程序未经签名，请取消勾选，否则无法引导。默认：开启。",
        "scsihw": "SCSI 磁盘所用的控制器型号。VirtIO SCSI single 为每块磁盘单独配一个控制器，配合 IO 线程性能最佳；Windows 安装时需从 virtio-win ISO 加载其驱动。只有缺少 VirtIO 驱动的老系统才需要选 LSI 53C895A 等模拟型号。默认：VirtIO SCSI single（Windows XP/2000 为 LSI）。",
        "agent": "添加 QEMU 客户机代理的通信通道；客户机内仍需安装 qemu-guest-agent（Windows 版在 virtio-win ISO 中）。有了它，PVE 可以正常关闭客户机、显示其 IP 地址，并在备份时冻结文件系统以保证数据一致。默认：关闭。",
        "tpm.add": "添加虚拟 TPM 芯片，供 BitLocker、度量启动等安全功能使用。没有 TPM，Windows 11 会拒绝安装。默认：Windows 11 开启，其他系统关闭。",
        "tpm.storage": "TPM 状态卷所在的存储，只需几 MiB；与虚拟机磁盘放在一起便于备份和迁移。默认：vmwizard 建议使用第一块硬盘所在的存储。",
        "tpm.format": "小型 TPM 状态卷的镜像格式。块存储（LVM、ZFS、Ceph）只支持 raw；文件存储若提供 qcow2，选它可让 TPM 状态纳入快照。默认：可选时为 qcow2，否则为 raw。",
        "tpm.version": "TPM 接口版本。Windows 11 和当前的操作系统都需要 v2.0；只有无法使用 2.0 的老系统才选 v1.2。虚拟机创建后无法再更改。默认：v2.0。",

        // MARK: Disks
        "disks": "虚拟机的硬盘列表：可添加、删除磁盘，或选中某块盘进行编辑；完全没有磁盘也是允许的。新磁盘使用其总线上第一个空闲编号（scsi0、scsi1……），其中 ide2 预留给安装光驱，ide0 预留给驱动光驱。默认：一块磁盘。",
        "disk.bus": "磁盘所连接的控制器类型。推荐 SCSI（最多 31 块）配合 VirtIO SCSI single 控制器；VirtIO Block（16 块）是较老的半虚拟化控制器；SATA（6 块）适合没有 VirtIO 驱动的客户机；IDE（4 块）只用于非常老的系统。默认：由操作系统类型决定（Linux 为 SCSI，未加驱动 ISO 的 Windows 为 IDE）。",
        "disk.device": "磁盘在总线上的编号，例如 scsi0 中的 0；同一总线与编号的组合只能使用一次。范围：IDE 0-3，SATA 0-5，VirtIO Block 0-15，SCSI 0-30。默认：该总线上第一个空闲编号。",
        "disk.storage": "分配磁盘镜像的存储。块存储（LVM、LVM-thin、ZFS、Ceph）使用 raw 卷，文件存储（目录、NFS、CIFS）还可使用 qcow2。默认：节点上第一个可存放虚拟机镜像的存储。",
        "disk.size": "新磁盘的容量，单位 GiB，可带小数，例如 0.5。在精简配置的存储上，只有客户机实际写入数据时才占用空间。默认：32 GiB。",
        "disk.format": "raw 是普通镜像，速度最多可快约 10%，但只有存储本身支持时（LVM-thin、ZFS、Ceph）才能做快照。qcow2 采用写时复制，在文件存储上提供快照和精简配置。vmdk 只在与 VMware 之间迁移磁盘时有用。默认：存储支持时为 qcow2，否则为 raw。",
        "disk.import": "导入现有镜像而不是新建空盘：填写 PVE 卷 ID，或节点上 qcow2、vmdk、raw 文件的绝对路径。镜像会被复制到所选存储并转换为所选格式，磁盘容量取自镜像本身。默认：空（新建空盘）。",
        "disk.cache": "主机如何缓存此磁盘的读写。Default（无缓存）绕过主机页缓存，兼顾安全与速度；write through 安全但写入较慢；write back 速度快，但主机断电时可能丢数据；write back (unsafe) 甚至忽略刷盘请求，只适合可随时丢弃的虚拟机；direct sync 最安全也最慢。",
        "disk.discard": "把客户机的 TRIM/discard 请求传递给存储，使精简配置的存储能回收客户机已释放的空间。客户机必须自己发出 trim，例如运行 fstrim 或使用 discard 挂载选项。默认：关闭。",
        "disk.iothread": "为此磁盘分配独立的 IO 线程，而不是与 QEMU 主循环共用，负载高或多块磁盘同时繁忙时效果明显。仅适用于 VirtIO Block，或搭配 VirtIO SCSI single 控制器的 SCSI 磁盘。默认：上述情况开启，其余关闭。",
        "disk.ssd": "让客户机把该磁盘识别为固态硬盘而非机械硬盘，以便客户机调整 IO 调度和 trim 策略。VirtIO Block 不支持此项。默认：关闭。",
        "disk.ro": "以只读方式挂载磁盘，客户机无法修改其内容。仅支持 VirtIO Block 和 SCSI。默认：关闭。",
        "disk.backup": "在备份任务中包含此磁盘。若磁盘数据无需保留或已另行备份（例如临时空间、缓存盘），可取消勾选。默认：开启。",
        "disk.replicate": "跳过复制：存储复制任务将不包含此磁盘。复制只支持位于 ZFS 上的磁盘，因此虚拟机需要复制时，应为其他存储上的磁盘勾选此项。默认：关闭（参与复制）。",
        "disk.aio": "QEMU 执行异步磁盘 IO 所用的后端。io_uring 适合大多数场景；native 使用 Linux AIO，要求缓存模式为无缓存或 direct sync；threads 使用工作线程池，在其他方式出问题时作为后备。默认：io_uring。",
        "disk.mbps_rd": "此磁盘的最大读取速率（MB/s），例如防止某台虚拟机占满共享存储。默认：空（不限）。",
        "disk.mbps_wr": "此磁盘的最大写入速率（MB/s），例如避免繁忙的虚拟机拖慢同一存储上的其他虚拟机。默认：空（不限）。",
        "disk.iops_rd": "此磁盘每秒最多的读操作次数，最小可设为 10。默认：空（不限）。",
        "disk.iops_wr": "此磁盘每秒最多的写操作次数，最小可设为 10。默认：空（不限）。",
        "disk.mbps_rd_max": "突发读取速率（MB/s）：读取可短时间超出常规读取限速，最高达到此值，之后再恢复限速。需与读取限速配合使用。默认：空（无突发）。",
        "disk.mbps_wr_max": "突发写入速率（MB/s）：写入可短时间超出常规写入限速，最高达到此值，之后再恢复限速。需与写入限速配合使用。默认：空（无突发）。",
        "disk.iops_rd_max": "突发读操作次数（次/秒）：允许读操作短时间超出常规限制，峰值最高到此值。需与读操作次数限制配合使用。默认：空（无突发）。",
        "disk.iops_wr_max": "突发写操作次数（次/秒）：允许写操作短时间超出常规限制，峰值最高到此值。需与写操作次数限制配合使用。默认：空（无突发）。",

        // MARK: CPU
        "sockets": "虚拟 CPU 插槽数。性能上与把所有核心放在一个插槽中基本相同，但部分软件按插槽数授权，请控制在许可范围内；启用 NUMA 时应与主机的 NUMA 节点数一致。默认：1。",
        "cores": "每个插槽的核心数，虚拟机的 vCPU 总数为插槽数 × 核心数，拿不准时从 2 开始比较合适。所有虚拟机的 vCPU 加起来超过主机核心数没有问题，但单台虚拟机的 vCPU 不能多于主机的逻辑 CPU 数，否则 PVE 拒绝启动，vmwizard 也会检查这一点。默认：1。",
        "cpu.type": "客户机看到的 CPU 型号，可输入文字筛选。默认的 x86-64-v2-AES 适用于 Intel Westmere、AMD Opteron G4 及更新的 CPU，可安全地在线迁移；host 直接透传主机 CPU，性能最好，但无法在线迁移到 CPU 不同的节点。在混合集群中，请选择与最老一代 CPU 对应的型号。默认：x86-64-v2-AES。",
        "vcpus": "使用 CPU 热插拔时，开机时启用的 vCPU 数量；其余的（最多到插槽数 × 核心数）可在运行中再插入。默认：空（全部启用）。",
        "cpulimit": "限制整台虚拟机可使用的主机 CPU 时间，1.0 相当于一个完整的主机核心，可带小数。例如：8 个 vCPU、限额 4 的虚拟机最多使用 400%，所有 vCPU 都满载时每个约得半个核心。默认：空或 0（不限）。",
        "cpuunits": "多台虚拟机争用 CPU 时本虚拟机的相对权重，主机空闲时它不起限制作用。例如：双方都繁忙时，权重 200 的虚拟机得到的 CPU 时间是权重 100 的两倍。范围 1 到 10000（使用旧版 cgroup v1 的主机为 2 到 262144）；默认：100（cgroup v1 为 1024）。",
        "affinity": "允许虚拟机运行的主机 CPU，以 cpuset 列表表示，例如 0-3,8-11。可用于绑核，例如把后台虚拟机固定在 Intel 混合架构 CPU 的能效核上。默认：空（所有主机核心）。",
        "numa": "为客户机模拟 NUMA 拓扑，让内存靠近使用它的 CPU。多路主机上推荐开启，并把插槽数设为主机的 NUMA 节点数；CPU 和内存热插拔也依赖此项。默认：关闭。",
        "cpu.flags": "在 CPU 类型基础上额外开启或关闭的 CPU 标志，写成 +flag 或 -flag，用英文分号分隔，例如 +aes;-pcid。只接受 PVE 允许的标志：aes、amd-no-ssb、amd-ssbd、hv-evmcs、hv-tlbflush、ibpb、md-clear、nested-virt、pcid、pdpe1gb、spec-ctrl、ssbd、virt-ssbd。默认：无。",

        // MARK: Memory
        "memory": "虚拟机内存，单位 MiB（1024 MiB = 1 GiB），最少 16；启用 ballooning 时这是虚拟机能得到的上限。若超过主机内存，vmwizard 会给出警告。默认：2048 MiB，Windows 11 为 4096 MiB。",
        "balloon.enabled": "添加 balloon 设备，它向 PVE 报告客户机实际使用的内存，并让 PVE 在主机内存紧张时收回内存。除非在排查问题，否则请保持开启；Linux 自带驱动，Windows 需安装 virtio-win ISO 中的 balloon 驱动。默认：开启。",
        "balloon": "最小内存，单位 MiB。低于“内存”时，PVE 始终保证这部分内存，并在主机内存使用率低于 80% 时继续追加，最多到“内存”的值。与“内存”相同即为固定分配。默认：等于“内存”。",
        "shares": "在最小内存低于内存的虚拟机之间分配主机空闲内存时的相对权重（范围 0 到 50000）。例如：32 GiB 的主机已用 16 GiB，可分配 32 × 80% - 16 = 9.6，约 9 GiB；份额 3000 的数据库虚拟机与三台份额各 1000 的 Web 虚拟机共享时，数据库得到 9 × 3000 / 6000 = 4.5 GiB，每台 Web 虚拟机得到 1.5 GiB。默认：1000。",
        "allow-ksm": "允许内核同页合并（KSM）把不同虚拟机中内容相同的内存页合并，运行大量相似客户机时可节省内存。代价是少量 CPU 开销，并可能在虚拟机之间形成侧信道，安全敏感的客户机应取消勾选。默认：开启。",

        // MARK: Network
        "nics": "虚拟机的网卡 net0 至 net31：可添加、删除网卡，或选中某块进行编辑。没有网卡的虚拟机无法联网。默认：一块网卡（net0）。",
        "net.bridge": "网卡接入的主机网桥（Linux bridge 或 Open vSwitch）或 SDN VNet，相当于把网线插到交换机上。vmwizard 会列出每个网桥的备注以及是否处于活动状态。默认：第一个网桥，通常是 vmbr0。",
        "net.tag": "此网卡流量使用的 VLAN ID（1 到 4094），网桥需开启 VLAN 感知。默认：空（不打标签）。",
        "net.firewall": "对此网卡的流量启用 PVE 防火墙。只有在数据中心和该虚拟机上都启用防火墙后，规则才会生效。默认：开启。",
        "net.model": "模拟的网卡型号。VirtIO 性能最好、开销最低，但需要驱动（Linux 内置，Windows 使用 virtio-win）；Intel E1000/E1000E 模拟千兆网卡，几乎所有系统都能用；Realtek RTL8139 只有 100 Mbit，仅用于非常老的系统；VMware vmxnet3 用于从 VMware 导入的虚拟机。默认：Linux 为 VirtIO，Windows 为 E1000（添加驱动 ISO 时为 VirtIO）。",
        "net.macaddr": "网卡的 MAC 地址，例如 BC:24:11:12:34:56。手动填写时必须是单播地址（首字节为偶数）。默认：空，由 PVE 按集群的 MAC 前缀自动生成。",
        "net.link_down": "创建时网卡处于断开状态，如同没插网线；客户机能看到网卡，但没有链路。默认：关闭。",
        "net.mtu": "网卡的 MTU，仅限 VirtIO：576 到 65520，或填 1 表示沿用网桥的 MTU。网桥和网络都支持巨型帧时可设为 9000 等值。默认：空（与网桥相同）。",
        "net.rate": "此网卡的带宽上限，单位 MB/s（兆字节，而非兆比特），可带小数。默认：空（不限）。",
        "net.queues": "多队列：数据包队列数（最多 64），让多个 vCPU 并行处理网络流量。高吞吐的 VirtIO 网卡建议设为虚拟机的 vCPU 数。默认：空（单队列）。",

        // MARK: Confirm
        "start": "创建完成后立即启动虚拟机。vmwizard 在 qm create 之后把启动作为单独一步执行，启动失败时会清楚地显示错误，新建的虚拟机则保留下来供你修正。默认：关闭。",
    ]
}
