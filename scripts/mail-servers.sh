#!/usr/bin/env bash
# Starts (or stops) a real Dovecot and Postfix on loopback high ports for the probe's tests,
# with certificates made at start: `scripts/mail-servers.sh start DIR` / `stop DIR`.
#   Dovecot: IMAP 10143 (STARTTLS), IMAPS 10993, POP3 10110 (STLS), POP3S 10995; the
#     certificate is chosen by SNI: mail. (valid, test CA), expired., wrongname., both.
#     (expired and for other names), selfsigned. (all under maillint.test).
#   Postfix: SMTP 10025 (STARTTLS, no AUTH), submission 10587 (STARTTLS required, AUTH via
#     Dovecot after TLS), submissions 10465 (implicit TLS, AUTH).
# The probe connects from 127.0.0.2, so Dovecot sees a remote client, not a local one.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
dir="$(mkdir -p "$dir" && cd "$dir" && pwd)"

stop() {
  if [ -f "$dir/dovecot/run/master.pid" ]; then
    kill "$(cat "$dir/dovecot/run/master.pid")" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$dir/dovecot/run/master.pid" ] || break; sleep 0.1; done
  fi
  [ -d "$dir/postfix" ] && postfix -c "$dir/postfix" stop >/dev/null 2>&1 || true
  [ -f "$dir/postfix.pid" ] && kill "$(cat "$dir/postfix.pid")" 2>/dev/null || true
  return 0
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }
stop

if ! command -v dovecot >/dev/null || ! command -v postfix >/dev/null; then
  echo "[mail-servers] Dovecot or Postfix is missing: run scripts/setup.sh first" >&2
  exit 1
fi

cargo run -q -p maillint-server --example test_certs -- "$dir/certs"

# --- Dovecot ---------------------------------------------------------------------------
mkdir -p "$dir/dovecot/run" "$dir/dovecot/state" "$dir/mail"
chmod 755 "$dir" "$dir/dovecot" "$dir/dovecot/run"
chown -R nobody:nogroup "$dir/mail"
sni() { printf 'local_name %s.maillint.test {\n  ssl_cert = <%s/certs/%s.pem\n  ssl_key = <%s/certs/%s.key\n}\n' "$1" "$dir" "$2" "$dir" "$2"; }
{
cat <<CONF
base_dir = $dir/dovecot/run
state_dir = $dir/dovecot/state
log_path = $dir/dovecot/dovecot.log
protocols = imap pop3
listen = 127.0.0.1
ssl = yes
ssl_cert = <$dir/certs/valid.pem
ssl_key = <$dir/certs/valid.key
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_login_user = dovenull
default_internal_user = dovecot
default_internal_group = dovecot
mail_location = maildir:$dir/mail/%u
passdb {
  driver = static
  args = password=test
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$dir/mail/%u
}
service imap-login {
  # One process serves many clients, so the bench can hold hundreds of probes at once.
  service_count = 0
  client_limit = 1000
  process_min_avail = 2
  inet_listener imap {
    address = 127.0.0.1
    port = 10143
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = 10993
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = 10110
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = 10995
    ssl = yes
  }
}
service auth {
  unix_listener auth-postfix {
    mode = 0666
  }
}
CONF
sni mail valid; sni expired expired; sni wrongname wrongname; sni both both; sni selfsigned selfsigned
} > "$dir/dovecot/dovecot.conf"
dovecot -c "$dir/dovecot/dovecot.conf"

# --- Postfix ---------------------------------------------------------------------------
pf="$dir/postfix"
mkdir -p "$pf" "$dir/postfix-queue" "$dir/postfix-data"
chown postfix "$dir/postfix-data"
cat > "$pf/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $dir/postfix-queue
data_directory = $dir/postfix-data
mail_owner = postfix
myhostname = mail.maillint.test
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
maillog_file = /dev/stdout
smtpd_banner = \$myhostname ESMTP maillint test
smtpd_tls_cert_file = $dir/certs/valid.pem
smtpd_tls_key_file = $dir/certs/valid.key
smtpd_tls_security_level = may
smtpd_sasl_type = dovecot
smtpd_sasl_path = $dir/dovecot/run/auth-postfix
smtpd_relay_restrictions = permit_sasl_authenticated, reject
CONF
cat > "$pf/master.cf" <<CONF
127.0.0.1:10025 inet n - n - - smtpd
127.0.0.1:10587 inet n - n - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_sasl_auth_enable=yes -o smtpd_tls_auth_only=yes
127.0.0.1:10465 inet n - n - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_sasl_auth_enable=yes
pickup    unix  n       -       n       60      1       pickup
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CONF
(postfix -c "$pf" start-fg > "$dir/postfix.out" 2>&1 & echo $! > "$dir/postfix.pid")

# Wait until every port answers.
for port in 10143 10993 10110 10995 10025 10587 10465; do
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "[mail-servers] port $port did not open" >&2; tail -20 "$dir"/dovecot/dovecot.log "$dir"/postfix.log "$dir"/postfix.out 2>/dev/null >&2; exit 1; }
done
echo "[mail-servers] Dovecot and Postfix are up; certificates in $dir/certs"
