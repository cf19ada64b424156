#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages as a user gets them: made with CPack, unpacked into a scratch root
# (dpkg -x), and their programs, service, desktop files and man pages checked from there.
# Usage: tst_packages.sh BUILD_DIR VERSION
set -uo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'kill $agent_pid 2>/dev/null; rm -rf "$work"' EXIT
agent_pid=
failures=0

pass() { echo "PASS   : $1"; }
fail() { echo "FAIL!  : $1"; failures=$((failures + 1)); }
check() { # check NAME COMMAND...: passes when the command succeeds; its output shows on failure
    local name=$1
    shift
    if "$@" >"$work/check.log" 2>&1; then
        pass "$name"
    else
        fail "$name"
        sed 's/^/    /' "$work/check.log"
    fi
}

echo "== packages"
if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    fail "cpack makes the packages"
    exit 1
fi
cleave_deb=$work/out/cleave_${version}_amd64.deb
agent_deb=$work/out/cleave-agent_${version}_amd64.deb
check "cpack makes cleave and cleave-agent" test -f "$cleave_deb" -a -f "$agent_deb"

depends_cleave=$(dpkg-deb -f "$cleave_deb" Depends)
depends_agent=$(dpkg-deb -f "$agent_deb" Depends)
no_dev() { ! grep -Eq -- '-dev( |,|$)' <<<"$1"; }
check "cleave depends on no -dev package" no_dev "$depends_cleave"
check "cleave-agent depends on no -dev package" no_dev "$depends_agent"
check "cleave depends on the runtime libraries (Qt, LibTorch, gRPC)" \
    grep -q 'libqt6widgets6.*libtorch1.13' <<<"$depends_cleave"
check "cleave depends on its own version of cleave-agent (cleave-cli --local starts it)" \
    grep -q "cleave-agent (= $version)" <<<"$depends_cleave"
check "cleave-agent depends on no Qt" bash -c "! grep -qi qt <<<'$depends_agent'"
check "cleave-agent depends on LibTorch and gRPC" \
    grep -q 'libgrpc++1.51.*libtorch1.13' <<<"$depends_agent"
dpkg-deb -e "$agent_deb" "$work/agent-control"
check "agent.conf is a conffile (local edits survive upgrades)" \
    grep -qx /etc/cleave/agent.conf "$work/agent-control/conffiles"
check "maintainer scripts make no user, directory or enablement" \
    bash -c "! grep -Eq 'useradd|adduser|mkdir|systemctl (--system )?enable|deb-systemd-helper enable' \
        '$work/agent-control/postinst' '$work/agent-control/prerm' '$work/agent-control/postrm'"

root=$work/root
dpkg -x "$cleave_deb" "$root" && dpkg -x "$agent_deb" "$root"

echo "== programs from the scratch root"
out=$("$root/usr/bin/cleave-cli" --version)
check "cleave-cli --version names the version" test "$(head -1 <<<"$out")" = "cleave-cli $version"
check "cleave-cli --version names LibTorch, Qt and gRPC" \
    grep -Eq '^LibTorch [0-9.]+, Qt [0-9.]+, gRPC [0-9.]+$' <<<"$out"
out=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/cleave" --version 2>/dev/null)
check "cleave --version names the version and libraries" \
    grep -Eq "^cleave $version\$" <<<"$out"
check "cleave --version names LibTorch, Qt and gRPC" \
    grep -Eq '^LibTorch [0-9.]+, Qt [0-9.]+, gRPC [0-9.]+$' <<<"$out"
out=$("$root/usr/bin/cleave-agent" --version)
check "cleave-agent --version says it runs without Qt" \
    grep -Eq '^LibTorch [0-9.]+, Qt not used, gRPC [0-9.]+$' <<<"$out"
out=$("$root/usr/bin/cleave-agent" --help)
check "cleave-agent --help answers" grep -q -- '--listen' <<<"$out"
check "cleave-agent links no Qt" \
    bash -c "! readelf -d '$root/usr/bin/cleave-agent' | grep NEEDED | grep -qi qt"
# The shipped configuration starts an agent (on an ephemeral port instead of its own).
"$root/usr/bin/cleave-agent" --config "$root/etc/cleave/agent.conf" --listen 127.0.0.1:0 \
    --threads 1 >"$work/agent.log" 2>&1 &
agent_pid=$!
for _ in $(seq 100); do
    grep -q 'listening on' "$work/agent.log" && break
    sleep 0.1
done
check "the shipped agent.conf starts an agent" grep -q '(device, 1 thread) listening on' \
    "$work/agent.log"
kill $agent_pid
wait $agent_pid 2>/dev/null
# The cleave package's cleave-cli finds the cleave package's agent (--local).
"$root/usr/bin/cleave-cli" zoo export inspectnet -o "$work/inspectnet.pt" >/dev/null 2>&1
check "cleave-cli bench --local runs the packaged agents" \
    "$root/usr/bin/cleave-cli" bench "$work/inspectnet.pt" --local --db "$work/p.cleave" \
    --reps 1 --json

echo "== service"
unit=$root/lib/systemd/system/cleave-agent.service
check "the unit reads /etc/cleave/agent.conf" \
    grep -qx 'ExecStart=/usr/bin/cleave-agent --config /etc/cleave/agent.conf' "$unit"
check "the unit is installed, not enabled (no enablement link)" \
    test ! -e "$root/etc/systemd/system/multi-user.target.wants/cleave-agent.service"
sed "s|/usr/bin/cleave-agent|$root/usr/bin/cleave-agent|" "$unit" >"$work/cleave-agent.service"
check "systemd-analyze verifies the unit" systemd-analyze verify --man=no \
    "$work/cleave-agent.service"
# Root without capabilities on a read-only system (docs/security.md): exposure 1.8 of 10 today.
check "the unit's sandbox keeps systemd's exposure at 2.5 or below" \
    systemd-analyze security --offline=yes --root="$root" --threshold=25 cleave-agent.service

echo "== desktop integration"
share=$root/usr/share
check "desktop-file-validate accepts the .desktop file" \
    desktop-file-validate "$share/applications/org.cleave.Cleave.desktop"
check "appstreamcli validates the metainfo" \
    appstreamcli validate --no-net "$share/metainfo/org.cleave.Cleave.metainfo.xml"
check "appstreamcli validates the installed tree (metainfo with its .desktop file)" \
    appstreamcli validate-tree --no-net "$root"
check "the metainfo's newest release is this version" \
    grep -q "<release version=\"$version\"" "$share/metainfo/org.cleave.Cleave.metainfo.xml"
mkdir -p "$work/mime/packages"
cp "$share/mime/packages/org.cleave.Cleave.xml" "$work/mime/packages/"
check "update-mime-database takes the MIME type" update-mime-database "$work/mime"
check "*.cleave files are Cleave projects" \
    grep -q 'application/x-cleave-project:\*\.cleave' "$work/mime/globs2"
check "the .desktop file opens Cleave projects" \
    grep -qx 'MimeType=application/x-cleave-project;' "$share/applications/org.cleave.Cleave.desktop"
check "the scalable icon is an SVG" grep -q '<svg' "$share/icons/hicolor/scalable/apps/org.cleave.Cleave.svg"
for size in 16 24 32 48 64 128 256 512; do
    png=$share/icons/hicolor/${size}x${size}/apps/org.cleave.Cleave.png
    # PNG: width and height are the big-endian words at bytes 16 and 20.
    dims=$(od -An -tu1 -j16 -N8 "$png" 2>/dev/null | awk '{print $3*256+$4 "x" $7*256+$8}')
    check "the ${size}x${size} icon is ${size}x${size} pixels" test "$dims" = "${size}x${size}"
done

echo "== man pages"
# Every option the program's --help lists is in its page (and so for each cleave-cli command).
options_of() { grep -oE -- '--[a-z][a-z0-9-]+' | sort -u; }
page_covers() { # page_covers PAGE HELP-TEXT
    local missing
    missing=$(comm -23 <(options_of <<<"$2") <(man -l "$1" 2>/dev/null | col -b | options_of))
    [ -z "$missing" ] || { echo "  not in $1: $missing"; return 1; }
}
man1=$share/man/man1
for program in cleave cleave-cli cleave-agent; do
    check "$program.1 renders without warnings" \
        test -z "$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$man1/$program.1.gz" 2>&1 >/dev/null)"
done
check "cleave.1 has every option of cleave --help" \
    page_covers "$man1/cleave.1.gz" "$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/cleave" --help 2>/dev/null)"
check "cleave-agent.1 has every option of cleave-agent --help" \
    page_covers "$man1/cleave-agent.1.gz" "$("$root/usr/bin/cleave-agent" --help)"
commands=$("$root/usr/bin/cleave-cli" --help | sed -n '/^Subcommands:/,$p' | awk 'NR>1 && /^  [a-z]/ {print $1}')
check "cleave-cli --help lists its commands" test "$(wc -w <<<"$commands")" -ge 9
for command in $commands; do
    check "cleave-cli.1 has every option of cleave-cli $command" \
        page_covers "$man1/cleave-cli.1.gz" "$("$root/usr/bin/cleave-cli" "$command" --help)"
done

echo "Totals: $failures failed"
[ "$failures" = 0 ]
