#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The ScissionLite experiment on emulated hardware (`make paper`; docs/guide.md, "The papers'
# headline, measured"). For each model: bench on the local agents with the device limited to a
# share of one core (its own core; the edge on the others), with the Transfer Layer maxpool2 and
# every codec timed at every cut. For each link: the planner's choice under the papers' privacy
# constraint (no raw input leaves the device: split 2 or later, the output of the first
# convolution's ReLU, the papers' "layer 5") for Scission, ScissionTL (maxpool2) and ScissionTL
# with the best codec; each choice and the device alone then run for real through `offload`, in
# interleaved rounds. Writes OUT/paper.md (the table), OUT/paper.json and `report` plots.
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
codecs=(fp16 int8 int8+zstd)
privacy=2 # the first split past the raw input and the first convolution
mkdir -p "$out"
cli() { "$bin/cleave-cli" "$@"; }
local_agents=(--local --device-cpu "$share")
started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*" >&2; }

# plan_choice DB MODEL LINK TL CODEC: the planner's best configuration as one JSON line.
plan_choice() {
    cli plan --db "$1" --model "zoo:$2" --link "$3" --tl "$4" --codec "$5" \
        --min-split "$privacy" --top 1 --json |
        python3 -c 'import json,sys; d=json.load(sys.stdin); r=d["ranking"][0]
print(json.dumps({"split": r["splits"][0], "tl": r["tl"], "codec": d["codec"],
                  "predicted_s": r["total_s"], "upload_bytes": r["upload_bytes"]}))'
}

# The device alone: the last split, predicted by the planner too.
device_alone() {
    cli plan --db "$1" --model "zoo:$2" --link "$3" --tl none --unused edge --top 1 --json |
        python3 -c 'import json,sys; d=json.load(sys.stdin); r=d["ranking"][0]
print(json.dumps({"split": r["splits"][0], "tl": None, "codec": "fp32",
                  "predicted_s": r["total_s"], "upload_bytes": 0}))'
}

# measure CHOICE LINK MODEL ROUND: runs the choice through offload; prints the median seconds.
measure() {
    local split tl codec
    read -r split tl codec < <(python3 -c 'import json,sys; c=json.loads(sys.argv[1])
print(c["split"], c["tl"] or "none", c["codec"])' "$1")
    local args=(--split "$split" --codec "$codec" --link "$2" --runs "$runs" --json)
    [[ $tl != none ]] && args+=(--tl "$tl")
    cli offload "zoo:$3" "${local_agents[@]}" "${args[@]}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["splits"][0]["measured"]["median_s"])'
}

results="$out/paper.jsonl"
: >"$results"
for model in $models; do
    db="$out/$model.cleave"
    rm -f "$db" "$db-wal" "$db-shm"
    say "$model: bench (device at $share core)"
    cli bench "zoo:$model" "${local_agents[@]}" --db "$db" --reps "$reps" --tl maxpool2 \
        --codec fp32 "${codecs[@]}" >"$out/$model-bench.txt"
    for link in $links; do
        say "$model, $link: plan"
        declare -A choice=()
        choice[device]=$(device_alone "$db" "$model" "$link")
        choice[scission]=$(plan_choice "$db" "$model" "$link" none fp32)
        choice[scissiontl]=$(plan_choice "$db" "$model" "$link" maxpool2 fp32)
        best=""
        for codec in "${codecs[@]}"; do
            candidate=$(plan_choice "$db" "$model" "$link" maxpool2 "$codec")
            best=$(python3 -c 'import json,sys
a, b = (json.loads(x) if x else None for x in sys.argv[1:])
print(json.dumps(b if a is None or b["predicted_s"] < a["predicted_s"] else a))' "$best" "$candidate")
        done
        choice[codec]=$best
        declare -A measured=()
        for round in $(seq "$rounds"); do
            for config in device scission scissiontl codec; do
                say "$model, $link, round $round: $config"
                measured[$config]+="$(measure "${choice[$config]}" "$link" "$model") "
            done
        done
        for config in device scission scissiontl codec; do
            python3 -c 'import json,sys
c = json.loads(sys.argv[5]); c.update(model=sys.argv[1], link=sys.argv[2], config=sys.argv[3],
    measured_s=[float(x) for x in sys.argv[4].split()])
print(json.dumps(c))' "$model" "$link" "$config" "${measured[$config]}" "${choice[$config]}" \
                >>"$results"
        done
        say "$model, $link: report"
        cli report --db "$db" --model "zoo:$model" --link "$link" --min-split "$privacy" \
            --tl maxpool2 -o "$out/$model-$link.png"
        codec=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["codec"])' "$best")
        cli report --db "$db" --model "zoo:$model" --link "$link" --min-split "$privacy" \
            --tl maxpool2 --codec "$codec" -o "$out/$model-$link-$codec.png"
        unset choice measured
    done
done

python3 - "$results" "$out" "$share" "$rounds" "$runs" <<'PY'
import json, statistics, sys
path, out, share, rounds, runs = sys.argv[1:]
rows = [json.loads(line) for line in open(path)]
json.dump(rows, open(f"{out}/paper.json", "w"), indent=2)
def ms(s): return f"{s * 1e3:.0f}"
def measured(r):
    m = r["measured_s"]
    return statistics.median(m), min(m), max(m)
def config(r):
    tl = r["tl"] or "no TL"
    return f"{r['split']} ({tl}, {r['codec']})"
lines = [f"Device at {share} core, edge on the other cores; median of {rounds} interleaved rounds "
         f"of {runs} inferences (range over rounds); privacy: split 2 or later.", "",
         "| model | link | device alone ms | Scission: split, predicted / measured ms | "
         "ScissionTL | ScissionTL + codec | TL speed-up | TL + codec speed-up | "
         "over the device alone |",
         "|---|---|---|---|---|---|---|---|---|"]
keys = sorted({(r["model"], r["link"]) for r in rows}, key=lambda k: (k[0], k[1]))
for model, link in keys:
    by = {r["config"]: r for r in rows if r["model"] == model and r["link"] == link}
    med = {k: measured(v) for k, v in by.items()}
    def cell(k):
        m, lo, hi = med[k]
        return (f"{config(by[k])}: {ms(by[k]['predicted_s'])} / **{ms(m)}** "
                f"({ms(lo)}–{ms(hi)})")
    speed = lambda a, b: f"{med[a][0] / med[b][0]:.2f}x"
    best = min(("scissiontl", "codec"), key=lambda k: med[k][0])
    lines.append(f"| {model} | {link} | {ms(med['device'][0])} | {cell('scission')} | "
                 f"{cell('scissiontl')} | {cell('codec')} | {speed('scission', 'scissiontl')} | "
                 f"{speed('scission', 'codec')} | {speed('device', best)} |")
open(f"{out}/paper.md", "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "done: $out/paper.md"
