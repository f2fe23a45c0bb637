//! Batch runs: URL inputs against a local HTTP server, Markdown and HTML offset mapping,
//! directories, broken inputs in a batch, JSONL record streams, parallel order.
//! Nothing here touches the network beyond 127.0.0.1.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::Value;

fn numcheck() -> Command {
    Command::cargo_bin("numcheck").unwrap()
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn find<'a>(records: &'a [Value], text: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["text"] == text)
        .unwrap_or_else(|| panic!("no annotation for {text:?} in {records:#?}"))
}

/// Every record's `start`/`end` slice `original` to its `text`, and `line`/`column` agree.
fn assert_offsets_slice(records: &[Value], original: &str) {
    for r in records {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&original[s..e], r["text"].as_str().unwrap(), "{r:#?}");
        let line = original[..s].matches('\n').count() + 1;
        let col = original[..s].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(r["line"].as_u64().unwrap() as usize, line, "{r:#?}");
        assert_eq!(r["column"].as_u64().unwrap() as usize, col, "{r:#?}");
    }
}

const LATIN1_PAGE: &[u8] = b"<html><head><title>10^9</title></head><body>\n<p>Caf\xe9 cr\xe8me. Mice have 10^7 neurons.</p>\n</body></html>\n";
const META_LATIN1_PAGE: &[u8] = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Na\xefve: AlexNet had 90 million parameters.</p></body></html>";

/// A tiny HTTP/1.1 server on 127.0.0.1 for the URL tests; returns its base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let _ = handle(stream);
            });
        }
    });
    base
}

fn handle(mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut accept = String::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h == "\r\n" {
            break;
        }
        if h.to_ascii_lowercase().starts_with("accept:") {
            accept = h[7..].trim().to_string();
        }
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let respond = |s: &mut TcpStream, status: &str, headers: &[(&str, String)], body: &[u8]| {
        let mut head = format!("HTTP/1.1 {status}\r\nConnection: close\r\n");
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes())?;
        s.write_all(body)?;
        s.flush()
    };
    let len = |b: &[u8]| ("Content-Length", b.len().to_string());
    match path.as_str() {
        "/accept" => {
            // Echoes the Accept header as a one-claim document when it prefers HTML.
            let body = if accept.starts_with("text/html") {
                "Mice have 10^7 neurons."
            } else {
                "no"
            };
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "text/plain".into()), len(body.as_bytes())],
                body.as_bytes(),
            )
        }
        "/page.txt" => {
            let body = b"AlexNet had 90 million parameters.\n";
            respond(
                &mut stream,
                "200 OK",
                &[
                    ("Content-Type", "text/plain; charset=utf-8".into()),
                    len(body),
                ],
                body,
            )
        }
        p if p.starts_with("/hop/") => {
            let n: u32 = p[5..].parse().unwrap_or(0);
            let to = if n == 0 {
                "/page.txt".to_string()
            } else {
                format!("/hop/{}", n - 1)
            };
            respond(
                &mut stream,
                "302 Found",
                &[("Location", to), ("Content-Length", "0".into())],
                b"",
            )
        }
        "/loop" => respond(
            &mut stream,
            "301 Moved Permanently",
            &[("Location", "/loop".into()), ("Content-Length", "0".into())],
            b"",
        ),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(4));
            let body = b"Mice have 10^7 neurons.";
            respond(&mut stream, "200 OK", &[len(body)], body)
        }
        "/big" => {
            // No Content-Length: the cap must hold while streaming.
            let line = b"The committee met again to discuss the budget and the schedule.\n";
            let mut head = String::from(
                "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n",
            );
            head.shrink_to_fit();
            stream.write_all(head.as_bytes())?;
            for _ in 0..(3 * 1024 * 1024 / line.len()) {
                stream.write_all(line)?;
            }
            stream.flush()
        }
        "/latin1.html" => respond(
            &mut stream,
            "200 OK",
            &[
                ("Content-Type", "text/html; charset=ISO-8859-1".into()),
                len(LATIN1_PAGE),
            ],
            LATIN1_PAGE,
        ),
        "/meta.html" => respond(
            &mut stream,
            "200 OK",
            &[("Content-Type", "text/html".into()), len(META_LATIN1_PAGE)],
            META_LATIN1_PAGE,
        ),
        "/notes.md" => {
            let body = b"# Notes\n\n`10^9` aside, mice have **10^7** neurons.\n";
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "text/plain".into()), len(body)],
                body,
            )
        }
        "/image.png" => {
            let body = b"\x89PNG\r\n\x1a\n";
            respond(
                &mut stream,
                "200 OK",
                &[("Content-Type", "image/png".into()), len(body)],
                body,
            )
        }
        _ => {
            let body = b"not found";
            respond(&mut stream, "404 Not Found", &[len(body)], body)
        }
    }
}

fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

#[test]
fn url_inputs_redirects_errors_and_charsets() {
    let base = serve();
    let url = |p: &str| format!("{base}{p}");
    let out = numcheck()
        .args(["check", "--format", "jsonl", "--max-redirects", "3"])
        .args(["--max-size", "1MB"])
        .arg(url("/hop/2"))
        .arg(url("/missing"))
        .arg(url("/image.png"))
        .arg(url("/big"))
        .arg(url("/loop"))
        .arg(url("/latin1.html"))
        .arg(url("/meta.html"))
        .arg(url("/notes.md"))
        .arg(url("/accept"))
        .arg("http://127.0.0.1:9/refused")
        .arg(base.replace("http://", "https://") + "/page.txt")
        .arg("ftp://127.0.0.1/file.txt")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    for expected in [
        format!("error: {}: HTTP 404 Not Found", url("/missing")),
        format!(
            "error: {}: unsupported content type image/png",
            url("/image.png")
        ),
        format!(
            "error: {}: response is over the 1000000 byte limit",
            url("/big")
        ),
        format!("error: {}: too many redirects (more than 3", url("/loop")),
        "error: http://127.0.0.1:9/refused: cannot connect:".to_string(),
        // TLS spoken to a plain-HTTP server.
        format!(
            "error: {}/page.txt: TLS error:",
            base.replace("http://", "https://")
        ),
        "error: ftp://127.0.0.1/file.txt: unsupported URL scheme `ftp`".to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in\n{err}");
    }
    assert!(err.contains("7 errors"), "{err}");
    let r = jsonl(&out.stdout);
    // Followed two redirects; the report names the URL as given.
    let alexnet = r
        .iter()
        .find(|a| a["path"] == url("/hop/2"))
        .expect("the redirected page was checked");
    assert_eq!(alexnet["verdict"], "contradicted");
    assert_eq!(alexnet["text"], "90 million");
    // Latin-1 by header: decoded, the <title> in <head> skipped, offsets into the page.
    let page: Vec<&Value> = r
        .iter()
        .filter(|a| a["path"] == url("/latin1.html"))
        .collect();
    assert_eq!(page.len(), 1, "{page:#?}");
    assert_eq!(page[0]["text"], "10^7");
    let decoded = latin1(LATIN1_PAGE);
    assert!(decoded.contains("Café crème"));
    let s = page[0]["start"].as_u64().unwrap() as usize;
    assert_eq!(&decoded[s..s + 4], "10^7");
    assert_eq!(page[0]["line"], 2);
    // Latin-1 by <meta charset>.
    let meta = r
        .iter()
        .find(|a| a["path"] == url("/meta.html"))
        .expect("the meta-charset page was checked");
    assert_eq!(meta["text"], "90 million");
    // numcheck asks for HTML, Markdown or text.
    assert!(r.iter().any(|a| a["path"] == url("/accept")), "{r:#?}");
    // A .md URL served as text/plain is read as Markdown: inline code is not prose.
    let md: Vec<&Value> = r.iter().filter(|a| a["path"] == url("/notes.md")).collect();
    assert_eq!(md.len(), 1, "{md:#?}");
    assert_eq!(md[0]["text"], "10^7");
}

#[test]
fn a_slow_server_times_out() {
    let base = serve();
    let t = Instant::now();
    let out = numcheck()
        .args(["check", "--timeout", "1"])
        .arg(format!("{base}/slow"))
        .output()
        .unwrap();
    let elapsed = t.elapsed();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("{base}/slow: timed out after 1 s")),
        "{err}"
    );
    assert!(elapsed < Duration::from_millis(3500), "{elapsed:?}");
}

#[test]
fn markdown_offsets_point_into_the_markdown_file() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("brains.md");
    let src = "---\ntitle: 10^9 things\n---\n# Brains\n\n\
               Humans have **roughly 86 billion** neurons ([a census](https://example.org/100/200)).\n\n\
               ```text\nMice have 10^9 neurons.\n```\n\n\
               Run `mice = 10^9` first. Café 🧠: mice have *10^7*\nneurons.\n\n\
               > AlexNet had 90 million parameters.\n";
    std::fs::write(&md, src).unwrap();
    let out = numcheck()
        .args(["check", "--format", "jsonl"])
        .arg(&md)
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    let texts: Vec<&str> = r.iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        ["roughly 86 billion", "10^7", "90 million"],
        "{r:#?}"
    );
    assert_offsets_slice(&r, src);
    let mice = find(&r, "10^7");
    assert_eq!(mice["verdict"], "contradicted");
    assert_eq!(
        (mice["line"].as_u64(), mice["column"].as_u64()),
        (Some(12), Some(45))
    );
}

#[test]
fn html_offsets_point_into_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let src = "<!DOCTYPE html>\n<html><head><title>Rats have 10^6 neurons</title>\
               <style>p::after { content: '10^7' }</style></head>\n<body>\n\
               <nav><a href=\"/100\">Mice have 10^6 neurons</a></nav>\n\
               <h1>Brains</h1>\n<p>Humans have <b>roughly\n86&nbsp;billion</b> neurons; \
               mice have 10<sup>7</sup> neurons.</p>\n\
               <script>document.write('AlexNet had 90 million parameters.')</script>\n\
               <p>AlexNet had 60&#160;million parameters &amp; more.</p>\n</body></html>\n";
    std::fs::write(&page, src).unwrap();
    let out = numcheck()
        .args(["check", "--format", "jsonl"])
        .arg(&page)
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    let texts: Vec<&str> = r.iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        ["roughly\n86&nbsp;billion", "10<sup>7", "60&#160;million"],
        "{r:#?}"
    );
    assert_offsets_slice(&r, src);
    assert_eq!(find(&r, "10<sup>7")["verdict"], "contradicted");
    assert_eq!(find(&r, "60&#160;million")["verdict"], "supported");
    // The text report shows the page's own line.
    let out = numcheck()
        .args(["check", "--color", "never"])
        .arg(&page)
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains(&format!("--> {}:7:", page.display())), "{s}");
}

#[test]
fn stdin_can_be_read_as_html() {
    let out = numcheck()
        .args(["check", "-", "--format", "jsonl", "--input-format", "html"])
        .write_stdin("<p>Mice have <i>10^7</i> neurons.</p><script>10^9</script>")
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0]["path"], "<stdin>");
    assert_eq!(r[0]["start"], 16);
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn directories_are_walked_honouring_gitignore_and_globs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, ".gitignore", "drafts/\nignored.txt\n");
    write(d, "a.txt", "AlexNet had 60 million parameters.\n");
    write(d, "ignored.txt", "Mice have 10^7 neurons.\n");
    write(d, "drafts/b.txt", "Mice have 10^7 neurons.\n");
    write(d, "sub/c.md", "Mice have `10^9` or **10^7** neurons.\n");
    write(d, "sub/d.html", "<p>AlexNet had 60 million parameters.</p>");
    write(d, "sub/e.png", "Mice have 10^7 neurons.\n");
    write(d, ".hidden/f.txt", "Mice have 10^7 neurons.\n");
    let out = numcheck()
        .args(["check", "--format", "jsonl"])
        .arg(d)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("checking the 3 documents"), "{err}");
    let r = jsonl(&out.stdout);
    let paths: Vec<String> = r
        .iter()
        .map(|a| {
            Path::new(a["path"].as_str().unwrap())
                .strip_prefix(d)
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["a.txt", "sub/c.md", "sub/d.html"], "{r:#?}");
    // --glob selects; `!` excludes.
    let out = numcheck()
        .args(["check", "--format", "jsonl", "--glob", "*.md"])
        .arg(d)
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    assert_eq!(r.len(), 1);
    assert!(r[0]["path"].as_str().unwrap().ends_with("c.md"));
    let out = numcheck()
        .args(["check", "--format", "jsonl", "--glob", "!sub/"])
        .arg(d)
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    assert_eq!(r.len(), 1, "{r:#?}");
    assert!(r[0]["path"].as_str().unwrap().ends_with("a.txt"));
}

#[test]
fn one_broken_input_does_not_stop_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good1.txt", "AlexNet had 60 million parameters.\n");
    std::fs::write(d.join("bad.txt"), b"Mice have caf\xe9 10^7 neurons.\n").unwrap();
    write(d, "good2.md", "Mice have 10^7 neurons.\n");
    let out = numcheck()
        .args(["check", "--format", "json", "--jobs", "2"])
        .arg(d.join("good1.txt"))
        .arg(d.join("bad.txt"))
        .arg(d.join("missing.txt"))
        .arg(d.join("good2.md"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.txt:1: not valid UTF-8"), "{err}");
    assert!(
        err.contains("missing.txt: cannot read: no such file"),
        "{err}"
    );
    // The summary line ends the run: documents, claims, verdicts, errors, time.
    let last = err.lines().last().unwrap();
    assert!(
        last.starts_with("2 documents, 2 claims: 1 supported, 1 contradicted")
            && last.contains("2 errors")
            && last.contains(" s ("),
        "{last}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let anns = v["annotations"].as_array().unwrap();
    assert_eq!(anns.len(), 2);
    assert!(anns[0]["path"].as_str().unwrap().ends_with("good1.txt"));
    assert!(anns[1]["path"].as_str().unwrap().ends_with("good2.md"));
}

#[test]
fn jsonl_records_in_jsonl_results_out_in_order() {
    let base = serve();
    let mut input = String::new();
    let mut expected = Vec::new();
    for i in 0..60 {
        // Uneven sizes so that parallel workers finish out of order.
        let filler = "The committee met again. ".repeat((60 - i) * 40);
        let claim = if i % 2 == 0 {
            "Mice have 10^7 neurons."
        } else {
            "AlexNet had 60 million parameters."
        };
        input.push_str(
            &serde_json::json!({"id": format!("doc-{i}"), "text": format!("{filler}{claim}")})
                .to_string(),
        );
        input.push('\n');
        expected.push(Value::from(format!("doc-{i}")));
        if i == 10 {
            input.push_str("{\"id\": \"broken\", \"text\": \n");
            expected.push(Value::Null);
            input.push('\n'); // blank lines are not records
        }
        if i == 20 {
            input.push_str(&format!("{{\"id\": 21.5, \"url\": \"{base}/page.txt\"}}\n"));
            expected.push(serde_json::json!(21.5));
            input.push_str(&format!(
                "{{\"id\": \"gone\", \"url\": \"{base}/missing\"}}\n"
            ));
            expected.push(Value::from("gone"));
            input.push_str("{\"id\": \"h\", \"format\": \"html\", \"text\": \"<p>Mice have <b>10^7</b> neurons.</p>\"}\n");
            expected.push(Value::from("h"));
        }
    }
    let out = numcheck()
        .args([
            "check",
            "-",
            "--jsonl-input",
            "--format",
            "jsonl",
            "--jobs",
            "3",
        ])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let r = jsonl(&out.stdout);
    let ids: Vec<Value> = r.iter().map(|l| l["id"].clone()).collect();
    assert_eq!(ids, expected);
    // A bad line is an error record naming its line number.
    let broken = r.iter().find(|l| l["line"] == 12).unwrap();
    assert!(
        broken["error"]
            .as_str()
            .unwrap()
            .starts_with("<stdin>:12: not a JSON record"),
        "{broken}"
    );
    let gone = r.iter().find(|l| l["id"] == "gone").unwrap();
    assert!(
        gone["error"]
            .as_str()
            .unwrap()
            .ends_with("HTTP 404 Not Found")
    );
    let fetched = r.iter().find(|l| l["id"] == 21.5).unwrap();
    assert_eq!(fetched["annotations"][0]["text"], "90 million");
    let html = r.iter().find(|l| l["id"] == "h").unwrap();
    assert_eq!(html["format"], "html");
    assert_eq!(html["annotations"][0]["text"], "10^7");
    assert_eq!(html["annotations"][0]["start"], 16);
    let first = &r[0];
    assert_eq!(first["summary"]["contradicted"], 1);
    assert_eq!(first["annotations"][0]["path"], "doc-0");
    assert_eq!(first["annotations"][0]["verdict"], "contradicted");
    // The same with one job, and from a .jsonl file: identical output.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("records.jsonl");
    std::fs::write(&f, &input).unwrap();
    let one = numcheck()
        .args(["check", "--format", "jsonl", "--jobs", "1"])
        .arg(&f)
        .output()
        .unwrap();
    let one = String::from_utf8_lossy(&one.stdout).replace(&f.display().to_string(), "<stdin>");
    assert_eq!(one, String::from_utf8_lossy(&out.stdout));
}

#[test]
fn output_order_does_not_depend_on_jobs() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        let filler = "Nothing to see here. ".repeat(((i * 7919) % 97) * 30);
        let claim = match i % 3 {
            0 => "Mice have 10^7 neurons.",
            1 => "AlexNet had 60 million parameters.",
            _ => "Humans have roughly 86 billion neurons.",
        };
        write(
            dir.path(),
            &format!("d{i:02}.txt"),
            &format!("{filler}{claim}\n"),
        );
    }
    let run = |jobs: &str| {
        numcheck()
            .args(["check", "--format", "jsonl", "--quiet", "--jobs", jobs])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(one.status.code(), Some(1));
    assert!(
        one.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&one.stderr)
    );
    assert_eq!(jsonl(&one.stdout).len(), 40);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn a_jsonl_stream_answers_each_record_before_the_next_arrives() {
    use std::process::{Command as Std, Stdio};
    use std::sync::mpsc;

    let mut child = Std::new(assert_cmd::cargo::cargo_bin("numcheck"))
        .args([
            "check",
            "-",
            "--jsonl-input",
            "--format",
            "jsonl",
            "--quiet",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    for (i, text) in [
        "Mice have 10^7 neurons.",
        "AlexNet had 60 million parameters.",
    ]
    .iter()
    .enumerate()
    {
        writeln!(stdin, "{}", serde_json::json!({"id": i, "text": text})).unwrap();
        stdin.flush().unwrap();
        // The answer comes while standard input is still open.
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a result line before the next record");
        let v: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["id"], i);
    }
    drop(stdin);
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1));
    assert!(rx.recv_timeout(Duration::from_secs(5)).is_err());
}
