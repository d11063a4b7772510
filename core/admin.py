"""Registers core's models with Django's admin site (autodiscovered here, by app)."""

from core.audit import admin  # noqa: F401
