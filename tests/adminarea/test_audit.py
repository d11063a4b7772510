"""The audit trail: what administrators did to whom, when and from where; append-only, kept after
either account is deleted, shown on the user's page and on its own filterable page."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.audit.models import AdminAction, AppendOnlyError
from core.audit.services import record_admin_action
from core.models import EditableContent, Role, User
from tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db

Action = AdminAction.Action


def edit(member, **fields):
    data = {"email": member.email, "first_name": member.first_name, "last_name": member.last_name}
    return {**data, "role": member.role.pk, **fields}


def only_action():
    [action] = AdminAction.objects.all()
    return action


def test_changing_a_role_is_recorded_with_who_whom_what_and_the_address(admin_client, administrator):
    member = UserFactory(email="ada@example.com")
    admin_client.post(
        reverse("adminarea:user_edit", args=[member.pk]),
        edit(member, role=Role.administrator().pk),
        REMOTE_ADDR="203.0.113.7",
    )
    action = only_action()
    assert (action.actor, action.actor_email) == (administrator, "boss@example.com")
    assert (action.action, action.target, action.target_email) == (
        Action.ROLE_CHANGED,
        member,
        "ada@example.com",
    )
    assert action.detail == "User → Administrator"
    assert action.ip == "203.0.113.7"
    assert action.created_at is not None


def test_changing_an_email_is_recorded_with_the_old_and_new_address(admin_client):
    member = UserFactory(email="ada@example.com")
    admin_client.post(reverse("adminarea:user_edit", args=[member.pk]), edit(member, email="ada@new.example"))
    action = only_action()
    assert action.action == Action.EMAIL_CHANGED
    assert action.detail == "ada@example.com → ada@new.example (once the new address confirms)"


def test_a_refused_change_records_nothing(admin_client, administrator):
    other = AdminFactory()
    admin_client.post(reverse("adminarea:user_edit", args=[other.pk]), edit(other, email="x@example.com"))
    assert not AdminAction.objects.exists()


def test_deleting_a_user_is_recorded_and_the_record_survives_the_deletion(admin_client):
    member = UserFactory(email="ada@example.com", first_name="Ada", last_name="Lovelace")
    admin_client.post(reverse("adminarea:user_delete", args=[member.pk]))
    action = only_action()
    assert (action.action, action.target, action.target_email) == (
        Action.USER_DELETED,
        None,
        "ada@example.com",
    )
    assert action.detail == "Ada Lovelace"


def test_the_record_keeps_the_administrators_email_after_their_account_is_deleted(administrator):
    member = UserFactory()
    record_admin_action(actor=administrator, action=Action.USER_EDITED, target=member)
    AdminFactory()  # so the administrator is not the last one
    administrator.delete()
    action = only_action()
    assert (action.actor, action.actor_email) == (None, "boss@example.com")


def test_inviting_creating_and_reinviting_are_recorded(admin_client):
    data = {"first_name": "Ada", "last_name": "Lovelace", "role": Role.default_role().pk}
    admin_client.post(reverse("adminarea:invite"), {**data, "email": "ada@example.com"})
    invited = User.objects.get(email="ada@example.com")
    admin_client.post(reverse("adminarea:user_reinvite", args=[invited.pk]))
    password = "a long enough passphrase 7"
    admin_client.post(
        reverse("adminarea:user_create"),
        {**data, "email": "bob@example.com", "password1": password, "password2": password},
    )
    recorded = list(AdminAction.objects.order_by("pk").values_list("action", "target_email"))
    assert recorded == [
        (Action.USER_INVITED, "ada@example.com"),
        (Action.USER_REINVITED, "ada@example.com"),
        (Action.USER_CREATED, "bob@example.com"),
    ]


def test_editing_the_about_page_is_recorded(admin_client):
    admin_client.post(reverse("adminarea:content", args=["about"]), {"body": "<p>Hello</p>"})
    action = only_action()
    assert (action.action, action.target, action.detail) == (Action.CONTENT_EDITED, None, "About page")
    assert EditableContent.objects.get(slug="about").body == "<p>Hello</p>"


def test_a_job_requeue_can_be_recorded_without_a_request(administrator):
    action = record_admin_action(actor=administrator, action=Action.JOB_REQUEUED, detail="job 1234")
    assert (action.ip, action.target_email, action.get_action_display()) == (None, "", "requeued a job")


def test_records_cannot_be_changed_or_deleted_from_the_app(administrator):
    action = record_admin_action(actor=administrator, action=Action.USER_EDITED)
    action.detail = "forged"
    with pytest.raises(AppendOnlyError):
        action.save()
    with pytest.raises(AppendOnlyError):
        action.delete()
    with pytest.raises(AppendOnlyError):
        AdminAction.objects.update(detail="forged")
    with pytest.raises(AppendOnlyError):
        AdminAction.objects.all().delete()
    assert AdminAction.objects.get().detail == ""


def test_djangos_admin_shows_the_trail_read_only(admin_client, administrator):
    action = record_admin_action(actor=administrator, action=Action.USER_EDITED)
    assert admin_client.get(reverse("admin:core_adminaction_changelist")).status_code == HTTPStatus.OK
    assert admin_client.get(reverse("admin:core_adminaction_add")).status_code == HTTPStatus.FORBIDDEN
    url = reverse("admin:core_adminaction_delete", args=[action.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == HTTPStatus.FORBIDDEN
    assert AdminAction.objects.count() == 1


def test_the_users_admin_page_shows_actions_on_them(admin_client, administrator):
    member = UserFactory(email="ada@example.com")
    record_admin_action(
        actor=administrator, action=Action.ROLE_CHANGED, target=member, detail="User → Administrator"
    )
    page = admin_client.get(reverse("adminarea:user", args=[member.pk])).text
    assert "changed the role of" in page
    assert "User → Administrator" in page
    assert reverse("adminarea:audit") + "?target=ada%40example.com" in page


def test_the_audit_page_filters_by_administrator_action_and_user(admin_client, administrator):
    other_admin = AdminFactory(email="other@example.com")
    ada, bob = UserFactory(email="ada@example.com"), UserFactory(email="bob@example.com")
    record_admin_action(actor=administrator, action=Action.USER_DELETED, target=ada)
    record_admin_action(actor=other_admin, action=Action.ROLE_CHANGED, target=bob)
    record_admin_action(actor=administrator, action=Action.ROLE_CHANGED, target=bob)

    def shown(query):
        response = admin_client.get(reverse("adminarea:audit"), query)
        assert response.status_code == HTTPStatus.OK
        return [(a.actor_email, a.action, a.target_email) for a in response.context["actions"]]

    assert len(shown({})) == 3
    assert shown({"actor": "other@"}) == [("other@example.com", Action.ROLE_CHANGED, "bob@example.com")]
    assert shown({"action": Action.USER_DELETED}) == [
        ("boss@example.com", Action.USER_DELETED, "ada@example.com")
    ]
    assert len(shown({"target": "bob@example.com"})) == 2
    assert shown({"action": "no such action"}) != []  # an unknown filter is ignored, not an error


def test_the_audit_page_is_paginated_newest_first(admin_client, administrator):
    for number in range(55):
        record_admin_action(actor=administrator, action=Action.USER_EDITED, detail=f"edit {number}")
    first = admin_client.get(reverse("adminarea:audit"))
    assert len(first.context["actions"]) == 50
    assert first.context["actions"][0].detail == "edit 54"
    second = admin_client.get(reverse("adminarea:audit"), {"page": 2})
    assert [a.detail for a in second.context["actions"]] == [f"edit {n}" for n in range(4, -1, -1)]


def test_the_audit_page_is_for_administrators_only(client):
    client.force_login(UserFactory())
    assert client.get(reverse("adminarea:audit")).status_code == HTTPStatus.FORBIDDEN


def test_the_admin_services_record_without_a_request_and_so_without_an_address(administrator):
    from core.adminarea import services

    member = UserFactory(email="ada@example.com")
    services.update_user(actor=administrator, user=member, role=Role.administrator(), first_name="Augusta")
    recorded = {(a.action, a.detail, a.ip) for a in AdminAction.objects.all()}
    assert recorded == {
        (Action.ROLE_CHANGED, "User → Administrator", None),
        (Action.USER_EDITED, "changed first name", None),
    }
