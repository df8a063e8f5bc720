#!/usr/bin/env bash
# Builds the reader's libFuzzer targets (Fuzz/, a separate SwiftPM package) with
# -sanitize=fuzzer,address and runs them one after the other for SECONDS in total, split
# 40/30/30 between fuzz-docx, fuzz-document-xml and fuzz-parts. See Fuzz/README.md.
#
#   scripts/fuzz.sh [SECONDS]        default: $FUZZ_SECONDS, else 600
#
# Seeds are made at run time, in a temporary directory outside the repository, from Inputs/*.docx
# and a sample of $CORPUS (default ../shared/corpus): docx/ (FUZZ_SAMPLE files, default 150)
# and hostile/. Everything found goes under Output/fuzz/ (gitignored):
#   corpus/<target>/     the growing corpus, reused by the next run
#   artifacts/<target>/  crash-*, leak-*, oom-*, timeout-* inputs (libFuzzer's names)
#   logs/<target>-<time>.log, runs.tsv (one line per target and run: the time ledger)
# Env: FUZZ_TARGETS (a subset, space-separated), FUZZ_SAMPLE, CORPUS, SWIFT, ASAN_OPTIONS.
# One fuzzing process at a time (the machine's cores are shared).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
total=${1:-${FUZZ_SECONDS:-600}}
[[ $total =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]" >&2; exit 2; }
swift=${SWIFT:-swift}
corpus_root=${CORPUS:-$root/../shared/corpus}
out=$root/Output/fuzz
scratch=$root/.build-fuzz
targets=(${FUZZ_TARGETS:-fuzz-docx fuzz-document-xml fuzz-parts})

declare -A weight=([fuzz-docx]=4 [fuzz-document-xml]=3 [fuzz-parts]=3)
declare -A max_len=([fuzz-docx]=131072 [fuzz-document-xml]=65536 [fuzz-parts]=131072)
declare -A dict=([fuzz-docx]=$root/Fuzz/zip.dict [fuzz-document-xml]=$root/Fuzz/wordml.dict [fuzz-parts]=$root/Fuzz/wordml.dict)
for t in "${targets[@]}"; do
  [[ -n ${weight[$t]:-} ]] || { echo "fuzz: unknown target $t" >&2; exit 2; }
done

# The Swift runtime's crash backtracer would hold the crashing process (and this script) for
# its own timeout; libFuzzer and ASan report crashes themselves.
export SWIFT_BACKTRACE=enable=no
# A small ASan quarantine, so that -rss_limit_mb measures the reader, not freed memory held back.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=32:malloc_context_size=8:detect_leaks=1}

mkdir -p "$out/logs"
echo "fuzz: building Fuzz/ (release, -sanitize=fuzzer,address) into .build-fuzz"
build_log=$out/logs/build.log
if ! "$swift" build -c release --package-path "$root/Fuzz" --scratch-path "$scratch" \
     -Xswiftc -sanitize=fuzzer,address >"$build_log" 2>&1; then
  grep -v 'Cannot export local symbol' "$build_log" | tail -30 >&2
  echo "fuzz: build failed (full log: $build_log)" >&2
  exit 1
fi
bin=$("$swift" build -c release --package-path "$root/Fuzz" --scratch-path "$scratch" --show-bin-path)

seeds=$(mktemp -d "${TMPDIR:-/tmp}/plan-assembler-fuzz-seeds.XXXXXX")
trap 'rm -rf "$seeds"' EXIT
python3 "$root/Fuzz/seeds.py" --inputs "$root/Inputs" --corpus "$corpus_root" --out "$seeds" --sample "${FUZZ_SAMPLE:-150}"
for t in "${targets[@]}"; do
  mkdir -p "$seeds/$t" "$out/corpus/$t" "$out/artifacts/$t"
  PLAN_FUZZ_WRITE_SEEDS="$seeds/$t" "$bin/$t"  # the target's built-in seeds (the fixed package)
done

sum=0
for t in "${targets[@]}"; do sum=$((sum + weight[$t])); done
ledger=$out/runs.tsv
[[ -f $ledger ]] || printf 'started_utc\ttarget\twall_seconds\texecs\tcov\tft\tcorpus_units\tfindings\n' >"$ledger"
summary=()
for t in "${targets[@]}"; do
  seconds=$((total * weight[$t] / sum))
  ((seconds >= 5)) || seconds=5
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  log=$out/logs/$t-$stamp.log
  marker=$(mktemp "$seeds/marker.XXXXXX")
  echo "fuzz: $t for ${seconds}s (log: ${log#$root/})"
  start=$(date +%s.%N)
  deadline=$(( $(date +%s) + seconds ))
  execs=0 runs=0
  while :; do
    remaining=$((deadline - $(date +%s)))
    ((remaining >= 5 && runs < 20)) || break
    runs=$((runs + 1))
    status=0
    "$bin/$t" "$out/corpus/$t" "$seeds/$t" -max_total_time="$remaining" -timeout=5 -rss_limit_mb=512 \
      -max_len="${max_len[$t]}" -dict="${dict[$t]}" -artifact_prefix="$out/artifacts/$t/" \
      -print_final_stats=1 >>"$log" 2>&1 || status=$?
    n=$(grep -a 'stat::number_of_executed_units' "$log" | tail -1 | awk '{print $2}' || true)
    # A crash ends the run without final stats: count the last status line's executions.
    [[ $status == 0 ]] || n=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    execs=$((execs + ${n:-0}))
    [[ $status == 0 ]] && break
    echo "fuzz: $t stopped with status $status (a finding, see below); restarting for the remaining time"
  done
  wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
  last=$(grep -aE 'cov: [0-9]+' "$log" | tail -1 || true)
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$last")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$last")
  units=$(find "$out/corpus/$t" -type f | wc -l)
  findings=$(find "$out/artifacts/$t" -type f -newer "$marker" | sort)
  nfind=$(grep -c . <<<"$findings" || true)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$stamp" "$t" "$wall" "$execs" "${cov:-?}" "${ft:-?}" "$units" "$nfind" >>"$ledger"
  summary+=("$(printf '%-18s %6ss %10s execs   cov %-6s ft %-7s corpus %-6s findings %s' "$t" "$wall" "$execs" "${cov:-?}" "${ft:-?}" "$units" "$nfind")")
  [[ -z $findings ]] || while read -r f; do summary+=("    ${f#$root/}"); done <<<"$findings"
done

echo
echo "fuzz summary (this run)"
printf '  %s\n' "${summary[@]}"
echo "all runs so far (Output/fuzz/runs.tsv):"
awk -F'\t' 'NR > 1 { w[$2] += $3; e[$2] += $4; f[$2] += $8; all += $3 }
  END { for (t in w) printf "  %-18s %7d s %12d execs  %d findings\n", t, w[t], e[t], f[t]; printf "  total              %7d s\n", all }' "$ledger"
if find "$out/artifacts" -type f -newer "$build_log" | grep -q .; then
  echo "fuzz: findings in Output/fuzz/artifacts (replay: .build-fuzz/release/<target> FILE)" >&2
  exit 1
fi
