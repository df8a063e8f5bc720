#!/usr/bin/env python3
"""Interleaved paired runs of two (or more) plan-assembler binaries against the C floor.

    python3 Tests/Benchmarks/paired.py MODE RUNS BIN [BIN ...]

Each round runs the C floor once, then every BIN once, so a busy machine slows them alike;
prints medians of wall and CPU (user + sys of the process) seconds and their ratios to the
floor of the same rounds. Inputs are those of bench.py in .build/bench (run `make bench` or
bench.py once to generate them and the floor). MODE:

  cold200, cold1000  build of the 200/1000-draft folder into an empty output folder;
  rebuild200         build again into the same output folder, nothing changed;
  one200             one draft's bytes replaced (alternately) before each build;
  dump               dump --format text of the large draft.

Outputs go to /tmp/paired-<i> (one folder per BIN). Nothing here is a test.
"""
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402

WORK = os.path.join(HERE, "..", "..", ".build", "bench")


def timed(cmd):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    mode, runs, bins = sys.argv[1], int(sys.argv[2]), [os.path.abspath(b) for b in sys.argv[3:]]
    floor = os.path.join(WORK, "floor")
    n = 1000 if mode == "cold1000" else 200
    drop = os.path.join(WORK, f"drafts-{n}")
    files = sorted(glob.glob(os.path.join(drop, "*.docx")))
    large = os.path.join(WORK, "large-60000.docx")
    if not os.path.exists(floor) or not files or (mode == "dump" and not os.path.exists(large)):
        sys.exit("inputs missing: run `make bench` (or bench.py) once first")
    floor_cmd = [floor, large] if mode == "dump" else [floor, *files]
    outs = [f"/tmp/paired-{i}" for i in range(len(bins))]

    victim = files[len(files) // 2]
    original = open(victim, "rb").read()
    changed = None
    if mode == "one200":
        tmp = "/tmp/paired-alt"
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        idx = int(os.path.basename(victim).split("-", 1)[0]) - 1
        path, _ = generate.make_draft(tmp, idx, 2026, generate.load_topics())
        changed = open(path, "rb").read()
        shutil.rmtree(tmp, ignore_errors=True)
    if mode in ("rebuild200", "one200"):
        for b, out in zip(bins, outs):
            shutil.rmtree(out, ignore_errors=True)
            subprocess.run([b, "build", drop, "--out", out, "--quiet"], check=True)

    results = {b: [] for b in bins}
    floors = []
    try:
        for r in range(runs):
            floors.append(timed(floor_cmd))
            for b, out in zip(bins, outs):
                if mode == "dump":
                    cmd = [b, "dump", "--format", "text", large]
                else:
                    cmd = [b, "build", drop, "--out", out, "--quiet"]
                    if mode.startswith("cold"):
                        shutil.rmtree(out, ignore_errors=True)
                    if mode == "one200":
                        open(victim, "wb").write(changed if r % 2 == 0 else original)
                results[b].append(timed(cmd))
    finally:
        open(victim, "wb").write(original)

    fw = statistics.median(x[0] for x in floors)
    fc = statistics.median(x[1] for x in floors)
    print(f"[{mode}, {runs} rounds] C floor: wall {fw:.3f} s, cpu {fc:.3f} s")
    for b in bins:
        w = statistics.median(x[0] for x in results[b])
        c = statistics.median(x[1] for x in results[b])
        print(f"  {b}: wall {w:.3f} s = {w / fw:.2f}x floor; cpu {c:.3f} s = {c / fc:.2f}x floor; "
              f"walls {[round(x[0], 2) for x in results[b]]}")


if __name__ == "__main__":
    main()
