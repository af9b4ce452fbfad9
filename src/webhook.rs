//! The `Webhook` type of every provider that authenticates by a header (LeaseCloud, Montly,
//! EZQ, Kinguin): one definition of the methods they share, and of their [`Provider`]
//! implementation.
//!
//! [`Provider`]: crate::Provider

/// Defines `Webhook` in the calling module, wrapping the scheme verifier `$verifier` that
/// reads `$header` (a `HeaderKey`). The module supplies, as inherent methods of `Webhook`:
///
/// - `fn authenticate(&self, request: &Request<'_>, now_unix: i64) -> Result<$verified, VerifyError>`
/// - `fn unparsed(error: &ParseError) -> Reply`: the answer for an authentic body that did not
///   parse;
///
/// and `Event::from_request(request: &Request<'_>) -> Result<Event, Error>`, the event of an
/// authentic request. With `view: EventView`, the module's borrowed event type, it also
/// supplies `EventView::parse_request(request: &Request<'a>) -> Result<EventView<'a>, ParseError>`,
/// and that is the provider's `Provider::EventView`; without, the owned `Event` is.
macro_rules! header_webhook {
    (
        provider: $provider:literal,
        header: $header:expr,
        verifier: $verifier:ty,
        verified: $verified:ty,
        $(view: $view:ident,)?
    ) => {
        #[doc = concat!("Verifies ", $provider, " webhooks and parses them into [`Event`]s.")]
        ///
        /// Build it once at start-up and share it (it is cheap to clone); each request costs
        /// one check per configured secret. It implements [`Provider`](crate::Provider), so
        /// the crate's framework adapters and any code written over `Provider` accept it.
        #[derive(Debug, Clone)]
        pub struct Webhook {
            verifier: $verifier,
        }

        impl Webhook {
            /// A verifier with one secret.
            pub fn new(secret: $crate::Secret) -> Self {
                Webhook {
                    verifier: <$verifier>::new($header.name(), secret),
                }
            }

            /// A verifier that accepts any of `secrets`, newest first: use it while a secret
            /// is being rotated.
            ///
            /// # Errors
            /// [`ConfigError::NoSecrets`](crate::ConfigError::NoSecrets) or
            /// [`ConfigError::TooManySecrets`](crate::ConfigError::TooManySecrets) outside one
            /// to [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
            pub fn with_secrets(
                secrets: impl IntoIterator<Item = $crate::Secret>,
            ) -> Result<Self, $crate::ConfigError> {
                Ok(Webhook {
                    verifier: <$verifier>::with_secrets($header.name(), secrets)?,
                })
            }

            /// Verifies the request against the system clock, then parses its body.
            ///
            /// # Errors
            /// As [`Webhook::verify_at`].
            pub fn verify<H: $crate::Headers + ?Sized>(
                &self,
                headers: &H,
                body: impl AsRef<[u8]>,
            ) -> Result<Event, $crate::Error> {
                let body = body.as_ref();
                $crate::Provider::verify_request(self, &$crate::Request::new(&headers, body))
            }

            /// Verifies the request as if it arrived at `now`, then parses its body.
            ///
            /// # Errors
            /// [`Error::Verify`](crate::Error::Verify) when the request is not proven to come
            #[doc = concat!("from ", $provider, " (answer 401); [`Error::Parse`](crate::Error::Parse)")]
            /// when the authentic body does not have the documented shape (see the module
            /// documentation for what to answer then).
            pub fn verify_at<H: $crate::Headers + ?Sized>(
                &self,
                headers: &H,
                body: impl AsRef<[u8]>,
                now: time::OffsetDateTime,
            ) -> Result<Event, $crate::Error> {
                let body = body.as_ref();
                $crate::Provider::verify_request_at(self, &$crate::Request::new(&headers, body), now)
            }

            /// Checks only that the request comes from the provider, against the system
            /// clock, leaving the body to be parsed later (after a queue, say) with
            /// [`Event::parse`].
            ///
            /// # Errors
            /// As [`Webhook::verify_signature_at`].
            pub fn verify_signature<H: $crate::Headers + ?Sized>(
                &self,
                headers: &H,
                body: impl AsRef<[u8]>,
            ) -> Result<$verified, $crate::VerifyError> {
                let body = body.as_ref();
                self.authenticate(&$crate::Request::new(&headers, body), $crate::clock::unix_now())
            }

            /// Checks only that the request comes from the provider, as if it arrived at `now`
            /// (which matters only where a timestamp is signed).
            ///
            /// # Errors
            /// The [`VerifyError`](crate::VerifyError) that says what did not check out.
            pub fn verify_signature_at<H: $crate::Headers + ?Sized>(
                &self,
                headers: &H,
                body: impl AsRef<[u8]>,
                now: time::OffsetDateTime,
            ) -> Result<$verified, $crate::VerifyError> {
                let body = body.as_ref();
                self.authenticate(&$crate::Request::new(&headers, body), now.unix_timestamp())
            }

            fn verify_unix(
                &self,
                request: &$crate::Request<'_>,
                now_unix: i64,
            ) -> Result<Event, $crate::Error> {
                self.authenticate(request, now_unix)?;
                Event::from_request(request)
            }
        }

        impl $crate::Provider for Webhook {
            type Event = Event;

            const NAME: &'static str = PROVIDER;

            fn verify_request(&self, request: &$crate::Request<'_>) -> Result<Event, $crate::Error> {
                self.verify_unix(request, $crate::clock::unix_now())
            }

            fn verify_request_at(
                &self,
                request: &$crate::Request<'_>,
                now: time::OffsetDateTime,
            ) -> Result<Event, $crate::Error> {
                self.verify_unix(request, now.unix_timestamp())
            }

            fn verify_request_signature(
                &self,
                request: &$crate::Request<'_>,
            ) -> Result<(), $crate::VerifyError> {
                self.authenticate(request, $crate::clock::unix_now()).map(|_| ())
            }

            $crate::webhook::header_webhook!(@view $($view)?);

            fn unparsed_reply(error: &$crate::ParseError) -> $crate::Reply {
                Webhook::unparsed(error)
            }
        }
    };
    // A provider whose event has a borrowed form: `$view<'a>` and its `parse_request`.
    (@view $view:ident) => {
        type EventView<'a> = $view<'a>;

        fn parse_request_view<'a>(
            request: &$crate::Request<'a>,
        ) -> Result<$view<'a>, $crate::Error> {
            Ok($view::parse_request(request)?)
        }
    };
    // The others: the owned event.
    (@view) => {
        type EventView<'a> = Event;

        fn parse_request_view(request: &$crate::Request<'_>) -> Result<Event, $crate::Error> {
            Event::from_request(request)
        }
    };
}

pub(crate) use header_webhook;

/// [`header_webhook!`] for a provider that signs with the
/// [timestamped scheme](crate::scheme::timestamped) (LeaseCloud, and Montly, its earlier name),
/// with what that scheme adds: the tolerance, and the headers the provider would send. The
/// module has `SIGNATURE_HEADER`, `VERSION_HEADER`, `DOCUMENTED_VERSION` and `PROVIDER`.
macro_rules! timestamped_webhook {
    (provider: $provider:literal, header: $header:expr $(, view: $view:ident)?) => {
        $crate::webhook::header_webhook! {
            provider: $provider,
            header: $header,
            verifier: $crate::scheme::timestamped::Verifier,
            verified: $crate::scheme::timestamped::Verified,
            $(view: $view,)?
        }

        impl Webhook {
            /// How far the signed timestamp may be from now, either way (inclusive; default
            /// 300 s).
            #[must_use]
            pub fn tolerance(self, tolerance: time::Duration) -> Self {
                Webhook {
                    verifier: self.verifier.tolerance(tolerance),
                }
            }

            #[doc = concat!("The headers ", $provider, " would send with `body` signed by `secret` at")]
            /// `unix_seconds`: the signature and the [`DOCUMENTED_VERSION`]. For a partner's own
            /// tests.
            pub fn sign_headers(
                secret: &$crate::Secret,
                unix_seconds: i64,
                body: impl AsRef<[u8]>,
            ) -> [(&'static str, String); 2] {
                [
                    (
                        SIGNATURE_HEADER,
                        $crate::scheme::timestamped::sign(secret, unix_seconds, body),
                    ),
                    (VERSION_HEADER, DOCUMENTED_VERSION.to_owned()),
                ]
            }

            fn authenticate(
                &self,
                request: &$crate::Request<'_>,
                now_unix: i64,
            ) -> Result<$crate::scheme::timestamped::Verified, $crate::VerifyError> {
                let value = request.required_header(&$header)?;
                self.verifier
                    .verify_value_at_unix(value, request.body(), now_unix)
            }
        }
    };
}

pub(crate) use timestamped_webhook;
