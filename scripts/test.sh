#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine, then runs every test.
#
#   bash scripts/test.sh                  # the whole suite
#   bash scripts/test.sh -m browser       # extra arguments go to pytest
#
# Needs Python 3.11+ and root or sudo (Chromium comes from Debian with apt-get when it is
# missing). Nothing is downloaded while the tests run: the browser tests drive Debian's
# /usr/bin/chromium through Playwright and use the axe-core copy installed here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

CHROMIUM=/usr/bin/chromium
AXE_FALLBACK_DIR=node_modules/axe-core   # gitignored

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

echo "==> Installing localoffer with its test, search, pdf and import extras"
python3 -m pip install --disable-pip-version-check -q -e '.[test,search,pdf,import]'

if [ ! -x "$CHROMIUM" ]; then
  echo "==> Installing Chromium and ChromeDriver from Debian (apt-get)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
fi

# WeasyPrint (localoffer pdf) draws text with Pango, which Chromium's packages usually bring.
if ! python3 -c 'import weasyprint' 2>/dev/null; then
  echo "==> Installing Pango and a font from Debian (apt-get), for WeasyPrint"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
fi

# axe-core: axe-playwright-python (a test extra) ships axe.min.js in its wheel. If a future
# release stops doing so, fall back to axe-core 4 from the npm registry, installed here.
if ! python3 -c 'import axe_playwright_python, pathlib, sys; sys.exit(not (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").is_file())' 2>/dev/null \
   && [ ! -f "$AXE_FALLBACK_DIR/axe.min.js" ]; then
  echo "==> Installing axe-core 4 from npm into $AXE_FALLBACK_DIR"
  npm install --no-save --no-audit --no-fund axe-core@4
fi

# Fail here, clearly, rather than let the browser tests error one by one.
python3 - <<'PY'
import sys
sys.path.insert(0, "tests/browser")
from browser_harness import find_axe, launch_problem
problems = [p for p in (find_axe()[1], launch_problem()) if p]
for problem in problems:
    print(f"scripts/test.sh: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

args=(-p no:cacheprovider)
# Two workers on a two-core machine; -n 0 (or any -n of your own) overrides it.
if python3 -c 'import xdist' 2>/dev/null; then
  args+=(-n "${LOCALOFFER_TEST_WORKERS:-2}")
fi
echo "==> python3 -m pytest ${args[*]} $*"
exec python3 -m pytest "${args[@]}" "$@"
