#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# How well the kernel emulates a slow device: a device agent limited to a share of a core
# (cleave-agent --cpu-limit F, CFS period P) is benchmarked beside an unthrottled one, in
# interleaved rounds. For each (P, F): the whole-model time over the unthrottled time (ideal:
# 1/F) and the coefficient of variation of the block times (stddev / mean, per block: the
# median and the worst over blocks). Needs root (control groups).
# Usage: tests/bench/throttling.sh BIN_DIR [MODEL] [ROUNDS]   (MODEL: zoo:resnet18, ROUNDS: 2)
set -euo pipefail
bin=$(realpath "$1")
model=${2:-zoo:resnet18}
rounds=${3:-2}
work=$(mktemp -d)
agents=()
trap 'kill "${agents[@]}" 2>/dev/null || true; rm -rf "$work"' EXIT

# Configurations: "PERIOD_US CPU"; CPU 0 is unthrottled. Periods at F = 0.1, then shares at
# their shortest period (1 ms / F: the kernel's least quota is 1 ms) and at 10 ms.
# $THROTTLING_CONFIGS replaces them (e.g. "0 0;4000 0.25").
configs=("0 0" "10000 0.1" "20000 0.1" "100000 0.1" "4000 0.25" "10000 0.25" "2000 0.5"
    "10000 0.5")
if [[ -n ${THROTTLING_CONFIGS:-} ]]; then
    IFS=';' read -ra configs <<<"$THROTTLING_CONFIGS"
fi

start_agent() { # start_agent LOG ARGS...: sets $address to the agent's HOST:PORT once it listens
    local log=$1
    shift
    "$bin/cleave-agent" --listen 127.0.0.1:0 --threads 1 "$@" >"$log" 2>&1 &
    agents+=($!)
    for _ in $(seq 100); do
        if grep -q 'listening on' "$log"; then
            address=$(grep -o 'listening on [^ ]*' "$log" | cut -d' ' -f3)
            return
        fi
        sleep 0.1
    done
    echo "agent did not start: $(cat "$log")" >&2
    exit 1
}

start_agent "$work/edge.log" --role edge --name edge
edge=$address
for round in $(seq "$rounds"); do
    for config in "${configs[@]}"; do
        read -r period cpu <<<"$config"
        name="p${period}-f${cpu}"
        limits=()
        [[ $cpu != 0 ]] && limits=(--cpu-limit "$cpu" --cpu-period-us "$period")
        start_agent "$work/$name.log" --role device --name "$name" "${limits[@]}"
        device=$address
        "$bin/cleave-cli" bench "$model" --device "$device" --edge "$edge" \
            --db "$work/$name-$round.cleave" --reps 20 >/dev/null
        kill "${agents[-1]}"
        wait "${agents[-1]}" 2>/dev/null || true
        unset 'agents[-1]'
    done
done

python3 - "$work" "$rounds" "${configs[@]}" <<'PY'
import glob, sqlite3, statistics, sys
work, rounds, configs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def device_run(path):
    with sqlite3.connect(path) as db:
        run, whole = db.execute(
            "SELECT runs.id, runs.whole_model_s FROM runs JOIN resources ON resources.id = "
            "runs.resource_id WHERE resources.name NOT LIKE 'edge%' ORDER BY runs.id LIMIT 1").fetchone()
        cvs = [s / m for m, s in db.execute(
            "SELECT mean_s, stddev_s FROM block_timings WHERE run_id = ?", (run,)) if m > 0]
    return whole, cvs
base = {}
print(f"{'period us':>9} {'cpu':>5} {'round':>5} {'whole ms':>9} {'slowdown':>8} {'ideal':>6} "
      f"{'median CV':>9} {'worst CV':>8}")
for r in range(1, rounds + 1):
    for config in configs:
        period, cpu = config.split()
        whole, cvs = device_run(f"{work}/p{period}-f{cpu}-{r}.cleave")
        if cpu == "0":
            base[r] = whole
        slowdown = whole / base[r]
        ideal = 1 / float(cpu) if cpu != "0" else 1
        print(f"{period if cpu != '0' else '-':>9} {cpu if cpu != '0' else 'all':>5} {r:>5} "
              f"{whole * 1e3:9.1f} {slowdown:8.2f} {ideal:6.1f} {statistics.median(cvs):9.3f} "
              f"{max(cvs):8.3f}")
PY
