#!/usr/bin/env bash
# Rebuild Inputs/*.docx from Tests/Fixtures/drafts/src/*.md (see README.md beside this
# file). Installs the fixture tools it needs when they are missing: pandoc,
# libreoffice-writer, fonts-noto-cjk, poppler-utils (apt) and python-docx (pip), through
# scripts/install-packages.sh fixtures. These are tools for making fixtures, never runtime
# dependencies of PlanAssembler.
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

ensure_tools() {
  bash "$ROOT/scripts/install-packages.sh" fixtures >&2
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
