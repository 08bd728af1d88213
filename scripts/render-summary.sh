#!/usr/bin/env bash
# Runs the batch on a folder of ledgers and renders 汇总.xlsx and 汇总通报.docx to PDF and PNG, to look at them.
#
#   scripts/render-summary.sh <folder> [pages]
#
# Writes test-artifacts/summary/{汇总.xlsx,汇总通报.docx,*.pdf} and summary-N.png / bulletin-N.png.
# Fonts as in scripts/render-docx.sh (scripts/fonts.conf maps the office fonts to free CJK faces).
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT="${1:?a folder of ledgers}"
PAGES="${2:-4}"
OUT=test-artifacts/summary
rm -rf "$OUT" && mkdir -p "$OUT" .tmp
npx tsx src/cli/main.ts "$INPUT" --out "$OUT/run" --quiet || true
cp "$OUT/run/汇总.xlsx" "$OUT/summary.xlsx"
cp "$OUT/run/汇总通报.docx" "$OUT/bulletin.docx"
export FONTCONFIG_FILE="$PWD/scripts/fonts.conf"
PROFILE="file://$PWD/.tmp/lo-profile"
soffice --headless "-env:UserInstallation=$PROFILE" --convert-to pdf --outdir "$OUT" "$OUT/summary.xlsx" "$OUT/bulletin.docx" >&2
pdftoppm -r 60 -png -f 1 -l "$PAGES" "$OUT/summary.pdf" "$OUT/summary"
pdftoppm -r 60 -png -f 1 -l "$PAGES" "$OUT/bulletin.pdf" "$OUT/bulletin"
ls "$OUT"
