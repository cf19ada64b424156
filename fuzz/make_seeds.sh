#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the seed corpus in fuzz/corpus/ (checked in; rerun after a format changes).
# Needs protoc and zstd; the project seed needs a dev build (cleave-cli).
set -eu
cd "$(dirname "$0")/.."
C=fuzz/corpus
mkdir -p $C/codec $C/requests $C/project
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Codecs: selector byte, three shape bytes (1,1,1 -> 1x2x2x2), then the payload.
floats() { python3 -c "import struct,sys; sys.stdout.buffer.write(struct.pack('<8f',*[0.5*i-1 for i in range(8)]))"; }
halves() { python3 -c "import struct,sys; sys.stdout.buffer.write(struct.pack('<8e',*[0.5*i-1 for i in range(8)]))"; }
int8s()  { python3 -c "import struct,sys; sys.stdout.buffer.write(struct.pack('<2f',-1.0,3.5/255)+bytes(range(0,256,32)))"; }
seed() { { printf "$1\001\001\001"; cat; } > "$C/codec/$2"; }
floats | seed '\000' fp32
halves | seed '\001' fp16
int8s  | seed '\002' int8
floats | zstd -q -c | seed '\003' fp32-zstd
halves | zstd -q -c | seed '\004' fp16-zstd
int8s  | zstd -q -c | seed '\005' int8-zstd

# Model files: `make fuzz` seeds fuzz_torchscript with tests/fixtures.

# Agent requests: the selector byte, then the message (client streams: 2-byte lengths).
P="-I remote/proto"
encode() { protoc $P --encode="$1" "$2"; }
{ printf '\000'; encode inference.ModelInferRequest inference/grpc_service.proto <<PB
model_name: "tail"
inputs { name: "INPUT__0" datatype: "FP32" shape: [1, 4, 8, 8] }
outputs { name: "OUTPUT__0" }
raw_input_contents: "$(python3 -c "print('\\\\000' * 1024, end='')")"
PB
} > $C/requests/infer-fp32
{ printf '\000'; encode inference.ModelInferRequest inference/grpc_service.proto <<PB
model_name: "tail"
inputs { name: "INPUT__0" datatype: "FP32" shape: [1, 4, 8, 8] }
parameters { key: "cleave_codec" value { string_param: "int8+zstd" } }
raw_input_contents: "garbage"
PB
} > $C/requests/infer-int8-zstd
{ printf '\001'; echo 'name: "tail"' | encode inference.ModelMetadataRequest inference/grpc_service.proto; } > $C/requests/metadata
{ printf '\003'; echo 'name: "gone"' | encode cleave.agent.v1.UndeployRequest cleave/agent/v1/agent.proto; } > $C/requests/undeploy
{ printf '\004'; echo 'reply_bytes: 64' | encode cleave.agent.v1.EchoRequest cleave/agent/v1/agent.proto; } > $C/requests/echo
{ printf '\007'; echo 'model_id: "none" codecs: "fp16" tl_specs: "maxpool2"' | encode cleave.agent.v1.BenchmarkRequest cleave/agent/v1/agent.proto; } > $C/requests/benchmark
{ printf '\010'; echo 'deployment: "tail" codec: "fp16+zstd" runs: 1' | encode cleave.agent.v1.OffloadRequest cleave/agent/v1/agent.proto; } > $C/requests/offload
echo 'header { name: "x.pt" input_shape: [1, 4, 8, 8] compute_bytes: 4 }' |
  encode cleave.agent.v1.DeployChunk cleave/agent/v1/agent.proto > "$tmp/header"
echo 'data: "PK\003\004"' | encode cleave.agent.v1.DeployChunk cleave/agent/v1/agent.proto > "$tmp/data"
len() { python3 -c "import os,sys; n=os.path.getsize(sys.argv[1]); sys.stdout.buffer.write(bytes([n&255,n>>8]))" "$1"; }
{ printf '\002'; len "$tmp/header"; cat "$tmp/header"; len "$tmp/data"; cat "$tmp/data"; } > $C/requests/deploy
echo 'header { name: "y.pt" total_bytes: 4 }' |
  encode cleave.agent.v1.LoadModelChunk cleave/agent/v1/agent.proto > "$tmp/header"
{ printf '\006'; len "$tmp/header"; cat "$tmp/header"; len "$tmp/data"; cat "$tmp/data"; } > $C/requests/load

# A project: a small store with one benchmark run on the local agents.
if [ -x build/dev/bin/cleave-cli ]; then
  build/dev/bin/cleave-cli bench tests/fixtures/chain.pt --local --db "$tmp/p.cleave" --reps 2 >/dev/null
  python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA journal_mode=DELETE'); c.execute('VACUUM'); c.close()" "$tmp/p.cleave"
  cp "$tmp/p.cleave" $C/project/bench.cleave
fi
ls -l $C/*
