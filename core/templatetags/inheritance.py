"""Django's {% extends %}, with the blocks of the root template found once per compiled template.

On every render, Django's ExtendsNode walks the whole root layout (base.html) to find its {% block %}s,
though a compiled template never changes: a twentieth of the home page's time in the worker
(docs/performance.md). The blocks found are kept on the compiled template, so they last as long as
the template loader keeps it. A builtin of the template engine (settings TEMPLATES), like {% url %}.
"""

from django import template
from django.template.base import TextNode
from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode, ExtendsNode, do_extends

register = template.Library()


class RootBlocksKeptExtendsNode(ExtendsNode):
    def render(self, context):
        # Django's ExtendsNode.render, with root_blocks() in place of its walk of the parent.
        compiled_parent = self.get_parent(context)
        if BLOCK_CONTEXT_KEY not in context.render_context:
            context.render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context = context.render_context[BLOCK_CONTEXT_KEY]
        block_context.add_blocks(self.blocks)
        block_context.add_blocks(root_blocks(compiled_parent))
        with context.render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)


def root_blocks(compiled):
    """{name: BlockNode} of a template that extends nothing (the root of the chain), else {}."""
    try:
        return compiled.root_blocks
    except AttributeError:
        blocks = {}
        first = next((node for node in compiled.nodelist if not isinstance(node, TextNode)), None)
        if first is not None and not isinstance(first, ExtendsNode):
            blocks = {node.name: node for node in compiled.nodelist.get_nodes_by_type(BlockNode)}
        compiled.root_blocks = blocks
        return blocks


@register.tag("extends")
def extends(parser, token):
    node = do_extends(parser, token)
    return RootBlocksKeptExtendsNode(node.nodelist, node.parent_name)
