#!/usr/bin/env bash
# Installs what the tests need beyond the Rust toolchain, on a fresh Debian machine, and only
# what is missing: `redis-server`, which the Redis store's tests start themselves, and
# `openssl`, which makes the certificates of its TLS test (see redis/tests/support/mod.rs).
# Run as root, or as a user who may use sudo.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# The tests start servers of their own, on free ports: a service the package may start is
# not used.
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v redis-server >/dev/null && command -v openssl >/dev/null
