#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The ScissionLite experiment on emulated hardware (`make paper`; docs/guide.md, "The papers'
# headline, measured"). For each model: bench on the local agents with the device limited to a
# share of one core (a core of its own; the edge on the others), the Transfer Layer maxpool2 and
# every codec timed at every cut. For each link: `compare` under the papers' privacy constraint
# (no raw input leaves the device: split 2 or later, the output of the first convolution's
# ReLU, which the papers' Keras "layer 5" only pads): the device alone, Scission, ScissionTL and
# ScissionTL with the best codec, predicted and measured through the Offloader in interleaved
# rounds. Writes OUT/paper.md (one table), OUT/MODEL-LINK.json and .txt, and `report` plots.
# Usage: tests/bench/paper.sh BIN_DIR OUT_DIR
# Environment: PAPER_DEVICE_CPU (0.1), PAPER_MODELS ("densenet169 resnet101"),
#   PAPER_LINKS ("5g-peak 5g-low"), PAPER_ROUNDS (3), PAPER_RUNS (3), PAPER_REPS (5).
# Needs root (control groups).
set -euo pipefail
bin=$(realpath "$1")
out=$(realpath -m "$2")
share=${PAPER_DEVICE_CPU:-0.1}
models=${PAPER_MODELS:-densenet169 resnet101}
links=${PAPER_LINKS:-5g-peak 5g-low}
rounds=${PAPER_ROUNDS:-3}
runs=${PAPER_RUNS:-3}
reps=${PAPER_REPS:-5}
privacy=2
mkdir -p "$out"
started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*" >&2; }

for model in $models; do
    db="$out/$model.cleave"
    rm -f "$db" "$db-wal" "$db-shm"
    say "$model: bench, the device at $share core"
    "$bin/cleave-cli" bench "zoo:$model" --local --device-cpu "$share" --db "$db" --reps "$reps" \
        --tl maxpool2 --codec fp32 fp16 int8 int8+zstd >"$out/$model-bench.txt"
    for link in $links; do
        say "$model, $link: compare, $rounds rounds of $runs inferences"
        args=(--db "$db" --model "zoo:$model" --link "$link" --min-split "$privacy")
        "$bin/cleave-cli" compare "${args[@]}" --local --device-cpu "$share" --runs "$runs" \
            --rounds "$rounds" --json >"$out/$model-$link.json"
        codec=$(python3 -c 'import json,sys
rows = json.load(open(sys.argv[1]))["contenders"]
print(next(r["codec"] for r in rows if r["contender"] == "codec"))' "$out/$model-$link.json")
        "$bin/cleave-cli" report "${args[@]}" --tl maxpool2 -o "$out/$model-$link.png"
        "$bin/cleave-cli" report "${args[@]}" --tl maxpool2 --codec "$codec" \
            -o "$out/$model-$link-$codec.png"
    done
done

# One table: predicted / measured milliseconds per contender, and the measured speed-ups.
python3 - "$out" "$share" "$rounds" "$runs" $models -- $links <<'PY'
import json, sys
out, share, rounds, runs = sys.argv[1:5]
rest = sys.argv[5:]
models, links = rest[:rest.index("--")], rest[rest.index("--") + 1:]
def ms(s): return f"{s * 1e3:.0f}"
def cell(r):
    m = r["measured"]
    lo, hi = min(m["round_medians_s"]), max(m["round_medians_s"])
    what = "all on the device" if r["contender"] == "device" else \
        f"split {r['split']}, {r['tl'] or 'no TL'}, {r['codec']}"
    return f"{what}: {ms(r['predicted_s'])} / **{ms(m['median_s'])}** ({ms(lo)}-{ms(hi)})"
lines = [f"Device at {share} core on a core of its own, edge on the other core; privacy: split 2 "
         f"or later. Predicted / **measured** ms (the median of {rounds} interleaved rounds of "
         f"{runs} inferences; the least and the most round median).", "",
         "| model | link | device alone | Scission | ScissionTL (maxpool2) | ScissionTL + codec | "
         "TL over Scission | TL + codec over Scission | over the device alone |",
         "|---|---|---|---|---|---|---|---|---|"]
for model in models:
    for link in links:
        d = json.load(open(f"{out}/{model}-{link}.json"))
        rows = {r["contender"]: r for r in d["contenders"]}
        s = d["speed_ups"]
        def x(key): return f"{s[key]['measured']:.2f}x ({s[key]['predicted']:.2f}x)"
        lines.append(f"| {model} | {link} | {cell(rows['device'])} | {cell(rows['scission'])} | "
                     f"{cell(rows['scissiontl'])} | {cell(rows['codec'])} | "
                     f"{x('scissiontl_over_scission')} | {x('codec_over_scission')} | "
                     f"{x('best_over_device')} |")
lines += ["", "Speed-ups: measured (predicted)."]
open(f"{out}/paper.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "done: $out/paper.md"
