# SPDX-License-Identifier: GPL-3.0-or-later
# The two commands of the README: `make run` and `make test`. Both install the Debian packages
# Cleave needs (when missing), configure with Ninja and ccache, and build.

PRESET    ?= dev
BUILD_DIR := build/$(PRESET)
BIN       := $(BUILD_DIR)/bin

# The whole stack from docs/architecture.md, the build tools and CLI11; fonts-nanum draws the
# Korean translation; gnome-keyring and dbus-daemon give the keychain test a Secret Service;
# python3-torch lets a test load exported files in Python and python3-torchvision trace
# torchvision's models (the build never runs Python); libboost-dev's max flow finds the best
# partition; help2man writes the man pages, dpkg-dev gives CPack the packages' Depends, and
# the rest check the packages (desktop file, AppStream, MIME type, man pages, systemd unit);
# iproute2 gives the exposure test a non-loopback address in a network namespace of its own.
PACKAGES := cmake g++ ninja-build ccache pkg-config \
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev libqt6sql6-sqlite \
  libqcustomplot-dev libtorch-dev libopenblas0-pthread \
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libssl-dev \
  libsqlite3-dev libzstd-dev zlib1g-dev nlohmann-json3-dev libstb-dev libcli11-dev libbenchmark-dev \
  qtkeychain-qt6-dev gnome-keyring dbus-daemon \
  xvfb xauth fonts-nanum dataset-fashion-mnist python3-torch \
  help2man dpkg-dev desktop-file-utils appstream shared-mime-info man-db systemd \
  iproute2 python3-torchvision libboost-dev libgraphviz-dev

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT  := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

.PHONY: all run test bench paper accuracy package screenshots fuzz asan soak deps configure build clean format

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:" $$missing; \
	  $(APT) update -q && $(APT) install -y -q --no-install-recommends $$missing; \
	fi

configure: deps
	@[ -f $(BUILD_DIR)/build.ninja ] || cmake --preset $(PRESET)

build: configure
	cmake --build --preset $(PRESET)

# The demo (cleave-cli demo, core/demo.h): ResNet-18 at 224x224 on a device emulated at a tenth
# of a core beside an unthrottled edge, 5g-peak; the device alone, Scission, ScissionTL and a
# codec compared, the chosen split offloaded against its prediction, the report drawn. Timings
# already in the project are reused. With a display the workbench then opens on that plan.
run: build
	$(BIN)/cleave-cli demo --db $(BUILD_DIR)/demo.cleave -o $(BUILD_DIR)/demo-report.png
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(BIN)/cleave $(BUILD_DIR)/demo.cleave; \
	else \
	  echo "No display: the report is $(BUILD_DIR)/demo-report.png (the workbench needs a display)."; \
	fi

test: build
	ctest --preset $(PRESET)

# The ScissionLite experiment on emulated hardware (docs/guide.md, "The papers' headline,
# measured"): DenseNet-169 and ResNet-101, the device at a tenth of a core, 5g-peak and 5g-low;
# the table in $(BUILD_DIR)/paper/paper.md, with plots. About 15 minutes; needs root.
paper: build
	tests/bench/paper.sh $(BIN) $(BUILD_DIR)/paper

# The accuracy experiment (docs/guide.md, "Accuracy against latency"): InspectNet trained on
# Fashion-MNIST, every split x TL x codec measured, three TLs fine-tuned, the Pareto fronts at
# 5g-low and 4g; the tables in $(BUILD_DIR)/accuracy/accuracy.md. About ten minutes; needs root.
accuracy: build
	tests/bench/accuracy_experiment.sh $(BIN) $(BUILD_DIR)/accuracy

# The Debian packages cleave and cleave-agent, in $(BUILD_DIR)/packages/ (packaging/).
package: build
	cd $(BUILD_DIR) && cpack

# The screenshots of the README and docs/guide.md, from the real workbench under Xvfb.
screenshots: build
	docs/screenshots/take.sh $(BIN) docs/screenshots

bench: build
	@for b in $(BIN)/bench_*; do echo "== $$b"; $$b --benchmark_counters_tabular=true; done

# Every fuzz target for FUZZ_SECONDS each (libFuzzer, clang, AddressSanitizer; not part of the
# default build). New inputs go to build/fuzz/corpus/, crashes to build/fuzz/crashes/; the
# checked-in seeds are in fuzz/corpus/ (model files: tests/fixtures, with the crashers found).
# An allocation over 3 GiB fails (as the agent's model check limits it); libFuzzer's own limit
# is above that so that the failure is the harness's to handle.
FUZZ_SECONDS ?= 60
FUZZERS := codec torchscript requests project
fuzz: PACKAGES += clang libclang-rt-14-dev
fuzz: deps
	@[ -f build/fuzz/build.ninja ] || cmake --preset fuzz
	cmake --build --preset fuzz
	@mkdir -p build/fuzz/crashes
	@for t in $(FUZZERS); do \
	  mkdir -p build/fuzz/corpus/$$t; \
	  seeds=fuzz/corpus/$$t; [ $$t != torchscript ] || seeds=tests/fixtures; \
	  echo "== fuzz_$$t ($(FUZZ_SECONDS) s)"; \
	  ASAN_OPTIONS=max_allocation_size_mb=3072 LSAN_OPTIONS=suppressions=fuzz/lsan.supp \
	  build/fuzz/bin/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=4096 \
	    -malloc_limit_mb=8192 \
	    -close_fd_mask=2 -print_final_stats=1 -artifact_prefix=build/fuzz/crashes/$$t- \
	    build/fuzz/corpus/$$t $$seeds > build/fuzz/fuzz_$$t.log 2>&1; rc=$$?; \
	  grep -E '^stat::(number_of_executed_units|new_units_added)' build/fuzz/fuzz_$$t.log; \
	  if [ $$rc != 0 ]; then \
	    tail -40 build/fuzz/fuzz_$$t.log; echo "fuzz_$$t failed: see build/fuzz/crashes/"; exit 1; \
	  fi; \
	done

# The load and soak test for longer than the suite runs it: SOAK_STREAMS streams for SOAK_SECONDS.
SOAK_STREAMS ?= 16
SOAK_SECONDS ?= 300
soak: build
	CLEAVE_SOAK_STREAMS=$(SOAK_STREAMS) CLEAVE_SOAK_SECONDS=$(SOAK_SECONDS) $(BIN)/tst_soak

# The whole test suite under AddressSanitizer + UBSan (a Debug build of its own, build/asan).
asan: deps
	@[ -f build/asan/build.ninja ] || cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
