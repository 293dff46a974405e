#!/usr/bin/env bash
# A database restart under load (issue 13 item 5): signing and page reads against the real jar while its
# PostgreSQL restarts, then what the supporters saw (errors) and what the database kept (lost).
#
#   bench/db-restart.sh [CLIENTS [DURATION_SECONDS]]
#
# It runs a PostgreSQL of its own (initdb in a temporary directory, on a free port; as the postgres user when
# run as root), so restarting it disturbs nobody else on the machine. The app signs through bench/SignLoad.java
# with C clients (16) for D seconds (30); RESTART_AT seconds (10) into the load the server is restarted
# (`pg_ctl restart -m fast`: every connection is cut); a reader GETs the campaign page in a loop throughout.
# Reports: errors among the signatures (anything but a 303 to check-email) and their kinds, acknowledged
# signatures missing from the database afterwards (lost), page answers other than 200, how long the restart took.
# Exit status 3 when an acknowledged signature is lost.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
CLIENTS=${1:-${CLIENTS:-16}}
DURATION=${2:-${DURATION:-30}}
RESTART_AT=${RESTART_AT:-10}
SLUG=keep-hope-alive
[[ $CLIENTS =~ ^[0-9]+$ && $CLIENTS -ge 1 && $CLIENTS -le 256 ]] || { echo "CLIENTS must be 1..256" >&2; exit 2; }
[[ $DURATION =~ ^[0-9]+$ && $DURATION -ge 5 && $DURATION -le 600 ]] || { echo "DURATION must be 5..600" >&2; exit 2; }
[[ $RESTART_AT =~ ^[0-9]+$ && $RESTART_AT -lt $DURATION ]] || { echo "RESTART_AT must be below DURATION" >&2; exit 2; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $PGBIN/initdb && -x $PGBIN/pg_ctl ]] || { echo "PostgreSQL's initdb and pg_ctl not found (apt-get install postgresql)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/keephope-dbrestart.XXXXXX")
chmod 755 "$WORK"
APP_PID=""
LOAD_PID=""
READER_PID=""
PG_STARTED=""
APP_LOG="$WORK/app.log"
as_postgres() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$READER_PID"
    stop_pid "$LOAD_PID"
    stop_pid "$APP_PID"
    if [[ -n $PG_STARTED ]]; then
        as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    if [[ $rc -ne 0 && -s $APP_LOG ]]; then
        echo "--- last lines of the app log ---" >&2
        tail -n 30 "$APP_LOG" >&2 || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== KeepHope database restart under load: clients=$CLIENTS duration=${DURATION}s restart at ${RESTART_AT}s"
machine_line

# --- a PostgreSQL of our own ----------------------------------------------------------------------------------
PG_PORT=$(free_port)
mkdir -p "$WORK/pg"
[[ $(id -u) == 0 ]] && chown postgres "$WORK/pg"
as_postgres "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres >"$WORK/initdb.log" 2>&1 \
    || { cat "$WORK/initdb.log" >&2; exit 1; }
PG_OPTIONS="-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1"
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -o "$PG_OPTIONS" -l "$WORK/pg/server.log" -w start >/dev/null
PG_STARTED=1
echo "postgres: $("$PGBIN/postgres" --version) on 127.0.0.1:$PG_PORT (its own data directory)"

JAR=${JAR:-"$ROOT/target/keephope.jar"}
if [[ ! -f $JAR ]]; then
    echo "building $JAR"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
APP_PORT=$(free_port)
start_bench_app "$APP_PORT" "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" postgres "$WORK/keys" "$APP_LOG"
echo "app: PID $APP_PID on 127.0.0.1:$APP_PORT, healthy after $(wait_healthy "$APP_PORT" "$APP_PID") s"
psql_ours() { psql -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "$1"; }
rows_before=$(psql_ours "select count(*) from signature")

# --- the load, the reader, the restart --------------------------------------------------------------------------
java -XX:+UseSerialGC -Xmx512m "$ROOT/bench/SignLoad.java" --port "$APP_PORT" --slug "$SLUG" \
    --clients "$CLIENTS" --duration "$DURATION" --warmup 0 >"$WORK/load.txt" 2>&1 &
LOAD_PID=$!
(
    end=$((SECONDS + DURATION + 2))
    while ((SECONDS < end)); do
        curl -s -o /dev/null -m 30 -w '%{http_code}\n' "http://127.0.0.1:$APP_PORT/campaigns/$SLUG" || echo 000
        sleep 0.05
    done
) >"$WORK/pages.txt" &
READER_PID=$!
sleep "$RESTART_AT"
restart_started=$(date +%s%N)
as_postgres "$PGBIN/pg_ctl" -D "$WORK/pg/data" -o "$PG_OPTIONS" -l "$WORK/pg/server.log" -m fast -w restart >/dev/null
restart_ms=$((($(date +%s%N) - restart_started) / 1000000))
echo "postgres restarted (fast: every connection cut) in ${restart_ms} ms, ${RESTART_AT} s into the load"
rc=0
wait "$LOAD_PID" || rc=$?
LOAD_PID=""
wait "$READER_PID" || true
READER_PID=""
((rc == 0)) || { cat "$WORK/load.txt" >&2; exit 1; }

value() { sed -n "s/^$1=//p" "$WORK/load.txt" | tail -n 1; }
acknowledged=$(value acknowledged_total)
rows_after=$(psql_ours "select count(*) from signature")
new_rows=$((rows_after - rows_before))
lost=$((acknowledged > new_rows ? acknowledged - new_rows : 0))
pages=$(wc -l <"$WORK/pages.txt")
page_errors=$(grep -vc '^200$' "$WORK/pages.txt" || true)

echo
echo "== result"
printf '%-38s %s\n' \
    "signatures acknowledged (303):" "$acknowledged ($(value signatures_per_s)/s)" \
    "signature errors (non-303):" "$(value errors_total) $(value error_kinds)" \
    "latency p50 / p99 / max (ms):" "$(value p50_ms) / $(value p99_ms) / $(value max_ms)" \
    "new signature rows:" "$new_rows" \
    "lost (acknowledged - rows):" "$lost" \
    "campaign page reads / not 200:" "$pages / $page_errors $(grep -v '^200$' "$WORK/pages.txt" | sort | uniq -c | tr '\n' ' ')" \
    "restart took:" "${restart_ms} ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -q -E '^[0-9T:.+-]+Z? +ERROR' "$APP_LOG"; then
    echo "the app's errors (first of each kind):"
    grep -E '^[0-9T:.+-]+Z? +ERROR' "$APP_LOG" | sed -E 's/^[^ ]+ +ERROR [0-9]+ --- \[[^]]*\] \[[^]]*\] //' | sort | uniq -c | head -n 10
    [[ -n ${APP_LOG_COPY:-} ]] && cp "$APP_LOG" "$APP_LOG_COPY"
fi
((lost == 0)) || { echo "LOST ACKNOWLEDGED SIGNATURES" >&2; exit 3; }
