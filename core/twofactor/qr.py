"""The QR code an authenticator app scans, drawn here (segno) as an SVG data URI: no outside service
ever sees the secret."""

import segno


def qr_data_uri(text):
    return segno.make(text, error="m").svg_data_uri(scale=5, border=2)
