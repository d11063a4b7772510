"""The CSV export of the user list: the filtered, sorted list, streamed, and safe to open in a spreadsheet."""

import csv
import io
from http import HTTPStatus

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from core.adminarea import csv_export
from core.models import Role
from tests.factories import InvitedUserFactory, UserFactory

pytestmark = pytest.mark.django_db

EXPORT = reverse("adminarea:users_export")


def exported(response):
    assert response.status_code == HTTPStatus.OK
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_export_is_a_streamed_csv_attachment(admin_client):
    response = admin_client.get(EXPORT)
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="users.csv"'


def test_the_export_has_a_header_and_one_row_per_user(admin_client):
    UserFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace", confirmed=False)
    header, *rows = exported(admin_client.get(EXPORT, {"sort": "email"}))
    assert header == list(csv_export.COLUMNS.values())
    assert [row[:6] for row in rows] == [
        ["ada@example.com", "Ada", "Lovelace", "User", "no", "no"],
        ["boss@example.com", "Grace", "Hopper", "Administrator", "yes", "no"],
    ]


def test_the_export_holds_the_filtered_list_in_its_order(admin_client):
    UserFactory(email="b@example.com", last_name="Smith", confirmed=False)
    UserFactory(email="a@example.com", last_name="Smith", confirmed=False)
    UserFactory(email="c@example.com", last_name="Smith", confirmed=True)
    UserFactory(email="d@example.com", last_name="Jones", confirmed=False)
    _, *rows = exported(admin_client.get(EXPORT, {"q": "smith", "status": "unconfirmed", "sort": "-email"}))
    assert [row[0] for row in rows] == ["b@example.com", "a@example.com"]


def test_the_export_filters_by_role_and_marks_pending_invites(admin_client):
    InvitedUserFactory(email="invited@example.com")
    _, *rows = exported(admin_client.get(EXPORT, {"role": Role.default_role().pk}))
    assert [(row[0], row[5]) for row in rows] == [("invited@example.com", "yes")]


def test_cells_a_spreadsheet_would_run_as_formulas_are_neutralised(admin_client):
    UserFactory(email="evil@example.com", first_name='=HYPERLINK("http://x")', last_name="+1-2")
    UserFactory(email="other@example.com", first_name="@SUM(A1)", last_name="-3")
    _, *rows = exported(admin_client.get(EXPORT, {"q": "example.com", "sort": "email"}))
    names = [(row[1], row[2]) for row in rows if row[0] != "boss@example.com"]
    assert names == [('\'=HYPERLINK("http://x")', "'+1-2"), ("'@SUM(A1)", "'-3")]


@pytest.mark.parametrize(("value", "cell"), [("\tcmd", "'\tcmd"), ("a=b", "a=b"), (None, ""), (True, "yes")])
def test_neutralize_quotes_only_what_starts_like_a_formula(value, cell):
    assert csv_export.neutralize(value) == cell


def test_the_export_is_complete_when_read_in_chunks_smaller_than_the_list(admin_client, monkeypatch):
    monkeypatch.setattr(csv_export, "CHUNK_SIZE", 2)
    UserFactory.create_batch(5)
    _, *rows = exported(admin_client.get(EXPORT))
    assert len(rows) == 6
