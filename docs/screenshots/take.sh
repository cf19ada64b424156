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
step "VGG-16 over three local devices, the second slowed down half-way (for the cluster view)"
"$bin/cleave-cli" cluster zoo:vgg16 --local-devices 0.5,0.25,0.25 --lan --runs 14 \
    --with-edgedi --throttle 2=0.1@7 --db "$work/cluster.cleave" >/dev/null
step "the report plot (latency stacks, 4G)"
"$bin/cleave-cli" report --db "$work/demo.cleave" --model "$work/demo.pt" --link 4g \
    -o "$out/report-4g.png" >/dev/null

step "benchmarked again on a device, an edge and a cloud agent, planned over three tiers"
agents=()
for role in device edge cloud; do
    "$bin/cleave-agent" --listen 127.0.0.1:0 --role $role --threads 1 >"$work/$role.log" 2>&1 &
    agents+=($!)
done
trap 'kill "${agents[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT
address() { # the HOST:PORT an agent printed once it listens
    for _ in $(seq 100); do
        grep -o 'listening on [^ ]*' "$work/$1.log" 2>/dev/null | cut -d' ' -f3 && return
        sleep 0.1
    done
    echo "the $1 agent did not start: $(cat "$work/$1.log")" >&2
    return 1
}
"$bin/cleave-cli" bench "$work/demo.pt" --device "$(address device)" --edge "$(address edge)" \
    --cloud "$(address cloud)" --db "$work/three.cleave" --tl maxpool2 --reps 10 >/dev/null
kill "${agents[@]}"
# The plan view's settings, as the workbench keeps them in a project: three tiers on 4G.
python3 - "$work/three.cleave" <<'PY'
import json, sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('plan', ?)",
               (json.dumps({"preset": "4g", "tiers": 1, "cloudPreset": "wan"}),))
PY

shoot() { # shoot FILE [PROJECT] ARGS...: the workbench on a project (demo.cleave), saved to FILE
    local file=$1 project=$work/demo.cleave
    shift
    if [[ ${1:-} == *.cleave ]]; then
        project=$1
        shift
    fi
    step "$file"
    xvfb-run -a -s "-screen 0 1280x800x24" \
        "$bin/cleave" "$work/demo.pt" "$project" --screenshot "$out/$file" "$@"
}
step "the embedded default: cleave-cli demo, then the workbench on its project (demo.png)"
"$bin/cleave-cli" demo --db "$work/embedded.cleave" -o "$work/embedded.png" >/dev/null
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/cleave" "$work/embedded.cleave" \
    --screenshot "$out/demo.png" --theme light --lang en
step start.png
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/cleave" --screenshot "$out/start.png" \
    --theme light --lang en
shoot plan-three-tiers.png "$work/three.cleave" --theme light --lang en
shoot workbench-light.png --theme light --lang en
shoot workbench-dark.png --theme dark --lang en
shoot workbench-ko.png --theme light --lang ko
shoot offload.png --theme light --lang en --view offload
step cluster.png
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/cleave" zoo:vgg16 "$work/cluster.cleave" \
    --screenshot "$out/cluster.png" --theme light --lang en --view cluster
step "U-Net at node granularity on an emulated quarter-core device (for graph.png)"
"$bin/cleave-cli" bench zoo:unet --granularity node --local --device-cpu 0.25 \
    --db "$work/unet.cleave" --warmup 1 --reps 5 >/dev/null
# Cut at every node, split after down4: the main path and four skip connections cross.
python3 - "$work/unet.cleave" <<'PY'
import json, sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('granularity', 'node')")
    db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('plan', ?)",
               (json.dumps({"preset": "5g-low", "split": 20}),))
PY
step graph.png
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/cleave" zoo:unet "$work/unet.cleave" \
    --screenshot "$out/graph.png" --theme light --lang en --view graph
step "InspectNet trained briefly on Fashion-MNIST, its accuracy measured (for accuracy.png)"
"$bin/cleave-cli" train zoo:inspectnet --data fashion-mnist --train-limit 6000 \
    -o "$work/inspectnet.pt" >/dev/null
"$bin/cleave-cli" bench "$work/inspectnet.pt" --local --db "$work/accuracy.cleave" \
    --tl maxpool2,maxpool4,avgpool2 --codec fp32,int8 --reps 10 >/dev/null
"$bin/cleave-cli" accuracy "$work/inspectnet.pt" --data fashion-mnist --limit 500 \
    --tl maxpool2,maxpool4,avgpool2 --codec int8 --db "$work/accuracy.cleave" >/dev/null
# The plan view on 5g-low with int8, the edge taking part, at most 1 point lost, the Pareto tab.
python3 - "$work/accuracy.cleave" <<'PY'
import json, sqlite3, sys
with sqlite3.connect(sys.argv[1]) as db:
    db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES ('plan', ?)",
               (json.dumps({"preset": "5g-low", "codec": "int8", "minSplit": 2,
                            "maxAccuracyDropPp": 1.0, "plotTab": 1, "rows": 0}),))
PY
step accuracy.png
xvfb-run -a -s "-screen 0 1280x800x24" "$bin/cleave" "$work/inspectnet.pt" \
    "$work/accuracy.cleave" --screenshot "$out/accuracy.png" --theme light --lang en
echo "Screenshots in $out"
