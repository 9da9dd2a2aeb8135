//! Printing: opens the browser's print dialog (where "Save as PDF" is one of the printers).

use thiserror::Error;

/// Why the print dialog could not be opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PrintError {
    /// There is no window to print (not running in a page).
    #[error("there is no page to print")]
    NoWindow,
    /// The browser refused to print.
    #[error("the browser would not print: {0}")]
    Refused(String),
}

/// Opens the print dialog for the current page (`window.print()`).
pub fn print_page() -> Result<(), PrintError> {
    let window = web_sys::window().ok_or(PrintError::NoWindow)?;
    window
        .print()
        .map_err(|error| PrintError::Refused(format!("{error:?}")))
}
