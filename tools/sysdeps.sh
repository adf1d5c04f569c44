#!/bin/sh
# Install the optional system packages that some tests use, when they are missing and we can:
# Debian's chromium (browser tests), R with the dependencies of R's frictionless package and GNU
# PSPP (interoperability tests), then R's frictionless itself (not in Debian) into .R-library/
# from the vendored release in ../shared/vendor, or from CRAN where that folder is absent.
# Without root or apt-get nothing is installed and the tests that need these skip with their
# reason (pytest's summary lists them); CI runs as root and has them all.
set -u
VENDOR=${VENDOR:-../shared/vendor}
R_LIBRARY=.R-library
R_DEBS="r-base-core r-cran-dplyr r-cran-httr r-cran-jsonlite r-cran-purrr r-cran-readr r-cran-rlang r-cran-yaml r-cran-cli"
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
command -v pspp >/dev/null 2>&1 || need="$need pspp"
dpkg -s $R_DEBS >/dev/null 2>&1 || need="$need $R_DEBS"
if [ -n "$need" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing Debian packages:$need"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null ||
            echo "could not install some of:$need; the tests that need them will be skipped" >&2
    else
        echo "note: missing$need and not root: the tests that need them will be skipped (sudo apt-get install$need)"
    fi
fi
command -v Rscript >/dev/null 2>&1 || exit 0
R_LIBS=$R_LIBRARY Rscript -e 'quit(status = !requireNamespace("frictionless", quietly = TRUE))' 2>/dev/null && exit 0
mkdir -p $R_LIBRARY
if [ -f "$VENDOR/frictionless-r-1.2.1.tar.gz" ]; then
    R CMD INSTALL --no-docs --no-html --library=$R_LIBRARY "$VENDOR/frictionless-r-1.2.1.tar.gz" >/dev/null 2>&1
else
    Rscript -e "install.packages('frictionless', lib = '$R_LIBRARY', repos = 'https://cloud.r-project.org')" >/dev/null 2>&1
fi || echo "could not install R's frictionless: the R test will be skipped" >&2
