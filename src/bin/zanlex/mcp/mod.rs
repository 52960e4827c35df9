//! zanlex as a Model Context Protocol server: the library's answers (search, a provision's
//! text in both languages, its wording on a date, its history, its references and what cites
//! it) as tools an assistant calls ([`tools`]).
//!
//! Two transports share one state with `zanlex serve` (the index in force, refreshed when the
//! corpus changes, and its bounded reads): `zanlex mcp` speaks over stdio, for a desktop
//! assistant that starts it; `zanlex serve` answers Streamable HTTP at `/mcp`, for one that
//! connects to a URL. Their answers' permalinks lead to the page at `--public-url`; without
//! it, over HTTP to the serving server's own paths, over stdio to the official text.

mod stdio;
mod tools;

use crate::served::readers::{Limits, Readers};
use crate::served::state::AppState;
use crate::served::MAX_BODY_BYTES;
use rmcp::transport::streamable_http_server::session::local::LocalSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};
use rmcp::ServiceExt;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
pub(crate) use tools::Zanlex;

/// Arguments of `zanlex mcp`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Seconds between looks at the corpus for changes; file events, where the system gives
    /// them, bring a change in as it comes (0: no watching).
    #[arg(long, default_value_t = 2)]
    pub watch_secs: u64,
    /// The longest a tool call may take, in milliseconds.
    #[arg(long, default_value_t = 60_000)]
    pub timeout_ms: u64,
    /// The address of a zanlex server's page for these acts (`https://zan.example.kz`): the
    /// answers' permalinks open there. Without it, a permalink is the official text's
    /// address (`meta.yaml`'s `source`), where the act has one.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
}

/// Tool calls waiting for a worker before more are refused (one assistant calls a few at a
/// time). Over stdio no more than this many and the workers are read from the client before
/// one is answered ([`stdio::LineTransport`]), so its calls wait their turn rather than being
/// refused.
const QUEUE: usize = 64;

/// Runs `zanlex mcp`: the tools over stdin and stdout, on the index in `index_dir` of the
/// documents in `corpus` (built or refreshed first, as `serve` does), until the client closes
/// stdin. Everything but the protocol goes to stderr: stdout carries only its messages. With
/// `history`, `corpus` holds the editions of that git checkout, whose new commits are read
/// while it runs.
pub fn run(
    corpus: &Path,
    index_dir: &Path,
    follow: bool,
    history: Option<&Path>,
    args: &Args,
) -> anyhow::Result<ExitCode> {
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    let links = match &args.public_url {
        Some(url) => zanlex::pages::Links::new(Some(url))?,
        None => zanlex::pages::Links::official_only(),
    };
    let limits = Limits {
        workers,
        queue: QUEUE,
        timeout: Duration::from_millis(args.timeout_ms.max(1)),
        query_budget: Duration::from_millis(crate::served::DEFAULT_QUERY_BUDGET_MS),
    };
    crate::served::errors::hide_folders(corpus, index_dir);
    let (state, report) = AppState::open(
        corpus,
        index_dir,
        follow,
        args.watch_secs > 0,
        history.map(Path::to_path_buf),
        Readers::new(limits),
    )?;
    crate::common::report_refresh(index_dir, &report);
    // The files the index does not hold are named once; the tools answer from the others.
    let _ = crate::common::report_failures(&report);
    let state = Arc::new(state);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        if args.watch_secs > 0 {
            tokio::spawn(crate::served::state::watch(
                Arc::clone(&state),
                Duration::from_secs(args.watch_secs),
            ));
        }
        let transport = stdio::LineTransport::new(
            tokio::io::BufReader::new(tokio::io::stdin()),
            tokio::io::stdout(),
            workers + QUEUE,
            Duration::from_millis(args.timeout_ms.max(1)),
        );
        let running = Zanlex::new(state, Arc::new(links))
            .serve(transport)
            .await
            .map_err(|e| anyhow::anyhow!("the MCP client did not start a session: {e}"))?;
        running.waiting().await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The route `zanlex serve` mounts at `/mcp` ([`crate::served::Mount`]): [`http_service`],
/// with a body that is not JSON answered as the MCP transport asks.
pub(crate) fn http_route(
    state: Arc<AppState>,
    links: zanlex::pages::Links,
) -> axum::routing::MethodRouter<Arc<AppState>> {
    axum::routing::any_service(http_service(state, links, MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(parse_errors))
}

/// Answers a POST to `/mcp` whose body is not JSON with a JSON-RPC parse error (-32700) in an
/// HTTP 400, as the MCP transport asks, rather than a plain-text refusal.
async fn parse_errors(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if req.method() != axum::http::Method::POST {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return crate::served::errors::ApiError::new(
            zanlex::ErrorCode::TooLarge,
            format!("the request body is larger than {MAX_BODY_BYTES} bytes"),
        )
        .into_response();
    };
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(&bytes) {
        let error = rmcp::model::ErrorData::parse_error(format!("the body is not JSON: {e}"), None);
        let message = rmcp::service::TxJsonRpcMessage::<rmcp::RoleServer>::error(error, None);
        return (axum::http::StatusCode::BAD_REQUEST, axum::Json(message)).into_response();
    }
    next.run(axum::extract::Request::from_parts(
        parts,
        axum::body::Body::from(bytes),
    ))
    .await
}

/// The Streamable HTTP endpoint `zanlex serve` mounts at `/mcp`: stateless, each POST answered
/// with one JSON message, so no stream or session outlives its request and the server's
/// bounds on connections and its graceful stop hold for it as for the API.
///
/// rmcp's own check of `Host` is off: the server's rule (`same_host` in the server's limits,
/// a layer over every route) applies to `/mcp` as to the rest, loopback names only on a
/// loopback address and any name on a public one.
fn http_service(
    state: Arc<AppState>,
    links: zanlex::pages::Links,
    max_body_bytes: usize,
) -> StreamableHttpService<Zanlex, LocalSessionManager> {
    let links = Arc::new(links);
    let config = StreamableHttpServerConfig::default()
        .with_legacy_session_mode(false)
        .with_json_response(true)
        .with_sse_keep_alive(None)
        .disable_allowed_hosts()
        .with_max_request_body_bytes(max_body_bytes);
    StreamableHttpService::new(
        move || Ok(Zanlex::new(Arc::clone(&state), Arc::clone(&links))),
        Arc::default(),
        config,
    )
}
