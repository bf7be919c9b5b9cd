# Sourced by test scripts (tests/helper/run_e2e.sh, .ci/test): the shell twin of
# tests/support/require_tool.hpp, with the same sentence.
#
#   require_tool TOOL DEBIAN_PACKAGE || exit $?
#
# Returns 0 when TOOL (a command on PATH, or an absolute path) is installed. Otherwise prints why
# and returns 77 — ctest's skip code (SKIP_RETURN_CODE 77) — or, with CI=true, 1: in CI a test of
# a real part must fail without its tool instead of passing as skipped.
require_tool() {
  local tool=$1 package=$2
  if [ "${tool#/}" != "$tool" ]; then [ -x "$tool" ] && return 0
  else command -v "$tool" >/dev/null 2>&1 && return 0; fi
  if [ "${CI:-}" = true ]; then
    printf '%s is not installed (Debian package %s); with CI=true a test of a real part fails without its tool\n' \
      "$tool" "$package" >&2
    return 1
  fi
  printf '%s is not installed (Debian package %s); skipped: install it, or run the tests inside bash .ci/env\n' \
    "$tool" "$package" >&2
  return 77
}
