//! Generated regions of a hand-written document: `<!-- generated: KEY -->` … `<!-- end
//! generated -->`. Everything outside the markers is kept as written.

/// The opening marker of the region `key`.
pub fn begin(key: &str) -> String {
    format!("<!-- generated: {key} (cargo run --example gen_docs) -->")
}

/// The closing marker.
pub const END: &str = "<!-- end generated -->";

/// Replaces the body of every marked region of `doc` with `render(key)`. Fails on an unclosed
/// region or a key `render` does not know (it returns `None`).
pub fn fill(
    doc: &str,
    mut render: impl FnMut(&str) -> Option<String>,
) -> Result<(String, Vec<String>), String> {
    let mut out = String::with_capacity(doc.len());
    let mut keys = Vec::new();
    let mut rest = doc;
    while let Some(at) = rest.find("<!-- generated: ") {
        let (before, marked) = rest.split_at(at);
        out.push_str(before);
        let line_end = marked.find('\n').ok_or("marker without a line end")?;
        let opening = &marked[..line_end];
        let key = opening
            .trim_start_matches("<!-- generated: ")
            .split(" (")
            .next()
            .unwrap_or_default()
            .trim_end_matches(" -->")
            .to_owned();
        let body_and_rest = &marked[line_end + 1..];
        let close = body_and_rest
            .find(END)
            .ok_or_else(|| format!("region `{key}` is not closed with `{END}`"))?;
        let body = render(&key).ok_or_else(|| format!("unknown generated region `{key}`"))?;
        out.push_str(&begin(&key));
        out.push_str("\n\n");
        out.push_str(body.trim_end());
        out.push_str("\n\n");
        out.push_str(END);
        rest = &body_and_rest[close + END.len()..];
        keys.push(key);
    }
    out.push_str(rest);
    Ok((out, keys))
}
