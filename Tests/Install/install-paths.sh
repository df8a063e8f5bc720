#!/usr/bin/env bash
# The install recipes, exercised on any machine, whether or not it has the packages (CI runs
# this: `make test-install`). Nothing here installs anything, except step 6 when the build's
# libraries are really missing.
#   1. every target that installs something reaches scripts/install-packages.sh with its own
#      requirements file (make -n);
#   2. make deps with pkg-config made to miss the libraries (PKG_CONFIG_LIBDIR: an empty folder)
#      and apt-get in simulation: as root, it asks apt-get itself for libzip-dev and libxml2-dev;
#   3. every requirements file with every check made to fail, in simulation: apt-get accepts
#      every package it names (so none is misspelt or gone from Debian), pip its Python packages;
#   4. as a user with sudo (a stand-in sudo on PATH that logs and runs the command), the same
#      recipe goes through sudo;
#   5. as a user with neither root nor sudo, it names the packages and the command to run as
#      root, and fails;
#   6. make deps for real when the libraries are missing (else in simulation, as in 2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
failures=0
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# expect LOG PATTERN WHAT: the log has a line matching PATTERN (extended regex).
expect() { if grep -Eq -- "$2" "$1"; then pass "$3"; else fail "$3 (no line matching /$2/ in:)"; sed 's/^/    /' "$1" >&2; fi; }

requirements=()
for f in scripts/requirements/*.txt; do requirements+=("$(basename "$f" .txt)"); done

echo "== 1. the installing targets and their requirements"
declare -A target_of=([deps]="all build test install fuzz deps" [check-docx]=check-docx [preview]=preview
  [report-screenshot]=report-screenshot [fixtures]=fixtures [bench]=bench)
# Requirements of a test script rather than of a target.
declare -A script_of=([install-check]=Tests/Install/check-install.sh)
for name in "${requirements[@]}"; do
  if [ -n "${script_of[$name]:-}" ]; then
    grep -q "install-packages\.sh $name\$" "${script_of[$name]}" && pass "${script_of[$name]} installs through install-packages.sh $name" \
      || fail "${script_of[$name]} does not use install-packages.sh $name"
  elif [ -z "${target_of[$name]:-}" ]; then
    fail "scripts/requirements/$name.txt is used by no target this test knows"
  fi
done
for name in "${!target_of[@]}"; do
  [ -f "scripts/requirements/$name.txt" ] || fail "no scripts/requirements/$name.txt"
  for target in ${target_of[$name]}; do
    make -n "$target" >"$work/n.log" 2>&1 || true
    expect "$work/n.log" "install-packages\.sh $name\$" "make $target installs through install-packages.sh $name"
  done
done
# No recipe or script calls apt-get or pip install on its own any more.
if grep -rnE 'apt-get (-[a-z-]+ )*install|pip install' Makefile scripts/*.sh Tests/Fixtures/drafts/*.sh | grep -v '^scripts/install-packages.sh:'; then
  fail "an install outside scripts/install-packages.sh (above)"
else
  pass "every install goes through scripts/install-packages.sh"
fi

echo "== 2. make deps as root, the libraries hidden from pkg-config, apt-get in simulation"
mkdir -p "$work/no-pc"
if [ "$(id -u)" = 0 ]; then
  status=0
  PKG_CONFIG_LIBDIR="$work/no-pc" PLAN_INSTALL_SIMULATE=1 make deps >"$work/deps.log" 2>&1 || status=$?
  [ $status = 0 ] && pass "make deps exits 0" || { fail "make deps exits $status"; cat "$work/deps.log" >&2; }
  expect "$work/deps.log" "^install-packages: deps needs: libzip-dev libxml2-dev " "the hidden libraries are found missing"
  expect "$work/deps.log" "^\+ env DEBIAN_FRONTEND=noninteractive apt-get .* -s install -y --no-install-recommends libzip-dev libxml2-dev\$" "root runs apt-get itself, for exactly those packages"
  if grep -q "^+ sudo" "$work/deps.log"; then fail "root went through sudo"; else pass "no sudo as root"; fi
else
  fail "step 2 runs as root (CI does); this is uid $(id -u)"
fi

echo "== 3. every requirements file, every check failing, in simulation"
for name in "${requirements[@]}"; do
  status=0
  PLAN_INSTALL_PRETEND_MISSING=1 PLAN_INSTALL_SIMULATE=1 bash scripts/install-packages.sh "$name" >"$work/$name.log" 2>&1 || status=$?
  [ $status = 0 ] && pass "$name: the simulated install succeeds" || { fail "$name: exit $status"; cat "$work/$name.log" >&2; }
  apt_packages=$(grep -vE '^\s*(#|$)' "scripts/requirements/$name.txt" | sed 's/: .*//' | grep -v '^pip:' | tr '\n' ' ')
  for package in $apt_packages; do
    expect "$work/$name.log" "^\+ .*apt-get .* -s install .* $package( |\$)" "$name: apt-get is asked for $package"
  done
  for spec in $(grep -E '^pip:' "scripts/requirements/$name.txt" | sed 's/: .*//; s/^pip://'); do
    expect "$work/$name.log" "pip install -q (--user )?--dry-run .*$(printf '%s' "$spec" | sed 's/[.*]/\\&/g')" "$name: pip is asked for $spec"
  done
  if grep -q "^E: " "$work/$name.log"; then fail "$name: apt-get reported an error"; grep "^E: " "$work/$name.log" >&2; fi
done

echo "== 4. a user with sudo"
# The recipe as a user: a copy of the scripts the user can read, run as nobody.
cp -r scripts "$work/scripts"
mkdir -p "$work/bin"
cat >"$work/bin/sudo" <<EOF
#!/bin/sh
# A stand-in for sudo: records the call and runs the command as the same user (the install is
# a simulation, which needs no root).
echo "sudo \$*" >>"$work/sudo.log"
[ "\$1" = -n ] && shift
exec "\$@"
EOF
chmod 755 "$work/bin/sudo" "$work/scripts" "$work/scripts/requirements"
touch "$work/sudo.log" && chmod 666 "$work/sudo.log"
user=nobody
as_user() { runuser -u "$user" -- env -i HOME=/tmp PATH="$1" PKG_CONFIG_LIBDIR="$work/no-pc" PLAN_INSTALL_SIMULATE=1 bash "$work/scripts/install-packages.sh" deps; }
status=0
as_user "$work/bin:/usr/sbin:/usr/bin:/sbin:/bin" </dev/null >"$work/sudo-run.log" 2>&1 || status=$?
[ $status = 0 ] && pass "as $user with sudo: exit 0" || { fail "as $user with sudo: exit $status"; cat "$work/sudo-run.log" >&2; }
expect "$work/sudo-run.log" "^\+ sudo env DEBIAN_FRONTEND=noninteractive apt-get .* -s install .* libzip-dev libxml2-dev\$" "as $user, apt-get goes through sudo"
expect "$work/sudo.log" "^sudo env DEBIAN_FRONTEND=noninteractive apt-get .*libzip-dev libxml2-dev\$" "sudo was called with the apt-get command"

echo "== 5. a user with neither root nor sudo"
mkdir -p "$work/nosudo"
for tool in bash env apt-get pkg-config id sed tr ls cat grep dirname; do
  ln -sf "$(command -v "$tool")" "$work/nosudo/$tool"
done
status=0
as_user "$work/nosudo" </dev/null >"$work/nosudo.log" 2>&1 || status=$?
[ $status = 1 ] && pass "as $user without sudo: exit 1" || { fail "as $user without sudo: exit $status (expected 1)"; cat "$work/nosudo.log" >&2; }
expect "$work/nosudo.log" "cannot install libzip-dev libxml2-dev: this is not root" "it says why it cannot install, naming the packages"
expect "$work/nosudo.log" "^    apt-get update && apt-get install -y libzip-dev libxml2-dev\$" "it gives the command to run as root"
if grep -q "^+ " "$work/nosudo.log"; then fail "it ran a command anyway"; else pass "it runs nothing"; fi

echo "== 6. make deps for real when the libraries are missing"
if pkg-config --exists libzip libxml-2.0 2>/dev/null; then
  echo "the libraries are installed: steps 2-5 exercised the recipe in simulation"
else
  make deps
  if pkg-config --exists libzip libxml-2.0; then pass "make deps installed the libraries"; else fail "pkg-config still cannot find libzip and libxml-2.0"; fi
fi

if [ $failures -gt 0 ]; then
  echo "install-paths: $failures failure(s)" >&2
  exit 1
fi
echo "install-paths: all passed"
