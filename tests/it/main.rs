//! The integration tests, one binary: every file here is one area of zanlex tested through its
//! public API or its command line against the bundled corpus (`corpus/`) and the fixtures
//! (`tests/fixtures/`). One binary rather than one per file keeps the release test build to one
//! link of tantivy and the rest, which is most of its time and disk.

mod common;

mod act_clock;
mod act_download;
mod amend_cli;
mod amend_mirror;
mod amended_by;
mod analysis_cli;
mod analysis_fold;
mod analysis_stem;
mod analysis_tokens;
mod answers;
mod architecture;
mod article_names;
mod citation_forms;
mod cli_reporting;
mod cli_search;
mod clock_doors;
mod compare_dates;
mod damaged_index;
mod definitions_asked;
mod eval_set;
mod grep_doors;
mod heading_layouts;
mod held_wording;
#[cfg(feature = "history")]
mod history_git;
mod index_faults;
mod index_safety;
mod ingest_corpus;
mod ingest_hostile;
mod lexicon;
mod mcp_doors;
mod mcp_tools;
mod mcp_transport;
mod mirror_corpus;
mod mirror_split;
mod namesakes;
mod pdf_bombs;
mod places;
mod predecessors;
mod refs_corpus;
mod repealing_act;
mod scale_corpus;
mod scale_mirror;
mod search_budget;
mod search_paging;
mod search_partial;
mod search_pruning;
mod search_questions;
mod search_requisites;
mod search_ties;
mod serve_api;
mod serve_bounds;
mod serve_browser;
mod serve_browser_clock;
mod serve_browser_compare;
mod serve_browser_contents;
mod serve_browser_history;
mod serve_browser_page;
mod serve_browser_reading;
mod serve_browser_requisites;
mod serve_changes;
mod serve_connections;
mod serve_hostile;
mod serve_page_errors;
mod serve_refresh_burst;
mod serve_related;
mod serve_replica;
mod serve_watch;
mod time_rule;
mod wording;
