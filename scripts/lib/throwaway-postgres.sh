# A PostgreSQL server in a temporary directory, for scripts/test and Benchmarks/run-load.
# Source this file; it defines functions only. Run as root, the server runs as the postgres
# user. Trust authentication on 127.0.0.1 only: never a server anyone else relies on.

postgres_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return; }
    done
}

run_pg() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_throwaway_postgres PORT [-c setting=value ...]
# Sets pg_dir (its directory), pg_bin (the server's tools) and pg_url (the maintenance database).
start_throwaway_postgres() {
    local port=$1
    shift
    pg_dir=$(mktemp -d /tmp/secureplace-pg.XXXXXX)
    pg_bin=$(postgres_bin)
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
    run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 $*" start >/dev/null
    pg_url="postgres://postgres@127.0.0.1:$port/postgres"
}

stop_throwaway_postgres() {
    [ -n "${pg_dir:-}" ] || return 0
    [ -f "$pg_dir/data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$pg_dir"
}
