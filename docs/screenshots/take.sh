#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes the screenshots of the README and the user guide from the real programs: the demo model
# is benchmarked and offloaded on the local agents, then the workbench draws it under Xvfb and
# saves its window (`cleave --screenshot`). `make screenshots` runs this after building.
# Usage: docs/screenshots/take.sh BIN_DIR [OUT_DIR]   (OUT_DIR: docs/screenshots)
set -euo pipefail
bin=$(realpath "$1")
out=$(realpath "${2:-$(dirname "$0")}")
# A folder of a fixed name: the window titles show the model's path.
work=${TMPDIR:-/tmp}/cleave-demo
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
# The workbench keeps --theme and --lang for next time: a settings folder of its own here, so
# that the user's are not changed.
export XDG_CONFIG_HOME=$work/config
export LC_ALL=C.UTF-8

step() { echo "== $*"; }
step "the demo model, benchmarked on the local agents"
"$bin/cleave-make-demo" "$work/demo.pt" >/dev/null
"$bin/cleave-cli" bench "$work/demo.pt" --local --db "$work/demo.cleave" --tl maxpool2 \
    --reps 10 >/dev/null
step "offloaded at every split (for the offload view, which opens on the 5g-peak link)"
"$bin/cleave-cli" offload "$work/demo.pt" --split all --local --link 5g-peak --runs 5 \
    --db "$work/demo.cleave" >/dev/null
step "the report plot (latency stacks, 4G)"
"$bin/cleave-cli" report --db "$work/demo.cleave" --model "$work/demo.pt" --link 4g \
    -o "$out/report-4g.png" >/dev/null

shoot() { # shoot FILE ARGS...: the workbench on the demo project, saved to FILE
    local file=$1
    shift
    step "$file"
    xvfb-run -a -s "-screen 0 1280x800x24" \
        "$bin/cleave" "$work/demo.pt" "$work/demo.cleave" --screenshot "$out/$file" "$@"
}
shoot workbench-light.png --theme light --lang en
shoot workbench-dark.png --theme dark --lang en
shoot workbench-ko.png --theme light --lang ko
shoot offload.png --theme light --lang en --view offload
echo "Screenshots in $out"
