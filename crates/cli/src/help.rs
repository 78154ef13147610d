//! The command line in the reader's language: the help (`rxledger --help`, `rxledger check
//! --help`) and the parser's errors. English is the doc comments of the `Args` structs, as
//! clap derives them; other languages set each command's about and each argument's help at run
//! time from the catalogue (`help.ftl`: `help-PATH` for a command, `help-PATH-ARG` for its
//! arguments, PATH being the command's names joined by `-`, `rxledger-check`), and the headings
//! clap lets a program choose (usage, commands, options).

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use rxledger::reconcile::{Fact, Msg};
use rxledger::report::{Lang, Messages};

/// A catalogue message without facts, by an id made at run time; `None` when missing.
fn text(m: &Messages, id: &str) -> Option<String> {
    m.has(id).then(|| {
        m.render(&Msg {
            id: id.to_owned().into(),
            args: rxledger::reconcile::Facts::new(),
        })
    })
}

/// `command` (the whole tree) with its help in `lang`: unchanged in English.
pub fn localize(command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let m = Messages::new(lang);
    let mut command = command;
    command.build();
    localize_one(command, "rxledger", &m, true)
}

fn localize_one(mut cmd: Command, path: &str, m: &Messages, root: bool) -> Command {
    let heading = |id| text(m, id).unwrap_or_default();
    let (options, arguments) = (
        heading("help-heading-options"),
        heading("help-heading-arguments"),
    );
    if let Some(about) = text(m, &format!("help-{path}")) {
        cmd = cmd.about(about.clone()).long_about(about);
    }
    if root {
        if let Some(after) = text(m, "help-rxledger-after") {
            cmd = cmd.after_help(after);
        }
    }
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
        heading("help-heading-usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(heading("help-heading-commands"))
        .subcommand_value_name(heading("help-value-command"));
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        let key = match id.as_str() {
            "help" => "help-flag-help".to_owned(),
            "version" => "help-flag-version".to_owned(),
            "lang" | "zone" => format!("help-global-{id}"),
            _ => format!("help-{path}-{id}"),
        };
        let help = text(m, &key);
        let (options, arguments) = (options.clone(), arguments.clone());
        cmd = cmd.mut_arg(id.as_str(), move |a: Arg| {
            let positional = a.is_positional();
            // The defaults and possible values are in the catalogue's help, in its words.
            let mut a = a
                .help_heading(if positional { arguments } else { options })
                .hide_default_value(true)
                .hide_possible_values(true);
            if let Some(h) = help {
                a = a.help(h).long_help(None::<&str>);
            }
            a
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        // clap's `help` command is the same at every level.
        let sub_path = if name == "help" {
            "rxledger-help".to_owned()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(name.as_str(), |s| localize_one(s, &sub_path, m, false));
    }
    cmd
}

/// Prints a parser error (or the help or version it stands for) in `lang` and gives the exit
/// code: 0 for help and version, 2 for a usage error. Chinese renders the common errors from the
/// catalogue with the usage line; the rare ones keep clap's English words after the catalogue's
/// `错误：`.
pub fn print_error(e: &clap::Error, lang: Lang) -> u8 {
    let code = if e.use_stderr() { 2 } else { 0 };
    // Help and version, and the help clap shows for a missing command, are the localized
    // command's own.
    if lang == Lang::En
        || !e.use_stderr()
        || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    {
        let _ = e.print();
        return code;
    }
    let m = Messages::new(lang);
    let arg = || value(e, ContextKind::InvalidArg);
    let val = || value(e, ContextKind::InvalidValue);
    let msg = match e.kind() {
        ErrorKind::UnknownArgument => Msg::new("clap-unknown-argument").arg("arg", arg()),
        ErrorKind::InvalidSubcommand => {
            Msg::new("clap-unknown-command").arg("name", value(e, ContextKind::InvalidSubcommand))
        }
        ErrorKind::MissingRequiredArgument => Msg::new("clap-missing").arg("arg", arg()),
        ErrorKind::MissingSubcommand => Msg::new("clap-missing-command"),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            // The possible values are ids: quoted as such, listed in the language's way.
            let valid = match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => v
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(m.render(&Msg::new("clap-list-separator")).as_str()),
                _ => String::new(),
            };
            let msg = Msg::new("clap-invalid-value")
                .arg("arg", arg())
                .arg("value", val());
            if valid.is_empty() {
                msg.arg("valid", Fact::Text(String::new()))
            } else {
                msg.arg(
                    "valid",
                    Fact::from(Msg::new("clap-valid").arg("valid", valid)),
                )
            }
        }
        ErrorKind::ArgumentConflict => Msg::new("clap-conflict")
            .arg("arg", arg())
            .arg("other", value(e, ContextKind::PriorArg)),
        _ => Msg::new("clap-other").arg("detail", english(e)),
    };
    let usage = e
        .get(ContextKind::Usage)
        .map(|u| match u {
            ContextValue::StyledStr(s) => s.to_string(),
            other => other.to_string(),
        })
        .unwrap_or_default();
    let usage = usage.strip_prefix("Usage:").map_or(usage.clone(), |rest| {
        format!("{}{}", m.label("help-heading-usage"), rest.trim_start())
    });
    eprintln!(
        "{}",
        m.render(&Msg::new("cli-error").arg("message", m.render(&msg)))
    );
    if !usage.is_empty() {
        eprintln!("\n{usage}");
    }
    eprintln!("\n{}", m.label("clap-more"));
    code
}

/// A context value of a parser error as text (several joined by `, `).
fn value(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// clap's own sentence of the error, without its `error: ` and the lines after it.
fn english(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("");
    first.strip_prefix("error: ").unwrap_or(first).to_owned()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    /// Every command and argument of the tree has its Chinese help in the catalogue.
    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let m = Messages::new(Lang::Zh);
        let mut missing = Vec::new();
        let mut cmd = crate::Cli::command();
        cmd.build();
        fn walk(cmd: &Command, path: &str, m: &Messages, missing: &mut Vec<String>) {
            if !m.has(&format!("help-{path}")) {
                missing.push(format!("help-{path}"));
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if ["help", "version", "lang", "zone"].contains(&id) {
                    continue;
                }
                let key = format!("help-{path}-{id}");
                if !m.has(&key) {
                    missing.push(key);
                }
            }
            for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                walk(s, &format!("{path}-{}", s.get_name()), m, missing);
            }
        }
        walk(&cmd, "rxledger", &m, &mut missing);
        assert!(missing.is_empty(), "missing: {}", missing.join("\n"));
    }

    /// The Chinese help hides clap's English `[default: …]` and says the default itself: the
    /// same one as the code's.
    #[test]
    fn chinese_help_states_each_default() {
        let m = Messages::new(Lang::Zh);
        let mut cmd = crate::Cli::command();
        cmd.build();
        let mut checked = 0;
        for sub in cmd.get_subcommands() {
            let mut all: Vec<&Command> = vec![sub];
            all.extend(sub.get_subcommands());
            for c in all {
                let path = if c.get_name() == sub.get_name() {
                    format!("rxledger-{}", c.get_name())
                } else {
                    format!("rxledger-{}-{}", sub.get_name(), c.get_name())
                };
                for a in c.get_arguments() {
                    let default = a.get_default_values().first();
                    let Some(default) = default.filter(|_| a.get_action().takes_values()) else {
                        continue;
                    };
                    let key = format!("help-{path}-{}", a.get_id());
                    let help = text(&m, &key).unwrap_or_default();
                    let want = format!("[默认：{}]", default.to_string_lossy());
                    assert!(help.contains(&want), "{key}: {help} lacks {want}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 10, "{checked}");
    }
}
