"""Counting a large table exactly costs more than the rest of a page (7 ms for 100,000 users in
PostgreSQL: the whole difference between a 10-user and a 100,000-user list). So an unfiltered list
of more than ESTIMATE_ABOVE rows is counted with PostgreSQL's own estimate, pg_class.reltuples, which
autovacuum keeps current, and the page says "about". Filtered lists are always counted exactly."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections, router
from django.utils.functional import cached_property

ESTIMATE_ABOVE = 10_000


def estimated_rows(model):
    """PostgreSQL's estimate of the rows in `model`'s table; None elsewhere or before any ANALYZE."""
    connection = connections[router.db_for_read(model)]
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
        )
        row = cursor.fetchone()
    return row[0] if row and row[0] >= 0 else None


class EstimatingPaginator(Paginator):
    """Django's Paginator; with `estimate=True`, a large table's count is PostgreSQL's estimate."""

    def __init__(self, object_list, per_page, *args, estimate=False, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.estimate = estimate

    @cached_property
    def estimated_count(self):
        """The estimate, when this list is counted by one; else None."""
        rows = estimated_rows(self.object_list.model) if self.estimate else None
        return rows if rows is not None and rows > ESTIMATE_ABOVE else None

    @property
    def is_estimate(self):
        return self.estimated_count is not None

    @cached_property
    def count(self):
        return self.estimated_count if self.is_estimate else super().count

    def validate_number(self, number):
        # An estimate may fall short of the real count: pages past it stay reachable, up to twice it
        # (which also keeps absurd page numbers out of the database's OFFSET).
        if not self.is_estimate:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1 or number > 2 * self.num_pages:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number):
        if not self.is_estimate:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        # Slice by page size, one row more to know whether a next page exists: Paginator.page would
        # cut the last page at the estimated count.
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        page = EstimatedPage(rows[: self.per_page], number, self)
        page.followed = len(rows) > self.per_page
        return page


class EstimatedPage(Page):
    def has_next(self):
        # Known from the extra row fetched, not from the estimated count.
        return self.followed
