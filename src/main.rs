//! Start-up only: read the arguments, then run a headless command or open the window.

use std::process::ExitCode;

use clap::Parser;
use tianbiao::cli::{Cli, run_command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run_command(command),
        None => tianbiao::ui::run(cli.renderer),
    }
}
