#!/usr/bin/env bash
# Rebuild Inputs/*.docx from Tests/Fixtures/drafts/src/*.md (see README.md beside this
# file). Installs the fixture tools it needs when they are missing: pandoc,
# libreoffice-writer, fonts-noto-cjk, poppler-utils (apt) and python-docx (pip). These
# are tools for making fixtures, never runtime dependencies of PlanAssembler.
#
#   Tests/Fixtures/drafts/build_inputs.sh            # all sources, removes stale outputs
#   Tests/Fixtures/drafts/build_inputs.sh --only t13 # just the sources whose name has t13
#   Tests/Fixtures/drafts/build_inputs.sh --verify   # then run verify_inputs.sh
#   Tests/Fixtures/drafts/build_inputs.sh --selftest # build samples/*.md with every
#                                                    # writer into a temp dir and verify
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"

# Reproducible output: fixed epoch (each writer pins the package dates to the draft's
# own front matter), UTC, no hash randomisation.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1600000000}"
export TZ=UTC PYTHONHASHSEED=0 LC_ALL=C.UTF-8 LANG=C.UTF-8
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ in the work tree

verify=0
selftest=0
args=()
for a in "$@"; do
  case "$a" in
    --verify) verify=1 ;;
    --selftest) selftest=1 ;;
    *) args+=("$a") ;;
  esac
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "build_inputs: need root to install: $*" >&2; return 1; fi
}

apt_install() {
  echo "build_inputs: installing $* (fixture tools)" >&2
  local opts=(-y -q -o DPkg::Lock::Timeout=900)
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install "${opts[@]}" "$@"; then
    as_root apt-get update -q -o DPkg::Lock::Timeout=900
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install "${opts[@]}" "$@"
  fi
}

ensure_tools() {
  local pkgs=()
  command -v pandoc  >/dev/null || pkgs+=(pandoc)
  command -v soffice >/dev/null || pkgs+=(libreoffice-writer)
  { command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null; } || pkgs+=(poppler-utils)
  if ! { command -v fc-list >/dev/null && fc-list :lang=zh family | grep -qi 'Noto.*CJK'; }; then
    pkgs+=(fonts-noto-cjk)
  fi
  if [ "${#pkgs[@]}" -gt 0 ]; then apt_install "${pkgs[@]}"; fi
  if ! python3 -c 'import docx' 2>/dev/null; then
    echo "build_inputs: installing python-docx (fixture tool)" >&2
    python3 -m pip install -q 'python-docx==1.*' \
      || python3 -m pip install -q --break-system-packages 'python-docx==1.*'
  fi
}

ensure_tools
cd "$HERE"
if [ "$selftest" -eq 1 ]; then
  out="$(mktemp -d "${TMPDIR:-/tmp}/draftgen-selftest.XXXXXX")"
  trap 'rm -rf "$out"' EXIT
  PYTHONPATH="$HERE" python3 -m draftgen.build --src "$HERE/samples" --out "$out" \
    --all-writers ${args[@]+"${args[@]}"}
  PYTHONPATH="$HERE" python3 -m draftgen.verify --inputs "$out" --src "$HERE/samples"
  exit $?
fi
status=0
PYTHONPATH="$HERE" python3 -m draftgen.build --src "$HERE/src" --out "$ROOT/Inputs" \
  ${args[@]+"${args[@]}"} || status=$?
python3 "$HERE/make_readme.py" || status=$?
if [ "$status" -eq 0 ] && [ "$verify" -eq 1 ]; then
  "$HERE/verify_inputs.sh" || status=$?
fi
exit "$status"
