//! Secrets from the environment or from files, never from the command line: an argument stays
//! in the shell's history and shows in `ps`.

use std::path::{Path, PathBuf};

use commerce_webhooks::{Secret, MAX_SECRETS};

/// Where one `--secret-env` or `--secret-file` says to read secrets.
#[derive(Debug, Clone)]
pub enum SecretSource {
    /// The value of an environment variable.
    Env(String),
    /// One secret per non-empty line of a file.
    File(PathBuf),
}

/// The secrets of `sources`, in the order given (newest first, as a verifier takes them).
///
/// # Errors
/// A message naming the variable, file or line at fault, never a secret: none given, a
/// variable not set, a file unreadable or empty, a secret the library refuses (surrounding
/// whitespace), more than a verifier holds.
pub fn load(sources: &[SecretSource]) -> Result<Vec<Secret>, String> {
    let mut secrets = Vec::new();
    for source in sources {
        match source {
            SecretSource::Env(var) => {
                let text = std::env::var_os(var)
                    .ok_or_else(|| format!("--secret-env {var}: the variable is not set"))?
                    .into_string()
                    .map_err(|_| format!("--secret-env {var}: the value is not valid UTF-8"))?;
                secrets.push(
                    Secret::new(text).map_err(|error| format!("--secret-env {var}: {error}"))?,
                );
            }
            SecretSource::File(path) => secrets.extend(from_file(path)?),
        }
    }
    if secrets.is_empty() {
        return Err(
            "give the secret with --secret-env VAR or --secret-file FILE (a secret on \
                    the command line would stay in the shell's history)"
                .to_owned(),
        );
    }
    if secrets.len() > MAX_SECRETS {
        return Err(format!(
            "{} secrets given: a verifier takes at most {MAX_SECRETS}",
            secrets.len()
        ));
    }
    Ok(secrets)
}

/// One secret per non-empty line, without its line ending (LF or CRLF).
fn from_file(path: &Path) -> Result<Vec<Secret>, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|error| format!("--secret-file {shown}: {error}"))?;
    let mut secrets = Vec::new();
    for (index, line) in crate::capture::lines(&bytes).enumerate() {
        if line.is_empty() {
            continue;
        }
        let secret = Secret::new(line)
            .map_err(|error| format!("--secret-file {shown}, line {}: {error}", index + 1))?;
        secrets.push(secret);
    }
    if secrets.is_empty() {
        return Err(format!("--secret-file {shown}: the file holds no secret"));
    }
    Ok(secrets)
}
