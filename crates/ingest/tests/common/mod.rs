//! Fixture access and WARC/HTTP/gzip builders shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

pub fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2021-08-15T06:30:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

pub fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (k, v) in headers {
        r.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    r.extend_from_slice(b"\r\n");
    r.extend_from_slice(body);
    r
}

pub fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(100) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

pub const KUNDUZ_PAGE: &str = "<html><head><title>Kunduz falls</title></head><body><nav><a href='/'>Home</a></nav>\
<article><h1>Kunduz falls</h1><p>Taliban fighters overran the northern city of Kunduz on Sunday, taking the governor's compound and the police headquarters after days of clashes.</p>\
<p>Officials said government troops had retreated to the airport outside the city, which remained under their control.</p></article></body></html>";

/// The records of the test archive, each as separate bytes so they can be
/// gzipped one by one.
pub fn warc_records() -> Vec<Vec<u8>> {
    let herald = std::fs::read(fixture("kabul-herald-herat.html")).unwrap();
    let mut truncated = b"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: https://cut.example/\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n".to_vec();
    truncated.extend(vec![b'x'; 312]);
    vec![
        record(
            "warcinfo",
            "",
            "application/warc-fields",
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://news.example/kunduz",
            "application/http; msgtype=request",
            b"GET /kunduz HTTP/1.1\r\nHost: news.example\r\n\r\n",
        ),
        record(
            "response",
            "https://www.news.example/kunduz",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[
                    ("Content-Type", "text/html; charset=utf-8"),
                    ("Transfer-Encoding", "chunked"),
                    ("Content-Encoding", "gzip"),
                ],
                &chunked(&gzip(KUNDUZ_PAGE.as_bytes())),
            ),
        ),
        record(
            "response",
            "https://news.example/logo.jpg",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[("Content-Type", "image/jpeg")],
                b"\xff\xd8\xff\xe0\0\x10JFIF",
            ),
        ),
        record(
            "response",
            "https://news.example/old",
            "application/http; msgtype=response",
            &http("301 Moved Permanently", &[("Location", "/new")], b""),
        ),
        record(
            "resource",
            "file:///notes/sangin.txt",
            "text/plain",
            b"Sangin district centre fell after a week of fighting, local officials said.\n",
        ),
        b"WARC/1.1\r\nthis line is not a header\r\nContent-Length: 10\r\n\r\n0123456789\r\n\r\n"
            .to_vec(),
        record(
            "response",
            "https://news.example/br",
            "application/http; msgtype=response",
            &http(
                "200 OK",
                &[("Content-Type", "text/html"), ("Content-Encoding", "br")],
                b"\x1b\x00",
            ),
        ),
        record(
            "response",
            "https://kabulherald.example/herat?utm=x",
            "application/http; msgtype=response",
            &http("200 OK", &[("Content-Type", "text/html")], &herald),
        ),
        truncated,
    ]
}
