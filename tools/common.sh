# tools/common.sh: shared by ./demo, ./test and bench/run.
#
# Installs what entente needs (Debian 12, as root), builds and installs the
# extension, and starts a throwaway PostgreSQL cluster on a Unix socket in a
# temporary directory, unless PGHOST/PGPORT/PGDATABASE/PGUSER already point
# to a server (ENTENTE_USE_EXISTING=1 is implied when PGHOST is set).

set -euo pipefail

ENTENTE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_CONFIG=${PG_CONFIG:-$PG_BIN/pg_config}
export PATH="$PG_BIN:$PATH"

ENTENTE_PACKAGES=(
	postgresql-15 postgresql-server-dev-15 postgresql-client-15
	libicu-dev libcld2-dev pkg-config make gcc g++
	postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
	unicode-data bzip2 util-linux
	postgresql-15-cron graphviz
)

log() { printf '\n== %s\n' "$*" >&2; }

# install_deps: apt-get install whatever of ENTENTE_PACKAGES is missing.
install_deps() {
	local missing=()
	for p in "${ENTENTE_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		return 0
	fi
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing packages: ${missing[*]} (run as root, or install them)" >&2
		exit 1
	fi
	log "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# build_install: compile and install the extension (warnings are errors in CI).
build_install() {
	log "building entente"
	local cflags=""
	if [ "${CI:-}" = "true" ]; then cflags="-Werror"; fi
	make -C "$ENTENTE_ROOT" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" PG_CFLAGS="$cflags"
	if [ -w "$($PG_CONFIG --pkglibdir)" ]; then
		make -C "$ENTENTE_ROOT" -s install PG_CONFIG="$PG_CONFIG" >/dev/null
	else
		sudo make -C "$ENTENTE_ROOT" -s install PG_CONFIG="$PG_CONFIG" >/dev/null
	fi
}

ENTENTE_CLUSTER=""
ENTENTE_RUNAS=()

# stop_cluster: stop and remove the throwaway cluster, if we started one.
stop_cluster() {
	if [ -n "$ENTENTE_CLUSTER" ] && [ -d "$ENTENTE_CLUSTER" ]; then
		"${ENTENTE_RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$ENTENTE_CLUSTER/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$ENTENTE_CLUSTER"
		ENTENTE_CLUSTER=""
	fi
}

# start_cluster [extra postgres options]: a fresh UTF-8 cluster on a Unix
# socket in a temporary directory; exports PGHOST, PGPORT, PGUSER, PGDATABASE.
start_cluster() {
	if [ -n "${PGHOST:-}" ] || [ "${ENTENTE_USE_EXISTING:-}" = 1 ]; then
		log "using the existing server (PGHOST=${PGHOST:-default} PGPORT=${PGPORT:-default})"
		return 0
	fi
	ENTENTE_CLUSTER=$(mktemp -d /tmp/entente-pg.XXXXXX)
	trap stop_cluster EXIT
	if [ "$(id -u)" -eq 0 ]; then
		# the server refuses to run as root: use the postgres account
		id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
		chown postgres "$ENTENTE_CLUSTER"
		ENTENTE_RUNAS=(runuser -u postgres --)
	fi
	log "starting a throwaway cluster in $ENTENTE_CLUSTER"
	"${ENTENTE_RUNAS[@]}" "$PG_BIN/initdb" -D "$ENTENTE_CLUSTER/data" -U postgres \
		--encoding=UTF8 --locale=C.UTF-8 -A trust >"$ENTENTE_CLUSTER/initdb.log" 2>&1 ||
		{ cat "$ENTENTE_CLUSTER/initdb.log" >&2; exit 1; }
	cat >>"$ENTENTE_CLUSTER/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$ENTENTE_CLUSTER'
port = 5432
fsync = off
max_worker_processes = 16
${ENTENTE_EXTRA_CONF:-}
CONF
	"${ENTENTE_RUNAS[@]}" "$PG_BIN/pg_ctl" -D "$ENTENTE_CLUSTER/data" -w \
		-l "$ENTENTE_CLUSTER/server.log" start >/dev/null ||
		{ cat "$ENTENTE_CLUSTER/server.log" >&2; exit 1; }
	export PGHOST="$ENTENTE_CLUSTER" PGPORT=5432 PGUSER=postgres PGDATABASE=postgres
}

# load_articles DB: create table articles and load data/articles/*.txt.
load_articles() {
	local db=$1 f base
	{
		echo "DROP TABLE IF EXISTS articles;"
		echo "CREATE TABLE articles (id text PRIMARY KEY, lang text, published date, source text, title text, body text NOT NULL);"
		for f in "$ENTENTE_ROOT"/data/articles/*.txt; do
			base=${f%.txt}
			local meta_lang meta_pub meta_src meta_title
			meta_lang=$(sed -n 's/^lang: //p' "$base.meta")
			meta_pub=$(sed -n 's/^published: //p' "$base.meta")
			meta_src=$(sed -n 's/^source: //p' "$base.meta")
			meta_title=$(sed -n 's/^title: //p' "$base.meta")
			printf '\\set id %s\n' "$(basename "$base")"
			printf '\\set lang %s\n' "$meta_lang"
			printf '\\set published %s\n' "$meta_pub"
			printf '\\set source `sed -n "s/^source: //p" %q`\n' "$base.meta"
			printf '\\set title `sed -n "s/^title: //p" %q`\n' "$base.meta"
			printf '\\set body `cat %q`\n' "$f"
			echo "INSERT INTO articles VALUES (:'id', :'lang', :'published', :'source', :'title', :'body');"
		done
	} | psql -X -q -v ON_ERROR_STOP=1 -d "$db"
}

# load_langid DB: table langid_samples(lang, kind, txt) from data/langid/*.txt:
# every line is a sentence, every blank-line separated block a paragraph.
load_langid() {
	local db=$1 f l
	{
		echo "DROP TABLE IF EXISTS langid_samples;"
		echo "CREATE TABLE langid_samples (lang text, kind text, txt text);"
		for f in "$ENTENTE_ROOT"/data/langid/*.txt; do
			l=$(basename "$f" .txt)
			printf '\\set t `cat %q`\n' "$f"
			echo "INSERT INTO langid_samples SELECT '$l', 'sentence', s FROM regexp_split_to_table(:'t', E'\\n') s WHERE s <> '';"
			echo "INSERT INTO langid_samples SELECT '$l', 'paragraph', replace(p, E'\\n', ' ') FROM regexp_split_to_table(:'t', E'\\n\\n+') p WHERE p <> '';"
		done
	} | psql -X -q -v ON_ERROR_STOP=1 -d "$db"
}
