"""Every page in site_pages.PAGES, in a real browser: no WCAG 2.1 A/AA violation that axe-core finds
(light and dark colour schemes), no sideways scrolling on a phone, and screenshots at three widths."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.report import SCREENSHOTS
from tests.browser.site_pages import ANONYMOUS, PAGES, SiteData

pytestmark = pytest.mark.django_db(transaction=True)

PHONE, TABLET, DESKTOP = 390, 768, 1280
HEIGHT = {PHONE: 844, TABLET: 1024, DESKTOP: 800}
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
axe = Axe()


def open_as_visitor(page, sign_in, site_page):
    data = SiteData()
    if site_page.visitor != ANONYMOUS:
        sign_in(data.visitor(site_page.visitor))
    response = page.goto(site_page.path(data))
    assert response.status == site_page.status, f"{site_page.id} answered {response.status}"


def set_width(page, width):
    page.set_viewport_size({"width": width, "height": HEIGHT[width]})


def violations(page):
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line each."""
    results = axe.run(page, options=WCAG_21_AA).response
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in results["violations"]
    ]


@pytest.mark.parametrize("site_page", PAGES, ids=[site_page.id for site_page in PAGES])
def test_page_has_one_h1_and_no_wcag_violations_in_light_or_dark(
    page, sign_in, site_page, accessibility_report
):
    open_as_visitor(page, sign_in, site_page)
    expect(page.locator("h1")).to_have_count(1)
    found = {}
    set_width(page, DESKTOP)
    found["1280 light"] = violations(page)
    page.emulate_media(color_scheme="dark")
    set_width(page, PHONE)
    found["390 dark"] = violations(page)
    accessibility_report.append((site_page.id, {check: len(lines) for check, lines in found.items()}))
    assert found == {"1280 light": [], "390 dark": []}


@pytest.mark.parametrize("site_page", PAGES, ids=[site_page.id for site_page in PAGES])
def test_page_fits_a_phone_without_sideways_scrolling(page, sign_in, site_page):
    open_as_visitor(page, sign_in, site_page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (DESKTOP, TABLET, PHONE):
        set_width(page, width)
        page.screenshot(path=SCREENSHOTS / f"{site_page.id.replace(':', '_')}-{width}.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow == 0, f"{site_page.id} is {overflow} px wider than a {PHONE} px phone screen"


def test_the_phone_menu_opens_and_navigates(page):
    set_width(page, PHONE)
    page.goto("/")
    menu_button = page.locator("summary", has_text="Menu")
    expect(page.get_by_role("link", name="Log in")).to_be_hidden()

    menu_button.click()
    page.get_by_role("link", name="Log in").click()

    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login")) + "$"))
    expect(page.locator("h1")).to_have_text("Log in")
    expect(page.get_by_role("link", name="Register")).to_be_hidden()


def test_the_phone_menu_closes_on_escape(page):
    set_width(page, PHONE)
    page.goto("/")
    page.locator("summary", has_text="Menu").click()
    expect(page.get_by_role("link", name="About")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("link", name="About")).to_be_hidden()


def test_wide_screens_show_the_menu_links_without_a_menu_button(page):
    set_width(page, DESKTOP)
    page.goto("/")
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_the_home_page_weighs_under_50_kb(page):
    page.goto("/")
    page.wait_for_load_state("networkidle")
    transferred = page.evaluate(
        """() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
            .reduce((total, entry) => total + entry.encodedBodySize, 0)"""
    )
    assert 0 < transferred < 50_000, f"the home page and its assets weigh {transferred} bytes"
