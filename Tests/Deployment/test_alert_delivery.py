"""E-mail alerts through the outbox, delivered by a real SMTP server (aiosmtpd), from two
instances on one PostgreSQL database, with the mail server stopped in the middle of the run.

Each alert carries its outbox id in its Message-ID, so the server's inbox shows whether any
alert was lost or sent twice.
"""
import email
import email.policy
import tempfile
import threading
import time

import pytest
from aiosmtpd.controller import Controller

from service import Instance, PostgresDatabase, free_port, referral_form, run, sign_in

COORDINATOR = "coordinator@secureplace.example"
REFERRER = "referrer.manchester@secureplace.example"
AUTHORITY_MANAGER = "manager.manchester@secureplace.example"


class Inbox:
    """What the mail server accepted: one parsed message per recipient."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            for recipient in envelope.rcpt_tos:
                self.messages.append((recipient, message))
        return "250 Message accepted for delivery"

    def message_ids(self):
        with self.lock:
            return [message["Message-ID"] for _, message in self.messages]


class MailServer:
    """aiosmtpd on a fixed port, which can be stopped and started again."""

    def __init__(self, inbox):
        self.inbox = inbox
        self.port = free_port()
        self.controller = None

    def start(self):
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        self.controller.stop()
        self.controller = None


def wait_for(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} did not happen within {timeout} s")


@pytest.fixture(scope="module")
def deployment():
    database = PostgresDatabase("sp_alert_delivery")
    directory = tempfile.mkdtemp(prefix="secureplace-alerts.")
    inbox = Inbox()
    server = MailServer(inbox)
    server.start()
    instances = []
    try:
        run("migrate", "--database", database.url)
        run("demo", "--database", database.url, "--months", "3")
        environment = {"SMTP_URL": f"smtp://127.0.0.1:{server.port}", "MAIL_FROM": "alerts@secureplace.example",
                       "PUBLIC_URL": "https://secureplace.example"}
        for name in ("first", "second"):
            instance = Instance(database.url, directory, name, "--no-migrate", "--job-interval", "2",
                                "--mail-interval", "1", "--mail-retry-after", "1", environment=environment)
            instances.append(instance.start())
        yield database, instances, server, inbox
    finally:
        for instance in instances:
            instance.stop()
        if server.controller is not None:
            server.stop()
        database.drop()


def circulate(instances, name):
    """A Manchester referral made on the first instance, submitted and circulated on the second."""
    first, second = instances
    form = referral_form(name)
    status, referral = sign_in(first.base, REFERRER).post("/api/v1/referrals", form)
    assert status == 201, referral
    status, answer = sign_in(second.base, AUTHORITY_MANAGER).post(f"/api/v1/referrals/{referral['id']}/submit")
    assert status == 200, answer
    status, answer = sign_in(first.base, COORDINATOR).post(f"/api/v1/referrals/{referral['id']}/circulate")
    assert status == 200, answer
    return referral["id"]


def outbox(database):
    rows = database.query("SELECT id::text, status, attempts FROM alert_outbox")
    return {row[0]: (row[1], int(row[2])) for row in rows}


def test_a_mail_server_stopped_mid_run_loses_nothing_and_sends_each_alert_once(deployment):
    database, instances, server, inbox = deployment
    circulate(instances, "Before")
    wait_for(lambda: outbox(database) and all(status == "sent" for status, _ in outbox(database).values()),
             60, "the first alerts being sent")
    sent_before = len(outbox(database))
    assert len(inbox.message_ids()) == sent_before

    server.stop()
    for index in range(3):
        circulate(instances, f"During{index}")
    wait_for(lambda: int(database.query("SELECT count(*) FROM alert_attempts WHERE NOT succeeded")[0][0]) >= 3,
             60, "failed attempts while the mail server is down")
    waiting = [row for row in outbox(database).values() if row[0] == "pending"]
    assert waiting, "alerts wait in the outbox while the mail server is down"
    assert len(inbox.message_ids()) == sent_before, "nothing reached the stopped server"

    server.start()
    wait_for(lambda: all(status == "sent" for status, _ in outbox(database).values()), 120,
             "every alert being sent after the mail server returned")
    alerts = outbox(database)
    received = inbox.message_ids()
    expected = sorted(f"<{alert_id}@secureplace.alerts>" for alert_id in alerts)
    assert sorted(received) == expected, "each alert exactly once"
    failed_attempts = int(database.query("SELECT count(*) FROM alert_attempts WHERE NOT succeeded")[0][0])
    retried = sum(1 for _, attempts in alerts.values() if attempts > 1)
    print(f"\n{len(alerts)} alerts ({sent_before} before the mail server stopped, {len(alerts) - sent_before} "
          f"while it was down); {failed_attempts} failed attempts on {retried} alerts; {len(received)} e-mails "
          f"received, {len(set(received))} distinct")


def test_an_alert_names_the_pseudonym_and_links_to_the_referral_never_the_name(deployment):
    database, instances, server, inbox = deployment
    referral = circulate(instances, "Zebedee")
    wait_for(lambda: any(referral.lower() in message.get_content().lower() for _, message in inbox.messages),
             60, "the circulation alert")
    recipient, message = next((recipient, message) for recipient, message in inbox.messages
                              if referral.lower() in message.get_content().lower())
    body = message.get_content()
    assert recipient.startswith("manager.sch-")
    assert message["From"] == "SecurePlace <alerts@secureplace.example>"
    assert f"https://secureplace.example/referrals/{referral.upper()}" in body
    pseudonym = database.query(
        f"SELECT c.pseudonym FROM children c JOIN referrals r ON r.child_id = c.id WHERE r.id = '{referral}'")[0][0]
    assert pseudonym in message["Subject"] and pseudonym in body
    assert "Zebedee" not in message.as_string() and "Example" not in body


def self_signed_certificate(directory):
    """A certificate for localhost and its key, made here, for the TLS tests."""
    import subprocess
    certificate, key = f"{directory}/mail.pem", f"{directory}/mail.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate],
                   check=True, capture_output=True)
    return certificate, key


@pytest.mark.parametrize("security", ["smtps", "smtp+starttls"])
def test_alerts_go_over_tls_to_a_server_whose_certificate_is_trusted(security):
    import ssl
    from service import SQLiteDatabase
    directory = tempfile.mkdtemp(prefix="secureplace-alerts-tls.")
    certificate, key = self_signed_certificate(directory)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    inbox = Inbox()
    port = free_port()
    if security == "smtps":
        controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=context)
    else:
        controller = Controller(inbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True)
    controller.start()
    database = SQLiteDatabase(directory)
    instance = None
    try:
        run("demo", "--database", database.url, "--months", "3")
        instance = Instance(database.url, directory, "tls", "--mail-interval", "1", environment={
            "SMTP_URL": f"{security}://localhost:{port}", "SMTP_CA_FILE": certificate}).start()
        circulate([instance, instance], f"Tls{security.replace('+', '')}")
        wait_for(lambda: inbox.message_ids(), 60, "an alert over TLS")
        sent = database.query("SELECT count(*) FROM alert_outbox WHERE status = 'sent'")[0][0]
        assert int(sent) == len(inbox.message_ids()) > 0
    finally:
        if instance is not None:
            instance.stop()
        controller.stop()


def test_an_untrusted_certificate_is_refused_and_the_alert_waits():
    from service import SQLiteDatabase
    import ssl
    directory = tempfile.mkdtemp(prefix="secureplace-alerts-untrusted.")
    certificate, key = self_signed_certificate(directory)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificate, key)
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, ssl_context=context)
    controller.start()
    database = SQLiteDatabase(directory)
    instance = None
    try:
        run("demo", "--database", database.url, "--months", "3")
        instance = Instance(database.url, directory, "untrusted", "--mail-interval", "1",
                            environment={"SMTP_URL": f"smtps://localhost:{port}"}).start()
        circulate([instance, instance], "Untrusted")
        wait_for(lambda: int(database.query("SELECT count(*) FROM alert_attempts")[0][0]) > 0, 60, "an attempt")
        assert inbox.message_ids() == []
        statuses = {row[0] for row in database.query("SELECT status FROM alert_outbox")}
        assert statuses == {"pending"}
    finally:
        if instance is not None:
            instance.stop()
        controller.stop()
