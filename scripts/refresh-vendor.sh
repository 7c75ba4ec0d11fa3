#!/usr/bin/env bash
# Refreshes the vendored browser files from the npm registry: Mermaid (served by the app, so the flow diagram
# works offline) and axe-core (served only by the accessibility test). The built files are checked in so a fresh
# clone builds and tests with the .NET SDK alone. Usage: scripts/refresh-vendor.sh [MERMAID_VERSION] [AXE_VERSION]
set -euo pipefail
cd "$(dirname "$0")/.."
mermaid="${1:-12.3.0}"
axe="${2:-4.14.1}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "mermaid@$mermaid" "axe-core@$axe" >/dev/null && for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
cp "$tmp/mermaid-$mermaid/package/dist/mermaid.min.js" src/Kiriwake.Web/wwwroot/vendor/mermaid.min.js
cp "$tmp/mermaid-$mermaid/package/LICENSE" src/Kiriwake.Web/wwwroot/vendor/mermaid.LICENSE
cp "$tmp/axe-core-$axe/package/axe.min.js" tests/Kiriwake.Web.Tests/Vendor/axe.min.js
cp "$tmp/axe-core-$axe/package/LICENSE" tests/Kiriwake.Web.Tests/Vendor/axe-core.LICENSE
printf 'mermaid %s\naxe-core %s\n' "$mermaid" "$axe" > src/Kiriwake.Web/wwwroot/vendor/VERSIONS
echo "vendored mermaid $mermaid, axe-core $axe"
