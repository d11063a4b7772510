import pytest
from django.utils import timezone

from core import jobs
from core.mail.tasks import deliver_email, delivery_job_id, enqueue_delivery
from core.models import User
from tests.adminarea.job_functions import fail_with
from tests.browser.test_adminarea import sign_in
from tests.factories import AdminFactory, OutgoingEmailFactory, UserFactory

PAGES = ["/admin/", "/admin/users/", "/admin/jobs/", "/admin/jobs/default/", "/admin/outbox/", "/admin/content/about/"]


@pytest.mark.django_db(transaction=True)
def test_shots(page, live_server, worker, smtp_down):
    UserFactory.create_batch(8)
    u = UserFactory(email="invited.person.with.a.long.address@example.com", confirmed=False)
    User.objects.filter(pk=u.pk).update(password="!x")
    e1 = OutgoingEmailFactory(to="ada@example.com", subject="Confirm your account")
    jobs.dispatch(deliver_email, e1.pk, job_id=delivery_job_id(e1.pk))
    e2 = OutgoingEmailFactory(to="bob@example.com", subject="Reset your password")
    enqueue_delivery(e2.pk, on_commit=False)
    jobs.dispatch(fail_with, "<b>markup</b> in a message")
    worker(env={"EMAIL_URL": smtp_down})
    OutgoingEmailFactory(to="carol@example.com", subject="Welcome", sent_at=timezone.now(), attempts=1)
    sign_in(page, live_server, AdminFactory())
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in PAGES:
            page.goto(url)
            if "jobs/default" in url:
                for summary in page.locator("summary").all():
                    summary.click()
            name = url.strip("/").replace("/", "_") or "root"
            page.screenshot(path=f"/tmp/feadmin-shots/{name}-{width}.png", full_page=True)
            overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
            print("OVERFLOW" if overflow else "ok", url, width)
