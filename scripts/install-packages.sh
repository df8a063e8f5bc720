#!/usr/bin/env bash
# The one way this project installs what it needs: every target that installs something (make
# deps, check-docx, preview, report-screenshot, fixtures, bench) and the scripts behind them
# call this script with the name of their requirements file.
#
#   scripts/install-packages.sh NAME     # installs what scripts/requirements/NAME.txt lacks
#
# Each line of a requirements file is `PACKAGE: CHECK`: PACKAGE is installed when the shell
# command CHECK fails. PACKAGE is a Debian package (apt-get), or pip:SPEC for a Python package.
#
# Who installs the Debian packages: root runs apt-get itself; a user with a working sudo (no
# password needed, or a terminal to ask for it on) goes through sudo; anyone else gets the
# list of packages and the command to run as root, and exit status 1. Python packages are
# installed with pip (into the user's site when not root). After installing, every check is run
# again: a check that still fails is an error.
#
# For tests of the install paths (nothing is installed):
#   PLAN_INSTALL_SIMULATE=1          apt-get -s (a simulation, which needs no root) and pip --dry-run
#   PLAN_INSTALL_PRETEND_MISSING=1   every CHECK is taken as failed
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
me="install-packages"
if [ $# -ne 1 ] || [ ! -f "$here/requirements/$1.txt" ]; then
  echo "usage: $0 NAME   (one of: $(cd "$here/requirements" && ls *.txt | sed 's/\.txt$//' | tr '\n' ' '))" >&2
  exit 64
fi
name="$1"
file="$here/requirements/$name.txt"
simulate="${PLAN_INSTALL_SIMULATE:-0}"
pretend="${PLAN_INSTALL_PRETEND_MISSING:-0}"

# The requirements: PACKAGE and CHECK per line.
packages=()
checks=()
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in '' | '#'*) continue ;; esac
  package="${line%%: *}"
  check="${line#*: }"
  if [ "$package" = "$line" ] || [ -z "$check" ]; then
    echo "$me: $file: not PACKAGE: CHECK: $line" >&2
    exit 64
  fi
  packages+=("$package")
  checks+=("$check")
done <"$file"

holds() { # index: whether the check passes
  bash -c "${checks[$1]}" >/dev/null 2>&1
}
satisfied() { # index: whether nothing needs installing for it
  [ "$pretend" != 1 ] && holds "$1"
}

apt_missing=()
pip_missing=()
for i in "${!packages[@]}"; do
  satisfied "$i" && continue
  case "${packages[$i]}" in
    pip:*) pip_missing+=("${packages[$i]#pip:}") ;;
    *) apt_missing+=("${packages[$i]}") ;;
  esac
done
if [ ${#pip_missing[@]} -gt 0 ] && { [ "$pretend" = 1 ] || ! python3 -m pip --version >/dev/null 2>&1; }; then
  apt_missing+=(python3-pip)
fi
if [ ${#apt_missing[@]} -eq 0 ] && [ ${#pip_missing[@]} -eq 0 ]; then
  exit 0
fi
[ "$simulate" = 1 ] && mode=" (simulation: nothing is installed)" || mode=""
echo "$me: $name needs:${apt_missing[*]:+ ${apt_missing[*]}}${pip_missing[*]:+ ${pip_missing[*]/#/pip:}}$mode"

run() { # prints the command, then runs it
  echo "+ $*"
  "$@"
}

if [ ${#apt_missing[@]} -gt 0 ]; then
  as=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
      as=(sudo)
    else
      cat >&2 <<EOF
$me: cannot install ${apt_missing[*]}: this is not root, and sudo is missing or would need a
password with no terminal to ask on. Run, as root:

    apt-get update && apt-get install -y ${apt_missing[*]}

then run make again.
EOF
      exit 1
    fi
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$me: no apt-get on this machine: install ${apt_missing[*]} (Debian names) with its package manager, then run make again" >&2
    exit 1
  fi
  apt=("${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900)
  if [ "$simulate" = 1 ]; then
    run "${apt[@]}" -s install -y --no-install-recommends "${apt_missing[@]}"
  # Stale or empty package lists: update them and try again.
  elif ! run "${apt[@]}" install -y -q --no-install-recommends "${apt_missing[@]}"; then
    run "${apt[@]}" update -q
    run "${apt[@]}" install -y -q --no-install-recommends "${apt_missing[@]}"
  fi
fi

if [ ${#pip_missing[@]} -gt 0 ]; then
  pip=(python3 -m pip install -q)
  [ "$(id -u)" = 0 ] || pip+=(--user)
  if [ "$simulate" = 1 ]; then
    if python3 -m pip --version >/dev/null 2>&1; then
      run "${pip[@]}" --dry-run "${pip_missing[@]}"
    else
      echo "+ (simulation) ${pip[*]} ${pip_missing[*]}   # after python3-pip is installed"
    fi
  # Debian's own Python refuses pip outside a virtual environment unless told (PEP 668).
  elif ! run "${pip[@]}" "${pip_missing[@]}"; then
    run "${pip[@]}" --break-system-packages "${pip_missing[@]}"
  fi
fi

[ "$simulate" = 1 ] && exit 0
status=0
for i in "${!packages[@]}"; do
  if ! holds "$i"; then
    echo "$me: installed, but the check for ${packages[$i]} still fails: ${checks[$i]}" >&2
    status=1
  fi
done
exit $status
