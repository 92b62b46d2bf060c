"""The audit trail's signature is HMAC-SHA256 as RFC 2104 defines it, computed from the key's
precomputed pads (``abh_desk.audit_key.AuditKey.sign``)."""

from __future__ import annotations

import hashlib
import hmac
import os

from abh_desk.audit_key import AuditKey, new_key, parse_record


def test_the_signature_is_hmac_sha256() -> None:
    rfc4231_case_1 = AuditKey(b"\x0b" * 20, None)  # RFC 4231, test case 1: "Hi There"
    assert rfc4231_case_1.sign("Hi There") == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
    for _ in range(20):
        key, message = new_key(), os.urandom(32).hex()
        assert key.sign(message) == hmac.new(key.secret, message.encode(), hashlib.sha256).hexdigest()
        assert key.signs(message, key.sign(message)) and not key.signs(message, new_key().sign(message))


def test_the_key_record_holds_the_key_and_its_first_entry() -> None:
    key = AuditKey(os.urandom(32), 4711)
    assert parse_record(key.record(), "Datei") == key
    assert key.key_id not in key.record() and len(key.key_id) == 16
