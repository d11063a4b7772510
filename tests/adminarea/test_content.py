"""The About page: default text until an administrator edits it; what they save is sanitised."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import EditableContent
from tests.support import messages_of

pytestmark = pytest.mark.django_db

ABOUT = reverse("pages:about")
EDIT_ABOUT = reverse("adminarea:content", args=["about"])


def test_the_about_page_shows_its_default_text_until_edited(client):
    response = client.get(ABOUT)
    assert response.status_code == HTTPStatus.OK
    assert "<h2>About django-base</h2>" in response.text


def test_the_editor_starts_from_the_text_shown(admin_client):
    response = admin_client.get(EDIT_ABOUT)
    assert response.status_code == HTTPStatus.OK
    assert "&lt;h2&gt;About django-base&lt;/h2&gt;" in response.text


def test_an_administrator_edits_the_about_page_and_everyone_sees_it(admin_client, client, administrator):
    body = "<p>We build <strong>things</strong>.</p>"
    response = admin_client.post(EDIT_ABOUT, {"body": body}, follow=True)
    assert response.redirect_chain[-1][0] == ABOUT
    assert "Saved the About page." in messages_of(response)
    assert EditableContent.objects.get(slug="about").updated_by == administrator
    admin_client.logout()
    assert body in client.get(ABOUT).text


def test_scripts_and_event_handlers_are_never_stored(admin_client, client):
    admin_client.post(
        EDIT_ABOUT,
        {
            "body": '<p onclick="steal()">Hi</p><script>alert("x")</script>'
            '<a href="javascript:alert(1)">link</a><img src=x onerror=alert(1)><iframe src="/"></iframe>'
        },
    )
    stored = EditableContent.objects.get(slug="about").body
    assert stored == '<p>Hi</p><a rel="noopener noreferrer">link</a>'
    page = client.get(ABOUT).text
    assert "alert" not in page and "onclick" not in page and "<iframe" not in page


def test_content_saved_outside_the_form_is_sanitised_too():
    content = EditableContent.objects.create(slug="about", body="<p>ok</p><script>bad()</script>")
    content.refresh_from_db()
    assert content.body == "<p>ok</p>"


def test_allowed_markup_is_kept():
    body = (
        '<h2>Us</h2><ul><li><a href="https://example.com" title="t">x</a></li></ul><blockquote>q</blockquote>'
    )
    content = EditableContent.objects.create(slug="about", body=body)
    assert content.body == body.replace('title="t"', 'title="t" rel="noopener noreferrer"')


def test_a_page_that_is_not_editable_is_404(admin_client):
    response = admin_client.get(reverse("adminarea:content", args=["contact"]))
    assert response.status_code == HTTPStatus.NOT_FOUND


def test_the_about_page_links_to_the_editor_only_for_administrators(admin_client, client):
    assert EDIT_ABOUT in admin_client.get(ABOUT).text
    admin_client.logout()
    assert EDIT_ABOUT not in client.get(ABOUT).text
