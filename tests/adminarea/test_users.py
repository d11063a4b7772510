"""The user list, a user's page, changing and deleting users, and creating one with a password."""

import re
from datetime import UTC, datetime
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.adminarea import pagination, services
from core.models import Role, User
from core.services import ServiceError
from tests.factories import PASSWORD, AdminFactory, InvitedUserFactory, UserFactory
from tests.support import link_mailed_to, messages_of, outbox_to

pytestmark = pytest.mark.django_db

USERS = reverse("adminarea:users")


def listed_emails(response):
    return [member["email"] for member in response.context["users"]]


def test_the_user_list_shows_every_user_with_their_role(admin_client):
    UserFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace")
    response = admin_client.get(USERS)
    assert response.status_code == HTTPStatus.OK
    assert "ada@example.com" in response.text
    assert "Ada Lovelace" in response.text
    assert "Administrator" in response.text


def test_a_row_shows_the_users_link_name_role_confirmation_and_day_joined(admin_client):
    """Each row is read as values the database works out (selectors.user_list_rows), not as a User."""
    joined = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    nameless = UserFactory(email="nameless@example.com", first_name="", last_name="", date_joined=joined)
    InvitedUserFactory(email="invited@example.com", first_name="Ivy", last_name="Invited")
    text = admin_client.get(USERS).text
    cells = re.search(
        r'<a href="{}">(.*?)</a>.*?</tr>'.format(reverse("adminarea:user", args=[nameless.pk])), text, re.S
    )
    assert cells is not None
    assert cells.group(1) == "(no name)"
    assert "2026-03-04" in cells.group(0)
    assert "nameless@example.com" in cells.group(0) and ">User<" in cells.group(0)
    invited_row = re.search(r"Ivy Invited</a>.*?</tr>", text, re.S).group(0)
    assert "<span>no <span" in invited_row and "invite pending" in invited_row


def test_the_user_list_is_sorted_by_name_by_default(admin_client):
    UserFactory(email="z@example.com", last_name="Zuse")
    UserFactory(email="b@example.com", last_name="Babbage")
    assert listed_emails(admin_client.get(USERS)) == ["b@example.com", "boss@example.com", "z@example.com"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("email", ["a@example.com", "boss@example.com", "c@example.com"]),
        ("-email", ["c@example.com", "boss@example.com", "a@example.com"]),
        ("-name", ["a@example.com", "boss@example.com", "c@example.com"]),
    ],
)
def test_the_user_list_sorts_by_a_chosen_column(admin_client, sort, expected):
    UserFactory(email="c@example.com", last_name="Aaron")
    UserFactory(email="a@example.com", last_name="Young")
    assert listed_emails(admin_client.get(USERS, {"sort": sort})) == expected


def test_the_user_list_sorts_by_date_joined_newest_first(admin_client, administrator):
    newest = UserFactory()
    assert listed_emails(admin_client.get(USERS, {"sort": "-joined"}))[0] == newest.email


def test_the_sorted_column_is_marked_and_links_to_the_reverse_order(admin_client):
    response = admin_client.get(USERS, {"q": "boss", "sort": "email"})
    assert 'aria-sort="ascending"' in response.text
    assert 'href="?q=boss&amp;sort=-email"' in response.text


def test_the_user_list_ignores_a_sort_it_does_not_offer(admin_client):
    response = admin_client.get(USERS, {"sort": "password"})
    assert response.status_code == HTTPStatus.OK
    assert listed_emails(response) == ["boss@example.com"]


@pytest.mark.parametrize("query", ["lovelace", "ADA", "ada lov", "countess@"])
def test_the_user_list_searches_names_and_email(admin_client, query):
    UserFactory(email="countess@example.com", first_name="Ada", last_name="Lovelace")
    UserFactory(email="charles@example.com", first_name="Charles", last_name="Babbage")
    assert listed_emails(admin_client.get(USERS, {"q": query})) == ["countess@example.com"]


def test_the_user_list_filters_by_role(admin_client):
    UserFactory.create_batch(3)
    response = admin_client.get(USERS, {"role": Role.administrator().pk})
    assert listed_emails(response) == ["boss@example.com"]


def test_the_user_list_is_paginated_and_keeps_search_and_sort_across_pages(admin_client):
    UserFactory.create_batch(55, last_name="Smith")
    response = admin_client.get(USERS, {"q": "smith", "sort": "-email"})
    assert len(response.context["users"]) == 50
    assert 'href="?q=smith&amp;sort=-email&amp;page=2"' in response.text
    second = admin_client.get(USERS, {"q": "smith", "sort": "-email", "page": 2})
    assert len(second.context["users"]) == 5
    assert "Page 2 of 2" in second.text


def test_the_user_list_makes_as_many_queries_for_60_users_as_for_5(admin_client):
    UserFactory.create_batch(4)
    with CaptureQueriesContext(connection) as few:
        assert len(admin_client.get(USERS).context["users"]) == 5
    UserFactory.create_batch(27)
    AdminFactory.create_batch(28)
    with CaptureQueriesContext(connection) as many:
        assert len(admin_client.get(USERS).context["users"]) == 50
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.fixture
def large_table_from_30_rows(monkeypatch):
    """Make 30 rows count as a large table, and let PostgreSQL estimate the table's rows."""
    monkeypatch.setattr(pagination, "ESTIMATE_ABOVE", 30)

    def analyze():
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE core_user")

    return analyze


def test_a_large_unfiltered_user_list_is_counted_by_estimate_and_says_about(
    admin_client, large_table_from_30_rows
):
    UserFactory.create_batch(60)
    large_table_from_30_rows()
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(USERS)
    assert response.context["paginator"].is_estimate
    assert "About 61 users" in response.text
    assert "Page 1 of about 2" in response.text
    # One query reads the estimate (and would count a small table); Django's count() never runs.
    assert [query["sql"] for query in queries.captured_queries if "pg_class" in query["sql"]]
    assert not any('"__count"' in query["sql"] for query in queries.captured_queries)


def test_the_estimate_query_counts_a_large_table_never(large_table_from_30_rows):
    UserFactory.create_batch(60)
    large_table_from_30_rows()
    with CaptureQueriesContext(connection) as queries:
        assert pagination.table_rows(User) == (60, None)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN ANALYZE {queries.captured_queries[0]['sql']}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Seq Scan on core_user" in plan and "(never executed)" in plan, plan


def test_a_small_unfiltered_user_list_is_counted_exactly_in_the_estimates_query(admin_client):
    UserFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(USERS)
    assert not response.context["paginator"].is_estimate
    assert "4 users" in response.text
    assert not any('"__count"' in query["sql"] for query in queries.captured_queries)


def test_a_filtered_user_list_is_counted_exactly_even_in_a_large_table(
    admin_client, large_table_from_30_rows
):
    UserFactory.create_batch(60, last_name="Smith")
    large_table_from_30_rows()
    response = admin_client.get(USERS, {"q": "smith"})
    assert not response.context["paginator"].is_estimate
    assert "60 users" in response.text
    assert "About 60" not in response.text


def test_pages_past_a_low_estimate_are_still_reached(admin_client, large_table_from_30_rows):
    UserFactory.create_batch(40)
    large_table_from_30_rows()
    UserFactory.create_batch(40)  # the estimate (41) now falls short of the 81 users
    second = admin_client.get(USERS, {"page": 2})
    assert len(second.context["users"]) == 31
    assert second.context["page_obj"].has_next() is False
    assert admin_client.get(USERS, {"page": 1}).context["page_obj"].has_next() is True


def test_an_estimated_list_has_no_next_page_after_an_exactly_full_last_page(
    admin_client, large_table_from_30_rows
):
    UserFactory.create_batch(99)  # with the administrator: 100 users, two full pages
    large_table_from_30_rows()
    assert admin_client.get(USERS, {"page": 1}).context["page_obj"].has_next() is True
    assert admin_client.get(USERS, {"page": 2}).context["page_obj"].has_next() is False


@pytest.mark.parametrize("page", ["3", "99999999999999999999", "0", "-1"])
def test_an_estimated_list_shows_its_last_page_for_a_page_past_the_end(
    admin_client, large_table_from_30_rows, page
):
    UserFactory.create_batch(60)
    large_table_from_30_rows()
    response = admin_client.get(USERS, {"page": page})
    assert response.status_code == HTTPStatus.OK
    assert response.context["page_obj"].number == 2
    assert len(response.context["users"]) == 11
    assert response.context["page_obj"].has_next() is False


def test_an_estimated_list_shows_its_real_last_page_when_the_estimate_is_too_high(
    admin_client, large_table_from_30_rows
):
    UserFactory.create_batch(120)
    large_table_from_30_rows()  # estimates 121 users: three pages
    User.objects.exclude(email="boss@example.com").filter(pk__gt=User.objects.order_by("pk")[40].pk).delete()
    response = admin_client.get(USERS, {"page": 3})
    assert response.context["page_obj"].number == 1
    assert len(response.context["users"]) == 41


@pytest.mark.parametrize(("page", "number"), [("9", 2), ("0", 2), ("x", 1), ("", 1)])
def test_an_exactly_counted_list_shows_its_last_page_past_the_end_and_its_first_for_a_non_number(
    admin_client, page, number
):
    UserFactory.create_batch(55, last_name="Smith")
    response = admin_client.get(USERS, {"q": "smith", "page": page})
    assert response.status_code == HTTPStatus.OK
    assert response.context["page_obj"].number == number


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("confirmed", ["boss@example.com", "yes@example.com"]),
        ("unconfirmed", ["invited@example.com", "no@example.com"]),
        ("invited", ["invited@example.com"]),
        ("", ["boss@example.com", "invited@example.com", "no@example.com", "yes@example.com"]),
    ],
)
def test_the_user_list_filters_by_confirmed_unconfirmed_and_pending_invite(admin_client, status, expected):
    UserFactory(email="yes@example.com", confirmed=True)
    UserFactory(email="no@example.com", confirmed=False)
    InvitedUserFactory(email="invited@example.com")
    response = admin_client.get(USERS, {"status": status, "sort": "email"})
    assert listed_emails(response) == expected


def test_a_pending_invite_is_marked_in_the_list(admin_client):
    InvitedUserFactory(email="invited@example.com")
    assert "invite pending" in admin_client.get(USERS, {"status": "invited"}).text


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("role", ["boss@example.com", "c@example.com", "a@example.com"]),
        ("-role", ["a@example.com", "c@example.com", "boss@example.com"]),
        ("confirmed", ["a@example.com", "c@example.com", "boss@example.com"]),
        ("-confirmed", ["boss@example.com", "c@example.com", "a@example.com"]),
    ],
)
def test_the_user_list_sorts_by_role_and_by_confirmed_then_by_name(admin_client, sort, expected):
    UserFactory(email="c@example.com", last_name="Aaron", confirmed=True)
    UserFactory(email="a@example.com", last_name="Young", confirmed=False)
    assert listed_emails(admin_client.get(USERS, {"sort": sort})) == expected


def test_every_column_of_the_user_list_is_sortable(admin_client):
    response = admin_client.get(USERS)
    headers = response.text.split("<thead>")[1].split("</thead>")[0]
    assert headers.count("<th") == headers.count("<a href=") == 5


def test_a_users_page_shows_their_details(admin_client):
    member = UserFactory(email="ada@example.com", confirmed=False)
    response = admin_client.get(reverse("adminarea:user", args=[member.pk]))
    assert response.status_code == HTTPStatus.OK
    assert "ada@example.com" in response.text
    assert re.search(r"<dt>Confirmed</dt>\s*<dd>\s*no\s*</dd>", response.text)


def test_a_missing_user_is_404(admin_client):
    assert admin_client.get(reverse("adminarea:user", args=[999_999])).status_code == HTTPStatus.NOT_FOUND


def change(member, **fields):
    data = {"email": member.email, "first_name": member.first_name, "last_name": member.last_name}
    data["role"] = member.role.pk
    return {**data, **fields}


def test_an_administrator_changes_a_users_role_and_asks_for_a_new_email(admin_client):
    member = UserFactory(email="ada@example.com")
    response = admin_client.post(
        reverse("adminarea:user_edit", args=[member.pk]),
        change(member, email="New@Example.com", role=Role.administrator().pk),
        follow=True,
    )
    member.refresh_from_db()
    assert member.email == "ada@example.com"
    assert member.is_admin
    assert f"Saved the changes to {member}." in messages_of(response)
    assert (
        f"A link to confirm new@example.com has been sent there; the email address of {member} changes "
        "once its owner opens it."
    ) in messages_of(response)


def test_the_new_email_takes_effect_when_its_owner_opens_the_link(admin_client, client):
    member = UserFactory(email="ada@example.com")
    admin_client.post(
        reverse("adminarea:user_edit", args=[member.pk]), change(member, email="ada@new.example")
    )
    [link] = outbox_to("ada@new.example")
    assert "An administrator (Grace Hopper) asked for this change." in link.body_text
    client.post(link_mailed_to("ada@new.example"))
    member.refresh_from_db()
    assert member.email == "ada@new.example"


def test_the_old_address_is_told_when_an_administrator_changes_a_users_email(admin_client):
    member = UserFactory(email="ada@example.com")
    admin_client.post(
        reverse("adminarea:user_edit", args=[member.pk]), change(member, email="ada@new.example")
    )
    [notice] = outbox_to("ada@example.com")
    assert notice.subject == "An administrator asked to change the email address of your django-base account"
    assert "ada@new.example" in notice.body_text


def test_demoting_an_administrator_changing_their_email_and_promoting_them_back_takes_nothing_over(
    admin_client,
):
    other = AdminFactory(email="other.admin@example.com")
    url = reverse("adminarea:user_edit", args=[other.pk])
    admin_client.post(url, change(other, role=Role.default_role().pk))
    other.refresh_from_db()
    admin_client.post(url, change(other, email="attacker@example.com"))
    other.refresh_from_db()
    admin_client.post(url, change(other, role=Role.administrator().pk))
    other.refresh_from_db()
    assert other.is_admin
    assert other.email == "other.admin@example.com"
    assert len(outbox_to("other.admin@example.com")) == 1  # told at once


def test_a_demoted_administrators_email_change_is_announced_to_their_old_address(admin_client):
    other = AdminFactory(email="other.admin@example.com")
    url = reverse("adminarea:user_edit", args=[other.pk])
    admin_client.post(url, change(other, role=Role.default_role().pk))
    other.refresh_from_db()
    admin_client.post(url, change(other, email="attacker@example.com"))
    assert len(outbox_to("other.admin@example.com")) == 1


def test_changing_to_an_email_another_account_uses_shows_the_error_and_keeps_the_input(admin_client):
    member = UserFactory(first_name="Ada")
    response = admin_client.post(
        reverse("adminarea:user_edit", args=[member.pk]),
        change(member, email="BOSS@example.com", first_name="Augusta"),
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors == {"email": ["Another account uses this email address."]}
    assert 'value="Augusta"' in response.text
    member.refresh_from_db()
    assert member.first_name == "Ada"


def test_an_administrator_cannot_demote_themselves(administrator):
    AdminFactory()
    with pytest.raises(ServiceError) as refused:
        services.update_user(actor=administrator, user=administrator, role=Role.default_role())
    assert refused.value.code == "own_account"
    assert refused.value.message == (
        "You cannot remove the administrator role from your own account; ask another administrator."
    )
    administrator.refresh_from_db()
    assert administrator.is_admin


def test_an_administrators_own_page_offers_no_delete_and_no_role_menu(admin_client, administrator):
    AdminFactory()
    page = admin_client.get(reverse("adminarea:user", args=[administrator.pk])).text
    assert reverse("adminarea:user_delete", args=[administrator.pk]) not in page
    assert "Change name or email" in page
    form_page = admin_client.get(reverse("adminarea:user_edit", args=[administrator.pk]))
    assert list(form_page.context["form"].fields) == ["email", "first_name", "last_name"]
    assert 'name="role"' not in form_page.text


def test_a_role_posted_for_yourself_anyway_is_ignored(admin_client, administrator):
    AdminFactory()
    response = admin_client.post(
        reverse("adminarea:user_edit", args=[administrator.pk]),
        change(administrator, first_name="Amazing", role=Role.default_role().pk),
    )
    assert response.status_code == HTTPStatus.FOUND
    administrator.refresh_from_db()
    assert administrator.is_admin
    assert administrator.first_name == "Amazing"


def test_another_users_page_offers_delete_and_the_role_menu(admin_client):
    member = UserFactory()
    page = admin_client.get(reverse("adminarea:user", args=[member.pk])).text
    assert reverse("adminarea:user_delete", args=[member.pk]) in page
    form = admin_client.get(reverse("adminarea:user_edit", args=[member.pk])).context["form"]
    assert list(form.fields) == ["email", "first_name", "last_name", "role"]


def test_an_administrator_may_demote_another_administrator(admin_client):
    other = AdminFactory()
    url = reverse("adminarea:user_edit", args=[other.pk])
    admin_client.post(url, change(other, role=Role.default_role().pk))
    other.refresh_from_db()
    assert not other.is_admin


def test_an_administrator_cannot_change_another_administrators_email(administrator):
    other = AdminFactory(email="other.admin@example.com")
    with pytest.raises(ServiceError) as refused:
        services.update_user(actor=administrator, user=other, email="attacker@example.com")
    assert refused.value.code == "admin_email"
    assert refused.value.message == "Administrators change their own email address, from their account page."
    other.refresh_from_db()
    assert other.email == "other.admin@example.com"


def test_another_administrators_email_is_shown_but_not_editable(admin_client):
    other = AdminFactory(email="other.admin@example.com")
    url = reverse("adminarea:user_edit", args=[other.pk])
    assert admin_client.get(url).context["form"].fields["email"].disabled
    admin_client.post(url, change(other, email="attacker@example.com"))
    other.refresh_from_db()
    assert other.email == "other.admin@example.com"


def test_the_last_administrator_cannot_be_demoted_by_an_administrator_demoted_meanwhile(administrator):
    # Two administrators demoting each other at once: the second change finds only its target left.
    acting = AdminFactory()
    User.objects.filter(pk=acting.pk).update(role=Role.default_role())
    with pytest.raises(ServiceError, match="is the last administrator"):
        services.update_user(actor=acting, user=administrator, role=Role.default_role())
    administrator.refresh_from_db()
    assert administrator.is_admin


def test_delete_by_get_only_asks_for_confirmation(admin_client):
    member = UserFactory(email="ada@example.com")
    response = admin_client.get(reverse("adminarea:user_delete", args=[member.pk]))
    assert response.status_code == HTTPStatus.OK
    assert "Delete" in response.text and "ada@example.com" in response.text
    assert User.objects.filter(pk=member.pk).exists()


def test_an_administrator_deletes_a_user_by_post(admin_client):
    member = UserFactory()
    response = admin_client.post(reverse("adminarea:user_delete", args=[member.pk]), follow=True)
    assert response.redirect_chain[-1][0] == USERS
    assert not User.objects.filter(pk=member.pk).exists()
    assert f"Deleted the account of {member}." in messages_of(response)


def test_an_administrator_cannot_delete_themselves(admin_client, administrator):
    AdminFactory()
    response = admin_client.post(reverse("adminarea:user_delete", args=[administrator.pk]), follow=True)
    assert User.objects.filter(pk=administrator.pk).exists()
    assert messages_of(response) == ["You cannot delete your own account; ask another administrator."]


def test_the_last_administrator_cannot_be_deleted_by_an_administrator_demoted_meanwhile(administrator):
    acting = AdminFactory()
    User.objects.filter(pk=acting.pk).update(role=Role.default_role())
    with pytest.raises(ServiceError, match="is the last administrator"):
        services.delete_user(actor=acting, user=administrator)
    assert User.objects.filter(pk=administrator.pk).exists()


def test_someone_no_longer_an_administrator_cannot_remove_another(administrator):
    acting, other = AdminFactory(), AdminFactory()
    User.objects.filter(pk=acting.pk).update(role=Role.default_role())
    with pytest.raises(ServiceError, match="no longer an administrator"):
        services.delete_user(actor=acting, user=other)
    assert User.objects.filter(pk=other.pk).exists()


def test_an_administrator_creates_a_confirmed_user_with_a_password(admin_client):
    response = admin_client.post(
        reverse("adminarea:user_create"),
        {
            "email": "Ada@Example.com",
            "first_name": "Ada",
            "last_name": "Lovelace",
            "role": Role.default_role().pk,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        follow=True,
    )
    member = User.objects.get(email="ada@example.com")
    assert member.confirmed and member.check_password(PASSWORD)
    assert response.redirect_chain[-1][0] == reverse("adminarea:user", args=[member.pk])
    assert "Created the account of Ada Lovelace." in messages_of(response)


def test_creating_a_user_with_mismatched_passwords_shows_the_error_next_to_the_field(admin_client):
    response = admin_client.post(
        reverse("adminarea:user_create"),
        {"email": "ada@example.com", "role": Role.default_role().pk, "password1": PASSWORD, "password2": "x"},
    )
    assert response.status_code == HTTPStatus.OK
    assert response.context["form"].errors["password2"] == ["The two password fields didn’t match."]
    assert 'value="ada@example.com"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not User.objects.filter(email="ada@example.com").exists()


def test_the_user_search_has_trigram_indexes_on_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'user_%_trgm'")
        definitions = sorted(row[0] for row in cursor.fetchall())
    assert [definition.split("USING ")[1] for definition in definitions] == [
        "gin (upper((email)::text) gin_trgm_ops)",
        "gin (upper((first_name)::text) gin_trgm_ops)",
        "gin (upper((last_name)::text) gin_trgm_ops)",
    ]
