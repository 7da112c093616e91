"""The password lock keeps a salted, slow hash: the right password opens, nothing else does."""

from __future__ import annotations

from archdesk.services.passlock import hash_password, verify_password


def test_the_right_password_verifies_and_a_wrong_one_does_not():
    stored = hash_password("档案室2026", iterations=1000)
    assert verify_password("档案室2026", stored)
    assert not verify_password("档案室2025", stored)
    assert not verify_password("", stored)


def test_the_hash_is_salted_and_names_its_kdf():
    first, second = hash_password("secret", iterations=1000), hash_password("secret", iterations=1000)
    assert first != second and first.startswith("pbkdf2_sha256$1000$")
    assert "secret" not in first
    assert not verify_password("secret", "garbage") and not verify_password("secret", "md5$1$00$00")
