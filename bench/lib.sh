# Shared by the benchmark scripts (sourced): ports, starting and stopping by PID, the machine's description.
# shellcheck shell=bash

# A free TCP port on 127.0.0.1 (20000-39999).
free_port() {
    local candidate
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    echo "no free port found" >&2
    return 1
}

# Stops one process by its PID: SIGTERM, up to 30 s, then SIGKILL. Never by name or pattern.
stop_pid() {
    local pid=$1
    [[ -n $pid ]] || return 0
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 150); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "PID $pid did not stop within 30 s of SIGTERM; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
}

# Waits until http://127.0.0.1:$1/actuator/health answers 200 while PID $2 lives; prints the seconds it took.
wait_healthy() {
    local port=$1 pid=$2 started=$SECONDS
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { echo "the app exited during start" >&2; return 1; }
        ((SECONDS - started < 180)) || { echo "the app was not healthy within 180 s" >&2; return 1; }
        sleep 0.2
    done
    echo $((SECONDS - started))
}

# The highest resident set size (MiB) PID $1 reaches, sampled every 0.5 s until it exits or this is killed;
# written to file $2 as it grows.
track_rss() {
    local pid=$1 out=$2 kb max=0
    while kill -0 "$pid" 2>/dev/null; do
        kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
        if ((kb > max)); then
            max=$kb
            echo $((max / 1024)) >"$out"
        fi
        sleep 0.5
    done
}

machine_line() {
    echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The JVM options of a node as deploy/systemd/keephope@.service starts it (read from its ExecStart line), so the
# benchmarks measure the memory and start of what is shipped; JAVA_OPTS come after them and may override them.
node_java_opts() {
    local unit
    unit="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/deploy/systemd/keephope@.service"
    sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' "$unit"
}

# Starts the jar ($JAR) as the signing benchmarks run it and sets APP_PID: generated development keys, the demo
# campaign, no form-fill delay, limits out of the way, quiet logs. $1 port, $2 JDBC URL, $3 database user, $4 key
# directory, $5 log file; any further arguments are extra NAME=value settings (e.g. the SMTP server).
start_bench_app() {
    local port=$1 url=$2 user=$3 keys=$4 log=$5
    shift 5
    mkdir -p "$keys"
    echo "jvm options: $(node_java_opts) ${JAVA_OPTS:-}"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    env SERVER_PORT="$port" \
        SPRING_DATASOURCE_URL="$url" \
        SPRING_DATASOURCE_USERNAME="$user" \
        KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS=true \
        KEEPHOPE_CRYPTO_KEY_DIRECTORY="$keys" \
        KEEPHOPE_DEMO=true \
        KEEPHOPE_SIGNING_MIN_FILL_TIME=0s \
        KEEPHOPE_SIGNING_CLIENT_LIMIT_PER_HOUR=100000000 \
        KEEPHOPE_SIGNING_ADDRESS_LIMIT_PER_HOUR=1000 \
        SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE=10s \
        LOGGING_LEVEL_ROOT=WARN \
        "$@" \
        java $(node_java_opts) ${JAVA_OPTS:-} -jar "$JAR" >"$log" 2>&1 &
    APP_PID=$!
}
