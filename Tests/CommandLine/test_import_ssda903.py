"""`secureplace import ssda903` as an authority's data officer runs it: a return made from the
demo's own children loads, links and feeds the year-after-referral figures; a return with a
mistake is refused with file, line and column, and nothing is written."""
import datetime
import json
import os
import sqlite3
import subprocess

import pytest

BINARY = os.environ.get("SECUREPLACE_BINARY", "secureplace")
HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"


def run(*arguments, check=True):
    return subprocess.run([BINARY, *arguments], capture_output=True, text=True, check=check)


def written(iso):
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    directory = tmp_path_factory.mktemp("ssda903")
    path = directory / "demo.sqlite"
    run("demo", "--database", f"sqlite:///{path}", "--months", "36", "--seed", "4")
    return directory, path


def authority_children(path):
    """The children of the authority with most referrals placed or closed unplaced, and their
    referral days."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            """SELECT c.local_authority_code, i.local_authority_reference, i.date_of_birth, c.sex,
                      MIN(r.submitted_at)
               FROM children c JOIN child_identities i ON i.child_id = c.id
               JOIN referrals r ON r.child_id = c.id
               WHERE r.state IN ('placed', 'closed-unplaced') AND r.submitted_at IS NOT NULL
               GROUP BY c.id""").fetchall()
    by_authority = {}
    for row in rows:
        by_authority.setdefault(row[0], []).append(row[1:])
    code = max(by_authority, key=lambda key: len(by_authority[key]))
    return code, by_authority[code]


def day(timestamp, plus=0):
    return (datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date()
            + datetime.timedelta(days=plus))


def write_return(directory, children, place_after="R5", sex_override=None):
    """Each child in a children's home from 200 days before their first referral until 30 days
    after it, then in a young offender institution."""
    header = [HEADER]
    episodes = [EPISODES]
    for reference, birth, sex, submitted in children:
        code = sex_override or ("1" if sex == "male" else "2")
        header.append(f"{reference},{code},{written(birth)},WBRI,,,")
        start = day(submitted, -200).strftime("%d/%m/%Y")
        move = day(submitted, 30).strftime("%d/%m/%Y")
        episodes.append(f"{reference},{start},S,C2,N6,K2,PR4,{move},X1,CARPL,LS9,BD1,")
        episodes.append(f"{reference},{move},U,J1,N6,{place_after},PR3,,,,LS9,,")
    (directory / "header.csv").write_text("\n".join(header) + "\n")
    (directory / "episodes.csv").write_text("\n".join(episodes) + "\n")


def custody(path):
    summary = json.loads(run("statistics", "summary", "--database", f"sqlite:///{path}", "--from", "2020-01-01",
                             "--through", datetime.date.today().isoformat(), "--format", "json").stdout)
    year = summary["yearAfterReferral"]
    return year["placed"]["custody"]["count"] + year["unplaced"]["custody"]["count"]


def episode_count(path):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM looked_after_episodes").fetchone()[0]


def test_a_return_with_a_mistake_is_refused_and_nothing_is_written(demo):
    directory, path = demo
    code, children = authority_children(path)
    write_return(directory, children, place_after="K9")
    result = run("import", "ssda903", "--database", f"sqlite:///{path}", "--authority", code,
                 "--header", str(directory / "header.csv"), "--episodes", str(directory / "episodes.csv"), check=False)
    assert result.returncode == 1
    assert "Nothing was imported" in result.stderr
    assert f"{directory / 'episodes.csv'}, line 3, column 6: PLACE: 'K9' is not a known code" in result.stderr
    assert episode_count(path) == 0


def test_a_return_loads_once_and_feeds_the_year_after_referral(demo):
    directory, path = demo
    code, children = authority_children(path)
    arguments = ["import", "ssda903", "--database", f"sqlite:///{path}", "--authority", code,
                 "--header", str(directory / "header.csv"), "--episodes", str(directory / "episodes.csv")]
    write_return(directory, children, place_after="K2")
    first = run(*arguments)
    print(first.stdout.strip())
    assert f"{len(children)} children in the return: {len(children)} linked by the authority's reference" in first.stdout
    assert f"Episodes: {2 * len(children)} added, 0 replaced." in first.stdout
    without_custody = custody(path)

    # The same episodes again, now with a young offender institution: each replaces its own.
    write_return(directory, children, place_after="R5")
    again = run(*arguments)
    assert f"Episodes: 0 added, {2 * len(children)} replaced." in again.stdout
    assert episode_count(path) == 2 * len(children)

    # The year after referral follows these children through the return alone: every one
    # followed for a whole year is now in custody in it, and nobody else changed.
    # (Children referred within a day or two of a year ago may fall either side of the line,
    # as the service counts days in UK time.)
    def followed(days):
        return sum(1 for child in children if day(child[3]) <= datetime.date.today() - datetime.timedelta(days=days))
    assert followed(367) > 0
    assert followed(367) <= custody(path) - without_custody <= followed(364)
