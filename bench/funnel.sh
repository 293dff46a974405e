#!/usr/bin/env bash
# The funnel benchmark (issue 13 item 6): a signing wave against the real jar on PostgreSQL, with a real SMTP
# server on loopback (a sink in bench/Funnel.java that accepts and timestamps every message) and a second load
# that confirms each signature as its mail arrives, as supporters clicking their links.
#
#   bench/funnel.sh [CLIENTS [DURATION_SECONDS]]
#
# Environment (all optional): CLIENTS (32), DURATION (60 s wave), WARMUP (20 s of signing first, not measured;
# the backlog drains and is confirmed before the wave), CONFIRMERS (8 clients POSTing confirmations),
# DRAIN_TIMEOUT (600 s), PGHOST/PGPORT/PGUSER (127.0.0.1, 5432, postgres with trust), BENCH_DB
# (keephope_funnel_bench, dropped and created), JAVA_OPTS (extra JVM options for the app), KEEP_DB=1.
#
# Reports: signatures/s, mails/s during the wave and their ratio, the delay from each 303 to its mail's
# acceptance by the SMTP server (p50/p95/p99/max), the drain time after the wave, confirmed signatures/s,
# the age of the count on the campaign page under the load (p50/p95/max), start to healthy, and the app's
# highest RSS. Exit status 3 when a signature acknowledged in the wave got no mail or was not confirmed.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
CLIENTS=${1:-${CLIENTS:-32}}
DURATION=${2:-${DURATION:-60}}
WARMUP=${WARMUP:-20}
CONFIRMERS=${CONFIRMERS:-8}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-600}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS="-c client_min_messages=warning"
DB=${BENCH_DB:-keephope_funnel_bench}
SLUG=keep-hope-alive

[[ $CLIENTS =~ ^[0-9]+$ && $CLIENTS -ge 1 && $CLIENTS -le 256 ]] || { echo "CLIENTS must be 1..256" >&2; exit 2; }
[[ $DURATION =~ ^[0-9]+$ && $DURATION -ge 1 && $DURATION -le 600 ]] || { echo "DURATION must be 1..600" >&2; exit 2; }
[[ $WARMUP =~ ^[0-9]+$ && $WARMUP -le 120 ]] || { echo "WARMUP must be 0..120" >&2; exit 2; }
[[ $CONFIRMERS =~ ^[0-9]+$ && $CONFIRMERS -ge 1 && $CONFIRMERS -le 64 ]] || { echo "CONFIRMERS: 1..64" >&2; exit 2; }
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DB must be a plain identifier" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql not found (postgresql-client)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/keephope-funnel.XXXXXX")
APP_PID=""
LOAD_PID=""
RSS_PID=""
APP_LOG="$WORK/app.log"

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_pid "$LOAD_PID"
    stop_pid "$RSS_PID"
    stop_pid "$APP_PID"
    if [[ $rc -ne 0 && -s $APP_LOG ]]; then
        echo "--- last lines of the app log ---" >&2
        tail -n 30 "$APP_LOG" >&2 || true
    fi
    if [[ ${KEEP_DB:-0} != 1 ]]; then
        psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== KeepHope funnel benchmark: clients=$CLIENTS wave=${DURATION}s warmup=${WARMUP}s confirmers=$CONFIRMERS"
machine_line
echo "java: $(java -version 2>&1 | head -n 1); postgres: $(psql -X -t -A -d postgres -c 'show server_version')," \
    "fsync=$(psql -X -t -A -d postgres -c 'show fsync'), synchronous_commit=$(psql -X -t -A -d postgres -c 'show synchronous_commit')"

JAR=${JAR:-"$ROOT/target/keephope.jar"}
if [[ ! -f $JAR ]]; then
    echo "building $JAR"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null
psql -X -q -d postgres -c "create database $DB" >/dev/null

APP_PORT=$(free_port)
SMTP_PORT=$(free_port)
# the sink first (the app sends to it from its first mail on); it waits for the app to be healthy
java -XX:+UseSerialGC -Xmx1g "$ROOT/bench/Funnel.java" --port "$APP_PORT" --smtp-port "$SMTP_PORT" \
    --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" --confirmers "$CONFIRMERS" \
    --drain-timeout "$DRAIN_TIMEOUT" --slug "$SLUG" >"$WORK/funnel.txt" 2>&1 &
LOAD_PID=$!
for _ in $(seq 1 100); do
    grep -q "smtp sink listening" "$WORK/funnel.txt" 2>/dev/null && break
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$WORK/funnel.txt" >&2; exit 1; }
    sleep 0.2
done

start_bench_app "$APP_PORT" "jdbc:postgresql://$PGHOST:$PGPORT/$DB" "$PGUSER" "$WORK/keys" "$APP_LOG" \
    SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT="$SMTP_PORT" KEEPHOPE_BASE_URL="http://127.0.0.1:$APP_PORT"
healthy_after=$(wait_healthy "$APP_PORT" "$APP_PID")
echo "app: PID $APP_PID on 127.0.0.1:$APP_PORT, healthy after ${healthy_after} s; SMTP sink on 127.0.0.1:$SMTP_PORT"
track_rss "$APP_PID" "$WORK/rss" &
RSS_PID=$!

rc=0
wait "$LOAD_PID" || rc=$?
LOAD_PID=""
grep -v '=' "$WORK/funnel.txt" || true
echo "outbox after the run: $(psql -X -t -A -d "$DB" -c "select coalesce(string_agg(lower(status) || ' ' || n, ', ' order by status), 'empty')
    from (select status, count(*) n from mail_outbox group by status) s")"
echo "app: healthy after ${healthy_after} s, highest RSS $(cat "$WORK/rss" 2>/dev/null || echo '?') MiB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep '=' "$WORK/funnel.txt" | grep -v ' ' || true
if ((rc == 3)); then
    echo "A SIGNATURE ACKNOWLEDGED IN THE WAVE GOT NO MAIL OR WAS NOT CONFIRMED" >&2
fi
exit "$rc"
