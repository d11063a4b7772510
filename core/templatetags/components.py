"""Markup several pages show, written once: a table of rows and an entry of a definition list."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def data_table(context, rows, row_template, *columns, empty="", action_column=""):
    """A table with a header cell per column and `row_template` rendered for each of `rows` (as `row`);
    `empty`, if given, is the one row shown when there are none. `action_column` adds a last column
    whose heading only screen readers read (its cells hold buttons)."""
    headings = [*columns, action_column] if action_column else list(columns)
    table = context.template.engine.get_template("components/data_table.html")
    with context.push(
        rows=rows,
        row_template=row_template,
        columns=columns,
        action_column=action_column,
        width=len(headings),
        empty=empty,
    ):
        return table.render(context)


@register.inclusion_tag("components/detail.html")
def detail(term, value):
    """One entry of a `<dl class="details">`: the term and its value."""
    return {"term": term, "value": value}
