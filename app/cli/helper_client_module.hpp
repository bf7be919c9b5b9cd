// The seam between isolactl and its helper client module (isolactl-helper-client.so).
//
// Only apply, restore, probe, persist and unpersist without root talk to isola-helper, and that
// talk needs KAuth, Qt Core, Qt D-Bus and ICU. Linked into isolactl they cost every command their
// loading (scan, graph, explain: 20-40 ms of a 60 ms run on a small host), so they live in a module
// that through_helper_loader.cpp loads with dlopen() on first use. The module and isolactl are
// built together from one tree: the table's `version` catches a stale module left on disk.
#pragma once

#include <string>
#include <vector>

#include "plan/attach_plan.hpp"

namespace isola::cli {

inline constexpr int kHelperClientModuleVersion = 1;

struct HelperClientModule {
    int version = kHelperClientModuleVersion;
    int (*apply)(const AttachRequest& request, const std::string& fingerprint, bool json) = nullptr;
    int (*restore)(const std::vector<Bdf>& devices, bool json) = nullptr;
    int (*probe)(const Bdf& device, Backend backend, bool json) = nullptr;
    int (*persist)(const AttachRequest& request, const std::string& fingerprint) = nullptr;
    int (*unpersist)(const std::vector<Bdf>& devices) = nullptr;
};

}  // namespace isola::cli

// The module's one exported symbol.
extern "C" const isola::cli::HelperClientModule* isola_helper_client_module();
inline constexpr const char* kHelperClientModuleSymbol = "isola_helper_client_module";
