//! Start-up only: read the arguments, then run a headless command or open the window.

// On Windows a GUI program: no console window opens when started from Explorer.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use tianbiao::cli::{Cli, run_command};

fn main() -> ExitCode {
    // With arguments (a command, --help) print to the console it was started from.
    let _console = (std::env::args_os().len() > 1).then(tianbiao::platform::attach_console);
    // try_parse, not parse: clap's own exit would skip giving the console back.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match cli.command {
        Some(command) => run_command(command),
        None => tianbiao::ui::run(cli.renderer),
    }
}
