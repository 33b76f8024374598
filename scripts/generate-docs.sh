#!/usr/bin/env bash
# Regenerates the man pages vmwizard.1 and vmwizard.zh_CN.1 (at the repository root) from the argument definitions: vmwizard's
# `--experimental-dump-help` goes through vmwizard-manpage, which adds the key table, the exit codes and
# the version from the code. The test ManPageTests fails while the committed page differs from this output.
# Shell completions are not committed: scripts/build-deb.sh asks the binary for them
# (`vmwizard --generate-completion-script bash|zsh`).
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --product vmwizard
swift build --product vmwizard-manpage
bin=$(swift build --show-bin-path)
"$bin/vmwizard" --experimental-dump-help | "$bin/vmwizard-manpage" > vmwizard.1.new
mv vmwizard.1.new vmwizard.1
echo "wrote vmwizard.1 ($(wc -l < vmwizard.1) lines)"
"$bin/vmwizard" --experimental-dump-help | "$bin/vmwizard-manpage" --zh > vmwizard.zh_CN.1.new
mv vmwizard.zh_CN.1.new vmwizard.zh_CN.1
echo "wrote vmwizard.zh_CN.1 ($(wc -l < vmwizard.zh_CN.1) lines), the Chinese page"
