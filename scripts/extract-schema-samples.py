#!/usr/bin/env python3
"""Extract the test facts vmwizard needs from Proxmox VE's `qm create` schema dump.

Reads  ../shared/pve-schema/qemu-create.json   (or the path given as the first argument)
Writes Tests/VMWizardCoreTests/Fixtures/schema-samples.json (or the second argument)

Only facts are copied: accepted/rejected sample values of the value formats, numeric minimum/maximum,
enumerations, value patterns and the built-in CPU model names. No description text and no error message
text, so the fixture holds nothing but data. CI has no ../shared, so the fixture is committed and the
tests read it from the test bundle; rerun this script when the schema dump is updated.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_SCHEMA = os.path.join(os.path.dirname(ROOT), "shared", "pve-schema", "qemu-create.json")
DEFAULT_OUT = os.path.join(ROOT, "Tests", "VMWizardCoreTests", "Fixtures", "schema-samples.json")

# Value formats the wizard validates itself.
FORMATS = [
    "dns-name", "pve-tag", "pve-poolid", "pve-storage-id", "pve-volume-id", "mac-addr", "pve-bridge-id",
    "pve-cpuset", "pve-startup-order", "pve-vmid", "disk-size",
]

# Top-level options the wizard writes.
OPTIONS = [
    "vmid", "name", "pool", "tags", "description", "onboot", "ha-managed", "startup", "ostype", "vga", "machine",
    "bios", "scsihw", "agent", "sockets", "cores", "vcpus", "cpulimit", "cpuunits", "affinity", "numa", "memory",
    "balloon", "shares", "start",
]

# Property-string formats and the sub-keys of each that the wizard writes.
SUBKEYS = {
    "memory": ("anonymous:memory", ["current"]),
    "net": ("anonymous:net", ["model", "bridge", "tag", "firewall", "link_down", "mtu", "rate", "queues", "macaddr"]),
    "scsi": ("anonymous:scsi", ["format", "cache", "discard", "iothread", "ssd", "ro", "backup", "replicate", "aio",
                                "mbps_rd", "mbps_wr", "iops_rd", "iops_wr", "mbps_rd_max", "mbps_wr_max",
                                "iops_rd_max", "iops_wr_max", "media"]),
    "efidisk": ("anonymous:efidisk", ["efitype", "pre-enrolled-keys", "format", "ms-cert"]),
    "tpmstate": ("anonymous:tpmstate", ["version", "format"]),
    "vga": ("anonymous:vga", ["type"]),
    "machine": ("anonymous:machine", ["type"]),
    "agent": ("anonymous:agent", ["enabled"]),
    "cpu": ("pve-vm-cpu-conf", ["cputype", "flags"]),
}

FACT_KEYS = ["type", "minimum", "maximum", "enum", "default", "pattern", "format", "maxLength"]


def perl_to_plain(pattern):
    """Perl's stringified qr// groups `(?^u:...)` become plain non-capturing groups."""
    return re.sub(r"\(\?\^\w*:", "(?:", pattern)


def facts(prop):
    out = {}
    for key in FACT_KEYS:
        if key in prop:
            value = prop[key]
            if key == "pattern":
                value = perl_to_plain(value)
            out[key] = value
    return out


def main():
    schema_path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SCHEMA
    out_path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT_OUT
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)

    formats = {}
    for name in FORMATS:
        samples = schema["verifier_formats"][name].get("samples", {})
        formats[name] = {
            "accepted": list(samples.get("accepted", [])),
            "rejected": [entry["value"] for entry in samples.get("rejected", [])],
        }

    options = {name: facts(schema["options"][name]) for name in OPTIONS if name in schema["options"]}

    subkeys = {}
    for family, (fmt, keys) in SUBKEYS.items():
        known = schema["formats"][fmt]["keys"]
        subkeys[family] = {key: facts(known[key]) for key in keys if key in known}

    result = {
        "source": os.path.basename(schema_path),
        "formats": formats,
        "options": options,
        "subkeys": subkeys,
        "cpu_models": sorted(schema["builtin_cpu_models"].keys()),
    }
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1, sort_keys=True, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {out_path}")


if __name__ == "__main__":
    main()
