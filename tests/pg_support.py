"""A stand-in PostgreSQL server that only asks for a password and refuses it.

The throw-away test server trusts every login (--auth=trust), so it can never say "no password
supplied" or "password authentication failed". This one speaks just enough of the wire protocol
(SSL/GSS refusal, the startup message, AuthenticationCleartextPassword, an ErrorResponse with
SQLSTATE 28P01, as a real server sends them) for the real libpq and psycopg2 to fail exactly as
they do against a server with password authentication.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

_SSL_REQUEST, _GSS_REQUEST = 80877103, 80877104


def _read(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError
        data += chunk
    return data


def _error(code: str, text: str) -> bytes:
    fields = b"".join(kind + value.encode() + b"\0" for kind, value in
                      ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", code), (b"M", text)))
    return b"E" + struct.pack("!I", 4 + len(fields) + 1) + fields + b"\0"


def _serve_one(conn: socket.socket) -> None:
    # libpq hangs up when it has no password to give: that is its "no password supplied".
    with conn, suppress(ConnectionError, OSError):
        while True:
            length, code = struct.unpack("!II", _read(conn, 8))
            if code in (_SSL_REQUEST, _GSS_REQUEST):
                conn.sendall(b"N")  # no encryption: carry on in plain text
                continue
            params = _read(conn, length - 8).split(b"\0")
            user = params[params.index(b"user") + 1].decode() if b"user" in params else ""
            break
        conn.sendall(b"R" + struct.pack("!II", 8, 3))  # AuthenticationCleartextPassword
        kind = _read(conn, 1)
        if kind == b"p":
            _read(conn, struct.unpack("!I", _read(conn, 4))[0] - 4)
            conn.sendall(_error("28P01", f'password authentication failed for user "{user}"'))


@contextmanager
def password_asking_server() -> Iterator[int]:
    """A loopback port where a "server" asks every client for a password and refuses it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            _serve_one(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)
