#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test in network and mount namespaces of its own, so that it can listen on an address
# other than loopback without any other machine reaching it: the namespace has only its
# loopback device, which also carries 192.0.2.1 (TEST-NET-1, documentation only), and a private
# /etc/hosts names that address factory-box. Everything goes with the test's last process.
# Usage: in-netns.sh PROGRAM [ARGS...]
set -e
if [ -z "$CLEAVE_IN_NETNS" ]; then
    export CLEAVE_IN_NETNS=1
    if [ "$(id -u)" = 0 ]; then
        exec unshare --net --mount --propagation private sh "$0" "$@"
    fi
    exec unshare --map-root-user --net --mount --propagation private sh "$0" "$@"
fi
ip link set lo up
ip addr add 192.0.2.1/32 dev lo
hosts=$(mktemp)
cat /etc/hosts >"$hosts"
echo "192.0.2.1 factory-box" >>"$hosts"
mount --bind "$hosts" /etc/hosts
rm -f "$hosts"
exec "$@"
