"""scripts/publish/unused_css.py on small stylesheets: what goes and what stays. The whole site's
stylesheets are compared by screenshots (see README, "Only the CSS the pages use")."""

from scripts.publish.unused_css import prune

WORDS = frozenset({"md-header", "md-nav", "a", "p", "div", "data-md-color-primary", "indigo",
                   "data-md-state"})


def pruned(css: str, **kwargs) -> str:
    """The pruned stylesheet, each block's last ";" dropped (the serializer writes one)."""
    return prune(css, WORDS, **kwargs).replace(";}", "}")


def test_rules_for_names_no_page_holds_go():
    css = ".md-header{color:red}.md-tabs{color:blue}.md-nav .md-tabs,.md-nav a{margin:0}"
    assert pruned(css) == ".md-header{color:red}.md-nav .md-tabs,.md-nav a{margin:0}\n"


def test_what_a_negation_holds_removes_nothing_and_state_values_count_as_set_by_scripts():
    css = ".md-nav:not(.md-tabs){color:red}[data-md-state=lock] p{overflow:hidden}"
    assert pruned(css) == css + "\n"


def test_palette_values_must_be_on_the_pages():
    css = "[data-md-color-primary=indigo]{color:blue}[data-md-color-primary=red]{color:red}"
    assert pruned(css) == "[data-md-color-primary=indigo]{color:blue}\n"


def test_inside_media_queries_and_emptied_ones_go():
    css = "@media screen{.md-tabs{color:red}}@media print{.md-header{display:none}}"
    assert pruned(css).replace(" ", "") == "@mediaprint{.md-header{display:none}}\n"


def test_custom_properties_nothing_reads_go_and_those_read_stay():
    css = ":root{--a:1px;--b:var(--c);--c:2px;--unread:url(x.svg);--elsewhere:0}.md-nav{margin:var(--b)}"
    out = pruned(css, read_elsewhere=frozenset({"--elsewhere"}))
    assert "--unread" not in out and "--a:" not in out
    assert "--b:" in out and "--c:" in out and "--elsewhere:" in out


def test_names_of_components_the_bundle_makes_from_markup_count_only_where_that_markup_is(tmp_path):
    """The bundle names `md-code__button` (made for code blocks) and `md-search-result__item`
    (made for any search): the first counts only on a site with a code block."""
    from scripts.publish.unused_css import site_words
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "bundle.js").write_text('x("md-code__button");y("md-search-result__item")')
    (tmp_path / "index.html").write_text("<p>text</p>")
    words = site_words(tmp_path)
    assert "md-search-result__item" in words and "md-code__button" not in words
    (tmp_path / "code.html").write_text("<pre><code>x</code></pre>")
    assert "md-code__button" in site_words(tmp_path)


def test_the_built_sites_theme_stylesheet_keeps_what_its_pages_use_and_not_code_blocks(built):
    """On the real site (no code block, no tags, no versions): the rules for the copy button
    of code blocks and for tags are gone; those for search results, which the bundle makes
    on any page, and for the header stay."""
    [css] = (built.site / "assets" / "stylesheets").glob("main.*.min.css")
    text = css.read_text(encoding="utf-8")
    assert ".md-code__button" not in text and ".md-tag" not in text and ".md-version" not in text
    assert ".md-search-result__item" in text and ".md-header" in text
