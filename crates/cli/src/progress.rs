//! Progress on standard error, shown only when standard error is a terminal.

use std::io::{self, IsTerminal};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use rxledger::reconcile::Msg;

/// A progress bar or spinner on standard error, or nothing when standard error is not a terminal
/// (so pipes, files and tests see no progress output at all).
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A byte bar for one pass over the ledger directory or exported file at `path`, labelled
    /// `what`.
    pub fn reading(path: &Path, what: &str) -> Self {
        if !io::stderr().is_terminal() {
            return Self(None);
        }
        let pb = ProgressBar::new(ledger_size(path));
        // The time left, in the chosen language (the command name `what` and the units stay).
        let eta = crate::lang::messages().render(&Msg::new("progress-eta"));
        pb.set_style(
            ProgressStyle::with_template(&format!(
                "{what} {{bar:40}} {{bytes}}/{{total_bytes}} {{bytes_per_sec}} {eta} {{eta}}"
            ))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Self(Some(pb))
    }

    /// A spinner whose message tells how far the work got (see [`Progress::message`]).
    pub fn spinner() -> Self {
        Self(io::stderr().is_terminal().then(ProgressBar::new_spinner))
    }

    /// The callback the library's readers take: bytes read so far.
    pub fn bytes(&self) -> impl FnMut(u64) + '_ {
        move |b| {
            if let Some(pb) = &self.0 {
                pb.set_position(b);
            }
        }
    }

    /// Sets the message (built only when shown) and redraws.
    pub fn message(&self, msg: impl FnOnce() -> String) {
        if let Some(pb) = &self.0 {
            pb.set_message(msg());
            pb.tick();
        }
    }

    /// Sets the message to the events appended so far and those already present, in the
    /// chosen language.
    pub fn appended(&self, appended: u64, present: u64) {
        self.message(|| {
            crate::lang::messages().render(
                &Msg::new("progress-appended")
                    .arg("appended", appended)
                    .arg("present", present),
            )
        });
    }

    /// Clears the bar once the work is done.
    pub fn finish(self) {
        if let Some(pb) = self.0 {
            pb.finish_and_clear();
        }
    }
}

/// The bytes a pass over the ledger at `path` reads: the directory's files, or the file.
fn ledger_size(path: &Path) -> u64 {
    // The records' bytes (segments of a directory, or the file): what the readers report.
    rxledger::store::record_bytes(path).unwrap_or(0)
}
