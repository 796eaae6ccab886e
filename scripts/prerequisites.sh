# Sourced by run.sh and test.sh: installs what the project needs when it is missing, and says how when it cannot.
# Everything comes from Debian's packages, NuGet or npm at pinned versions; nothing is downloaded from elsewhere.

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
azurite_dir="$repo_root/tools/azurite"
azurite_bin="$azurite_dir/node_modules/.bin/azurite"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "error: '$*' needs root; run it as root or install the package yourself." >&2; return 1
  fi
}

apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $1 is missing and this is not a Debian/Ubuntu machine; install '$*' with your package manager." >&2
    return 1
  fi
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq >&2 || return 1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >&2
}

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK (dotnet) is not on PATH. Install it from your distribution or Microsoft's packages (dotnet-sdk-10.0), then run this again." >&2
    return 1
  fi
}

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "Node.js/npm not found: installing Debian's nodejs and npm packages..." >&2
    apt_install nodejs npm || { echo "error: Azurite needs Node.js 18+ and npm; install them and run this again." >&2; return 1; }
  fi
}

# Azurite is pinned by tools/azurite/package.json + package-lock.json and installed into that folder.
ensure_azurite() {
  if [ -x "$azurite_bin" ]; then return 0; fi
  ensure_node || return 1
  echo "Installing Azurite (pinned in tools/azurite/package-lock.json)..." >&2
  (cd "$azurite_dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || {
    echo "error: npm ci in tools/azurite failed; check that the npm registry is reachable." >&2; return 1; }
  [ -x "$azurite_bin" ] || { echo "error: Azurite did not install to $azurite_bin" >&2; return 1; }
}

# The browser tests drive Debian's chromium (Playwright's own browser download does not work offline).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  echo "Installing Debian's chromium for the browser tests..." >&2
  apt_install chromium || { echo "error: the viewer tests need chromium (apt-get install chromium)." >&2; return 1; }
}

# True when something accepts TCP connections on 127.0.0.1:$1 (bash's /dev/tcp; no extra tools needed).
port_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Waits up to $2 seconds (default 30) for 127.0.0.1:$1 to accept connections.
wait_for_port() {
  local port=$1 seconds=${2:-30} i
  for ((i = 0; i < seconds * 5; i++)); do
    port_listening "$port" && return 0
    sleep 0.2
  done
  return 1
}
