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

from abh_desk.error_texts import Label
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


def unpack(data: bytes, where: Label | str = Label("xdomea_container.label_package")) -> Package:
    """The message and the files of a package, or MessageError in German naming the problem."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise MessageError("xdomea_container.not_a_zip", where=where) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise MessageError("xdomea_container.too_many_files", where=where, maximum=MAX_ENTRIES)
        for entry in entries:
            _check_name(entry.filename, where)
        files: dict[str, bytes] = {}
        total = 0
        for entry in entries:
            if entry.is_dir():
                raise MessageError("xdomea_container.folder", where=where, name=entry.filename[:80])
            if entry.filename in files:
                raise MessageError("xdomea_container.file_twice", where=where, name=entry.filename[:80])
            content = _read(archive, entry, MAX_TOTAL_BYTES - total, where)
            total += len(content)
            files[entry.filename] = content
    messages = [name for name in files if name.lower().endswith(".xml")]
    if len(messages) != 1:
        raise MessageError("xdomea_container.not_one_message", where=where, count=len(messages))
    name = messages[0]
    message = files.pop(name)
    return Package(name, message, files)


def _check_name(name: str, where: Label | str) -> None:
    shown = name[:80]
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in re.split(r"[/\\]", name):
        raise MessageError("xdomea_container.path_escapes", where=where, name=shown)
    if not _SAFE_NAME.fullmatch(name.rstrip("/")):
        raise MessageError("xdomea_container.name_not_allowed", where=where, name=shown)


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int, where: Label | str) -> bytes:
    if entry.file_size > budget:
        raise MessageError("xdomea_container.too_large", where=where, gigabytes=MAX_TOTAL_BYTES // 1024**3)
    limit = max(entry.compress_size, 1) * MAX_RATIO + 1024 * 1024
    chunks = []
    read = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(1024 * 1024):
                read += len(chunk)
                if read > budget:
                    raise MessageError("xdomea_container.too_large", where=where, gigabytes=MAX_TOTAL_BYTES // 1024**3)
                if read > limit:
                    raise MessageError("xdomea_container.zip_bomb", where=where, name=entry.filename[:80])
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as exc:
        raise MessageError(
            "xdomea_container.cannot_unpack", where=where, name=entry.filename[:80], detail=exc
        ) from None
    except RuntimeError as exc:  # encrypted entries
        raise MessageError("xdomea_container.encrypted", where=where, name=entry.filename[:80], detail=exc) from None
    return b"".join(chunks)
