"""Reports rendered to HTML/DOCX/PDF and flattened by real tools (tests/test_flatten_tools.py)."""
