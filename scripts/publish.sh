#!/usr/bin/env bash
# Publishes the web app in Release, the same way the Dockerfile does. Usage: scripts/publish.sh [output folder]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish src/Petition.Web -c Release -o "${1:-artifacts/publish}"
