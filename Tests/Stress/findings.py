#!/usr/bin/env python3
"""The twelve findings of issue 15, each set up through the binary alone, in a scratch folder.

    python3 Tests/Stress/findings.py BIN [--templates DIR] [--only N,N]

Prints `finding N: held` or `finding N: FAILS (what happened)` for each, in the issue's
numbering (1 damaged cache, 2 names differing in extension, 3 --out = drop folder, 4 long name,
5 no lock, 6 watch never retries, 7 commit half-done and unreadable, 8 FIFO, 9 non-UTF-8 name,
10 dates compared as strings, 11 parallel versions, 12 escape sequences and Foundation dumps).
Exit status 1 when any fails. `--templates DIR` is passed on to every run (a binary from before
the templates were built in, e.g. the one of commit b2d93a8, needs it).
"""

import argparse
import fcntl
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INPUTS = os.path.join(ROOT, "Inputs")
DRAFT_A = "10-新材料领域科技发展规划（征求意见稿）.docx"
DRAFT_B = "17-卫生健康领域科技发展规划（修改稿）.docx"
DRAFT_C = "23.农业农村科技发展“十四五”规划.docx"


class Fails(Exception):
    pass


class Findings:
    def __init__(self, binary, templates, scratch):
        self.binary = binary
        self.extra = ["--templates", templates] if templates else []
        self.scratch = scratch
        self.env = dict(os.environ)
        self.env.pop("SOURCE_DATE_EPOCH", None)

    def folder(self, name):
        path = os.path.join(self.scratch, name)
        os.makedirs(path)
        return path

    @staticmethod
    def copy(draft, folder, name):
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        shutil.copyfile(os.path.join(INPUTS, draft), path)
        return path

    def run(self, *args, timeout=120, env=None):
        """Runs the binary: (status or None when it had to be killed, stdout, stderr)."""
        try:
            r = subprocess.run([self.binary, *args, *self.extra], cwd=self.scratch, env=env or self.env,
                               capture_output=True, timeout=timeout)
            return r.returncode, r.stdout.decode(errors="replace"), r.stderr.decode(errors="replace")
        except subprocess.TimeoutExpired as e:
            return None, (e.stdout or b"").decode(errors="replace"), (e.stderr or b"").decode(errors="replace")

    def build(self, drop, out, *more, timeout=120, env=None):
        return self.run("build", drop, "--out", out, *more, timeout=timeout, env=env)

    @staticmethod
    def plan(out):
        with open(os.path.join(out, "master-plan.json"), "rb") as f:
            return json.load(f)

    @staticmethod
    def tree(out, skip=(".cache",)):
        """Every file under `out` (but .cache) with its bytes."""
        files = {}
        for directory, subdirs, names in os.walk(out):
            subdirs[:] = [d for d in subdirs if d not in skip]
            for name in names:
                path = os.path.join(directory, name)
                with open(path, "rb") as f:
                    files[os.path.relpath(path, out)] = f.read()
        return files

    # 1. A damaged cache reaches the outputs and stays there.
    def finding_1(self):
        drop = self.folder("f1-drop")
        for d in (DRAFT_A, DRAFT_B, DRAFT_C):
            self.copy(d, drop, d)
        out, cold = os.path.join(self.scratch, "f1-out"), os.path.join(self.scratch, "f1-cold")
        self.build(drop, out)
        self.build(drop, cold, "--no-cache")
        reference = self.tree(cold)
        damaged = 0
        # Every cache file truncated to nothing, as after a crash before the data reached the disk.
        for directory, _, names in os.walk(os.path.join(out, ".cache")):
            for name in names:
                if name.endswith(".json"):
                    open(os.path.join(directory, name), "wb").close()
                    damaged += 1
        if damaged == 0:
            raise Fails("no cache entries to damage")
        for attempt in ("first", "second"):
            status, _, err = self.build(drop, out)
            got = self.tree(out)
            empty = sorted(n for n, b in got.items() if n.startswith("drafts/") and len(b) == 0)
            if empty:
                raise Fails(f"{len(empty)} of {sum(n.startswith('drafts/') for n in got)} drafts/*.json empty after the "
                            f"{attempt} build over {damaged} zero-length cache files (exit {status})")
            differ = sorted(n for n in reference if n.startswith("drafts/") and got.get(n) != reference[n])
            if differ:
                raise Fails(f"{differ} differ from a cold build after the {attempt} build")
        # An altered entry that still parses: one character of a cached product changed.
        altered = 0
        for directory, _, names in os.walk(os.path.join(out, ".cache")):
            for name in names:
                path = os.path.join(directory, name)
                with open(path, "rb") as f:
                    data = f.read()
                if "新材料".encode() in data:
                    with open(path, "wb") as f:
                        f.write(data.replace("新材料".encode(), "旧材料".encode()))
                    altered += 1
        self.build(drop, out)
        got = self.tree(out)
        differ = sorted(n for n in reference if n.startswith("drafts/") and got.get(n) != reference[n])
        if differ:
            raise Fails(f"an altered but valid cache entry ({altered} files) reached {differ}")

    # 2. Names that differ only in extension share one JSON.
    def finding_2(self):
        drop, out = self.folder("f2-drop"), os.path.join(self.scratch, "f2-out")
        self.copy(DRAFT_A, drop, "同名.docx")
        self.copy(DRAFT_B, drop, "同名.DOCX")
        self.copy(DRAFT_C, drop, "同名.wps")
        self.build(drop, out)
        jsons = sorted(os.listdir(os.path.join(out, "drafts")))
        if len(jsons) != 3:
            raise Fails(f"three drafts, {len(jsons)} JSON: {jsons}")

    # 3. --out equal to the drop folder.
    def finding_3(self):
        drop = self.folder("f3-drop")
        self.copy(DRAFT_A, drop, "a.docx")
        status, _, err = self.build(drop, drop)
        left = sorted(os.listdir(drop))
        if status == 0 or left != ["a.docx"]:
            raise Fails(f"--out = the drop folder: exit {status}, the drop folder now holds {left}")
        status, _, _ = self.build(drop, os.path.join(drop, "结果"))
        if status == 0:
            raise Fails("--out inside the drop folder: built (exit 0)")

    # 4. A long but valid file name fails the whole build.
    def finding_4(self):
        drop, out = self.folder("f4-drop"), os.path.join(self.scratch, "f4-out")
        stem = "新材料领域科技发展规划征求意见稿" * 5  # 80 characters, 240 bytes
        self.copy(DRAFT_A, drop, stem + ".docx")
        self.copy(DRAFT_B, drop, "b.docx")
        status, _, err = self.build(drop, out)
        if status != 0 or not os.path.exists(os.path.join(out, "master-plan.json")):
            raise Fails(f"exit {status}: {err.strip().splitlines()[-1][:160] if err.strip() else ''}")

    # 5. No lock on the output folder.
    def finding_5(self):
        drop, out = self.folder("f5-drop"), self.folder("f5-out")
        self.copy(DRAFT_A, drop, "a.docx")
        # Another build holds the output folder (flock on the folder, as the README documents).
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        fcntl.flock(fd, fcntl.LOCK_EX)
        p = subprocess.Popen([self.binary, "build", drop, "--out", out, "--quiet", *self.extra], cwd=self.scratch,
                             env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(3)
        wrote = os.path.exists(os.path.join(out, "master-plan.json"))
        finished = p.poll()
        os.close(fd)  # released: the waiting build goes on
        try:
            status = p.wait(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            raise Fails("the waiting build did not go on once the lock was released")
        if wrote or finished is not None:
            raise Fails(f"wrote the output folder while another build held it (exit {finished})")
        if status != 0:
            raise Fails(f"exit {status} after waiting for the lock")

    # 6. watch never retries after an output failure.
    def finding_6(self):
        drop = self.folder("f6-drop")
        self.copy(DRAFT_A, drop, "a.docx")
        blocker = os.path.join(self.scratch, "f6-full")
        with open(blocker, "w") as f:
            f.write("a file where the output folder's parent should be, as a full disk refuses writes")
        out = os.path.join(blocker, "out")
        p = subprocess.Popen([self.binary, "watch", drop, "--out", out, "--settle", "0.2", "--interval", "0.2",
                              *self.extra], cwd=self.scratch, env=self.env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(2)
            os.unlink(blocker)  # the space is freed; no draft changes
            deadline = time.time() + 12
            while time.time() < deadline and not os.path.exists(os.path.join(out, "master-plan.json")):
                if p.poll() is not None:
                    raise Fails(f"watch stopped (exit {p.returncode}) after the output failure")
                time.sleep(0.2)
            if not os.path.exists(os.path.join(out, "master-plan.json")):
                raise Fails("12 s after the output folder could be written, still no build")
        finally:
            p.kill()
            p.wait()

    # 7. A failed commit leaves new and old outputs mixed, with an unreadable message.
    def finding_7(self):
        drop, out = self.folder("f7-drop"), os.path.join(self.scratch, "f7-out")
        self.copy(DRAFT_A, drop, "a.docx")
        self.build(drop, out)
        self.copy(DRAFT_B, drop, "b.docx")
        # One target cannot be replaced: report.html is now a folder with a file in it.
        report = os.path.join(out, "report.html")
        os.unlink(report)
        os.makedirs(os.path.join(report, "x"))
        before = self.tree(out)
        status, _, err = self.build(drop, out)
        after = self.tree(out)
        changed = sorted(n for n in set(before) | set(after) if before.get(n) != after.get(n))
        problems = []
        if status == 0:
            problems.append("exit 0")
        if changed:
            problems.append(f"outputs replaced although the commit failed: {changed}")
        if "NSCocoaErrorDomain" in err or "(null)" in err or "report.html" not in err:
            problems.append(f"message: {err.strip()[-200:]!r}")
        if problems:
            raise Fails("; ".join(problems))

    # 8. A FIFO named *.docx hangs build.
    def finding_8(self):
        drop, out = self.folder("f8-drop"), os.path.join(self.scratch, "f8-out")
        self.copy(DRAFT_A, drop, "a.docx")
        os.mkfifo(os.path.join(drop, "管道.docx"))
        status, _, _ = self.build(drop, out, "--quiet", timeout=20)
        if status is None:
            raise Fails("build still blocked after 20 s (killed)")
        record = next((r for r in self.plan(out)["inputs"] if r["file"] == "管道.docx"), None)
        if record is None or record["status"] != "rejected":
            raise Fails(f"exit {status}, the FIFO's record: {record}")

    # 9. A file name that is not UTF-8 is "No such file or directory" and never read.
    def finding_9(self):
        drop, out = self.folder("f9-drop"), os.path.join(self.scratch, "f9-out")
        self.copy(DRAFT_A, drop, b"\xc4\xe3\xba\xc3.docx")  # 你好.docx in GBK
        status, _, err = self.build(drop, out)
        records = self.plan(out)["inputs"] if os.path.exists(os.path.join(out, "master-plan.json")) else []
        used = [r for r in records if r["status"] == "used"]
        if not used or "No such file" in err:
            last = err.strip().splitlines()[-1][:160] if err.strip() else ""
            raise Fails(f"exit {status}, used {len(used)} of {len(records)} inputs: {last}")

    @staticmethod
    def with_modified(draft, path, modified):
        """A copy of `draft` whose docProps/core.xml says it was modified at `modified`."""
        with zipfile.ZipFile(os.path.join(INPUTS, draft)) as source:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
                for item in source.infolist():
                    data = source.read(item)
                    if item.filename == "docProps/core.xml":
                        text = data.decode()
                        start = text.index("<dcterms:modified")
                        end = text.index("</dcterms:modified>") + len("</dcterms:modified>")
                        text = text[:start] + f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>' + text[end:]
                        data = text.encode()
                    target.writestr(item, data)
        with open(path, "wb") as f:
            f.write(buffer.getvalue())

    # 10. The plan date compared as a string; an invalid SOURCE_DATE_EPOCH ignored silently.
    def finding_10(self):
        drop, out = self.folder("f10-drop"), os.path.join(self.scratch, "f10-out")
        # Two topics' drafts: the newest is 2020-10-28; "2020-9-30" is bigger as a string.
        self.with_modified(DRAFT_A, os.path.join(drop, "a.docx"), "2020-9-30")
        self.with_modified(DRAFT_B, os.path.join(drop, "b.docx"), "2020-10-28T09:00:00Z")
        self.build(drop, out)
        date = self.plan(out).get("date", "")
        with zipfile.ZipFile(os.path.join(out, "master-plan.docx")) as docx:
            core = docx.read("docProps/core.xml").decode()
        start = core.index("<dcterms:modified")
        docx_date = core[core.index(">", start) + 1: core.index("</dcterms:modified>")]
        problems = []
        if not date.startswith("2020-10-28"):
            problems.append(f"master-plan.json date {date!r} (the newest draft is 2020-10-28)")
        if docx_date[:10] != date[:10]:
            problems.append(f"the DOCX says {docx_date!r}, the JSON {date!r}")
        env = dict(self.env, SOURCE_DATE_EPOCH="yesterday")
        epoch = os.path.join(self.scratch, "f10-epoch")
        _, _, err = self.build(drop, epoch, env=env)
        # Said on stderr, or as a warning in master-plan.json (and so on the report).
        with open(os.path.join(epoch, "master-plan.json"), encoding="utf-8") as f:
            said = "SOURCE_DATE_EPOCH" in err or "SOURCE_DATE_EPOCH" in json.dumps(json.load(f).get("diagnostics", []), ensure_ascii=False)
        if not said:
            problems.append("SOURCE_DATE_EPOCH=yesterday ignored silently (neither stderr nor the plan's diagnostics say so)")
        if problems:
            raise Fails("; ".join(problems))

    # 11. Parallel versions of one topic decided by file-name order and called superseded.
    def finding_11(self):
        drop, out = self.folder("f11-drop"), os.path.join(self.scratch, "f11-out")
        a, b = "新材料领域科技发展规划（征求意见稿）甲.docx", "新材料领域科技发展规划（征求意见稿）乙.docx"
        self.copy(DRAFT_A, drop, a)
        with open(os.path.join(INPUTS, DRAFT_A), "rb") as f:
            data = bytearray(f.read())
        data[10] ^= 0x01  # a zip entry's DOS time: the document reads the same, the bytes differ
        with open(os.path.join(drop, b), "wb") as f:
            f.write(data)
        for name in (a, b):
            os.utime(os.path.join(drop, name), (1_603_000_000, 1_603_000_000))
        _, _, err = self.build(drop, out)
        records = {r["file"]: r for r in self.plan(out)["inputs"]}
        dropped = records[b] if records[a]["status"] == "used" else records[a]
        with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
            report = f.read()
        problems = []
        if dropped["status"] == "superseded":
            problems.append(f"the version set aside is `superseded`: {dropped.get('reason', '')[:80]}")
        if "两个版本无法区分先后" not in report:
            problems.append("the report does not say 两个版本无法区分先后")
        if problems:
            raise Fails("; ".join(problems))

    # 12. Raw terminal escape sequences in file names reach stderr; raw Foundation dumps.
    def finding_12(self):
        drop, out = self.folder("f12-drop"), os.path.join(self.scratch, "f12-out")
        self.copy(DRAFT_A, drop, "a.docx")
        with open(os.path.join(drop, "\x1b[31m红\x1b[0m\x07.docx"), "wb") as f:
            f.write(b"not a word document")
        problems = []
        _, _, err = self.build(drop, out)
        if "\x1b" in err or "\x07" in err:
            problems.append("build: raw escape sequences on stderr")
        _, _, err = self.run("check", os.path.join(drop, "\x1b[31m红\x1b[0m\x07.docx"))
        if "\x1b" in err or "\x07" in err:
            problems.append("check: raw escape sequences on stderr")
        blocker = os.path.join(self.scratch, "f12-file")
        with open(blocker, "w") as f:
            f.write("x")
        status, _, err = self.build(drop, os.path.join(blocker, "sub"))
        if "Error Domain" in err or "(null)" in err:
            problems.append(f"output under a file: {err.strip()[-160:]!r}")
        if problems:
            raise Fails("; ".join(problems))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--templates")
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    templates = os.path.abspath(args.templates) if args.templates else None
    only = {int(n) for n in args.only.split(",") if n}
    scratch = tempfile.mkdtemp(prefix="plan-findings-")
    findings = Findings(binary, templates, scratch)
    failed = []
    for n in range(1, 13):
        if only and n not in only:
            continue
        started = time.time()
        try:
            getattr(findings, f"finding_{n}")()
            print(f"finding {n}: held ({time.time() - started:.1f} s)", flush=True)
        except Fails as e:
            failed.append(n)
            print(f"finding {n}: FAILS ({e})", flush=True)
        except Exception as e:  # the situation could not even be checked: that is a failure too
            failed.append(n)
            print(f"finding {n}: FAILS (could not check: {type(e).__name__}: {e})", flush=True)
    shutil.rmtree(scratch, ignore_errors=True)
    if failed:
        print(f"findings: {len(failed)} fail: {failed}")
        sys.exit(1)
    print("findings: all held")


if __name__ == "__main__":
    main()
