"""Reading the content: YAML files with the position of every value, checked against the
JSON Schemas, built into the typed, frozen models that every later stage works on."""
