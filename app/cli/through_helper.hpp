// isolactl's changes through isola-helper (KAuth, polkit) when it does not run as root: the same
// plan, the same engine, run by the helper on the real host; the helper re-reads the host and
// refuses when the fingerprint of the plan the person approved no longer matches it.
//
// Each function prints what the helper said (report lines in the user's language, or --json's
// report) and returns isolactl's exit status. Qt-free header: only through_helper.cpp knows KAuth
// (through_helper_none.cpp replaces it in a build without the helper).
#pragma once

#include <string>
#include <vector>

#include "plan/attach_plan.hpp"

namespace isola::cli {

int apply_through_helper(const AttachRequest& request, const std::string& fingerprint, bool json);
int restore_through_helper(const std::vector<Bdf>& devices, bool json);
int probe_through_helper(const Bdf& device, Backend backend, bool json);
int persist_through_helper(const AttachRequest& request, const std::string& fingerprint);
int unpersist_through_helper(const std::vector<Bdf>& devices);

}  // namespace isola::cli
