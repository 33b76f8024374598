// `--help`, the command line's messages and the exit statuses in Simplified Chinese (see UITextZH). The
// Chinese man page takes its options and exit statuses from here too.
extension UITextZH {
    static let commandLine: [String: String] = [
        "Create a Proxmox VE virtual machine with a keyboard-driven terminal wizard.": "用键盘操作的终端向导创建 Proxmox VE 虚拟机。",
        "Runs the same tabs as the web UI's \"Create: Virtual Machine\" dialog (General, OS, System, Disks, CPU, Memory, Network, Confirm) on the terminal, then runs `qm create` or writes the VM config. Where no Proxmox VE is found it runs on a built-in demo host and never creates anything.":
            "在终端中依次显示与网页界面“创建：虚拟机”对话框相同的各页（常规、操作系统、系统、磁盘、CPU、内存、网络、确认），每个字段都带有说明，最后运行 `qm create`，或写出虚拟机配置文件。在没有 Proxmox VE 的机器上，它使用内置的演示主机，不会创建任何东西。",
        "Batch mode: `vmwizard --batch --answers FILE --print qm|conf|json` validates and prints; `vmwizard --batch --answers FILE` creates the VM (progress on stderr, result on stdout).":
            "批处理模式：`vmwizard --batch --answers FILE --print qm|conf|json` 只检查并打印；`vmwizard --batch --answers FILE` 创建虚拟机（进度输出到标准错误，结果输出到标准输出）。",
        "A JSON answers file answers the wizard: every key written is taken literally, every key left out takes the wizard's default (its disk, NIC, firmware, EFI disk and TPM for the OS), null removes a device the wizard would add (\"scsi0\": null), and a sub-key left out of a property string means Proxmox's default. A .conf file is a whole VM, taken as it is, with Proxmox's meaning for what it leaves out.":
            "JSON 应答文件是对向导的回答：写出的每个键都按原样采用，省略的每个键取向导的默认值（它为该操作系统给出的磁盘、网卡、固件、EFI 磁盘和 TPM），null 移除向导会添加的设备（\"scsi0\": null），属性字符串中省略的子键取 Proxmox 的默认值。.conf 文件是一台完整的虚拟机，按原样采用，省略的部分取 Proxmox 的含义。",
        "Read the host's files under this folder instead of /.": "从此目录下读取主机的文件，而不是从 / 读取（用于测试目录或挂载的备份）。",
        "Use the built-in demo host even on a Proxmox VE node.": "即使在 Proxmox VE 节点上也使用内置的演示主机。",
        "Prefill from a Proxmox VM config (.conf, used as a template) or a JSON object of config key to value.":
            "用 Proxmox 虚拟机配置文件（.conf，作为模板）或“配置键 → 值”的 JSON 对象预先填写。",
        "Resume the newest saved draft no other session has open, without asking.": "不经询问，直接恢复最新的、没有被其他会话打开的草稿。",
        "No terminal UI: validate the answers and print (--print) or create the VM.": "不使用终端界面：检查应答文件，然后打印（--print）或创建虚拟机。",
        "Print the result as qm commands, a config file or API JSON.": "以 qm 命令、配置文件或 API JSON 的形式打印结果。",
        "Write the VM config to this path (never overwrites; inside /etc/pve only when nothing needs allocating).":
            "把虚拟机配置写到此路径（绝不覆盖已有文件；只有无需分配新卷时才写入 /etc/pve）。",
        "The qm program to run (default: qm on PATH).": "要运行的 qm 程序（在 PATH 中查找）。",
        "Language of the screens, messages and help: en or zh (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG).":
            "界面、消息和帮助的语言：en 或 zh（默认取自 LANGUAGE、LC_ALL、LC_MESSAGES 或 LANG）。",
        "--resume is for the interactive wizard; use --answers with --batch": "--resume 只用于交互式向导；批处理模式请用 --answers",
        "--lang must be one of: en, zh": "--lang 只能是 en 或 zh",
        "choose one of --print and --write-config in batch mode": "批处理模式下 --print 和 --write-config 只能选一个",
        "done": "完成",
        "created, written or printed": "已创建、已写出或已打印",
        "cancelled by the user": "被用户取消",
        "Esc or Ctrl-C, or the terminal went away; the answers are kept as a draft": "Esc 或 Ctrl-C，或终端已断开；填写内容保存为草稿",
        "invalid input or usage": "输入或用法无效",
        "a bad answers file, invalid values, no terminal without --batch": "应答文件有误、值无效，或没有终端却未使用 --batch",
        "the apply failed": "执行失败",
        "qm create, the start, or writing the config": "qm create、启动或写出配置失败",
        "Exit status: %@.": "退出状态：%@。",
        // ArgumentParser's own help for --version and --help, as the help dump gives it to the man page.
        "Show the version.": "显示版本号。",
        "Show help information.": "显示帮助信息。",
        "%@ %@ (%@)": "%@ %@（%@）",
        "%@; %@": "%@；%@",
    ]
}
