"""export.contacts_vcard / contacts_csv, and the export endpoint that serves them."""

from __future__ import annotations

import csv
import io

import pytest
import vobject

from bizcard.cards.export import contacts_csv, contacts_vcard
from bizcard.cards.models import Contact

pytestmark = pytest.mark.django_db


@pytest.fixture
def zoe(user) -> Contact:
    return Contact.objects.create(
        owner=user,
        full_name="Dr. Zoë van der Berg",
        position="Directrice générale",
        department="Recherche",
        company="Société Générale; Paris",
        address="12 rue de la Paix, 75002 Paris\nFrance",
        emails=["zoe@example.fr"],
        phones=["+33142685300"],
        fax=["+33142685301"],
        websites=["https://example.fr/"],
    )


@pytest.fixture
def browser(client, user):
    client.login(username="alice", password="alice-password")
    return client


def parsed(vcard: str) -> list:
    return list(vobject.readComponents(vcard))


def params(line) -> set[str]:
    return {value.casefold() for value in line.params.get("TYPE", [])}


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_a_vcard_reads_back_with_every_value(zoe, version):
    [card] = parsed(contacts_vcard([zoe], version=version))

    assert card.version.value == version
    assert card.fn.value == "Dr. Zoë van der Berg"
    assert (card.n.value.prefix, card.n.value.given, card.n.value.family) == (
        "Dr.",
        "Zoë",
        "van der Berg",
    )
    assert card.org.value == ["Société Générale; Paris", "Recherche"]
    assert card.title.value == "Directrice générale"
    assert card.email.value == "zoe@example.fr"
    assert "work" in params(card.email)
    assert card.url.value == "https://example.fr/"
    assert card.adr.value.street == "12 rue de la Paix, 75002 Paris\nFrance"
    phone, fax = card.contents["tel"]
    assert phone.value.removeprefix("tel:") == "+33142685300"
    assert params(phone) == {"work", "voice"}
    assert fax.value.removeprefix("tel:") == "+33142685301"
    assert params(fax) == {"work", "fax"}


def test_a_vcard_3_marks_emails_as_internet_and_phones_as_text(zoe):
    [card] = parsed(contacts_vcard([zoe], version="3.0"))

    assert params(card.email) == {"internet", "work"}
    assert card.tel.value == "+33142685300"


def test_a_vcard_4_gives_phones_as_tel_uris(zoe):
    [card] = parsed(contacts_vcard([zoe], version="4.0"))

    assert card.tel.value == "tel:+33142685300"
    assert card.tel.params["VALUE"] == ["uri"]
    assert card.uid.value.startswith("urn:uuid:")


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_a_vcard_has_crlf_line_endings_and_folds_long_lines(zoe, version):
    zoe.address = "A very long street name " * 8
    text = contacts_vcard([zoe], version=version)

    assert text.count("\n") == text.count("\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.startswith(f"BEGIN:VCARD\r\nVERSION:{version}\r\n")


@pytest.mark.parametrize("version", ["3.0", "4.0"])
def test_a_contact_with_only_a_company_is_shown_as_the_company(user, version):
    contoso = Contact.objects.create(owner=user, company="Contoso", phones=["+447911123456"])

    [card] = parsed(contacts_vcard([contoso], version=version))

    assert card.fn.value == "Contoso"
    if version == "4.0":
        assert card.kind.value == "org"


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Avery Smith", ("", "Avery", "", "Smith", "")),
        ("Smith, Avery J.", ("", "Avery", "J.", "Smith", "")),
        ("Prof. Avery Smith PhD", ("Prof.", "Avery", "", "Smith", "PhD")),
        ("Avery Smith, Jr.", ("", "Avery", "", "Smith", "Jr.")),
        ("Ludwig van Beethoven", ("", "Ludwig", "", "van Beethoven", "")),
        ("Avery", ("", "Avery", "", "", "")),
    ],
)
def test_the_name_is_split_into_prefix_given_middle_family_and_suffix(user, full_name, expected):
    contact = Contact.objects.create(owner=user, full_name=full_name)

    [card] = parsed(contacts_vcard([contact]))

    name = card.n.value
    assert (name.prefix, name.given, name.additional, name.family, name.suffix) == expected


def test_every_contact_is_its_own_vcard(user, zoe):
    chris = Contact.objects.create(owner=user, full_name="Chris Jones")

    assert [card.fn.value for card in parsed(contacts_vcard([zoe, chris]))] == [
        "Dr. Zoë van der Berg",
        "Chris Jones",
    ]


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with the byte order mark
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_the_csv_has_a_column_per_field_and_keeps_accents(zoe):
    [row] = csv_rows(contacts_csv([zoe]))

    assert row["Name"] == "Dr. Zoë van der Berg"
    assert row["Position"] == "Directrice générale"
    assert row["Company"] == "Société Générale; Paris"
    assert row["Address"] == "12 rue de la Paix, 75002 Paris\nFrance"
    assert row["Emails"] == "zoe@example.fr"
    assert row["Websites"] == "https://example.fr/"


def test_csv_list_fields_are_joined_with_semicolons(user):
    contact = Contact.objects.create(owner=user, full_name="Avery", emails=["a@x.com", "b@x.com"])

    [row] = csv_rows(contacts_csv([contact]))

    assert row["Emails"] == "a@x.com; b@x.com"


def test_csv_phones_are_readable_text_that_no_spreadsheet_takes_for_a_formula(zoe):
    zoe.phones = ["+33142685300", "+447911123456"]

    [row] = csv_rows(contacts_csv([zoe]))

    assert row["Phones"] == "\t+33 1 42 68 53 00; +44 7911 123456"
    assert row["Fax"] == "\t+33 1 42 68 53 01"


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://evil")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
)
def test_csv_cells_that_would_run_as_formulas_are_shown_as_text(user, payload):
    contact = Contact.objects.create(
        owner=user, full_name=payload, company=payload, emails=[payload], phones=[payload]
    )

    [row] = csv_rows(contacts_csv([contact]))

    assert row["Name"] == row["Company"] == row["Emails"] == row["Phones"] == "'" + payload


def test_the_endpoint_sends_all_the_users_vcards_as_a_utf8_attachment(browser, zoe, other_user):
    Contact.objects.create(owner=other_user, full_name="Bob's contact")

    response = browser.get("/contacts/export/?format=vcf&version=4.0")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="contacts.vcf"'
    [card] = parsed(response.content.decode("utf-8"))
    assert card.fn.value == "Dr. Zoë van der Berg"
    assert card.version.value == "4.0"


def test_the_endpoint_sends_the_selected_contacts_as_csv(browser, zoe, user):
    chris = Contact.objects.create(owner=user, full_name="Chris Jones")
    Contact.objects.create(owner=user, full_name="Not selected")

    for ids in (f"ids={zoe.pk},{chris.pk}", f"ids={zoe.pk}&ids={chris.pk}&selected=1"):
        response = browser.get(f"/contacts/export/?format=csv&{ids}")

        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Content-Disposition"] == 'attachment; filename="contacts.csv"'
        names = [row["Name"] for row in csv_rows(response.content.decode("utf-8"))]
        assert names == ["Chris Jones", "Dr. Zoë van der Berg"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("format=pdf", "Unknown format 'pdf'"),
        ("", "Unknown format ''"),
        ("format=vcf&version=2.1", "Unknown vCard version '2.1'"),
        ("format=csv&ids=1,two", "ids: 'two' is not a contact number."),
        ("format=csv&ids=-1", "ids: '-1' is not a contact number."),
        ("format=csv&selected=1", "No contact selected"),
    ],
)
def test_bad_export_parameters_answer_400_with_the_reason(browser, zoe, query, message):
    response = browser.get(f"/contacts/export/?{query}")

    assert response.status_code == 400
    assert message in response.content.decode()


def test_exporting_someone_elses_contact_is_refused(client, other_user, zoe):
    client.login(username="bob", password="bob-password")

    response = client.get(f"/contacts/export/?format=vcf&ids={zoe.pk}")

    assert response.status_code == 400
    assert f"No contact {zoe.pk} among yours." in response.content.decode()
    assert "Zoë" not in response.content.decode()


def test_exporting_all_gives_bob_none_of_alices_contacts(client, other_user, zoe):
    client.login(username="bob", password="bob-password")

    response = client.get("/contacts/export/?format=csv")

    assert response.status_code == 200
    assert csv_rows(response.content.decode("utf-8")) == []
