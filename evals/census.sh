#!/usr/bin/env bash
# The census of the rules of time on real acts: every clause of evals/census/clauses.tsv and
# every note, commencement clause and requisite of the whole acts in evals/census/acts/, read
# by the library's parsers. Prints each reading and the share read per form and language;
# writes evals/census/readings.tsv and evals/census/sample.tsv (100 readings, fixed seed; the
# hand checks already written there are kept). Run it again after every change to the rules.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_PROFILE_RELEASE_LTO=off cargo test --release --lib amend::census_tests::census -- --ignored --nocapture
