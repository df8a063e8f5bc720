"""Small helpers shared by the writers: deterministic choices, zip output, core.xml."""
from __future__ import annotations

import hashlib
import random
import re
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape as _esc

from .source import Document, parse_date, w3cdtf

# Word writes every part of a package with the DOS epoch as its time stamp.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def esc(s: str) -> str:
    return _esc(s, {'"': "&quot;"})


def seed_for(doc: Document, salt: str = "") -> int:
    h = hashlib.sha256((doc.file + "\0" + salt).encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big")


def rng_for(doc: Document, salt: str = "") -> random.Random:
    return random.Random(seed_for(doc, salt))


def choose(doc: Document, salt: str, n: int) -> int:
    """A stable choice in 0..n-1 that depends only on the file name and salt."""
    return seed_for(doc, salt) % n


def created(doc: Document) -> datetime:
    return parse_date(doc.meta["created"], "created")


def modified(doc: Document) -> datetime:
    return parse_date(doc.meta["modified"], "modified")


def epoch(doc: Document) -> int:
    """SOURCE_DATE_EPOCH for tools that honour it: the draft's modified date."""
    return int(modified(doc).timestamp())


def write_zip(path: Path, parts: list[tuple[str, bytes | str]],
              date_time: tuple = ZIP_EPOCH) -> None:
    """Deterministic zip: fixed order, fixed time stamps, deflate."""
    tmp = path.with_name(path.name + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            if isinstance(data, str):
                data = data.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 0
            zi.external_attr = 0
            z.writestr(zi, data)
    tmp.replace(path)


def core_xml(doc: Document, *, revision: int = 2, last_by: str | None = None) -> str:
    title = doc.meta.get("docTitle", "")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{esc(title)}</dc:title><dc:subject></dc:subject>'
        f'<dc:creator>{esc(doc.meta["author"])}</dc:creator><cp:keywords></cp:keywords>'
        '<dc:description></dc:description>'
        f'<cp:lastModifiedBy>{esc(last_by or doc.meta.get("reviser") or doc.meta["author"])}'
        f'</cp:lastModifiedBy><cp:revision>{revision}</cp:revision>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{w3cdtf(created(doc))}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{w3cdtf(modified(doc))}'
        '</dcterms:modified></cp:coreProperties>')


def _set_element(xml: str, tag: str, value: str, attrs: str = "") -> str:
    """Replace the text of <tag …>…</tag> (or <tag/>) in a small XML part, or add it."""
    rx = re.compile(rf"<{re.escape(tag)}(\s[^>]*)?(/>|>.*?</{re.escape(tag)}>)", re.S)
    m = rx.search(xml)
    if m:
        a = m.group(1) or attrs
        return xml[:m.start()] + f"<{tag}{a}>{esc(value)}</{tag}>" + xml[m.end():]
    end = xml.rindex("</cp:coreProperties>")
    return xml[:end] + f"<{tag}{attrs}>{esc(value)}</{tag}>" + xml[end:]


def _ensure_ns(xml: str, prefix: str, uri: str) -> str:
    if f"xmlns:{prefix}=" in xml:
        return xml
    return xml.replace("<cp:coreProperties", f'<cp:coreProperties xmlns:{prefix}="{uri}"', 1)


def fix_core_properties(docx: Path, doc: Document) -> None:
    """Rewrite docProps/core.xml of a tool-made package: created/modified from the front
    matter, dc:title = docTitle (or empty), dc:creator = author. Every other zip entry is
    copied with its bytes and zip metadata unchanged; only the time stamps of all entries
    are pinned so the output is reproducible."""
    with zipfile.ZipFile(docx) as z:
        infos = z.infolist()
        datas = {i.filename: z.read(i.filename) for i in infos}
    core_name = "docProps/core.xml"
    if core_name not in datas:
        raise RuntimeError(f"{docx.name}: no {core_name}")
    xml = datas[core_name].decode("utf-8")
    xml = _ensure_ns(xml, "dcterms", "http://purl.org/dc/terms/")
    xml = _ensure_ns(xml, "xsi", "http://www.w3.org/2001/XMLSchema-instance")
    xml = _ensure_ns(xml, "dc", "http://purl.org/dc/elements/1.1/")
    w3 = ' xsi:type="dcterms:W3CDTF"'
    xml = _set_element(xml, "dcterms:created", w3cdtf(created(doc)), w3)
    xml = _set_element(xml, "dcterms:modified", w3cdtf(modified(doc)), w3)
    xml = _set_element(xml, "dc:title", doc.meta.get("docTitle", ""))
    xml = _set_element(xml, "dc:creator", doc.meta["author"])
    datas[core_name] = xml.encode("utf-8")
    stamp = modified(doc).timetuple()[:6]
    tmp = docx.with_name(docx.name + ".part")
    with zipfile.ZipFile(tmp, "w") as out:
        for info in infos:
            zi = zipfile.ZipInfo(info.filename, stamp)
            zi.compress_type = info.compress_type
            zi.external_attr = info.external_attr
            zi.create_system = info.create_system
            out.writestr(zi, datas[info.filename])
    tmp.replace(docx)


# --------------------------------------------------------------------------- soffice

_PROFILE: Path | None = None


def soffice_profile() -> Path:
    """One throw-away LibreOffice user profile per process (soffice needs a writable
    profile; a private one also keeps it from clashing with a running office)."""
    global _PROFILE
    if _PROFILE is None:
        import atexit
        import shutil
        import tempfile
        _PROFILE = Path(tempfile.mkdtemp(prefix="draftgen-lo-"))
        atexit.register(shutil.rmtree, _PROFILE, True)
    return _PROFILE


def soffice_convert(inputs: list[Path], outdir: Path, target: str,
                    env_extra: dict[str, str] | None = None, timeout: int = 300) -> str:
    import os
    import shutil
    import subprocess
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise RuntimeError("soffice not found (apt-get install libreoffice-writer)")
    env = dict(os.environ)
    env["HOME"] = str(soffice_profile())
    env.update(env_extra or {})
    cmd = [exe, f"-env:UserInstallation={soffice_profile().as_uri()}", "--headless",
           "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", str(outdir),
           *map(str, inputs)]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if res.returncode != 0:
        raise RuntimeError(f"soffice failed ({res.returncode}): {res.stderr.strip()}")
    return res.stdout + res.stderr


# --------------------------------------------------------------------------- tables

def display_width(text: str) -> float:
    """Width in CJK characters: ASCII letters and digits are about half as wide."""
    return sum(0.55 if ord(ch) < 0x2000 else 1.0 for ch in text)


def column_fractions(table, line_chars: float = 36.0) -> list[float]:
    """Column widths as fractions of the text width, the way a drafter drags them: short
    columns (序号, 单位, 属性, figures) get what their longest cell needs, the long text
    columns share the rest."""
    from .source import plain_text
    ncols = table.ncols
    need = []
    for c in range(ncols):
        longest = max((display_width(plain_text(r[c].inlines)) for r in table.rows
                       if c < len(r) and not r[c].merge), default=2.0)
        need.append(max(longest, 2.0) + 1.2)  # cell margins
    total = sum(need)
    if total <= line_chars:
        return [n / total for n in need]
    short = [c for c in range(ncols) if need[c] <= 5.5]
    rest = line_chars - sum(need[c] for c in short)
    long_total = sum(need[c] for c in range(ncols) if c not in short)
    if not short or long_total == 0 or rest < 4.0 * (ncols - len(short)):
        return [n / total for n in need]
    widths = [need[c] if c in short else rest * need[c] / long_total for c in range(ncols)]
    return [w / line_chars for w in widths]
