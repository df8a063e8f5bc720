#!/usr/bin/env python3
"""Benchmark harness: times whole processes side by side on the same files.

    python3 Tests/Benchmarks/bench.py [--sizes 35,200,1000] [--runs 3] [--slow-runs 1]
                                      [--large-paragraphs 60000] [--work .build/bench]
                                      [--update-readme]

Generates the inputs with generate.py (fixed seed, cached in --work), builds
the C floor, then measures (wall time of the whole process, median of the
runs; peak RSS = GNU time %M of the process, the largest over runs or over
the processes of a series):

  A. the large draft (~60,000 paragraphs): our reader (`dump --format text`),
     the C floor, pandoc -f docx -t plain, python-docx;
  B. 200 small drafts, one process per draft (sequential), same four readers,
     plus our reader and the floor with all 200 files in one process;
  C. `build` on each size of --sizes (cold: empty output folder each run),
     time per draft, peak RSS; and a rebuild into the same output folder after
     one draft changed.

pandoc and python-docx are slow: they run --slow-runs times (default 1).
Missing tools are reported as "not installed" and skipped. Nothing here is a
test: it never fails on a missed target, it reports it.
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import generate  # noqa: E402

README = os.path.join(HERE, "README.md")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
RSS_FILE = os.path.join("/tmp", f"plan-assembler-bench-rss-{os.getpid()}")


def run_once(cmd, cwd=None):
    """Wall time (s) and peak RSS (KiB) of one process; stdout discarded.
    Peak RSS comes from GNU time (-f %M): ru_maxrss seen by os.wait4 from
    Python includes the forking Python's own RSS (~14 MB), which would hide
    small programs; os.wait4 is the fallback when /usr/bin/time is missing."""
    full = [GNU_TIME, "-f", "%M", "-o", RSS_FILE, *cmd] if GNU_TIME else cmd
    with open(os.devnull, "wb") as devnull:
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=devnull, stderr=subprocess.PIPE, cwd=cwd)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    rss = ru.ru_maxrss
    if GNU_TIME:
        try:
            rss = int(open(RSS_FILE).read().strip().splitlines()[-1])
        except (OSError, ValueError, IndexError):
            pass
    if p.returncode != 0:
        log(f"  ! exit {p.returncode}: {' '.join(cmd)[:200]}\n    {err.decode(errors='replace')[-400:]}")
    return dt, rss


def measure(cmds_per_run, runs, before=None):
    """cmds_per_run: list of commands run one after another as one 'run'
    (a series of processes). Returns median seconds, max peak RSS KiB, all times."""
    times, peak = [], 0
    for _ in range(runs):
        if before:
            before()
        total = 0.0
        for cmd in cmds_per_run:
            dt, rss = run_once(cmd)
            total += dt
            peak = max(peak, rss)
        times.append(total)
    return {"median": statistics.median(times), "times": times, "rss_kib": peak, "runs": runs}


def have(cmd):
    return shutil.which(cmd) is not None


def have_python_docx():
    return subprocess.run([sys.executable, "-c", "import docx"], capture_output=True).returncode == 0


def build_floor(work):
    src = os.path.join(HERE, "floor", "floor.c")
    exe = os.path.join(work, "floor")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip", "libxml-2.0"],
                               capture_output=True, text=True, check=True).stdout.split()
        subprocess.run(["cc", "-O2", src, *flags, "-o", exe], check=True)
    return exe


def ensure_drafts(work, n, seed):
    d = os.path.join(work, f"drafts-{n}")
    stamp = os.path.join(d, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(d, ignore_errors=True)
        log(f"generating {n} drafts into {d}")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "drafts", str(n), d,
                        "--seed", str(seed)], check=True)
        open(stamp, "w").close()
    return d, sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".docx"))


def ensure_large(work, paragraphs, seed):
    path = os.path.join(work, f"large-{paragraphs}.docx")
    if not os.path.exists(path):
        log(f"generating the large draft ({paragraphs} paragraphs) {path}")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "large", path,
                        "--paragraphs", str(paragraphs), "--seed", str(seed)], check=True)
    return path


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def fmt_mb(kib):
    return f"{kib / 1024:.0f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "plan-assembler"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"))
    ap.add_argument("--sizes", default="35,200,1000", help="build sizes, e.g. 35,200,1000,10000")
    ap.add_argument("--small", type=int, default=200, help="drafts read one process each")
    ap.add_argument("--large-paragraphs", type=int, default=60000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slow-runs", type=int, default=1, help="runs of pandoc and python-docx")
    ap.add_argument("--build-runs-large", type=int, default=1, help="runs of build for sizes >= 1000")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--skip", default="", help="comma list of: large,small,build,pandoc,pydocx")
    ap.add_argument("--update-readme", action="store_true")
    args = ap.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    os.makedirs(args.work, exist_ok=True)
    ours = os.path.abspath(args.bin)
    if not os.path.exists(ours):
        sys.exit(f"no {ours}: run `swift build -c release --product plan-assembler` first")
    floor = build_floor(args.work)
    pydocx = [sys.executable, os.path.join(HERE, "pydocx_text.py")]
    readers = {
        "plan-assembler dump": lambda files: [ours, "dump", "--format", "text", *files],
        "C floor (libzip+xmlTextReader)": lambda files: [floor, *files],
    }
    if "pandoc" not in skip:
        if have("pandoc"):
            readers["pandoc -t plain"] = lambda files: ["pandoc", "-f", "docx", "-t", "plain", *files]
        else:
            log("pandoc not installed: skipped")
    if "pydocx" not in skip:
        if have_python_docx():
            readers["python-docx"] = lambda files: [*pydocx, *files]
        else:
            log("python-docx not installed: skipped")
    slow = {"pandoc -t plain", "python-docx"}
    results = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "cores": os.cpu_count(), "runs": args.runs, "slow_runs": args.slow_runs,
               "large": {}, "small": {}, "build": {}}

    # A. the large draft
    if "large" not in skip:
        large = ensure_large(args.work, args.large_paragraphs, args.seed)
        results["large_file"] = {"paragraphs": args.large_paragraphs, "bytes": os.path.getsize(large)}
        for name, mk in readers.items():
            runs = args.slow_runs if name in slow else args.runs
            log(f"A. large draft: {name} x{runs}")
            results["large"][name] = measure([mk([large])], runs)

    # B. small drafts, one process each (pandoc takes one document per process anyway)
    if "small" not in skip:
        _, files = ensure_drafts(args.work, args.small, args.seed)
        results["small_n"] = len(files)
        for name, mk in readers.items():
            runs = args.slow_runs if name in slow else args.runs
            log(f"B. {len(files)} drafts one process each: {name} x{runs}")
            results["small"][name] = measure([mk([f]) for f in files], runs)
        for name in ("plan-assembler dump", "C floor (libzip+xmlTextReader)"):
            log(f"B. {len(files)} drafts in one process: {name} x{args.runs}")
            results["small"][name + " (one process)"] = measure([readers[name](files)], args.runs)

    # C. build
    if "build" not in skip:
        for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
            d, files = ensure_drafts(args.work, n, args.seed)
            out = os.path.join(args.work, f"out-{n}")
            runs = args.build_runs_large if n >= 1000 else args.runs
            log(f"C. build {n} drafts x{runs} (cold)")
            r = measure([[ours, "build", d, "--out", out, "--quiet"]], runs,
                        before=lambda: shutil.rmtree(out, ignore_errors=True))
            r["per_draft_ms"] = r["median"] / n * 1000
            # floor reading all of them in one process, for the "within 2x" target
            f = measure([[floor, *files]], runs)
            r["floor_all_s"] = f["median"]
            # rebuild after one draft changed (same output folder)
            changed = files[len(files) // 2]
            # the original waits outside the drop folder (a stray file in it would be read too)
            backup = os.path.join(args.work, "changed-original.docx")
            shutil.copy2(changed, backup)
            try:
                idx = int(os.path.basename(changed).split("-", 1)[0]) - 1
                tmpdir = os.path.join(args.work, "tmp-one")
                shutil.rmtree(tmpdir, ignore_errors=True)
                os.makedirs(tmpdir)
                path, _ = generate.make_draft(tmpdir, idx, args.seed + 1, generate.load_topics())
                # keep the original file name so the same draft is "changed"
                shutil.move(path, changed)
                log(f"C. build {n} drafts: rebuild after one draft changed")
                inc = measure([[ours, "build", d, "--out", out, "--quiet"]], 1)
                r["rebuild_one_changed_s"] = inc["median"]
            finally:
                shutil.move(backup, changed)
                shutil.rmtree(os.path.join(args.work, "tmp-one"), ignore_errors=True)
            results["build"][str(n)] = r

    with open(os.path.join(args.work, "results.json"), "w") as fh:
        json.dump(results, fh, indent=1, ensure_ascii=False)
    table = render(results)
    print(table)
    if args.update_readme and os.path.exists(README):
        text = open(README, encoding="utf-8").read()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            open(README, "w", encoding="utf-8").write(head + BEGIN + "\n" + table + "\n" + END + tail)
            log(f"updated {README}")


def render(res):
    out = [f"Measured {res['date']}, {res['cores']} cores (shared), median of {res['runs']} runs "
           f"({res['slow_runs']} for pandoc and python-docx); peak RSS = largest maximum resident set size (GNU time %M).", ""]
    ours_name, floor_name = "plan-assembler dump", "C floor (libzip+xmlTextReader)"
    if res["large"]:
        lf = res.get("large_file", {})
        out += [f"**A. One large draft** ({lf.get('paragraphs', '?')} paragraphs, {lf.get('bytes', 0) / 1e6:.1f} MB DOCX)", "",
                "| reader | time (s) | × floor | ours is × faster | peak RSS (MB) |", "|---|---:|---:|---:|---:|"]
        fl = res["large"].get(floor_name, {}).get("median")
        ou = res["large"].get(ours_name, {}).get("median")
        for name, r in res["large"].items():
            out.append(f"| {name} | {fmt_s(r['median'])} | {r['median'] / fl:.2f} | "
                       f"{r['median'] / ou:.1f} | {fmt_mb(r['rss_kib'])} |")
        out.append("")
    if res["small"]:
        n = res.get("small_n")
        out += [f"**B. {n} small drafts**", "",
                "| reader | total (s) | per draft (ms) | × floor | ours is × faster | peak RSS (MB) |", "|---|---:|---:|---:|---:|---:|"]
        fl = res["small"].get(floor_name, {}).get("median")
        ou = res["small"].get(ours_name, {}).get("median")
        fl1 = res["small"].get(floor_name + " (one process)", {}).get("median")
        ou1 = res["small"].get(ours_name + " (one process)", {}).get("median")
        for name, r in res["small"].items():
            one = name.endswith("(one process)")
            base_f, base_o = (fl1, ou1) if one else (fl, ou)
            label = name if one else name + " (one process per draft)"
            out.append(f"| {label} | {fmt_s(r['median'])} | {r['median'] / n * 1000:.1f} | {r['median'] / base_f:.2f} | "
                       f"{r['median'] / base_o:.1f} | {fmt_mb(r['rss_kib'])} |")
        out.append("")
    if res["build"]:
        out += ["**C. `build` (cold: empty output folder)**", "",
                "| drafts | runs | build (s) | per draft (ms) | peak RSS (MB) | floor reading all, one process (s) | build × floor | rebuild after one draft changed (s) | rebuild / cold |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for n, r in res["build"].items():
            inc = r.get("rebuild_one_changed_s")
            out.append(f"| {n} | {r['runs']} | {fmt_s(r['median'])} | {r['per_draft_ms']:.1f} | {fmt_mb(r['rss_kib'])} | "
                       f"{fmt_s(r['floor_all_s'])} | {r['median'] / r['floor_all_s']:.1f} | "
                       f"{fmt_s(inc) if inc else '-'} | {inc / r['median'] * 100 if inc else 0:.0f}% |")
        out.append("")
    out += targets(res)
    return "\n".join(out)


def targets(res):
    """The targets of issue 7, checked against this run's figures."""
    ours_name, floor_name = "plan-assembler dump", "C floor (libzip+xmlTextReader)"
    rows = []

    def row(target, figure, ok):
        rows.append(f"| {target} | {figure} | {'met' if ok else '**missed**'} |")
    L, S, B = res["large"], res["small"], res["build"]
    if ours_name in L and floor_name in L:
        r = L[ours_name]["median"] / L[floor_name]["median"]
        row("reader within 1.5× of the floor: large draft", f"{r:.2f}×", r <= 1.5)
    if ours_name in S and floor_name in S:
        r = S[ours_name]["median"] / S[floor_name]["median"]
        row("reader within 1.5× of the floor: 200 drafts, one process each", f"{r:.2f}×", r <= 1.5)
        k = ours_name + " (one process)"
        r = S[k]["median"] / S[floor_name + " (one process)"]["median"]
        row("reader within 1.5× of the floor: 200 drafts, one process", f"{r:.2f}×", r <= 1.5)
    for other in ("pandoc -t plain", "python-docx"):
        if other in L and ours_name in L:
            r = L[other]["median"] / L[ours_name]["median"]
            row(f"≥ 20× faster than {other} on the large draft", f"{r:.1f}×", r >= 20)
    if "200" in B:
        b = B["200"]
        r = b["median"] / b["floor_all_s"]
        row("build of 200 drafts within 2× of the floor reading them all", f"{r:.1f}× ({fmt_s(b['median'])} s vs {fmt_s(b['floor_all_s'])} s)", r <= 2)
    sizes = sorted(int(n) for n in B)
    if len(sizes) >= 2:
        per = [B[str(n)]["per_draft_ms"] for n in sizes]
        # linear: the time per draft does not grow with N (it may shrink: fixed start-up cost)
        growth = per[-1] / min(per)
        row("build linear in the number of drafts (time per draft does not grow)",
            " / ".join(f"{n}: {p:.1f} ms" for n, p in zip(sizes, per)), growth <= 1.25)
    if "10000" in B:
        mb = B["10000"]["rss_kib"] / 1024
        row("10,000 drafts under 512 MB peak RSS", f"{mb:.0f} MB", mb < 512)
    else:
        rows.append("| 10,000 drafts under 512 MB peak RSS | not run (BENCH_SIZES=…,10000) | - |")
    inc = [(n, B[n]) for n in B if B[n].get("rebuild_one_changed_s")]
    for n, b in inc:
        r = b["rebuild_one_changed_s"] / b["median"]
        row(f"rebuild after one change under 10% of cold ({n} drafts)", f"{r * 100:.0f}%", r < 0.10)
    if not rows:
        return []
    return ["**Targets (issue 7), this run**", "", "| target | figure | |", "|---|---|---|", *rows, ""]


if __name__ == "__main__":
    main()
