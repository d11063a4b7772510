"""The QR code an authenticator app scans, drawn here (segno) as an SVG data URI: no outside service
ever sees the secret."""


def qr_data_uri(text):
    import segno  # only the set-up page needs it: not imported at start-up

    return segno.make(text, error="m").svg_data_uri(scale=5, border=2)
