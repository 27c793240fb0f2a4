#!/usr/bin/env bash
# Starts a throw-away OpenLDAP directory for the integration tests: a slapd.conf and an mdb
# database in DIR, seeded from seed.ldif with slapadd, listening on ldap://127.0.0.1:PORT only.
# Runs slapd in the foreground (-d 0) so the caller owns the process; usage: slapd.sh DIR PORT
set -euo pipefail
dir=${1:?usage: slapd.sh DIR PORT}
port=${2:?usage: slapd.sh DIR PORT}
here=$(cd "$(dirname "$0")" && pwd)
SLAPD=$(command -v slapd || echo /usr/sbin/slapd)
SLAPADD=$(command -v slapadd || echo /usr/sbin/slapadd)
SLAPPASSWD=$(command -v slappasswd || echo /usr/sbin/slappasswd)
SCHEMA=/etc/ldap/schema
MODULES=/usr/lib/ldap

mkdir -p "$dir/data"
cat >"$dir/slapd.conf" <<CONF
include $SCHEMA/core.schema
include $SCHEMA/cosine.schema
include $SCHEMA/inetorgperson.schema
include $SCHEMA/nis.schema
pidfile $dir/slapd.pid
argsfile $dir/slapd.args
modulepath $MODULES
moduleload back_mdb
database mdb
maxsize 16777216
suffix "dc=example,dc=org"
rootdn "cn=admin,dc=example,dc=org"
rootpw $("$SLAPPASSWD" -s admin-secret)
directory $dir/data
access to attrs=userPassword
  by self write
  by anonymous auth
  by * none
access to *
  by dn.exact="cn=oauth-service,ou=services,dc=example,dc=org" read
  by self read
  by * none
CONF

seed="$dir/seed.ldif"
hash() { "$SLAPPASSWD" -s "$1"; }
sed -e "s|@SERVICE_PASSWORD@|$(hash service-secret)|" \
    -e "s|@DAVE_PASSWORD@|$(hash dave-password)|" \
    -e "s|@ERIN_PASSWORD@|$(hash erin-password)|" \
    -e "s|@FRANK_PASSWORD@|$(hash frank-password)|" \
    "$here/seed.ldif" >"$seed"
"$SLAPADD" -q -f "$dir/slapd.conf" -l "$seed"
exec "$SLAPD" -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" -d 0
