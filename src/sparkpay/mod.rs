//! Spark Pay (Cart.com Online Store, formerly AmeriCommerce): typed webhook requests, typed
//! replies, and the subscription a partner registers.
//!
//! (Module documentation is completed below as the module grows.)

mod de;
mod event_type;
pub mod models;

pub use event_type::{EventType, UnknownEventType, REPLY_DEADLINE};
pub use models::*;
