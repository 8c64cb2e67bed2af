"""Nothing acknowledged is lost when the process dies, and nothing half-written is kept.

A load generator drives referrals through the API (create, submit, circulate, a home's offer,
the authority's accept, a withdrawal that frees the bed again) and closes and reopens beds,
recording every write the service acknowledged with 2xx. The service is killed with SIGKILL
at random moments, several times, and restarted. Afterwards every acknowledged write is
there, exactly once; every referral the load made has its audit event; every reserved bed is
held by an accepted offer; the audit chain verifies. On SQLite and on PostgreSQL.
"""
import collections
import concurrent.futures
import random
import tempfile
import threading
import time

import pytest

from service import (Instance, PostgresDatabase, SQLiteDatabase, is_connection_error, referral_form, run,
                     sign_in)

REFERRER = "referrer.manchester@secureplace.example"
AUTHORITY_MANAGER = "manager.manchester@secureplace.example"
COORDINATOR = "coordinator@secureplace.example"
HOME_MANAGER = "manager.sch-ne-01@secureplace.example"
OTHER_HOME_MANAGER = "manager.sch-ne-02@secureplace.example"
KILLS = 5
JOURNEY_WORKERS = 4


class Acknowledged:
    """What the service said it had done, and anything it answered with 5xx."""

    def __init__(self):
        self.lock = threading.Lock()
        self.created = {}  # marker → referral id
        self.steps = collections.defaultdict(set)  # step → referral ids
        self.responses = set()
        self.closes = collections.Counter()  # bed → acknowledged closes
        self.server_errors = []
        self.count = 0

    def add(self, step, value):
        with self.lock:
            self.count += 1
            if step == "created":
                self.created[value[0]] = value[1]
            elif step == "responded":
                self.responses.add(value)
            elif step == "closed":
                self.closes[value] += 1
            else:
                self.steps[step].add(value)


class Load:
    """Workers that keep writing until told to stop; a dead service is an unacknowledged write."""

    def __init__(self, instance, home_id, acknowledged):
        self.instance = instance
        self.home_id = home_id
        self.acknowledged = acknowledged
        self.stopping = threading.Event()
        self.clients = {}

    def client(self, email):
        # Tokens are rows in the database: one sign-in lasts through every restart.
        if email not in self.clients:
            self.clients[email] = sign_in(self.instance.base, email)
        return self.clients[email]

    def send(self, email, path, body=None, method="POST"):
        """The answer's status and body; None when the service did not answer."""
        try:
            status, answer, _ = self.client(email).request(method, path, body=body if body is not None else {},
                                                           timeout=30)
        except Exception as error:
            if is_connection_error(error):
                return None, None
            raise
        if status >= 500:
            self.acknowledged.server_errors.append((path, status, answer))
        return status, answer

    def journeys(self, worker):
        number = 0
        while not self.stopping.is_set():
            number += 1
            try:
                self.journey(f"CRASH-{worker}-{number}")
            except Exception as error:
                if not is_connection_error(error):
                    raise
                time.sleep(0.1)

    def journey(self, marker):
        form = referral_form(f"Crash {marker}")
        form["localAuthorityReference"] = marker
        status, referral = self.send(REFERRER, "/api/v1/referrals", form)
        if status != 201:
            return time.sleep(0.1)
        self.acknowledged.add("created", (marker, referral["id"]))
        referral_path = f"/api/v1/referrals/{referral['id']}"
        for step, email, path in (("submitted", AUTHORITY_MANAGER, "/submit"),
                                  ("circulated", COORDINATOR, "/circulate")):
            if self.send(email, referral_path + path)[0] != 200:
                return
            self.acknowledged.add(step, referral["id"])
        status, beds = self.send(HOME_MANAGER, f"/api/v1/homes/{self.home_id}", method="GET")
        vacant = [bed["id"] for bed in (beds or {}).get("beds", []) if bed["status"] == "vacant"] if status == 200 else []
        answer = ({"answer": "offer", "bedID": random.choice(vacant)} if vacant
                  else {"answer": "decline", "reasons": ["no-vacancy"]})
        status, response = self.send(HOME_MANAGER, referral_path + "/responses", answer)
        if status != 201:
            return
        self.acknowledged.add("responded", response["id"])
        if answer["answer"] != "offer":
            return
        if self.send(REFERRER, f"/api/v1/offers/{response['id']}/accept")[0] != 200:
            return
        self.acknowledged.add("accepted", referral["id"])
        if self.send(REFERRER, referral_path + "/withdraw", {"reason": "Crash test round over"})[0] == 200:
            self.acknowledged.add("withdrawn", referral["id"])

    def beds(self, home_id):
        while not self.stopping.is_set():
            status, beds = self.send(OTHER_HOME_MANAGER, f"/api/v1/homes/{home_id}", method="GET")
            if status != 200:
                time.sleep(0.1)
                continue
            for bed in beds["beds"]:
                if bed["status"] == "vacant":
                    if self.send(OTHER_HOME_MANAGER, f"/api/v1/beds/{bed['id']}/close", {"reason": "repair"})[0] == 204:
                        self.acknowledged.add("closed", bed["id"])
                elif bed["status"] == "closed":
                    if self.send(OTHER_HOME_MANAGER, f"/api/v1/beds/{bed['id']}/reopen")[0] == 204:
                        self.acknowledged.add("reopened", bed["id"])


def make_database(kind, directory):
    return SQLiteDatabase(directory) if kind == "sqlite" else PostgresDatabase("sp_crash")


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_every_acknowledged_write_survives_sigkill_and_nothing_half_written_is_kept(kind):
    directory = tempfile.mkdtemp(prefix=f"secureplace-crash-{kind}.")
    database = make_database(kind, directory)
    instance = Instance(database.url, directory, f"crash-{kind}")
    try:
        run("demo", "--database", database.url, "--months", "3")
        instance.start()
        coordinator = sign_in(instance.base, COORDINATOR)
        homes = {home["reference"]: home for region in coordinator.get("/api/v1/bed-board")[1]["regions"]
                 for home in region["homes"]}
        acknowledged = Acknowledged()
        load = Load(instance, homes["SCH-NE-01"]["id"], acknowledged)
        random.seed(13)
        with concurrent.futures.ThreadPoolExecutor(max_workers=JOURNEY_WORKERS + 1) as pool:
            workers = [pool.submit(load.journeys, worker) for worker in range(JOURNEY_WORKERS)]
            workers.append(pool.submit(load.beds, homes["SCH-NE-02"]["id"]))
            for _ in range(KILLS):
                time.sleep(random.uniform(1.5, 4.0))
                instance.kill()
                time.sleep(random.uniform(0.1, 0.5))
                instance.start()
            time.sleep(2)
            load.stopping.set()
            for worker in workers:
                worker.result()
        assert acknowledged.server_errors == []
        assert len(acknowledged.created) >= 20, "the load got going between the kills"
        assert acknowledged.steps["accepted"], "some beds were reserved and freed under load"
        # The restarted service answers for everything it acknowledged.
        referrer = sign_in(instance.base, REFERRER)
        states = {}
        for marker, referral_id in acknowledged.created.items():
            status, referral = referrer.get(f"/api/v1/referrals/{referral_id}")
            assert status == 200, (marker, status)
            states[referral_id] = referral["state"]
        before_submission = {"draft", "awaiting-approval"}
        assert all(states[id] not in before_submission for id in acknowledged.steps["submitted"])
        assert all(states[id] not in before_submission | {"submitted"} for id in acknowledged.steps["circulated"])
        assert all(states[id] == "withdrawn" for id in acknowledged.steps["withdrawn"])
        assert all(states[id] in {"offer-accepted", "withdrawn"} for id in acknowledged.steps["accepted"])

        id_text = database.id_text
        markers = database.query(
            "SELECT local_authority_reference, count(*) FROM child_identities "
            "WHERE local_authority_reference LIKE 'CRASH-%' GROUP BY local_authority_reference")
        found = {marker: int(count) for marker, count in markers}
        assert all(found.get(marker) == 1 for marker in acknowledged.created), "each acknowledged referral, once"
        responses = {row[0] for row in database.query(f"SELECT {id_text('id')} FROM home_responses")}
        assert acknowledged.responses <= responses
        for bed, closes in acknowledged.closes.items():
            closed = database.query(
                f"SELECT count(*) FROM bed_status_intervals WHERE {id_text('bed_id')} = '{bed}' AND status = 'closed'")
            assert int(closed[0][0]) >= closes, bed

        # Half-written: a referral without its audit event, a bed reserved by no accepted offer.
        unaudited = database.query(
            "SELECT count(*) FROM referrals r JOIN child_identities c ON c.child_id = r.child_id "
            "WHERE c.local_authority_reference LIKE 'CRASH-%' AND NOT EXISTS (SELECT 1 FROM audit_events a "
            f"WHERE a.action = 'referral.create' AND a.object_id = {id_text('r.id')})")
        assert unaudited == [["0"]]
        unheld = database.query(
            "SELECT count(*) FROM bed_status_intervals i WHERE i.ends_at IS NULL AND i.status = 'reserved' "
            "AND NOT EXISTS (SELECT 1 FROM home_responses o JOIN referrals r ON r.id = o.referral_id "
            "WHERE o.bed_id = i.bed_id AND o.offer_status = 'accepted' AND r.state = 'offer-accepted')")
        assert unheld == [["0"]]
        instance.stop()
        assert "The audit trail is intact" in run("audit", "verify", "--database", database.url)
        print(f"{kind}: {acknowledged.count} writes acknowledged, {KILLS} kills, "
              f"{len(acknowledged.created)} referrals created and all found after restart")
    finally:
        instance.stop()
        database.drop()
