#!/usr/bin/env python3
"""Proxmox-exactness run: vmwizard's answers corpus judged by Proxmox VE's own code.

Development tool, outside CI: it needs Proxmox's Perl sources (see ../shared/pve-check/README.md) and
scripts/pve-check-batch.pl.

    PVE_SRC=/tmp/pve-src scripts/pve-exactness.py [--seed N] [--count N] [--jobs 2] [--show 5]

1. `vmwizard-corpus` generates the seeded corpus (JSON answers and .conf templates) and runs each case through
   vmwizard's importer and renderers (accepted: the qm arguments, the config file, the API JSON; refused: every
   problem), and reads each printed config back.
2. Proxmox's code judges: the qm line (`qm create` path, with the config PVE would write), the printed config
   (`parse_vm_config` and the API schema), and, for refused cases, the input itself.
3. Printed: cases, accepted, false accepts, format disagreements (our config against what Proxmox would write
   for our qm line), round-trip mismatches, and false refusals by reason (documented stricter rules apart).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOST = os.path.join(ROOT, "Tests/VMWizardCoreTests/Fixtures/hosts/standalone")
STORAGE_CFG = os.path.join(HOST, "etc/pve/storage.cfg")
DRIVE_RE = re.compile(r"^(ide|sata|scsi|virtio)\d+$|^efidisk0$|^tpmstate0$")
# Messages of rules where vmwizard is stricter than Proxmox's create API on purpose (the README's table).
STRICTER_MARK = "Proxmox accepts"
# Refusals by what the host holds (files, bridges, pools, free IDs): the checker has no view of the host.
HOST_FACTS = re.compile(r"does not exist|has no custom CPU model|is not a bridge on node|already in use|does not hold|is not available on node|is disabled")
# Settings vmwizard does not offer (listed in the README as limits, not as errors of the input).
UNSUPPORTED = re.compile(r"not supported by vmwizard|not offered by vmwizard|in vmwizard:|which vmwizard offers only")
# JSON answers are answers to the wizard, whose install media must be named (the README says so).
INCOMPLETE = re.compile(r"no install media given")


def run_corpus(seed, count):
    subprocess.run(["swift", "build", "--product", "vmwizard-corpus"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(ROOT, ".build/debug/vmwizard-corpus")
    out = subprocess.run([binary, "--root", HOST, "--seed", str(seed), "--count", str(count)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def run_checker(cases, jobs):
    batch = os.path.join(ROOT, "scripts/pve-check-batch.pl")
    text = "".join(json.dumps(case) + "\n" for case in cases)
    # A UTF-8 locale, as on a node: qm decodes its arguments with the locale's encoding.
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    out = subprocess.run([batch, "-j", str(jobs)], input=text, capture_output=True, text=True, check=False, env=env).stdout
    return {r["id"]: r for r in (json.loads(line) for line in out.splitlines() if line.strip())}


def config_lines(text):
    """Description lines and key: value pairs of the main section."""
    comments, keys = [], {}
    for line in text.split("\n"):
        if line.startswith("["):
            break
        if line.startswith("#"):
            comments.append(line)
        elif ":" in line:
            key, value = line.split(":", 1)
            keys[key.strip()] = value.strip()
    return comments, keys


def property_dict(value):
    head, pairs = None, {}
    for index, part in enumerate(value.split(",")):
        if "=" in part:
            key, sub = part.split("=", 1)
            pairs[key] = sub
        elif index == 0:
            head = part
        else:
            pairs[part] = ""
    return head, pairs


def normalise_drive(value):
    head, pairs = property_dict(value)
    if head and (head.endswith(":cloudinit") or "-cloudinit" in head):
        # The cloud-init drive: Proxmox names it (vm-ID-cloudinit) and adds media=cdrom when it allocates.
        return head.split(":")[0], {k: v for k, v in pairs.items() if k not in ("media", "format")}
    if pairs.get("media") != "cdrom":
        head = head.split(":")[0] if head and ":" in head else head
        for key in ("size", "format", "import-from", "ms-cert"):
            pairs.pop(key, None)
    return head, pairs


def normalise_nic(value):
    head, pairs = property_dict(value)
    model = None
    for key in list(pairs):
        if key in ("virtio", "e1000", "e1000e", "rtl8139", "vmxnet3", "i82551", "model"):
            model = key if key != "model" else pairs[key]
            pairs.pop(key)
    pairs.pop("macaddr", None)
    return head or model, pairs


IGNORED = {"meta", "smbios1", "vmgenid", "digest"}


def decoded(comments):
    return [urllib.parse.unquote(line[1:], errors="surrogateescape") for line in comments]


def compare_configs(ours, theirs):
    """Differences between our printed config and the config Proxmox would write for our qm line."""
    our_comments, our_keys = config_lines(ours)
    pve_comments, pve_keys = config_lines(theirs)
    problems = []
    if our_comments != pve_comments and decoded(our_comments) != decoded(pve_comments):
        problems.append("description lines differ: %r vs %r" % (our_comments[:3], pve_comments[:3]))
    for key in sorted(set(our_keys) | set(pve_keys)):
        if key in IGNORED:
            continue
        if key == "template" and our_keys.get(key) == "1" and key not in pve_keys:
            continue  # qm template, a step after the create, sets it
        if key == "boot" and key not in pve_keys:
            continue  # PVE adds its default boot order after the point the checker stops
        a, b = our_keys.get(key), pve_keys.get(key)
        if a is None or b is None:
            problems.append("%s only in %s" % (key, "ours" if b is None else "Proxmox's"))
            continue
        if DRIVE_RE.match(key):
            if normalise_drive(a) != normalise_drive(b):
                problems.append("%s: %s vs %s" % (key, a, b))
        elif re.match(r"^net\d+$", key):
            if normalise_nic(a) != normalise_nic(b):
                problems.append("%s: %s vs %s" % (key, a, b))
        elif a != b:
            problems.append("%s: %r vs %r" % (key, a, b))
    return problems


def template(message):
    """A message with its quoted values removed, to group reasons."""
    message = re.sub(r"'[^']*'", "'…'", message)
    message = re.sub(r"\b\d+(\.\d+)?\b", "N", message)
    return message[:110]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=3, help="examples printed per class")
    args = parser.parse_args()
    if not os.environ.get("PVE_SRC"):
        sys.exit("pve-exactness: set PVE_SRC to the unpacked Proxmox sources (see ../shared/pve-check/README.md)")

    evaluations = run_corpus(args.seed, args.count)
    cases = []
    for ev in evaluations:
        common = {"storage_cfg": STORAGE_CFG}
        if ev["accepted"]:
            cases.append(dict(common, id=ev["id"] + "/qm", mode="qm", args=ev["qm"], print_config=True))
            cases.append(dict(common, id=ev["id"] + "/conf", mode="conf", text=ev["conf"], vmid=int(ev["vmid"])))
        elif ev["format"] == "json" and ev.get("raw_qm"):
            cases.append(dict(common, id=ev["id"] + "/input", mode="qm", args=ev["raw_qm"]))
        else:
            cases.append(dict(common, id=ev["id"] + "/input", mode="conf", text=ev["text"], vmid=4242))
    verdicts = run_checker(cases, args.jobs)

    accepted = [ev for ev in evaluations if ev["accepted"]]
    false_accepts = collections.defaultdict(list)
    disagreements = collections.defaultdict(list)
    round_trips = collections.defaultdict(list)
    false_refusals = collections.defaultdict(list)
    stricter = collections.defaultdict(list)
    unsupported = collections.defaultdict(list)
    host_facts = collections.defaultdict(list)
    incomplete = collections.defaultdict(list)
    for ev in evaluations:
        if ev["accepted"]:
            qm = verdicts.get(ev["id"] + "/qm", {})
            conf = verdicts.get(ev["id"] + "/conf", {})
            for label, verdict in (("qm", qm), ("conf", conf)):
                if not verdict.get("valid"):
                    errors = verdict.get("errors") or [{"key": "?", "message": verdict.get("crash", "no verdict")}]
                    reason = "%s: %s: %s" % (label, errors[0]["key"], template(errors[0]["message"]))
                    false_accepts[reason].append(ev)
            if qm.get("valid") and qm.get("config"):
                for problem in compare_configs(ev["conf"], qm["config"]):
                    disagreements[template(problem)].append((ev, problem))
            if ev.get("roundtrip"):
                round_trips[template(ev["roundtrip"])].append(ev)
        else:
            verdict = verdicts.get(ev["id"] + "/input", {})
            if verdict.get("valid"):
                messages = [p["message"] for p in ev["problems"]] or ["(no problem given)"]
                # The case counts as a false refusal when any reason is neither documented nor about the host.
                unexplained = [m for m in messages if STRICTER_MARK not in m and not HOST_FACTS.search(m)
                               and not UNSUPPORTED.search(m) and not INCOMPLETE.search(m)]
                if unexplained:
                    false_refusals[template(unexplained[0])].append(ev)
                elif any(UNSUPPORTED.search(m) for m in messages):
                    unsupported[template(next(m for m in messages if UNSUPPORTED.search(m)))].append(ev)
                elif any(INCOMPLETE.search(m) for m in messages):
                    incomplete[template(next(m for m in messages if INCOMPLETE.search(m)))].append(ev)
                elif any(STRICTER_MARK in m for m in messages):
                    stricter[template(next(m for m in messages if STRICTER_MARK in m))].append(ev)
                else:
                    host_facts[template(messages[0])].append(ev)

    def total(groups):
        return sum(len(v) for v in groups.values())

    print("seed %d: %d cases (%d JSON, %d .conf)" % (args.seed, len(evaluations),
          sum(1 for e in evaluations if e["format"] == "json"), sum(1 for e in evaluations if e["format"] == "conf")))
    print("accepted by vmwizard:        %d" % len(accepted))
    print("false accepts:               %d" % len({e["id"] for v in false_accepts.values() for e in v}))
    print("format disagreements:        %d cases" % len({e["id"] for v in disagreements.values() for e, _ in v}))
    print("round-trip mismatches:       %d" % total(round_trips))
    print("false refusals:              %d" % total(false_refusals))
    print("refusals by a stricter rule: %d (documented)" % total(stricter))
    print("refusals of unsupported settings: %d (documented limits)" % total(unsupported))
    print("refusals by host facts:      %d (the checker cannot see the host)" % total(host_facts))
    print("JSON answers without media:  %d (the wizard needs its install media named)" % total(incomplete))
    agreed = sum(1 for e in evaluations if not e["accepted"]) - total(false_refusals) - total(stricter) \
        - total(unsupported) - total(host_facts) - total(incomplete)
    print("refusals Proxmox agrees with: %d" % agreed)

    def show(title, groups, render):
        if not groups:
            return
        print("\n== %s" % title)
        for reason, items in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print("  %4d  %s" % (len(items), reason))
            for item in items[:args.show]:
                print("        " + render(item).replace("\n", "\\n")[:300])

    show("false accepts (Proxmox refuses what vmwizard printed)", false_accepts,
         lambda ev: ev["id"] + " " + " ".join(ev["qm"][2:])[:250])
    show("format disagreements (our config vs Proxmox's for our qm line)", disagreements,
         lambda item: item[0]["id"] + ": " + item[1])
    show("round-trip mismatches", round_trips, lambda ev: ev["id"] + ": " + ev["roundtrip"])
    show("false refusals (Proxmox accepts the input)", false_refusals,
         lambda ev: ev["id"] + ": " + "; ".join(p["location"] + ": " + p["message"] for p in ev["problems"])[:250])
    show("stricter on purpose", stricter,
         lambda ev: ev["id"] + ": " + ev["problems"][0]["message"][:200])
    show("unsupported settings", unsupported, lambda ev: ev["id"] + ": " + ev["problems"][0]["message"][:200])
    show("host facts", host_facts, lambda ev: ev["id"] + ": " + ev["problems"][0]["message"][:200])


if __name__ == "__main__":
    main()
