//! A real `redis-server` for the tests: started on a free port of 127.0.0.1 with persistence
//! off, stopped (killed) when dropped, and able to stop and start again on the same port.

// Each test binary uses part of this.
#![allow(dead_code)]

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long a server may take to accept connections after it is started.
const START_DEADLINE: Duration = Duration::from_secs(10);

pub struct RedisServer {
    port: u16,
    password: Option<String>,
    tls: Option<Certificates>,
    process: Option<Child>,
}

impl RedisServer {
    /// A server on a free port; fails the test, saying how to install it, when there is no
    /// `redis-server` on the PATH.
    pub fn start() -> Self {
        Self::start_with_password(None)
    }

    /// A server that asks for `password` (`requirepass`).
    pub fn start_with_password(password: Option<&str>) -> Self {
        Self::start_with(password, None)
    }

    /// A server that speaks TLS only, with a certificate for 127.0.0.1 that `certificates`
    /// signed.
    pub fn start_tls(certificates: Certificates) -> Self {
        Self::start_with(None, Some(certificates))
    }

    fn start_with(password: Option<&str>, tls: Option<Certificates>) -> Self {
        let port = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .and_then(|listener| listener.local_addr())
            .expect("a free port on 127.0.0.1")
            .port();
        let mut server = Self {
            port,
            password: password.map(str::to_owned),
            tls,
            process: None,
        };
        server.resume();
        server
    }

    /// `redis://127.0.0.1:port/` (`rediss://` with TLS), with the password if it has one.
    pub fn url(&self) -> String {
        let scheme = if self.tls.is_some() {
            "rediss"
        } else {
            "redis"
        };
        let credentials = match &self.password {
            Some(password) => format!(":{password}@"),
            None => String::new(),
        };
        format!("{scheme}://{credentials}127.0.0.1:{}/", self.port)
    }

    /// The certificates of a TLS server.
    pub fn certificates(&self) -> Option<&Certificates> {
        self.tls.as_ref()
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pid(&self) -> u32 {
        self.process.as_ref().expect("the server runs").id()
    }

    /// Kills the server and waits until it is gone.
    pub fn stop(&mut self) {
        if let Some(mut process) = self.process.take() {
            let _ = process.kill();
            let _ = process.wait();
        }
    }

    /// Starts the server again on its port, empty, and waits until it accepts connections.
    pub fn resume(&mut self) {
        self.stop();
        let mut command = Command::new("redis-server");
        let port = self.port.to_string();
        command.args(["--bind", "127.0.0.1"]);
        match &self.tls {
            None => command.args(["--port", &port]),
            Some(tls) => command
                .args([
                    "--port",
                    "0",
                    "--tls-port",
                    &port,
                    "--tls-auth-clients",
                    "no",
                ])
                .arg("--tls-cert-file")
                .arg(tls.dir.join("server.crt"))
                .arg("--tls-key-file")
                .arg(tls.dir.join("server.key"))
                .arg("--tls-ca-cert-file")
                .arg(tls.ca()),
        };
        command
            .args(["--save", "", "--appendonly", "no"])
            .args(["--dir", &std::env::temp_dir().to_string_lossy()])
            .args(["--loglevel", "warning"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        if let Some(password) = &self.password {
            command.args(["--requirepass", password]);
        }
        let process = match command.spawn() {
            Ok(process) => process,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
                "redis-server is not installed, and the Redis store's tests need it: \
                 run scripts/install-test-deps.sh"
            ),
            Err(error) => panic!("redis-server did not start: {error}"),
        };
        self.process = Some(process);
        let started = Instant::now();
        while TcpStream::connect((Ipv4Addr::LOCALHOST, self.port)).is_err() {
            if let Some(status) = self
                .process
                .as_mut()
                .and_then(|p| p.try_wait().ok())
                .flatten()
            {
                panic!("redis-server on port {} exited: {status}", self.port);
            }
            assert!(
                started.elapsed() < START_DEADLINE,
                "redis-server on port {} did not accept connections within {START_DEADLINE:?}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Sends the server `signal` (`"STOP"`, `"CONT"`) with `kill`.
    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -{signal} failed");
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        if let Some(process) = &self.process {
            // A server stopped by a failed test must not stay frozen.
            let _ = Command::new("kill")
                .arg("-CONT")
                .arg(process.id().to_string())
                .status();
        }
        self.stop();
    }
}

/// A certificate authority of its own, and a server certificate for 127.0.0.1 it signed, made
/// with the `openssl` command in a directory removed on drop.
pub struct Certificates {
    dir: PathBuf,
}

impl Certificates {
    pub fn new(name: &str) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir = std::env::temp_dir().join(format!(
            "commerce-webhooks-redis-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let certificates = Self { dir };
        let ec = [
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ];
        certificates.openssl(
            &[&["req", "-x509"], &ec[..], &["-days", "1", "-subj"]].concat(),
            &[
                &format!("/CN={name} test CA"),
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
            ],
        );
        certificates.openssl(
            &[&["req"], &ec[..], &["-subj", "/CN=127.0.0.1"]].concat(),
            &["-keyout", "server.key", "-out", "server.csr"],
        );
        std::fs::write(
            certificates.dir.join("san.ext"),
            "subjectAltName=IP:127.0.0.1\n",
        )
        .unwrap();
        certificates.openssl(
            &[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
            ],
            &[
                "-CAcreateserial",
                "-days",
                "1",
                "-extfile",
                "san.ext",
                "-out",
                "server.crt",
            ],
        );
        certificates
    }

    /// The certificate authority's certificate (PEM).
    pub fn ca(&self) -> PathBuf {
        self.dir.join("ca.crt")
    }

    fn openssl(&self, args: &[&str], more: &[&str]) {
        let output = Command::new("openssl")
            .current_dir(&self.dir)
            .args(args)
            .args(more)
            .stdin(Stdio::null())
            .output();
        match output {
            Ok(output) if output.status.success() => {}
            Ok(output) => panic!(
                "openssl {args:?} {more:?} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            ),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => panic!(
                "openssl is not installed, and the TLS test needs it: \
                 run scripts/install-test-deps.sh"
            ),
            Err(error) => panic!("openssl did not start: {error}"),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Certificates {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
