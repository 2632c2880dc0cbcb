#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/: the letter page, the signatories list, the check-email, confirm,
# confirmed and manage pages, and the console's letter dashboard and review queue, each at 390 and 1280 px wide, as
# whole pages (NAME-390.png, NAME-1280.png); and letter-390-screen.png, a phone's first screen, which README shows.
#
# How: one xUnit test, tests/Petition.Tests/Browser/Screenshots.cs, marked [Trait("Category", "Screenshots")] so
# that scripts/test.sh skips it. It starts the app on the test host (its own SQLite database, a fake clock set to
# 27 November 2026, a real SMTP server in the process), signs and confirms a few sample signatories, and drives
# Debian's Chromium (/usr/bin/chromium, or $PETITION_CHROMIUM) with Playwright. Nothing leaves the machine.
#
# Usage: scripts/screenshots.sh            writes docs/screenshots/*.png; commit them with the change they show
#        PETITION_SCREENSHOTS=/tmp/shots scripts/screenshots.sh   writes elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."

command -v /usr/bin/chromium >/dev/null || [ -n "${PETITION_CHROMIUM:-}" ] || {
  echo "Chromium is missing: apt-get install -y --no-install-recommends chromium"; exit 1; }
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export PETITION_SCREENSHOTS="${PETITION_SCREENSHOTS:-$PWD/docs/screenshots}"

dotnet build tests/Petition.Tests -c Debug -nologo -clp:ErrorsOnly
dotnet test tests/Petition.Tests --no-build -nologo --filter "Category=Screenshots" 2>&1 | tee /tmp/petition-screenshots.log
grep -qE "Passed!.*Passed:\s+1\b" /tmp/petition-screenshots.log || { echo "the screenshots were not taken"; exit 1; }
ls -1 "$PETITION_SCREENSHOTS"/*.png
