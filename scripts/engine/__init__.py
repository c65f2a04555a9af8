"""The MkDocs adapter: the hook that hands MkDocs and mkdocs-static-i18n the rendered pages, the
preview state of `mkdocs serve`, and what the site takes from the installed theme. The only
package that imports MkDocs, Material or the i18n plugin."""
