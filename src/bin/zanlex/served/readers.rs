//! What bounds the reads of the served index, for the HTTP server and the MCP tools alike:
//! reads run on blocking threads, at most `workers` at once and at most `queue` more waiting;
//! each answers within a time limit.

use super::errors::ApiError;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use zanlex::ErrorCode;
use zanlex::ZanIndex;

/// The bounds of one server.
#[derive(Debug, Clone)]
pub(crate) struct Limits {
    /// Reads of the index running at once.
    pub workers: usize,
    /// Reads waiting for a worker; one more is answered 503.
    pub queue: usize,
    /// The time a request may take, waiting included.
    pub timeout: Duration,
    /// The work budget of one search ([`zanlex::SearchRequest::budget`]): past it, the
    /// search answers with what it has found, marked incomplete, and frees its worker.
    pub query_budget: Duration,
}

/// The blocking reads of the index, bounded by [`Limits`].
#[derive(Debug)]
pub(crate) struct Readers {
    limits: Limits,
    /// Permits to run a read.
    running: Arc<Semaphore>,
    /// Permits to be admitted at all: running or waiting.
    admitted: Arc<Semaphore>,
}

impl Readers {
    pub(crate) fn new(limits: Limits) -> Self {
        Readers {
            running: Arc::new(Semaphore::new(limits.workers.max(1))),
            admitted: Arc::new(Semaphore::new(limits.workers.max(1) + limits.queue)),
            limits,
        }
    }

    /// The work budget each search gets.
    pub(crate) fn query_budget(&self) -> Duration {
        self.limits.query_budget
    }

    /// Runs `read` on `index` on a blocking thread, when a worker is free; answers 503 when
    /// the queue is full or the time limit passes first. A read past its time runs to its end
    /// and keeps its worker until then, so the bound on reads running at once holds; a search
    /// ends soon after its work budget ([`Limits::query_budget`]).
    pub(crate) async fn run<T: Send + 'static>(
        &self,
        index: Arc<ZanIndex>,
        read: impl FnOnce(&ZanIndex) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let Ok(admitted) = Arc::clone(&self.admitted).try_acquire_owned() else {
            return Err(ApiError::unavailable(
                ErrorCode::Busy,
                "too many searches are waiting; try again in a moment",
                1,
            ));
        };
        let running = Arc::clone(&self.running);
        let work = async move {
            let permit = running.acquire_owned().await.map_err(|_| {
                ApiError::unavailable(ErrorCode::ShuttingDown, "the server is stopping", 1)
            })?;
            let task = tokio::task::spawn_blocking(move || {
                let _permit = permit;
                let _admitted = admitted;
                // The tests of the queue and the time limit slow every read here
                // (`FAILPOINTS=serve-read=sleep(MS)`, feature `failpoints`).
                fail::fail_point!("serve-read");
                read(&index)
            });
            match task.await {
                Ok(done) => done,
                Err(e) => {
                    eprintln!("zanlex: a read of the index failed: {e}");
                    Err(ApiError::internal(
                        "reading the index failed; the server's log has the details",
                    ))
                }
            }
        };
        match tokio::time::timeout(self.limits.timeout, work).await {
            Ok(done) => done,
            Err(_) => Err(ApiError::unavailable(
                ErrorCode::Timeout,
                format!(
                    "the request took longer than {} ms; try a narrower query or again later",
                    self.limits.timeout.as_millis()
                ),
                1,
            )),
        }
    }
}
