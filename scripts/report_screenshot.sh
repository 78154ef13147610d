#!/usr/bin/env bash
# Renders the HTML inspection report of a ledger and takes a screenshot of it in headless
# Chromium, as a person would see it.
#
#   scripts/report_screenshot.sh [LEDGER] [OUT.png]
#
# Defaults: the bundled cold-chain scenario, target/report/report.png (the HTML beside it).
# Installs Debian's chromium and fonts-noto-cjk when missing (needs root and the Debian archive).
set -euo pipefail
cd "$(dirname "$0")/.."

ledger=${1:-samples/scenarios/cold-chain.jsonl}
png=${2:-target/report/report.png}
html=${png%.png}.html
mkdir -p "$(dirname "$png")"

# Chromium, and CJK fonts for the Chinese names and legal sources.
if ! command -v chromium >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    echo "== installing chromium and fonts-noto-cjk (Debian packages)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

cargo run --quiet --release -p rxledger-cli -- report "$ledger" -o "$html"

# A fresh profile, and no background networking: the report must render offline.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars \
    --window-size="${WIDTH:-1280},${HEIGHT:-2400}" \
    --screenshot="$(realpath -m "$png")" "file://$(realpath "$html")" 2>/dev/null
test -s "$png"
echo "wrote $png (report $html)"
