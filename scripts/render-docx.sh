#!/usr/bin/env bash
# Renders the Word report to PDF with LibreOffice and its first pages to PNG, to look at the layout.
#
#   scripts/render-docx.sh [ledger.xlsx | --fixture] [pages]
#
# Writes test-artifacts/docx/report.{docx,html,txt,pdf} and page-N.png (first 4 pages by default),
# plus html.pdf / html-N.png: the clipboard HTML opened by the same word processor.
# The office fonts (仿宋_GB2312, 方正小标宋简体 …) are mapped to free CJK faces by scripts/fonts.conf.
set -euo pipefail
cd "$(dirname "$0")/.."
INPUT="${1:-}"
PAGES="${2:-4}"
OUT=test-artifacts/docx
mkdir -p "$OUT" .tmp

missing=()
# soffice alone is not enough: a Calc-only install answers "source file could not be loaded" for .docx.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
families="$(fc-list : family)"
[[ "$families" == *"Noto Serif CJK"* ]] || missing+=(fonts-noto-cjk)
[[ "$families" == *"AR PL UKai"* ]] || missing+=(fonts-arphic-ukai)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2
fi

rm -f "$OUT"/page-*.png "$OUT"/html-*.png
npx tsx scripts/write-docx.ts ${INPUT:+"$INPUT"} --out "$OUT/report.docx"

export FONTCONFIG_FILE="$PWD/scripts/fonts.conf"
# A profile of our own, so a user's LibreOffice settings (or a running instance) do not interfere.
PROFILE="file://$PWD/.tmp/lo-profile"
soffice --headless "-env:UserInstallation=$PROFILE" --convert-to pdf --outdir "$OUT" "$OUT/report.docx" >&2
pdftoppm -r 60 -png -f 1 -l "$PAGES" "$OUT/report.pdf" "$OUT/page"

cp "$OUT/report.html" "$OUT/html.html"
# Opened as a Writer document (not Writer/Web, which prints blank pages): closest to a paste into Word.
soffice --headless "-env:UserInstallation=$PROFILE" --infilter='HTML (StarWriter)' --convert-to pdf:writer_pdf_Export --outdir "$OUT" "$OUT/html.html" >&2 || true
[[ -f "$OUT/html.pdf" ]] && pdftoppm -r 60 -png -f 1 -l 2 "$OUT/html.pdf" "$OUT/html"

pdfinfo "$OUT/report.pdf" | grep -E '^(Pages|Page size)' >&2 || true
pdffonts "$OUT/report.pdf" >&2 || true
ls "$OUT"
