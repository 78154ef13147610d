#!/usr/bin/env bash
# Renders the HTML inspection report of a ledger and takes a screenshot of it in headless
# Chromium, as a person would see it.
#
#   scripts/report_screenshot.sh [LEDGER] [OUT.png] [LANG]
#
# Defaults: the bundled cold-chain scenario, target/report/report.png (the HTML beside it), the
# report in Chinese (LANG zh; en for English). PDF=1 also prints the report to OUT.pdf as
# Chromium prints it (the print style sheet: A4 landscape, evidence expanded with each finding's
# sentence under its facts, no navigation, a page per section) and its first PAGES pages (3 by
# default) as OUT-N.png with poppler-utils' pdftoppm.
# RXLEDGER=path/to/rxledger uses a built binary instead of `cargo run --release`.
# Installs Debian's chromium and fonts-noto-cjk (and for PDF=1 poppler-utils) when missing (needs
# root and the Debian archive).
set -euo pipefail
cd "$(dirname "$0")/.."

ledger=${1:-samples/scenarios/cold-chain.jsonl}
png=${2:-target/report/report.png}
lang=${3:-zh}
html=${png%.png}.html
mkdir -p "$(dirname "$png")"

# Chromium, and CJK fonts for the Chinese names and legal sources.
if ! command -v chromium >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    echo "== installing chromium and fonts-noto-cjk (Debian packages)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
if [ -n "${PDF:-}" ] && ! command -v pdftoppm >/dev/null 2>&1; then
    echo "== installing poppler-utils (Debian package) for the PDF's pages as PNG" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

if [ -n "${RXLEDGER:-}" ]; then
    "$RXLEDGER" report "$ledger" -o "$html" --lang "$lang"
else
    cargo run --quiet --release -p rxledger-cli -- report "$ledger" -o "$html" --lang "$lang"
fi

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

if [ -n "${PDF:-}" ]; then
    pdf=${png%.png}.pdf
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --no-pdf-header-footer \
        --print-to-pdf="$(realpath -m "$pdf")" "file://$(realpath "$html")" 2>/dev/null
    test -s "$pdf"
    echo "wrote $pdf"
    if command -v pdftoppm >/dev/null 2>&1; then
        pdftoppm -png -r 60 -f 1 -l "${PAGES:-3}" "$pdf" "${png%.png}"
        echo "wrote the first pages as ${png%.png}-N.png"
    fi
fi
