"""Renderers: pure functions from the content models to Markdown pages.

One module per page kind. Nothing here knows about MkDocs or writes files: a renderer
takes models, the reader's language and its interface words, and returns a `Page`.
The Markdown uses a few extension syntaxes only: attribute lists (`{ #id }`),
footnotes, Markdown inside HTML blocks (`<div lang=… markdown>`), admonitions
(`!!!`) and collapsible details (`???`).
"""
