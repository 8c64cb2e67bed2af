"""SIGTERM, as a service manager stops the service: the requests in flight are answered, the
background jobs stop, the process exits 0, and no request is cut off after its change was
made. On SQLite and on PostgreSQL.
"""
import concurrent.futures
import tempfile
import threading
import time

import pytest

from service import (Instance, PostgresDatabase, SQLiteDatabase, is_connection_error, referral_form, run,
                     sign_in)

REFERRER = "referrer.manchester@secureplace.example"
WORKERS = 8


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_sigterm_answers_the_requests_in_flight_and_stops_cleanly(kind):
    directory = tempfile.mkdtemp(prefix=f"secureplace-stop-{kind}.")
    database = SQLiteDatabase(directory) if kind == "sqlite" else PostgresDatabase("sp_graceful_stop")
    instance = Instance(database.url, directory, f"stop-{kind}", "--job-interval", "1")
    try:
        run("demo", "--database", database.url, "--months", "3")
        instance.start()
        referrer = sign_in(instance.base, REFERRER)
        lock = threading.Lock()
        answered, unanswered = {}, []  # marker → time answered; markers sent and not answered
        terminated_at = []

        def write(worker):
            number = 0
            while not terminated_at or time.monotonic() < terminated_at[0] + 5:
                number += 1
                marker = f"TERM-{worker}-{number}"
                form = referral_form(f"Stop {marker}")
                form["localAuthorityReference"] = marker
                try:
                    status, _, _ = referrer.request("POST", "/api/v1/referrals", body=form, timeout=30)
                except ConnectionRefusedError:
                    if terminated_at:
                        return  # the listener is closed: stopped taking new work
                    raise
                except Exception as error:
                    if not is_connection_error(error):
                        raise
                    with lock:
                        unanswered.append(marker)
                    continue
                assert status == 201, (marker, status)
                with lock:
                    answered[marker] = time.monotonic()

        with concurrent.futures.ThreadPoolExecutor(max_workers=WORKERS) as pool:
            workers = [pool.submit(write, worker) for worker in range(WORKERS)]
            time.sleep(2.5)
            terminated_at.append(time.monotonic())
            exit_code = instance.terminate()
            for worker in workers:
                worker.result()
        assert exit_code == 0, instance.log()
        log = instance.log()
        assert " failed" not in log and "error" not in log.lower(), log
        during_stop = [marker for marker, at in answered.items() if at > terminated_at[0]]
        assert during_stop, "some requests were still running when SIGTERM came, and were answered"

        found = {marker: int(count) for marker, count in database.query(
            "SELECT local_authority_reference, count(*) FROM child_identities "
            "WHERE local_authority_reference LIKE 'TERM-%' GROUP BY local_authority_reference")}
        assert all(found.get(marker) == 1 for marker in answered), "every answered write is there, once"
        cut_off = [marker for marker in unanswered if marker in found]
        assert cut_off == [], "a request whose change was made was cut off before its answer"
        assert "The audit trail is intact" in run("audit", "verify", "--database", database.url)
        print(f"{kind}: {len(answered)} writes answered, {len(during_stop)} of them after SIGTERM; "
              f"{len(unanswered)} sent as it stopped and not made")
    finally:
        instance.stop()
        database.drop()
