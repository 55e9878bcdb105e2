"""Build the site strictly and publish it to site/ only when the build succeeds (make build)."""

import sys

from handbook.build.strict_build import main

if __name__ == "__main__":
    sys.exit(main())
