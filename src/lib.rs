//! numcheck: find the numbers in prose, link each to an entity and a property, and check
//! it against curated reference tables.
//!
//! The core is I/O-free: [`Checker::check_str`] takes text and returns annotations;
//! [`extract::extract`] returns every quantity, linked or not. Reading files, printing
//! and the command line are thin layers in the binary and in [`report`].

pub mod check;
pub mod error;
pub mod extract;
pub mod format;
pub mod input;
pub mod interval;
pub mod link;
pub mod model;
pub mod position;
pub mod reference;
pub mod report;
pub mod units;

pub use check::Checker;
pub use model::*;
