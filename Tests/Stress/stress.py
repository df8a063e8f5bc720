#!/usr/bin/env python3
"""Stress test of one output folder (issue 15): two `build`s and one `watch` write the same
output folder at the same time while drafts are copied in, replaced (in place, half-written
for a moment, or by rename), renamed to clashing names and deleted underneath them, and
SIGKILLs hit the three processes at random moments. Then everything settles (two final
normal builds) and the output folder must be byte-identical (`diff -r`, `.cache` excluded) to
a cold build of the final drop folder into a fresh folder (built twice, so that both hold a
"nothing changed" changes.json); no staging folder, temporary file or backup may be left in
the output folder (its `.cache` included) or the drop folder; the output folder's lock must
be free.

The random choices (what to copy, replace, delete, whom to kill, when) come from one seed,
printed first: `--seed N` repeats them (the timing of the processes themselves cannot be).

    python3 Tests/Stress/stress.py [--bin .build/release/plan-assembler] [--seed N] [--seconds 45]

Exit status 0 when everything held, 1 with the reasons otherwise.
"""

import argparse
import fcntl
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LEFTOVER_PREFIXES = (".staging-", ".tmp-", ".previous-")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build/release/plan-assembler"))
    parser.add_argument("--inputs", default=os.path.join(ROOT, "Inputs"))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=45.0, help="how long the chaos lasts")
    parser.add_argument("--templates", default=None, help="passed on as --templates (a binary without built-in templates)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument(
        "--reference", default=None,
        help="compare with this folder instead of a cold build (to check that the test can fail)")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 2**31)
    print(f"stress: seed {seed} (repeat with --seed {seed})", flush=True)
    rng = random.Random(seed)
    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        sys.exit(f"stress: no binary at {binary} (make build first)")

    pool = sorted(n for n in os.listdir(args.inputs) if n.endswith(".docx") and not n.startswith("."))
    scratch = tempfile.mkdtemp(prefix="plan-stress-")
    drop, out, cold = (os.path.join(scratch, n) for n in ("drop", "out", "cold"))
    os.mkdir(drop)
    # The processes run outside the checkout: the built-in templates, no ./Templates.
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    extra = ["--templates", os.path.abspath(args.templates)] if args.templates else []
    failures = []
    lock = threading.Lock()

    def fail(message):
        with lock:
            failures.append(message)
        print(f"stress: FAIL {message}", flush=True)

    def source(name):
        with open(os.path.join(args.inputs, name), "rb") as f:
            return f.read()

    # The drop folder starts with a dozen drafts.
    for name in rng.sample(pool, 12):
        shutil.copyfile(os.path.join(args.inputs, name), os.path.join(drop, name))

    stop = threading.Event()
    procs = {}  # role -> Popen
    counts = {"builds": 0, "killed": 0, "mutations": 0, "watch-starts": 0, "json-reads": 0}

    def run_build(role):
        """One builder: builds again and again until stopped; killed runs start over."""
        while not stop.is_set():
            p = subprocess.Popen([binary, "build", drop, "--out", out, "--quiet"] + extra, cwd=scratch, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            with lock:
                procs[role] = p
            _, err = p.communicate()
            with lock:
                procs.pop(role, None)
                counts["builds"] += 1
            # 0: built; 1: a draft was rejected (half-copied at that moment); -9: killed.
            if p.returncode not in (0, 1, -signal.SIGKILL):
                fail(f"{role}: exit status {p.returncode}: {err.decode(errors='replace')[-2000:]}")

    def run_watch():
        while not stop.is_set():
            p = subprocess.Popen([binary, "watch", drop, "--out", out, "--settle", "0.3", "--interval", "0.3"] + extra,
                                 cwd=scratch, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            with lock:
                procs["watch"] = p
                counts["watch-starts"] += 1
            _, err = p.communicate()
            with lock:
                procs.pop("watch", None)
            if p.returncode not in (-signal.SIGKILL, -signal.SIGINT, 0):
                fail(f"watch: exit status {p.returncode}: {err.decode(errors='replace')[-2000:]}")

    def mutate():
        """Copies, replaces, renames and deletes drafts, with the seeded choices."""
        while not stop.is_set():
            time.sleep(rng.uniform(0.05, 0.8))
            present = sorted(os.listdir(drop))
            action = rng.choice(["copy", "copy", "replace-in-place", "replace-rename", "half-copy", "clash", "delete"])
            if len(present) <= 4:
                action = "copy"
            elif len(present) >= 20:
                action = "delete"
            name = rng.choice(pool)
            target_name = rng.choice(present) if action in ("replace-in-place", "replace-rename", "half-copy", "delete") else name
            target = os.path.join(drop, target_name)
            try:
                if action == "copy":
                    with open(target, "wb") as f:
                        f.write(source(name))
                elif action == "replace-in-place":
                    with open(target, "wb") as f:
                        f.write(source(name))
                elif action == "replace-rename":
                    temporary = os.path.join(scratch, "incoming")
                    with open(temporary, "wb") as f:
                        f.write(source(name))
                    os.rename(temporary, target)
                elif action == "half-copy":
                    # A slow copy over the network: half the bytes, a pause, the rest.
                    data = source(name)
                    with open(target, "wb") as f:
                        f.write(data[: len(data) // 2])
                        f.flush()
                        time.sleep(rng.uniform(0.05, 0.6))
                        f.write(data[len(data) // 2:])
                elif action == "clash":
                    # The same name with another extension's case: 同名.docx and 同名.DOCX.
                    stem = name[: -len(".docx")]
                    with open(os.path.join(drop, stem + rng.choice([".DOCX", ".Docx"])), "wb") as f:
                        f.write(source(rng.choice(pool)))
                elif action == "delete":
                    os.unlink(target)
            except FileNotFoundError:
                pass
            with lock:
                counts["mutations"] += 1

    def kill():
        """SIGKILLs one of the three processes at random moments."""
        while not stop.is_set():
            time.sleep(rng.uniform(0.2, 2.0))
            role = rng.choice(["build-1", "build-2", "watch"])
            with lock:
                p = procs.get(role)
            if p is not None and p.poll() is None:
                try:
                    p.send_signal(signal.SIGKILL)
                    with lock:
                        counts["killed"] += 1
                except ProcessLookupError:
                    pass

    def sample():
        """The published master-plan.json is always whole (it is replaced by rename)."""
        while not stop.is_set():
            time.sleep(0.1)
            path = os.path.join(out, "master-plan.json")
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except FileNotFoundError:
                continue
            try:
                json.loads(data)
                with lock:
                    counts["json-reads"] += 1
            except ValueError as e:
                fail(f"master-plan.json read during the run is not whole JSON ({len(data)} bytes): {e}")

    threads = [threading.Thread(target=t, args=a, daemon=True) for t, a in [
        (run_build, ("build-1",)), (run_build, ("build-2",)), (run_watch, ()), (mutate, ()), (kill, ()), (sample, ())]]
    started = time.time()
    for t in threads:
        t.start()
    time.sleep(args.seconds)
    stop.set()
    # The watch is stopped; the builders finish the build they are in (or are killed when late).
    with lock:
        watch = procs.get("watch")
    if watch is not None:
        watch.send_signal(signal.SIGKILL)
    for t in threads:
        t.join(timeout=60)
        if t.is_alive():
            with lock:
                for p in procs.values():
                    p.kill()
            t.join(timeout=10)
    print(f"stress: {time.time() - started:.0f} s of chaos: {counts['builds']} builds, {counts['watch-starts']} watch starts, "
          f"{counts['killed']} SIGKILLs, {counts['mutations']} changes to the drop folder, "
          f"{counts['json-reads']} whole master-plan.json reads; {len(os.listdir(drop))} files in the drop folder at the end",
          flush=True)

    def build(folder, what):
        r = subprocess.run([binary, "build", drop, "--out", folder] + extra, cwd=scratch, env=env, capture_output=True, timeout=300)
        if r.returncode not in (0, 1):
            fail(f"{what}: exit status {r.returncode}: {r.stderr.decode(errors='replace')[-2000:]}")
        return r.returncode

    # Settling: a normal build (which meets whatever the killed runs left), then a second one,
    # so that changes.json says "nothing changed" as it does on the cold folder's rebuild.
    settled = [build(out, "settling build"), build(out, "second settling build")]
    coldest = [build(cold, "cold build"), build(cold, "cold rebuild")]
    if settled != coldest:
        fail(f"exit statuses {settled} after the chaos, {coldest} cold")
    reference = args.reference or cold
    diff = subprocess.run(["diff", "-r", "-q", "-x", ".cache", reference, out], capture_output=True, text=True)
    if diff.returncode != 0:
        fail(f"outputs differ from a cold build of the same drop folder:\n{diff.stdout}{diff.stderr}")
    else:
        files = sum(len(f) for _, _, f in os.walk(out))
        print(f"stress: outputs identical to the cold build ({files} files, .cache excluded from the comparison)", flush=True)

    # Nothing half-done left behind: no staging folder, temporary file or backup anywhere in
    # the output folder (its .cache too), nothing of the tool's in the drop folder.
    for folder in (out, drop):
        for directory, subdirs, names in os.walk(folder):
            for name in subdirs + names:
                if name.startswith(LEFTOVER_PREFIXES):
                    fail(f"left behind: {os.path.relpath(os.path.join(directory, name), scratch)}")
    for name in os.listdir(drop):
        if not name.lower().endswith(".docx"):
            fail(f"the drop folder holds {name!r}, which no one put there")
    # The lock is free: taken at once without waiting.
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
    except BlockingIOError:
        fail("the output folder's lock is still held after every process ended")
    finally:
        os.close(fd)
    with lock:
        alive = [role for role, p in procs.items() if p.poll() is None]
    if alive:
        fail(f"still running: {alive}")

    if failures:
        print(f"stress: {len(failures)} failure(s), seed {seed}; scratch folder kept: {scratch}", flush=True)
        sys.exit(1)
    if not args.keep:
        shutil.rmtree(scratch, ignore_errors=True)
    else:
        print(f"stress: scratch folder {scratch}")
    print(f"stress: held (seed {seed})", flush=True)


if __name__ == "__main__":
    main()
