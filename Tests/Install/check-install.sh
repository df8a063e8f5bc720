#!/usr/bin/env bash
# make install and make uninstall into a temporary PREFIX (CI runs this after `make run`:
# `make test-install`):
#   - the binary, the bash and zsh completions and the man page land where they belong;
#   - the installed binary, run from a temporary folder far from the project (no Templates/
#     there), builds Inputs/ into outputs byte-identical to `make run`'s Output/ (.cache aside);
#   - its --version names the built-in templates and their fingerprint;
#   - bash loads the completion script (and completes the subcommands), zsh finds its own in
#     site-functions, and the man page has every command and renders without a roff warning
#     (zsh and groff installed through install-packages.sh install-check when missing);
#   - make uninstall removes exactly what make install put there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
prefix="$(mktemp -d)"
away="$(mktemp -d)"
trap 'rm -rf "$prefix" "$away"' EXIT
failures=0
pass() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# The reference: make run into a fresh folder (a second build into Output/ would compare with the
# first in changes.json, which a first build of the installed tool does not).
ref="$away/make-run"
make run OUTPUT="$ref"
make install PREFIX="$prefix"
installed=(bin/plan-assembler share/bash-completion/completions/plan-assembler share/zsh/site-functions/_plan-assembler
  share/man/man1/plan-assembler.1)
for f in "${installed[@]}"; do
  [ -s "$prefix/$f" ] && pass "installed $f" || fail "missing $f"
done
[ "$(cd "$prefix" && find . -type f | sort)" = "$(printf './%s\n' "${installed[@]}" | sort)" ] \
  && pass "nothing else installed" || { fail "other files installed:"; (cd "$prefix" && find . -type f) >&2; }

echo "== the installed binary, from $away"
cd "$away"
[ ! -e Templates ] || fail "$away has a Templates folder"
status=0
"$prefix/bin/plan-assembler" build "$root/Inputs" --out "$away/out" --quiet 2>"$away/stderr" || status=$?
[ $status = 0 ] && pass "build exits 0" || { fail "build exits $status"; cat "$away/stderr" >&2; }
[ ! -s "$away/stderr" ] && pass "nothing on stderr (built-in templates, no note)" || { fail "stderr:"; cat "$away/stderr" >&2; }
# What build writes (Output/ may hold other targets' products too: conformance/, preview/ …).
products=(master-plan.docx master-plan-outline.docx master-plan.json report.html changes.json drafts feedback)
[ "$(cd "$away/out" && ls -A | grep -vx .cache | sort)" = "$(printf '%s\n' "${products[@]}" | sort)" ] \
  || fail "the build wrote other files: $(cd "$away/out" && ls -A | tr '\n' ' ')"
status=0
for product in "${products[@]}"; do
  diff -r "$ref/$product" "$away/out/$product" >>"$away/diff" 2>&1 || status=1
done
if [ $status = 0 ]; then
  pass "outputs byte-identical to make run's ($(cd "$away/out" && find . -path ./.cache -prune -o -type f -print | wc -l) files)"
else
  fail "outputs differ from make run's:"; head -20 "$away/diff" >&2
fi
version="$("$prefix/bin/plan-assembler" --version)"
echo "$version" | sed 's/^/    /'
echo "$version" | grep -Eq '^plan-assembler [0-9]+\.[0-9]+\.[0-9]+$' && pass "--version names the tool version" || fail "--version: no version line"
echo "$version" | grep -Eq '^templates: built-in, fingerprint [0-9a-f]{16}$' && pass "--version names the built-in templates and their fingerprint" || fail "--version: no templates line"
cd "$root"

echo "== completions and man page"
bash -c "source '$prefix/share/bash-completion/completions/plan-assembler' && complete -p plan-assembler" >"$away/complete" 2>&1 \
  && pass "bash loads the completion: $(cat "$away/complete")" || { fail "bash cannot load the completion"; cat "$away/complete" >&2; }
words="$(bash -c "source '$prefix/share/bash-completion/completions/plan-assembler'
  COMP_WORDS=(plan-assembler ''); COMP_CWORD=1; COMP_LINE='plan-assembler '; COMP_POINT=\${#COMP_LINE}
  \$(complete -p plan-assembler | sed 's/.*-F \([^ ]*\).*/\1/') plan-assembler '' plan-assembler; echo \"\${COMPREPLY[*]}\"" 2>/dev/null || true)"
for sub in build watch check extract dump templates; do
  [[ " $words " == *" $sub "* ]] || { fail "bash completion lacks $sub (got: $words)"; continue; }
done
[[ " $words " == *" templates "* ]] && pass "bash completes the subcommands: $words"
bash scripts/install-packages.sh install-check
grep -q '^#compdef plan-assembler' "$prefix/share/zsh/site-functions/_plan-assembler" && pass "zsh completion is a #compdef file" || fail "zsh completion has no #compdef line"
if zsh -fc "fpath=('$prefix/share/zsh/site-functions' \$fpath); autoload -Uz compinit && compinit -u -D -d '$away/zcompdump' \
    && [[ \${_comps[plan-assembler]} == _plan-assembler ]] && autoload -Uz _plan-assembler && (( \$+functions[_plan-assembler] ))" 2>"$away/zsh"; then
  pass "zsh finds the completion in site-functions and binds it to plan-assembler"
else
  fail "zsh does not load the completion:"; cat "$away/zsh" >&2
fi
man="$prefix/share/man/man1/plan-assembler.1"
for sub in build watch check extract dump "templates export" "templates list"; do
  grep -q "^\.SS \"plan\\\\-assembler ${sub//-/\\\\-}\"" "$man" || fail "man page lacks plan-assembler $sub"
done
pass "man page has a section per command"
if groff -k -man -Tutf8 -ww -z "$man" 2>"$away/groff"; [ ! -s "$away/groff" ]; then
  pass "the man page renders without a warning"
else
  fail "groff:"; cat "$away/groff" >&2
fi

echo "== make uninstall"
make uninstall PREFIX="$prefix"
left="$(cd "$prefix" && find . -type f)"
[ -z "$left" ] && pass "make uninstall removed every installed file" || { fail "left after uninstall:"; echo "$left" >&2; }

if [ $failures -gt 0 ]; then
  echo "check-install: $failures failure(s)" >&2
  exit 1
fi
echo "check-install: all passed"
