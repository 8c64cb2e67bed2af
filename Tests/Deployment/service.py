"""Real `secureplace` processes and a small HTTP client, for the deployment tests.

The tests here run the built binary as an operator would (`migrate`, `demo`, `serve`,
`audit verify`) against the throwaway PostgreSQL that `scripts/test` starts, or a SQLite file,
and drive it through its JSON API and pages over real sockets.
"""
import datetime
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.parse

BINARY = os.environ.get("SECUREPLACE_BINARY", ".build/debug/secureplace")
POSTGRES_ADMIN_URL = os.environ.get("SECUREPLACE_TEST_POSTGRES_URL")
POSTGRES_BIN = os.environ.get("SECUREPLACE_POSTGRES_BIN", "/usr/bin")
PSQL = os.path.join(POSTGRES_BIN, "psql")
DEMO_PASSWORD = "synthetic-demo"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(*arguments, timeout=600, environment=None):
    """Runs one `secureplace` command to the end; its output, or an error with the output."""
    completed = subprocess.run(
        [BINARY, *arguments], capture_output=True, text=True, timeout=timeout,
        env={**os.environ, **(environment or {})})
    if completed.returncode != 0:
        raise AssertionError(f"secureplace {' '.join(arguments)} exited {completed.returncode}:\n"
                             f"{completed.stdout}\n{completed.stderr}")
    return completed.stdout


class PostgresDatabase:
    """A new database on the test server, dropped at the end."""

    def __init__(self, name):
        if POSTGRES_ADMIN_URL is None:
            raise AssertionError("SECUREPLACE_TEST_POSTGRES_URL is not set: run scripts/test")
        self.name = name
        admin = urllib.parse.urlsplit(POSTGRES_ADMIN_URL)
        self.url = urllib.parse.urlunsplit(admin._replace(path=f"/{name}"))
        self.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self.admin(f"CREATE DATABASE {name}")

    def admin(self, statement):
        subprocess.run([PSQL, POSTGRES_ADMIN_URL, "-q", "-v", "ON_ERROR_STOP=1", "-c", statement],
                       check=True, capture_output=True)

    def query(self, statement):
        """Rows of a query, as lists of strings."""
        output = subprocess.run([PSQL, self.url, "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", statement],
                                check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in output.splitlines() if line]

    @staticmethod
    def id_text(column):
        """A UUID column as the upper-case text the audit trail names objects by."""
        return f"upper({column}::text)"

    def drop(self):
        self.admin(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


class Instance:
    """One `secureplace serve` process on its own port."""

    def __init__(self, database_url, directory, name, *options, environment=None):
        self.database_url = database_url
        self.environment = environment
        self.directory = directory
        self.name = name
        self.options = options
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log_path = os.path.join(directory, f"{name}.log")

    def start(self, timeout=180):
        log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--database", self.database_url, "--port", str(self.port), *self.options],
            cwd=self.directory, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(self.environment or {})})
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited {self.process.returncode}:\n{self.log()}")
            try:
                if Client(self.base).get("/healthz")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name} did not answer /healthz in {timeout} s:\n{self.log()}")

    def log(self):
        with open(self.log_path) as file:
            return file.read()[-4000:]

    def terminate(self, timeout=30):
        """SIGTERM, as a service manager stops it; its exit code."""
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            try:
                self.terminate()
            except subprocess.TimeoutExpired:
                self.kill()


class Client:
    """JSON and form requests to one instance, signed in by a bearer token or a cookie."""

    def __init__(self, base, token=None, cookies=None):
        self.base = base
        self.token = token
        self.cookies = dict(cookies or {})

    def request(self, method, path, body=None, form=None, timeout=60):
        address = urllib.parse.urlsplit(self.base)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=timeout)
        headers = {"Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Accept"] = "text/html"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name] = rest.split(";")[0]
            try:
                answer = json.loads(text) if text else None
            except ValueError:
                answer = text
            return response.status, answer, response.headers
        finally:
            connection.close()

    def get(self, path):
        status, answer, _ = self.request("GET", path)
        return status, answer

    def post(self, path, body=None):
        status, answer, _ = self.request("POST", path, body=body if body is not None else {})
        return status, answer


def sign_in(base, email):
    """A bearer token for a demo user."""
    status, answer = Client(base).post("/api/v1/sessions", {"email": email, "password": DEMO_PASSWORD})
    assert status == 201, (email, status, answer)
    return Client(base, token=answer["token"])


def sign_in_with_form(base, email):
    """A browser's session: the sign-in page's CSRF cookie and field, then the form."""
    browser = Client(base)
    status, page, _ = browser.request("GET", "/sign-in")
    assert status == 200
    token = re.search(r'name="csrfToken" value="([^"]+)"', page).group(1)
    status, _, headers = browser.request(
        "POST", "/sign-in", form={"email": email, "password": DEMO_PASSWORD, "csrfToken": token, "next": "/"})
    assert status in (302, 303), status
    assert "secureplace-session" in browser.cookies
    return browser


def referral_form(given_name, urgency="emergency"):
    """A referral the service accepts today: a child of 14, an interim order for four weeks."""
    today = datetime.date.today()
    return {
        "givenName": given_name, "familyName": "Example",
        "dateOfBirth": today.replace(year=today.year - 14, day=min(today.day, 28)).isoformat(),
        "sex": "male", "localAuthorityReference": "DEPLOY-1", "orderStatus": "interim-order",
        "orderStartsOn": today.isoformat(), "orderEndsOn": (today + datetime.timedelta(days=28)).isoformat(),
        "urgency": urgency, "dateNeeded": today.isoformat(),
        "summary": "Synthetic child for the deployment tests.",
    }


class SQLiteDatabase:
    """A SQLite file in a directory of its own."""

    def __init__(self, directory):
        self.path = os.path.join(directory, "secureplace.sqlite")
        self.url = "sqlite:///" + self.path  # the path is absolute: four slashes in all

    def query(self, statement):
        import sqlite3
        connection = sqlite3.connect(self.path, timeout=30)
        try:
            return [["" if value is None else str(value) for value in row]
                    for row in connection.execute(statement).fetchall()]
        finally:
            connection.close()

    @staticmethod
    def id_text(column):
        """A UUID column as the upper-case text the audit trail names objects by."""
        return column

    def drop(self):
        pass


def is_connection_error(error):
    """The service was not there, or went away before it answered."""
    return isinstance(error, (ConnectionError, http.client.RemoteDisconnected, http.client.IncompleteRead,
                              socket.timeout, TimeoutError, OSError))
