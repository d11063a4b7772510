"""Background jobs in the admin area: queues, workers, failed jobs (requeue, delete), scheduled retries.

rq and redis are imported inside the views (core.adminarea.jobqueues), not here: the URLconf imports
this module in every process, and most never show a job (issue #14).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import TemplateView, View

from core.adminarea.permissions import AdministratorRequiredMixin
from core.audit.services import Action, record_admin_action
from core.services import ServiceError


def _jobqueues():
    from core.adminarea import jobqueues

    return jobqueues


class JobsView(AdministratorRequiredMixin, TemplateView):
    template_name = "adminarea/jobs.html"

    def get_context_data(self, **kwargs):
        jobqueues = _jobqueues()
        try:
            queues, workers = jobqueues.summarize_queues()
        except jobqueues.JobsUnavailable as unavailable:
            return super().get_context_data(unavailable=unavailable.message, **kwargs)
        return super().get_context_data(queues=queues, workers=workers, **kwargs)


class QueueView(AdministratorRequiredMixin, TemplateView):
    """One queue's failed jobs with their tracebacks, and the retries waiting for their time."""

    template_name = "adminarea/queue.html"

    def get_context_data(self, **kwargs):
        jobqueues = _jobqueues()
        name = self.kwargs["queue"]
        try:
            failed_count, failed = jobqueues.failed_jobs(name)
            scheduled_count, scheduled = jobqueues.scheduled_jobs(name)
        except jobqueues.JobsUnavailable as unavailable:
            return super().get_context_data(unavailable=unavailable.message, **kwargs)
        except ServiceError as error:
            raise Http404(error.message) from error
        return super().get_context_data(
            failed=failed,
            failed_count=failed_count,
            scheduled=scheduled,
            scheduled_count=scheduled_count,
            shown=jobqueues.JOBS_SHOWN,
            **kwargs,
        )


class FailedJobsActionView(AdministratorRequiredMixin, View):
    """POST only: requeue or delete (`action`, from the URL) one failed job (with job_id) or all of them;
    back to the queue."""

    http_method_names = ["post"]

    def post(self, request, queue, action, job_id=None):
        jobqueues = _jobqueues()
        try:
            message = self.perform(jobqueues, queue, action, job_id)
        except jobqueues.JobsUnavailable as unavailable:
            messages.error(request, unavailable.message)
        except ServiceError as error:
            raise Http404(error.message) from error
        else:
            messages.success(request, message)
        return redirect("adminarea:queue", queue=queue)

    def perform(self, jobqueues, queue, action, job_id):
        if job_id is None:
            if action == "requeue":
                count = jobqueues.requeue_all_failed_jobs(queue_name=queue)
                self.record_requeue(f"{count} failed jobs of the queue {queue}")
                return f"Requeued {count} failed jobs."
            return f"Deleted {jobqueues.delete_all_failed_jobs(queue_name=queue)} failed jobs."
        if action == "requeue":
            jobqueues.requeue_failed_job(queue_name=queue, job_id=job_id)
            self.record_requeue(f"job {job_id} of the queue {queue}")
            return f"Requeued the job {job_id}; a worker runs it next."
        jobqueues.delete_failed_job(queue_name=queue, job_id=job_id)
        return f"Deleted the job {job_id}."

    def record_requeue(self, what):
        record_admin_action(actor=self.request.user, action=Action.JOB_REQUEUED, detail=what)
