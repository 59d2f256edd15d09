#!/usr/bin/env bash
# Install the Debian packages politikbase needs, where they are missing.
# An argument PACKAGE:COMMAND counts as present when COMMAND is on the PATH, whoever
# installed it (Node.js from NodeSource brings its own npm, which Debian's npm
# package would conflict with).
set -euo pipefail
missing=()
for item in "$@"; do
  package=${item%%:*}
  if [[ "$item" == *:* ]] && command -v "${item#*:}" >/dev/null 2>&1; then
    continue
  fi
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Please install these system packages: ${missing[*]}" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
echo "Installing system packages: ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
