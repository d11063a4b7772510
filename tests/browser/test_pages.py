"""The pages in a real browser."""

import pytest
from django.urls import reverse


@pytest.mark.django_db(transaction=True)
def test_home_page_renders_with_its_stylesheet(page):
    page.goto(reverse("pages:home"))
    assert page.locator("h1").inner_text() == "django-base"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(247, 248, 250)"
