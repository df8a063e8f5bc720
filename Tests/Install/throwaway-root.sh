#!/usr/bin/env bash
# make on a machine without libzip-dev, for real, without touching this machine: in a private
# mount namespace, /usr and /var are overlays of the machine's own (changes go to a temporary
# folder and vanish with it), libzip-dev is removed there with dpkg, and then
#   - pkg-config no longer finds libzip (the removal is real inside);
#   - `make deps build` installs libzip-dev again through apt-get (network or apt's cache) and
#     builds plan-assembler (CONFIG=release in this worktree's .build, shared with make run);
#   - pkg-config finds libzip again and the built tool runs (`--version`).
# With --clone, the last two steps run as a new user would: `git clone` of this worktree's
# commit into a temporary folder, then plain `make` there (deps, release build, run on Inputs/).
# Needs root (mount namespaces, overlayfs); CI runs it as root (`make test-install`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
clone=0
[ "${1:-}" = --clone ] && clone=1
if [ "$(id -u)" != 0 ]; then
  echo "throwaway-root: needs root (a mount namespace with overlays of /usr and /var)" >&2
  exit 1
fi
work="$(mktemp -d /tmp/throwaway-root.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export ROOT="$root" WORK="$work" CLONE="$clone"

unshare --mount --propagation private bash -euo pipefail <<'INSIDE'
for d in usr var; do
  mkdir -p "$WORK/$d.upper" "$WORK/$d.work"
  mount -t overlay overlay -o "lowerdir=/$d,upperdir=$WORK/$d.upper,workdir=$WORK/$d.work" "/$d"
done
echo "== inside a throwaway root (overlays of /usr and /var in $WORK)"
if dpkg-query -W -f '${Status}' libzip-dev 2>/dev/null | grep -q 'install ok installed'; then
  dpkg --remove libzip-dev >/dev/null
fi
if pkg-config --exists libzip; then
  echo "FAIL: libzip-dev removed, yet pkg-config still finds libzip" >&2
  exit 1
fi
echo "ok: libzip-dev removed (dpkg: $(dpkg-query -W -f '${Status}' libzip-dev 2>/dev/null || echo 'not installed')); pkg-config cannot find libzip"
if [ "$CLONE" = 1 ]; then
  git clone -q "$ROOT" "$WORK/clone"
  cd "$WORK/clone"
  echo "== make, in a clean clone of $(git log -1 --format='%h %s' | cut -c1-72)"
  make
  bin="$WORK/clone/.build/release/plan-assembler"
else
  cd "$ROOT"
  echo "== make deps build"
  make deps build
  bin="$ROOT/.build/release/plan-assembler"
fi
if ! pkg-config --exists libzip; then
  echo "FAIL: after make, pkg-config still cannot find libzip" >&2
  exit 1
fi
echo "ok: make installed libzip-dev again ($(dpkg-query -W -f '${Version}' libzip-dev)), and built:"
"$bin" --version
if [ "$CLONE" = 1 ] && [ -f "$ROOT/Output/master-plan.docx" ]; then
  if diff -r -x .cache -x .gitkeep "$ROOT/Output" "$WORK/clone/Output" >/dev/null; then
    echo "ok: the clone's Output/ is byte-identical to $ROOT/Output"
  else
    echo "FAIL: the clone's Output/ differs from $ROOT/Output" >&2
    exit 1
  fi
fi
INSIDE
echo "throwaway-root: passed (this machine's own /usr and /var were not changed)"
