#!/usr/bin/env bash
# The bench (not part of the tests): builds the release package and maillint-server, starts
# Dovecot and Postfix on loopback, and measures sizes, browser start-up and latency, typo
# accuracy beside mailcheck and @zootools/email-spell-checker, and the backend. Prints the
# table and writes bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
command -v twiggy >/dev/null 2>&1 || cargo install twiggy --locked
./scripts/build-wasm.sh
# The same build with symbol names, for the breakdown of what each part costs.
. scripts/wasm-flags.sh
env ${WASM_TOOLCHAIN:+RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"} \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$WASM_RUSTFLAGS" \
  wasm-pack build --release --target web --out-dir target/bench-names --no-pack -- --no-default-features \
  "${WASM_CARGO_ARGS[@]}" >/dev/null 2>&1
twiggy top -n 1000000 -f csv target/bench-names/maillint_bg.wasm > target/bench-twiggy.csv
cargo build --release -q -p maillint-server
# BENCH_BASELINE=<git revision>: that revision's package too, for check side by side.
if [ -n "${BENCH_BASELINE:-}" ]; then
  rm -rf target/bench-baseline
  git worktree remove --force target/bench-baseline-src 2>/dev/null || true
  git worktree add --detach target/bench-baseline-src "$BENCH_BASELINE" >/dev/null
  ln -s "$PWD/node_modules" target/bench-baseline-src/node_modules
  (cd target/bench-baseline-src && CARGO_TARGET_DIR="$PWD/../bench-baseline-target" ./scripts/build-wasm.sh >/dev/null 2>&1)
  mkdir -p target/bench-baseline
  cp -r target/bench-baseline-src/pkg target/bench-baseline/pkg
  git worktree remove --force target/bench-baseline-src
fi

servers="$(mktemp -d /tmp/maillint-bench.XXXXXX)"
pid=""
dns_pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$dns_pid" ] && kill "$dns_pid" 2>/dev/null || true
  [ -n "${shared_pids:-}" ] && kill $shared_pids 2>/dev/null || true
  [ -n "${redis_pid:-}" ] && kill "$redis_pid" 2>/dev/null || true
  ./scripts/mail-servers.sh stop "$servers" >/dev/null 2>&1 || true
}
trap cleanup EXIT
./scripts/mail-servers.sh start "$servers"

# Discovery's local world: dnsmasq answers the bench's .test domains (MX, and autoconfig.
# names on 127.0.0.2, where bench.mjs serves config-v1.1.xml over HTTPS with a bench CA).
dns_port=18053
records=(--local=/test/ --mx-host=canary.test,mx.canary.test,10)
names=""
for i in $(seq 1 60); do
  records+=("--mx-host=b$i.test,mx.b$i.test,10" "--host-record=autoconfig.b$i.test,127.0.0.2")
  names="$names,DNS:autoconfig.b$i.test"
done
dnsmasq --keep-in-foreground --port "$dns_port" --listen-address=127.0.0.1 --bind-interfaces \
  --no-resolv --no-hosts --conf-file=/dev/null --pid-file= --user=root "${records[@]}" &
dns_pid=$!
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=maillint bench CA" \
  -addext "basicConstraints=critical,CA:TRUE" -keyout "$servers/bench-ca.key" \
  -out "$servers/bench-ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=bench autoconfig" -keyout "$servers/ac.key" \
  -out "$servers/ac.csr" 2>/dev/null
printf 'subjectAltName=%s\n' "${names#,}" > "$servers/ac.ext"
openssl x509 -req -in "$servers/ac.csr" -CA "$servers/bench-ca.pem" -CAkey "$servers/bench-ca.key" \
  -CAcreateserial -days 2 -extfile "$servers/ac.ext" -out "$servers/ac.pem" 2>/dev/null
cat "$servers/certs/ca.pem" "$servers/bench-ca.pem" > "$servers/all-ca.pem"
port=18099
./target/release/maillint-server --listen "127.0.0.1:$port" --www . --allow-private-targets \
  --extra-ca "$servers/all-ca.pem" --source-address 127.0.0.2 --dns-server "127.0.0.1:$dns_port" --dns-canary canary.test \
  --resolve mail.maillint.test=127.0.0.1 --allowed-ports 10993,18110,18111 \
  --client-burst 100000 --client-per-minute 100000 --target-per-minute 100000 \
  --page-burst 100000 --page-per-minute 100000 \
  --max-in-flight 1000 --max-connections 4000 --max-connections-per-client 4000 \
  > "$servers/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

# Four more instances counting their limits in one Redis: one alone, three side by side.
redis_port=18379
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >/dev/null &
redis_pid=$!
shared=""
shared_pids=""
for p in 18101 18102 18103 18104; do
  ./target/release/maillint-server --listen "127.0.0.1:$p" --allow-private-targets \
    --extra-ca "$servers/all-ca.pem" --source-address 127.0.0.2 --resolve mail.maillint.test=127.0.0.1 \
    --allowed-ports 10993 --redis "redis://127.0.0.1:$redis_port/0" \
    --client-burst 100000 --client-per-minute 100000 --target-per-minute 100000 \
    --page-burst 100000 --page-per-minute 100000 \
    --max-in-flight 1000 --max-connections 4000 --max-connections-per-client 4000 \
    > "$servers/server-$p.log" 2>&1 &
  shared_pids="$shared_pids $!"
  shared="$shared,http://127.0.0.1:$p"
done
sleep 1

BENCH_SHARED="${shared#,}" BENCH_API="http://127.0.0.1:$port" BENCH_SERVER_PID="$pid" BENCH_CA="$servers/certs/ca.pem" \
  BENCH_AUTOCONFIG_KEY="$servers/ac.key" BENCH_AUTOCONFIG_CERT="$servers/ac.pem" \
  BENCH_TWIGGY=target/bench-twiggy.csv node bench/bench.mjs
