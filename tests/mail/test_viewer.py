"""The development mail viewer at /dev/mail/: the outbox, readable and clickable, in development only."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from tests.factories import OutgoingEmailFactory
from tests.test_settings import production_env

pytestmark = pytest.mark.django_db

LINK = "http://testserver/account/confirm/abc:def/"


@pytest.fixture
def viewer_on(settings):
    settings.MAIL_VIEWER = True


@pytest.mark.usefixtures("viewer_on")
def test_the_list_shows_every_email_newest_first_with_its_status(client):
    OutgoingEmailFactory(to="old@example.com", subject="Older")
    newer = OutgoingEmailFactory(to="new@example.com", subject="Newer")
    newer.sent_at = newer.created_at
    newer.save()

    page = client.get(reverse("mail:list")).content.decode()

    assert page.index("new@example.com") < page.index("old@example.com")
    assert "<td>sent</td>" in page and "<td>pending</td>" in page
    assert f'href="{reverse("mail:detail", args=[newer.pk])}"' in page


@pytest.mark.usefixtures("viewer_on")
def test_a_message_shows_its_text_with_clickable_links_and_frames_its_html_in_a_sandbox(client):
    email = OutgoingEmailFactory(body_text=f"Open <this> link:\n{LINK}\n", body_html="<p>Hi</p>")

    page = client.get(reverse("mail:detail", args=[email.pk])).content.decode()

    assert f'<a href="{LINK}" rel="nofollow">{LINK}</a>' in page
    assert "Open &lt;this&gt; link" in page
    assert f'src="{reverse("mail:html", args=[email.pk])}"' in page
    sandbox = "allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
    assert f'sandbox="{sandbox}"' in page


@pytest.mark.usefixtures("viewer_on")
def test_the_html_part_is_served_alone_under_a_strict_policy_with_links_opening_in_the_tab(client):
    email = OutgoingEmailFactory(body_html='<html><head></head><body><a href="/x">x</a><script>1</script>')

    response = client.get(reverse("mail:html", args=[email.pk]))

    assert response.content.decode().startswith('<html><head><base target="_top">')
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "frame-ancestors 'self'" in policy and "sandbox allow-popups" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.usefixtures("viewer_on")
def test_the_footer_links_to_the_viewer_when_it_is_on(client):
    assert (
        f'href="{reverse("mail:list")}">Development mail</a>'
        in client.get(reverse("pages:home")).content.decode()
    )


@pytest.mark.parametrize(
    "path", [reverse("mail:list"), reverse("mail:detail", args=[1]), reverse("mail:html", args=[1])]
)
def test_without_the_setting_the_viewer_answers_404(client, path):
    OutgoingEmailFactory(pk=1)
    assert client.get(path).status_code == HTTPStatus.NOT_FOUND
    assert "Development mail" not in client.get(reverse("pages:home")).content.decode()


# Under production settings, each viewer URL is resolved and its view called as a request would be.
# (Not through gunicorn: production's 404 page needs collectstatic's manifest, which tests never build.)
CALL_THE_VIEWER = """
from django.http import Http404
from django.test import RequestFactory
from django.urls import resolve
for path in ("/dev/mail/", "/dev/mail/1/", "/dev/mail/1/html/"):
    match = resolve(path)
    try:
        response = match.func(RequestFactory().get(path, secure=True), *match.args, **match.kwargs)
        print(path, response.status_code, response.rendered_content if hasattr(response, "render") else "")
    except Http404:
        print(path, 404)
"""


@pytest.mark.django_db(transaction=True)
def test_under_production_settings_the_viewer_answers_404(manage):
    OutgoingEmailFactory(pk=1, subject="Secret link", body_html="<p>Secret link</p>")

    result = manage("shell", "-c", CALL_THE_VIEWER, env=production_env())

    assert result.returncode == 0, result.stderr
    answers = result.stdout.strip().splitlines()[-3:]
    assert answers == ["/dev/mail/ 404", "/dev/mail/1/ 404", "/dev/mail/1/html/ 404"]
