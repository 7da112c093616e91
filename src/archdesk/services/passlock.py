"""The optional password lock of a workstation: a salted PBKDF2-HMAC-SHA256 hash, never the password.

Kept in the user's settings as ``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``; checked at start
and after idle time (``ui/lock_screen.py``). Plain Python, no Qt.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 600_000  # OWASP's figure for PBKDF2-HMAC-SHA256 (2023)


def hash_password(password: str, *, iterations: int = ITERATIONS) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` is the one ``stored`` was made from (constant-time comparison)."""
    try:
        algorithm, iterations, salt, digest = stored.split("$")
        if algorithm != ALGORITHM:
            return False
        candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)
