"""The admin area's jobs, outbox, user export and About editor in a real browser, with a real worker."""

import csv

import pytest
from playwright.sync_api import expect

from core import jobs
from core.mail.tasks import deliver_email, delivery_job_id
from core.models import EditableContent
from tests.browser.test_adminarea import sign_in
from tests.factories import AdminFactory, OutgoingEmailFactory, UserFactory


@pytest.fixture
def failed_email(worker, smtp_down):
    """An email whose delivery a real worker tried, without retries, while SMTP was down."""
    email = OutgoingEmailFactory(to="ada@example.com", subject="Confirm your account")
    jobs.enqueue_now(deliver_email, email.pk, job_id=delivery_job_id(email.pk))
    worker(env={"EMAIL_URL": smtp_down})
    return email


@pytest.mark.django_db(transaction=True)
def test_an_administrator_finds_a_failed_job_reads_its_traceback_and_requeues_it(
    page, live_server, failed_email, worker, mailbox
):
    sign_in(page, live_server, AdminFactory())
    page.goto("/admin/")
    page.get_by_role("navigation", name="Admin area").get_by_role("link", name="Jobs").click()
    expect(page.locator("h1")).to_have_text("Background jobs")
    page.get_by_role("link", name="default", exact=True).click()
    expect(page.locator("#failed-heading")).to_have_text("Failed jobs (1)")
    page.get_by_text("Traceback", exact=True).click()
    expect(page.locator(".traceback")).to_contain_text("ConnectionRefusedError")

    page.get_by_role("button", name="Requeue the job").click()

    expect(page.locator(".messages")).to_contain_text(f"Requeued the job {delivery_job_id(failed_email.pk)}")
    expect(page.locator("#failed-heading")).to_have_text("Failed jobs (0)")
    worker()
    assert len(mailbox.to("ada@example.com")) == 1


@pytest.mark.django_db(transaction=True)
def test_an_administrator_sends_a_failed_email_again_from_the_outbox(
    page, live_server, failed_email, worker, mailbox
):
    sign_in(page, live_server, AdminFactory())
    page.goto("/admin/outbox/")
    page.get_by_role("link", name="Failed").click()
    row = page.get_by_role("row").filter(has_text="ada@example.com")
    expect(row).to_contain_text("ConnectionRefusedError")
    expect(row).to_contain_text("failed")

    row.get_by_role("button", name="Send the email to ada@example.com again").click()

    expect(page.locator(".messages")).to_have_text("The email to ada@example.com is queued to be sent again.")
    expect(page).to_have_url(f"{live_server.url}/admin/outbox/?status=failed")
    worker()
    assert len(mailbox.to("ada@example.com")) == 1
    page.goto("/admin/outbox/?status=sent")
    expect(page.get_by_role("row").filter(has_text="ada@example.com")).to_contain_text("sent")


@pytest.mark.django_db(transaction=True)
def test_an_administrator_exports_the_filtered_user_list_as_csv(page, live_server, tmp_path):
    UserFactory(email="unconfirmed@example.com", first_name="=cmd", confirmed=False)
    UserFactory(email="confirmed@example.com", confirmed=True)
    sign_in(page, live_server, AdminFactory())
    page.goto("/admin/users/")
    page.get_by_label("Status").select_option("Unconfirmed")
    page.get_by_role("button", name="Show the users").click()
    expect(page.locator("tbody tr")).to_have_count(1)

    with page.expect_download() as download:
        page.get_by_role("link", name="Export these users as CSV").click()

    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "users.csv"
    with path.open(newline="") as exported:
        header, *rows = list(csv.reader(exported))
    assert header[:3] == ["email", "first name", "last name"]
    assert [(row[0], row[1]) for row in rows] == [("unconfirmed@example.com", "'=cmd")]


@pytest.mark.django_db(transaction=True)
def test_the_about_editor_saves_formatted_text_and_the_server_sanitises_it(page, live_server):
    sign_in(page, live_server, AdminFactory())
    page.goto("/admin/content/about/")
    expect(page.locator("textarea")).to_be_hidden()
    editor = page.get_by_role("textbox", name="Text of the page")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.get_by_role("button", name="Heading", exact=True).click()
    page.keyboard.type("Our team")
    page.keyboard.press("Enter")
    page.keyboard.type("We build ")
    page.get_by_role("button", name="Bold").click()
    page.keyboard.type("things")
    page.get_by_role("button", name="Bold").click()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("fast")
    # What the toolbar cannot make, an HTML edit can try to slip in: the server removes it.
    page.get_by_role("button", name="Edit the HTML").click()
    textarea = page.locator("textarea")
    textarea.fill(textarea.input_value() + '<p onclick="steal()">Hi<script>alert(1)</script></p>')
    page.get_by_role("button", name="Back to the editor").click()

    page.get_by_role("button", name="Save the page").click()

    expect(page.locator(".messages")).to_have_text("Saved the About page.")
    expect(page.locator("article h2")).to_have_text("Our team")
    expect(page.locator("article b, article strong")).to_have_text("things")
    expect(page.locator("article li")).to_have_text("fast")
    body = EditableContent.objects.get(slug="about").body
    assert "<h2>Our team</h2>" in body
    assert "<script" not in body and "onclick" not in body
    assert "<p>Hi</p>" in body
