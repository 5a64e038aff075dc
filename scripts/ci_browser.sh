#!/usr/bin/env bash
# Browser tests of the web UI: install Debian's chromium if it is missing, then run
# the Playwright tests (marked `browser`) and the API fuzz test against it.
# Playwright drives /usr/bin/chromium; it never downloads a browser.
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "ci_browser: /usr/bin/chromium is missing and installing it needs root" >&2
        exit 1
    fi
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
fi

python -c "import playwright, schemathesis" 2>/dev/null || python -m pip install -q -e ".[dev]"

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
python -m pytest -m "browser or slow" tests/web "$@"
