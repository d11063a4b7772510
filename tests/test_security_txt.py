"""/.well-known/security.txt tells researchers where to report a vulnerability (RFC 9116)."""

from http import HTTPStatus


def test_security_txt_names_the_configured_contact(client, settings):
    settings.SECURITY_CONTACT_EMAIL = "security@acme.example"
    response = client.get("/.well-known/security.txt")
    assert response.status_code == HTTPStatus.OK
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.startswith("Contact: mailto:security@acme.example\nExpires: ")
