#!/usr/bin/env python3
"""Conformance harness for plan-assembler's DOCX reader.

Runs `plan-assembler dump --format text FILE` once per file of the public corpus
(corpus/docx/**, 800 files) and of the hostile set (corpus/hostile/, 35 files),
each in its own child process, and reports:

  * outcome per file: ok / refused (reason from stderr) / crash / hang, with wall
    time and peak RSS (os.wait4 rusage), plus a separate flag when the child hit
    the address-space safety net (RLIMIT_AS);
  * hostile files against hostile/EXPECTED.tsv (verdict, exact texts of the
    valid-* controls, no "root:" from xxe-*, < 2 s, < 256 MiB, error message
    names the file, nothing written to disk);
  * agreement with the reference texts of pandoc and python-docx, layout-blind:
    the multiset of letters and digits (Unicode L* and N*, NFC, case-folded),
    recall = |ours & theirs| / |theirs| per file and tool;
  * "extra" text that neither tool prints, and what we do with the files that
    neither tool could read (ISO strict, damaged, encrypted).

Writes <out>/summary.md, <out>/results.tsv and <out>/dump/<set>/<file>.txt
(our text), prints the summary, and exits non-zero on any crash, hang,
safety-net hit or hostile FAIL, or (unless --no-enforce-agreement) when a tool's
agreement target is missed.

Python 3.8+ standard library only.  See README.md next to this file.
"""

import argparse
import collections
import concurrent.futures as cf
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata

DOC_EXTS = (".docx", ".docm", ".dotx", ".dotm")
TOOLS = ("pandoc", "python-docx")
TOOL_DIR = {"pandoc": "pandoc-plain", "python-docx": "python-docx"}

# Texts the hostile controls must yield when parsed (hostile/README.md).
HOSTILE_TEXT = {
    "valid-control.docx": "Hello from a hostile-corpus control document.",
    "valid-utf16-document.docx": "UTF-16 encoded document part: 中文 עברית",
    "valid-zip64.docx": "written with ZIP64 extra fields",
    "valid-data-descriptor.docx": "streamed zip with data descriptors",
    "path-traversal.docx": "Hello from a hostile-corpus control document.",
    "xxe-file-passwd.docx": "BEFORE--AFTER",
    "xxe-external-dtd.docx": "BEFORE--AFTER",
    "no-content-types.docx": "package without [Content_Types].xml",
    "lzma-method.docx": "compressed with LZMA (method 14)",
}
# Either of these is acceptable when the duplicate-entries package is parsed.
DUPLICATE_TEXTS = ("FIRST COPY of word/document.xml", "SECOND COPY of word/document.xml")
# Where path-traversal.docx's entries would land if someone extracted them.
TRAVERSAL_NAMES = ("docx-hostile-escape.txt", "docx-hostile-absolute.txt",
                   "docx-hostile-dotdot.txt", "docx-hostile-backslash.txt",
                   "docx-hostile-drive.txt")

ALLOC_FAIL_RE = re.compile(r"(?i)(could not allocate|cannot allocate|out of memory|"
                           r"memory allocation failed|failed to allocate|malloc failure|bad_alloc|MemoryError|ENOMEM)")

MiB = 1024 * 1024


# --------------------------------------------------------------------------------------
# Running one file
# --------------------------------------------------------------------------------------

def _read_proc_status(pid):
    """VmPeak and VmHWM (KiB) of a live process, or (0, 0)."""
    peak = hwm = 0
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmPeak:"):
                    peak = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return peak, hwm


def run_one(job):
    """Run the binary on one file in a child process (called in a pool worker).

    Returns a dict with rc, signal, hang, seconds, maxrss_kib, vmpeak_kib,
    stdout (str), stderr (str), stdout_bad_utf8, wrote (files left in cwd)."""
    binary, path, timeout, as_limit, max_output = (
        job["bin"], job["path"], job["timeout"], job["as_limit"], job["max_output"])
    sandbox = tempfile.mkdtemp(prefix="conformance.")
    # cwd two levels down, so relative "../../x" escapes still land inside the sandbox
    cwd = os.path.join(sandbox, "a", "b")
    os.makedirs(cwd)
    out_f = tempfile.TemporaryFile(dir=sandbox)
    err_f = tempfile.TemporaryFile(dir=sandbox)

    def limits():
        for which, value in ((resource.RLIMIT_AS, as_limit), (resource.RLIMIT_CORE, 0)):
            if which == resource.RLIMIT_AS and not as_limit:
                continue
            try:
                resource.setrlimit(which, (value, value))
            except (ValueError, OSError):
                pass  # e.g. RLIMIT_AS not enforceable on this platform

    env = dict(os.environ)
    env.setdefault("LC_ALL", "C.UTF-8")
    t0 = time.monotonic()
    try:
        p = subprocess.Popen([binary, "dump", "--format", "text", path],
                             stdin=subprocess.DEVNULL, stdout=out_f, stderr=err_f,
                             cwd=cwd, env=env, start_new_session=True, preexec_fn=limits)
    except OSError as e:
        shutil.rmtree(sandbox, ignore_errors=True)
        return {"path": path, "spawn_error": str(e), "rc": None, "signal": None, "hang": False,
                "seconds": 0.0, "maxrss_kib": 0, "vmpeak_kib": 0, "stdout": "", "stderr": str(e),
                "stdout_bad_utf8": False, "wrote": []}

    state = {"hang": False, "vmpeak": 0, "hwm": 0}
    done = threading.Event()

    def watch():
        # poll memory and enforce the wall-clock bound; the child is not reaped
        # before done is set (waitid WNOWAIT), so its pid/pgid cannot be reused here
        while not done.wait(0.02):
            peak, hwm = _read_proc_status(p.pid)
            state["vmpeak"] = max(state["vmpeak"], peak)
            state["hwm"] = max(state["hwm"], hwm)
            if time.monotonic() - t0 > timeout:
                state["hang"] = True
                try:
                    os.killpg(p.pid, signal.SIGKILL)
                except OSError:
                    pass
                return

    th = threading.Thread(target=watch, daemon=True)
    th.start()
    while True:
        try:
            os.waitid(os.P_PID, p.pid, os.WEXITED | os.WNOWAIT)
            break
        except InterruptedError:
            continue
        except ChildProcessError:
            break
    seconds = time.monotonic() - t0
    done.set()
    th.join()
    try:  # anything the binary left running in its process group
        os.killpg(p.pid, signal.SIGKILL)
    except OSError:
        pass
    _, status, ru = os.wait4(p.pid, 0)
    if os.WIFSIGNALED(status):
        rc, sig = -os.WTERMSIG(status), os.WTERMSIG(status)
    else:
        rc, sig = os.WEXITSTATUS(status), None
    p.returncode = rc  # keep Popen from waiting again

    out_f.seek(0)
    raw = out_f.read(max_output + 1)
    truncated = len(raw) > max_output
    raw = raw[:max_output]
    err_f.seek(0)
    err_raw = err_f.read(1 * MiB)
    out_f.close()
    err_f.close()
    try:
        out = raw.decode("utf-8")
        bad = False
    except UnicodeDecodeError:
        out = raw.decode("utf-8", "replace")
        bad = True
    wrote = []
    for d, dirs, files in os.walk(sandbox):
        for f in files + [x for x in dirs if os.path.join(d, x) not in
                          (os.path.join(sandbox, "a"), cwd)]:
            wrote.append(os.path.relpath(os.path.join(d, f), cwd))
    shutil.rmtree(sandbox, ignore_errors=True)
    return {"path": path, "rc": rc, "signal": sig, "hang": state["hang"], "seconds": seconds,
            "maxrss_kib": ru.ru_maxrss, "vmpeak_kib": state["vmpeak"], "stdout": out,
            "stdout_truncated": truncated, "stderr": err_raw.decode("utf-8", "replace"),
            "stdout_bad_utf8": bad, "wrote": wrote}


def classify(res, as_limit):
    """Set outcome (ok/refused/crash/hang), reason and as_limit_hit on a run result."""
    err = res["stderr"]
    if res.get("spawn_error"):
        res["outcome"], res["reason"] = "crash", "could not start: " + res["spawn_error"]
    elif res["hang"]:
        res["outcome"], res["reason"] = "hang", "killed after the wall-clock bound"
    elif res["rc"] == 0:
        res["outcome"], res["reason"] = "ok", ""
    elif res["rc"] == 1:
        res["outcome"] = "refused"
        res["reason"] = refusal_reason(err, res["path"])
    else:
        res["outcome"] = "crash"
        what = ("signal %d (%s)" % (res["signal"], signal_name(res["signal"]))
                if res["signal"] else "exit %d" % res["rc"])
        tail = [l.strip() for l in err.splitlines() if l.strip()]
        res["reason"] = what + (": " + tail[-1][:200] if tail else "")
    near_limit = as_limit and res["vmpeak_kib"] * 1024 >= 0.9 * as_limit
    res["as_limit_hit"] = bool(res["outcome"] != "ok" and (near_limit or ALLOC_FAIL_RE.search(err)))
    return res


def signal_name(sig):
    try:
        return signal.Signals(sig).name
    except (ValueError, TypeError):
        return "?"


def refusal_reason(err, path):
    lines = [l.strip() for l in err.splitlines() if l.strip()]
    for l in lines:
        if l.startswith("error:"):
            msg = l[len("error:"):].strip()
            for prefix in (path, os.path.basename(path)):
                if msg.startswith(prefix + ":"):
                    return msg[len(prefix) + 1:].strip()
            return msg
    return "(no `error:` line) " + (lines[-1][:200] if lines else "no message")


# --------------------------------------------------------------------------------------
# Text comparison
# --------------------------------------------------------------------------------------

_FOLD_TAGS = ("<super>", "<sub>", "<font>", "<circle>")
_fold_cache = {}


def _fold(c):
    """Superscript/subscript, mathematical-alphanumeric and circled variants of a letter
    or digit -> the letter or digit itself (NFKC), so that pandoc's rendering of math
    ("πr²", "𝒜") and of list labels ("①") compares equal to the characters in the XML."""
    r = _fold_cache.get(c)
    if r is None:
        r = c
        if ord(c) > 0x7F and unicodedata.decomposition(c).startswith(_FOLD_TAGS):
            r = unicodedata.normalize("NFKC", c)
        _fold_cache[c] = r
    return r


def _prep(text):
    t = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    if any(ord(c) > 0x7F for c in t):
        t = "".join(_fold(c) for c in t).casefold()
    return t


def norm_letters(text):
    """Letters and digits only (Unicode L*, N*), NFC, case-folded, as one string."""
    return "".join(c for c in _prep(text) if unicodedata.category(c)[0] in "LN")


def words(text):
    t = _prep(text)
    buf, out = [], []
    for c in t:
        if unicodedata.category(c)[0] in "LN":
            buf.append(c)
        elif buf:
            out.append("".join(buf))
            buf = []
    if buf:
        out.append("".join(buf))
    return out


def ws_norm(text):
    return " ".join(unicodedata.normalize("NFC", text).split())


def show_char(c):
    return c if c.isprintable() and not c.isspace() else "U+%04X" % ord(c)


def missing_lines(ref_text, ours_letters, limit=2, max_lines=3000):
    """First reference lines whose letters do not occur contiguously in our text."""
    out = []
    for i, line in enumerate(ref_text.splitlines()):
        if i >= max_lines:
            break
        nl = norm_letters(line)
        if len(nl) >= 4 and nl not in ours_letters:
            s = " ".join(line.split())
            out.append(s[:70] + ("…" if len(s) > 70 else ""))
            if len(out) >= limit:
                break
    return out


def diff_hint(ours_text, ours_c, ref_text, ref_c):
    miss = ref_c - ours_c
    chars = ", ".join("%s×%d" % (show_char(c), n) for c, n in miss.most_common(6))
    wmiss = collections.Counter(words(ref_text)) - collections.Counter(words(ours_text))
    ws = ", ".join("%s×%d" % (w[:20], n) for w, n in wmiss.most_common(5))
    lines = missing_lines(ref_text, norm_letters(ours_text))
    hint = "chars: " + (chars or "-")
    if ws:
        hint += "; words: " + ws
    if lines:
        hint += "; e.g. line: " + " | ".join("«%s»" % l for l in lines)
    return hint


def extra_hint(ours_text, extra_c, refs_letters):
    chars = ", ".join("%s×%d" % (show_char(c), n) for c, n in extra_c.most_common(6))
    out = []
    for line in ours_text.splitlines():
        nl = norm_letters(line)
        if len(nl) >= 6 and not any(nl in r for r in refs_letters):
            s = " ".join(line.split())
            out.append(s[:70] + ("…" if len(s) > 70 else ""))
            if len(out) >= 2:
                break
    return "chars: " + chars + ("; e.g. line: " + " | ".join("«%s»" % l for l in out) if out else "")


# --------------------------------------------------------------------------------------
# Corpus metadata
# --------------------------------------------------------------------------------------

def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if not line.strip():
                continue
            vals = line.rstrip("\n").split("\t")
            vals += [""] * (len(header) - len(vals))
            rows.append(dict(zip(header, vals)))
    return rows


def list_files(corpus):
    docx, hostile = [], []
    for d, _, fs in os.walk(os.path.join(corpus, "docx")):
        for f in fs:
            docx.append(os.path.relpath(os.path.join(d, f), corpus))
    hdir = os.path.join(corpus, "hostile")
    if os.path.isdir(hdir):
        for f in os.listdir(hdir):
            if f.lower().endswith(DOC_EXTS):
                hostile.append(os.path.join("hostile", f))
    return sorted(docx), sorted(hostile)


def ref_path(corpus, tool, rel):
    parts = rel.split("/")
    group = parts[1] if parts[0] == "docx" else "hostile"
    return os.path.join(corpus, "expected", TOOL_DIR[tool], group, parts[-1] + ".txt")


MATH_RE = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.S)
TEX_CMD_RE = re.compile(r"\\(?:begin|end)\{[^}]*\}|\\[A-Za-z]+")
BRACKET_RE = re.compile(r"\[([^\[\]\n]*)\]")
NOTE_REF_RE = re.compile(rb"<w:(?:footnote|endnote)Reference\b")
PIC_EL_RE = re.compile(rb"<(?:wp:docPr|pic:cNvPr|v:shape|v:imagedata)\b[^>]*>")
PIC_ATTR_RE = re.compile(rb"\s(?:descr|title|name|alt|o:title)=\"([^\"]*)\"")
TBL_CAPTION_RE = re.compile(rb"<w:tbl(?:Caption|Description)\s+w:val=\"([^\"]*)\"")
CAPTION_LINE_RE = re.compile(r"(^|[|\t ])[ \t]*: ([^|\n]*)", re.M)
TABLE_PLACEHOLDER_RE = re.compile(r"^[ \t]*\[TABLE\][ \t]*$", re.M)


def docx_hints(path):
    """(number of note references, letters of image descriptions, letters of table
    captions/descriptions) from the package itself."""
    import html
    import zipfile
    notes, alts, caps = 0, set(), set()
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            for part in ("word/document.xml", "word/footnotes.xml", "word/endnotes.xml"):
                if part not in names:
                    continue
                data = z.read(part)
                if part == "word/document.xml":
                    notes = len(NOTE_REF_RE.findall(data))
                    for v in TBL_CAPTION_RE.findall(data):
                        nl = norm_letters(html.unescape(v.decode("utf-8", "replace")))
                        if nl:
                            caps.add(nl)
                for el in PIC_EL_RE.findall(data):
                    for v in PIC_ATTR_RE.findall(el):
                        nl = norm_letters(html.unescape(v.decode("utf-8", "replace")))
                        if nl:
                            alts.add(nl)
    except Exception:
        pass
    return notes, alts, caps


def pandoc_clean(text, path):
    """Remove what pandoc adds that is not document text: TeX control words inside
    $...$ / $$...$$ (the math's own letters and digits stay), image descriptions
    printed as [descr], table captions taken from w:tblCaption/w:tblDescription (alt
    text, printed as ": caption"), the "[TABLE]" placeholder of tables plain text cannot
    draw, and the note markers [1]..[k] (twice each: reference and label)."""
    notes, alts, caps = docx_hints(path)
    text = TABLE_PLACEHOLDER_RE.sub("", text)
    if caps:
        text = CAPTION_LINE_RE.sub(lambda m: m.group(1) if norm_letters(m.group(2)) in caps else m.group(0), text)
    text = MATH_RE.sub(lambda m: TEX_CMD_RE.sub(" ", m.group(0)), text)
    if alts:
        text = BRACKET_RE.sub(lambda m: "" if norm_letters(m.group(1)) in alts else m.group(0), text)
    for i in range(1, notes + 1):
        text = text.replace("[%d]" % i, " ", 2)
    return text


WT_RE = re.compile(r"<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<")


def raw_wt_letters(path):
    """Letters and digits of every w:t in word/document.xml (-1 when unreadable)."""
    import html
    import zipfile
    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("word/document.xml").decode("utf-8", "replace")
    except Exception:
        return -1
    return len(norm_letters(html.unescape("".join(WT_RE.findall(data)))))


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


# --------------------------------------------------------------------------------------
# Hostile checks
# --------------------------------------------------------------------------------------

def check_hostile(res, verdict, args):
    """Return (pass, notes) for one hostile file."""
    name = os.path.basename(res["rel"])
    out, err, outcome = res["stdout"], res["stderr"], res["outcome"]
    fails = []
    if outcome in ("crash", "hang"):
        fails.append(outcome + ": " + res["reason"])
    if res.get("as_limit_hit"):
        fails.append("hit the %d MiB address-space safety net" % (args.as_limit_mib))
    allowed = {
        "reject": ("refused",),
        "parse": ("ok",),
        "reject-or-parse": ("refused", "ok"),
        "parse-or-reject": ("refused", "ok"),
        "reject-or-ignore-entity": ("refused", "ok"),
    }.get(verdict)
    if allowed is None:
        fails.append("unknown verdict %r in EXPECTED.tsv" % verdict)
    elif outcome in ("ok", "refused") and outcome not in allowed:
        fails.append("expected %s, got %s" % (verdict, outcome))
    if outcome == "refused":
        # rule 2: a clear error that names the input file
        first = next((l for l in err.splitlines() if l.startswith("error:")), "")
        if not first:
            fails.append("no `error: <file>: <reason>` line on stderr")
        elif res["path"] not in first and name not in first:
            fails.append("error message does not name the file")
    if "root:" in out or "root:" in err:
        fails.append("output contains 'root:' (entity from /etc/passwd leaked)")
    if outcome == "ok":
        got = ws_norm(out)
        if name in HOSTILE_TEXT and got != ws_norm(HOSTILE_TEXT[name]):
            fails.append("text %r, expected %r" % (got[:80], HOSTILE_TEXT[name]))
        if name == "duplicate-entries.docx" and got not in DUPLICATE_TEXTS:
            fails.append("text %r is neither copy" % got[:80])
        if name == "deep-nesting-10000.docx" and "deepest text" not in got:
            fails.append("parsed but lost 'deepest text'")
        if name == "deep-tables-1000.docx":
            lost = [i for i in (0, 1, 500, 998, 999) if "cell %d" % i not in got]
            if lost:
                fails.append("parsed but lost cells %s" % lost)
        if name in ("billion-laughs.docx", "quadratic-blowup.docx"):
            if "lollol" in out or "a" * 1000 in out or len(out) > 100000:
                fails.append("entity was expanded")
    if res["seconds"] > args.hostile_seconds:
        fails.append("took %.2f s (limit %.1f)" % (res["seconds"], args.hostile_seconds))
    if res["maxrss_kib"] * 1024 > args.hostile_rss_mib * MiB:
        fails.append("peak RSS %.0f MiB (limit %d)" % (res["maxrss_kib"] / 1024, args.hostile_rss_mib))
    if res["wrote"]:
        fails.append("left files next to its cwd: %s" % ", ".join(res["wrote"][:3]))
    return (not fails), fails


def traversal_leftovers():
    found = []
    for d in ("/tmp", "/", tempfile.gettempdir()):
        for n in TRAVERSAL_NAMES:
            p = os.path.join(d, n)
            if os.path.lexists(p):
                found.append(p)
    return sorted(set(found))


class PortWatch:
    """Listen on 127.0.0.1:9 (the xxe-external-dtd target) to see whether anyone connects."""

    def __init__(self):
        self.sock = None
        self.note = ""
        try:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", 9))
            s.listen(8)
            s.setblocking(False)
            self.sock = s
        except OSError as e:
            self.note = "port 9 not watched (%s)" % e.strerror

    def connections(self):
        if not self.sock:
            return None
        n = 0
        while True:
            try:
                c, _ = self.sock.accept()
                c.close()
                n += 1
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                break
        return n

    def close(self):
        if self.sock:
            self.sock.close()


# --------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="the plan-assembler binary")
    ap.add_argument("--corpus", required=True, help="corpus root (has docx/, hostile/, expected/)")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--jobs", type=int, default=2, help="concurrent children (default 2)")
    ap.add_argument("--timeout", type=float, default=10.0, help="per-file wall-clock bound, s (default 10)")
    ap.add_argument("--as-limit-mib", type=int, default=2048,
                    help="RLIMIT_AS safety net per child in MiB, 0 = none (default 2048)")
    ap.add_argument("--hostile-seconds", type=float, default=2.0)
    ap.add_argument("--hostile-rss-mib", type=int, default=256)
    ap.add_argument("--recall", type=float, default=0.99, help="per-file recall threshold (default 0.99)")
    ap.add_argument("--target", type=float, default=0.97,
                    help="fraction of each tool's files that must reach --recall (default 0.97)")
    ap.add_argument("--extra-frac", type=float, default=0.20)
    ap.add_argument("--extra-min", type=int, default=200)
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--enforce-agreement", dest="enforce", action="store_true", default=True,
                   help="fail when an agreement target is missed (default)")
    g.add_argument("--no-enforce-agreement", dest="enforce", action="store_false",
                   help="report agreement only")
    ap.add_argument("--raw-pandoc", action="store_true",
                    help="compare with pandoc's text as is (default: drop TeX control words in math, "
                         "[image description] and [n] note markers first)")
    ap.add_argument("--only", help="regex on corpus-relative paths: run just those files (debugging)")
    ap.add_argument("--list", type=int, default=80, help="max rows per list in the summary")
    return ap.parse_args(argv)


def fmt_mib(kib):
    return "%.1f" % (kib / 1024.0)


def md_escape(s):
    return s.replace("|", "\\|").replace("\n", " ")


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    corpus = os.path.abspath(args.corpus)
    binary = os.path.abspath(args.bin)
    out_dir = os.path.abspath(args.out)
    if not os.path.isfile(binary) or not os.access(binary, os.X_OK):
        print("conformance: no executable at %s (build it first)" % args.bin, file=sys.stderr)
        return 2
    if not os.path.isdir(os.path.join(corpus, "docx")):
        print("conformance: no corpus at %s" % args.corpus, file=sys.stderr)
        return 2

    docx_files, hostile_files = list_files(corpus)
    if args.only:
        rx = re.compile(args.only)
        docx_files = [f for f in docx_files if rx.search(f)]
        hostile_files = [f for f in hostile_files if rx.search(f)]
    all_files = docx_files + hostile_files

    status = {r["file"]: r for r in read_tsv(os.path.join(corpus, "expected", "STATUS.tsv"))}
    manifest = {r["corpus_path"]: r for r in read_tsv(os.path.join(corpus, "MANIFEST.tsv"))}
    expected_h = {r["file"]: r for r in read_tsv(os.path.join(corpus, "hostile", "EXPECTED.tsv"))}

    as_limit = args.as_limit_mib * MiB if args.as_limit_mib > 0 else 0
    jobs = [{"bin": binary, "path": os.path.join(corpus, rel), "timeout": args.timeout,
             "as_limit": as_limit, "max_output": 64 * MiB, "rel": rel} for rel in all_files]
    # biggest first, for a better balance between the workers
    jobs.sort(key=lambda j: -os.path.getsize(j["path"]))

    before_trav = set(traversal_leftovers())
    port = PortWatch() if hostile_files else None
    t_start = time.monotonic()
    results = {}
    with cf.ProcessPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = {ex.submit(run_one, j): j for j in jobs}
        done_n = 0
        for fut in cf.as_completed(futs):
            j = futs[fut]
            res = fut.result()
            res["rel"] = j["rel"]
            classify(res, as_limit)
            results[j["rel"]] = res
            done_n += 1
            if sys.stderr.isatty() and done_n % 25 == 0:
                print("\r%d/%d" % (done_n, len(jobs)), end="", file=sys.stderr, flush=True)
    elapsed = time.monotonic() - t_start
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    port_conns = port.connections() if port else None
    if port:
        port.close()
    new_trav = sorted(set(traversal_leftovers()) - before_trav)

    # our text, kept for diagnosis
    dump_dir = os.path.join(out_dir, "dump")
    shutil.rmtree(dump_dir, ignore_errors=True)
    for rel, r in results.items():
        dst = os.path.join(dump_dir, rel + ".txt")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "w", encoding="utf-8") as f:
            f.write(r["stdout"])
        if r["stderr"]:
            with open(dst[:-4] + ".stderr", "w", encoding="utf-8") as f:
                f.write(r["stderr"])

    # ---------------- hostile
    hostile_rows = []
    for rel in hostile_files:
        r = results[rel]
        name = os.path.basename(rel)
        exp = expected_h.get(name)
        verdict = exp["verdict"] if exp else "?"
        ok, notes = check_hostile(r, verdict, args)
        if name == "path-traversal.docx" and new_trav:
            ok = False
            notes.append("created %s" % ", ".join(new_trav))
        if name == "xxe-external-dtd.docx":
            if port_conns:
                ok = False
                notes.append("%d connection(s) to 127.0.0.1:9 during the run" % port_conns)
            elif port_conns is None and port is not None:
                notes.append("(%s)" % port.note)
        r["hostile_verdict"], r["hostile_pass"], r["hostile_notes"] = verdict, ok, notes
        hostile_rows.append(r)
    missing_hostile = sorted(set(expected_h) - {os.path.basename(f) for f in hostile_files})
    if args.only:
        missing_hostile = []

    # ---------------- agreement
    ours_c = {}
    for rel in docx_files:
        r = results[rel]
        r["our_letters"] = norm_letters(r["stdout"]) if r["outcome"] == "ok" else ""
        ours_c[rel] = collections.Counter(r["our_letters"])
    agree = {}
    ref_cache = {}
    cleaned_n = 0
    for tool in TOOLS:
        rows = []
        for rel in docx_files:
            st = status.get(rel, {})
            if st.get(tool) != "ok":
                continue
            p = ref_path(corpus, tool, rel)
            if not os.path.exists(p):
                continue
            text = read_text(p)
            r = results[rel]
            if tool == "pandoc" and not args.raw_pandoc:
                raw_c = collections.Counter(norm_letters(text))
                raw_total = sum(raw_c.values())
                r["pandoc_recall_raw"] = (1.0 if raw_total == 0 else
                                          sum((ours_c[rel] & raw_c).values()) / raw_total)
                cleaned = pandoc_clean(text, os.path.join(corpus, rel))
                if cleaned != text:
                    cleaned_n += 1
                text = cleaned
            ref_cache[(tool, rel)] = text
            rc = collections.Counter(norm_letters(text))
            total = sum(rc.values())
            inter = sum((ours_c[rel] & rc).values())
            recall = 1.0 if total == 0 else inter / total
            r[tool + "_recall"] = recall
            r[tool + "_ref_letters"] = total
            hint = ""
            if recall < args.recall:
                if r["outcome"] != "ok":
                    hint = "we %s: %s" % (r["outcome"], r["reason"])
                else:
                    hint = diff_hint(r["stdout"], ours_c[rel], text, rc)
            rows.append({"rel": rel, "recall": recall, "ref": total, "ours": sum(ours_c[rel].values()),
                         "we_read": r["outcome"] == "ok", "hint": hint})
        n = len(rows)
        also = sum(1 for x in rows if x["we_read"])
        good = sum(1 for x in rows if x["recall"] >= args.recall)
        good_read = sum(1 for x in rows if x["we_read"] and x["recall"] >= args.recall)
        empty = sum(1 for x in rows if x["ref"] == 0)
        frac = good / n if n else 1.0
        raw_good = sum(1 for x in rows if results[x["rel"]].get("pandoc_recall_raw", x["recall"]) >= args.recall)
        agree[tool] = {"rows": rows, "n": n, "also": also, "good": good, "good_read": good_read,
                       "empty": empty, "frac": frac, "met": frac >= args.target, "raw_good": raw_good}

    extras = []
    for rel in docx_files:
        r = results[rel]
        refs = [ref_cache[(t, rel)] for t in TOOLS if (t, rel) in ref_cache]
        if not refs or r["outcome"] != "ok":
            continue
        union = collections.Counter()
        refs_letters = []
        for text in refs:
            nl = norm_letters(text)
            refs_letters.append(nl)
            union |= collections.Counter(nl)
        ex_c = ours_c[rel] - union
        n_ex = sum(ex_c.values())
        n_ours = sum(ours_c[rel].values())
        r["extra_letters"] = n_ex
        r["extra_frac"] = n_ex / n_ours if n_ours else 0.0
        if n_ex > args.extra_min and r["extra_frac"] > args.extra_frac:
            extras.append((rel, n_ex, r["extra_frac"], n_ours, extra_hint(r["stdout"], ex_c, refs_letters)))
    extras.sort(key=lambda x: -x[1])

    # ---------------- files neither tool read
    def tags(rel):
        return [t for t in manifest.get(rel, {}).get("tags", "").split(",") if t]

    neither = [rel for rel in docx_files
               if status.get(rel, {}).get("pandoc") != "ok" and status.get(rel, {}).get("python-docx") != "ok"]
    strict = [rel for rel in docx_files if "strict" in tags(rel)]
    strict_read = [rel for rel in strict if results[rel]["outcome"] == "ok"]
    refused_but_ref = [rel for rel in docx_files if results[rel]["outcome"] == "refused"
                       and any(status.get(rel, {}).get(t) == "ok" for t in TOOLS)]

    # ---------------- counts
    def counts(files):
        c = collections.Counter(results[f]["outcome"] for f in files)
        return {k: c.get(k, 0) for k in ("ok", "refused", "crash", "hang")}

    cc, hc = counts(docx_files), counts(hostile_files)
    crashes = [rel for rel in all_files if results[rel]["outcome"] in ("crash", "hang")]
    as_hits = [rel for rel in all_files if results[rel]["as_limit_hit"]]
    hostile_fail = [r for r in hostile_rows if not r["hostile_pass"]]
    secs = sorted(results[f]["seconds"] for f in docx_files)
    rss = sorted(results[f]["maxrss_kib"] for f in docx_files)

    def pct(v, q):
        return v[min(len(v) - 1, int(q * len(v)))] if v else 0

    # ---------------- results.tsv
    os.makedirs(out_dir, exist_ok=True)
    cols = ["set", "file", "outcome", "rc", "seconds", "maxrss_mib", "as_limit_hit", "reason",
            "our_letters", "pandoc", "pandoc_recall", "pandoc_recall_raw", "python_docx", "python_docx_recall",
            "extra_letters", "extra_frac", "tags", "hostile_verdict", "hostile_result", "hostile_notes"]
    with open(os.path.join(out_dir, "results.tsv"), "w", encoding="utf-8") as f:
        f.write("\t".join(cols) + "\n")
        for rel in all_files:
            r = results[rel]
            st = status.get(rel, {})
            row = {
                "set": "hostile" if rel.startswith("hostile/") else "corpus",
                "file": rel, "outcome": r["outcome"], "rc": r["rc"],
                "seconds": "%.3f" % r["seconds"], "maxrss_mib": fmt_mib(r["maxrss_kib"]),
                "as_limit_hit": "yes" if r["as_limit_hit"] else "",
                "reason": r["reason"],
                "our_letters": len(r.get("our_letters", "")) if "our_letters" in r else "",
                "pandoc": "ok" if st.get("pandoc") == "ok" else ("fail" if st else ""),
                "pandoc_recall": "%.4f" % r["pandoc_recall"] if "pandoc_recall" in r else "",
                "pandoc_recall_raw": "%.4f" % r["pandoc_recall_raw"] if "pandoc_recall_raw" in r else "",
                "python_docx": "ok" if st.get("python-docx") == "ok" else ("fail" if st else ""),
                "python_docx_recall": "%.4f" % r["python-docx_recall"] if "python-docx_recall" in r else "",
                "extra_letters": r.get("extra_letters", ""),
                "extra_frac": "%.3f" % r["extra_frac"] if "extra_frac" in r else "",
                "tags": ",".join(tags(rel)),
                "hostile_verdict": r.get("hostile_verdict", ""),
                "hostile_result": ("PASS" if r["hostile_pass"] else "FAIL") if "hostile_pass" in r else "",
                "hostile_notes": "; ".join(r.get("hostile_notes", [])),
            }
            f.write("\t".join(str(row[c]).replace("\t", " ").replace("\n", " ") for c in cols) + "\n")

    # ---------------- summary.md
    L = []
    w = L.append
    w("# Conformance: plan-assembler dump --format text")
    w("")
    w("Binary `%s`, corpus `%s`; %d files (%d corpus, %d hostile) in %.0f s with %d jobs; "
      "per-file bound %.0f s, RLIMIT_AS %s." % (
          args.bin, args.corpus, len(all_files), len(docx_files), len(hostile_files), elapsed,
          args.jobs, args.timeout, ("%d MiB" % args.as_limit_mib) if as_limit else "off"))
    w("")
    w("## Outcomes")
    w("")
    w("| set | files | ok | refused | crash | hang | safety net hit |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, files, c in (("corpus", docx_files, cc), ("hostile", hostile_files, hc)):
        w("| %s | %d | %d | %d | %d | %d | %d |" % (label, len(files), c["ok"], c["refused"], c["crash"],
                                                   c["hang"], sum(1 for x in files if results[x]["as_limit_hit"])))
    w("")
    w("Corpus resources: wall time median %.2f s, p95 %.2f s, max %.2f s; peak RSS median %s MiB, "
      "p95 %s MiB, max %s MiB." % (pct(secs, .5), pct(secs, .95), secs[-1] if secs else 0,
                                   fmt_mib(pct(rss, .5)), fmt_mib(pct(rss, .95)), fmt_mib(rss[-1] if rss else 0)))
    slow = sorted(docx_files, key=lambda x: -results[x]["seconds"])[:5]
    big = sorted(docx_files, key=lambda x: -results[x]["maxrss_kib"])[:5]
    w("Slowest: " + ", ".join("`%s` %.2f s" % (x, results[x]["seconds"]) for x in slow) + ".")
    w("Largest RSS: " + ", ".join("`%s` %s MiB" % (x, fmt_mib(results[x]["maxrss_kib"])) for x in big) + ".")
    w("")
    if crashes:
        w("### Crashes and hangs")
        w("")
        for rel in crashes:
            w("- `%s`: %s — %s" % (rel, results[rel]["outcome"], md_escape(results[rel]["reason"])))
        w("")
    if as_hits:
        w("### Address-space safety net (RLIMIT_AS %d MiB) hit" % args.as_limit_mib)
        w("")
        for rel in as_hits:
            r = results[rel]
            w("- `%s`: %s, VmPeak seen %s MiB — %s" % (rel, r["outcome"], fmt_mib(r["vmpeak_kib"]),
                                                      md_escape(r["reason"])))
        w("")
    reasons = collections.Counter()
    for rel in docx_files:
        if results[rel]["outcome"] == "refused":
            reasons[re.sub(r"\d+", "N", results[rel]["reason"])[:110]] += 1
    if reasons:
        w("### Corpus refusals by reason (digits folded)")
        w("")
        for k, n in reasons.most_common(args.list):
            w("- %d × %s" % (n, md_escape(k)))
        w("")

    w("## Hostile files (%d PASS, %d FAIL)" % (len(hostile_rows) - len(hostile_fail), len(hostile_fail)))
    w("")
    if missing_hostile:
        w("Missing from hostile/ but listed in EXPECTED.tsv: %s" % ", ".join(missing_hostile))
        w("")
    w("| file | verdict | ours | reason | s | RSS MiB | result |")
    w("| --- | --- | --- | --- | ---: | ---: | --- |")
    for r in hostile_rows:
        reason = r["reason"] if r["outcome"] != "ok" else "text: " + ws_norm(r["stdout"])[:60]
        res = "PASS" if r["hostile_pass"] else "**FAIL**: " + "; ".join(r["hostile_notes"])
        if r["hostile_pass"] and r["hostile_notes"]:
            res += " " + "; ".join(r["hostile_notes"])
        w("| %s | %s | %s | %s | %.2f | %s | %s |" % (
            os.path.basename(r["rel"]), r["hostile_verdict"], r["outcome"], md_escape(reason[:110]),
            r["seconds"], fmt_mib(r["maxrss_kib"]), md_escape(res)))
    w("")

    w("## Agreement with the reference texts")
    w("")
    w("Letters and digits only (Unicode L*/N*, NFC, case-folded; super/subscript, math-alphanumeric and "
      "circled forms folded to their base letter or digit), as multisets; "
      "recall = |ours ∩ theirs| / |theirs| per file; a file we refuse has recall 0.")
    w("")
    w("| tool | files it read | we also read | recall ≥ %.2f | fraction | target | met | reference empty |"
      % args.recall)
    w("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for tool in TOOLS:
        a = agree[tool]
        w("| %s | %d | %d | %d | %.2f%% | %.0f%% | %s | %d |" % (
            tool, a["n"], a["also"], a["good"], 100 * a["frac"], 100 * args.target,
            "yes" if a["met"] else "**no**", a["empty"]))
    w("")
    if not args.raw_pandoc:
        a = agree["pandoc"]
        w("pandoc's text was cleaned first in %d files (TeX control words inside `$…$`, `[image description]`, "
          "`: table caption` from w:tblCaption/w:tblDescription, `[TABLE]`, `[n]` note markers); "
          "on the raw text %d of %d files reach %.2f (%.2f%%)." % (
              cleaned_n, a["raw_good"], a["n"], args.recall, 100.0 * a["raw_good"] / max(1, a["n"])))
        w("")
    for tool in TOOLS:
        a = agree[tool]
        bad = sorted((x for x in a["rows"] if x["recall"] < args.recall), key=lambda x: x["recall"])
        w("### %s: %d files below %.2f" % (tool, len(bad), args.recall))
        w("")
        for x in bad[:args.list]:
            w("- `%s` recall %.3f (ref %d, ours %d letters): %s" % (
                x["rel"], x["recall"], x["ref"], x["ours"], md_escape(x["hint"])))
        if len(bad) > args.list:
            w("- … %d more in results.tsv" % (len(bad) - args.list))
        w("")
    w("### Extra: text neither tool prints (> %d letters and > %.0f%% of ours): %d files"
      % (args.extra_min, 100 * args.extra_frac, len(extras)))
    w("")
    for rel, n_ex, fr, n_ours, hint in extras[:args.list]:
        w("- `%s`: %d of %d letters (%.0f%%): %s" % (rel, n_ex, n_ours, 100 * fr, md_escape(hint)))
    if len(extras) > args.list:
        w("- … %d more in results.tsv" % (len(extras) - args.list))
    w("")
    w("### Files a reference tool read but we refused: %d" % len(refused_but_ref))
    w("")
    for rel in refused_but_ref[:args.list]:
        st = status.get(rel, {})
        who = "+".join(t for t in TOOLS if st.get(t) == "ok")
        w("- `%s` (%s read it): %s" % (rel, who, md_escape(results[rel]["reason"])))
    w("")
    w("## Files neither tool read: %d" % len(neither))
    w("")
    w("ISO strict (MANIFEST tag `strict`): we read **%d of %d**%s." % (
        len(strict_read), len(strict),
        "" if len(strict_read) == len(strict) else
        " (refused: " + ", ".join("`%s`" % os.path.basename(x) for x in strict if x not in strict_read)[:600] + ")"))
    if strict_read:
        w("")
        w("No reference exists for them; as a sanity check, our letters against the letters of every "
          "`w:t` in the package's `word/document.xml` (raw, so text-box fallbacks count twice and "
          "numbering labels and notes not at all):")
        w("")
        w(", ".join("`%s` %d/%d" % (os.path.basename(rel), len(results[rel].get("our_letters", "")),
                                    raw_wt_letters(os.path.join(corpus, rel))) for rel in strict_read) + ".")
    groups = collections.defaultdict(lambda: collections.Counter())
    for rel in neither:
        t = tags(rel)
        g = next((k for k in ("strict", "cfb", "encrypted", "zip_bad", "tiny") if k in t), "other")
        groups[g][results[rel]["outcome"]] += 1
    w("")
    w("| kind | files | ok | refused | crash | hang |")
    w("| --- | ---: | ---: | ---: | ---: | ---: |")
    for g in sorted(groups):
        c = groups[g]
        w("| %s | %d | %d | %d | %d | %d |" % (g, sum(c.values()), c["ok"], c["refused"], c["crash"], c["hang"]))
    w("")
    for rel in neither:
        if "strict" in tags(rel):
            continue
        r = results[rel]
        w("- `%s` [%s]: %s%s" % (rel, ",".join(x for x in tags(rel) if x in
                                             ("cfb", "encrypted", "zip_bad", "tiny", "doctype")),
                                 r["outcome"], (" — " + md_escape(r["reason"][:120])) if r["reason"] else
                                 " (%d letters)" % len(r.get("our_letters", ""))))
    w("")

    failures = []
    if crashes:
        failures.append("%d crash/hang" % len(crashes))
    if as_hits:
        failures.append("%d safety-net hit(s)" % len(as_hits))
    if hostile_fail:
        failures.append("%d hostile FAIL" % len(hostile_fail))
    if missing_hostile:
        failures.append("%d hostile file(s) missing" % len(missing_hostile))
    missed = [t for t in TOOLS if not agree[t]["met"]]
    if missed:
        failures.append("agreement target missed for %s%s" % (
            ", ".join(missed), "" if args.enforce else " (not enforced)"))
    hard = [f for f in failures if "not enforced" not in f]
    w("## Verdict: %s" % ("PASS" if not hard else "FAIL"))
    w("")
    w("- " + ("; ".join(failures) if failures else "no crash, no hang, all hostile rows pass, agreement targets met"))
    w("")

    text = "\n".join(L)
    with open(os.path.join(out_dir, "summary.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)
    print("(written: %s, %s, %s/)" % (os.path.join(args.out, "summary.md"),
                                      os.path.join(args.out, "results.tsv"), os.path.join(args.out, "dump")))
    return 1 if hard else 0


if __name__ == "__main__":
    sys.exit(main())
