//! The hand-written reader of canonical events: the single-pass parser's fast lane for the
//! envelope of every event and the `data` of the commonest kinds.
//!
//! Stored payloads are canonical (`docs/format.md`): one spelling, no white space, keys in the
//! order this crate writes them, optional keys left out rather than `null`. Reading that one
//! spelling by position (a literal key, then its value) skips what serde's derived visitors do
//! for every field of every event: match the key among all the struct's names, track which were
//! seen, box each error. In a year's ledger temperature uploads are about a third of the events
//! (their samples are read by `fast.rs`), and invoices, payments, sales, outbound reviews and
//! dispatches about two thirds of the rest, so their bodies are read here too; any other kind's
//! `data` is read by serde, as before.
//!
//! [`read`] gives up (`None`) at anything it does not expect: another key order, white space,
//! an escape in a string, a raw control character, a number with a sign, a fraction, an exponent
//! or more than 19 digits, `null`, an unknown key. The caller then parses with serde, so the
//! result never depends on which lane read the text: every value taken here is made by the same
//! function serde's path calls (`Text::from`, `Uuid::parse_str`, `instant::parse_relaxed`,
//! `parse_expiry`, the enums' own `Deserialize`), and every text this lane accepts is one serde
//! reads to the same event (tested against serde on the bundled ledgers, their canonical
//! spellings and random edits of them). Not validated: the caller validates either way.

use chrono::NaiveDate;
use serde::de::{DeserializeOwned, DeserializeSeed, IntoDeserializer};
use uuid::Uuid;

use crate::events::{
    Dispatch, Invoice, InvoiceLine, OutLine, OutboundReview, Payment, ReviewLine, Sale, SaleLine,
    TemperatureReading,
};
use crate::refs::{DocRef, RefsIn};
use crate::types::{Currency, Money, Text};
use crate::{
    fast, instant, parse_expiry, BodySeed, Event, EventBody, Kind, FORMAT_VERSION, READ_VERSIONS,
};

/// A canonical event read by position; `None` for any other spelling (the caller then lets
/// serde read it). Not validated.
///
/// When `judge`, also whether `text` is exactly the event's canonical spelling, the bytes
/// [`Event::write_json`] would write: then `append` need not write them to find out (that was a
/// fifth of its time). `false` says only "not known": this lane reads some spellings that are
/// not canonical (an instant with an offset or a fraction of two digits, an upper-case id, a ref
/// as one string, an empty `codes` list, a sample's `8` for `8.0`, white space after the event,
/// an older format version), and leaves every other kind's `data` to serde; the caller then
/// writes the event to compare. Tested: every text read as exact is what `write_json` writes, on
/// the bundled ledgers' canonical spellings and on random edits of them. Not judging costs
/// nothing: every judgement is skipped once `exact` is false (`check` reads stored events,
/// canonical by construction, and needs none).
pub(crate) fn read(text: &str, judge: bool) -> Option<(Event, bool)> {
    // White space after the event (a line read with its end, as `append` reads its input) is no
    // part of it; serde skips it too.
    let trimmed = text.trim_end_matches([' ', '\t', '\n', '\r']);
    let mut c = Cur {
        s: trimmed,
        i: 0,
        exact: judge && trimmed.len() == text.len(),
    };
    c.lit("{\"v\":")?;
    let v = u32::try_from(c.u64()?).ok()?;
    if !READ_VERSIONS.contains(&v) {
        return None;
    }
    c.exact &= v == FORMAT_VERSION;
    c.lit(",\"id\":")?;
    let id = c.str()?;
    // `Uuid::parse_str` also reads the simple, braced and URN forms and upper case; written is
    // the hyphenated form (36 characters) in lower case.
    c.exact = c.exact && id.len() == 36 && !id.bytes().any(|b| b.is_ascii_uppercase());
    let id = Uuid::parse_str(id).ok()?;
    c.lit(",\"kind\":")?;
    let kind = Kind::parse(c.str()?)?;
    c.lit(",\"occurred_at\":")?;
    let occurred_at = c.instant()?;
    let entered_at = if c.eat(",\"entered_at\":") {
        Some(c.instant()?)
    } else {
        None
    };
    c.lit(",\"recorded_by\":")?;
    let recorded_by = c.list(Cur::text)?;
    let refs = if c.eat(",\"refs\":") {
        let refs = c.refs()?.into_refs(v).ok()?;
        // Empty refs are left out.
        c.exact &= !refs.is_empty();
        refs
    } else {
        crate::Refs::default()
    };
    c.lit(",\"data\":")?;
    let body = match kind {
        Kind::Invoice => EventBody::Invoice(c.invoice()?),
        Kind::Payment => EventBody::Payment(c.payment()?),
        Kind::Sale => EventBody::Sale(c.sale()?),
        Kind::OutboundReview => EventBody::OutboundReview(c.review()?),
        Kind::Dispatch => EventBody::Dispatch(c.dispatch()?),
        Kind::TemperatureReading => EventBody::TemperatureReading(c.temperature()?),
        _ => {
            // `data` closes the event: serde reads what lies between `"data":` and the last `}`,
            // and must find exactly one value there. Its spelling is not judged here.
            let data = trimmed.get(c.i..trimmed.len().checked_sub(1)?)?;
            let mut de = serde_json::Deserializer::from_str(data);
            let body = BodySeed(kind).deserialize(&mut de).ok()?;
            de.end().ok()?;
            c.i = trimmed.len() - 1;
            c.exact = false;
            body
        }
    };
    c.lit("}")?;
    (c.i == trimmed.len()).then_some((
        Event {
            id,
            occurred_at,
            entered_at,
            recorded_by,
            refs,
            body,
        },
        c.exact,
    ))
}

/// A position in the text being read.
struct Cur<'a> {
    s: &'a str,
    i: usize,
    /// Whether everything read so far is spelt as [`Event::write_json`] writes it (false from
    /// the start when the spelling is not judged: each judgement is `exact && …`, so skipped).
    exact: bool,
}

// The few helpers that compare a literal key are inlined into each reader, so that every
// comparison has a constant length and is a couple of loads rather than a call to `memcmp`:
// called, they were a third of the time of reading a payment (the refs' keys alone a quarter).
#[allow(clippy::inline_always)]
impl<'a> Cur<'a> {
    #[inline(always)]
    fn rest(&self) -> &'a [u8] {
        self.s.as_bytes().get(self.i..).unwrap_or_default()
    }

    /// Steps over `l`, which must come next.
    #[inline(always)]
    fn lit(&mut self, l: &str) -> Option<()> {
        self.eat(l).then_some(())
    }

    /// Steps over `l` if it comes next.
    #[inline(always)]
    fn eat(&mut self, l: &str) -> bool {
        let hit = self.rest().starts_with(l.as_bytes());
        if hit {
            self.i += l.len();
        }
        hit
    }

    /// A string without escapes or control characters (JSON allows none raw), borrowed.
    fn str(&mut self) -> Option<&'a str> {
        let b = self.rest().strip_prefix(b"\"")?;
        let len = b
            .iter()
            .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
        (b.get(len) == Some(&b'"')).then_some(())?;
        let start = self.i + 1;
        self.i = start + len + 1;
        // Both ends are ASCII quotes: character boundaries.
        self.s.get(start..start + len)
    }

    fn text(&mut self) -> Option<Text> {
        self.str().map(Text::from)
    }

    /// A whole number of at most 19 digits, without sign, fraction or exponent.
    fn u64(&mut self) -> Option<u64> {
        let b = self.rest();
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 19 || (n > 1 && b.first() == Some(&b'0')) {
            return None;
        }
        if matches!(b.get(n), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        self.i += n;
        Some(
            b.get(..n)?
                .iter()
                .fold(0, |v, d| v * 10 + u64::from(d - b'0')),
        )
    }

    fn instant(&mut self) -> Option<chrono::DateTime<chrono::Utc>> {
        let s = self.str()?;
        let t = instant::parse_relaxed(s).ok()?;
        self.exact = self.exact && instant::is_canonical(s.as_bytes(), &t);
        Some(t)
    }

    /// A date as chrono reads one, spelt `YYYY-MM-DD`.
    fn date(&mut self) -> Option<NaiveDate> {
        let s = self.str()?;
        let d = crate::types::fixed_date(s.as_bytes())?;
        self.exact = self.exact && instant::is_canonical_date(s.as_bytes(), d);
        Some(d)
    }

    fn expiry(&mut self) -> Option<NaiveDate> {
        let s = self.str()?;
        let d = parse_expiry(s)?;
        // `YYYY-MM` is written as the month's last day.
        self.exact = self.exact && instant::is_canonical_date(s.as_bytes(), d);
        Some(d)
    }

    /// A unit-only enum, by its own `Deserialize` from its JSON name.
    fn unit<T: DeserializeOwned>(&mut self) -> Option<T> {
        let s = self.str()?;
        T::deserialize(IntoDeserializer::<serde::de::value::Error>::into_deserializer(s)).ok()
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.lit("[")?;
        let mut out = Vec::new();
        if self.eat("]") {
            return Some(out);
        }
        loop {
            out.push(item(self)?);
            if !self.eat(",") {
                self.lit("]")?;
                return Some(out);
            }
        }
    }

    /// An optional key (with its punctuation) and its value: `Some(None)` when the key is left
    /// out; `None` gives up (the value is not canonical).
    #[inline(always)]
    #[allow(clippy::option_option)]
    fn opt<T>(
        &mut self,
        key: &str,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        if self.eat(key) {
            value(self).map(Some)
        } else {
            Some(None)
        }
    }

    fn money(&mut self) -> Option<Money> {
        self.lit("{\"minor\":")?;
        let minor = i64::try_from(self.u64()?).ok()?;
        self.lit(",\"currency\":")?;
        let currency = Currency::new(self.str()?)?;
        self.lit("}")?;
        Some(Money { minor, currency })
    }

    fn doc_ref(&mut self) -> Option<DocRef> {
        if self.rest().first() == Some(&b'[') {
            self.list(Cur::text).map(DocRef::Many)
        } else {
            // One number is written as a list of one (format version 2).
            self.exact = false;
            self.text().map(DocRef::One)
        }
    }

    /// [`Cur::opt`] of `key` with its comma, or without it at the start of the object (`first`).
    #[inline(always)]
    #[allow(clippy::option_option)]
    fn field<T>(
        &mut self,
        first: &mut bool,
        key: &str,
        value: impl FnOnce(&mut Self) -> Option<T>,
    ) -> Option<Option<T>> {
        let key = if *first {
            key.strip_prefix(',').unwrap_or(key)
        } else {
            key
        };
        let found = self.opt(key, value)?;
        *first &= found.is_none();
        Some(found)
    }

    /// The `refs` object, its keys in the order `Refs` writes them.
    fn refs(&mut self) -> Option<RefsIn> {
        self.lit("{")?;
        let first = &mut true;
        let refs = RefsIn {
            order: self.field(first, ",\"order\":", Cur::doc_ref)?,
            sale: self.field(first, ",\"sale\":", Cur::doc_ref)?,
            delivery_note: self.field(first, ",\"delivery_note\":", Cur::doc_ref)?,
            receipt: self.field(first, ",\"receipt\":", Cur::doc_ref)?,
            invoice: self.field(first, ",\"invoice\":", Cur::text)?,
            payment: self.field(first, ",\"payment\":", Cur::text)?,
            approval: self.field(first, ",\"approval\":", Cur::text)?,
        };
        self.close(refs)
    }

    /// `key` (with its punctuation), then its value. The readers below build each struct with
    /// its fields written in canonical order: a struct expression evaluates its fields in the
    /// order written.
    #[inline(always)]
    fn at<T>(&mut self, key: &str, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.lit(key)?;
        value(self)
    }

    /// `value` and the `}` closing its object.
    fn close<T>(&mut self, value: T) -> Option<T> {
        self.lit("}").map(|()| value)
    }

    fn invoice(&mut self) -> Option<Invoice> {
        let invoice = Invoice {
            doc: self.at("{\"doc\":", Cur::text)?,
            direction: self.at(",\"direction\":", Cur::unit)?,
            issuer: self.at(",\"issuer\":", Cur::text)?,
            buyer: self.at(",\"buyer\":", Cur::text)?,
            issued_on: self.at(",\"issued_on\":", Cur::date)?,
            lines: self.at(",\"lines\":", |c| c.list(Cur::invoice_line))?,
            total: self.at(",\"total\":", Cur::money)?,
            credit_for: self.opt(",\"credit_for\":", Cur::text)?,
        };
        self.close(invoice)
    }

    fn invoice_line(&mut self) -> Option<InvoiceLine> {
        let line = InvoiceLine {
            product: self.at("{\"product\":", Cur::text)?,
            quantity: self.at(",\"quantity\":", Cur::u64)?,
            unit_price: self.at(",\"unit_price\":", Cur::money)?,
            amount: self.at(",\"amount\":", Cur::money)?,
        };
        self.close(line)
    }

    fn payment(&mut self) -> Option<Payment> {
        let payment = Payment {
            doc: self.at("{\"doc\":", Cur::text)?,
            direction: self.at(",\"direction\":", Cur::unit)?,
            payer: self.at(",\"payer\":", Cur::text)?,
            payee: self.at(",\"payee\":", Cur::text)?,
            payer_account: self.at(",\"payer_account\":", Cur::text)?,
            payee_account: self.at(",\"payee_account\":", Cur::text)?,
            amount: self.at(",\"amount\":", Cur::money)?,
            method: self.at(",\"method\":", Cur::unit)?,
            invoices: self.at(",\"invoices\":", |c| c.list(Cur::text))?,
        };
        self.close(payment)
    }

    fn sale(&mut self) -> Option<Sale> {
        let sale = Sale {
            doc: self.at("{\"doc\":", Cur::text)?,
            customer: self.at(",\"customer\":", Cur::text)?,
            channel: self.at(",\"channel\":", Cur::unit)?,
            buyer_id: self.opt(",\"buyer_id\":", Cur::text)?,
            prescription: self.opt(",\"prescription\":", Cur::text)?,
            lines: self.at(",\"lines\":", |c| c.list(Cur::sale_line))?,
        };
        self.close(sale)
    }

    fn sale_line(&mut self) -> Option<SaleLine> {
        let line = SaleLine {
            product: self.at("{\"product\":", Cur::text)?,
            batch: self.at(",\"batch\":", Cur::text)?,
            expiry: self.at(",\"expiry\":", Cur::expiry)?,
            quantity: self.at(",\"quantity\":", Cur::u64)?,
            unit_price: self.at(",\"unit_price\":", Cur::money)?,
        };
        self.close(line)
    }

    fn review(&mut self) -> Option<OutboundReview> {
        let review = OutboundReview {
            doc: self.at("{\"doc\":", Cur::text)?,
            customer: self.at(",\"customer\":", Cur::text)?,
            lines: self.at(",\"lines\":", |c| c.list(Cur::review_line))?,
            reviewers: self.at(",\"reviewers\":", |c| c.list(Cur::text))?,
        };
        self.close(review)
    }

    fn review_line(&mut self) -> Option<ReviewLine> {
        let line = ReviewLine {
            product: self.at("{\"product\":", Cur::text)?,
            batch: self.at(",\"batch\":", Cur::text)?,
            expiry: self.at(",\"expiry\":", Cur::expiry)?,
            quantity: self.at(",\"quantity\":", Cur::u64)?,
            quality: self.at(",\"quality\":", Cur::unit)?,
        };
        self.close(line)
    }

    fn dispatch(&mut self) -> Option<Dispatch> {
        let dispatch = Dispatch {
            doc: self.at("{\"doc\":", Cur::text)?,
            customer: self.at(",\"customer\":", Cur::text)?,
            consignee: self.at(",\"consignee\":", Cur::text)?,
            address: self.at(",\"address\":", Cur::text)?,
            lines: self.at(",\"lines\":", |c| c.list(Cur::out_line))?,
            vehicle: self.opt(",\"vehicle\":", Cur::text)?,
        };
        self.close(dispatch)
    }

    fn out_line(&mut self) -> Option<OutLine> {
        let line = OutLine {
            product: self.at("{\"product\":", Cur::text)?,
            batch: self.at(",\"batch\":", Cur::text)?,
            quantity: self.at(",\"quantity\":", Cur::u64)?,
            from: self.at(",\"from\":", Cur::text)?,
            codes: match self.opt(",\"codes\":", |c| c.list(Cur::text))? {
                Some(codes) => {
                    // An empty list is left out.
                    self.exact &= !codes.is_empty();
                    codes
                }
                None => Vec::new(),
            },
        };
        self.close(line)
    }

    fn temperature(&mut self) -> Option<TemperatureReading> {
        let temperature = TemperatureReading {
            sensor: self.at("{\"sensor\":", Cur::text)?,
            zone: self.opt(",\"zone\":", Cur::text)?,
            vehicle: self.opt(",\"vehicle\":", Cur::text)?,
            readings: self.at(",\"readings\":", |c| {
                let (samples, rest) = fast::readings_prefix(c.rest(), &mut c.exact)?;
                c.i = c.s.len() - rest.len();
                Some(samples)
            })?,
        };
        self.close(temperature)
    }
}

/// [`read`] without judging the spelling (tests).
#[cfg(test)]
pub(crate) fn event(text: &str) -> Option<Event> {
    read(text, false).map(|(e, _)| e)
}

/// [`read`] judging the spelling (tests).
#[cfg(test)]
pub(crate) fn event_exact(text: &str) -> Option<(Event, bool)> {
    read(text, true)
}

#[cfg(test)]
mod tests;
