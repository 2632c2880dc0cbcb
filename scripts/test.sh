#!/usr/bin/env bash
# Installs what the tests need when it is missing (PostgreSQL, Chromium), starts PostgreSQL, builds, runs every
# test project, and prints "N passed, N failed" as its last line. Exits non-zero on any failure, or when a suite
# ran no test at all.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false

log() { echo "== $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq >/dev/null; apt_updated=1; }
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# PostgreSQL: a real server for the provider suite, unless PETITION_TEST_POSTGRES points at one already.
if [ -z "${PETITION_TEST_POSTGRES:-}" ]; then
  command -v pg_lsclusters >/dev/null || { log "installing PostgreSQL"; apt_install postgresql; }
  version=$(pg_lsclusters -h | awk 'NR==1{print $1}')
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    as_root pg_createcluster "$version" main >/dev/null
  fi
  pg_lsclusters -h | awk '$4=="online"{f=1}END{exit !f}' || { log "starting PostgreSQL $version"; as_root pg_ctlcluster "$version" main start; }
  for _ in $(seq 50); do pg_isready -q -h 127.0.0.1 && break; sleep 0.2; done
  (cd /tmp && as_root runuser -u postgres -- psql -q -c \
    "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='petition') THEN CREATE ROLE petition LOGIN PASSWORD 'petition' CREATEDB; END IF; END\$\$;") >/dev/null
  # A streaming replica of it for the read-replica tests.
  bash scripts/replica.sh
fi

# Chromium from Debian for the browser tests; Playwright drives it, it never downloads a browser of its own.
[ -x /usr/bin/chromium ] || { log "installing Chromium"; apt_install chromium fonts-noto-core fonts-noto-cjk; }
# The font the share image is drawn with (src/Petition.Web/Sharing/ShareImage.cs).
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ] || { log "installing fonts-dejavu-core"; apt_install fonts-dejavu-core; }
# DejaVu has no Chinese, Japanese or Korean glyphs: a share image whose title needs them uses Noto Sans CJK.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ] || { log "installing fonts-noto-cjk"; apt_install fonts-noto-cjk; }
# The delivery PDF's fonts beyond DejaVu (src/Petition.Web/Exports/Pdf/PdfFonts.cs); pdftotext and openssl read
# exports back in the tests as a recipient would.
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] && [ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] \
  || { log "installing the PDF fonts"; apt_install fonts-droid-fallback fonts-symbola; }
# nginx with proxy_cache in front of two instances (tests/Petition.Tests/Caching), as deploy/nginx.conf ships it.
[ -x /usr/sbin/nginx ] || { log "installing nginx"; apt_install nginx-light; }
command -v pdftotext >/dev/null || { log "installing poppler-utils"; apt_install poppler-utils; }
command -v openssl >/dev/null || { log "installing openssl"; apt_install openssl; }
# The receipt checker the site serves (wwwroot/verify-receipt.py) is run as a signer would run it.
command -v python3 >/dev/null || { log "installing python3"; apt_install python3; }
# axe-core for the accessibility tests, from npm's lock file.
[ -d tests/Petition.Tests/axe/node_modules ] || { log "installing axe-core"; (cd tests/Petition.Tests/axe && npm ci --no-audit --no-fund >/dev/null); }

log "building"
dotnet tool restore >/dev/null
dotnet build Petition.sln -c Debug -nologo -clp:ErrorsOnly || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; skipped=0; status=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  log "testing $name"
  out=$(mktemp)
  # The default (minimal) console output: each failure in full, then one summary line per assembly. Of a failure's
  # stack trace only our own frames are shown: they name the line of the test that failed.
  # The screenshots (scripts/screenshots.sh) are pictures for the docs, not checks: they are taken on purpose only.
  # A test that hangs is stopped after 10 minutes and named ("The active test running was ..."), so a run ends
  # with a failure that says where, never at CI's time limit with nothing said.
  dotnet test "$project" --no-build -nologo --filter "Category!=Screenshots" \
    --blame-hang-timeout 10m --blame-hang-dump-type none 2>&1 | tee "$out" | awk '!/^[[:space:]]*at / || /Petition\./'
  summary=$(grep -E "(Passed|Failed)!\s+-\s+Failed:" "$out" | tail -1)
  if [ -z "$summary" ]; then
    echo "$name: no test summary (crashed or ran nothing)"; tail -20 "$out"; failed=$((failed + 1)); status=1
  else
    p=$(sed -E 's/.*Passed:\s+([0-9]+).*/\1/' <<<"$summary")
    f=$(sed -E 's/.*Failed:\s+([0-9]+),.*/\1/' <<<"$summary")
    s=$(sed -E 's/.*Skipped:\s+([0-9]+).*/\1/' <<<"$summary")
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    [ "$f" = 0 ] || status=1
    [ "$p" -gt 0 ] || { echo "$name ran no test"; status=1; failed=$((failed + 1)); }
  fi
  rm -f "$out"
done

echo "$passed passed, $failed failed, $skipped skipped"
exit $status
