"""Scaffold a page (with its quiz, figure and nav entry), a checklist or a figure script (make new)."""

import sys

from handbook.scaffold import main

if __name__ == "__main__":
    sys.exit(main())
