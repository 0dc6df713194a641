# Sourced by scripts/run, scripts/test and scripts/bench: installs the Debian 12 packages rbacq
# needs (only the missing ones), then configures the given CMake preset.
# shellcheck shell=bash

RBACQ_PACKAGES=(cmake ninja-build ccache g++ pkg-config libyaml-cpp-dev tao-pegtl-dev libboost-graph-dev libfmt-dev
  doctest-dev libsimdjson-dev libcli11-dev libssl-dev libre2-dev libexpected-dev)
# What only the tests need: the SARIF schema validation (jsonschema; rfc3987 checks URI formats).
RBACQ_TEST_PACKAGES=(python3-jsonschema python3-rfc3987)

rbacq_install_packages() {
  local missing=()
  for p in "${RBACQ_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "rbacq: need root or sudo to install: ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  echo "rbacq: installing ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# rbacq_configure PRESET: configure once; later runs only rebuild what changed.
rbacq_configure() {
  local preset=$1
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" >&2
  fi
}
