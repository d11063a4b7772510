"""Every page of the site, as each kind of visitor sees it: the list the accessibility and layout checks
(test_every_page.py) walk through. A new page goes here, with who looks at it.

`to` builds the path from the `SiteData` of the test (users, mailed links); by default it is the
URL name reversed without arguments.
"""

from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from django.test import Client
from django.urls import reverse

from core.accounts.tasks import send_password_reset
from core.models import Role
from tests.factories import PASSWORD, AdminFactory, UserFactory, turn_on_two_factor
from tests.support import link_mailed_to

ANONYMOUS = "anonymous"
USER = "user"
UNCONFIRMED = "unconfirmed"
TWO_FACTOR = "secured"
ADMIN = "admin"


@dataclass(frozen=True)
class SitePage:
    """A page as one kind of visitor sees it; `id` names it in the test report."""

    visitor: str
    url_name: str
    to: Callable = None
    status: HTTPStatus = HTTPStatus.OK

    def path(self, data):
        return self.to(data) if self.to else reverse(self.url_name)

    @property
    def id(self):
        return f"{self.visitor}-{self.url_name}"


class SiteData:
    """The accounts the pages are seen as, and links mailed the way the site mails them."""

    def __init__(self):
        self.admin = AdminFactory(first_name="Grace", last_name="Hopper", email="grace@example.com")
        self.user = UserFactory(first_name="Ada", last_name="Lovelace", email="ada@example.com")
        self.unconfirmed = UserFactory(
            first_name="Alan", last_name="Turing", email="alan@example.com", confirmed=False
        )
        UserFactory.create_batch(8)

    def visitor(self, kind):
        """The account a page is seen as; the two-factor one is made only for the pages that need it."""
        if kind == TWO_FACTOR:
            secured = UserFactory(first_name="Hedy", last_name="Lamarr", email="hedy@example.com")
            turn_on_two_factor(secured)
            return secured
        return {ADMIN: self.admin, USER: self.user, UNCONFIRMED: self.unconfirmed}[kind]

    def client_of(self, user):
        client = Client()
        client.force_login(user)
        return client

    def password_reset_link(self):
        # The reset page hands the work to a worker; run that job here.
        send_password_reset(self.user.email, "http://testserver/")
        return link_mailed_to(self.user.email)

    def confirmation_link(self):
        self.client_of(self.unconfirmed).post(reverse("accounts:resend_confirmation"))
        return link_mailed_to(self.unconfirmed.email)

    def email_change_link(self):
        new_email = "ada.lovelace@example.com"
        data = {"email": new_email, "password": PASSWORD}
        self.client_of(self.user).post(reverse("accounts:change_email"), data)
        return link_mailed_to(new_email)

    def invite_link(self):
        data = {"email": "katherine@example.com", "first_name": "Katherine", "last_name": "Johnson"}
        data["role"] = Role.default_role().pk
        self.client_of(self.admin).post(reverse("adminarea:invite"), data)
        return link_mailed_to("katherine@example.com")


PAGES = [
    # Visitors
    SitePage(ANONYMOUS, "pages:home"),
    SitePage(ANONYMOUS, "pages:about"),
    SitePage(ANONYMOUS, "accounts:login"),
    SitePage(ANONYMOUS, "accounts:register"),
    SitePage(ANONYMOUS, "accounts:password_reset"),
    SitePage(ANONYMOUS, "accounts:password_reset_confirm", lambda data: data.password_reset_link()),
    SitePage(ANONYMOUS, "accounts:confirm", lambda data: data.confirmation_link()),
    SitePage(ANONYMOUS, "invites:accept", lambda data: data.invite_link()),
    SitePage(ANONYMOUS, "404", lambda data: "/no-such-page/", HTTPStatus.NOT_FOUND),
    # Signed-in users
    SitePage(USER, "pages:home"),
    SitePage(USER, "pages:about"),
    SitePage(USER, "accounts:manage"),
    SitePage(USER, "accounts:password_change"),
    SitePage(USER, "accounts:change_email"),
    SitePage(USER, "accounts:profile"),
    SitePage(USER, "accounts:delete"),
    SitePage(USER, "accounts:change_email_confirm", lambda data: data.email_change_link()),
    SitePage(USER, "403", lambda data: reverse("adminarea:dashboard"), HTTPStatus.FORBIDDEN),
    SitePage(USER, "twofactor:manage"),
    SitePage(USER, "twofactor:setup"),
    SitePage(TWO_FACTOR, "twofactor:manage"),
    SitePage(TWO_FACTOR, "twofactor:regenerate_codes"),
    SitePage(TWO_FACTOR, "twofactor:disable"),
    SitePage(UNCONFIRMED, "accounts:unconfirmed"),
    # Administrators
    SitePage(ADMIN, "pages:home"),
    SitePage(ADMIN, "adminarea:dashboard"),
    SitePage(ADMIN, "adminarea:users"),
    SitePage(ADMIN, "adminarea:invite"),
    SitePage(ADMIN, "adminarea:user_create"),
    SitePage(ADMIN, "adminarea:user", lambda data: reverse("adminarea:user", args=[data.user.pk])),
    SitePage(ADMIN, "adminarea:user_edit", lambda data: reverse("adminarea:user_edit", args=[data.user.pk])),
    SitePage(
        ADMIN, "adminarea:user_delete", lambda data: reverse("adminarea:user_delete", args=[data.user.pk])
    ),
    SitePage(ADMIN, "adminarea:content", lambda data: reverse("adminarea:content", args=["about"])),
    SitePage(ADMIN, "adminarea:audit"),
    SitePage(ADMIN, "adminarea:jobs"),
    SitePage(ADMIN, "adminarea:queue", lambda data: reverse("adminarea:queue", args=["default"])),
    SitePage(ADMIN, "adminarea:outbox"),
]
