// isolactl-helper-client.so: through_helper.cpp's calls, exported as one table (helper_client_module.hpp).
#include "helper_client_module.hpp"

#include "through_helper.hpp"

extern "C" __attribute__((visibility("default"))) const isola::cli::HelperClientModule* isola_helper_client_module() {
    static const isola::cli::HelperClientModule table{
        .version = isola::cli::kHelperClientModuleVersion,
        .apply = &isola::cli::apply_through_helper,
        .restore = &isola::cli::restore_through_helper,
        .probe = &isola::cli::probe_through_helper,
        .persist = &isola::cli::persist_through_helper,
        .unpersist = &isola::cli::unpersist_through_helper,
    };
    return &table;
}
