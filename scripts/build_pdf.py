"""Print the handbook and its checklists to PDF from the built site (make pdf); --help lists the options."""

import sys

from handbook.exports.pdf.make import main

if __name__ == "__main__":
    sys.exit(main())
