#!/usr/bin/env bash
# Install the Debian packages a make target needs: with apt as root, otherwise one line naming the command.
# Usage: scripts/ensure-system-packages.sh build|pdf|test
set -euo pipefail

# Chromium renders the Mermaid figures at build time and runs the browser tests.
build=(graphviz fonts-dejavu-core nodejs npm chromium)
# pdftotext reads the printed PDFs back (table-of-contents page numbers, the checks after printing).
pdf=(poppler-utils)
test=(postgresql poppler-utils)
case "${1:-build}" in
  build) wanted=("${build[@]}") ;;
  pdf) wanted=("${build[@]}" "${pdf[@]}") ;;
  test) wanted=("${build[@]}" "${test[@]}") ;;
  *) echo "usage: $0 build|pdf|test" >&2; exit 2 ;;
esac
# A Debian python3 without ensurepip cannot create the virtual environment.
if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then wanted+=(python3-venv); fi

missing=()
for package in "${wanted[@]}"; do
  # Accept a tool that is already on PATH from elsewhere (a Node.js not from Debian, say).
  case "$package" in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
    chromium) [[ -n "${CHROMIUM:-}" && -x "${CHROMIUM}" ]] && continue ;;  # e.g. Chrome on a CI runner
  esac
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
  echo "Missing system packages: run  sudo apt-get update && sudo apt-get install -y ${missing[*]}  then run make again." >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
