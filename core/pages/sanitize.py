"""HTML that administrators type is cleaned with nh3 (the Rust ammonia sanitiser) against an
allow-list: whatever is not listed here, scripts and event handlers included, is removed."""

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "small",
    "ul", "ol", "li", "blockquote", "code", "pre", "a", "abbr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html):
    import nh3  # here: only saving the About page needs it, and every process imports the models (1.6 MiB)

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
