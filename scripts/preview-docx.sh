#!/usr/bin/env bash
# Render the first pages of a DOCX to PNG for a person to look at: LibreOffice → PDF →
# pdftoppm (70 dpi, pages 1–4, or PAGES=n). Usage: scripts/preview-docx.sh FILE.docx OUTDIR
# Writes OUTDIR/<name>.pdf and OUTDIR/<name>-<page>.png. Needs what `make deps-preview`
# installs (make preview does it first). The official fonts are shown in free fonts of
# the same kind (see scripts/fontconfig/fonts.conf; PREVIEW_SYSTEM_FONTS=1 turns that off).
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

if [ $# -ne 2 ] || [ ! -f "$1" ]; then
  echo "usage: $0 FILE.docx OUTDIR" >&2
  exit 64
fi
FILE="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
OUT="$2"
PAGES="${PAGES:-4}"
mkdir -p "$OUT"
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is missing: run make deps-preview first" >&2; exit 1; }
done
# Show the official fonts in free fonts of the same kind (scripts/fontconfig/fonts.conf);
# PREVIEW_SYSTEM_FONTS=1 keeps the machine's own substitution.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ "${PREVIEW_SYSTEM_FONTS:-0}" != 1 ]; then export FONTCONFIG_FILE="$HERE/fontconfig/fonts.conf"; fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf --outdir "$WORK" "$FILE" >"$WORK/soffice.log" 2>&1 || {
  cat "$WORK/soffice.log" >&2
  exit 1
}
NAME="$(basename "${FILE%.*}")"
cp "$WORK/$NAME.pdf" "$OUT/$NAME.pdf"
rm -f "$OUT/$NAME"-*.png
pdftoppm -png -r 70 -f 1 -l "$PAGES" "$OUT/$NAME.pdf" "$OUT/$NAME"
ls "$OUT/$NAME"*.png
