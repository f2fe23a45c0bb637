//! Command-line tests: the shipped example end to end, exit codes, formats and bad input.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn numcheck() -> Command {
    Command::cargo_bin("numcheck").unwrap()
}

fn jsonl(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn find<'a>(records: &'a [Value], text: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["text"] == text)
        .unwrap_or_else(|| panic!("no annotation for {text:?} in {records:#?}"))
}

#[test]
fn the_shipped_example_gets_every_verdict_right() {
    let out = numcheck()
        .args([
            "check",
            "samples/brains-and-models.txt",
            "--format",
            "jsonl",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let r = jsonl(&out);
    let expect = [
        ("roughly 86 billion", "human", "brain_neurons", "supported"),
        ("100 billion", "human", "brain_neurons", "contradicted"),
        ("about\n200 million", "rat", "brain_neurons", "supported"),
        (
            "some 250 million",
            "cat",
            "cerebral_cortex_neurons",
            "supported",
        ),
        (
            "on the order of 10^8",
            "mouse",
            "brain_neurons",
            "supported",
        ),
        (
            "on the order of 10^11",
            "human",
            "brain_neurons",
            "supported",
        ),
        ("10^9", "dog", "brain_neurons", "supported"),
        ("10^6", "rat", "brain_neurons", "contradicted"),
        ("tens of millions", "rat", "brain_neurons", "contradicted"),
        ("60 million", "AlexNet", "parameters", "supported"),
        ("2012", "AlexNet", "publication_year", "supported"),
        ("2016", "Transformer", "publication_year", "contradicted"),
        ("175 billion", "GPT-3", "parameters", "supported"),
        ("340 million", "BERT-Large", "parameters", "supported"),
    ];
    for (text, entity, property, verdict) in expect {
        let a = find(&r, text);
        assert_eq!(a["entity"], entity, "{text}");
        assert_eq!(a["property"], property, "{text}");
        assert_eq!(a["verdict"], verdict, "{text}");
    }
    assert_eq!(
        r.len(),
        expect.len(),
        "unexpected extra annotations: {r:#?}"
    );
    // Not claims: the post's age, list numbers, versions, phone numbers, model names.
    for t in ["12 days", "2.3.1", "555", "4", "19"] {
        assert!(
            !r.iter().any(|a| a["text"] == t),
            "{t} should not be a claim"
        );
    }
    let rat = find(&r, "10^6");
    assert_eq!(rat["direction"], "understated");
    assert_eq!(rat["suggestion"], "on the order of 10^8");
    let notes = rat["inconsistent_with"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().contains("\"tens of millions\"")),
        "{notes:?}"
    );
    let year = find(&r, "2016");
    assert_eq!(year["suggestion"], "2017");
    assert!(
        year["message"]
            .as_str()
            .unwrap()
            .ends_with("understated by 1 year"),
        "{}",
        year["message"]
    );
}

#[test]
fn every_contract_field_is_present_in_jsonl() {
    let out = numcheck()
        .args([
            "check",
            "samples/brains-and-models.txt",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    let a = find(&r, "10^9");
    for key in [
        "path",
        "start",
        "end",
        "line",
        "column",
        "text",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "entity",
        "property",
        "verdict",
        "reference",
        "ratio",
        "direction",
        "message",
        "suggestion",
    ] {
        assert!(a.get(key).is_some(), "missing {key}");
    }
    for key in [
        "value",
        "low",
        "high",
        "unit",
        "as_of",
        "source_title",
        "source_url",
    ] {
        assert!(a["reference"].get(key).is_some(), "missing reference.{key}");
    }
    // Offsets are bytes into the input file, end exclusive.
    let text = std::fs::read_to_string("samples/brains-and-models.txt").unwrap();
    let (s, e) = (
        a["start"].as_u64().unwrap() as usize,
        a["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "10^9");
}

/// The canonical seed text, when the shared folder is next to the repository.
#[test]
fn the_seed_text_annotations() {
    let seed = PathBuf::from("../shared/examples/seed.txt");
    if !seed.exists() {
        eprintln!("skipped: {} not present", seed.display());
        return;
    }
    let out = numcheck()
        .args(["check", seed.to_str().unwrap(), "--format", "jsonl"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let r = jsonl(&out);
    let humans = find(&r, "on the order of 10^11");
    assert_eq!(
        (humans["entity"].as_str(), humans["verdict"].as_str()),
        (Some("human"), Some("supported"))
    );
    assert_eq!(find(&r, "10^9")["verdict"], "supported");
    let mice = find(&r, "10^7");
    assert_eq!(
        (mice["entity"].as_str(), mice["verdict"].as_str()),
        (Some("mouse"), Some("contradicted"))
    );
    assert_eq!(mice["direction"], "understated");
    let mouse = find(&r, "hundreds of millions");
    assert_eq!(
        (mouse["verdict"].as_str(), mouse["direction"].as_str()),
        (Some("contradicted"), Some("overstated"))
    );
    assert!(
        mouse["inconsistent_with"][0]
            .as_str()
            .unwrap()
            .contains("10^7")
    );
    let paper = find(&r, "2017");
    assert_eq!(
        (
            paper["entity"].as_str(),
            paper["property"].as_str(),
            paper["verdict"].as_str()
        ),
        (
            Some("Transformer"),
            Some("publication_year"),
            Some("supported")
        )
    );
    assert!(!r.iter().any(|a| a["text"].as_str().unwrap().contains("49")));
}

#[test]
fn exit_code_is_zero_when_nothing_is_contradicted() {
    numcheck()
        .args(["check", "-", "--format", "jsonl"])
        .write_stdin("AlexNet had 60 million parameters.")
        .assert()
        .code(0);
    numcheck()
        .args(["check", "-", "--fail-on", "never"])
        .write_stdin("AlexNet had 90 million parameters.")
        .assert()
        .code(0);
    numcheck()
        .args(["check", "-"])
        .write_stdin("AlexNet had 90 million parameters.")
        .assert()
        .code(1);
}

#[test]
fn csv_and_json_formats_carry_the_same_annotations() {
    let csv = numcheck()
        .args(["check", "samples/brains-and-models.txt", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(csv.stdout).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[0], "path");
    assert_eq!(reader.records().count(), 14);
    let json = numcheck()
        .args(["check", "samples/brains-and-models.txt", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["annotations"].as_array().unwrap().len(), 14);
    assert_eq!(v["summary"]["contradicted"], 4);
}

#[test]
fn text_format_shows_the_line_and_a_caret() {
    let out = numcheck()
        .args(["check", "-", "--color", "never"])
        .write_stdin("Mice have 10^7 neurons.\n")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("contradicted: mouse: \"10^7\" read as order of magnitude"),
        "{s}"
    );
    assert!(s.contains("--> <stdin>:1:11"), "{s}");
    assert!(s.contains("1 | Mice have 10^7 neurons."), "{s}");
    assert!(s.contains("^^^^ suggestion: on the order of 10^8"), "{s}");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad_utf8 = dir.path().join("latin1.txt");
    std::fs::write(&bad_utf8, b"line one\nMice have caf\xe9 10^7 neurons.\n").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = numcheck()
        .args(["check", "--format", "jsonl"])
        .arg("no/such/file.txt")
        .arg(dir.path())
        .arg(&bad_utf8)
        .arg(&empty)
        .arg("samples/brains-and-models.txt")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no/such/file.txt: cannot read: no such file"),
        "{err}"
    );
    // A directory is walked for documents, and says so.
    assert!(
        err.contains("is a directory; checking the 2 documents in it"),
        "{err}"
    );
    assert!(err.contains("latin1.txt:2: not valid UTF-8"), "{err}");
    assert!(err.contains("empty.txt: file is empty"), "{err}");
    // The good file was still checked.
    assert_eq!(jsonl(&out.stdout).len(), 14);
}

#[test]
fn a_large_file_is_checked_without_trouble() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // One claim per kilobyte of ordinary prose, as in a long report.
    let filler =
        "The committee met again to discuss the budget and the schedule for the coming season. "
            .repeat(11);
    let para = format!("Mice have 10^7 neurons. {filler}\n");
    let text = para.repeat(50 * 1024 * 1024 / para.len());
    std::fs::write(&big, &text).unwrap();
    assert!(text.len() > 49 * 1024 * 1024);
    let out = numcheck()
        .args(["check", "--format", "csv"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let rows = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert_eq!(rows, 1 + 50 * 1024 * 1024 / para.len());
}

#[test]
fn a_broken_reference_table_stops_the_check_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("extra.csv"),
        "entity,aliases,property,value,low,high,unit,as_of,source_title,source_url,notes\nvole,voles,brain_neurons,lots,,,neurons,2020,A source,https://example.org,\n",
    )
    .unwrap();
    let out = numcheck()
        .args(["check", "samples/brains-and-models.txt", "--claims"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("extra.csv:2:"), "{err}");
    assert!(err.contains("value `lots` is not a number"), "{err}");
}

#[test]
fn claims_lint_reports_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("properties.csv"),
        "property,unit,kind,cues,hedge_tolerance,description\nbrain_neurons,neurons,count,neurons,0.1,Neurons.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("t.csv"),
        "entity,aliases,property,value,low,high,unit,as_of,source_title,source_url,notes\nvole,voles,brain_neurons,10,20,30,neurons,2020,A source,https://example.org,\nvole,voles,brain_neurons,10,,,neurons,2020,,https://example.org,\n",
    )
    .unwrap();
    let out = numcheck()
        .args(["claims", "lint"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("t.csv:2:29: low 20 is above value 10"), "{s}");
    assert!(
        s.contains("t.csv:3:") && s.contains("missing source"),
        "{s}"
    );
    numcheck().args(["claims", "lint"]).assert().code(0);
}

#[test]
fn extract_prints_every_quantity_with_its_reading() {
    let out = numcheck()
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin(
            "Shares rose about 19 per cent, to between 3 and 5 million; GPT-3 is not a number.",
        )
        .output()
        .unwrap();
    let r = jsonl(&out.stdout);
    assert_eq!(r.len(), 2, "{r:#?}");
    assert_eq!(r[0]["text"], "about 19 per cent");
    assert_eq!(r[0]["qualifier"], "approx");
    assert_eq!(r[0]["unit"], "percent");
    assert_eq!(r[0]["change"], "up");
    assert_eq!(r[1]["text"], "between 3 and 5 million");
    assert_eq!(r[1]["low"].as_f64().unwrap(), 3e6);
    assert_eq!(r[1]["high"].as_f64().unwrap(), 5e6);
}
