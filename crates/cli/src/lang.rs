//! The language and time zone people read the output in: `--lang zh|en`, else the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh*` is Chinese), else English; `--zone`, else
//! `RXLEDGER_ZONE`, else `Asia/Shanghai` (+08:00).
//!
//! The libraries take the language explicitly ([`rxledger::report::Messages`]); the binary
//! chooses it once, from the command line and the environment, before running a command.

use std::sync::OnceLock;

use anyhow::Result;
use rxledger::reconcile::Msg;
use rxledger::report::{Lang, Messages, Zone};

use crate::fail::said;

/// A language on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum LangArg {
    /// Simplified Chinese (简体中文).
    Zh,
    /// English.
    En,
}

/// The options every command takes (`rxledger --lang zh check …` or `rxledger check … --lang zh`).
#[derive(clap::Args, Debug, Default)]
#[allow(clippy::doc_markdown, reason = "the doc comments are the --help text")]
pub struct Options {
    /// Language of findings, reports and rule descriptions [default: from LC_ALL, LC_MESSAGES or
    /// LANG (zh* is Chinese), else English].
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Time zone instants are shown in: Asia/Shanghai, UTC, or an offset such as +08:00
    /// [default: RXLEDGER_ZONE, else Asia/Shanghai].
    #[arg(long, global = true)]
    zone: Option<String>,
}

/// The language and zone [`init`] chose (a catalogue is not `Sync`: made where it is used).
static CHOSEN: OnceLock<(Lang, Zone)> = OnceLock::new();

/// The language: the option if given, else the locale of the environment `var` reads.
pub fn choose(option: Option<LangArg>, var: impl Fn(&str) -> Option<String>) -> Lang {
    match option {
        Some(LangArg::Zh) => Lang::Zh,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_locale(var),
    }
}

/// The language `--lang` asks for in `args` (`--lang zh`, `--lang=en`, anywhere), read before
/// the command line is parsed so that its help and its errors are in that language too; a
/// value that is not a language is left to the parser to refuse.
pub fn prescan<I, S>(args: I) -> Option<LangArg>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let args: Vec<String> = args
        .into_iter()
        .map(|a| a.as_ref().to_string_lossy().into_owned())
        .collect();
    let mut found = None;
    for (i, a) in args.iter().enumerate() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => args.get(i + 1).map(String::as_str),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        match value {
            Some("zh") => found = Some(LangArg::Zh),
            Some("en") => found = Some(LangArg::En),
            _ => {}
        }
    }
    found
}

/// The language chosen before parsing: [`prescan`] of the command line, else the locale.
pub fn early(args: &[std::ffi::OsString]) -> Lang {
    choose(prescan(args), |k| std::env::var(k).ok())
}

/// Chooses the language and zone from `options` and the environment, once.
///
/// # Errors
///
/// A zone that [`Zone::parse`] does not know (the language is chosen all the same, for the
/// error).
pub fn init(options: &Options) -> Result<()> {
    let lang = choose(options.lang, |k| std::env::var(k).ok());
    let zone = match options
        .zone
        .clone()
        .or_else(|| std::env::var("RXLEDGER_ZONE").ok())
    {
        Some(z) if !z.is_empty() => match Zone::parse(&z) {
            Ok(zone) => zone,
            Err(e) => {
                let _ = CHOSEN.set((lang, Zone::default()));
                // The zones it knows, as the library lists them.
                let text = e.to_string();
                let names = text.rsplit_once("one of ").map_or("", |(_, n)| n);
                return Err(said(
                    Msg::new("cli-bad-zone")
                        .arg("zone", z.as_str())
                        .arg("names", names),
                ));
            }
        },
        _ => Zone::default(),
    };
    let _ = CHOSEN.set((lang, zone));
    Ok(())
}

/// The catalogue chosen by [`init`] (English in the default zone before it).
pub fn messages() -> Messages {
    match CHOSEN.get() {
        Some((lang, zone)) => Messages::with_zone(*lang, zone.clone()),
        None => Messages::new(Lang::En),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    /// `--lang` first, then `LC_ALL`, `LC_MESSAGES`, `LANG` (the first set and not empty
    /// decides), then English.
    #[test]
    fn the_option_then_the_locale_then_english() {
        let zh = env(&[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(choose(Some(LangArg::En), &zh), Lang::En);
        assert_eq!(
            choose(Some(LangArg::Zh), env(&[("LANG", "en_US")])),
            Lang::Zh
        );
        assert_eq!(choose(None, &zh), Lang::Zh);
        assert_eq!(choose(None, env(&[("LC_MESSAGES", "zh_TW")])), Lang::Zh);
        assert_eq!(
            choose(
                None,
                env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "zh_CN.UTF-8")])
            ),
            Lang::En
        );
        assert_eq!(
            choose(
                None,
                env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "C")])
            ),
            Lang::Zh
        );
        assert_eq!(
            choose(None, env(&[("LC_MESSAGES", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(choose(None, env(&[])), Lang::En);
        assert_eq!(choose(None, env(&[("LANG", "C.UTF-8")])), Lang::En);
    }

    /// `--lang` is found before the command line is parsed, wherever it is, in both spellings;
    /// the last one counts; nothing after `--`; a bad value is left to clap.
    #[test]
    fn prescan_finds_the_option_anywhere() {
        let scan = |a: &[&str]| prescan(a.iter().copied());
        assert!(matches!(
            scan(&["rx", "--lang", "zh", "check"]),
            Some(LangArg::Zh)
        ));
        assert!(matches!(
            scan(&["rx", "check", "x", "--lang=en"]),
            Some(LangArg::En)
        ));
        assert!(matches!(
            scan(&["rx", "--lang", "zh", "check", "--lang", "en"]),
            Some(LangArg::En)
        ));
        assert!(scan(&["rx", "check", "--", "--lang", "zh"]).is_none());
        assert!(scan(&["rx", "--lang", "fr"]).is_none());
        assert!(scan(&["rx", "--language", "zh"]).is_none());
        assert!(scan(&["rx", "--lang"]).is_none());
    }
}
