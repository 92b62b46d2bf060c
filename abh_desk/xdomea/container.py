"""The transport package: one ZIP with the message XML and the primary documents it names, flat,
as xdomea prescribes (``{ProzessID}_{Nachricht}.zip`` holding ``{ProzessID}_{Nachricht}.xml``).

Reading is guarded: no entry may leave the folder (``../``, absolute paths, drive letters,
sub-folders), the number of entries and the unpacked size are bounded and are counted while
reading (a ZIP's own size fields can lie), and a file that unpacks far larger than it is packed
(a ZIP bomb) is refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

from abh_desk.xdomea.xml import MESSAGE_NAMES, MessageError

MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3
MAX_RATIO = 200
_SAFE_NAME = re.compile(r"[^/\\:\x00-\x1f]{1,255}")


def package_name(process_id: str, kind: str) -> str:
    return f"{process_id}_{MESSAGE_NAMES[kind]}.zip"


def pack(process_id: str, kind: str, message: bytes, files: dict[str, bytes]) -> bytes:
    """The ZIP: the message first, then each file once (PDFs are stored, not compressed again)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(_info(f"{process_id}_{MESSAGE_NAMES[kind]}.xml", zipfile.ZIP_DEFLATED), message)
        for name, content in files.items():
            archive.writestr(_info(name, zipfile.ZIP_STORED), content)
    return buffer.getvalue()


def _info(name: str, method: int) -> zipfile.ZipInfo:
    # A fixed time stamp: the package says nothing about the workstation or the moment it was packed.
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = method
    info.external_attr = 0o644 << 16
    return info


@dataclass(frozen=True)
class Package:
    message_name: str
    message_xml: bytes  # not "message": that name is an error's German sentence (tests/unit/test_error_texts.py)
    files: dict[str, bytes]


def unpack(data: bytes, where: str = "Das Paket") -> Package:
    """The message and the files of a package, or MessageError in German naming the problem."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise MessageError(f"{where} ist keine ZIP-Datei (oder beschädigt).") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise MessageError(f"{where} enthält mehr als {MAX_ENTRIES} Dateien.")
        for entry in entries:
            _check_name(entry.filename, where)
        files: dict[str, bytes] = {}
        total = 0
        for entry in entries:
            if entry.is_dir():
                raise MessageError(
                    f"{where} enthält einen Ordner („{entry.filename[:80]}“); vorgesehen sind nur Dateien."
                )
            if entry.filename in files:
                raise MessageError(f"{where} enthält die Datei „{entry.filename[:80]}“ zweimal.")
            content = _read(archive, entry, MAX_TOTAL_BYTES - total, where)
            total += len(content)
            files[entry.filename] = content
    messages = [name for name in files if name.lower().endswith(".xml")]
    if len(messages) != 1:
        raise MessageError(f"{where} muss genau eine Nachricht (XML-Datei) enthalten, enthält aber {len(messages)}.")
    name = messages[0]
    message = files.pop(name)
    return Package(name, message, files)


def _check_name(name: str, where: str) -> None:
    shown = name[:80]
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in re.split(r"[/\\]", name):
        raise MessageError(f"{where}: der Pfad „{shown}“ verlässt den Ordner – das Paket wird nicht gelesen.")
    if not _SAFE_NAME.fullmatch(name.rstrip("/")):
        raise MessageError(f"{where}: der Dateiname „{shown}“ ist nicht zulässig (Unterordner oder Steuerzeichen).")


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int, where: str) -> bytes:
    if entry.file_size > budget:
        raise MessageError(f"{where} ist ausgepackt größer als {MAX_TOTAL_BYTES // 1024**3} GB.")
    limit = max(entry.compress_size, 1) * MAX_RATIO + 1024 * 1024
    chunks = []
    read = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(1024 * 1024):
                read += len(chunk)
                if read > budget:
                    raise MessageError(f"{where} ist ausgepackt größer als {MAX_TOTAL_BYTES // 1024**3} GB.")
                if read > limit:
                    raise MessageError(
                        f"{where}: „{entry.filename[:80]}“ entpackt sich auf ein Vielfaches seiner Größe "
                        "(ZIP-Bombe) – das Paket wird nicht gelesen."
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise MessageError(f"{where}: „{entry.filename[:80]}“ lässt sich nicht entpacken ({exc}).") from None
    except RuntimeError as exc:  # encrypted entries
        raise MessageError(f"{where}: „{entry.filename[:80]}“ ist verschlüsselt ({exc}).") from None
    return b"".join(chunks)
