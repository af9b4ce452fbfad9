//! The `Webhook` type of a provider that signs with the timestamped scheme (LeaseCloud and
//! Montly, which is LeaseCloud under its earlier name): one definition, two providers.

/// Defines `Webhook` in the calling module, which must have `SIGNATURE_HEADER`,
/// `VERSION_HEADER`, `DOCUMENTED_VERSION` and an `Event` with `parse(&[u8])`.
macro_rules! timestamped_webhook {
    ($provider:literal) => {
        #[doc = concat!("Verifies ", $provider, " webhooks and parses them into [`Event`]s.")]
        ///
        /// Build it once at start-up and share it; each request costs one HMAC per configured
        /// secret.
        #[derive(Debug, Clone)]
        pub struct Webhook {
            verifier: $crate::scheme::timestamped::Verifier,
        }

        impl Webhook {
            /// A verifier with one secret and the default tolerance of 300 seconds.
            pub fn new(secret: $crate::Secret) -> Self {
                Webhook {
                    verifier: $crate::scheme::timestamped::Verifier::new(SIGNATURE_HEADER, secret),
                }
            }

            /// A verifier that accepts a signature made with any of `secrets`, newest first:
            /// use it while a secret is being rotated.
            ///
            /// # Errors
            /// [`ConfigError::NoSecrets`](crate::ConfigError::NoSecrets) or
            /// [`ConfigError::TooManySecrets`](crate::ConfigError::TooManySecrets) outside one
            /// to [`MAX_SECRETS`](crate::MAX_SECRETS) secrets.
            pub fn with_secrets(
                secrets: impl IntoIterator<Item = $crate::Secret>,
            ) -> Result<Self, $crate::ConfigError> {
                Ok(Webhook {
                    verifier: $crate::scheme::timestamped::Verifier::with_secrets(
                        SIGNATURE_HEADER,
                        secrets,
                    )?,
                })
            }

            /// How far the signed timestamp may be from now, either way (inclusive; default
            /// 300 s).
            #[must_use]
            pub fn tolerance(self, tolerance: time::Duration) -> Self {
                Webhook {
                    verifier: self.verifier.tolerance(tolerance),
                }
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
                self.verify_at(headers, body, time::OffsetDateTime::now_utc())
            }

            /// Verifies the request as if it arrived at `now`, then parses its body.
            ///
            /// # Errors
            /// [`Error::Verify`](crate::Error::Verify) when the signature or its timestamp does
            /// not check out (answer 401); [`Error::Parse`](crate::Error::Parse) when the
            /// authentic body does not have the documented shape (answer 400).
            pub fn verify_at<H: $crate::Headers + ?Sized>(
                &self,
                headers: &H,
                body: impl AsRef<[u8]>,
                now: time::OffsetDateTime,
            ) -> Result<Event, $crate::Error> {
                let body = body.as_ref();
                self.verifier.verify_at(headers, body, now)?;
                Ok(Event::parse(body)?)
            }

            /// Checks only the signature and its timestamp, leaving the body to be parsed later
            /// (for instance after a queue) with [`Event::parse`].
            ///
            /// # Errors
            /// As [`timestamped::Verifier::verify_at`](crate::scheme::timestamped::Verifier::verify_at).
            pub fn verify_signature_at<H: $crate::Headers + ?Sized>(
                &self,
                headers: &H,
                body: impl AsRef<[u8]>,
                now: time::OffsetDateTime,
            ) -> Result<$crate::scheme::timestamped::Verified, $crate::VerifyError> {
                self.verifier.verify_at(headers, body.as_ref(), now)
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
        }
    };
}

pub(crate) use timestamped_webhook;
