"""The development mailer behind EMAIL_URL=console://: each e-mail printed so a person can read it and
open its links as printed (Django's console backend prints the raw MIME, quoted-printable and all)."""

from django.core.mail.backends import console

RULE = "-" * 79


class EmailBackend(console.EmailBackend):
    """Prints the headers, the decoded text part (every link whole on its line) and what else is attached."""

    def write_message(self, message):
        self.stream.write(readable_message(message) + "\n" + RULE + "\n")


def readable_message(message):
    """An EmailMessage as plain text: headers, blank line, the text body, then a note per other part."""
    headers = [
        ("Subject", message.subject),
        ("From", message.from_email),
        ("To", ", ".join(message.to)),
        ("Cc", ", ".join(message.cc)),
        ("Reply-To", ", ".join(message.reply_to)),
    ]
    lines = [f"{name}: {value}" for name, value in headers if value]
    lines += ["", message.body.rstrip("\n")]
    for alternative in getattr(message, "alternatives", []):
        lines.append(f"[{alternative.mimetype} part: {len(alternative.content)} characters, not shown]")
    for attachment in message.attachments:
        lines.append(f"[attachment: {getattr(attachment, 'filename', None) or 'unnamed'}]")
    return "\n".join(lines)
