//! One module per subcommand, each with its clap `Args` (whose doc comment is the command's help)
//! and a `run(args) -> Result<Outcome>`.

pub mod append;
pub mod check;
pub mod checkpoint;
pub mod copy;
pub mod export;
pub mod gen;
pub mod import;
pub mod init;
pub mod keygen;
pub mod log;
pub mod prove;
pub mod report;
pub mod rules;
pub mod summary;
pub mod trace;
pub mod verify;
pub mod verify_proof;

/// How a command that did not fail ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report: exit code 0.
    Clean,
    /// Findings, or verification failed: exit code 1.
    Findings,
}

impl Outcome {
    /// [`Outcome::Findings`] when `failed`, else [`Outcome::Clean`].
    pub fn findings_if(failed: bool) -> Self {
        if failed {
            Self::Findings
        } else {
            Self::Clean
        }
    }
}
