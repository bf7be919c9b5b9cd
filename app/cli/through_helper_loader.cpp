// isolactl's side of the helper client module (helper_client_module.hpp): loads it on first use,
// from isolactl's own directory (a build tree) or the installed module directory.
#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "helper_client_module.hpp"
#include "text/message.hpp"
#include "through_helper.hpp"

namespace isola::cli {
namespace {

constexpr const char* kModuleFile = "isolactl-helper-client.so";

std::filesystem::path own_directory() {
    std::array<char, 4096> buf{};
    const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
    return n > 0 ? std::filesystem::path(std::string(buf.data(), static_cast<std::size_t>(n))).parent_path()
                 : std::filesystem::path();
}

// The table, or nullptr after saying why (dlopen's own words) on stderr.
const HelperClientModule* module(const char* command) {
    static const HelperClientModule* loaded = nullptr;
    if (loaded) return loaded;
    std::string tried;
    std::string why;
    for (const std::filesystem::path& candidate :
         {own_directory() / kModuleFile, std::filesystem::path(ISOLA_HELPER_CLIENT_MODULE_DIR) / kModuleFile}) {
        if (!tried.empty()) tried += ", ";
        tried += candidate.string();
        std::error_code ec;
        if (!std::filesystem::exists(candidate, ec)) continue;
        void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            why = ::dlerror();
            continue;
        }
        auto* entry = reinterpret_cast<const HelperClientModule* (*)()>(::dlsym(handle, kHelperClientModuleSymbol));
        const HelperClientModule* table = entry ? entry() : nullptr;
        if (table && table->version == kHelperClientModuleVersion) return loaded = table;
        why = table ? say("it is from another version of Isola") : say("it is not Isola's helper client");
        ::dlclose(handle);
    }
    if (why.empty()) why = say("not found");
    // TRANSLATORS: {0} a command (apply, restore, ...), {1} the files tried, {2} why loading failed.
    std::cerr << "isolactl: "
              << say("{0} needs root or isola-helper, and isolactl cannot load its helper client ({1}: {2}); "
                     "reinstall Isola, or run it as root (for example sudo isolactl {0} …)",
                     command, tried, why)
              << "\n";
    return nullptr;
}

}  // namespace

int apply_through_helper(const AttachRequest& request, const std::string& fingerprint, bool json) {
    const auto* m = module("apply");
    return m ? m->apply(request, fingerprint, json) : kExitBlocked;
}
int restore_through_helper(const std::vector<Bdf>& devices, bool json) {
    const auto* m = module("restore");
    return m ? m->restore(devices, json) : kExitBlocked;
}
int probe_through_helper(const Bdf& device, Backend backend, bool json) {
    const auto* m = module("probe");
    return m ? m->probe(device, backend, json) : kExitBlocked;
}
int persist_through_helper(const AttachRequest& request, const std::string& fingerprint) {
    const auto* m = module("persist");
    return m ? m->persist(request, fingerprint) : kExitBlocked;
}
int unpersist_through_helper(const std::vector<Bdf>& devices) {
    const auto* m = module("unpersist");
    return m ? m->unpersist(devices) : kExitBlocked;
}

}  // namespace isola::cli
