#!/usr/bin/env bash
# The Python package (python/): clippy on its crate, then its wheel built with maturin,
# installed with pip into a fresh virtual environment (target/py-venv) and tested there with
# pytest on the bundled corpus (python/tests). maturin, pytest and pandas come from PyPI; where
# they cannot be installed (no network), says so and skips. A failing build or test fails.
# Needs `target/release/zanlex` (built by `cargo test --release`): the tests compare answers
# with the command line's JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo clippy --release -p zanlex-py --all-targets -- -D warnings
venv=$PWD/target/py-venv
rm -rf "$venv"
if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q maturin pytest pandas; }; then
    echo "ci: could not install maturin, pytest and pandas from PyPI; the Python package's tests will skip" >&2
    exit 0
fi
rm -rf target/wheels
"$venv/bin/maturin" build --release -m python/Cargo.toml -o target/wheels
"$venv/bin/pip" install -q target/wheels/zanlex-*.whl
# Run from the tests' folder so that `import zanlex` finds the installed wheel, not a source
# folder.
(cd python/tests && "$venv/bin/python" -m pytest -q -p no:cacheprovider .)
