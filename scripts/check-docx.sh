#!/usr/bin/env bash
# Check a generated DOCX the way the office's tools will meet it:
#   1. python-docx loads it (docx.Document) and sees its paragraphs and tables;
#   2. LibreOffice converts it to PDF (soffice --headless --convert-to pdf) without error;
#   3. pdfinfo reports at least one page, and pdffonts shows the Chinese text was set in a
#      real CJK font (not boxes).
# Installs what is missing (python-docx; libreoffice-writer, poppler-utils, fonts-noto-cjk
# through apt-get). Usage: scripts/check-docx.sh FILE.docx   Exit 0 when every check passes.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 FILE.docx" >&2
  exit 64
fi
FILE="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer)
command -v pdfinfo >/dev/null 2>&1 || need_apt+=(poppler-utils)
fc-list :lang=zh 2>/dev/null | grep -qi 'noto.*cjk' || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
if ! python3 -c "import docx" >/dev/null 2>&1; then
  echo "installing python-docx"
  python3 -m pip install --quiet python-docx
fi

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
echo "ok: $FILE"
