"""Contact QR codes: a vCard or MECARD printed on the card states its fields outright."""

from __future__ import annotations

import quopri
import re

import numpy as np

from bizcard.pipeline.schema import empty_fields


def read_qr_fields(image: np.ndarray) -> dict | None:
    """Fields from the card's contact QR code (raw strings, the validator cleans them),
    ``{"websites": [url]}`` for a plain link, or None when no QR code holds either."""
    import zxingcpp

    link = None
    for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        text = barcode.text.strip().lstrip("\ufeff")
        upper = text.upper()
        fields = None
        if upper.startswith("BEGIN:VCARD"):
            fields = parse_vcard(text)
        elif upper.startswith("MECARD:"):
            fields = parse_mecard(text)
        elif link is None and re.match(r"^https?://\S+$", text, re.IGNORECASE):
            link = text
        if fields is not None and any(fields.values()):
            return fields  # a contact code beats a link, wherever each is printed
    if link is None:
        return None
    fields = empty_fields()
    fields["websites"] = [link]
    return fields


def parse_vcard(text: str) -> dict:
    """vCard 2.1, 3.0 and 4.0: folded lines, escapes, TYPE=fax, quoted-printable."""
    fields = empty_fields()
    structured_name = ""
    for line in _unfold(text):
        if ":" not in line:
            continue
        head, value = line.split(":", 1)
        name, *params = head.split(";")
        name = name.split(".")[-1].upper()  # "item1.TEL" -> "TEL"
        params_upper = ";".join(params).upper()
        if "QUOTED-PRINTABLE" in params_upper:
            value = _decode_quoted_printable(value, params)
        parts = [_unescape(p) for p in re.split(r"(?<!\\);", value)]
        if name == "FN":
            fields["full_name"] = _unescape(value)
        elif name == "N":
            family, given, *rest = [*parts, "", ""]
            structured_name = " ".join(p for p in (rest[1] if len(rest) > 1 else "", given,
                                                   rest[0], family) if p)
        elif name == "ORG":
            fields["company"] = parts[0] or None
            fields["department"] = parts[1] if len(parts) > 1 and parts[1] else None
        elif name == "TITLE":
            fields["position"] = _unescape(value)
        elif name == "TEL":
            target = "fax" if "FAX" in params_upper else "phones"
            fields[target].append(re.sub(r"^tel:", "", value.strip(), flags=re.IGNORECASE))
        elif name == "EMAIL":
            fields["emails"].append(value.strip())
        elif name == "URL":
            fields["websites"].append(_unescape(value.strip()))
        elif name == "ADR":
            # PO box; extended; street; locality; region; postal code; country
            fields["address"] = ", ".join(p for p in parts if p.strip()) or None
    if not fields["full_name"] and structured_name:
        fields["full_name"] = structured_name
    return fields


def parse_mecard(text: str) -> dict:
    """MECARD:N:Doe,Jane;ORG:...;TEL:...;EMAIL:...;URL:...;ADR:...;;"""
    fields = empty_fields()
    body = text[len("MECARD:"):]
    for item in re.split(r"(?<!\\);", body):
        if ":" not in item:
            continue
        key, value = item.split(":", 1)
        value = _unescape(value)
        key = key.upper()
        if key == "N":
            family, _, given = value.partition(",")
            fields["full_name"] = f"{given} {family}".strip() if given else family
        elif key == "ORG":
            fields["company"] = value
        elif key in ("TITLE", "ROLE"):
            fields["position"] = value
        elif key == "TEL":
            fields["phones"].append(value)
        elif key == "TEL-AV":
            continue
        elif key == "EMAIL":
            fields["emails"].append(value)
        elif key == "URL":
            fields["websites"].append(value)
        elif key == "ADR":
            fields["address"] = ", ".join(p for p in value.split(",") if p.strip())
    return fields


def _unfold(text: str) -> list[str]:
    """Logical vCard lines: a line starting with a space or tab continues the one before,
    and so does the line after a quoted-printable value's soft break ("=" at its end)."""
    lines: list[str] = []
    for line in re.split(r"\r?\n", text):
        if lines and line[:1] in (" ", "\t"):
            lines[-1] += line[1:]
        elif lines and lines[-1].endswith("=") and (
            "QUOTED-PRINTABLE" in lines[-1].split(":", 1)[0].upper()
        ):
            lines[-1] = lines[-1][:-1] + line
        else:
            lines.append(line)
    return lines


def _decode_quoted_printable(value: str, params: list[str]) -> str:
    """Phones export vCard 2.1 as quoted-printable in their own charset (CHARSET=...)."""
    charset = next((p.split("=", 1)[1].strip('"') for p in params
                    if p.upper().startswith("CHARSET=")), "utf-8")
    raw = quopri.decodestring(value.encode("ascii", "replace"))
    try:
        return raw.decode(charset, "replace")
    except LookupError:  # a charset Python does not know
        return raw.decode("utf-8", "replace")


def _unescape(value: str) -> str:
    return (value.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",")
            .replace("\\;", ";").replace("\\:", ":").replace("\\\\", "\\").strip())
