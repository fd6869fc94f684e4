//! Errors that stop one page from being extracted. "This page has no article" is not one: it is
//! an [`Article`](crate::Article) with an empty body.

use std::fmt;

/// Why a page could not be extracted.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The page exceeds one of the [`Config`](crate::Config) limits; names the limit.
    LimitExceeded { limit: &'static str, value: usize },
}

/// An extraction error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn limit(limit: &'static str, value: usize) -> Error {
        Error {
            kind: ErrorKind::LimitExceeded { limit, value },
        }
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::LimitExceeded { limit, value } => {
                write!(
                    f,
                    "page exceeds the {limit} limit ({value}); raise it in Config to read it"
                )
            }
        }
    }
}

impl std::error::Error for Error {}
