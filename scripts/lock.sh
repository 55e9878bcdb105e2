#!/usr/bin/env bash
# Write the hash-locked requirement files from the dependency groups in pyproject.toml (run by `make lock`).
# requirements.txt locks the "site" group; requirements-test.txt locks "test" (which includes "site") at the
# same versions. Both hold every platform marker from Python 3.11.5 on, so one lock serves 3.11 to 3.13.
# Current pins are kept unless asked otherwise: `make lock UV_FLAGS=--upgrade-package=mkdocs-material`.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-.venv/bin/uv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
common=(--generate-hashes --universal --python-version 3.11.5 --no-header --quiet ${UV_FLAGS:-})
for lock in requirements.txt requirements-test.txt; do
  if [[ -f $lock ]]; then cp "$lock" "$work/previous-$lock"; else : >"$work/previous-$lock"; fi
done
"$uv" pip compile pyproject.toml --group site "${common[@]}" -c "$work/previous-requirements.txt" -o "$work/site.txt"
"$uv" pip compile pyproject.toml --group test "${common[@]}" -c "$work/site.txt" \
  -c "$work/previous-requirements-test.txt" -o "$work/test.txt"
# The constraint files are only a memory of the previous pins: keep "# via" naming the packages that need each one.
tidy() { python3 -c '
import re, sys
text = re.sub(r"\n    #   -c [^\n]*", "", open(sys.argv[1]).read())
# "# via" followed by a single name becomes "# via name"; a "# via" left with no names is dropped.
text = re.sub(r"    # via\n    #   ([^\n]+)\n(?!    #   )", r"    # via \1\n", text)
text = re.sub(r"    # via\n(?!    #)", "", text)
sys.stdout.write(text)' "$1"; }
{ echo "# The site group of pyproject.toml, locked by \`make lock\` (uv): what make serve/build/pdf/anki install."; tidy "$work/site.txt"; } >requirements.txt
{ echo "# The test group of pyproject.toml (the site group and the test tools), locked by \`make lock\` (uv)."; tidy "$work/test.txt"; } >requirements-test.txt
