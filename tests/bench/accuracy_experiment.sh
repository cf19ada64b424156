#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The accuracy experiment (docs/guide.md, "Accuracy against latency"; `make accuracy`):
# InspectNet trained one epoch on Fashion-MNIST; benchmarked on the local agents with the device
# limited to a share of one core; every split x {fp32, fp16, int8, int8+zstd} x {none, maxpool2,
# maxpool4, avgpool2} measured on the first 1000 test images; the TL of the three fastest TL
# plans at 5g-low (split 2 or later) fine-tuned one epoch and measured; the plans at 5g-low and 4g under the
# papers' privacy constraint (no raw input leaves the device: split 2 or later) with the edge
# taking part, their Pareto fronts, and the fastest plan within 1.0 point against the fastest
# ignoring accuracy; then the same model on an ImageFolder made from Fashion-MNIST PNGs.
# Writes OUT/accuracy.md (the tables) and the JSON documents beside it.
# Usage: tests/bench/accuracy_experiment.sh BIN_DIR OUT_DIR
# Environment: ACCURACY_DEVICE_CPU (0.1), ACCURACY_IMAGES (1000), ACCURACY_TRAIN_LIMIT (all).
# Needs root (control groups).
set -euo pipefail
bin=$(realpath "$1")
out=$(realpath -m "$2")
share=${ACCURACY_DEVICE_CPU:-0.1}
images=${ACCURACY_IMAGES:-1000}
train_limit=()
[ -n "${ACCURACY_TRAIN_LIMIT:-}" ] && train_limit=(--train-limit "$ACCURACY_TRAIN_LIMIT")
tls=maxpool2,maxpool4,avgpool2
codecs=fp32,fp16,int8,int8+zstd
mkdir -p "$out"
db="$out/accuracy.cleave"
model="$out/inspectnet.pt"
rm -f "$db" "$db-wal" "$db-shm"
started=$(date +%s)
say() { echo "[$(($(date +%s) - started)) s] $*" >&2; }
cli() { "$bin/cleave-cli" "$@"; }

say "train InspectNet one epoch on Fashion-MNIST"
cli train zoo:inspectnet --data fashion-mnist --epochs 1 "${train_limit[@]}" -o "$model" \
    >"$out/train.txt"
say "bench, the device at $share core"
cli bench "$model" --local --device-cpu "$share" --db "$db" --tl "$tls" --codec "$codecs" \
    >"$out/bench.txt"
say "accuracy: every split x TL x codec on $images images"
cli accuracy "$model" --data fashion-mnist --limit "$images" --tl "$tls" --codec "$codecs" \
    --db "$db" --json >"$out/sweep.json"
say "fine-tune the TL of the three fastest TL plans at 5g-low, split 2 or later"
cli accuracy "$model" --data fashion-mnist --limit "$images" --tl "$tls" \
    --codec int8+zstd,fp32,fp16,int8 --fine-tune-top 3 --link 5g-low --min-split 2 --epochs 1 \
    "${train_limit[@]}" --db "$db" --json >"$out/fine-tuned.json"
constraints=(--min-split 2 --require edge --codec int8+zstd --top 0)
for link in 5g-low 4g; do
    say "plan at $link"
    cli plan --db "$db" --model "$model" --link "$link" "${constraints[@]}" --pareto --json \
        >"$out/plan-$link.json"
    cli plan --db "$db" --model "$model" --link "$link" "${constraints[@]}" \
        --max-accuracy-drop 1 --json >"$out/plan-$link-within-1.json"
done

say "an ImageFolder made from Fashion-MNIST (50 test PNGs per class)"
python3 - "$out/folder" <<'EOF'
import gzip, os, struct, sys, zlib
root = sys.argv[1]
base = "/usr/share/datasets/fashion-mnist"
with gzip.open(f"{base}/t10k-images-idx3-ubyte.gz") as f:
    _, n, rows, cols = struct.unpack(">IIII", f.read(16))
    pixels = f.read()
with gzip.open(f"{base}/t10k-labels-idx1-ubyte.gz") as f:
    f.read(8)
    labels = f.read()
def png(path, data, w, h):
    raw = b"".join(b"\0" + data[y * w:(y + 1) * w] for y in range(h))
    chunk = lambda kind, body: struct.pack(">I", len(body)) + kind + body + struct.pack(
        ">I", zlib.crc32(kind + body) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
count = [0] * 10
for i in range(n):
    c = labels[i]
    if count[c] == 50:
        continue
    folder = os.path.join(root, "test", f"class{c}")
    os.makedirs(folder, exist_ok=True)
    png(os.path.join(folder, f"{i:05d}.png"), pixels[i * rows * cols:(i + 1) * rows * cols], cols, rows)
    count[c] += 1
EOF
# Normalised as the model was trained (Fashion-MNIST's statistics), not a folder's default.
cli accuracy "$model" --data "$out/folder" --limit 500 --splits 2,7,11 --tl maxpool2 \
    --codec fp32,int8 --mean 0.2860 --std 0.3530 --db "$db" >"$out/folder.txt"

say "tables"
python3 - "$out" "$images" <<'EOF'
import json, sys
out, images = sys.argv[1], sys.argv[2]
sweep = json.load(open(f"{out}/sweep.json"))
tuned = json.load(open(f"{out}/fine-tuned.json"))
rows = sweep["configurations"]
unsplit = next(r for r in rows if r["tl"] is None and r["split"] == max(x["split"] for x in rows))
top1 = {(r["split"], r["tl"] or "-", r["codec"]): r["top1"] for r in rows}
splits = sorted({r["split"] for r in rows if r is not unsplit})
md = [f"# InspectNet on Fashion-MNIST ({sweep['dataset']}, {images} test images)", "",
      f"Unsplit: top-1 {unsplit['top1'] * 100:.1f} %.", "",
      "Top-1 % per split: no TL with each codec; each TL with fp32 (before fine-tuning).", "",
      "| split | fp32 | fp16 | int8 | int8+zstd | maxpool2 | maxpool4 | avgpool2 |",
      "|---:|---:|---:|---:|---:|---:|---:|---:|"]
cell = lambda k: f"{top1[k] * 100:.1f}" if k in top1 else "-"
for s in splits:
    md.append(f"| {s} | " + " | ".join(
        [cell((s, "-", c)) for c in ("fp32", "fp16", "int8", "int8+zstd")] +
        [cell((s, t, "fp32")) for t in ("maxpool2", "maxpool4", "avgpool2")]) + " |")
md += ["", "Fine-tuned one epoch (the three fastest TL plans at 5g-low, split 2 or later), top-1 % before and after:",
       "", "| split | TL | codec | before | after |", "|---:|---|---|---:|---:|"]
for r in tuned["configurations"]:
    if r["fine_tuned"]:
        before = top1.get((r["split"], r["tl"], r["codec"]))
        md.append(f"| {r['split']} | {r['tl']} | {r['codec']} | "
                  f"{before * 100:.1f} | {r['top1'] * 100:.1f} |" if before is not None else
                  f"| {r['split']} | {r['tl']} | {r['codec']} | - | {r['top1'] * 100:.1f} |")
def name(c):
    a = c["accuracy"]
    tl = c["tl"] or "no TL"
    if a and a["fine_tuned"]:
        tl += f" (fine-tuned {a['fine_tuned']})"
    acc = f"{a['top1'] * 100:.1f} %" if a else "not measured"
    return f"split {c['splits'][0]}, {tl}: {c['total_s'] * 1e3:.2f} ms, top-1 {acc}"
for link in ("5g-low", "4g"):
    plan = json.load(open(f"{out}/plan-{link}.json"))
    within = json.load(open(f"{out}/plan-{link}-within-1.json"))
    md += ["", f"## {link} (int8+zstd, split 2 or later, the edge taking part)", "",
           f"Fastest ignoring accuracy: {name(plan['ranking'][0])}.",
           f"Fastest within 1.0 point: {name(within['ranking'][0])}.",
           f"Pareto front ({len(plan['pareto'])} plans):", ""]
    md += [f"- {name(c)}" for c in plan["pareto"]]
md += ["", "## ImageFolder (50 PNGs per class from the test split)", "", "```",
       open(f"{out}/folder.txt").read().rstrip(), "```"]
open(f"{out}/accuracy.md", "w").write("\n".join(md) + "\n")
print("\n".join(md))
EOF
say "done: $out/accuracy.md"
