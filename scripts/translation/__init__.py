"""The state of each translation: units, the source hash each records, what is translated,
outdated or missing, the reference structure every edition is shown in, and the history that
shows a translator what changed."""
