"""scripts/publish/own_assets.py: the site's own stylesheets and script, one minified file each."""

from scripts.publish.own_assets import SCRIPT, STYLESHEET, script, stylesheet
from tests.support.pages import is_print_volume


def test_stylesheets_join_in_order_without_comments():
    out = stylesheet(["/* why */\n.a {\n  color: red;\n}\n", "@media print {\n  .a { color: black }\n}\n"])
    assert out == ".a{color:red}@media print{.a{color:black}}\n"


def test_scripts_join_each_minified():
    out = script(["// one\n(function () {\n  var a = 1;\n})();\n", "(function () { return 2 })()"])
    assert out == "(function(){var a=1;})();\n(function(){return 2})();\n"


def test_the_built_pages_load_one_own_stylesheet_and_script_holding_every_source(built):
    theirs = ("stylesheets/main.", "stylesheets/palette.", "javascripts/bundle.", "stylesheets/edition.")
    for path, page in built.pages.items():
        assets = [url.rsplit("assets/", 1)[1] for _, url in page.resources if "assets/" in url]
        own = sorted(asset for asset in assets if not asset.startswith(theirs))
        expected = [STYLESHEET] if is_print_volume(path) else [SCRIPT, STYLESHEET]
        assert own == sorted(e.split("assets/", 1)[1] for e in expected), path
    css = (built.site / STYLESHEET).read_text(encoding="utf-8")
    assert ".slot-time{" in css and "@page{" in css and ".parallel" in css  # site, print, reading
    js = (built.site / SCRIPT).read_text(encoding="utf-8")
    assert "withPlace" in js


def test_indentation_goes_and_preformatted_text_and_scripts_stay():
    from scripts.publish.whitespace import collapse
    html = "<ul>\n    <li>a\n      b</li>\n\n\n  </ul>\n<pre>  x\n   y</pre>\n  <script>\n  var s = 'a\n  b';\n</script>"
    assert collapse(html) == "<ul>\n<li>a\nb</li>\n</ul>\n<pre>  x\n   y</pre>\n<script>\n  var s = 'a\n  b';\n</script>"


def test_the_built_pages_carry_no_template_indentation(built):
    import re
    for path in ("", "notes/", "print/", "print/2/"):
        html = (built.site / path / "index.html").read_text(encoding="utf-8")
        outside = re.sub(r"<(pre|textarea|script)\b.*?</\1>", "", html, flags=re.S)
        assert not re.search(r"\n[ \t]+", outside), path
    # Collapsing is invisible only while no attribute value spans lines (a title would show it).
    for page in built.site.rglob("*.html"):
        assert not re.search(r'=\s*"[^"]*\n[^"]*"', page.read_text(encoding="utf-8")), page
