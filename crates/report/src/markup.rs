//! Small helpers for the `maud` templates of the HTML report and its SVG charts.

use std::fmt;

use maud::Render;

/// Text from a ledger or a message, spliced into a template: escaped like every `maud` splice,
/// and beyond what `maud` does, `'` as `&apos;` and the control characters XML 1.0 does not allow
/// dropped, so the page stays well-formed XML whatever a ledger holds (see [`crate::xml_escape`]).
pub(crate) struct Text<'a>(pub &'a str);

impl Render for Text<'_> {
    fn render_to(&self, buffer: &mut String) {
        buffer.push_str(&crate::xml_escape(self.0));
    }
}

/// Shorthand for [`Text`].
pub(crate) fn t(s: &str) -> Text<'_> {
    Text(s)
}

/// A number with a fixed count of decimals (`{:.N}`), for coordinates and temperatures.
#[derive(Clone, Copy)]
pub(crate) struct Fixed(pub f64, pub usize);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.*}", self.1, self.0)
    }
}

/// `x` with one decimal.
pub(crate) fn f1(x: f64) -> Fixed {
    Fixed(x, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_html_and_xml() {
        let page = maud::html! { p title=(t("a'b\"")) { (t("<i>&\u{7}</i>")) } (f1(2.25)) };
        assert_eq!(
            page.into_string(),
            r#"<p title="a&apos;b&quot;">&lt;i&gt;&amp;&lt;/i&gt;</p>2.2"#
        );
    }
}
