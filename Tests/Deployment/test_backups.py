"""Backups taken while the service writes, restored, and checked: on SQLite with
`secureplace backup` and `secureplace restore`, on PostgreSQL with pg_dump and pg_restore as
docs/deployment.md says.
"""
import concurrent.futures
import os
import subprocess
import tempfile
import threading
import time

from service import (BINARY, POSTGRES_BIN, Instance, PostgresDatabase, SQLiteDatabase, is_connection_error,
                     referral_form, run, sign_in)

REFERRER = "referrer.manchester@secureplace.example"


class Writers:
    """Referrals created by several threads until stopped; when each was acknowledged."""

    def __init__(self, instance, prefix, count=4):
        self.referrer = sign_in(instance.base, REFERRER)
        self.prefix = prefix
        self.acknowledged = {}
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=count)
        self.workers = [self.pool.submit(self.write, worker) for worker in range(count)]

    def write(self, worker):
        number = 0
        while not self.stopping.is_set():
            number += 1
            marker = f"{self.prefix}-{worker}-{number}"
            form = referral_form(f"Backup {marker}")
            form["localAuthorityReference"] = marker
            try:
                status, _, _ = self.referrer.request("POST", "/api/v1/referrals", body=form, timeout=30)
            except Exception as error:
                if is_connection_error(error):
                    continue
                raise
            assert status == 201, (marker, status)
            with self.lock:
                self.acknowledged[marker] = time.monotonic()

    def stop(self):
        self.stopping.set()
        for worker in self.workers:
            worker.result()
        self.pool.shutdown()

    def acknowledged_before(self, moment):
        with self.lock:
            return {marker for marker, at in self.acknowledged.items() if at < moment}


def markers(database, prefix):
    return {row[0] for row in database.query(
        f"SELECT local_authority_reference FROM child_identities WHERE local_authority_reference LIKE '{prefix}-%'")}


def test_a_sqlite_backup_taken_under_write_load_restores_and_verifies():
    directory = tempfile.mkdtemp(prefix="secureplace-backup.")
    database = SQLiteDatabase(directory)
    copy = os.path.join(directory, "copy.sqlite")
    instance = Instance(database.url, directory, "backup")
    try:
        run("demo", "--database", database.url, "--months", "3")
        instance.start()
        writers = Writers(instance, "BACKUP")
        time.sleep(2)
        started = time.monotonic()
        output = run("backup", "--database", database.url, "--out", copy)
        assert "audit trail is intact" in output, output
        time.sleep(1)
        writers.stop()
        refused = subprocess.run([BINARY, "restore", "--database", database.url, "--from", copy],
                                 capture_output=True, text=True)
        assert refused.returncode != 0 and "stop it before restoring" in refused.stderr, refused
        assert markers(database, "BACKUP") >= set(writers.acknowledged), "the refused restore changed nothing"
        assert instance.terminate() == 0

        output = run("restore", "--database", database.url, "--from", copy)
        assert "audit trail is intact" in output, output
        restored = markers(database, "BACKUP")
        before = writers.acknowledged_before(started)
        assert before and before <= restored, "everything acknowledged before the backup began is in it"
        assert restored < set(writers.acknowledged), "what came after the copy is not"
        assert "The audit trail is intact" in run("audit", "verify", "--database", database.url)
        instance.start()
        assert instance.terminate() == 0
        print(f"sqlite: {len(writers.acknowledged)} referrals written, {len(before)} before the backup began, "
              f"{len(restored)} restored")
    finally:
        instance.stop()


def test_a_postgres_dump_taken_under_write_load_restores_and_verifies():
    directory = tempfile.mkdtemp(prefix="secureplace-dump.")
    database = PostgresDatabase("sp_dump_source")
    restored_database = PostgresDatabase("sp_dump_restored")
    dump = os.path.join(directory, "secureplace.dump")
    instance = Instance(database.url, directory, "dump")
    try:
        run("demo", "--database", database.url, "--months", "3")
        instance.start()
        writers = Writers(instance, "DUMP")
        time.sleep(2)
        started = time.monotonic()
        subprocess.run([os.path.join(POSTGRES_BIN, "pg_dump"), "--format=custom", "--file", dump, database.url],
                       check=True, capture_output=True)
        time.sleep(1)
        writers.stop()
        assert instance.terminate() == 0
        subprocess.run([os.path.join(POSTGRES_BIN, "pg_restore"), "--no-owner", "--exit-on-error",
                        "--dbname", restored_database.url, dump], check=True, capture_output=True)
        assert "The audit trail is intact" in run("audit", "verify", "--database", restored_database.url)
        restored = markers(restored_database, "DUMP")
        before = writers.acknowledged_before(started)
        assert before and before <= restored, "everything acknowledged before the dump began is in it"
        # The restored database is a deployment's: its schema is current.
        restored_instance = Instance(restored_database.url, directory, "restored", "--no-migrate")
        restored_instance.start()
        assert restored_instance.terminate() == 0
        print(f"postgres: {len(writers.acknowledged)} referrals written, {len(before)} before the dump began, "
              f"{len(restored)} restored")
    finally:
        instance.stop()
        database.drop()
        restored_database.drop()
