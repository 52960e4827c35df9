//! PDFs built to exhaust the reader: a few kilobytes of Flate holding millions of content
//! operators, or of text. Each is refused with its reason, naming the file, within seconds and
//! a bounded memory; the rest of the corpus is indexed.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The most memory `zanlex index` may hold on the bombs: the reader once asked for 22 GB
/// on them; a real act and two refused files take about a fifth of this on two cores.
const MAX_RSS: u64 = 1 << 30;

/// Runs `command` to its end: its exit code, its standard error, and the most memory it was
/// seen holding (its `VmHWM`, the peak resident set of its own memory, read every few
/// milliseconds while it runs; a process that grows for seconds is seen growing).
fn run_measured(command: &mut Command) -> (Option<i32>, String, u64) {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut err = String::new();
        stderr.read_to_string(&mut err).expect("read stderr");
        err
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        // Gone once the process has ended: its memory is then no longer counted.
        let hwm = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|status| {
                let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
                line.split_whitespace().nth(1)?.parse::<u64>().ok()
            });
        peak = peak.max(hwm.unwrap_or(0) * 1024);
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let err = reader.join().expect("stderr reader");
    (status.code(), err, peak)
}

/// A one-page PDF whose one Flate-compressed content stream is `content`, in Helvetica as
/// `/F1`, written byte by byte as a PDF writer would.
fn one_page_pdf(content: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(content).expect("compress");
    let data = z.finish().expect("compress");
    let mut stream = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        data.len()
    )
    .into_bytes();
    stream.extend_from_slice(&data);
    stream.extend_from_slice(b"\nendstream");
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(o);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        pdf.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// `zanlex index` on a corpus of one real act and two bombs: 19.9 million `q Q` in 40 KB (the
/// reader once decoded them all first, 22 GB) and 250,000 pieces of text on one page. Both
/// are named with their reason, the act is indexed and found, all within seconds and a
/// bounded memory.
#[test]
fn operator_bombs_are_refused_and_the_corpus_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let c = dir.path().join("c");
    std::fs::create_dir_all(&c).expect("corpus");
    std::fs::copy(crate::common::corpus_file("003"), c.join("003.txt")).expect("copy");
    let ops = one_page_pdf(&b"q Q ".repeat(9_950_000));
    assert!(ops.len() < 80_000, "{} bytes", ops.len());
    std::fs::write(c.join("ops.pdf"), ops).expect("write");
    let mut text = b"BT /F1 12 Tf 50 700 Td ".to_vec();
    text.extend_from_slice(&b"(Bomb) Tj ".repeat(250_000));
    text.extend_from_slice(b"ET");
    std::fs::write(c.join("text.pdf"), one_page_pdf(&text)).expect("write");
    let started = Instant::now();
    let (code, err, rss) = run_measured(
        Command::new(env!("CARGO_BIN_EXE_zanlex"))
            .args(["index", "--corpus", "c", "--index", "idx"])
            .current_dir(dir.path()),
    );
    let took = started.elapsed();
    assert_eq!(code, Some(1), "{err}");
    let named: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("zanlex: skipped "))
        .collect();
    assert_eq!(
        named,
        [
            "zanlex: skipped c/ops.pdf: PDF page 1 runs more than 1000000 content operations; skipped",
            "zanlex: skipped c/text.pdf: PDF page 1 shows more than 200000 pieces of text; skipped",
        ],
        "{err}"
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
    assert!(rss > 0, "its memory was read while it ran");
    assert!(rss < MAX_RSS, "{} MB at most in memory", rss >> 20);
    let out = Command::new(env!("CARGO_BIN_EXE_zanlex"))
        .args(["acts", "--corpus", "c", "--index", "idx"])
        .current_dir(dir.path())
        .output()
        .expect("zanlex acts");
    let acts = String::from_utf8_lossy(&out.stdout);
    let ids: Vec<&str> = acts
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect();
    assert_eq!(ids, ["mfa-order-2018-01-04-11-1-4-1"], "{acts}");
}
