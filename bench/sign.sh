#!/usr/bin/env bash
# Signing benchmark: POST /campaigns/{slug}/sign against the real jar on PostgreSQL, compared with the raw
# single-row insert rate pgbench reaches on the same server with the same number of clients.
#
#   bench/sign.sh [CLIENTS [DURATION_SECONDS]]
#
# Environment (all optional): CLIENTS (32), DURATION (20 s, measured), WARMUP (60 s, not measured: the JIT
# needs it on 2 cores), QUIET_WAIT (20: wait up to that many seconds for other work on the machine to calm
# down before starting; 0 to skip),
# PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres, trust auth), BENCH_DB (keephope_bench, dropped and
# created), PORT (app port; a free one is picked), JAVA_OPTS (extra JVM options for the app, e.g. a JFR
# recording), KEEP_DB=1 (do not drop the database at the end), MAIL_POLL_MILLIS (outbox worker poll, 250).
#
# Reports: accepted signatures per second (303 to check-email) in the measured window, p50/p99 latency,
# errors (anything else), lost signatures (acknowledged but not in the database afterwards: every request
# uses a new email address, so the signature table must have at least as many new rows as there were 303s;
# the same for their confirmation mails in mail_outbox), then pgbench's single-row insert rate with the same
# clients and duration (app stopped) and the ratio of the two. Also where the CPU went (from /proc): the
# app, PostgreSQL, the load generator and other processes, and the CPU cost per signature and per pgbench
# insert, whose ratio does not depend as much on what else the machine is doing.
#
# Everything runs on this machine; the app, PostgreSQL and the load generator share its cores. Exit status:
# 0, or 3 when an acknowledged signature is missing, 1/2 on other failures.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
CLIENTS=${1:-${CLIENTS:-32}}
DURATION=${2:-${DURATION:-20}}
WARMUP=${WARMUP:-60}
QUIET_WAIT=${QUIET_WAIT:-20}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-keephope_bench}
SLUG=keep-hope-alive

[[ $CLIENTS =~ ^[0-9]+$ && $CLIENTS -ge 1 && $CLIENTS -le 90 ]] || { echo "CLIENTS must be 1..90" >&2; exit 2; }
[[ $DURATION =~ ^[0-9]+$ && $DURATION -ge 1 && $DURATION -le 300 ]] || { echo "DURATION must be 1..300" >&2; exit 2; }
[[ $WARMUP =~ ^[0-9]+$ && $WARMUP -le 120 ]] || { echo "WARMUP must be 0..120" >&2; exit 2; }
[[ $QUIET_WAIT =~ ^[0-9]+$ && $QUIET_WAIT -le 600 ]] || { echo "QUIET_WAIT must be 0..600" >&2; exit 2; }
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DB must be a plain identifier" >&2; exit 2; }

PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -n 1 || true)
if [[ -z $PGBENCH ]]; then
    echo "pgbench not found: apt-get update && apt-get install -y postgresql-client (or postgresql-contrib)" >&2
    exit 2
fi
command -v psql >/dev/null || { echo "psql not found (postgresql-client)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/keephope-bench.XXXXXX")
APP_PID=""
CHILD_PID=""
APP_LOG="$WORK/app.log"

stop_app() {
    if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
        local stopping=$SECONDS
        kill -TERM "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 150); do
            kill -0 "$APP_PID" 2>/dev/null || break
            sleep 0.2
        done
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "app stopped $((SECONDS - stopping)) s after SIGTERM"
        else
            echo "app did not stop within 30 s of SIGTERM; killing PID $APP_PID" >&2
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [[ -n $CHILD_PID ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
        kill -TERM "$CHILD_PID" 2>/dev/null || true
        wait "$CHILD_PID" 2>/dev/null || true
    fi
    stop_app
    if [[ $rc -ne 0 && -s $APP_LOG ]]; then
        echo "--- last lines of the app log ---" >&2
        tail -n 40 "$APP_LOG" >&2 || true
    fi
    if [[ ${KEEP_DB:-0} != 1 ]]; then
        psql -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background (so that a signal to this script can stop it by its PID) and waits.
run_child() {
    "$@" &
    CHILD_PID=$!
    local rc=0
    wait "$CHILD_PID" || rc=$?
    CHILD_PID=""
    return "$rc"
}

sql() { psql -X -q -t -A -d "$DB" -c "$1"; }
export PGOPTIONS="-c client_min_messages=warning"

# CPU time (in clock ticks) of the whole machine.
# (busy, total, in interrupts: network and disk work, which the kernel also charges to the process that
# happened to be interrupted, unless it was built with IRQ_TIME_ACCOUNTING)
machine_ticks() {
    awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8, $7 + $8 }' /proc/stat
}
HZ=$(getconf CLK_TCK)
# CPU time of one process, in clock ticks.
pid_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# PostgreSQL's CPU time working for us: the postmaster, its auxiliary processes (WAL writer, checkpointer,
# autovacuum...) and the client backends of our database; backends of other databases (other users of a
# shared server) are left out. Empty when the data directory is not readable.
PG_DATA=$(psql -X -t -A -d postgres -c 'show data_directory' 2>/dev/null || true)
PG_PM=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
BACKEND_TITLE='^postgres: ([^:]+: )?[^ ]+ ([^ ]+) (\[local\]|[^ ]+\([0-9]+\))'
postgres_ticks() {
    [[ -n $PG_PM ]] || return 0
    local f pid line rest title total=0
    local -a v
    for f in /proc/[0-9]*/stat; do
        { read -r line <"$f"; } 2>/dev/null || continue
        rest=${line##*) }
        read -r -a v <<<"$rest"
        pid=${f#/proc/}
        pid=${pid%/stat}
        if [[ $pid == "$PG_PM" ]]; then
            total=$((total + v[11] + v[12]))
        elif [[ ${v[1]} == "$PG_PM" ]]; then
            title=""
            { IFS= read -r -d '' title <"/proc/$pid/cmdline" || true; } 2>/dev/null # the title, up to its first NUL
            if [[ $title =~ $BACKEND_TITLE && ${BASH_REMATCH[2]} != "$DB" ]]; then
                continue
            fi
            total=$((total + v[11] + v[12]))
        fi
    done
    echo "$total"
}

# --- the machine ------------------------------------------------------------------------------------
echo "== KeepHope signing benchmark: clients=$CLIENTS duration=${DURATION}s warmup=${WARMUP}s"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "java: $(java -version 2>&1 | head -n 1)"
echo "postgres: $(psql -X -t -A -d postgres -c 'show server_version')," \
    "synchronous_commit=$(psql -X -t -A -d postgres -c 'show synchronous_commit')," \
    "fsync=$(psql -X -t -A -d postgres -c 'show fsync')"

# Others' work on the same cores distorts every figure: wait (a bounded time) for a calm moment.
busy_percent() { # machine busy over the next second
    local b1 t1 b2 t2
    read -r b1 t1 _ < <(machine_ticks)
    sleep 1
    read -r b2 t2 _ < <(machine_ticks)
    echo $((100 * (b2 - b1) / (t2 - t1 > 0 ? t2 - t1 : 1)))
}
waited=0
busy=$(busy_percent)
while ((busy > 15 && waited < QUIET_WAIT)); do
    sleep 2
    waited=$((waited + 3))
    busy=$(busy_percent)
done
echo "machine before start: ${busy}% busy (waited ${waited} s), load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- build, database ----------------------------------------------------------------------------------
JAR="$ROOT/target/keephope.jar"
if [[ ! -f $JAR ]]; then
    echo "building $JAR"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null
psql -X -q -d postgres -c "create database $DB" >/dev/null

# --- the app --------------------------------------------------------------------------------------------
if [[ -z ${PORT:-} ]]; then
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            PORT=$candidate
            break
        fi
    done
fi
[[ -n ${PORT:-} ]] || { echo "no free port found" >&2; exit 1; }

mkdir -p "$WORK/keys"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
env SERVER_PORT="$PORT" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    SPRING_DATASOURCE_USERNAME="$PGUSER" \
    KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS=true \
    KEEPHOPE_CRYPTO_KEY_DIRECTORY="$WORK/keys" \
    KEEPHOPE_DEMO=true \
    KEEPHOPE_SIGNING_MIN_FILL_TIME=0s \
    KEEPHOPE_SIGNING_CLIENT_LIMIT_PER_HOUR=100000000 \
    KEEPHOPE_SIGNING_ADDRESS_LIMIT_PER_HOUR=1000 \
    KEEPHOPE_MAIL_POLL_MILLIS="${MAIL_POLL_MILLIS:-250}" \
    SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE=10s `# the mail worker drains its backlog on shutdown` \
    LOGGING_LEVEL_ROOT=WARN \
    java $(node_java_opts) ${JAVA_OPTS:-} -jar "$JAR" >"$APP_LOG" 2>&1 &
APP_PID=$!
echo "app: PID $APP_PID on 127.0.0.1:$PORT; jvm options: $(node_java_opts) ${JAVA_OPTS:-}"

started=$(date +%s)
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited during start" >&2; exit 1; }
    (($(date +%s) - started < 120)) || { echo "the app was not healthy within 120 s" >&2; exit 1; }
    sleep 0.5
done
echo "app healthy after $(($(date +%s) - started)) s"

# --- load -----------------------------------------------------------------------------------------------
rows_before=$(sql "select count(*) from signature")
commits_before=$(sql "select xact_commit from pg_stat_database where datname = current_database()")
wal_before=$(sql "select wal_sync from pg_stat_wal")
run_child java -XX:+UseSerialGC -Xmx512m "$ROOT/bench/SignLoad.java" \
    --port "$PORT" --slug "$SLUG" --clients "$CLIENTS" --duration "$DURATION" --warmup "$WARMUP" \
    --app-pid "$APP_PID" --postmaster-pid "${PG_PM:-0}" --database "$DB" \
    >"$WORK/load.txt"
cat "$WORK/load.txt"

value() { sed -n "s/^$1=//p" "$WORK/load.txt" | tail -n 1; }
ack_total=$(value acknowledged_total)
[[ -n $ack_total ]] || { echo "the load generator reported nothing" >&2; exit 1; }

# Every 303 came after the commit, so the rows must be there now.
rows_after=$(sql "select count(*) from signature")
mails=$(sql "select count(*) from mail_outbox where reference like 'signature:%'")
outbox=$(sql "select string_agg(lower(status) || ' ' || n, ', ' order by status)
                from (select status, count(*) n from mail_outbox group by status) s")
commits_after=$(sql "select xact_commit from pg_stat_database where datname = current_database()")
wal_after=$(sql "select wal_sync from pg_stat_wal")
new_rows=$((rows_after - rows_before))
# Rows written by one transaction share xmin: how many signatures each group commit carried.
batches=$(sql "select count(distinct xmin::text) from signature")
lost=$((ack_total > new_rows ? ack_total - new_rows : 0))
lost_mails=$((ack_total > mails ? ack_total - mails : 0))
stop_app

# --- pgbench: raw single-row inserts, same clients, same duration, app stopped ---------------------------
sql "create table bench_insert (id bigserial primary key, payload text, created_at timestamptz default now())"
cat >"$WORK/insert.sql" <<'EOF'
\set r random(1, 1000000000)
insert into bench_insert (payload) values ('payload ' || :r);
EOF
# CPU is sampled inside the run (2 s after its start to 2 s before its end), while the backends live.
pgbench_started=$(date +%s%N)
"$PGBENCH" -n -c "$CLIENTS" -j 2 -T "$DURATION" -f "$WORK/insert.sql" "$DB" >"$WORK/pgbench.txt" 2>&1 &
CHILD_PID=$!
pgbench_cpu="n/a (run shorter than 6 s)"
pgbench_ms=""
snapshot_late=0
if ((DURATION >= 6)); then
    sleep 2
    read -r busy_before total_before irq_before < <(machine_ticks)
    pg_before=$(postgres_ticks)
    client_before=$(pid_ticks "$CHILD_PID")
    sleep $((DURATION - 4))
    read -r busy_after total_after irq_after < <(machine_ticks)
    pg_after=$(postgres_ticks)
    client_after=$(pid_ticks "$CHILD_PID")
    # On a very busy machine the snapshots can be slow; taken after pgbench's end, they would be wrong.
    snapshot_late=$(($(date +%s%N) - pgbench_started > (DURATION * 1000 - 500) * 1000000))
fi
rc=0
wait "$CHILD_PID" || rc=$?
CHILD_PID=""
((rc == 0)) || { cat "$WORK/pgbench.txt" >&2; exit 1; }
tps=$(sed -n 's/^tps = \([0-9.]*\) .*without initial connection.*/\1/p' "$WORK/pgbench.txt")
[[ -n $tps ]] || tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.txt" | tail -n 1)
[[ -n $tps ]] || { cat "$WORK/pgbench.txt" >&2; echo "no tps in the pgbench output" >&2; exit 1; }
pg_latency=$(sed -n 's/^latency average = \(.*\)$/\1/p' "$WORK/pgbench.txt")
if ((DURATION >= 6 && snapshot_late)); then
    pgbench_cpu="n/a (the CPU snapshots were too slow: the machine is very busy)"
elif ((DURATION >= 6)); then
    # "milliseconds per insert|description"
    IFS='|' read -r pgbench_ms pgbench_cpu < <(awk -v busy="$((busy_after - busy_before))" \
        -v total="$((total_after - total_before))" -v n="$(nproc)" -v hz="$HZ" -v tps="$tps" \
        -v pg="${pg_after:+$((pg_after - pg_before))}" -v cl="$((client_after - client_before))" \
        -v irq="$((irq_after - irq_before))" 'BEGIN {
            s = total / n / hz; m = busy / hz / s; c = cl / hz / s; i = irq / hz / s
            p = pg == "" ? 0 : pg / hz / s
            ms = 1000 * (p + c) / tps
            printf "%.4f|machine %.2f of %d cores busy: postgres %.2f, pgbench client %.2f,", ms, m, n, p, c
            printf " other processes %.2f (interrupts %.2f, charged to the processes they interrupted);", m - p - c, i
            printf " CPU per insert %.3f ms\n", ms
        }')
fi

# --- report ---------------------------------------------------------------------------------------------
rate=$(value signatures_per_s)
sig_ms=$(value cpu_ms_per_signature)
commits=$((commits_after - commits_before))
per_batch=$(awk -v r="$rows_after" -v b="$batches" 'BEGIN { printf "%.1f", b ? r / b : 0 }')
commits_per_sig=$(awk -v a="$ack_total" -v c="$commits" 'BEGIN { printf "%.1f", a ? c / a : 0 }')
ratio=$(awk -v s="$rate" -v p="$tps" 'BEGIN { printf "%.3f (%.1f%%)", s / p, 100 * s / p }')
cpu_ratio=$(awk -v i="$pgbench_ms" -v s="$sig_ms" 'BEGIN {
    if (i == "" || s == "" || s == 0) print "n/a"
    else printf "%.3f (%.1f%%; less sensitive to other load on the machine)", i / s, 100 * i / s }')
echo
echo "== result (clients=$CLIENTS, ${DURATION} s measured)"
printf '%-34s %s\n' \
    "signatures/s (303, measured):" "$rate" \
    "latency p50 / p99 / max (ms):" "$(value p50_ms) / $(value p99_ms) / $(value max_ms)" \
    "errors (non-303, measured):" "$(value errors_measured) (whole run: $(value errors_total))" \
    "acknowledged (whole run):" "$ack_total" \
    "new signature rows:" "$new_rows" \
    "lost (acknowledged - rows):" "$lost" \
    "signature mail rows / lost:" "$mails / $lost_mails" \
    "signature write transactions:" "$batches ($per_batch signatures per transaction)" \
    "DB commits during load:" "$commits ($commits_per_sig per signature; reads and the mail worker included)" \
    "mail outbox right after the load:" "$outbox" \
    "WAL syncs during load (cluster):" "$((wal_after - wal_before))" \
    "CPU (measured window):" "$(value cpu_measured)" \
    "our CPU per signature:" "${sig_ms:-n/a} ms (app + postgres + load generator)" \
    "pgbench insert tps:" "$tps (latency avg $pg_latency)" \
    "CPU during pgbench:" "$pgbench_cpu" \
    "ratio signatures/s / pgbench tps:" "$ratio" \
    "ratio of CPU cost (insert / sig.):" "$cpu_ratio"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((lost > 0 || lost_mails > 0)); then
    echo "LOST ACKNOWLEDGED SIGNATURES" >&2
    exit 3
fi
