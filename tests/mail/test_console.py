"""EMAIL_URL=console:// prints each e-mail so a person can read it and open its links as printed."""

import io

from django.core.mail import EmailMultiAlternatives

from core.mail.console import EmailBackend

# Long enough that quoted-printable would break it, with '=' that it would turn into '=3D'.
LINK = "http://127.0.0.1:8000/account/confirm/" + "eyJ1c2VyIjo0Mn0:1vOqhX:" + "a" * 60 + "/?next=%2F&x=1"


def printed(message):
    stream = io.StringIO()
    EmailBackend(stream=stream).send_messages([message])
    return stream.getvalue()


def test_console_mail_prints_headers_and_the_decoded_text_with_every_link_whole():
    message = EmailMultiAlternatives(
        "Confirm your account",
        f"Hello Zoë,\n\nOpen this link:\n{LINK}\n",
        from_email="site <no-reply@localhost>",
        to=["ada@example.com"],
    )
    message.attach_alternative(f'<p><a href="{LINK}">{LINK}</a></p>', "text/html")

    output = printed(message)

    assert "Subject: Confirm your account\nFrom: site <no-reply@localhost>\nTo: ada@example.com\n" in output
    assert "Hello Zoë," in output
    assert f"\n{LINK}\n" in output
    assert "=3D" not in output and "=\n" not in output
    assert "[text/html part: " in output
    assert output.endswith("-" * 79 + "\n")


def test_console_mail_is_what_development_uses(settings):
    from project.env import mailer_config

    assert mailer_config("console://")["BACKEND"] == "core.mail.console.EmailBackend"
