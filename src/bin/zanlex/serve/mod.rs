//! `zanlex serve`: the JSON API and the web page over the same library as the command line.
//!
//! One file per concern: [`api`] (the JSON endpoints), [`errors`] (their one error shape),
//! [`openapi`] (the OpenAPI document, generated from the endpoints and the types they send),
//! [`pages`] (the embedded web page), [`state`] (the served index and its refresh) and
//! [`limits`] (the bounds on concurrent reads, time, query and body sizes) and [`conn`] (the
//! bounds on connections). `/mcp` serves the same answers as tools of the Model Context
//! Protocol, which `zanlex mcp` serves over stdio with the same state: the binary's root hands
//! that endpoint in ([`Mount`]), so that this door names no other.

mod api;
mod conn;
pub(crate) mod errors;
mod feed;
pub(crate) mod limits;
mod openapi;
mod pages;
mod schemas;
mod wording;
pub(crate) use crate::served::state;
use crate::served::Mount;

use axum::routing::{get, post};
use axum::Router;
use state::AppState;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `zanlex serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on; the default answers this machine only. `0.0.0.0:8080`
    /// answers the network.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Let pages from this origin call the API (CORS), e.g. `https://example.kz`; off when
    /// not given.
    #[arg(long, value_name = "ORIGIN")]
    pub cors: Option<String>,
    /// Seconds between looks at the corpus for changes; file events, where the system gives
    /// them, bring a change in as it comes (0: no watching; `POST /v1/reindex` still
    /// refreshes).
    #[arg(long, default_value_t = 2)]
    pub watch_secs: u64,
    /// Reads of the index running at once (default: the number of cores).
    #[arg(long)]
    pub workers: Option<usize>,
    /// Reads waiting for a worker before more are answered 503.
    #[arg(long, default_value_t = 256)]
    pub queue: usize,
    /// The longest a request may take, in milliseconds.
    #[arg(long, default_value_t = 10_000)]
    pub timeout_ms: u64,
    /// Connections open at once; more wait until one closes (default: half the process's
    /// limit on open files, past what the index needs).
    #[arg(long)]
    pub max_connections: Option<usize>,
    /// Seconds a connection may stay open sending and receiving nothing (a request sent in
    /// part, or an idle keep-alive) before it is closed; at least the request time limit.
    #[arg(long, default_value_t = 30)]
    pub idle_secs: u64,
    /// Seconds a client may take to send a request's head (its first line and headers), from
    /// its first byte, however it trickles in (as nginx's `client_header_timeout`).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_secs: u64,
    /// Seconds a client may take to send a request's body, from its first byte (as nginx's
    /// `client_body_timeout`).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub body_secs: u64,
    /// Bytes a second a request's head and body must come in at, on average, past their first
    /// two seconds (0: no minimum).
    #[arg(long, default_value_t = 256)]
    pub min_rate: u64,
    /// Connections one client address may hold open at once (default: a quarter of
    /// `--max-connections`); more from it are answered 503 and closed.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections_per_peer: Option<u64>,
    /// The work budget of one search, in milliseconds: past it the search answers with the
    /// best of what it found, marked `incomplete`, so that no query holds a worker for long.
    #[arg(long, default_value_t = DEFAULT_QUERY_BUDGET_MS, value_parser = clap::value_parser!(u64).range(1..))]
    pub query_budget_ms: u64,
    /// Serve the index that `zanlex publish` writes into `--index`, as one of several
    /// replicas: the corpus is not read and nothing is built; every `--watch-secs` the server
    /// looks for a newly published generation and swaps it in whole.
    #[arg(long)]
    pub replica: bool,
    /// The address this server's page is reached at from outside (`https://zan.example.kz`,
    /// behind a proxy): the MCP tools' permalinks are absolute there. Without it they are
    /// paths on this server.
    #[arg(long, value_name = "URL")]
    pub public_url: Option<String>,
    /// Most characters of JSON one answer of the API holds: a longer page of hits, of an
    /// act's texts or outline, of a history, of references or of a diff stops where an entry
    /// ends and says how to get the rest (`next_offset`, `cut`).
    #[arg(long, value_name = "N", default_value_t = zanlex::pages::SERVER_ANSWER_CHARS,
          value_parser = answer_chars)]
    pub answer_chars: usize,
}

/// `--answer-chars`: at least enough for one entry and the page around it.
fn answer_chars(s: &str) -> Result<usize, String> {
    const LEAST: usize = 1_000;
    match s.trim().parse::<usize>() {
        Ok(n) if n >= LEAST => Ok(n),
        _ => Err(format!(
            "{s:?} is not a number of characters of at least {LEAST}, e.g. 4000000"
        )),
    }
}

pub(crate) use crate::served::DEFAULT_QUERY_BUDGET_MS;

/// The time a request's head or body may take before its rate counts (`--min-rate`): a
/// client on a slow link sends a head of a few hundred bytes well within it.
const PACE_GRACE: Duration = Duration::from_secs(2);

/// The longest a stop waits for requests in flight before the server exits anyway.
const STOP_DEADLINE: Duration = Duration::from_secs(10);

/// Runs `zanlex serve` on the index in `index_dir` of the documents in `corpus` (links out of
/// it read when `follow`) until SIGTERM or Ctrl-C, then lets requests in flight finish. With
/// `history`, `corpus` holds the editions of that git checkout, whose new commits the watcher
/// reads while the server runs.
pub fn run(
    corpus: &Path,
    index_dir: &Path,
    follow: bool,
    history: Option<&Path>,
    args: &Args,
    mcp: Mount,
) -> anyhow::Result<ExitCode> {
    let workers = args
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let limits = limits::Limits {
        workers,
        queue: args.queue,
        timeout: Duration::from_millis(args.timeout_ms.max(1)),
        query_budget: Duration::from_millis(args.query_budget_ms),
    };
    errors::hide_folders(corpus, index_dir);
    let readers = limits::Readers::new(limits);
    let state = if args.replica {
        let state = state::AppState::open_replica(index_dir, readers)?;
        eprintln!(
            "zanlex: replica: the published index {} is in force",
            state.index().generation().unwrap_or_default()
        );
        state
    } else {
        let (state, report) = state::AppState::open(
            corpus,
            index_dir,
            follow,
            args.watch_secs > 0,
            history.map(Path::to_path_buf),
            readers,
        )?;
        crate::common::report_refresh(index_dir, &report);
        // The files the index does not hold are named once; the server runs on the others.
        let _ = crate::common::report_failures(&report);
        state
    };
    let state = Arc::new(state);
    // Checked before the server starts: a wrong address is said at once.
    zanlex::pages::Links::new(args.public_url.as_deref())?;
    let cors = match &args.cors {
        Some(origin) => Some(cors_layer(origin)?),
        None => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(serve(state, args, cors, mcp))?;
    Ok(ExitCode::SUCCESS)
}

/// CORS for `origin` alone: GET and POST, no credentials. Only an origin is taken
/// (`https://example.kz`, `http://localhost:3000`): `*`, `null`, an empty value, a list or an
/// address with a path are refused, saying why, since each would open the API to pages that
/// were not meant.
fn cors_layer(origin: &str) -> anyhow::Result<tower_http::cors::CorsLayer> {
    let origin = origin.trim();
    let refuse = |why: &str| {
        zanlex::Error::BadArgument(format!(
            "--cors {origin:?} is refused: {why}; write one origin, e.g. --cors https://example.kz"
        ))
    };
    let host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    let Some(host) = host else {
        return Err(refuse(match origin {
            "" => "it is empty",
            "*" => "`*` would let every web page call the API",
            "null" => "`null` is the origin of sandboxed pages and local files, any of them",
            _ => "an origin begins with https:// or http://",
        })
        .into());
    };
    if host.is_empty() || host.contains([',', ' ', '/', '*', '?', '#', '@']) {
        return Err(refuse(
            "an origin is a scheme and a host (and a port), one of them, nothing more",
        )
        .into());
    }
    let value = axum::http::HeaderValue::from_str(origin)
        .map_err(|_| refuse("it is not a valid header value"))?;
    Ok(tower_http::cors::CorsLayer::new()
        .allow_origin(value)
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST]))
}

/// The routes: the API under `/v1`, the MCP endpoint at `/mcp`, the page's paths, and JSON
/// errors for the rest. The layers (body size, the Host and Origin rule, CORS) apply to every
/// route, `/mcp` included.
fn router(
    state: Arc<AppState>,
    cors: Option<tower_http::cors::CorsLayer>,
    local: SocketAddr,
    body: limits::BodyPace,
    links: zanlex::pages::Links,
    budget: zanlex::pages::Budget,
    mcp: Mount,
) -> Router {
    let v1 = api::Door {
        links: links.clone(),
        budget,
    };
    let mut app = Router::new()
        .route("/v1/search", get(api::search))
        .route("/v1/issuers", get(api::issuers))
        .route("/v1/acts", get(api::acts))
        .route("/v1/acts/{id}", get(api::act))
        .route("/v1/acts/{id}/download", get(api::act_download))
        .route("/v1/acts/{id}/refs", get(api::act_refs))
        .route("/v1/acts/{id}/cited-by", get(api::act_cited_by))
        .route("/v1/acts/{id}/related", get(api::act_related))
        .route("/v1/acts/{id}/units/{eid}", get(api::unit))
        .route("/v1/acts/{id}/units/{eid}/refs", get(api::unit_refs))
        .route(
            "/v1/acts/{id}/units/{eid}/cited-by",
            get(api::unit_cited_by),
        )
        .route("/v1/acts/{id}/history", get(api::history))
        .route("/v1/acts/{id}/diff", get(api::diff))
        .route("/v1/changes", get(api::changes))
        .route("/v1/acts/{id}/wording", get(wording::wording))
        .route("/v1/amended-by", get(api::amended_by))
        .route("/v1/grep", get(api::grep))
        .route("/changes.atom", get(feed::changes_feed))
        .route("/v1/reindex", post(api::reindex))
        .route("/healthz", get(api::healthz))
        .route("/openapi.json", get(openapi::openapi))
        .route("/mcp", mcp(Arc::clone(&state), links))
        .merge(pages::routes())
        .layer(axum::Extension(Arc::new(v1)))
        .fallback(pages::no_route)
        .method_not_allowed_fallback(errors::wrong_method)
        .with_state(state)
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            limits::MAX_BODY_BYTES,
        ))
        .layer(axum::middleware::from_fn_with_state(
            body,
            limits::body_deadline,
        ))
        .layer(axum::middleware::from_fn(limits::body_limit))
        .layer(axum::middleware::from_fn(errors::json_rejections))
        .layer(axum::middleware::from_fn_with_state(
            local,
            limits::same_host,
        ));
    if let Some(cors) = cors {
        app = app.layer(cors);
    }
    app
}

/// Serves `state` on `args.addr` with the watcher running, until a signal to stop.
async fn serve(
    state: Arc<AppState>,
    args: &Args,
    cors: Option<tower_http::cors::CorsLayer>,
    mcp: Mount,
) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.addr))?;
    let local = listener.local_addr()?;
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let stop = stop_signal();
    tokio::spawn(async move {
        stop.await;
        let _ = stop_tx.send(true);
    });
    // The line tests and scripts wait for: the address, with the port the system chose for
    // `:0`.
    eprintln!("zanlex: serving http://{local}/ (Ctrl-C stops)");
    if args.watch_secs > 0 {
        tokio::spawn(state::watch(
            Arc::clone(&state),
            Duration::from_secs(args.watch_secs),
        ));
    }
    let idle = Duration::from_secs(args.idle_secs)
        .max(Duration::from_millis(args.timeout_ms.saturating_add(1000)));
    let pace = conn::Pace {
        idle,
        head: Duration::from_secs(args.header_secs),
        min_rate: args.min_rate,
        grace: PACE_GRACE,
    };
    let body = limits::BodyPace {
        pace,
        whole: Duration::from_secs(args.body_secs),
    };
    let links = zanlex::pages::Links::new(args.public_url.as_deref())?;
    let mut budget = zanlex::pages::Budget::SERVER;
    budget.answer_chars = args.answer_chars;
    let app = router(state, cors, local, body, links, budget, mcp);
    let max = args
        .max_connections
        .unwrap_or_else(conn::default_max_connections);
    let per_peer = args.max_connections_per_peer.map_or_else(
        || conn::default_per_peer(max),
        |n| usize::try_from(n).unwrap_or(max),
    );
    let listener = conn::Bounded::new(listener, max, per_peer, pace);
    let stopping = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<conn::Peer>(),
    )
    .with_graceful_shutdown(stopping(stop_rx.clone()));
    // A stop lets requests in flight finish, but a client that never finishes sending one
    // does not hold the process past the deadline.
    let deadline = async {
        stopping(stop_rx).await;
        tokio::time::sleep(STOP_DEADLINE).await;
    };
    tokio::select! {
        served = std::future::IntoFuture::into_future(server) => served?,
        () = deadline => eprintln!(
            "zanlex: stopping without waiting longer for connections still open after {} s",
            STOP_DEADLINE.as_secs()
        ),
    }
    eprintln!("zanlex: stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are in place when this returns, so a signal
/// sent as soon as the server says where it listens stops it gracefully.
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    let ctrl_c = tokio::spawn(tokio::signal::ctrl_c());
    async move {
        #[cfg(unix)]
        let term = async move {
            match term {
                Some(mut s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let term = std::future::pending::<()>();
        tokio::select! {
            _ = ctrl_c => {},
            () = term => {},
        }
    }
}
