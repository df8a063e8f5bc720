#!/usr/bin/env bash
# Renders the office's HTML report in headless Chromium and saves a PNG, to see the page as
# people will (Chinese glyphs, colours, layout).
#
#   scripts/report-screenshot.sh [report.html] [out.png]
#       report.html defaults to Output/report.html, out.png to the same name with .png.
#   scripts/report-screenshot.sh --sample [out.png]
#       renders the test suite's sample plan (35 catalog entries, 3 conflicts …) into
#       $PLAN_REPORT_SAMPLE_DIR (default /tmp/plan-report-sample) first, via `swift test`.
#
# WINDOW=width,height sets the viewport (default 1400,2000; the shot is the viewport, so use
# e.g. WINDOW=1400,7000 to see the whole page). Installs Debian's chromium and fonts-noto-cjk
# when they are missing (scripts/install-packages.sh report-screenshot). Needs no Makefile.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
window="${WINDOW:-1400,2000}"

if [ "${1:-}" = "--sample" ]; then
  sample_dir="${PLAN_REPORT_SAMPLE_DIR:-/tmp/plan-report-sample}"
  mkdir -p "$sample_dir"
  build_log="$(mktemp)"
  if ! (
    cd "$root"
    swift build --build-tests &&
      PLAN_REPORT_SAMPLE_DIR="$sample_dir" swift test --skip-build --filter SampleReportOutput
  ) >"$build_log" 2>&1 || [ ! -s "$sample_dir/report.html" ]; then
    grep -E "error|✘|failed" "$build_log" >&2 || tail -20 "$build_log" >&2
    echo "未能生成示例报告" >&2
    rm -f "$build_log"
    exit 1
  fi
  rm -f "$build_log"
  html="$sample_dir/report.html"
  out="${2:-$sample_dir/report.png}"
else
  html="${1:-$root/Output/report.html}"
  out="${2:-${html%.html}.png}"
fi
[ -f "$html" ] || { echo "找不到报告文件：$html" >&2; exit 1; }

find_browser() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }
bash "$root/scripts/install-packages.sh" report-screenshot >&2
browser="$(find_browser)"
[ -n "$browser" ] || { echo "未找到 chromium" >&2; exit 1; }

html_abs="$(realpath "$html")"
mkdir -p "$(dirname "$out")"
out_abs="$(realpath "$out")"
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT

rm -f "$out_abs"
if ! "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$profile" --no-first-run --disable-extensions \
    --screenshot="$out_abs" --window-size="$window" "file://$html_abs" >"$log" 2>&1 || [ ! -s "$out_abs" ]; then
  cat "$log" >&2
  echo "截图失败：$out_abs" >&2
  exit 1
fi
echo "$out_abs"
