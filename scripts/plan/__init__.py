"""The site plan: which pages exist in which language, from which content, in what order; the
reading aids that join them; the complete Markdown tree (`python -m scripts render`)."""
