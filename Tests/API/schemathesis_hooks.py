"""Schemathesis hooks for `scripts/test` (loaded through SCHEMATHESIS_HOOKS).

The service accepts a referral only for a child aged 10 to 17 on the date needed, a bed needed
today or later, and an order whose dates the law allows. A JSON Schema cannot say "relative to today", so a generator working from the document
alone almost never makes a referral the service accepts, and the stateful phase never gets to
follow one through submission and withdrawal. Half of the generated referral bodies therefore
get such dates; the other half keep what was generated, so dates are still fuzzed.
"""
import datetime
import re

import schemathesis
from hypothesis import strategies as st


def _is_create_referral(context):
    operation = context.operation
    return operation is not None and operation.method.upper() == "POST" and operation.path == "/api/v1/referrals"


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LEGAL_BASES = {"s25-children-act-1989", "s119-sswb-wales-act-2014", "inherent-jurisdiction-dol"}


def _is_real_date(value):
    """A string the schema's `format: date` takes: the form and a day that exists (2024-13-01
    has the form and is not a date)."""
    if not (isinstance(value, str) and _DATE.match(value)):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _touched_fields_are_valid(body):
    """Whether every field the hook would change is already valid. A body made to break the
    schema in one of them must stay broken, or the server rightly accepts what the hook
    repaired and the negative check reports it."""
    for field in ("dateOfBirth", "dateNeeded", "orderStartsOn", "orderEndsOn"):
        if field in body and not _is_real_date(body[field]):
            return False
    if "orderIsRenewal" in body and not (isinstance(body["orderIsRenewal"], str)
                                         and body["orderIsRenewal"] in ("true", "false")):
        return False
    # A negative case may put a list or an object where a code belongs: not a valid code, and
    # not something a set can be asked about.
    return "legalBasis" not in body or (isinstance(body["legalBasis"], str) and body["legalBasis"] in _LEGAL_BASES)


@schemathesis.hook
def flatmap_body(context, body):
    if not _is_create_referral(context) or not isinstance(body, dict) or not _touched_fields_are_valid(body):
        return st.just(body)
    today = datetime.date.today()
    dated = dict(body)
    dated["dateOfBirth"] = today.replace(year=today.year - 14, day=min(today.day, 28)).isoformat()
    dated["dateNeeded"] = (today + datetime.timedelta(days=1)).isoformat()
    # An order in force must not have ended, must last until the date needed and may run at
    # most three months; a DoL order comes under the inherent jurisdiction, anything else
    # under the authority's own country's route (the default when left out).
    dated["orderStartsOn"] = today.isoformat()
    dated["orderEndsOn"] = (today + datetime.timedelta(days=28)).isoformat()
    dated["orderIsRenewal"] = "false"
    if dated.get("orderStatus") == "dol-order":
        dated["legalBasis"] = "inherent-jurisdiction-dol"
    else:
        dated.pop("legalBasis", None)
    return st.sampled_from([body, dated])
