"""Tools for editors and translators beyond the checks: copies ready to translate, new
languages, and how much of each source edition the content holds."""
