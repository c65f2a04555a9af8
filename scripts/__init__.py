"""Build scripts: load and check the YAML content, render it to Markdown for MkDocs."""
