#!/usr/bin/env python3
"""How many of Proxmox's own test configs vmwizard takes as templates (`--answers FILE.conf`), why it
refuses the others, and whether Proxmox's own code accepts what it makes of them. Development tool, outside
CI: needs the unpacked Proxmox sources and ../shared/pve-check.

    PVE_SRC=/tmp/pve-src scripts/pve-test-configs.py [--show 3]

The configs are qemu-server's src/test inputs (cfg2cmd, parse-config-input, restore-config-input). They run
in batch mode against a fixture node whose storage.cfg and custom CPU models mirror what those tests declare
(bridges and ISO images are left out on purpose: a template's missing host facts are warnings). Each config
is taken or refused; refusals are grouped by the first reason, with quoted values and numbers folded, so the
largest classes show first. cfg2cmd tests that expect Proxmox to fail (EXPECT_ERROR) are counted apart: a
refusal there agrees with Proxmox. Every taken config's two outputs (the create call from --print json, the
config file from --print conf) go through ../shared/pve-check; each refusal by Proxmox is listed.
"""
import argparse
import collections
import glob
import json
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
    # The custom CPU models qemu-server's cfg2cmd test declares.
    write("etc/pve/virtual-guest/cpu-models.conf",
          "cpu-model: qemu64\n\treported-model athlon\n\tflags +aes;+avx;-kvm_pv_unhalt\n\thv-vendor-id testvend\n"
          "\tphys-bits 40\n\ncpu-model: alldefault\n")
    write("etc/network/interfaces", "auto vmbr0\niface vmbr0 inet manual\n\tbridge-ports none\n")
    write("proc/cpuinfo", "".join("processor\t: %d\n\n" % n for n in range(64)))
    write("proc/meminfo", "MemTotal: 134217728 kB\nMemAvailable: 100000000 kB\n")
    os.makedirs(os.path.join(directory, "sys/class/net/vmbr0/bridge"), exist_ok=True)


def template(message):
    message = re.sub(r"'[^']*'", "'…'", message)
    message = re.sub(r"\b\d+(\.\d+)?\b", "N", message)
    return message[:120]


def qm_args(params):
    args = ["create", str(params["vmid"])]
    for key, value in params.items():
        if key == "vmid":
            continue
        if isinstance(value, bool):
            value = int(value)
        args += ["--" + key, str(value)]
    return args


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
    taken, refused, expected_refused, expected_taken, warnings = [], collections.defaultdict(list), [], [], collections.Counter()
    cases = []
    with tempfile.TemporaryDirectory() as host:
        fixture(host)
        # The checker cannot load the ZFS-over-iSCSI plugin offline: it gets the other storages, and declares
        # that one (and any other it does not know) as a directory storage.
        storage_cfg = os.path.join(host, "checker-storage.cfg")
        with open(storage_cfg, "w") as handle:
            handle.write(re.sub(r"zfs: zfs-over-iscsi-store\n(\t.*\n)*\n", "", STORAGE_CFG))
        for path in files:
            name = os.path.relpath(path, tests)
            expects_error = "EXPECT_ERROR" in open(path, errors="replace").read()
            run = subprocess.run([binary, "--root", host, "--batch", "--answers", path, "--print", "conf"],
                                 capture_output=True, text=True)
            if run.returncode == 0:
                (expected_taken if expects_error else taken).append(name)
                for line in run.stderr.splitlines():
                    if "warning:" in line:
                        warnings[template(line.split("warning: ", 1)[-1])] += 1
                as_json = subprocess.run([binary, "--root", host, "--batch", "--answers", path, "--print", "json"],
                                         capture_output=True, text=True, check=True).stdout
                params = json.loads(as_json)
                cases.append({"id": name + " (qm create)", "mode": "qm", "args": qm_args(params), "storage_cfg": storage_cfg,
                              "any_storage": True})
                cases.append({"id": name + " (config)", "mode": "conf", "text": run.stdout, "vmid": int(params["vmid"]),
                              "storage_cfg": storage_cfg, "any_storage": True})
                continue
            errors = [line for line in run.stderr.splitlines() if line.startswith("vmwizard: ") and "warning:" not in line]
            first = errors[0].split(": ", 2)[-1] if errors else run.stderr.strip()[:120]
            if expects_error:
                expected_refused.append((name, first))
            else:
                refused[template(first)].append(name)
                cases.append({"id": name + " (input)", "mode": "conf", "file": path, "vmid": 100,
                              "storage_cfg": storage_cfg, "any_storage": True})
        batch = os.path.join(ROOT, "scripts/pve-check-batch.pl")
        text = "".join(json.dumps(case) + "\n" for case in cases)
        env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        out = subprocess.run([batch, "-j", "2"], input=text, capture_output=True, text=True, env=env).stdout
        verdicts = {v["id"]: v for v in (json.loads(line) for line in out.splitlines() if line.strip())}
    total = len(files) - len(expected_refused) - len(expected_taken)
    print("Proxmox test configs taken as templates: %d of %d (%.0f%%)" % (len(taken), total, 100.0 * len(taken) / max(1, total)))
    print("  (apart: %d cfg2cmd tests where Proxmox itself fails; vmwizard refuses %d of them, takes %d)"
          % (len(expected_refused) + len(expected_taken), len(expected_refused), len(expected_taken)))
    for name, reason in expected_refused:
        print("         %s: %s" % (name, reason[:110]))
    for name in expected_taken:
        print("         taken although Proxmox fails: %s" % name)
    def first_error(verdict):
        errors = verdict.get("errors") or [{"key": "?", "message": verdict.get("crash", "no verdict")}]
        return "%s: %s" % (errors[0]["key"], errors[0]["message"].strip()[:120])

    outputs = [(case["id"], verdicts.get(case["id"], {})) for case in cases if not case["id"].endswith("(input)")]
    bad = [(name, v) for name, v in outputs if not v.get("valid")]
    # What the offline checker cannot know: the cluster's custom CPU models (it reads no cpu-models.conf), and
    # a ZFS-over-iSCSI storage (its plugin does not load offline, so it is declared as a directory).
    unjudged = [(name, v) for name, v in bad if "Custom cputype" in first_error(v) or "zfs-over-iscsi" in name]
    print("outputs checked by Proxmox's code (../shared/pve-check): %d, refused: %d, not judgeable offline: %d"
          % (len(outputs), len(bad) - len(unjudged), len(unjudged)))
    for name, verdict in bad:
        mark = "not judgeable" if (name, verdict) in unjudged else "REFUSED"
        print("         %s %s: %s" % (mark, name, first_error(verdict)))
    print("refused: %d, by first reason:" % sum(len(v) for v in refused.values()))
    for reason, names in sorted(refused.items(), key=lambda item: -len(item[1])):
        print("  %3d  %s" % (len(names), reason))
        for name in names[:args.show]:
            verdict = verdicts.get(name + " (input)", {})
            judged = "Proxmox's checker takes the file itself" if verdict.get("valid") else "Proxmox refuses it too: " + first_error(verdict)
            print("         %s (%s)" % (name, judged))
    print("warnings on taken configs:")
    for reason, count in warnings.most_common():
        print("  %3d  %s" % (count, reason))


if __name__ == "__main__":
    main()
