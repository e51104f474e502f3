# Sourced by scripts/test.sh: starts a throw-away PostgreSQL server on loopback for the
# database tests and exports KPU_DESK_TEST_PG. Without PostgreSQL the tests that need it skip.
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -n "$initdb" ]; then
    bindir=$(dirname "$initdb")
    pgdir=$(mktemp -d /tmp/kpu-desk-pg.XXXXXX)
    pgport=${KPU_DESK_PG_PORT:-55432}
    # Another server (a developer's, a second test run) may hold the port: take the next free one.
    while ! python3 -c "import socket,sys; socket.socket().bind(('127.0.0.1', int(sys.argv[1])))" "$pgport" 2>/dev/null; do
        pgport=$((pgport + 1))
    done
    as_pg() { "$@"; }
    if [ "$(id -u)" = "0" ]; then
        chown postgres "$pgdir"
        as_pg() { runuser -u postgres -- "$@"; }
    fi
    as_pg "$bindir/initdb" -D "$pgdir/data" -U kpu --auth=trust -E UTF8 >/dev/null
    as_pg "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w \
        -o "-c listen_addresses=127.0.0.1 -c port=$pgport -c unix_socket_directories=$pgdir -c fsync=off" start >/dev/null
    as_pg "$bindir/createdb" -h 127.0.0.1 -p "$pgport" -U kpu kpu_test
    export KPU_DESK_TEST_PG="postgresql://kpu@127.0.0.1:$pgport/kpu_test"
    stop_pg() { as_pg "$bindir/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
    trap stop_pg EXIT INT TERM
    echo "PostgreSQL for the tests: $KPU_DESK_TEST_PG"
else
    echo "PostgreSQL is not installed: the PostgreSQL tests will be skipped." >&2
fi
