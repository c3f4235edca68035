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
    return b"\x00" in head


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Tries BOMs, then strict UTF-8, then CP949 (a superset of EUC-KR)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes)")
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


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding} at byte {exc.start}") from None


def normalize(text: str) -> str:
    """NFC, with CRLF and lone CR turned into LF. Every offset in the product indexes text after this."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
