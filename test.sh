#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests need when it is missing (PostgreSQL, Chromium
# and the aiosmtpd SMTP server, from Debian's packages), starts PostgreSQL, and gives the tests a role that
# may create their own throw-away databases.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

missing=()
command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)  # a real SMTP server for email tests
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)  # independent checks of the Open Badges credentials
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# jose, jsonld, rdf-canonize and digitalbazaar's Data Integrity suite from npm, pinned by the lock file: they verify the
# portal's credentials and proofs with code that is not the portal's.
[ -d tests/tools/badges/node_modules/jose ] && [ -d tests/tools/badges/node_modules/@digitalbazaar/eddsa-rdfc-2022-cryptosuite ] \
  || (cd tests/tools/badges && npm ci --no-audit --no-fund --silent)

# Start every PostgreSQL cluster that is down (Debian creates one, e.g. "15 main").
while read -r version name _ status _; do
  [ "$status" = "online" ] || as_root pg_ctlcluster "$version" "$name" start
done < <(pg_lsclusters --no-header)
port=$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')
until pg_isready -q -h localhost -p "$port"; do sleep 0.5; done

# A fresh password each run; the role only creates (and drops) the tests' own databases.
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres <<SQL
SELECT 'CREATE ROLE consortium_test LOGIN CREATEDB' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'consortium_test')\gexec
ALTER ROLE consortium_test PASSWORD '$password';
SQL
export CONSORTIUM_TEST_POSTGRES="Host=localhost;Port=$port;Username=consortium_test;Password=$password;Database=postgres"
export CONSORTIUM_TEST_CHROMIUM=/usr/bin/chromium

log=$(mktemp)
status=0
dotnet test Consortium.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
