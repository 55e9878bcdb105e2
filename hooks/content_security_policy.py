"""MkDocs hook: placeholder for the Content-Security-Policy (written with its browser test)."""
