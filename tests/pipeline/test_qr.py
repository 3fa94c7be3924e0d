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
