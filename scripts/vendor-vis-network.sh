#!/usr/bin/env bash
# Refresh the vis-network build that `kg export --format html` inlines into its pages.
#
#   scripts/vendor-vis-network.sh            # the version pinned below
#   scripts/vendor-vis-network.sh 10.2.0     # another version
#
# Takes the package from the npm registry with `npm pack` (no install, no build
# step), copies its standalone UMD bundle and both licence texts into
# kg/export/assets/, and records the version and the bundle's SHA-256 in
# kg/export/assets/VENDORED. Commit the changed files; then run the tests
# (tests/test_html.py renders a page in headless Chromium).
set -euo pipefail
VERSION="${1:-10.1.5}"
cd "$(dirname "$0")/.."
DEST=kg/export/assets
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
( cd "$WORK" && npm pack --silent "vis-network@${VERSION}" >/dev/null && tar xzf vis-network-*.tgz )
PKG="$WORK/package"
cp "$PKG/standalone/umd/vis-network.min.js" "$DEST/vis-network.min.js"
cp "$PKG/LICENSE-MIT" "$DEST/vis-network.LICENSE-MIT"
cp "$PKG/LICENSE-APACHE-2.0" "$DEST/vis-network.LICENSE-APACHE-2.0"
SHA="$(sha256sum "$DEST/vis-network.min.js" | cut -d' ' -f1)"
cat > "$DEST/VENDORED" <<MSG
vis-network ${VERSION} (npm package vis-network, file standalone/umd/vis-network.min.js)
licence: Apache-2.0 OR MIT (both texts beside this file)
sha256: ${SHA}
refresh: scripts/vendor-vis-network.sh [VERSION]
MSG
# The page inlines the bundle in a <script> element: it must never close one.
if grep -qi '</script' "$DEST/vis-network.min.js"; then
    echo "error: the bundle contains '</script'; kg/export/html.py must escape it" >&2
    exit 1
fi
echo "vendored vis-network ${VERSION} into ${DEST} (sha256 ${SHA})"
