#!/usr/bin/env python
"""Django's command-line utility. Settings default to development; .env is read first."""

import sys


def main():
    from project.env import ConfigurationError, choose_settings_module, load_env_file

    try:
        # Before the settings module is chosen, so .env may set DJANGO_SETTINGS_MODULE too.
        load_env_file()
        choose_settings_module("project.settings.development")
        from django.core.management import execute_from_command_line

        execute_from_command_line(sys.argv)
    except ConfigurationError as error:
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()
