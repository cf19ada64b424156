#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test with a keychain of its own: call it inside `dbus-run-session`; it starts a GNOME
# keyring (Secret Service) with a fresh, unlocked login keyring in a temporary home, runs the
# command, and leaves nothing behind.
set -u
home=$(mktemp -d)
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
printf 'keyring-password' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export CLEAVE_TEST_KEYRING=1
"$@"
status=$?
# The keyring daemon leaves with the session bus.
rm -rf "$home"
exit $status
