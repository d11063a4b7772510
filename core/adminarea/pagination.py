"""Counting a large table exactly costs more than the rest of a page (7 ms for 100,000 users in
PostgreSQL: the whole difference between a 10-user and a 100,000-user list). So an unfiltered list
of more than ESTIMATE_ABOVE rows is counted with PostgreSQL's own estimate, pg_class.reltuples, which
autovacuum keeps current, and the page says "about"; a smaller one is counted exactly in the same query.
Filtered lists are always counted exactly.

A page number past the end shows the last page, as Django's Paginator.get_page does (ListViews use
EstimatingListMixin); only then is an estimated list counted exactly, to know which page is last."""

import math

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db import connections, router
from django.utils.functional import cached_property

ESTIMATE_ABOVE = 10_000


def table_rows(model):
    """(PostgreSQL's estimate of the rows in `model`'s table, their exact count) in one query; the exact
    count only where the estimate is at most ESTIMATE_ABOVE (or missing, before any ANALYZE), else None.
    None elsewhere than PostgreSQL."""
    connection = connections[router.db_for_read(model)]
    if connection.vendor != "postgresql":
        return None
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT reltuples::bigint, CASE WHEN reltuples <= %s THEN (SELECT count(*) FROM "
            f"{connection.ops.quote_name(table)}) END FROM pg_class WHERE oid = %s::regclass",
            [ESTIMATE_ABOVE, table],
        )
        return cursor.fetchone()


class EstimatingPaginator(Paginator):
    """Django's Paginator; with `estimate=True`, a large table's count is PostgreSQL's estimate."""

    def __init__(self, object_list, per_page, *args, estimate=False, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.estimate = estimate

    @cached_property
    def table_rows(self):
        """(estimate, exact count or None) of the whole table, when this list is the whole table."""
        return table_rows(self.object_list.model) if self.estimate else None

    @cached_property
    def estimated_count(self):
        """The estimate, when this list is counted by one; else None."""
        if self.table_rows is None or self.table_rows[1] is not None:
            return None
        return self.table_rows[0]

    @property
    def is_estimate(self):
        return self.estimated_count is not None

    @cached_property
    def count(self):
        if self.is_estimate:
            return self.estimated_count
        if self.table_rows is not None:
            return self.table_rows[1]  # a small whole table, counted in the estimate's query
        return super().count

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

    def get_page(self, number):
        """The page `number`; the first for a non-number, the last for one past the end or below 1."""
        if not self.is_estimate:
            return super().get_page(number)
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.last_page()

    def last_page(self):
        # Counted exactly (the estimate may be off either way), once, and only for a page past the end.
        self.__dict__["count"] = Paginator.count.func(self)
        self.__dict__.pop("num_pages", None)
        number = max(1, math.ceil(self.count / self.per_page))
        bottom = (number - 1) * self.per_page
        page = EstimatedPage(list(self.object_list[bottom : bottom + self.per_page]), number, self)
        page.followed = False
        return page

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


class LastPageMixin:
    """For a ListView: `?page=` past the end shows the last page and a non-number the first, not a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=True
        )
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class EstimatingListMixin(LastPageMixin):
    """For a ListView of a table that grows large: 50 rows a page, the whole list counted by estimate,
    a list that `narrowed()` counted exactly."""

    paginate_by = 50
    paginator_class = EstimatingPaginator

    def narrowed(self):
        """Whether a search or a filter narrows the list (called after get_queryset)."""
        return False

    def get_paginator(self, queryset, per_page, **kwargs):
        # Only the whole list may be counted by estimate; a narrowed one is counted exactly.
        return super().get_paginator(queryset, per_page, estimate=not self.narrowed(), **kwargs)
