"""scripts/publish/own_assets.py: the site's own stylesheets and script, one minified file each."""

from scripts.publish.own_assets import SCRIPT, STYLESHEET, script, stylesheet


def test_stylesheets_join_in_order_without_comments():
    out = stylesheet(["/* why */\n.a {\n  color: red;\n}\n", "@media print {\n  .a { color: black }\n}\n"])
    assert out == ".a{color:red}@media print{.a{color:black}}\n"


def test_scripts_join_each_minified():
    out = script(["// one\n(function () {\n  var a = 1;\n})();\n", "(function () { return 2 })()"])
    assert out == "(function(){var a=1;})();\n(function(){return 2})();\n"


def test_the_built_pages_load_one_own_stylesheet_and_script_holding_every_source(built):
    for path, page in built.pages.items():
        own = [url for _, url in page.resources if "/assets/" in url and "/main." not in url
               and "/palette." not in url and "/bundle." not in url and "/edition." not in url]
        assert sorted(u.rsplit("assets/", 1)[1] for u in own) == sorted(
            [STYLESHEET.split("assets/", 1)[1]] + ([] if path.endswith("print/") else [SCRIPT.split("assets/", 1)[1]])), path
    css = (built.site / STYLESHEET).read_text(encoding="utf-8")
    assert ".slot-time{" in css and "@page{" in css and ".parallel" in css  # site, print, reading
    js = (built.site / SCRIPT).read_text(encoding="utf-8")
    assert "withPlace" in js
