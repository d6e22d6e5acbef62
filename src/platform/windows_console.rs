//! The Windows build is a GUI program (no console window when started from Explorer). Started
//! with arguments from cmd.exe or PowerShell, it attaches to that console so the commands print
//! there, with the console in UTF-8 while it runs (consoles default to code page 936).

use windows_sys::Win32::System::Console::{
    ATTACH_PARENT_PROCESS, AttachConsole, GetConsoleOutputCP, GetStdHandle, STD_ERROR_HANDLE,
    STD_OUTPUT_HANDLE, SetConsoleOutputCP,
};

const CP_UTF8: u32 = 65001;

/// While alive, the parent's console is ours; dropping it gives back its code page.
pub struct Console {
    restore_code_page: Option<u32>,
}

/// Attaches to the console of the process that started this one, if it has one.
pub fn attach_console() -> Console {
    let none = Console {
        restore_code_page: None,
    };
    // Both outputs redirected (a file or a pipe): they already work, leave them alone.
    if has_handle(STD_OUTPUT_HANDLE) && has_handle(STD_ERROR_HANDLE) {
        return none;
    }
    // SAFETY: plain Win32 calls with no pointers; failure is reported by the return value.
    unsafe {
        if AttachConsole(ATTACH_PARENT_PROCESS) == 0 {
            return none;
        }
        // Rust's std writes UTF-16 to a console itself; the code page is for the console
        // programs that show our bytes through a pipe (`tianbiao check … | more`).
        let previous = GetConsoleOutputCP();
        if previous != CP_UTF8 && previous != 0 && SetConsoleOutputCP(CP_UTF8) != 0 {
            return Console {
                restore_code_page: Some(previous),
            };
        }
    }
    none
}

fn has_handle(which: u32) -> bool {
    // SAFETY: GetStdHandle only reads the process's handle table.
    let handle = unsafe { GetStdHandle(which) };
    !handle.is_null() && handle as isize != -1
}

impl Drop for Console {
    fn drop(&mut self) {
        if let Some(code_page) = self.restore_code_page {
            // SAFETY: as above; the console stays someone else's after we exit.
            unsafe {
                SetConsoleOutputCP(code_page);
            }
        }
    }
}
