#!/usr/bin/env bash
# Gateway overhead benchmark: the same requests sent directly to the issue service and through the gateway, side by
# side in one run, with JWT checks on in both (the gateway checks the token, then the service checks it again).
#
#   bench/gateway/run.sh                       build the two jars, start a throw-away stack, measure, stop it
#   SKIP_BUILD=1 DURATION=20s bench/gateway/run.sh
#   GATEWAY_JAR=/tmp/old.jar ISSUE_JAR=... SKIP_BUILD=1 bench/gateway/run.sh   other builds (before/after)
#   EXTRA_JAVA_OPTS=-Dreactor.netty.ioWorkerCount=2 bench/gateway/run.sh      extra JVM options for both services
#
# Needs wrk (apt-get install -y wrk), curl and python3. Everything listens on 127.0.0.1 on free ports; the stack runs
# from copies of the jars in $BENCH_WORK, so builds running meanwhile do not disturb it. Results: stdout and
# $BENCH_WORK/results.md. Rate limits are raised out of the way (their cost is still paid on every request).
set -eu
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-10s}"
WORK="${BENCH_WORK:-/tmp/tracker-bench}"
TRIVIAL="${TRIVIAL:-/api/users/me}"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building issue-service and gateway"
  ./mvnw -q -pl gateway,issue-service -am -DskipTests -Djacoco.skip=true -Dspring-javaformat.skip=true package
fi
[ -f devstack/target/devstack.classpath ] || { echo "devstack is not built: run ./tracker status once" >&2; exit 1; }

# an isolated project root: the jars copied, the realm and the unpacked servers shared
rm -rf "$WORK"
mkdir -p "$WORK/gateway/target" "$WORK/issue-service/target" "$WORK/.devstack"
touch "$WORK/tracker" "$WORK/pom.xml"
ln -s "$ROOT/auth" "$WORK/auth"
[ -d "$ROOT/.devstack/cache" ] && ln -s "$ROOT/.devstack/cache" "$WORK/.devstack/cache"
cp "${GATEWAY_JAR:-$(ls gateway/target/gateway-*.jar | grep -v -e sources -e tests | head -n 1)}" \
  "$WORK/gateway/target/gateway-0.1.0-SNAPSHOT.jar"
cp "${ISSUE_JAR:-$(ls issue-service/target/issue-service-*.jar | grep -v -e sources -e tests | head -n 1)}" \
  "$WORK/issue-service/target/issue-service-0.1.0-SNAPSHOT.jar"

mkfifo "$WORK/control"
TRACKER_SERVICE_JAVA_OPTS="${EXTRA_JAVA_OPTS:-} -Dtracker.gateway.rate-limit.user.capacity=1000000000 -Dtracker.gateway.rate-limit.user.refill-tokens=1000000000" \
  java -Dtracker.root="$WORK" -cp "devstack/target/classes:$(cat devstack/target/devstack.classpath)" \
  bench/gateway/BenchStack.java <"$WORK/control" >"$WORK/stack.log" 2>&1 &
STACK=$!
exec 3>"$WORK/control"
trap 'exec 3>&-; wait $STACK 2>/dev/null || true' EXIT
until grep -q '^READY ' "$WORK/stack.log"; do
  kill -0 $STACK 2>/dev/null || { cat "$WORK/stack.log" >&2; exit 1; }
  sleep 2
done
PROPS="$(sed -n 's/^READY //p' "$WORK/stack.log")"
prop() { sed -n "s/^$1=//p" "$PROPS"; }
KEYCLOAK="http://localhost:$(prop keycloak.port)"
DIRECT="http://localhost:$(prop service.issue-service.port)"
GATEWAY="http://localhost:$(prop service.gateway.port)"
echo "Stack up: issue-service $DIRECT, gateway $GATEWAY, Keycloak $KEYCLOAK"

token() {
  curl -s -d client_id=tracker-cli -d grant_type=password -d username=maintainer@example.com -d password=test1234 \
    "$KEYCLOAK/realms/tracker/protocol/openid-connect/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

TOKEN="$(token)"
status="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$DIRECT$TRIVIAL")"
if [ "$status" != 200 ] && [ "$status" != 404 ]; then
  echo "$TRIVIAL answers $status directly; falling back to GET /api/issues/<random uuid> (404 after a key lookup)"
  TRIVIAL="/api/issues/$(python3 -c 'import uuid; print(uuid.uuid4())')"
fi
echo "Seeding 60 issues"
for i in $(seq 1 60); do
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"title\": \"Benchmark issue $i\", \"description\": \"Seeded by bench/gateway/run.sh\", \"severity\": \"HIGH\"}" \
    "$DIRECT/api/issues"
done

# run <label> <url> <connections> <duration>: prints "label rps p99_ms non2xx"
run() {
  TOKEN="$(token)" wrk -t1 -c"$3" -d"$4" --latency -s bench/gateway/bearer.lua "$2" >"$WORK/wrk-$1.txt" 2>&1
  python3 - "$1" "$WORK/wrk-$1.txt" <<'PY'
import re, sys
text = open(sys.argv[2]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)", text).groups())
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
errors = re.search(r"Socket errors: (.*)", text)
print(f"{sys.argv[1]} {rps:.0f} {p99:.2f} {bad.group(1) if bad else 0} {errors.group(1).replace(' ', '') if errors else '-'}")
PY
}

echo "Warming up ($WARMUP each)"
for target in "$DIRECT" "$GATEWAY"; do
  run warmup-trivial "$target$TRIVIAL" 50 "$WARMUP" >/dev/null
  run warmup-list "$target/api/issues?size=20" 50 "$WARMUP" >/dev/null
done

echo "Measuring ($DURATION each)"
: >"$WORK/runs.txt"
for connections in 50 200; do
  for endpoint in trivial list; do
    path="$TRIVIAL"; [ "$endpoint" = list ] && path="/api/issues?size=20"
    run "$endpoint-direct-c$connections" "$DIRECT$path" "$connections" "$DURATION" | tee -a "$WORK/runs.txt"
    run "$endpoint-gateway-c$connections" "$GATEWAY$path" "$connections" "$DURATION" | tee -a "$WORK/runs.txt"
  done
done

python3 - "$WORK/runs.txt" "$TRIVIAL" <<'PY' | tee "$WORK/results.md"
import sys
runs = {}
for line in open(sys.argv[1]):
    label, rps, p99, bad, errors = line.split()
    runs[label] = (float(rps), float(p99), int(bad), errors)
print(f"trivial endpoint: GET {sys.argv[2]}; issue list: GET /api/issues?size=20 (maintainer, 60 issues)\n")
print("| endpoint | connections | direct req/s | gateway req/s | ratio (target) | direct p99 ms | gateway p99 ms | p99 ratio (target) | non-2xx direct/gateway |")
print("|---|---|---|---|---|---|---|---|---|")
for connections in (50, 200):
    for endpoint, target in (("trivial", 0.40), ("list", 0.90)):
        d = runs[f"{endpoint}-direct-c{connections}"]
        g = runs[f"{endpoint}-gateway-c{connections}"]
        ratio = g[0] / d[0]
        p99 = g[1] / d[1]
        p99_target = " (≤ 1.5)" if connections == 200 else ""
        print(f"| {endpoint} | {connections} | {d[0]:.0f} | {g[0]:.0f} | {ratio:.2f} (≥ {target:.2f}) | {d[1]:.1f} | {g[1]:.1f} | {p99:.2f}{p99_target} | {d[2]}/{g[2]} |")
PY
