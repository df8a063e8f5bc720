#!/usr/bin/env bash
# Check every Inputs/*.docx: `soffice --headless --convert-to pdf` gives a PDF with at
# least one page (pdfinfo) and python-docx opens it. Prints a table; exits non-zero on any
# failure. Options: --inputs DIR, --src DIR, --keep-pdf DIR (copy the PDFs there).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export LC_ALL=C.UTF-8 LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
PYTHONPATH="$HERE" exec python3 -m draftgen.verify "$@"
