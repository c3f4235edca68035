"""Decoding scraped bytes into normalised text: the encodings Korean news scrapes arrive in."""

from __future__ import annotations

import codecs
import unicodedata

# Bytes that never occur in text files; a NUL in the first block marks a binary file.
_BINARY_SNIFF = 8192


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    head = data[:_BINARY_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head and _utf16_order(head) is None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Tries BOMs, UTF-16 without one, strict UTF-8, then CP949 (a superset of EUC-KR)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise DecodeError("binary data (NUL bytes)")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        return data.decode("cp949"), "cp949"
    except UnicodeDecodeError:
        # Say where UTF-8 broke: a Korean UTF-8 file fails CP949 at its first syllable, which helps nobody.
        at = utf8_error.start
        line = data.count(b"\n", 0, at) + 1
        raise DecodeError(f"not UTF-8 (byte 0x{data[at]:02x} at line {line}, byte offset {at}), "
                          "nor UTF-16 or CP949/EUC-KR") from None


def _utf16_order(data: bytes) -> str | None:
    """The byte order when `data` is UTF-16 saved without a BOM (some Windows tools do), else None.

    Such text has NUL bytes (every ASCII character brings one), as binary data does; it is told apart
    by what it decodes to: text is (nearly) all printable Korean, CJK, Latin and punctuation, where
    binary data gives control codes and scattered code points."""
    data = data[: len(data) // 2 * 2]
    for encoding in ("utf-16-le", "utf-16-be"):
        text = data.decode(encoding, errors="replace")
        if any(c < " " and c not in "\t\n\r\f" for c in text):
            continue
        if sum(map(_plausible, text)) >= 0.95 * len(text):
            return encoding
    return None


def _plausible(c: str) -> bool:
    o = ord(c)
    return (o < 0x250 or 0xAC00 <= o <= 0xD7A3 or 0x4E00 <= o <= 0x9FFF or 0x2000 <= o <= 0x206F
            or 0x3000 <= o <= 0x30FF or 0x3130 <= o <= 0x318F or 0xFF00 <= o <= 0xFFEF)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text and encoding when `data` reads as UTF-16 without a BOM."""
    encoding = _utf16_order(data)
    if encoding is None or len(data) % 2:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding} at byte {exc.start}") from None


def normalize(text: str) -> str:
    """NFC, with CRLF and lone CR turned into LF. Every offset in the product indexes text after this."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
