#!/usr/bin/env bash
# The live Windows lane: the Windows build of Deno (deno.exe, from the npm
# package @deno/win32-x64) calling Wine 10's real iphlpapi.dll. Debian
# bookworm's Wine 8 cannot start deno.exe (V8 needs VirtualAlloc2 placeholder
# reservations), so Wine 10 runs from a Debian trixie chroot, cached outside
# the repository.
#
#   .ci/wine-lane.sh setup            build or reuse the chroot and deno.exe
#   .ci/wine-lane.sh test             run tests/live/ under Wine (deno task test:windows)
#   .ci/wine-lane.sh record           re-record cli/sample/ and tests/fixtures/ (Wine + mingw)
#   .ci/wine-lane.sh deno ARGS...     run deno.exe ARGS under Wine, in the repository
#
# Needs root (debootstrap, chroot, mount). Setup is idempotent; every mount
# made here is undone on exit.
set -euo pipefail

DENO_VERSION="${DENO_VERSION:-2.9.5}"
CACHE="${IPHLPAPI_WINE_CACHE:-/var/cache/iphlpapi-wine}"
ROOT="$CACHE/trixie"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
MIRROR="${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n 1)}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

log() { printf 'wine-lane: %s\n' "$*" >&2; }

setup_chroot() {
  if [ -f "$ROOT/.iphlpapi-ready" ]; then return; fi
  command -v debootstrap >/dev/null || { log "installing debootstrap"; apt-get install -y -qq debootstrap >/dev/null; }
  log "building the Debian trixie chroot with Wine 10 in $ROOT (about 2 minutes, 1.5 GB)"
  rm -rf "$ROOT"
  mkdir -p "$CACHE"
  debootstrap --variant=minbase --include=wine64 trixie "$ROOT" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 ||
    { tail -n 20 "$CACHE/debootstrap.log" >&2; return 1; }
  touch "$ROOT/.iphlpapi-ready"
}

setup_deno() {
  local exe="$ROOT/opt/deno-$DENO_VERSION/deno.exe"
  if [ -f "$exe" ]; then return; fi
  log "fetching deno.exe $DENO_VERSION from npm (@deno/win32-x64)"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "@deno/win32-x64@$DENO_VERSION" >/dev/null && tar xzf ./*.tgz)
  mkdir -p "$(dirname "$exe")"
  mv "$tmp/package/deno.exe" "$exe"
  rm -rf "$tmp"
}

MOUNTS=()
mount_all() {
  if ! mountpoint -q "$ROOT/proc"; then mount -t proc proc "$ROOT/proc" && MOUNTS+=("$ROOT/proc"); fi
  mkdir -p "$ROOT$REPO"
  if ! mountpoint -q "$ROOT$REPO"; then mount --bind "$REPO" "$ROOT$REPO" && MOUNTS+=("$ROOT$REPO"); fi
}
unmount_all() {
  local m
  for m in "${MOUNTS[@]}"; do umount "$m" || umount -l "$m" || true; done
  MOUNTS=()
}
trap unmount_all EXIT

# deno.exe under Wine 10, with the repository as the working directory.
wine_deno() {
  (cd / && chroot "$ROOT" env HOME=/root WINEDEBUG=-all NO_COLOR=1 \
    /bin/sh -c 'cd "$0" && exec /usr/lib/wine/wine64 "$@"' "$REPO" \
    "/opt/deno-$DENO_VERSION/deno.exe" "$@") 2> >(grep -v 'XDG_RUNTIME_DIR' >&2)
}

setup() {
  setup_chroot
  setup_deno
  mount_all
  [ -d "$ROOT/root/.wine" ] || log "creating the Wine prefix (about 20 s, once)"
  wine_deno --version >/dev/null
}

case "${1:-}" in
  setup)
    setup
    ;;
  test)
    setup
    log "running tests/live/ with deno.exe $DENO_VERSION under $(chroot "$ROOT" /usr/lib/wine/wine64 --version)"
    wine_deno test --allow-all --unstable-net tests/live/
    ;;
  record)
    setup
    wine_deno run --allow-all --unstable-net tests/fixtures/record.ts
    # The header-built tables: each C file writes its capture into the embedded
    # sample and the values it set into tests/fixtures/.
    tmp="$(mktemp -d)"
    for pair in mingw_tables:mingw mingw_connections:mingw_connections mingw_netio:mingw_netio; do
      source="${pair%%:*}" name="${pair##*:}"
      log "building the mingw-w64 tables (tests/fixtures/$source.c)"
      x86_64-w64-mingw32-gcc -Wall -Wextra -Werror -o "$tmp/$source.exe" \
        "$REPO/tests/fixtures/$source.c" -lws2_32 -liphlpapi
      WINEDEBUG=-all /usr/lib/wine/wine64 "$tmp/$source.exe" \
        "$REPO/cli/sample/$name.capture.json" "$REPO/tests/fixtures/$name.expected.json"
    done
    rm -rf "$tmp"
    ;;
  deno)
    shift
    setup
    wine_deno "$@"
    ;;
  *)
    sed -n '2,16p' "$0" >&2
    exit 2
    ;;
esac
