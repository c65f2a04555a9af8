"""The site's Markdown converter, as mkdocs.yml configures it, without MkDocs: what a renderer's
Markdown becomes before the sanitizer."""

from __future__ import annotations

import markdown
import yaml

from scripts import config


def site_markdown() -> markdown.Markdown:
    """A Markdown converter with the extensions and settings of mkdocs.yml."""
    settings = yaml.load((config.ROOT / "mkdocs.yml").read_text("utf-8"), Loader=_IgnoreTags)
    extensions, configs = [], {}
    for entry in settings["markdown_extensions"]:
        name, options = (next(iter(entry.items())) if isinstance(entry, dict) else (entry, None))
        extensions.append(name)
        if options:
            configs[name] = options
    return markdown.Markdown(extensions=extensions, extension_configs=configs)


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as nothing: only the Markdown settings matter here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)
