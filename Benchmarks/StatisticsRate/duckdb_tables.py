"""The DuckDB half of the side-by-side run: the same counts as `statistics-rate`, from the same
three CSV files, in SQL. Prints them with the time and peak memory as JSON.

    python duckdb_tables.py EXTRACT_DIR PERIOD AS_OF
"""
import datetime as dt
import json
import os
import resource
import sys
import time
from zoneinfo import ZoneInfo

import duckdb

# An empty field is NULL to DuckDB: a child with no flags is not an older boy with one.
OLDER = ("sex = 'male' AND age >= 15 AND (coalesce(flags, '') LIKE '%offending-history%' "
         "OR coalesce(flags, '') LIKE '%gang-association%' OR coalesce(flags, '') LIKE '%harmful-sexual-behaviour%')")


def main():
    directory, period, as_of_text = sys.argv[1], sys.argv[2], sys.argv[3]
    start_year = int(period[:4])
    first, end = dt.date(start_year, 4, 1), dt.date(start_year + 1, 4, 1)
    as_of_day = dt.date.fromisoformat(as_of_text)
    # The first instant of the day in Europe/London, in UTC, as the engine counts deadlines to it.
    as_of = dt.datetime.combine(as_of_day, dt.time(), ZoneInfo("Europe/London")).astimezone(dt.timezone.utc)
    as_of_sql = as_of.strftime("TIMESTAMP '%Y-%m-%d %H:%M:%S'")
    started = time.perf_counter()
    db = duckdb.connect()
    db.execute("SET TimeZone = 'UTC'")
    path = lambda name: os.path.join(directory, name).replace("'", "''")
    db.execute(f"""CREATE TABLE r AS SELECT * FROM read_csv('{path("referrals.csv")}', header = true, columns = {{
        'referral': 'VARCHAR', 'child': 'VARCHAR', 'submitted_at': 'TIMESTAMP', 'submitted_on': 'DATE',
        'region_code': 'VARCHAR', 'la_code': 'VARCHAR', 'legal_basis': 'VARCHAR', 'urgency': 'VARCHAR',
        'sex': 'VARCHAR', 'age': 'INTEGER', 'flags': 'VARCHAR', 'outcome': 'VARCHAR', 'first_offer_at': 'TIMESTAMP',
        'placed_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP', 'alternative': 'VARCHAR',
        'hours_without_order': 'DOUBLE', 'km_from_home': 'DOUBLE'}}, timestampformat = '%Y-%m-%dT%H:%M:%SZ')""")
    db.execute(f"""CREATE TABLE a AS SELECT * FROM read_csv('{path("answers.csv")}', header = true, columns = {{
        'referral': 'VARCHAR', 'home': 'VARCHAR', 'answer': 'VARCHAR', 'reasons': 'VARCHAR',
        'respond_by': 'TIMESTAMP'}}, timestampformat = '%Y-%m-%dT%H:%M:%SZ')""")
    db.execute(f"""CREATE TABLE e AS SELECT * FROM read_csv('{path("episodes.csv")}', header = true, columns = {{
        'child': 'VARCHAR', 'started_on': 'DATE', 'placement': 'VARCHAR', 'ended_on': 'DATE',
        'custody_sentence': 'VARCHAR', 'begins_placement': 'VARCHAR'}})""")
    read = time.perf_counter()

    db.execute(f"""CREATE TEMP TABLE y AS SELECT *,
        CASE WHEN {OLDER} THEN 'older' ELSE 'other' END AS profile,
        'Q' || CAST((month(submitted_on) + 8) % 12 // 3 + 1 AS VARCHAR) AS quarter
        FROM r WHERE submitted_on >= DATE '{first}' AND submitted_on < DATE '{end}'""")
    counts = {}

    def put(prefix, rows):
        for row in rows:
            *key, value = row
            counts["|".join([*prefix, *map(str, key)])] = value

    outcome_sums = ("count(*) FILTER (WHERE outcome IN ('placed', 'closed-unplaced')), "
                    "count(*) FILTER (WHERE outcome = 'placed'), count(*) FILTER (WHERE outcome = 'closed-unplaced')")
    for period_column, level, code, grouping in [
        ("'year'", "national", "'K04000001'", ""), ("quarter", "national", "'K04000001'", ""),
        ("'year'", "regional", "region_code", ""), ("'year'", "la", "la_code", "total-only"),
    ]:
        profiles = [("total", "TRUE")] if grouping else [("total", "TRUE"), ("older", OLDER), ("other", f"NOT ({OLDER})")]
        for profile, condition in profiles:
            rows = db.execute(f"""SELECT {period_column}, {code}, {outcome_sums} FROM y WHERE {condition}
                GROUP BY ALL""").fetchall()
            for period_value, place, decided, placed, unplaced in rows:
                base = ["referral_outcomes", period_value, level, place, profile]
                counts["|".join(base + ["decided"])] = decided
                counts["|".join(base + ["placed"])] = placed
                counts["|".join(base + ["closed_unplaced"])] = unplaced
    for period_column, level, code in [("'year'", "national", "'K04000001'"), ("quarter", "national", "'K04000001'"),
                                       ("'year'", "regional", "region_code")]:
        rows = db.execute(f"""SELECT {period_column}, {code}, count(*) FROM y WHERE outcome = 'closed-unplaced'
            GROUP BY ALL""").fetchall()
        for period_value, place, total in rows:
            counts["|".join(["unplaced_alternatives", period_value, level, place, "total",
                             "children_closed_unplaced"])] = total
        rows = db.execute(f"""SELECT {period_column}, {code}, coalesce(alternative, 'other'), count(*) FROM y
            WHERE outcome = 'closed-unplaced' GROUP BY ALL""").fetchall()
        for period_value, place, alternative, total in rows:
            counts["|".join(["unplaced_alternatives", period_value, level, place, alternative,
                             "children_closed_unplaced"])] = total

    db.execute(f"""CREATE TEMP TABLE ya AS SELECT y.profile, a.answer, a.reasons,
        a.answer = 'not-answered' AND a.respond_by <= least(coalesce(y.placed_at, y.closed_at, {as_of_sql}),
            {as_of_sql}) AS silent_no
        FROM a JOIN y USING (referral)""")
    put(["declines"], db.execute("""SELECT profile, 'approaches', count(*) FROM ya GROUP BY ALL""").fetchall())
    put(["declines"], db.execute("""SELECT profile, 'offers', count(*) FILTER (WHERE answer = 'offered')
        FROM ya GROUP BY ALL""").fetchall())
    put(["declines"], db.execute("""SELECT profile, 'declines',
        count(*) FILTER (WHERE answer = 'declined' OR silent_no) FROM ya GROUP BY ALL""").fetchall())
    put(["declines"], db.execute("""SELECT profile, 'no-answer-by-deadline', count(*) FILTER (WHERE silent_no)
        FROM ya GROUP BY ALL""").fetchall())
    put(["declines"], db.execute("""SELECT profile, reason, count(*) FROM (
        SELECT profile, unnest(string_split(reasons, ';')) AS reason FROM ya WHERE answer = 'declined')
        GROUP BY ALL""").fetchall())

    # The year after referral: decided referrals whose anniversary has come by the as-of day
    # (29 February's anniversary is 1 March).
    db.execute(f"""CREATE TEMP TABLE f AS SELECT referral, child,
        CASE WHEN outcome = 'placed' THEN 'placed' ELSE 'unplaced' END AS grp, submitted_on AS referred_on,
        CASE WHEN month(submitted_on) = 2 AND day(submitted_on) = 29
            THEN make_date(year(submitted_on) + 1, 3, 1)
            ELSE CAST(submitted_on + INTERVAL 1 YEAR AS DATE) END AS anniversary,
        CAST(timezone('Europe/London', timezone('UTC', placed_at)) AS DATE) AS secure_on
        FROM y WHERE (outcome = 'placed' AND placed_at IS NOT NULL) OR (outcome = 'closed-unplaced' AND closed_at IS NOT NULL)""")
    db.execute(f"DELETE FROM f WHERE anniversary > DATE '{as_of_day}'")
    put(["year_after"], db.execute("SELECT grp, 'children', count(*) FROM f GROUP BY ALL").fetchall())
    put(["year_after"], db.execute("""SELECT grp, 'new_placements', count(e.child) FROM f LEFT JOIN e
        ON e.child = f.child AND e.begins_placement = 'yes' AND e.started_on >= f.referred_on
        AND e.started_on < f.anniversary AND NOT (e.placement = 'K1' AND e.started_on IS NOT DISTINCT FROM f.secure_on)
        GROUP BY ALL""").fetchall())
    put(["year_after"], db.execute("""SELECT grp, 'custody', count(*) FROM f WHERE EXISTS (SELECT 1 FROM e
        WHERE e.child = f.child AND ((e.placement = 'R5' AND e.begins_placement = 'yes'
            AND e.started_on >= f.referred_on AND e.started_on < f.anniversary)
        OR (e.custody_sentence = 'yes' AND e.ended_on >= f.referred_on AND e.ended_on < f.anniversary)))
        GROUP BY ALL""").fetchall())
    put(["year_after"], db.execute("""SELECT grp, 'other_secure', count(*) FROM f WHERE EXISTS (SELECT 1 FROM e
        WHERE e.child = f.child AND e.placement = 'K1' AND e.begins_placement = 'yes'
        AND e.started_on >= f.referred_on AND e.started_on < f.anniversary
        AND e.started_on IS DISTINCT FROM f.secure_on) GROUP BY ALL""").fetchall())
    computed = time.perf_counter()
    referrals = db.execute("SELECT count(*) FROM r").fetchone()[0]
    threads = db.execute("SELECT current_setting('threads')").fetchone()[0]
    print(json.dumps({
        "referrals": referrals, "read_seconds": read - started, "compute_seconds": computed - read,
        "seconds": computed - started, "peak_memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "threads": threads, "duckdb": duckdb.__version__, "counts": counts}, sort_keys=True))


if __name__ == "__main__":
    main()
