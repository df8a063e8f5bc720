#!/usr/bin/env bash
# Builds a redline the way an office meets one, and checks it: a drop folder of three drafts from
# Inputs/ is built twice, then topic 10's draft is replaced by a newer version with one indicator
# changed (8000 → 9000 亿元) and a statement of the 科技服务业 draft is edited (（已修订）); the
# third build writes Output/master-plan-redline.docx. Then scripts/check-docx.sh (python-docx,
# LibreOffice, ISO/IEC 29500 schema) and scripts/preview-docx.sh (PNG of every page).
# Usage: scripts/redline-demo.sh [WORKDIR] [plan-assembler]   (default /tmp/redline-demo, .build/debug)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
W="${1:-/tmp/redline-demo}"
BIN="${2:-$ROOT/.build/debug/plan-assembler}"
rm -rf "$W" && mkdir -p "$W/in"
cp -p "$ROOT/Inputs/10-新材料领域科技发展规划（征求意见稿）.docx" "$ROOT/Inputs/科技服务业发展规划（征求意见稿）.docx" \
  "$ROOT/Inputs/17-卫生健康领域科技发展规划（修改稿）.docx" "$W/in/"
"$BIN" build "$W/in" --out "$W/out" --quiet
"$BIN" build "$W/in" --out "$W/out" --quiet
test ! -e "$W/out/master-plan-redline.docx" || { echo "a redline without changes" >&2; exit 1; }
cp "$W/out/master-plan.docx" "$W/previous-master-plan.docx"
python3 - "$W/in" <<'PY'
import os, sys, zipfile
folder = sys.argv[1]
def edit(src, dst, document, core=()):
    with zipfile.ZipFile(src) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(dst + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            for part, edits in (("word/document.xml", document), ("docProps/core.xml", core)):
                if name == part:
                    text = data.decode()
                    for a, b in edits:
                        assert text.count(a) == 1, (name, a)
                        text = text.replace(a, b)
                    data = text.encode()
            z.writestr(name, data)
    os.replace(dst + ".tmp", dst)
old = os.path.join(folder, "10-新材料领域科技发展规划（征求意见稿）.docx")
edit(old, os.path.join(folder, "10-新材料领域科技发展规划（修改稿）.docx"),
     [("新材料产业产值突破8000亿元", "新材料产业产值突破9000亿元")], [("2020-09-10T15:40:00Z", "2020-12-01T08:00:00Z")])
os.remove(old)
service = os.path.join(folder, "科技服务业发展规划（征求意见稿）.docx")
edit(service, service, [("遴选一批业绩突出、成长性好的科技服务机构", "（已修订）遴选一批业绩突出、成长性好的科技服务机构")])
PY
"$BIN" build "$W/in" --out "$W/out" --quiet
test -s "$W/out/master-plan-redline.docx"
bash "$ROOT/scripts/check-docx.sh" "$W/out/master-plan-redline.docx"
PAGES="${PAGES:-99}" bash "$ROOT/scripts/preview-docx.sh" "$W/out/master-plan-redline.docx" "$W/preview" >/dev/null
echo "preview: $W/preview"
