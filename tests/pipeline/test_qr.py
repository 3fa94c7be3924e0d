"""Contact QR codes: vCard and MECARD parsing, and decoding from a card image."""

from __future__ import annotations

import numpy as np
import zxingcpp

from bizcard.pipeline.qr import parse_mecard, parse_vcard, read_qr_fields
from tests.pipeline.render import GERMAN_CARD, card_image

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Becker;Anna;;Dr.;\r\nFN:Dr. Anna Becker\r\n"
    "ORG:Müller & Schmidt GmbH;Vertrieb\r\nTITLE:Leiterin\\, Vertrieb\r\n"
    "TEL;TYPE=work,voice:+49 30 1234567\r\nTEL;TYPE=work,fax:+49 30 1234568\r\n"
    "EMAIL;TYPE=internet:a.becker@mueller-schmidt.de\r\nURL:https://mueller-schmidt.de\r\n"
    "ADR;TYPE=work:;;Hauptstraße 12;Berlin;;10115;Germany\r\n"
    "NOTE:a very long note that is folded onto\r\n  a second line\r\nEND:VCARD"
)


def test_vcard_fields_map_onto_the_schema_with_fax_apart():
    fields = parse_vcard(VCARD)
    assert fields["full_name"] == "Dr. Anna Becker"
    assert fields["company"] == "Müller & Schmidt GmbH" and fields["department"] == "Vertrieb"
    assert fields["position"] == "Leiterin, Vertrieb"
    assert fields["phones"] == ["+49 30 1234567"] and fields["fax"] == ["+49 30 1234568"]
    assert fields["emails"] == ["a.becker@mueller-schmidt.de"]
    assert fields["address"] == "Hauptstraße 12, Berlin, 10115, Germany"


def test_vcard_without_fn_builds_the_name_from_n():
    fields = parse_vcard("BEGIN:VCARD\nVERSION:2.1\nN:Roe;Jane\nEND:VCARD")
    assert fields["full_name"] == "Jane Roe"


def test_mecard_is_parsed():
    fields = parse_mecard("MECARD:N:Roe,Jane;TEL:+14155550132;EMAIL:jane@roe.studio;;")
    assert fields["full_name"] == "Jane Roe"
    assert fields["phones"] == ["+14155550132"] and fields["emails"] == ["jane@roe.studio"]


def test_qr_code_printed_on_a_card_is_decoded():
    card = card_image(GERMAN_CARD)
    code = zxingcpp.create_barcode(VCARD, zxingcpp.BarcodeFormat.QRCode)
    qr = np.asarray(code.to_image(scale=3))
    card[200 : 200 + qr.shape[0], 650 : 650 + qr.shape[1]] = qr[:, :, None]
    fields = read_qr_fields(card)
    assert fields is not None and fields["emails"] == ["a.becker@mueller-schmidt.de"]


def test_card_without_qr_gives_none():
    assert read_qr_fields(card_image(GERMAN_CARD)) is None


def test_vcard_21_quoted_printable_in_a_phones_charset_is_decoded():
    """What Android and old Nokia phones export: CHARSET=..., soft line breaks ("=")."""
    vcard = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        "N;CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE:=C8=E2=E0=ED=EE=E2;=C8=E2=E0=ED\r\n"
        "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;;=D1=83=D0=BB. =D0=9B=D0=B5=\r\n"
        "=D0=BD=D0=B8=D0=BD=D0=B0, 5;=D0=9C=D0=BE=D1=81=D0=BA=D0=B2=D0=B0;;;\r\n"
        "TEL;WORK;FAX:+7 495 1234568\r\nTEL;CELL:+7 916 1234567\r\nEND:VCARD"
    )
    fields = parse_vcard(vcard)
    assert fields["full_name"] == "Иван Иванов"
    assert fields["address"] == "ул. Ленина, 5, Москва"
    assert fields["phones"] == ["+7 916 1234567"] and fields["fax"] == ["+7 495 1234568"]


def qr_image(text: str) -> np.ndarray:
    return np.asarray(zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode).to_image(
        scale=3))


def test_contact_code_wins_over_a_link_printed_before_it():
    card = card_image(GERMAN_CARD)
    link, contact = qr_image("https://mueller-schmidt.de/jobs"), qr_image(VCARD)
    card[40 : 40 + link.shape[0], 620 : 620 + link.shape[1]] = link[:, :, None]
    card[300 : 300 + contact.shape[0], 740 : 740 + contact.shape[1]] = contact[:, :, None]
    fields = read_qr_fields(card)
    assert fields is not None and fields["emails"] == ["a.becker@mueller-schmidt.de"]


def test_plain_link_gives_only_the_website():
    card = card_image(GERMAN_CARD)
    link = qr_image("https://mueller-schmidt.de/")
    card[200 : 200 + link.shape[0], 650 : 650 + link.shape[1]] = link[:, :, None]
    fields = read_qr_fields(card)
    assert fields is not None and fields["websites"] == ["https://mueller-schmidt.de/"]
    assert not any(value for name, value in fields.items() if name != "websites")


def test_contact_code_without_any_field_counts_as_no_contact():
    card = card_image(GERMAN_CARD)
    empty = qr_image("BEGIN:VCARD\nVERSION:3.0\nEND:VCARD")
    card[200 : 200 + empty.shape[0], 650 : 650 + empty.shape[1]] = empty[:, :, None]
    assert read_qr_fields(card) is None
