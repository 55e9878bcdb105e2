#!/usr/bin/env bash
# Write the hash-locked requirement files from the dependency groups in pyproject.toml (run by `make lock`).
# requirements.txt locks the "site" group; requirements-test.txt locks "test" (which includes "site") at the
# same versions. Both hold every platform marker from Python 3.11 on, so one lock serves 3.11 to 3.13.
# Pass upgrade flags to uv, e.g. `make lock UV_FLAGS=--upgrade-package=mkdocs-material`.
set -euo pipefail
cd "$(dirname "$0")/.."
uv=${UV:-.venv/bin/uv}
common=(--generate-hashes --universal --python-version 3.11.5 --no-header --quiet ${UV_FLAGS:-})
for lock in requirements.txt requirements-test.txt; do [[ -f $lock ]] || : >"$lock"; done
"$uv" pip compile pyproject.toml --group site "${common[@]}" -c requirements.txt -o requirements.txt.new
"$uv" pip compile pyproject.toml --group test "${common[@]}" -c requirements.txt.new -c requirements-test.txt -o requirements-test.txt.new
{ echo "# The site group of pyproject.toml, locked by \`make lock\` (uv): what make serve/build/pdf/anki install."; cat requirements.txt.new; } >requirements.txt
{ echo "# The test group of pyproject.toml (the site group and the test tools), locked by \`make lock\` (uv)."; cat requirements-test.txt.new; } >requirements-test.txt
rm requirements.txt.new requirements-test.txt.new
