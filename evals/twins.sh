#!/usr/bin/env bash
# The census of twins: every real text the project holds beside its folder's metadata
# (tests/fixtures, evals/corpus, evals/census/acts, ../shared/data) must be taken as the act
# that metadata names, and every text put beside another act's metadata must be refused.
# Writes evals/census/twins.tsv (each real text), evals/census/twins-joined.tsv (each wrong
# pair not refused) and evals/census/twins-summary.txt. Run it again after every change to
# how a text is checked against its folder's metadata (src/structure/twin.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_PROFILE_RELEASE_LTO=off cargo test --release --lib structure::twin_census_tests::twin_census -- --ignored --nocapture
