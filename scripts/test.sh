#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian or Ubuntu machine, then runs every test.
#
#   bash scripts/test.sh                  # the whole suite
#   bash scripts/test.sh -m browser       # extra arguments go to pytest
#
# Everything Python goes into a virtual environment, .venv/ (the README's first command makes
# the same one), so it works where python3 is "externally managed" (PEP 668). Settings, all
# optional:
#   LOCALOFFER_VENV=path          the virtual environment to make or use (default: .venv)
#   LOCALOFFER_CONSTRAINTS=file   versions to install (default: constraints.txt, the tested
#                                 set); "newest" installs the newest release of everything
#   LOCALOFFER_TEST_WORKERS=n     pytest-xdist workers (default 2)
#
# Needs Python 3.11+ and root or sudo (Chromium and Pango come from Debian with apt-get when
# they are missing). Nothing is downloaded while the tests run: the packages are downloaded
# once into the environment's wheelhouse/ and installed from there (the pre-commit test builds
# the published hook from it, offline); the browser tests drive Debian's /usr/bin/chromium
# through Playwright with the axe-core copy installed here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

VENV=${LOCALOFFER_VENV:-.venv}
CONSTRAINTS=${LOCALOFFER_CONSTRAINTS:-constraints.txt}
EXTRAS='.[test,search,pdf,import]'
CHROMIUM=/usr/bin/chromium
AXE_FALLBACK_DIR=node_modules/axe-core   # gitignored

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

# --- Debian packages ----------------------------------------------------------------------
if [ ! -x "$CHROMIUM" ] || ! command -v chromedriver >/dev/null; then
  echo "==> Installing Chromium and ChromeDriver from Debian (apt-get)"
  apt_install chromium chromium-driver
fi
# Hugo: benchmarks/bench_site.py builds the same offers with it as a baseline (its test runs it).
if ! command -v hugo >/dev/null; then
  echo "==> Installing Hugo from Debian (apt-get), for the site benchmark's baseline"
  apt_install hugo
fi

# --- Python packages, in the virtual environment --------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> Making the virtual environment $VENV"
  if ! python3 -m venv "$VENV"; then
    # Debian and Ubuntu ship venv's pip separately.
    rm -rf "$VENV"
    apt_install python3-venv "python3.$(python3 -c 'import sys; print(sys.version_info[1])')-venv"
    python3 -m venv "$VENV"
  fi
fi
VENV=$(cd "$VENV" && pwd)
PYTHON="$VENV/bin/python"
WHEELHOUSE="$VENV/wheelhouse"
pip_args=(--disable-pip-version-check -q)
if [ "$CONSTRAINTS" = newest ]; then
  echo "==> Downloading the newest release of every dependency into $WHEELHOUSE"
  "$PYTHON" -m pip install "${pip_args[@]}" --upgrade pip
  pin=()
else
  echo "==> Downloading the tested versions ($CONSTRAINTS) into $WHEELHOUSE"
  pin=(--constraint "$CONSTRAINTS")
fi
# setuptools too: pre-commit builds the published hook from this checkout with it, offline.
"$PYTHON" -m pip wheel "${pip_args[@]}" "${pin[@]}" --wheel-dir "$WHEELHOUSE" "$EXTRAS" setuptools
echo "==> Installing localoffer with its test, search, pdf and import extras into $VENV"
"$PYTHON" -m pip install "${pip_args[@]}" "${pin[@]}" --no-index --find-links "$WHEELHOUSE" \
  --upgrade --upgrade-strategy eager -e "$EXTRAS"
"$PYTHON" -m pip check

# WeasyPrint (localoffer pdf) draws text with Pango, which Chromium's packages usually bring.
if ! "$PYTHON" -c 'import weasyprint' 2>/dev/null || ! fc-list 2>/dev/null | grep -qi dejavu; then
  echo "==> Installing Pango and a font from Debian (apt-get), for WeasyPrint"
  apt_install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core
fi
# Translated offers: fonts that draw Urdu (Nastaliq and Naskh), Arabic, Bengali and Punjabi
# (Gurmukhi), for the browser tests and the PDF booklets.
if ! fc-list :lang=ur 2>/dev/null | grep -qi "Noto Nastaliq Urdu" \
   || ! fc-list :lang=bn 2>/dev/null | grep -qi "Noto Sans Bengali"; then
  echo "==> Installing the Noto fonts for Urdu, Arabic, Bengali and Punjabi from Debian (apt-get)"
  apt_install fonts-noto-core
fi

# --- npm (only when the Python package stops shipping axe-core) ----------------------------
# axe-core: axe-playwright-python (a test extra) ships axe.min.js in its wheel. If a future
# release stops doing so, fall back to axe-core 4 from the npm registry, installed here.
if ! "$PYTHON" -c 'import axe_playwright_python, pathlib, sys; sys.exit(not (pathlib.Path(axe_playwright_python.__file__).parent / "axe.min.js").is_file())' 2>/dev/null \
   && [ ! -f "$AXE_FALLBACK_DIR/axe.min.js" ]; then
  echo "==> Installing axe-core 4 from npm into $AXE_FALLBACK_DIR"
  npm install --no-save --no-audit --no-fund axe-core@4
fi

# --- npm: the web editor (localoffer cms) --------------------------------------------------
# Decap CMS's browser bundle and decap-server, at the versions package-lock.json pins, into
# node_modules/ (gitignored). The editor's tests drive them in Chromium; nothing is fetched
# while the tests run.
if ! command -v npm >/dev/null; then
  echo "==> Installing Node.js and npm from Debian (apt-get), for the web editor"
  apt_install nodejs npm
fi
echo "==> Installing the web editor (Decap CMS, decap-server) with npm ci"
npm ci --no-audit --no-fund --loglevel=error

# --- Fail here, clearly, rather than let the tests error one by one -------------------------
"$PYTHON" - <<'PY'
import sys
sys.path.insert(0, "tests/browser")
from browser_harness import find_axe, launch_problem
problems = [p for p in (find_axe()[1], launch_problem()) if p]
for problem in problems:
    print(f"scripts/test.sh: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

# --- The tests --------------------------------------------------------------------------------
# Two workers on a two-core machine; -n 0 (or any -n of your own) overrides it. The
# environment is not activated: the tests find its commands (pre-commit, check-jsonschema)
# beside its python, as they must for anyone who runs them that way.
export LOCALOFFER_WHEELHOUSE="$WHEELHOUSE"
args=(-p no:cacheprovider -n "${LOCALOFFER_TEST_WORKERS:-2}")
echo "==> $PYTHON -m pytest ${args[*]} $*"
exec "$PYTHON" -m pytest "${args[@]}" "$@"
