#!/bin/sh
# Install the optional system packages that some tests use, when they are missing and we can:
# Debian's chromium (browser tests). Without root or apt-get, nothing is installed and the tests
# that need them skip with their reason (pytest's summary lists them); CI runs as root and has them all.
set -u
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian packages:$need"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null || {
        echo "could not install$need: the tests that need them will be skipped" >&2; exit 0; }
else
    echo "note: missing$need and not root: the tests that need them will be skipped (sudo apt-get install$need)"
fi
