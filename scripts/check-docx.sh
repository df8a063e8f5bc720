#!/usr/bin/env bash
# Check a generated DOCX the way the office's tools will meet it:
#   1. python-docx loads it (docx.Document) and sees its paragraphs and tables;
#   2. LibreOffice converts it to PDF (soffice --headless --convert-to pdf) without error;
#   3. pdfinfo reports at least one page, and pdffonts shows the Chinese text was set in a
#      real CJK font (not boxes).
# Installs what is missing (scripts/requirements/check-docx.txt: libreoffice-writer,
# poppler-utils, fonts-noto-cjk, python-docx) through scripts/install-packages.sh.
# Usage: scripts/check-docx.sh FILE.docx   Exit 0 when every check passes.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 FILE.docx" >&2
  exit 64
fi
FILE="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"

bash "$(dirname "${BASH_SOURCE[0]}")/install-packages.sh" check-docx

echo "== python-docx"
python3 - "$FILE" <<'PY'
import sys, docx
d = docx.Document(sys.argv[1])
headings = [p for p in d.paragraphs if p.style is not None and p.style.name.lower().startswith("heading")]
print(f"python-docx: {len(d.paragraphs)} paragraphs, {len(headings)} headings, {len(d.tables)} tables, "
      f"title={d.core_properties.title!r}, modified={d.core_properties.modified}")
if not d.paragraphs:
    sys.exit("python-docx sees no paragraph")
PY

echo "== LibreOffice"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# A private profile, so a running LibreOffice or a stale lock cannot interfere.
soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf --outdir "$WORK" "$FILE" >"$WORK/soffice.log" 2>&1 || {
  cat "$WORK/soffice.log" >&2
  echo "LibreOffice could not convert $FILE" >&2
  exit 1
}
PDF="$WORK/$(basename "${FILE%.*}").pdf"
if [ ! -s "$PDF" ]; then
  cat "$WORK/soffice.log" >&2
  echo "LibreOffice wrote no PDF for $FILE" >&2
  exit 1
fi
pages="$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')"
echo "LibreOffice: PDF with ${pages:-0} pages"
if [ "${pages:-0}" -lt 1 ]; then
  echo "the PDF has no page" >&2
  exit 1
fi
echo "== fonts in the PDF"
pdffonts "$PDF" | tail -n +3 | awk '{print "  " $1}' | sort -u
if ! pdffonts "$PDF" | grep -qiE 'cjk|song|hei|kai|fang|ming|han'; then
  echo "no CJK font was embedded: the Chinese text would show as boxes" >&2
  exit 1
fi
# 4. The WordprocessingML parts are valid against the ISO/IEC 29500 Transitional schemas, when
#    they are at hand (../shared/ooxml-schemas, or OOXML_SCHEMAS) and xmllint is installed.
SCHEMAS="${OOXML_SCHEMAS:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/../shared/ooxml-schemas}"
if [ -f "$SCHEMAS/ISO-IEC29500-4_2016/wml.xsd" ] && command -v xmllint >/dev/null 2>&1; then
  echo "== schema (wml.xsd)"
  mkdir -p "$WORK/parts"
  (cd "$WORK/parts" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall()' "$FILE")
  for part in "$WORK"/parts/word/*.xml; do
    xmllint --noout --schema "$SCHEMAS/ISO-IEC29500-4_2016/wml.xsd" "$part" 2>"$WORK/xmllint.log" || {
      cat "$WORK/xmllint.log" >&2
      echo "word/$(basename "$part") is not valid against wml.xsd" >&2
      exit 1
    }
  done
  echo "schema: every word/*.xml part is valid"
fi
echo "ok: $FILE"
