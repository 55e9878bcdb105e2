"""Markdown and HTML made from validated data: quiz blocks, checklists, computed tables, the home map."""
