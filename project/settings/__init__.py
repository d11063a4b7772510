"""One settings module per environment, chosen by DJANGO_SETTINGS_MODULE.

`base` holds what every environment shares; `development`, `testing` and `production` each import it
and change only what differs.
"""
