"""One voice in the copy: "email" (never "e-mail") wherever people read it, and labels without a
trailing colon on every form of the site."""

import ast
import re
from http import HTTPStatus

import pytest
from django.urls import reverse

from project.env import BASE_DIR
from tests.factories import AdminFactory, UserFactory

E_MAIL = re.compile(r"e-mail", re.IGNORECASE)
LABEL_WITH_COLON = re.compile(r"<label[^>]*>[^<]*:\s*</label>")


def labels_with_colon(response):
    """The labels ending in a colon on a form page (which must answer 200 and have labels)."""
    assert response.status_code == HTTPStatus.OK
    assert "<label" in response.text
    return LABEL_WITH_COLON.findall(response.text)


def strings_people_read(path):
    """Every string literal of a module except its docstrings (those are for the code's readers)."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_templates_say_email_not_e_mail():
    found = [
        f"{path.relative_to(BASE_DIR)}:{number}: {line.strip()}"
        for path in (BASE_DIR / "core").rglob("*")
        if path.suffix in {".html", ".txt"}
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if E_MAIL.search(line)
    ]
    assert found == []


def test_messages_labels_and_command_output_say_email_not_e_mail():
    """The app's messages, form labels and errors, and what its commands and benchmarks print."""
    found = [
        f"{path.relative_to(BASE_DIR)}:{number}: {text!r}"
        for folder in ("core", "bench")
        for path in (BASE_DIR / folder).rglob("*.py")
        if "migrations" not in path.parts
        for number, text in strings_people_read(path)
        if E_MAIL.search(text)
    ]
    assert found == []


def test_the_readme_and_docs_say_email_not_e_mail():
    pages = [BASE_DIR / "README.md", *(BASE_DIR / "docs").glob("*.md")]
    found = [
        f"{page.relative_to(BASE_DIR)}:{number}"
        for page in pages
        for number, line in enumerate(page.read_text().splitlines(), start=1)
        if E_MAIL.search(line)
    ]
    assert found == []


@pytest.mark.parametrize(
    "url_name",
    ["accounts:login", "accounts:register", "accounts:password_reset"],
)
def test_visitor_form_labels_have_no_trailing_colon(client, url_name, db):
    assert labels_with_colon(client.get(reverse(url_name))) == []


@pytest.mark.parametrize(
    "url_name",
    [
        "accounts:password_change",
        "accounts:change_email",
        "accounts:profile",
        "accounts:delete",
    ],
)
def test_account_form_labels_have_no_trailing_colon(client, url_name, db):
    client.force_login(UserFactory())
    assert labels_with_colon(client.get(reverse(url_name))) == []


@pytest.mark.parametrize(
    "url_name",
    ["adminarea:users", "adminarea:invite", "adminarea:user_create", "adminarea:audit"]
    + ["adminarea:user_edit"],
)
def test_admin_form_labels_have_no_trailing_colon(admin_client, url_name):
    args = [UserFactory().pk] if url_name == "adminarea:user_edit" else []
    assert labels_with_colon(admin_client.get(reverse(url_name, args=args))) == []


def test_the_nav_of_an_administrator_called_admin_does_not_read_admin_admin(client, db):
    client.force_login(AdminFactory(first_name="Admin", last_name="Account"))
    nav = re.search(r"<nav.*?</nav>", client.get("/").text, re.DOTALL).group(0)
    words = " ".join(re.sub(r"<[^>]+>", " ", nav).split())
    assert "Admin area" in words
    assert "Admin Admin" not in words
