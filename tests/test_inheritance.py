"""The {% extends %} builtin (core.templatetags.inheritance): Django's, with the root's blocks kept."""

import pytest
from django.template import Context, Engine, engines

from core.templatetags.inheritance import RootBlocksKeptExtendsNode

TEMPLATES = {
    "root.html": "<title>{% block title %}Site{% endblock %}</title>"
    "<main>{% block content %}nothing{% endblock %}</main>"
    "<footer>{% block footer %}{% block credits %}made here{% endblock %}{% endblock %}</footer>",
    "section.html": '{% extends "root.html" %}{% block title %}Section · {{ block.super }}{% endblock %}'
    "{% block content %}<nav>tabs</nav>{% block section_content %}{% endblock %}{% endblock %}",
    "page_a.html": '{% extends "section.html" %}{% block section_content %}A: {{ word }}{% endblock %}',
    "page_b.html": '{% extends "section.html" %}{% block title %}B{% endblock %}'
    "{% block credits %}B's credits, {{ block.super }}{% endblock %}",
    "plain.html": '{% extends "root.html" %}{% block footer %}{% endblock %}',
    "text_only.html": "no blocks at all",
    "extends_text_only.html": '{% extends "text_only.html" %}{% block content %}unused{% endblock %}',
}


LOCMEM = ("django.template.loaders.locmem.Loader", TEMPLATES)
# Compiled templates kept by the cached loader (production), or compiled again for every page.
CACHED, UNCACHED = [("django.template.loaders.cached.Loader", [LOCMEM])], [LOCMEM]


def engine(loaders, *builtins):
    return Engine(loaders=loaders, builtins=list(builtins))


KEPT = engine(CACHED, "core.templatetags.inheritance")


@pytest.mark.parametrize("loaders", [CACHED, UNCACHED], ids=["cached loader", "uncached loader"])
def test_pages_render_as_with_djangos_extends_however_often_and_in_whatever_order(loaders):
    kept, django = engine(loaders, "core.templatetags.inheritance"), engine(loaders)
    names = ["page_a.html", "page_b.html", "plain.html", "section.html", "extends_text_only.html"]
    for _ in range(3):
        for name in names + names[::-1]:
            context = {"word": name}
            assert kept.get_template(name).render(Context(context)) == django.get_template(name).render(
                Context(context)
            )


def test_a_childs_blocks_do_not_stay_in_the_root_for_the_next_page():
    assert KEPT.get_template("page_b.html").render(Context()) == (
        "<title>B</title><main><nav>tabs</nav></main><footer>B's credits, made here</footer>"
    )
    assert KEPT.get_template("page_a.html").render(Context({"word": "x"})) == (
        "<title>Section · Site</title><main><nav>tabs</nav>A: x</main><footer>made here</footer>"
    )


def test_the_roots_blocks_are_found_once_and_kept_on_the_compiled_root():
    KEPT.get_template("page_a.html").render(Context())
    KEPT.get_template("extends_text_only.html").render(Context())
    root = KEPT.get_template("root.html")
    assert set(root.root_blocks) == {"title", "content", "footer", "credits"}
    assert KEPT.get_template("text_only.html").root_blocks == {}


def test_the_sites_templates_use_it():
    template = engines["django"].from_string('{% extends "base.html" %}').template
    assert isinstance(template.nodelist[0], RootBlocksKeptExtendsNode)
