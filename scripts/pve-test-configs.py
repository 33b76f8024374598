#!/usr/bin/env python3
"""How many of Proxmox's own test configs vmwizard takes as templates (`--answers FILE.conf`), and why it
refuses the others. Development tool, outside CI: needs the unpacked qemu-server sources.

    PVE_SRC=/tmp/pve-src scripts/pve-test-configs.py [--show 3]

The configs are qemu-server's src/test inputs (cfg2cmd, parse-config-input, restore-config-input). They run
in batch mode against a fixture node whose storage.cfg mirrors the storages those tests declare. Each config
is taken (printed with --print conf) or refused; refusals are grouped by the first reason, with quoted values
and numbers folded, so the largest classes show first.
"""
import argparse
import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

STORAGE_CFG = """dir: local
\tpath /var/lib/vz
\tcontent images,iso,import

dir: localsnapext
\tpath /var/lib/vzsnapext
\tcontent images
\tsnapshot-as-volume-chain 1

dir: noimages
\tpath /var/lib/vz
\tcontent iso

btrfs: btrfs-store
\tpath /butter/bread
\tcontent images

cifs: cifs-store
\tpath /mnt/pve/cifs-store
\tserver 127.0.0.42
\tshare CIFShare
\tcontent images,iso

rbd: rbd-store
\tmonhost 127.0.0.42
\tpool cpool
\tcontent images

rbd: krbd-store
\tmonhost 127.0.0.42
\tpool cpool
\tcontent images
\tkrbd 1

zfs: zfs-over-iscsi-store
\tiscsiprovider comstar
\tportal 127.0.0.1
\ttarget iqn.2019-10.org.test:foobar
\tpool tank
\tcontent images

lvm: lvm-store
\tvgname veegee
\tcontent images

lvmthin: local-lvm
\tvgname pve
\tthinpool data
\tcontent rootdir,images

# The storages the parse-config and restore-config tests name.
dir: dir
\tpath /mnt/dir
\tcontent images,iso

dir: mydir
\tpath /mnt/mydir
\tcontent images,iso

dir: myfs
\tpath /mnt/myfs
\tcontent images,iso

lvm: lvm
\tvgname vg
\tcontent images

lvmthin: lvmthinbig
\tvgname big
\tthinpool data
\tcontent images

nfs: nfs
\tpath /mnt/pve/nfs
\tserver 127.0.0.1
\texport /srv
\tcontent images,iso

rbd: rbd
\tpool rbd
\tcontent images

rbd: rbdkvm
\tpool rbd
\tcontent images

lvm: sani
\tvgname sani
\tcontent images
"""


def fixture(directory):
    def write(relative, text):
        path = os.path.join(directory, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(text)
    write("etc/pve/storage.cfg", STORAGE_CFG)
    write("etc/pve/.members", '{"nodename": "localhost", "version": 1}')
    write("etc/pve/.vmlist", '{"version": 1, "ids": {}}')
    write("etc/hostname", "localhost\n")
    write("etc/network/interfaces", "auto vmbr0\niface vmbr0 inet manual\n\tbridge-ports none\n")
    write("proc/cpuinfo", "".join("processor\t: %d\n\n" % n for n in range(64)))
    write("proc/meminfo", "MemTotal: 134217728 kB\nMemAvailable: 100000000 kB\n")
    os.makedirs(os.path.join(directory, "sys/class/net/vmbr0/bridge"), exist_ok=True)


def template(message):
    message = re.sub(r"'[^']*'", "'…'", message)
    message = re.sub(r"\b\d+(\.\d+)?\b", "N", message)
    return message[:120]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", type=int, default=2)
    args = parser.parse_args()
    src = os.environ.get("PVE_SRC") or sys.exit("pve-test-configs: set PVE_SRC (see ../shared/pve-check/README.md)")
    tests = os.path.join(src, "qemu-server/src/test")
    files = sorted(glob.glob(os.path.join(tests, "cfg2cmd", "*.conf"))
                   + glob.glob(os.path.join(tests, "parse-config-input", "*.conf"))
                   + glob.glob(os.path.join(tests, "restore-config-input", "*.conf")))
    subprocess.run(["swift", "build", "--product", "vmwizard"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build/debug/vmwizard")
    taken, refused = [], collections.defaultdict(list)
    with tempfile.TemporaryDirectory() as host:
        fixture(host)
        for path in files:
            run = subprocess.run([binary, "--root", host, "--batch", "--answers", path, "--print", "conf"],
                                 capture_output=True, text=True)
            name = os.path.relpath(path, tests)
            if run.returncode == 0:
                taken.append(name)
                continue
            errors = [line for line in run.stderr.splitlines() if line.startswith("vmwizard: ") and "warning:" not in line]
            first = errors[0].split(": ", 2)[-1] if errors else run.stderr.strip()[:120]
            refused[template(first)].append(name)
    total = len(files)
    print("Proxmox test configs taken as templates: %d of %d (%.0f%%)" % (len(taken), total, 100.0 * len(taken) / max(1, total)))
    print("refused: %d, by first reason:" % (total - len(taken)))
    for reason, names in sorted(refused.items(), key=lambda item: -len(item[1])):
        print("  %3d  %s" % (len(names), reason))
        for name in names[:args.show]:
            print("         %s" % name)


if __name__ == "__main__":
    main()
