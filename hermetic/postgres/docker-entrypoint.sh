#!/usr/bin/env bash
# Entry point of the postgres:17 stand-in. It initialises an empty data directory the way the
# official image's entry point does (docker-library/postgres, 17/*/docker-entrypoint.sh), including
# its start-up window, so that the grader is tested against what students' stacks really show:
#   1. initdb with POSTGRES_USER and POSTGRES_PASSWORD (local connections trusted, as initdb does by
#      default), then `host all all all <password_encryption>` appended to pg_hba.conf;
#   2. a temporary server started with `pg_ctl -w` that listens on the Unix socket only
#      (listen_addresses empty): psql through the socket reaches it, TCP does not;
#   3. CREATE DATABASE "$POSTGRES_DB" through psql on that socket (when it does not exist yet);
#   4. /docker-entrypoint-initdb.d/ in name order: *.sh run when executable, else sourced; *.sql
#      (and *.sql.gz, *.sql.xz, *.sql.zst) through psql on $POSTGRES_DB; anything else ignored;
#   5. the temporary server stopped (`pg_ctl -m fast -w stop`);
#   6. exec of the real server, which listens on all addresses (listen_addresses = '*' is set in
#      postgresql.conf.sample by the Dockerfile, as the official image does).
# The init steps run as the postgres user (re-exec through setpriv when started as root), and the
# server ends as PID 1 so `docker stop` (SIGINT) stops it quickly. During steps 1 to 5 PID 1 is
# this script, which, like the official one, does not handle SIGINT.
set -Eeo pipefail

# VAR or the content of the file named by VAR_FILE (Docker secrets), exclusive, else DEFAULT.
file_env() {
  local var=$1 file_var="${1}_FILE" default=${2:-}
  if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
    printf >&2 'error: both %s and %s are set (but are exclusive)\n' "$var" "$file_var"
    exit 1
  fi
  local value=$default
  if [ -n "${!var:-}" ]; then
    value=${!var}
  elif [ -n "${!file_var:-}" ]; then
    value=$(<"${!file_var}")
  fi
  export "$var"="$value"
  unset "$file_var"
}

# True when the arguments ask postgres for help or its version, not for a server.
wants_help() {
  local arg
  for arg; do
    case "$arg" in
      -'?' | --help | --describe-config | -V | --version) return 0 ;;
    esac
  done
  return 1
}

# psql on the Unix socket, as the superuser, stopping at the first error.
run_sql() {
  local args=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  [ -n "$POSTGRES_DB" ] && args+=(--dbname "$POSTGRES_DB")
  PGHOST='' PGHOSTADDR='' "${args[@]}" "$@"
}

create_database() {
  local exists
  exists=$(POSTGRES_DB='' run_sql --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<<"SELECT 1 FROM pg_database WHERE datname = :'db';")
  if [ -z "${exists//[[:space:]]/}" ]; then
    POSTGRES_DB='' run_sql --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
}

run_init_files() {
  local file
  for file; do
    case "$file" in
      *.sh)
        if [ -x "$file" ]; then
          printf '%s: running %s\n' "$0" "$file"
          "$file"
        else
          printf '%s: sourcing %s\n' "$0" "$file"
          # shellcheck disable=SC1090
          . "$file"
        fi
        ;;
      *.sql) printf '%s: running %s\n' "$0" "$file"; run_sql -f "$file" ;;
      *.sql.gz) printf '%s: running %s\n' "$0" "$file"; gunzip -c "$file" | run_sql ;;
      *.sql.xz) printf '%s: running %s\n' "$0" "$file"; xzcat "$file" | run_sql ;;
      *.sql.zst) printf '%s: running %s\n' "$0" "$file"; zstd -dc "$file" | run_sql ;;
      *) printf '%s: ignoring %s\n' "$0" "$file" ;;
    esac
  done
}

initialise() {
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<'EOF'
Error: Database is uninitialized and superuser password is not specified.
       You must specify POSTGRES_PASSWORD to a non-empty value for the
       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".
EOF
    exit 1
  fi
  # Like the official image: an unreadable init folder fails before initdb, not halfway.
  ls /docker-entrypoint-initdb.d/ >/dev/null

  local waldir=()
  [ -n "${POSTGRES_INITDB_WALDIR:-}" ] && waldir=(--waldir "$POSTGRES_INITDB_WALDIR")
  # initdb refuses an empty password file, hence the newline.
  eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"${POSTGRES_INITDB_ARGS:-}"' "${waldir[@]}"'

  local auth
  auth=$(postgres -C password_encryption "${server_args[@]}")
  : "${POSTGRES_HOST_AUTH_METHOD:=$auth}"
  printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"

  export PGPASSWORD=${PGPASSWORD:-$POSTGRES_PASSWORD}
  # The temporary server: Unix socket only, same port, started and waited for by pg_ctl.
  NOTIFY_SOCKET='' PGUSER=${PGUSER:-$POSTGRES_USER} \
    pg_ctl -D "$PGDATA" -o "$(printf '%q ' "${server_args[@]}" -c listen_addresses= -p "${PGPORT:-5432}")" -w start

  create_database
  printf '\n'
  shopt -s nullglob
  run_init_files /docker-entrypoint-initdb.d/*
  shopt -u nullglob

  PGUSER=${PGUSER:-postgres} pg_ctl -D "$PGDATA" -m fast -w stop
  unset PGPASSWORD
  printf '\nPostgreSQL init process complete; ready for start up.\n\n'
}

if [ "${1:0:1}" = - ]; then
  set -- postgres "$@"
fi

if [ "$1" = postgres ] && ! wants_help "$@"; then
  PGDATA=${PGDATA:-/var/lib/postgresql/data}
  export PGDATA
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"

  if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chmod 00700 "$PGDATA" || :
    chmod 03775 /var/run/postgresql || :
    if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
      mkdir -p "$POSTGRES_INITDB_WALDIR"
      find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
      chmod 700 "$POSTGRES_INITDB_WALDIR"
    fi
    find "$PGDATA" /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
    exec setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql "$BASH_SOURCE" "$@"
  fi

  server_args=("${@:2}")
  if [ -s "$PGDATA/PG_VERSION" ]; then
    printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
  else
    initialise
  fi
fi

exec "$@"
