#!/bin/bash
# The images' HEALTHCHECK: GET /health/live on the container's own HTTP port with bash alone, as the .NET runtime images
# have neither curl nor wget. HEALTHCHECK_PORT is the port (each image sets its own); HEALTHCHECK_PATH defaults to
# /health/live. The Host header is the host of Consortium__PublicBaseUrl when it is set, since outside Development the
# portal answers no other host, else localhost. Healthy means 200; anything else, or no answer, is unhealthy.
set -euo pipefail
port="${HEALTHCHECK_PORT:-8080}"
path="${HEALTHCHECK_PATH:-/health/live}"
host="${Consortium__PublicBaseUrl:-http://localhost}"
host="${host#*://}"
host="${host%%/*}"

exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$host" >&3
IFS= read -r -t 5 status <&3
[[ "$status" == "HTTP/1."?" 200 "* ]]
