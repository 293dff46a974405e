#!/usr/bin/env bash
# Public pages under load, with wrk (Debian's package), in one run:
#   - nginx serving the same bytes as static files (the ceiling),
#   - KeepHope behind nginx with deploy/nginx/keephope.conf, first with the page cache headers off
#     (KEEPHOPE_CACHE_PUBLIC_MAX_AGE=0s: every answer no-store, as before issue 13), then on (the default),
#   - KeepHope on its own port (no nginx), cache headers on,
# for the campaign page and the count API, and prints each figure's ratio to nginx static.
#
#   bench/pages.sh            # 64 connections, 10 s per measurement, about 2.5 minutes in all
#   bench/pages.sh 128 20     # 128 connections, 20 s each
#
# Needs nginx and wrk (apt-get install nginx-light wrk, or nginx), curl, a JDK 17, PostgreSQL at
# PGHOST:PGPORT (trust; H2=1 uses an H2 file instead). Everything is started by this script on free
# high ports with its own configuration under a temporary directory, and stopped by its PID.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONNECTIONS=${1:-${CONNECTIONS:-64}}
DURATION=${2:-${DURATION:-10}}
THREADS=${THREADS:-2}
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-keephope_pages_bench}
SLUG=keep-hope-alive

[[ $CONNECTIONS =~ ^[0-9]+$ && $CONNECTIONS -ge 1 && $CONNECTIONS -le 1000 ]] || { echo "CONNECTIONS: 1..1000" >&2; exit 2; }
[[ $DURATION =~ ^[0-9]+$ && $DURATION -ge 1 && $DURATION -le 300 ]] || { echo "DURATION: 1..300" >&2; exit 2; }
[[ $DB =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "BENCH_DB must be a plain identifier" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x $NGINX ]] || { echo "nginx not found: apt-get install nginx-light" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }
if [[ ${H2:-0} != 1 ]]; then
    command -v psql >/dev/null || { echo "psql not found (postgresql-client), or set H2=1" >&2; exit 2; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/keephope-pages.XXXXXX")
chmod 755 "$WORK"
APP_PID=""
NGINX_PID=""
APP_LOG="$WORK/app.log"

stop_app() {
    stop_pid "$APP_PID"
    APP_PID=""
}

stop_nginx() {
    if [[ -n $NGINX_PID ]] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill -QUIT "$NGINX_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$NGINX_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$NGINX_PID" 2>/dev/null && kill -TERM "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    NGINX_PID=""
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    stop_nginx
    stop_app
    if [[ $rc -ne 0 && -s $APP_LOG ]]; then
        echo "--- last lines of the app log ---" >&2
        tail -n 30 "$APP_LOG" >&2 || true
    fi
    if [[ ${H2:-0} != 1 ]]; then
        psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


echo "== KeepHope pages benchmark: connections=$CONNECTIONS threads=$THREADS duration=${DURATION}s"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n 1); $("$NGINX" -v 2>&1); $(wrk --version 2>&1 | head -n 1 | cut -c1-40)"

JAR=${JAR:-"$ROOT/target/keephope.jar"}
if [[ ! -f $JAR ]]; then
    echo "building $JAR"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi
if [[ ${H2:-0} == 1 ]]; then
    DATASOURCE="jdbc:h2:file:$WORK/data/keephope;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
    DB_USER=sa
    echo "database: H2 file"
else
    psql -X -q -d postgres -c "drop database if exists $DB with (force)" >/dev/null
    psql -X -q -d postgres -c "create database $DB" >/dev/null
    DATASOURCE="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
    DB_USER=$PGUSER
    echo "database: PostgreSQL $(psql -X -t -A -d postgres -c 'show server_version')"
fi

APP_PORT=$(free_port)
mkdir -p "$WORK/keys"
start_app() { # $1: KEEPHOPE_CACHE_PUBLIC_MAX_AGE
    # shellcheck disable=SC2086
    env SERVER_PORT="$APP_PORT" \
        SPRING_DATASOURCE_URL="$DATASOURCE" \
        SPRING_DATASOURCE_USERNAME="$DB_USER" \
        KEEPHOPE_CRYPTO_GENERATE_MISSING_KEYS=true \
        KEEPHOPE_CRYPTO_KEY_DIRECTORY="$WORK/keys" \
        KEEPHOPE_DEMO=true \
        KEEPHOPE_TRUSTED_PROXIES=127.0.0.1 \
        KEEPHOPE_CACHE_PUBLIC_MAX_AGE="$1" \
        SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE=10s \
        LOGGING_LEVEL_ROOT=WARN \
        java $(node_java_opts) ${JAVA_OPTS:-} -jar "$JAR" >>"$APP_LOG" 2>&1 &
    APP_PID=$!
    local started=$SECONDS
    until curl -fsS -o /dev/null "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null; do
        kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited during start" >&2; exit 1; }
        ((SECONDS - started < 120)) || { echo "the app was not healthy within 120 s" >&2; exit 1; }
        sleep 0.5
    done
    echo "app: PID $APP_PID on 127.0.0.1:$APP_PORT, KEEPHOPE_CACHE_PUBLIC_MAX_AGE=$1, healthy after $((SECONDS - started)) s"
}

# --- nginx: static copies of the same bytes, and the deploy configuration in front of the app ----------
STATIC_PORT=$(free_port)
PROXY_PORT=$(free_port)
mkdir -p "$WORK/static/campaigns" "$WORK/static/api/campaigns" "$WORK/nginx/cache" "$WORK/nginx/tmp"
chmod -R 777 "$WORK/nginx"
# the deploy file, made to listen on a high port without TLS, its cache here, its upstream the app
sed -e "s|listen 443 ssl;|listen 127.0.0.1:$PROXY_PORT;|" \
    -e "s|/var/cache/nginx/keephope|$WORK/nginx/cache|" \
    -e "s|server 127.0.0.1:8080 |server 127.0.0.1:$APP_PORT |" \
    "$ROOT/deploy/nginx/keephope.conf" >"$WORK/nginx/keephope.conf"
cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    types { text/html html; application/json json; }
    server {
        listen 127.0.0.1:$STATIC_PORT;
        root $WORK/static;
        location = /campaigns/$SLUG { default_type "text/html; charset=UTF-8"; try_files /campaigns/$SLUG.html =404; }
        location = /api/campaigns/$SLUG { default_type application/json; try_files /api/campaigns/$SLUG.json =404; }
    }
    include $WORK/nginx/keephope.conf;
}
EOF
"$NGINX" -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"

measure() { # $1 label, $2 url -> prints "label req/s p99" and sets RATE
    local out
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
    RATE=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
    local p99 errors
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 } /Socket errors:/ { print "socket:" $0 }' <<<"$out" | tr '\n' ' ')
    printf '%-44s %10.0f req/s   p99 %8s   %s\n' "$1" "$RATE" "$p99" "${errors:-no errors}"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }

PAGE=/campaigns/$SLUG
API=/api/campaigns/$SLUG
declare -A R

# --- before: no cache headers (every answer no-store) ----------------------------------------------------
start_app 0s
curl -fsS -o "$WORK/static/campaigns/$SLUG.html" "http://127.0.0.1:$APP_PORT$PAGE"
curl -fsS -o "$WORK/static/api/campaigns/$SLUG.json" "http://127.0.0.1:$APP_PORT$API"
echo "campaign page $(wc -c <"$WORK/static/campaigns/$SLUG.html") bytes, count API $(wc -c <"$WORK/static/api/campaigns/$SLUG.json") bytes"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fsS -o /dev/null "http://127.0.0.1:$STATIC_PORT$PAGE" 2>/dev/null && break; sleep 0.1; done
echo "nginx: PID $NGINX_PID, static on 127.0.0.1:$STATIC_PORT, deploy/nginx/keephope.conf on 127.0.0.1:$PROXY_PORT"
echo "page through nginx, cache off: $(curl -fsS -D - -o /dev/null "http://127.0.0.1:$PROXY_PORT$PAGE" | grep -i -E '^(cache-control|x-cache-status):' | tr -d '\r' | tr '\n' ' ')"
# warm the JIT on both routes
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$APP_PORT$PAGE" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$APP_PORT$API" >/dev/null

measure "nginx static, campaign page" "http://127.0.0.1:$STATIC_PORT$PAGE"; R[static_page]=$RATE
measure "nginx static, count API" "http://127.0.0.1:$STATIC_PORT$API"; R[static_api]=$RATE
measure "before: via nginx, no cache, campaign page" "http://127.0.0.1:$PROXY_PORT$PAGE"; R[before_page]=$RATE
measure "before: via nginx, count API" "http://127.0.0.1:$PROXY_PORT$API"; R[before_api]=$RATE
stop_app

# --- after: cache headers on (the default) --------------------------------------------------------------
start_app "${MAX_AGE:-2s}"
echo "page through nginx, cache on: $(curl -fsS -D - -o /dev/null "http://127.0.0.1:$PROXY_PORT$PAGE" | grep -i -E '^(cache-control|x-cache-status):' | tr -d '\r' | tr '\n' ' ')"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "http://127.0.0.1:$APP_PORT$PAGE" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "http://127.0.0.1:$APP_PORT$API" >/dev/null
measure "after: via nginx, micro-cache, campaign page" "http://127.0.0.1:$PROXY_PORT$PAGE"; R[after_page]=$RATE
measure "after: via nginx, micro-cache, count API" "http://127.0.0.1:$PROXY_PORT$API"; R[after_api]=$RATE
measure "app alone (no nginx), campaign page" "http://127.0.0.1:$APP_PORT$PAGE"; R[app_page]=$RATE
measure "app alone (no nginx), count API" "http://127.0.0.1:$APP_PORT$API"; R[app_api]=$RATE
# a browser revalidating its copy: a 304 from the app
ETAG=$(curl -fsS -D - -o /dev/null "http://127.0.0.1:$APP_PORT$API" | awk -F': ' 'tolower($1) == "etag" { print $2 }' | tr -d '\r')
echo "count API revalidation with If-None-Match $ETAG: HTTP $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "http://127.0.0.1:$APP_PORT$API")"

echo
echo "== ratios to nginx serving the same bytes"
printf '%-28s %8s %8s\n' "" "page" "API"
printf '%-28s %8s %8s\n' "before (via nginx, no-store)" "$(ratio "${R[before_page]}" "${R[static_page]}")" "$(ratio "${R[before_api]}" "${R[static_api]}")"
printf '%-28s %8s %8s\n' "after (via nginx, cached)" "$(ratio "${R[after_page]}" "${R[static_page]}")" "$(ratio "${R[after_api]}" "${R[static_api]}")"
printf '%-28s %8s %8s\n' "app alone" "$(ratio "${R[app_page]}" "${R[static_page]}")" "$(ratio "${R[app_api]}" "${R[static_api]}")"
